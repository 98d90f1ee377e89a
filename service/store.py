"""Every Redis key and TTL the service uses, and the few multi-key operations on them.

Nothing else builds a key string. Each webhook request costs two round trips: `claim_and_load` (claim the
MessageSid and read the sender's state in one Lua script) and `apply` (write every effect in one transaction).
"""

import base64
import json
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from redis import Redis
from redis.client import Pipeline
from redis.commands.core import Script

if TYPE_CHECKING:
    from service.privacy import Keyring

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


def count(pipe: Pipeline, at: datetime, counter: str, amount: int = 1) -> None:
    """Add to one of the day's aggregate counters."""
    key = stats_key(at.astimezone(UTC).date())
    pipe.hincrby(key, counter, amount)
    pipe.expire(key, STATS_TTL_S)


TEMPLATE_TEXTS = PREFIX + "tpl:texts"
"""Hash "language:key" -> the published text of a template (absent: the default in messages/*.yaml)."""

TEMPLATE_GENERATION = PREFIX + "tpl:generation"
"""A counter bumped by every publish, so processes know to reload TEMPLATE_TEXTS."""


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


def spooled(redis: Redis, message_sid: str) -> bool:
    return bool(redis.exists(spooled_key(message_sid)))


def mark_spooled(pipe: Pipeline, message_sid: str) -> None:
    """Record, in the same commit as its effects, that a spooled text is done; and claim its MessageSid, so a
    late redelivery of the webhook has no second effect."""
    pipe.set(spooled_key(message_sid), "1", ex=SID_TTL_S)
    pipe.set(sid_key(message_sid), "1", ex=SID_TTL_S)


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


# User hash field names, short because every subscriber carries them (the design target: <= 400 bytes a
# subscriber).
FIELDS = {
    "seen": "seen", "opted_out": "out", "number": "n", "subscription": "sub", "minutes": "t", "zone": "z",
    "schedule": "sc", "anchor": "an", "paused_until": "pu", "question": "q", "asked_at": "qa",
    "question_day": "qd", "mood": "m", "streak": "st", "last_day": "ld", "low": "lo", "reminder_at": "rm",
    "unreachable": "un", "clarify_at": "oc", "opted_out_at": "out_at", "escalation": "e", "language": "lg", "talk": "k",
    "talk_at": "ka", "talk_turns": "kn", "talk_level": "kl", "talk_esc": "ke", "talk_steps": "kp",
    "talk_kind": "kc", "talk_last": "kr", "talk_sent": "ks",
}  # fmt: skip
CLAIM_FIELDS = {
    "checkin": "xc", "reminder": "xr", "referral": "xf", "referral_followup": "xg", "crisis_followup": "xh",
    "crisis_check": "xk",
}  # fmt: skip
"""User hash field that guards each kind of scheduled text (see claim_days); short, as every subscriber has some."""

SUBSCRIPTION_FIELDS = (
    "sub", "t", "z", "sc", "an", "pu", "q", "qa", "qd", "m", "st", "ld", "lo", "rm", "n", "xc", "xr", "oc",
)  # fmt: skip
"""What STOP erases along with the subscription (the opt-out flag itself stays, to keep honouring it)."""

_INT_FIELDS = (
    "minutes", "anchor", "paused_until", "asked_at", "question_day", "mood", "streak", "last_day", "low", "reminder_at",
    "clarify_at", "opted_out_at", "talk_at", "talk_turns",
)  # fmt: skip


def state_from(raw: dict[bytes, bytes]) -> State:
    """A State from a user hash as HGETALL returns it."""
    get = {k.decode(): v.decode() for k, v in raw.items() if k != b"n"}.get  # "n" is an encrypted number
    values: dict[str, object] = {name: int(get(FIELDS[name])) for name in _INT_FIELDS if get(FIELDS[name])}
    return State(
        known=get("seen") is not None,
        opted_out=get("out") == "1",
        subscription={"p": "pending", "a": "active"}.get(get("sub") or "", ""),
        zone=get("z"),
        schedule=get("sc") or "daily",
        question={"m": "mood", "c": "craving"}.get(get("q") or "", ""),
        unreachable=get("un") == "1",
        language=get("lg") or "",
        talk=get("k") or "",
        talk_level=get("kl") or "",
        talk_esc=get("ke") or "",
        talk_steps=get("kp") == "1",
        talk_kind=get("kc") or "",
        talk_last=get("kr") or "",
        talk_sent=get("ks") or "",
        **values,  # type: ignore[arg-type]
    )


def encode(field: str, value: object) -> str | bytes:
    """How a State field is stored: the short codes for subscription and question, integers as text, bytes (an
    encrypted number) as they are."""
    if isinstance(value, bytes):
        return value
    if field == "subscription":
        return {"pending": "p", "active": "a"}[str(value)]
    if field == "question":
        return {"mood": "m", "craving": "c"}[str(value)]
    return str(value)


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


# Shared by the scripts that read a person's hash: a digest of its contents (sorted, so the order fields come
# back in never matters), and the person's escalation if it is still open or claimed. The escalation's key is
# built from ARGV[1] (its prefix), as only the user hash names it.
_PERSON_LUA = b"""
local function digest(fields)
  local items = {}
  -- field names are ours (no '='); a value's length in front keeps any bytes it holds from reading as a boundary
  for i = 1, #fields, 2 do items[#items + 1] = fields[i] .. '=' .. #fields[i + 1] .. ':' .. fields[i + 1] end
  table.sort(items)
  return redis.sha1hex(table.concat(items, ','))
end
local function person(key)
  local fields = redis.call('HGETALL', key)
  local open = ''
  local escalation = redis.call('HGET', key, 'e')
  if escalation then
    local state = redis.call('HGET', ARGV[1] .. escalation, 'state')
    if state == 'open' or state == 'claimed' then open = escalation end
  end
  return {digest(fields), open, fields}
end
"""

# One script, so the claim, the count and the read are one command: the cheapest round trip redis-py makes.
# KEYS: the MessageSid, the user hash, the recent texts, the inbound counters (INBOUND_WINDOWS_S). ARGV: the
# escalation key prefix, the MessageSid's TTL, each window's length.
_CLAIM_AND_LOAD = Script(
    None,
    _PERSON_LUA
    + b"""
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[2]) then return false end
local counts = {}
for i = 4, #KEYS do
  counts[i - 3] = redis.call('INCR', KEYS[i])
  if counts[i - 3] == 1 then redis.call('EXPIRE', KEYS[i], ARGV[i - 1]) end
end
local found = person(KEYS[2])
return {found[1], found[2], found[3], counts, redis.call('LRANGE', KEYS[3], 0, -1)}
""",
)

_LOAD = Script(None, _PERSON_LUA + b"return person(KEYS[1])")


def _state(found: list, **counts: object) -> State:
    digest, escalation, fields = found[0].decode(), found[1].decode(), found[2]
    raw = dict(zip(fields[::2], fields[1::2], strict=True))
    return replace(state_from(raw), escalation=escalation, digest=digest, **counts)


def claim_and_load(
    redis: Redis, message_sid: str, sender: str, now: datetime, keys: "Keyring | None" = None
) -> tuple[bool, State]:
    """Claim `message_sid` (False if another request already did), count the text in the sender's inbound
    windows, and read the sender's state; with `keys`, their texts of the last WINDOW_S too (State.recent)."""
    names = [sid_key(message_sid), user_key(sender), window_key(sender)]
    names += [inbound_key(sender, w, now) for w in INBOUND_WINDOWS_S]
    found = _CLAIM_AND_LOAD(keys=names, args=[escalation_key(""), SID_TTL_S, *INBOUND_WINDOWS_S], client=redis)
    if found is None:
        return False, State()
    minute, hour = found[3]
    recent = _recent(found[4], keys, now) if keys and found[4] else ()
    return True, _state(found, texts_minute=minute, texts_hour=hour, recent=recent)


def load(redis: Redis, sender: str, counted: State) -> State:
    """The sender's state read again (after a commit found it changed), with the counts `counted` was read with."""
    found = _LOAD(keys=[user_key(sender)], args=[escalation_key("")], client=redis)
    return _state(found, texts_minute=counted.texts_minute, texts_hour=counted.texts_hour, recent=counted.recent)


# Runs a transaction's commands only if the person's hash still has the digest their State was read with, so two
# texts from one person decided at once never both act on the same state: the second finds it changed, and is
# decided again on what the first wrote. ARGV: the escalation key prefix (for _PERSON_LUA), the digest, then each
# command as its length and its words.
_COMMIT = Script(
    None,
    _PERSON_LUA
    + b"""
if person(KEYS[1])[1] ~= ARGV[2] then return 0 end
local i = 3
while i <= #ARGV do
  local n = tonumber(ARGV[i])
  redis.call(unpack(ARGV, i + 1, i + n))
  i = i + n + 1
end
return 1
""",
)


def commit(redis: Redis, pipe: Pipeline, sender: str, state: State) -> bool:
    """Run every command queued on `pipe` (a transaction, never executed itself) as one atomic step if the
    sender's hash is still what `state` was read from; False, with nothing written, if it changed meanwhile."""
    words: list[object] = []
    for command, _options in pipe.command_stack:
        words += [len(command), *command]
    pipe.reset()
    return bool(_COMMIT(keys=[user_key(sender)], args=[escalation_key(""), state.digest, *words], client=redis))


def _recent(tokens: list[bytes], keys: "Keyring", now: datetime) -> tuple[str, ...]:
    from service.privacy import TEXT, DataKeyError

    texts = []
    for token in reversed(tokens):
        try:
            at, _, text = keys.decrypt(token, TEXT).partition("|")
        except DataKeyError:
            continue  # made with a key since dropped: that text is simply no longer read
        if now.timestamp() - int(at) <= WINDOW_S:
            texts.append(text)
    return tuple(texts)


def remember_text(pipe: Pipeline, sender: str, token: bytes) -> None:
    """Add an encrypted "<epoch>|<text>" to the person's recent texts, keeping the newest WINDOW_TEXTS."""
    key = window_key(sender)
    pipe.lpush(key, token)
    pipe.ltrim(key, 0, WINDOW_TEXTS - 1)
    pipe.expire(key, WINDOW_S)


def forget_window(pipe: Pipeline, sender: str) -> None:
    pipe.delete(window_key(sender))


def mark_seen(pipe: Pipeline, sender: str, now: datetime) -> None:
    pipe.hsetnx(user_key(sender), "seen", int(now.timestamp()))


def set_opted_out(pipe: Pipeline, sender: str, opted_out: bool, now: datetime) -> None:
    pipe.hset(user_key(sender), mapping={"out": "1" if opted_out else "0", "out_at": int(now.timestamp())})


def add_escalation(
    pipe: Pipeline,
    escalation_id: str,
    sender: str,
    category: str,
    now: datetime,
    text: str,
    masked: str,
    level: str = "high",
    language: str = "en",
) -> None:
    """Record a crisis message for the operators who follow it up: when, which category and risk level, the words,
    the masked number and the hashed one (to find the person's state), the language they were answered in, and its
    state ("open", "claimed", "closed")."""
    fields = {"at": now.isoformat(), "category": category, "sender": sender, "state": "open", "text": text}
    fields["level"] = level
    pipe.hset(escalation_key(escalation_id), mapping=fields | {"masked": masked, "language": language})
    pipe.zadd(ESCALATIONS, {escalation_id: now.timestamp()})
    pipe.sadd(person_escalations_key(sender), escalation_id)
    pipe.hset(user_key(sender), FIELDS["escalation"], escalation_id)  # State.escalation while it is open
    count(pipe, now, "crisis_events")
    count(pipe, now, f"crisis_events_{language}")


ESCALATION_TEXTS_MAX = 50
"""Later crisis texts kept on one escalation (the newest): enough to follow a person's words, bounded in a flood."""


def escalation_texts_key(escalation_id: str) -> str:
    """List of JSON records ({"at", "category", "text": the words encrypted, base64}) of the crisis texts a person
    sent while this escalation was open, oldest first."""
    return f"{PREFIX}esc:{escalation_id}:texts"


def attach_to_escalation(pipe: Pipeline, escalation_id: str, category: str, now: datetime, token: bytes) -> None:
    """Add a later crisis text (its words encrypted, `token`) to a person's open escalation (State.escalation),
    instead of opening another: operators see it there, and on-call is not alerted again."""
    record = {"at": now.isoformat(), "category": category, "text": base64.b64encode(token).decode()}
    key = escalation_texts_key(escalation_id)
    pipe.rpush(key, json.dumps(record))
    pipe.ltrim(key, -ESCALATION_TEXTS_MAX, -1)
    pipe.hincrby(escalation_key(escalation_id), "repeats", 1)
    count(pipe, now, "crisis_repeats")


def escalation_texts(redis: Redis, escalation_id: str) -> list[dict[str, object]]:
    """The later crisis texts attached to an escalation, oldest first, each "text" still encrypted (bytes)."""
    rows = [json.loads(raw) for raw in redis.lrange(escalation_texts_key(escalation_id), 0, -1)]
    return [row | {"text": base64.b64decode(row["text"])} for row in rows]


def escalation_thread_key(escalation_id: str) -> str:
    """List of an escalation's exchange, oldest first: each entry JSON {"from": "person" | "line", "at", "text"},
    encrypted (privacy.TEXT)."""
    return f"{PREFIX}esc:{escalation_id}:thread"


def add_to_thread(pipe: Pipeline, escalation_id: str, tokens: list[bytes]) -> None:
    if tokens:
        pipe.rpush(escalation_thread_key(escalation_id), *tokens)


def escalation_thread(redis: Redis, escalation_id: str, keys: "Keyring") -> list[dict[str, str]]:
    """An escalation's exchange, both directions, oldest first, decrypted."""
    from service.privacy import TEXT

    return [json.loads(keys.decrypt(t, TEXT)) for t in redis.lrange(escalation_thread_key(escalation_id), 0, -1)]


def raise_level(pipe: Pipeline, escalation_id: str, level: str) -> None:
    pipe.hset(escalation_key(escalation_id), "level", level)


def update_user(pipe: Pipeline, sender: str, values: dict[str, object], delete: tuple[str, ...] = ()) -> None:
    """Write State fields (by State name) and delete stored fields (by stored name) of one sender."""
    if values:
        pipe.hset(user_key(sender), mapping={FIELDS[k]: encode(k, v) for k, v in values.items()})
    if delete:
        pipe.hdel(user_key(sender), *delete)


def set_due(pipe: Pipeline, sender: str, at: datetime | None) -> None:
    """Put a subscriber's next check-in in the due index, or take them out of it."""
    if at is None:
        pipe.zrem(DUE, sender)
    else:
        pipe.zadd(DUE, {sender: int(at.timestamp())})


def add_later(pipe: Pipeline, kind: str, sender: str, at: datetime) -> None:
    pipe.zadd(LATER, {f"{kind}:{sender}": int(at.timestamp())})


def drop_later(pipe: Pipeline, kinds: tuple[str, ...], sender: str) -> None:
    pipe.zrem(LATER, *(f"{kind}:{sender}" for kind in kinds))


# Claims up to ARGV[2] entries due by ARGV[1] by pushing them a lease ahead, atomically, so two schedulers never
# claim the same entry and an entry whose job is lost comes back.
_CLAIM_DUE = Script(
    None,
    b"""
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
for _, member in ipairs(due) do redis.call('ZADD', KEYS[1], 'XX', ARGV[3], member) end
return due
""",
)


def claim_due(redis: Redis, key: str, now: datetime, batch: int) -> list[str]:
    """Claim up to `batch` members of sorted set `key` due at `now`; cost grows with `batch`, not set size."""
    members = _CLAIM_DUE(keys=[key], args=[int(now.timestamp()), batch, lease_of(now)], client=redis)
    return [m.decode() for m in members]


# Removes one-off entries whose score is still the claim's lease: a newer due time set meanwhile is kept.
_FINISH_LATER = Script(
    None,
    b"""
for i = 2, #ARGV do
  if redis.call('ZSCORE', KEYS[1], ARGV[i]) == ARGV[1] then redis.call('ZREM', KEYS[1], ARGV[i]) end
end
""",
)


def lease_of(now: datetime) -> int:
    """The score a claim made at `now` gives its entries."""
    return int(now.timestamp()) + CLAIM_LEASE_S


def finish_later(redis: Redis, members: list[str], claimed_at: datetime) -> None:
    """Drop one-off entries whose job has run."""
    _FINISH_LATER(keys=[LATER], args=[lease_of(claimed_at), *members], client=redis)


def load_users(redis: Redis, senders: list[str]) -> list[tuple[State, bytes | None]]:
    """Each sender's State and stored number (encrypted, see service.privacy), in one round trip."""
    pipe = redis.pipeline(transaction=False)
    for sender in senders:
        pipe.hgetall(user_key(sender))
    rows = pipe.execute()
    return [(state_from(raw), raw.get(b"n")) for raw in rows]


# Replaces a field only if it still holds the value read: a concurrent write of a fresh token wins.
_COMPARE_AND_SET = Script(
    None,
    b"""
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1
""",
)


def forget_user(pipe: Pipeline, sender: str, state: State) -> None:
    """Erase a person's user hash, keeping an opt-out so it is still honoured (commit checks `state` is current)."""
    pipe.delete(user_key(sender))
    if state.opted_out:
        pipe.hset(user_key(sender), mapping={"out": "1", "out_at": state.opted_out_at})


def redact_escalations(redis: Redis, sender: str) -> int:
    """Remove the words, masked number and id from a person's escalations, keeping time and category for the
    operators' counts; returns how many. Reads only that person's index, so it costs the same however many
    escalations others have."""
    ids = [i.decode() for i in redis.smembers(person_escalations_key(sender))]
    pipe = redis.pipeline()
    for escalation_id in ids:
        _REDACT_ESCALATION(keys=[escalation_key(escalation_id)], args=[], client=pipe)
        # Operators' notes and later texts were about this person too; an erased escalation is in no working list.
        pipe.delete(*escalation_records(escalation_id))
        pipe.zrem(ESCALATIONS_CLAIMED, escalation_id)
        pipe.zrem(ESCALATIONS_CLOSED, escalation_id)
    pipe.delete(person_escalations_key(sender))
    pipe.execute()
    return len(ids)


def escalation_records(escalation_id: str) -> tuple[str, ...]:
    """The keys beside an escalation's hash that hold what was said about the person: erased and deleted with it."""
    return tuple(key(escalation_id) for key in (escalation_notes_key, escalation_texts_key, escalation_thread_key))


# Erases one escalation's personal fields, if it still exists (a retention pass may have deleted it meanwhile).
_REDACT_ESCALATION = Script(
    None,
    b"""
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HDEL', KEYS[1], 'text', 'masked', 'sender')
redis.call('HSET', KEYS[1], 'state', 'erased')
return 1
""",
)


def index_person_escalations(redis: Redis, batch: int = 1000) -> int:
    """Once: add escalations recorded before the per-person index existed to it; returns how many it read."""
    if redis.exists(PERSON_ESCALATIONS_INDEXED):
        return 0
    total = redis.zcard(ESCALATIONS)
    for start in range(0, total, batch):
        ids = [i.decode() for i in redis.zrange(ESCALATIONS, start, start + batch - 1)]
        senders = _pipelined(redis, [("hget", escalation_key(i), "sender") for i in ids])
        owned = [(i, sender.decode()) for i, sender in zip(ids, senders, strict=True) if sender]
        _pipelined(redis, [("sadd", person_escalations_key(sender), i) for i, sender in owned])
    redis.set(PERSON_ESCALATIONS_INDEXED, "1")
    return total


def delete_escalations(redis: Redis, ids: list[str]) -> None:
    """Delete whole escalations (record, notes, every index entry): the end of their retention."""
    senders = _pipelined(redis, [("hget", escalation_key(i), "sender") for i in ids])
    pipe = redis.pipeline()
    for escalation_id, sender in zip(ids, senders, strict=True):
        pipe.delete(escalation_key(escalation_id), *escalation_records(escalation_id))
        for index in (ESCALATIONS, ESCALATIONS_CLAIMED, ESCALATIONS_CLOSED):
            pipe.zrem(index, escalation_id)
        if sender:
            pipe.srem(person_escalations_key(sender.decode()), escalation_id)
    pipe.execute()


def escalations_before(redis: Redis, cutoff: float, skip: int, limit: int) -> list[tuple[str, str, float]]:
    """Up to `limit` (id, state, epoch seconds) of the oldest escalations before `cutoff`, past the first `skip`."""
    rows = redis.zrangebyscore(ESCALATIONS, "-inf", cutoff, start=skip, num=limit, withscores=True)
    states = _pipelined(redis, [("hget", escalation_key(i.decode()), "state") for i, _ in rows])
    return [(i.decode(), (state or b"").decode(), at) for (i, at), state in zip(rows, states, strict=True)]


def _pipelined(redis: Redis, calls: list[tuple[str, ...]]) -> list:
    pipe = redis.pipeline(transaction=False)
    for name, *args in calls:
        getattr(pipe, name)(*args)
    return pipe.execute()


def reencrypt_numbers(redis: Redis, keys: "Keyring") -> int:
    """Re-encrypt every stored number not made with the current key; returns how many changed. Safe to re-run."""
    changed = 0
    field = FIELDS["number"]
    for key in redis.scan_iter(match=user_key("*"), count=1000):
        token = redis.hget(key, field)
        if token and not keys.current(token):
            args = [field, token, keys.encrypt(keys.decrypt(token))]
            changed += _COMPARE_AND_SET(keys=[key], args=args, client=redis)
    return changed


# Replaces one outbox entry by value, wherever newer entries have pushed it: a concurrent push never misplaces it.
_REPLACE_OUTBOX_ENTRY = Script(
    None,
    b"""
local at = redis.call('LPOS', KEYS[1], ARGV[1])
if not at then return 0 end
redis.call('LSET', KEYS[1], at, ARGV[2])
return 1
""",
)


def reencrypt_outbox(redis: Redis, keys: "Keyring") -> int:
    """Re-encrypt the numbers in the console outbox not made with the current key; returns how many changed."""
    changed = 0
    for raw in redis.lrange(OUTBOX, 0, -1):
        entry = json.loads(raw)
        token = base64.b64decode(entry["to"])
        if not keys.current(token):
            entry["to"] = base64.b64encode(keys.encrypt(keys.decrypt(token))).decode()
            changed += _REPLACE_OUTBOX_ENTRY(keys=[OUTBOX], args=[raw, json.dumps(entry)], client=redis)
    return changed


def escalation(redis: Redis, escalation_id: str) -> dict[str, str]:
    return {k.decode(): v.decode() for k, v in redis.hgetall(escalation_key(escalation_id)).items()}


def recent_escalations(redis: Redis, limit: int = 50) -> list[dict[str, str]]:
    """The newest escalations first, each with its id."""
    ids = [i.decode() for i in redis.zrevrange(ESCALATIONS, 0, limit - 1)]
    return [{"id": i, **escalation(redis, i)} for i in ids]


# Claims "one `kind` text to this person on this local day" inside their own hash, so the guard costs no extra
# key per send (the design target: <= 400 bytes a subscriber). The field holds "<day>|c|<epoch>" while a send is under
# way, "<day>|s" once the provider took it, "<day>|f" after a permanent refusal. Returns "" when this call made
# the claim, else the value found (the caller tells "sent" from "a sender died mid-way" by it).
_CLAIM_DAY = Script(
    None,
    b"""
local found = redis.call('HGET', KEYS[1], ARGV[1])
if found and string.sub(found, 1, string.len(ARGV[2]) + 1) == ARGV[2] .. '|' then return found end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. '|c|' .. ARGV[3])
return ''
""",
)


def claim_days(redis: Redis, claims: list[tuple[str, str, int]], now: datetime) -> list[str]:
    """Claim (sender, kind, local date ordinal) sends in one round trip: "" where claimed now, else what an
    earlier claim left ("<day>|s" sent, "<day>|f" failed, "<day>|c|<epoch>" a send that never reported back)."""
    pipe = redis.pipeline(transaction=False)
    for sender, kind, day in claims:
        _CLAIM_DAY(keys=[user_key(sender)], args=[CLAIM_FIELDS[kind], day, int(now.timestamp())], client=pipe)
    return [found.decode() if isinstance(found, bytes) else found for found in pipe.execute()]


def settle_day(pipe: Pipeline, sender: str, kind: str, day: int, sent: bool) -> None:
    """Record how a claimed send ended: taken by the provider, or refused for good."""
    pipe.hset(user_key(sender), CLAIM_FIELDS[kind], f"{day}|{'s' if sent else 'f'}")


def release_day(pipe: Pipeline, sender: str, kind: str) -> None:
    """Give back a day's claim after a passing provider error, so a later pass may send it."""
    pipe.hdel(user_key(sender), CLAIM_FIELDS[kind])


def claim_send(redis: Redis, idempotency_key: str) -> bool:
    """Claim the right to send one message once; False if it was claimed before (a retry, a second runner)."""
    return bool(redis.set(sent_key(idempotency_key), "1", nx=True, ex=SENT_TTL_S))


def release_send(redis: Redis, idempotency_key: str) -> None:
    """Give a claim back after the provider refused the message, so a retry may send it."""
    redis.delete(sent_key(idempotency_key))


def push_outbox(redis: Redis, entry: dict[str, str]) -> None:
    pipe = redis.pipeline()
    pipe.lpush(OUTBOX, json.dumps(entry))
    pipe.ltrim(OUTBOX, 0, OUTBOX_MAX - 1)
    pipe.execute()


def outbox(redis: Redis, limit: int = OUTBOX_MAX) -> list[dict[str, str]]:
    """Console-transport messages, oldest first."""
    return [json.loads(raw) for raw in reversed(redis.lrange(OUTBOX, 0, limit - 1))]


# --- outbound messages: status and pacing (send pipeline) ---

SEND_BUCKET = PREFIX + "sendrate"
"""Hash {tokens, ts}: the token bucket every worker takes from before a send (service.pacing)."""

MESSAGE_TTL_S = 24 * 3600
"""How long a sent message's record is kept: its callbacks come within minutes, a late read receipt within days,
and one record per check-in must not pile up per subscriber."""

FAILURES = PREFIX + "failures"
"""Hash: Twilio error code -> how many sends or deliveries failed with it, for the dashboard."""

STATUS_RANK = {
    "receiving": 0,  # inbound statuses: never those of a message we sent, so they never move one
    "received": 0,
    "accepted": 1,  # a Messaging Service took it
    "scheduled": 1,
    "queued": 2,  # Twilio's queue: what a successful send returns
    "sending": 3,
    "sent": 4,  # the carrier has it
    "delivered": 5,
    "partially_delivered": 5,
    "undelivered": 5,
    "failed": 5,
    "canceled": 5,
    "read": 6,  # after delivered (WhatsApp and RCS read receipts)
}
"""Every status Twilio reports for a message, by how far along it is; a callback only ever moves a message up."""

FINAL_FAILURES = ("undelivered", "failed", "canceled")
"""After one of these nothing changes the record: a late "read" or "delivered" is noise."""


def message_key(message_sid: str) -> str:
    return f"{PREFIX}msg:{message_sid}"


# The rank table is written into the script from STATUS_RANK, so Python and Lua cannot disagree about it.
_RECORD_STATUS = Script(
    None,
    (
        "local rank = {"
        + ", ".join(f"{status} = {rank}" for status, rank in STATUS_RANK.items())
        + "}\nlocal final = {"
        + ", ".join(f"{status} = true" for status in FINAL_FAILURES)
        + "}\n"
        + """
-- KEYS: the message hash, the failure counts. ARGV: status, error code ('' for none), TTL in seconds.
local current = redis.call('HGET', KEYS[1], 'status')
if current and (final[current] or (rank[current] or -1) >= rank[ARGV[1]]) then return 0 end
redis.call('HSET', KEYS[1], 'status', ARGV[1])
if ARGV[2] ~= '' then
  redis.call('HSET', KEYS[1], 'error', ARGV[2])
  redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
end
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1
"""
    ).encode(),
)


def _record_status(client: Redis | Pipeline, message_sid: str, status: str, error_code: int | None) -> object:
    args = [status, "" if error_code is None else error_code, MESSAGE_TTL_S]
    return _RECORD_STATUS(keys=[message_key(message_sid), FAILURES], args=args, client=client)


def record_sent(pipe: Pipeline, message_sid: str, sender: str, kind: str) -> None:
    """Remember (on `pipe`) who a sent message went to and why, as "queued" unless a callback got there first."""
    pipe.hset(message_key(message_sid), mapping={"sender": sender, "kind": kind})
    _record_status(pipe, message_sid, "queued", None)


def record_status(redis: Redis, message_sid: str, status: str, error_code: int | None) -> bool:
    """Record a delivery report; False when it is a duplicate or older than what is recorded (nothing changed).

    A changed status with an error code also counts one failure under that code.
    """
    return bool(_record_status(redis, message_sid, status, error_code))


def message_status(redis: Redis, message_sid: str) -> dict[str, str]:
    """What is recorded about a sent message: sender, kind, status and the last error code, where known."""
    return {k.decode(): v.decode() for k, v in redis.hgetall(message_key(message_sid)).items()}


def message_sender(redis: Redis, message_sid: str) -> str | None:
    """The hashed id of the person a message was sent to, if record_sent saw it."""
    sender = redis.hget(message_key(message_sid), "sender")
    return sender.decode() if sender is not None else None


def record_failure(client: Redis | Pipeline, code: int) -> None:
    """Count a send Twilio refused, under its error code."""
    client.hincrby(FAILURES, str(code), 1)


def failures(redis: Redis) -> dict[int, int]:
    """Failed sends and deliveries by Twilio error code."""
    return {int(code): int(count) for code, count in redis.hgetall(FAILURES).items()}


def set_unreachable(pipe: Pipeline, sender: str) -> None:
    """Mark a number that cannot receive texts (invalid, a landline): State.unreachable, so the scheduler skips it."""
    pipe.hset(user_key(sender), FIELDS["unreachable"], "1")


# --- operator console: operators, sessions, sign-in limits, audit ---

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


def _decoded(raw: dict[bytes, bytes]) -> dict[str, str]:
    return {k.decode(): v.decode() for k, v in raw.items()}


# Create-if-absent in one step, so two `operator add` runs for one email never both succeed.
_ADD_OPERATOR = Script(
    None,
    b"""
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('SADD', KEYS[2], ARGV[1])
return 1
""",
)


def add_operator(redis: Redis, email: str, fields: dict[str, str]) -> bool:
    """Store a new operator's hash; False if an operator with that email exists."""
    args = [email, *(part for item in fields.items() for part in item)]
    return bool(_ADD_OPERATOR(keys=[operator_key(email), OPERATORS], args=args, client=redis))


def operator(redis: Redis, email: str) -> dict[str, str]:
    """One operator's stored fields, or {} if there is none."""
    return _decoded(redis.hgetall(operator_key(email)))


def operators(redis: Redis) -> list[dict[str, str]]:
    """Every operator's stored fields, by email."""
    emails = sorted(e.decode() for e in redis.smembers(OPERATORS))
    pipe = redis.pipeline(transaction=False)
    for email in emails:
        pipe.hgetall(operator_key(email))
    return [_decoded(raw) for raw in pipe.execute() if raw]


def update_operator(redis: Redis, email: str, fields: dict[str, str]) -> None:
    redis.hset(operator_key(email), mapping=fields)


# Disables the account and deletes every session it holds in one step, so no request slips between the two.
_DISABLE_OPERATOR = Script(
    None,
    b"""
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'enabled', '0')
for _, id in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do redis.call('DEL', ARGV[1] .. id) end
redis.call('DEL', KEYS[2])
return 1
""",
)


def disable_operator(redis: Redis, email: str) -> bool:
    """Disable an operator and end their console sessions; False if there is no such operator."""
    keys = [operator_key(email), operator_sessions_key(email)]
    return bool(_DISABLE_OPERATOR(keys=keys, args=[console_session_key("")], client=redis))


def console_session(redis: Redis, session_id: str) -> dict[str, str]:
    return _decoded(redis.hgetall(console_session_key(session_id)))


def save_console_session(redis: Redis, session_id: str, fields: dict[str, str], ttl_s: int) -> None:
    pipe = redis.pipeline()
    pipe.hset(console_session_key(session_id), mapping=fields)
    pipe.expire(console_session_key(session_id), max(ttl_s, 1))
    pipe.execute()


def index_console_session(redis: Redis, email: str, session_id: str, started: float) -> None:
    """Note a new session under its operator, forgetting ones older than any session can live."""
    key = operator_sessions_key(email)
    pipe = redis.pipeline()
    pipe.zadd(key, {session_id: started})
    pipe.zremrangebyscore(key, "-inf", started - CONSOLE_SESSION_MAX_S)
    pipe.expire(key, CONSOLE_SESSION_MAX_S)
    pipe.execute()


def delete_console_session(redis: Redis, session_id: str, email: str = "") -> None:
    pipe = redis.pipeline()
    pipe.delete(console_session_key(session_id))
    if email:
        pipe.zrem(operator_sessions_key(email), session_id)
    pipe.execute()


def signin_failures(redis: Redis, keys: list[str]) -> list[int]:
    """Failed sign-ins counted so far in the current window under each key."""
    return [int(count or 0) for count in redis.mget(keys)]


def count_signin_failure(redis: Redis, keys: list[str]) -> None:
    """Count one failed sign-in under each key; a key's window starts at its first failure."""
    pipe = redis.pipeline()
    for key in keys:
        pipe.set(key, 0, ex=SIGNIN_WINDOW_S, nx=True)
        pipe.incr(key)
    pipe.execute()


def clear_signin_failures(redis: Redis, key: str) -> None:
    redis.delete(key)


KNOWN_ADDRESS_S = 30 * 24 * 3600
"""How long an address an operator signed in from stays known to their account (renewed at each sign-in)."""


def known_addresses_key(email: str) -> str:
    """Sorted set of client addresses that signed in to one account, by last sign-in (epoch seconds)."""
    return f"{PREFIX}signin:known:{email}"


def remember_signin_address(redis: Redis, email: str, address: str, now: datetime) -> None:
    key = known_addresses_key(email)
    pipe = redis.pipeline()
    pipe.zadd(key, {address: now.timestamp()})
    pipe.zremrangebyscore(key, "-inf", now.timestamp() - KNOWN_ADDRESS_S)
    pipe.expire(key, KNOWN_ADDRESS_S)
    pipe.execute()


def known_signin_address(redis: Redis, email: str, address: str, now: datetime) -> bool:
    score = redis.zscore(known_addresses_key(email), address)
    return score is not None and score > now.timestamp() - KNOWN_ADDRESS_S


def add_audit(redis: Redis, entry: dict[str, str]) -> str:
    """Append an audit entry, trimming the oldest past AUDIT_MAX; return its stream id."""
    return redis.xadd(AUDIT, entry, maxlen=AUDIT_MAX, approximate=True).decode()


def audit_entries(redis: Redis, limit: int, before: str | None = None) -> list[dict[str, str]]:
    """Up to `limit` audit entries, newest first, each with its stream `id`; only those older than `before`."""
    rows = redis.xrevrange(AUDIT, max=f"({before}" if before else "+", min="-", count=limit)
    return [{"id": entry_id.decode(), **_decoded(fields)} for entry_id, fields in rows]


# --- operator console: escalations and dashboard ---

ESCALATIONS_CLAIMED = PREFIX + "escalations:claimed"
ESCALATIONS_CLOSED = PREFIX + "escalations:closed"
"""Sorted sets of claimed and of closed escalation ids by the event's time. An id is in at most one of them; the
open ones are ESCALATIONS minus both, so add_escalation needs to know nothing about states."""

ESCALATION_STATES = ("open", "claimed", "closed")
"""The states operators move an escalation through; redact_escalations may also set "erased", which ends it."""

ESCALATION_NOTE_MAX = 2000
"""Characters an operator's note may hold: a follow-up record, not a case file."""


def escalation_notes_key(escalation_id: str) -> str:
    """List of JSON notes ({"by", "at", "text"}) on one escalation, oldest first."""
    return f"{PREFIX}esc:{escalation_id}:notes"


# Each state change is one script, so two operators acting at once see one outcome, never a mix.
# KEYS: the escalation hash, ESCALATIONS, ESCALATIONS_CLAIMED. ARGV: the id, the operator, the instant (ISO).
_CLAIM_ESCALATION = Script(
    None,
    b"""
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return {'missing', ''} end
if state ~= 'open' then return {state, redis.call('HGET', KEYS[1], 'claimed_by') or ''} end
redis.call('HSET', KEYS[1], 'state', 'claimed', 'claimed_by', ARGV[2], 'claimed_at', ARGV[3])
redis.call('ZADD', KEYS[3], redis.call('ZSCORE', KEYS[2], ARGV[1]) or 0, ARGV[1])
return {'ok', ARGV[2]}
""",
)

# KEYS: the escalation hash, its notes, ESCALATIONS, ESCALATIONS_CLAIMED, ESCALATIONS_CLOSED.
# ARGV: the id, the operator, "1" for an admin, the instant (ISO), the closing note as JSON ('' for none).
_CLOSE_ESCALATION = Script(
    None,
    b"""
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return 'missing' end
if state == 'closed' or state == 'erased' then return state end
if ARGV[3] ~= '1' and (state ~= 'claimed' or redis.call('HGET', KEYS[1], 'claimed_by') ~= ARGV[2]) then
  return 'not_yours'
end
redis.call('HSET', KEYS[1], 'state', 'closed', 'closed_by', ARGV[2], 'closed_at', ARGV[4])
if ARGV[5] ~= '' then redis.call('RPUSH', KEYS[2], ARGV[5]) end
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('ZADD', KEYS[5], redis.call('ZSCORE', KEYS[3], ARGV[1]) or 0, ARGV[1])
return 'ok'
""",
)

# KEYS: the escalation hash, ESCALATIONS_CLOSED. ARGV: the id, the operator, the instant (ISO).
_REOPEN_ESCALATION = Script(
    None,
    b"""
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return 'missing' end
if state ~= 'closed' then return state end
redis.call('HSET', KEYS[1], 'state', 'open', 'reopened_by', ARGV[2], 'reopened_at', ARGV[3])
redis.call('HDEL', KEYS[1], 'claimed_by', 'claimed_at', 'closed_by', 'closed_at')
redis.call('ZREM', KEYS[2], ARGV[1])
return 'ok'
""",
)

# KEYS: the escalation hash, its notes. ARGV: the note as JSON. A note never lands on a missing escalation.
_ADD_ESCALATION_NOTE = Script(
    None,
    b"""
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('RPUSH', KEYS[2], ARGV[1])
return 1
""",
)


def _note(operator: str, now: datetime, text: str) -> str:
    return json.dumps({"by": operator, "at": now.isoformat(), "text": text[:ESCALATION_NOTE_MAX]})


def claim_escalation(redis: Redis, escalation_id: str, operator: str, now: datetime) -> tuple[str, str]:
    """Claim an open escalation for `operator`: ("ok", operator), or (its state or "missing", who holds it)."""
    keys = [escalation_key(escalation_id), ESCALATIONS, ESCALATIONS_CLAIMED]
    outcome, holder = _CLAIM_ESCALATION(keys=keys, args=[escalation_id, operator, now.isoformat()], client=redis)
    return outcome.decode(), holder.decode()


def close_escalation(redis: Redis, escalation_id: str, operator: str, admin: bool, now: datetime, note: str) -> str:
    """Close an escalation `operator` claimed (an admin: any not yet closed), with an optional closing note.

    Returns "ok", "missing", "closed" (already), "erased" or "not_yours".
    """
    keys = [
        escalation_key(escalation_id), escalation_notes_key(escalation_id), ESCALATIONS, ESCALATIONS_CLAIMED,
        ESCALATIONS_CLOSED,
    ]  # fmt: skip
    args = [escalation_id, operator, "1" if admin else "0", now.isoformat(), _note(operator, now, note) if note else ""]
    return _CLOSE_ESCALATION(keys=keys, args=args, client=redis).decode()


def reopen_escalation(redis: Redis, escalation_id: str, operator: str, now: datetime) -> str:
    """Open a closed escalation again, unclaimed: "ok", "missing", or the state it is in ("open", "claimed",
    "erased"), which nothing reopens."""
    keys = [escalation_key(escalation_id), ESCALATIONS_CLOSED]
    return _REOPEN_ESCALATION(keys=keys, args=[escalation_id, operator, now.isoformat()], client=redis).decode()


def add_escalation_note(redis: Redis, escalation_id: str, operator: str, now: datetime, text: str) -> bool:
    """Append an operator's note; False if there is no such escalation."""
    keys = [escalation_key(escalation_id), escalation_notes_key(escalation_id)]
    return bool(_ADD_ESCALATION_NOTE(keys=keys, args=[_note(operator, now, text)], client=redis))


def escalation_notes(redis: Redis, escalation_id: str) -> list[dict[str, str]]:
    return [json.loads(raw) for raw in redis.lrange(escalation_notes_key(escalation_id), 0, -1)]


def _open_escalation_ids(redis: Redis) -> list[str]:
    """Open escalation ids, newest first. The difference is taken in Redis and holds the unworked ones (few: each
    is worked) and the rare ones erased before anyone claimed them, which the state check drops."""
    ids = [i.decode() for i in reversed(redis.zdiff([ESCALATIONS, ESCALATIONS_CLAIMED, ESCALATIONS_CLOSED]))]
    pipe = redis.pipeline(transaction=False)
    for escalation_id in ids:
        pipe.hget(escalation_key(escalation_id), "state")
    return [i for i, state in zip(ids, pipe.execute(), strict=True) if state == b"open"]


def escalation_page(redis: Redis, state: str, offset: int, limit: int) -> tuple[list[dict[str, str]], int]:
    """One page of escalations in `state` ("all" or one of ESCALATION_STATES), newest first, and how many in all."""
    if state == "open":
        all_ids = _open_escalation_ids(redis)
        ids, total = all_ids[offset : offset + limit], len(all_ids)
    else:
        key = {"all": ESCALATIONS, "claimed": ESCALATIONS_CLAIMED, "closed": ESCALATIONS_CLOSED}[state]
        ids = [i.decode() for i in redis.zrevrange(key, offset, offset + limit - 1)]
        total = redis.zcard(key)
    pipe = redis.pipeline(transaction=False)
    for escalation_id in ids:
        pipe.hgetall(escalation_key(escalation_id))
    rows = pipe.execute()
    page = [{"id": i, **{k.decode(): v.decode() for k, v in row.items()}} for i, row in zip(ids, rows, strict=True)]
    return page, total


def open_escalation_count(redis: Redis) -> int:
    """How many escalations nobody has claimed yet."""
    return len(_open_escalation_ids(redis))


def user_state(redis: Redis, sender: str) -> State:
    """One sender's State (never their number), e.g. for following up an escalation."""
    return state_from(redis.hgetall(user_key(sender)))


SUBSCRIBER_COUNTS = PREFIX + "stats:subscribers"
"""Hash of the latest subscriber snapshot: counts by state, when it was taken and how long it took."""

SUBSCRIBER_SNAPSHOT_LOCK = PREFIX + "lock:subscriber-snapshot"
SUBSCRIBER_SNAPSHOT_LOCK_S = 300
"""A snapshot holds this lock while it scans, so two (two schedulers, a first dashboard view) never overlap; it
expires by itself if the process dies."""


def scan_users(redis: Redis, cursor: int, fields: tuple[str, ...], batch: int) -> tuple[int, list[list[str | None]]]:
    """One SCAN step over the user hashes: the next cursor (0 when done) and each found hash's `fields` (stored
    names). Walking every step costs O(N) in all, in small steps that never block Redis."""
    cursor, keys = redis.scan(cursor, match=f"{PREFIX}u:*", count=batch, _type="HASH")
    pipe = redis.pipeline(transaction=False)
    for key in keys:
        pipe.hmget(key, fields)
    return cursor, [[v.decode() if v is not None else None for v in row] for row in pipe.execute()]


def take_lock(redis: Redis, key: str, ttl_s: int) -> bool:
    return bool(redis.set(key, "1", nx=True, ex=ttl_s))


def release_lock(redis: Redis, key: str) -> None:
    redis.delete(key)


def write_subscriber_counts(redis: Redis, counts: dict[str, int | str]) -> None:
    pipe = redis.pipeline()
    pipe.delete(SUBSCRIBER_COUNTS)
    pipe.hset(SUBSCRIBER_COUNTS, mapping=counts)
    pipe.execute()


def subscriber_counts(redis: Redis) -> dict[str, str]:
    """The latest snapshot as written ({} before the first one)."""
    return {k.decode(): v.decode() for k, v in redis.hgetall(SUBSCRIBER_COUNTS).items()}


def daily_stats(redis: Redis, days: list[date]) -> list[dict[str, int]]:
    """Each day's aggregate counters (see stats_key), in one round trip."""
    pipe = redis.pipeline(transaction=False)
    for day in days:
        pipe.hgetall(stats_key(day))
    return [{k.decode(): int(v) for k, v in raw.items()} for raw in pipe.execute()]
