"""The stages of a crisis conversation, and what of it is kept in the person's State.

The three questions that wait for an answer, the five stages that stay with the person, DECLINED and ENDED; the kinds
of emergency a conversation can be about (HELPING, CHECKING); the risk level each stage stands for and when on-call is
alerted; how long a stage lasts; and stage_effect(), the State update that keeps a stage. The README's "The crisis
conversation" lists every stage and how it ends.
"""

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from service.config import ALERT_LEVELS
from service.conversation import model
from service.conversation.model import State

if TYPE_CHECKING:
    from service.conversation.model import Effect

# Stages. The first three wait for the answer to a question; the next five stay with the person.
ASK = "ask"  # asked "Are you thinking about suicide?" after indirect signs
PLAN = "plan"  # they said it plainly; asked whether they have a plan or the means for today or tonight
SAFE_Q = "safe_q"  # asked "Are you safe right now?" after signs of danger from someone else
IMMINENT = "imminent"  # a plan, intent or means for the next day: 911 or the ER, a person now, away from the means
THOUGHTS = "thoughts"  # thoughts without that: 988, a professional and a trusted person, coping steps, a safety plan
UNSAFE = "unsafe"  # not safe from someone right now: 911
SAFE_NOW = "safe_now"  # safe for now: the domestic violence hotline and safety steps
EMERGENCY = "emergency"  # an overdose, a medical emergency, a threat to others: the crisis reply, then staying
DECLINED = "declined"  # a clear "no", believed: normal service; indirect signs alone do not ask again meanwhile
QUESTIONS = (ASK, PLAN, SAFE_Q)
DANGER_STAGES = (SAFE_Q, UNSAFE, SAFE_NOW)
STAGES = (*QUESTIONS, IMMINENT, THOUGHTS, UNSAFE, SAFE_NOW, EMERGENCY, DECLINED)
ENDED = ""
"""No stage: the conversation is over, and the person's next text is routed as usual."""

EMERGENCIES = ("overdose", "medical", "harm_to_others")
"""Categories whose risk to life is now: the crisis reply, then short urgent replies, at the imminent level."""
QUESTIONED = ("suicide", "self_harm", "violence")
"""Risks the conversation asks about directly ("are you thinking about suicide?", "are you safe right now?")."""
HELPING = "helping"
"""The kind (talk_kind) of an emergency the texter is helping someone else through: the helper's replies."""
CHECKING = "checking"
"""The kind of an emergency only the model read, which the line asked about before giving its steps."""
POISONINGS = ("overdose", "medical", HELPING)
"""Kinds of emergency where a body needs paramedics: there a barrier never gets "text 988 instead"."""

TALK_TTL = timedelta(hours=24)
"""A stage ends this long after the person's last text in it; their next text is routed as usual."""
CHECK_DELAY = timedelta(minutes=60)
"""An unanswered question gets one gentle follow-up this much later (the next day's caring contact still comes)."""
MISREAD_FOR = timedelta(hours=1)
"""After the line said it misread someone, for this long indirect signs do not ask again, and the model alone
reading the same emergency does not reopen the conversation."""

LEVELS = ALERT_LEVELS
"""Risk levels, lowest first: signs worth a question, a disclosure, risk to life now. On-call alerting follows
ONCALL_ALERT_LEVELS (service/config.py); imminent is always alerted at once."""
STAGE_LEVEL = {
    ASK: "possible", SAFE_Q: "possible", PLAN: "high", THOUGHTS: "high", SAFE_NOW: "high",
    IMMINENT: "imminent", UNSAFE: "imminent", EMERGENCY: "imminent",
}  # fmt: skip


def active(state: State, now: datetime) -> str:
    """The person's stage, or "" when none is open (never started, or over TALK_TTL since their last text)."""
    if state.talk and now.timestamp() - state.talk_at < TALK_TTL.total_seconds():
        return state.talk
    return ""


def check_due(state: State, at: datetime, late_grace: timedelta) -> bool:
    """Whether the gentle follow-up to an unanswered question still fits at `at`: the question is still open and
    not more than `late_grace` overdue (after that the next day's caring contact says it instead)."""
    overdue = at.timestamp() - state.talk_at - CHECK_DELAY.total_seconds()
    return state.talk in QUESTIONS and overdue <= late_grace.total_seconds()


def higher(a: str, b: str) -> str:
    """The higher of two risk levels ("" is the lowest)."""
    return max(a or LEVELS[0], b, key=LEVELS.index)


def alerted(level: str, rules: model.Rules) -> bool:
    """Whether on-call staff are alerted at `level`."""
    return level == "imminent" or level in rules.alert_levels


def stage_effect(
    stage: str,
    now: datetime,
    turns: int,
    level: str,
    escalation: str,
    steps: bool = False,
    kind: str = "",
    last: str = "",
    sent: str = "",
) -> "Effect":
    """The State update that keeps the conversation at `stage` (State's talk_* fields)."""
    values = {
        "talk": stage, "talk_at": int(now.timestamp()), "talk_turns": turns, "talk_level": level,
        "talk_esc": escalation, "talk_steps": int(steps), "talk_kind": kind, "talk_last": last, "talk_sent": sent,
    }  # fmt: skip
    return model.Update(values)
