"""No reply comes round again (VERA-MH Q29). The short human replies after a disclosure, in families by the
conversation's kind and taken in turn; the second wording of an answer asked for twice in a row; the last reply keys
kept in State.talk_sent, and the rule that replaces a reply sent lately and leaves out an add-on sent lately.
"""

from typing import TYPE_CHECKING

from service import crisis
from service.conversation import model
from service.conversation.talk.barriers import barrier
from service.conversation.talk.pills import going_without
from service.conversation.talk.stages import CHECKING, EMERGENCY, HELPING, IMMINENT, POISONINGS, UNSAFE
from service.crisis import person

if TYPE_CHECKING:
    from service.conversation.model import Reply

STAY_REPLIES = {
    "calm": ("talk.stay.1", "talk.stay.5", "talk.stay.3", "talk.stay.2", "talk.stay.6", "talk.stay.4"),
    "urgent": ("talk.urgent.5", "talk.urgent.3", "talk.urgent.6", "talk.urgent.4", "talk.urgent.2", "talk.urgent.1"),
    "refused": ("talk.refused.1", "talk.refused.2", "talk.refused.3"),
    "helping": ("talk.helping.1", "talk.helping.4", "talk.helping.2", "talk.helping.3"),
    "family": ("talk.family.1", "talk.family.2", "talk.family.3"),
    "withdrawal": ("talk.withdrawal_help.1", "talk.withdrawal_help.2", "talk.withdrawal_help.3"),
    "danger": ("talk.danger.1", "talk.danger.2", "talk.danger.3"),
    "others": ("talk.others.1", "talk.others.2", "talk.others.3"),
}
"""Short human replies for the texts after a disclosure, by the conversation's kind, taken in turn so no text
repeats back to back: for thoughts, risk to life now (and the same after 911 was refused), someone else's
emergency (a body to watch, or someone else's thoughts of suicide), danger from someone, and an urge to hurt
someone."""
_NAMED = {"talk.urgent.3": "talk.urgent.named", "talk.stay.5": "talk.reach.named"}
"""Replies said with the person the texter named, when they named one ("could your sister come be with you?")."""


def stay(stage: str, kind: str, turns: int, texts: list[str]) -> "Reply":
    """The short reply of the stage's family for the conversation's `turns`-th text, with the person they named
    when the reply names one."""
    family = _stay_family(stage, kind, texts)
    key = STAY_REPLIES[family][turns % len(STAY_REPLIES[family])]
    who = person.trusted_person(texts) if key in _NAMED else ""
    return model.Reply(_NAMED[key], {"who": who}) if who else model.Reply(key)


def _stay_family(stage: str, kind: str, texts: list[str]) -> str:
    """The family of short replies for a stage and kind (STAY_REPLIES)."""
    if stage == EMERGENCY and kind in (HELPING, "harm_to_others"):
        family = "helping" if kind == HELPING else "others"
        if kind == HELPING and any(going_without(text) for text in texts):
            family = "withdrawal"  # someone in withdrawal (confused, seeing things): not questions about what they took
        elif kind == HELPING and not any(crisis.classify(text) in POISONINGS for text in texts):
            family = "family"  # helping someone with thoughts of suicide: not breathing checks for a body
    elif stage == UNSAFE:
        family = "danger"
    else:
        family = "urgent" if stage == IMMINENT or (stage == EMERGENCY and kind != CHECKING) else "calm"
    if family == "urgent" and any(barrier(text) == "police" for text in texts):
        family = "refused"  # 911 refused: 988 by text, a person, distance, instead of the same "call 911"
    return family


SAID_AGAIN = {
    "talk.no_sleep_it_off": "talk.no_sleep_it_off.2",
    "talk.barrier.police_emergency": "talk.helping.2",
    "talk.barrier.police": "talk.barrier.police.2",
}
"""The second wording of an answer the texter asks for twice in a row (never the same text back to back)."""

SENT_KEPT = 8
"""How many of the conversation's last reply keys are kept (State.talk_sent), so none of them comes round again."""
_SAID_ONCE = ("talk.heard", "talk.veterans", "talk.means.", "talk.reach")
"""Replies sent beside another that add nothing the second time: left out when they went out lately."""


def sent_after(before: str, replies: list["Reply"]) -> str:
    """State.talk_sent once `replies` go out after `before`: the last SENT_KEPT reply keys."""
    keys = [*(before.split(",") if before else []), *(reply.key for reply in replies)]
    return ",".join(keys[-SENT_KEPT:])


def fresh(replies: list["Reply"], sent: list[str], stage: str, kind: str, texts: list[str]) -> list["Reply"]:
    """The replies without what the conversation sent lately (VERA-MH Q29): a reply sent lately is replaced by a
    short reply of its family (or of the stage's family) not sent lately, and an add-on sent lately beside another
    reply is left out."""
    kept = [r for r in replies if not (r.key in sent and r.key.startswith(_SAID_ONCE))] or replies[:1]
    if kept[0].key not in sent:
        return kept  # the usual case: nothing to replace, and no reading of the window for the stage's family
    family = next((keys for keys in STAY_REPLIES.values() if kept[0].key in keys), ())
    family = family or STAY_REPLIES[_stay_family(stage, kind, texts)]
    unused = [key for key in family if key not in sent and _NAMED.get(key) not in sent]
    if unused:
        who = person.trusted_person(texts) if unused[0] in _NAMED else ""
        kept[0] = model.Reply(_NAMED[unused[0]], {"who": who}) if who else model.Reply(unused[0])
    return kept
