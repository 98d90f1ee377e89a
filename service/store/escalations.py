"""Escalations: the crisis events operators follow up, their later texts, thread and notes, the state changes
(claim, close, reopen), the per-person index FORGET reads, and retention."""

import base64
import json
from datetime import datetime
from typing import TYPE_CHECKING

from redis import Redis
from redis.client import Pipeline
from redis.commands.core import Script

from service.store.keys import (
    ESCALATION_NOTE_MAX,
    ESCALATION_TEXTS_MAX,
    ESCALATIONS,
    ESCALATIONS_CLAIMED,
    ESCALATIONS_CLOSED,
    ESCALATIONS_UNREAD,
    PERSON_ESCALATIONS_INDEXED,
    Hash,
    escalation_key,
    escalation_notes_key,
    escalation_texts_key,
    escalation_thread_key,
    person_escalations_key,
    user_key,
)
from service.store.stats import count
from service.store.users import FIELDS

if TYPE_CHECKING:
    from service.privacy import Keyring


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
    channel: str = "sms",
) -> None:
    """Record a crisis message for the operators who follow it up: when, which category and risk level, the words,
    the masked number and the hashed one (to find the person's state), the language they were answered in and the
    channel (sms or whatsapp), and its
    state ("open", "claimed", "closed")."""
    fields: Hash = {"at": now.isoformat(), "category": category, "sender": sender, "state": "open", "text": text}
    pipe.hset(
        escalation_key(escalation_id),
        mapping={**fields, "level": level, "masked": masked, "language": language, "channel": channel},
    )
    pipe.zadd(ESCALATIONS, {escalation_id: now.timestamp()})
    pipe.sadd(person_escalations_key(sender), escalation_id)
    pipe.hset(user_key(sender), FIELDS["escalation"], escalation_id)  # State.escalation while it is open
    count(pipe, now, "crisis_events")
    count(pipe, now, f"crisis_events_{language}")


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


def add_to_thread(pipe: Pipeline, escalation_id: str, tokens: list[bytes]) -> None:
    if tokens:
        pipe.rpush(escalation_thread_key(escalation_id), *tokens)


def escalation_thread(redis: Redis, escalation_id: str, keys: "Keyring") -> list[dict[str, str]]:
    """An escalation's exchange, both directions, oldest first, decrypted."""
    from service.privacy import TEXT

    return [json.loads(keys.decrypt(t, TEXT)) for t in redis.lrange(escalation_thread_key(escalation_id), 0, -1)]


def raise_level(pipe: Pipeline, escalation_id: str, level: str) -> None:
    pipe.hset(escalation_key(escalation_id), "level", level)


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
        pipe.zrem(ESCALATIONS_UNREAD, escalation_id)
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
        for index in (ESCALATIONS, ESCALATIONS_CLAIMED, ESCALATIONS_CLOSED, ESCALATIONS_UNREAD):
            pipe.zrem(index, escalation_id)
        if sender:
            pipe.srem(person_escalations_key(sender.decode()), escalation_id)
    pipe.execute()


def erase_words_before(redis: Redis, cutoff: float) -> int:
    """Erase the words (the first text's and any attached later), the exchange and the masked number of every
    escalation recorded before `cutoff` (epoch seconds); returns how many had any left to erase."""
    redacted = 0
    for escalation_id in (i.decode() for i in redis.zrangebyscore(ESCALATIONS, "-inf", cutoff)):
        erased = redis.hdel(escalation_key(escalation_id), "text", "masked")
        erased += redis.delete(escalation_texts_key(escalation_id), escalation_thread_key(escalation_id))
        redacted += erased > 0
    return redacted


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


def escalation(redis: Redis, escalation_id: str) -> dict[str, str]:
    return {k.decode(): v.decode() for k, v in redis.hgetall(escalation_key(escalation_id)).items()}


def recent_escalations(redis: Redis, limit: int = 50) -> list[dict[str, str]]:
    """The newest escalations first, each with its id."""
    ids = [i.decode() for i in redis.zrevrange(ESCALATIONS, 0, limit - 1)]
    return [{"id": i, **escalation(redis, i)} for i in ids]


ESCALATION_STATES = ("open", "claimed", "closed")
"""The states operators move an escalation through; redact_escalations may also set "erased", which ends it."""


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


def mark_unread(pipe: Pipeline, escalation_id: str, now: datetime) -> None:
    """One more text from the person that no operator has looked at yet (the index keeps when the first came)."""
    pipe.hincrby(escalation_key(escalation_id), "unread", 1)
    pipe.zadd(ESCALATIONS_UNREAD, {escalation_id: int(now.timestamp())}, nx=True)


def mark_read(redis: Redis, escalation_id: str) -> None:
    """The operator holding the conversation has seen every text in it."""
    pipe = redis.pipeline()
    pipe.hdel(escalation_key(escalation_id), "unread")
    pipe.zrem(ESCALATIONS_UNREAD, escalation_id)
    pipe.execute()
