"""The person's user hash: how a State is stored and read, the webhook's two round trips (`claim_and_load`,
`commit`), the recent-texts window and FORGET."""

from datetime import datetime
from typing import TYPE_CHECKING, Any

from redis import Redis
from redis.client import Pipeline
from redis.commands.core import Script

from service.conversation.model import State
from service.store.keys import (
    INBOUND_WINDOWS_S,
    SID_TTL_S,
    WINDOW_S,
    WINDOW_TEXTS,
    escalation_key,
    inbound_key,
    sid_key,
    user_key,
    window_key,
)

if TYPE_CHECKING:
    from service.privacy import Keyring


# User hash field names, short because every subscriber carries them (the design target: <= 400 bytes a
# subscriber).
FIELDS = {
    "seen": "seen", "opted_out": "out", "number": "n", "subscription": "sub", "minutes": "t", "zone": "z",
    "schedule": "sc", "anchor": "an", "paused_until": "pu", "question": "q", "asked_at": "qa",
    "question_day": "qd", "mood": "m", "streak": "st", "last_day": "ld", "low": "lo", "reminder_at": "rm",
    "unreachable": "un", "clarify_at": "oc", "opted_out_at": "out_at", "escalation": "e", "language": "lg", "talk": "k",
    "talk_at": "ka", "talk_turns": "kn", "talk_level": "kl", "talk_esc": "ke", "talk_steps": "kp",
    "talk_kind": "kc", "talk_last": "kr", "talk_sent": "ks", "last_inbound": "li", "held_by": "hb", "held_at": "ha",
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
    "clarify_at", "opted_out_at", "talk_at", "talk_turns", "last_inbound", "held_at",
)  # fmt: skip


def state_from(raw: dict[bytes, bytes], **read: Any) -> State:
    """A State from a user hash as HGETALL returns it, with `read`: the fields a load adds (its digest, the open
    escalation, the inbound counts, the recent texts)."""
    stored = {k.decode(): v.decode() for k, v in raw.items() if k != b"n"}  # "n" is an encrypted number
    get = stored.get
    values: dict[str, Any] = {name: int(stored[FIELDS[name]]) for name in _INT_FIELDS if stored.get(FIELDS[name])}
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
        held_by=get("hb") or "",
        **values,
        **read,
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
# escalation key prefix, the MessageSid's TTL, each window's length, and the instant to record as the person's last
# inbound text ('' for none: only WhatsApp's window needs it).
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
if ARGV[#ARGV] ~= '' then redis.call('HSET', KEYS[2], 'li', ARGV[#ARGV]) end
local found = person(KEYS[2])
return {found[1], found[2], found[3], counts, redis.call('LRANGE', KEYS[3], 0, -1)}
""",
)


_LOAD = Script(None, _PERSON_LUA + b"return person(KEYS[1])")


def _state(found: list, **counts: Any) -> State:
    digest, escalation, fields = found[0].decode(), found[1].decode(), found[2]
    raw = dict(zip(fields[::2], fields[1::2], strict=True))
    return state_from(raw, escalation=escalation, digest=digest, **counts)


def claim_and_load(
    redis: Redis,
    message_sid: str,
    sender: str,
    now: datetime,
    keys: "Keyring | None" = None,
    record_inbound: bool = False,
) -> tuple[bool, State]:
    """Claim `message_sid` (False if another request already did), count the text in the sender's inbound
    windows, and read the sender's state; with `keys`, their texts of the last WINDOW_S too (State.recent). With
    `record_inbound`, `now` is kept as their last inbound text (State.last_inbound) first."""
    names = [sid_key(message_sid), user_key(sender), window_key(sender)]
    names += [inbound_key(sender, w, now) for w in INBOUND_WINDOWS_S]
    inbound = str(int(now.timestamp())) if record_inbound else ""
    args = [escalation_key(""), SID_TTL_S, *INBOUND_WINDOWS_S, inbound]
    found = _CLAIM_AND_LOAD(keys=names, args=args, client=redis)
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


_NOTE_INBOUND = Script(
    None,
    b"""
if (tonumber(redis.call('HGET', KEYS[1], 'li')) or 0) < tonumber(ARGV[1]) then
  redis.call('HSET', KEYS[1], 'li', ARGV[1])
end
""",
)


def note_inbound(redis: Redis, sender: str, at: datetime) -> None:
    """Keep `at` as the sender's last inbound text (State.last_inbound) unless a later one is kept already: for a
    text recorded after it was answered (service.spool), which claim_and_load never saw."""
    _NOTE_INBOUND(keys=[user_key(sender)], args=[int(at.timestamp())], client=redis)


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


def update_user(pipe: Pipeline, sender: str, values: dict[str, object], delete: tuple[str, ...] = ()) -> None:
    """Write State fields `values` and delete State fields `delete` (both by State name) of one sender."""
    if values:
        pipe.hset(user_key(sender), mapping={FIELDS[k]: encode(k, v) for k, v in values.items()})
    if delete:
        pipe.hdel(user_key(sender), *(FIELDS[name] for name in delete))


def end_subscription(pipe: Pipeline, sender: str) -> None:
    """Erase a person's subscription and its day claims (STOP), keeping the opt-out flag that honours it."""
    pipe.hdel(user_key(sender), *SUBSCRIPTION_FIELDS)


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


def set_unreachable(pipe: Pipeline, sender: str) -> None:
    """Mark a number that cannot receive texts (invalid, a landline): State.unreachable, so the scheduler skips it."""
    pipe.hset(user_key(sender), FIELDS["unreachable"], "1")


def user_state(redis: Redis, sender: str) -> State:
    """One sender's State (never their number), e.g. for following up an escalation."""
    return state_from(redis.hgetall(user_key(sender)))


def scan_states(redis: Redis, cursor: int, fields: tuple[str, ...], batch: int) -> tuple[int, list[State]]:
    """One SCAN step over the user hashes: the next cursor (0 when done) and each found person's State, with only
    `fields` (State names) read. Walking every step costs O(N) in all, in small steps that never block Redis."""
    cursor, keys = redis.scan(cursor, match=user_key("*"), count=batch, _type="HASH")
    stored = [FIELDS[name].encode() for name in fields]
    pipe = redis.pipeline(transaction=False)
    for key in keys:
        pipe.hmget(key, stored)
    rows = pipe.execute()
    return cursor, [state_from({k: v for k, v in zip(stored, row, strict=True) if v is not None}) for row in rows]


def hold(pipe: Pipeline, sender: str, operator: str, now: datetime) -> None:
    """An operator texts the person: the bot steps back (State.held_by) until Rules.hold_idle after this."""
    pipe.hset(user_key(sender), mapping={FIELDS["held_by"]: operator, FIELDS["held_at"]: int(now.timestamp())})


def release(pipe: Pipeline, sender: str) -> None:
    """The operator hands the conversation back (or its escalation closed): the bot answers again."""
    pipe.hdel(user_key(sender), FIELDS["held_by"], FIELDS["held_at"])
