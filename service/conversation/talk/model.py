"""The crisis conversation's own values: the risk Signal read from texts, and the shapes of its results (Result,
Turn). Its effects (Raise, Exchange, ForgetWindow) and the Reply it builds live in service.conversation.model."""

from dataclasses import dataclass

from service.conversation.model import Effect, Reply


@dataclass(frozen=True)
class Signal:
    """Risk read from the texts: a detector category, and whether it was plain (False: indirect signs that add
    up across texts, or a text only the model flags, worth a direct question rather than the crisis reply), and
    whether the detector flagged the text itself (then on-call is alerted, as for every crisis text)."""

    category: str
    plain: bool
    detected: bool = False


Result = tuple[list[Reply], list[Effect]]
"""The replies and effects for one text (any of the engine's effects, the conversation's own among them)."""
Turn = tuple[str, str, list[Reply]]
"""A stage, a kind and the replies for one text inside a conversation."""
