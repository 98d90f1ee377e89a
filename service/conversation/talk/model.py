"""The conversation's own values and effects: the risk Signal read from texts, the effects it hands service.effects
beside the engine's (Raise, Exchange, ForgetWindow), and the shapes of its results (Result, Turn).

The engine's Reply, crisis_key and effects live in service/engine.py, which imports this package; so the conversation
reaches them through lazy_engine(), at its first call rather than at import (no import cycle at load time).
"""

from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from service import engine


@dataclass(frozen=True)
class Signal:
    """Risk read from the texts: a detector category, and whether it was plain (False: indirect signs that add
    up across texts, or a text only the model flags, worth a direct question rather than the crisis reply), and
    whether the detector flagged the text itself (then on-call is alerted, as for every crisis text)."""

    category: str
    plain: bool
    detected: bool = False


# Effects of the conversation, written by service.effects with the engine's own.
@dataclass(frozen=True)
class Raise:
    """The risk of an open escalation rose to `level`; on-call staff are alerted again when `alert`."""

    escalation: str
    level: str
    alert: bool


@dataclass(frozen=True)
class Exchange:
    """Texts from the person and the replies they got (in their language once the engine sets it), for the
    escalation's thread."""

    escalation: str
    texts: tuple[str, ...]
    replies: tuple["engine.Reply", ...]


@dataclass(frozen=True)
class ForgetWindow:
    """Drop the person's recent texts, so what they said before a believed "no" does not ask again."""


Effect = Raise | Exchange | ForgetWindow
"""The conversation's own effects (the engine's Effect includes them)."""

Result = tuple[list["engine.Reply"], list["engine.Effect"]]
"""The replies and effects for one text (any of the engine's effects, the conversation's own among them)."""
Turn = tuple[str, str, list["engine.Reply"]]
"""A stage, a kind and the replies for one text inside a conversation."""


def lazy_engine() -> ModuleType:
    """service.engine, imported at the first call: it imports this package, and Reply and its effects live there."""
    from service import engine

    return engine
