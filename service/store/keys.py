"""Every Redis key name and TTL the service uses, and the sizes that bound them: nothing else builds a key string."""

from collections.abc import Mapping
from datetime import date, datetime

Hash = Mapping[str | bytes, bytes | float | int | str]
"""A hash's fields as redis-py's stubs take them (their key type is invariant, so a dict[str, str] needs a cast)."""

PREFIX = "sl:"

QUEUE = "steadyline"
"""The one RQ queue: jobs are few and short, so one queue keeps ordering simple."""

SID_TTL_S = 7 * 24 * 3600
"""How long a claimed MessageSid is remembered; Twilio retries a webhook for minutes, never for days."""

SENT_TTL_S = 3 * 24 * 3600
"""How long a send's idempotency key is kept: longer than any job retry or recovery takes."""

OUTBOX = PREFIX + "outbox"

OUTBOX_MAX = 1000
"""How many console-transport messages the outbox keeps (newest first)."""

ESCALATIONS = PREFIX + "escalations"
"""Sorted set of escalation ids by time, newest last: the operators' queue."""

DUE = PREFIX + "due"
"""Sorted set of subscriber ids by their next check-in instant (epoch seconds): the scheduler's index."""

LATER = PREFIX + "later"
"""Sorted set of one-off sends ("referral:<id>", "crisis_followup:<id>", ...) by due instant. (A check-in's
reminder needs no entry here: the subscriber's own DUE entry points at it until it has run.)"""

STATS_TTL_S = 400 * 24 * 3600
"""Daily aggregate counters are kept for a year and a bit, for the dashboard's trends."""


def stats_key(day: date) -> str:
    """Hash of one UTC day's aggregate counters (no numbers, no words): checkin_sent, answered, mood_1..mood_5,
    reminder_sent, referral_sent, followup_sent, crisis_events, crisis_events_<language> (en, es), and watch
    (texts close to a crisis: service.crisis.verdict)."""
    return f"{PREFIX}stats:{day.isoformat()}"


TEMPLATE_TEXTS = PREFIX + "tpl:texts"
"""Hash "language:key" -> the published text of a template (absent: the default in messages/*.yaml)."""

TEMPLATE_GENERATION = PREFIX + "tpl:generation"
"""A counter bumped by every publish, so processes know to reload TEMPLATE_TEXTS."""


WHATSAPP_CONTENT = PREFIX + "wa:content"
"""Hash of approved WhatsApp templates: "language:key" -> ContentSid (set by `steadyline whatsapp template`)."""


def template_versions_key(field: str) -> str:
    """List of JSON version records of one template ("language:key"), oldest first."""
    return f"{PREFIX}tpl:versions:{field}"


CLAIM_LEASE_S = 600
"""A claimed due entry is pushed this far ahead; if its job never runs, it comes due again after the lease."""


def sid_key(message_sid: str) -> str:
    return f"{PREFIX}sid:{message_sid}"


def spooled_key(message_sid: str) -> str:
    """Set once a crisis text answered while Redis was down has been recorded from the spool (service.spool)."""
    return f"{PREFIX}spooled:{message_sid}"


def sent_key(idempotency_key: str) -> str:
    return f"{PREFIX}sent:{idempotency_key}"


def user_key(sender: str) -> str:
    return f"{PREFIX}u:{sender}"


def escalation_key(escalation_id: str) -> str:
    return f"{PREFIX}esc:{escalation_id}"


def person_escalations_key(sender: str) -> str:
    """Set of one person's escalation ids, so FORGET finds them without reading every escalation."""
    return f"{PREFIX}u-esc:{sender}"


PERSON_ESCALATIONS_INDEXED = PREFIX + "u-esc:built"
"""Set once the per-person index covers escalations recorded before it existed (see index_person_escalations)."""

WINDOW_TEXTS = 4

WINDOW_S = 45 * 60
"""A person's last WINDOW_TEXTS texts within WINDOW_S are read together for risk (service.conversation.talk); the list
expires WINDOW_S after their last text."""


def window_key(sender: str) -> str:
    """List of a person's recent texts, newest first, each encrypted (privacy.TEXT) as "<epoch>|<text>"."""
    return f"{PREFIX}w:{sender}"


INBOUND_WINDOWS_S = (60, 3600)
"""The windows a person's inbound texts are counted in (State.texts_minute, State.texts_hour), for the limit."""


def inbound_key(sender: str, window_s: int, at: datetime) -> str:
    """How many texts `sender` sent in the `window_s` window holding `at` (a counter that expires with it)."""
    return f"{PREFIX}in:{sender}:{window_s}:{int(at.timestamp()) // window_s}"


ESCALATION_TEXTS_MAX = 50
"""Later crisis texts kept on one escalation (the newest): enough to follow a person's words, bounded in a flood."""


def escalation_texts_key(escalation_id: str) -> str:
    """List of JSON records ({"at", "category", "text": the words encrypted, base64}) of the crisis texts a person
    sent while this escalation was open, oldest first."""
    return f"{PREFIX}esc:{escalation_id}:texts"


def escalation_thread_key(escalation_id: str) -> str:
    """List of an escalation's exchange, oldest first: each entry JSON {"from": "person" | "line", "at", "text"},
    encrypted (privacy.TEXT)."""
    return f"{PREFIX}esc:{escalation_id}:thread"


SEND_BUCKET = PREFIX + "sendrate"
"""Hash {tokens, ts}: the token bucket every worker takes from before a send (service.pacing)."""

SEND_BUCKET_WHATSAPP = SEND_BUCKET + ":whatsapp"
"""The same for WhatsApp sends, which Twilio rate-limits per WhatsApp sender apart from SMS
(WHATSAPP_SEND_RATE_PER_S)."""

MESSAGE_TTL_S = 24 * 3600
"""How long a sent message's record is kept: its callbacks come within minutes, a late read receipt within days,
and one record per check-in must not pile up per subscriber."""

FAILURES = PREFIX + "failures"
"""Hash: Twilio error code -> how many sends or deliveries failed with it, for the dashboard."""


def message_key(message_sid: str) -> str:
    return f"{PREFIX}msg:{message_sid}"


OPERATORS = PREFIX + "operators"
"""Set of every operator's email (lower case); each has a hash at operator_key(email)."""

CONSOLE_SESSION_MAX_S = 12 * 3600
"""A console session ends this long after sign-in however busy it is, so a stolen cookie is not good for ever."""

SIGNIN_WINDOW_S = 15 * 60
"""The fixed window failed sign-ins are counted in, per account and per client address."""

AUDIT = PREFIX + "audit"

AUDIT_MAX = 100_000
"""Audit entries kept (a stream, trimmed approximately): years of operator actions at a few dozen a day."""


def operator_key(email: str) -> str:
    return f"{PREFIX}op:{email}"


def operator_sessions_key(email: str) -> str:
    """Sorted set of an operator's console session ids by start time, so disabling them ends every one."""
    return f"{PREFIX}op-sessions:{email}"


def console_session_key(session_id: str) -> str:
    """A console session, by the SHA-256 of its cookie value: a copy of the database hands out no live cookie."""
    return f"{PREFIX}cs:{session_id}"


def signin_key(scope: str, value: str) -> str:
    """Failed sign-ins in the current window, for one `scope` ("account" or "address") and value."""
    return f"{PREFIX}signin:{scope}:{value}"


KNOWN_ADDRESS_S = 30 * 24 * 3600
"""How long an address an operator signed in from stays known to their account (renewed at each sign-in)."""


def known_addresses_key(email: str) -> str:
    """Sorted set of client addresses that signed in to one account, by last sign-in (epoch seconds)."""
    return f"{PREFIX}signin:known:{email}"


ESCALATIONS_CLAIMED = PREFIX + "escalations:claimed"

ESCALATIONS_CLOSED = PREFIX + "escalations:closed"
"""Sorted sets of claimed and of closed escalation ids by the event's time. An id is in at most one of them; the
open ones are ESCALATIONS minus both, so add_escalation needs to know nothing about states."""

ESCALATIONS_UNREAD = PREFIX + "escalations:unread"
"""Sorted set of escalations an operator holds with a text nobody has looked at, by when the first came in."""

ESCALATION_NOTE_MAX = 2000
"""Characters an operator's note may hold: a follow-up record, not a case file."""


def escalation_notes_key(escalation_id: str) -> str:
    """List of JSON notes ({"by", "at", "text"}) on one escalation, oldest first."""
    return f"{PREFIX}esc:{escalation_id}:notes"


SUBSCRIBER_COUNTS = PREFIX + "stats:subscribers"
"""Hash of the latest subscriber snapshot: counts by state, when it was taken and how long it took."""

SUBSCRIBER_SNAPSHOT_LOCK = PREFIX + "lock:subscriber-snapshot"

SUBSCRIBER_SNAPSHOT_LOCK_S = 300
"""A snapshot holds this lock while it scans, so two (two schedulers, a first dashboard view) never overlap; it
expires by itself if the process dies."""
