"""The conversation's model: the values its plain functions take and give.

What the engine knows about a person (State), an inbound text (Message), a reply (Reply), every effect the
webhook and the jobs write (Effect), the configurable parts (Rules), and the kinds of scheduled text (SEND_KINDS).
Importing it loads no I/O library: the engine, check-ins, the crisis conversation and the store all read it, and
it reads none of them.
"""

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from messages import catalog
from service.config import Config
from service.crisis import medical


@dataclass(frozen=True)
class State:
    """What the conversation engine knows about a sender, read from their user hash."""

    known: bool = False
    opted_out: bool = False
    subscription: str = ""  # "", "pending" (asked to reply YES) or "active"
    minutes: int | None = None  # check-in time, minutes after local midnight
    zone: str | None = None
    schedule: str = "daily"
    anchor: int = 0  # date ordinal that fixes the days of an "alternate" schedule
    paused_until: int = 0  # date ordinal of the first day check-ins may come again
    question: str = ""  # "", "mood" or "craving": the check-in question awaiting an answer
    asked_at: int = 0  # epoch seconds the question was asked
    question_day: int = 0  # date ordinal of the check-in the question belongs to
    mood: int = 0
    streak: int = 0
    last_day: int = 0  # date ordinal of the last answered check-in
    low: int = 0  # low answers in a row
    reminder_at: int = 0  # epoch seconds of the pending check-in's reminder (its DUE score until it runs)
    unreachable: bool = False
    # The crisis conversation (service.conversation.talk): its stage, when the person last texted in it, replies in the
    # stage so far, its risk level, its escalation, whether the steps were sent, and whose risk it is (its kind).
    talk: str = ""
    talk_at: int = 0
    talk_turns: int = 0
    talk_level: str = ""
    talk_esc: str = ""
    talk_steps: bool = False
    talk_kind: str = ""  # the risk the conversation is about (a detector category, or "helping" someone else)
    talk_last: str = ""  # the key of the conversation's last reply, so the next is never the same text
    talk_sent: str = ""  # the keys of its last few replies, comma-joined, so short replies do not come round again
    recent: tuple[str, ...] = ()  # the person's last few texts within WINDOW_S, oldest first (decrypted)
    clarify_at: int = 0  # epoch seconds the line asked whether an unclear text meant "stop texting me"
    opted_out_at: int = 0  # epoch seconds of the opt-out (kept by FORGET, with the opt-out itself)
    escalation: str = ""  # the id of the person's escalation still open or claimed, if any
    texts_minute: int = 0  # texts from this person in the current minute, this one included (claim_and_load)
    texts_hour: int = 0  # the same in the current hour
    digest: str = ""  # a digest of the stored hash this State was read from: commit writes only if it still holds
    language: str = ""  # "", "en" or "es": "" until a text showed it (replies then use the text's, or English)
    last_inbound: int = 0  # epoch seconds of the person's last text (WhatsApp's 24-hour window runs from it)
    held_by: str = ""  # the operator texting the person from the console (service.admin.conversation), if any
    held_at: int = 0  # epoch seconds of that operator's last text: the hold ends Rules.hold_idle after it


@dataclass(frozen=True)
class Message:
    """An inbound text as the engine sees it: the text, its bare keyword form, its crisis category, the zone
    its number most likely lives in, and the language it is written in (None: can't tell)."""

    text: str
    keyword: str
    crisis: str | None
    zone_guess: str | None = None
    bystander: bool = False  # a crisis text about someone else: the helper gets the bystander reply
    sid: str = ""  # the MessageSid, which names an escalation this text opens
    language: str | None = None
    watch: bool = False  # close to a crisis (service.crisis.verdict): the reply gets one line naming 988
    sure: bool = False  # the crisis rules matched (else the category, if any, is the model's alone)


@dataclass(frozen=True)
class Reply:
    """A template to send, with the values for its placeholders, in `language` ("" until the engine sets it)."""

    key: str
    values: Mapping[str, str] = field(default_factory=dict)
    language: str = ""


def held(state: State, now: datetime, rules: "Rules") -> bool:
    """Whether an operator holds the conversation: from their first text until they hand it back, the escalation
    is closed, or Rules.hold_idle passes without another text from them."""
    return bool(state.held_by) and now.timestamp() - state.held_at < rules.hold_idle.total_seconds()


def crisis_key(category: str, bystander: bool = False, text: str = "") -> str:
    """The crisis reply for `category`, in its version for the person helping when the text is about someone else;
    for a medical `text` about someone unconscious, not breathing or blue, the reply about that (never seizure
    steps alone), which is always for the helper: the person who can't be woken is not the one texting."""
    if category == "medical" and medical.unresponsive(text):
        return "crisis.unresponsive"
    return f"crisis.{category}.bystander" if bystander else f"crisis.{category}"


@dataclass(frozen=True)
class Rules:
    """The configurable parts of the conversation (see service.config)."""

    quiet_hours: tuple[int, int] = (21 * 60, 8 * 60)
    default_minutes: int = 10 * 60
    default_zone: str = "America/New_York"
    question_ttl: timedelta = timedelta(hours=12)
    reminder_delay: timedelta = timedelta(minutes=120)
    low_streak: int = 3
    referral_followup: timedelta = timedelta(days=3)
    alert_levels: frozenset[str] = frozenset({"high", "imminent"})
    texts_per_minute: int = 10
    texts_per_hour: int = 50
    hold_idle: timedelta = timedelta(minutes=30)

    @classmethod
    @functools.lru_cache(maxsize=16)  # a Rules is immutable, and every text of a process reads the same settings
    def from_config(cls, config: Config) -> "Rules":
        return cls(
            quiet_hours=config.QUIET_HOURS,
            default_minutes=config.DEFAULT_CHECKIN_TIME,
            default_zone=config.DEFAULT_ZONE,
            question_ttl=timedelta(hours=config.QUESTION_TTL_H),
            reminder_delay=timedelta(minutes=config.REMINDER_DELAY_MIN),
            low_streak=config.LOW_STREAK,
            referral_followup=timedelta(days=config.REFERRAL_FOLLOWUP_DAYS),
            alert_levels=config.ONCALL_ALERT_LEVELS,
            texts_per_minute=config.INBOUND_PER_MINUTE,
            texts_per_hour=config.INBOUND_PER_HOUR,
            hold_idle=timedelta(minutes=config.OPERATOR_IDLE_MIN),
        )


@dataclass(frozen=True)
class SendKind:
    """A kind of scheduled text: the template it sends, what it is counted and shown as, and whether it is a one-off
    in the LATER index (else the subscriber's DUE entry points at it)."""

    template: str
    sent_as: str
    one_off: bool = True


SEND_KINDS = {
    "checkin": SendKind("checkin.ask", "checkin", one_off=False),
    "reminder": SendKind("checkin.reminder", "reminder", one_off=False),
    "referral": SendKind("referral", "referral"),
    "referral_followup": SendKind("referral.followup", "followup"),
    "crisis_followup": SendKind("crisis.followup", "followup"),
    "crisis_check": SendKind("talk.check", "followup"),
}
"""Every kind of scheduled text, by the name its claim and its LATER entry use."""
LATER_KINDS = tuple(name for name, kind in SEND_KINDS.items() if kind.one_off)


# Effects, written by the caller (service.effects) in one transaction: the engine's, check-ins' and the crisis
# conversation's.
@dataclass(frozen=True)
class MarkSeen:
    """The sender has now been welcomed."""


@dataclass(frozen=True)
class OptOut:
    """The sender opted out: check-ins end, nothing more is sent except replies to START, HELP and crisis texts."""


@dataclass(frozen=True)
class OptIn:
    """The sender opted back in (check-ins stay off until they text CHECKIN again)."""


@dataclass(frozen=True)
class Forget:
    """Erase everything stored about the sender except an opt-out, which must keep being honoured."""


@dataclass(frozen=True)
class Escalate:
    """A crisis message: record it (with its words, for the person who follows it up) at its risk level
    (service.conversation.talk.LEVELS), and alert the on-call when `alert`."""

    category: str
    text: str
    level: str = "high"
    alert: bool = True
    language: str = catalog.DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Attach:
    """A later crisis message from a person whose escalation is still open: add it there (on-call already knows)."""

    escalation_id: str
    category: str
    text: str


@dataclass(frozen=True)
class Watched:
    """A text close to a crisis got the line naming 988: counted for the console, never alerted."""


@dataclass(frozen=True)
class Update:
    """Set State fields `values` of the sender and delete State fields `clear` (both by State name)."""

    values: dict[str, object]
    clear: tuple[str, ...] = ()


@dataclass(frozen=True)
class KeepNumber:
    """Store the sender's number: later texts (check-ins, a caring follow-up) must be sent to it."""


@dataclass(frozen=True)
class Due:
    """The sender's next check-in instant in the due index, or None to take them out of it."""

    at: datetime | None


@dataclass(frozen=True)
class Later:
    """A one-off text ("reminder", "referral", "referral_followup", "crisis_followup") due at `at`."""

    kind: str
    at: datetime


@dataclass(frozen=True)
class Unschedule:
    """Drop a pending one-off text of `kind` (its reason has passed)."""

    kind: str


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
    replies: tuple[Reply, ...]


@dataclass(frozen=True)
class ForgetWindow:
    """Drop the person's recent texts, so what they said before a believed "no" does not ask again."""


@dataclass(frozen=True)
class Unread:
    """A text from a person an operator is texting: their escalation shows it as unread until someone looks."""

    escalation: str


Effect = (
    MarkSeen
    | OptOut
    | OptIn
    | Forget
    | Escalate
    | Attach
    | Watched
    | Update
    | KeepNumber
    | Due
    | Later
    | Unschedule
    | Raise
    | Exchange
    | ForgetWindow
    | Unread
)
Scheduling = Update | Due | Later | Unschedule
"""The effects on a person's state and schedule alone: what the send jobs write (service.conversation.sends)."""
Result = tuple[list[Reply], list[Effect]]
"""The replies and effects for one text."""
