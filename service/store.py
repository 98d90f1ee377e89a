"""Every Redis key and TTL the service uses, and the few multi-key operations on them.

Nothing else builds a key string. Each webhook request costs two round trips: `claim_and_load` (claim the
MessageSid and read the sender's state in one Lua script) and `apply` (write every effect in one transaction).
"""

import json
from dataclasses import dataclass
from datetime import datetime

from redis import Redis
from redis.client import Pipeline
from redis.commands.core import Script

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


def sid_key(message_sid: str) -> str:
    return f"{PREFIX}sid:{message_sid}"


def sent_key(idempotency_key: str) -> str:
    return f"{PREFIX}sent:{idempotency_key}"


def user_key(sender: str) -> str:
    return f"{PREFIX}u:{sender}"


def escalation_key(escalation_id: str) -> str:
    return f"{PREFIX}esc:{escalation_id}"


@dataclass(frozen=True)
class State:
    """What the conversation engine knows about a sender."""

    known: bool = False
    opted_out: bool = False


# One script, so the claim and the read are one command: the cheapest round trip redis-py makes.
_CLAIM_AND_LOAD = Script(
    None,
    b"""
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then return false end
return redis.call('HMGET', KEYS[2], 'seen', 'out')
""",
)


def claim_and_load(redis: Redis, message_sid: str, sender: str) -> tuple[bool, State]:
    """Claim `message_sid` (False if another request already did) and read the sender's state."""
    fields = _CLAIM_AND_LOAD(keys=[sid_key(message_sid), user_key(sender)], args=[SID_TTL_S], client=redis)
    if fields is None:
        return False, State()
    seen, out = fields
    return True, State(known=seen is not None, opted_out=out == b"1")


def mark_seen(pipe: Pipeline, sender: str, now: datetime) -> None:
    pipe.hsetnx(user_key(sender), "seen", int(now.timestamp()))


def set_opted_out(pipe: Pipeline, sender: str, opted_out: bool, now: datetime) -> None:
    pipe.hset(user_key(sender), mapping={"out": "1" if opted_out else "0", "out_at": int(now.timestamp())})


def add_escalation(pipe: Pipeline, escalation_id: str, sender: str, category: str, now: datetime) -> None:
    """Record a crisis message for the operators: when, which category, whose (hashed) number. No body."""
    pipe.hset(
        escalation_key(escalation_id),
        mapping={"at": now.isoformat(), "category": category, "sender": sender, "state": "open"},
    )
    pipe.zadd(ESCALATIONS, {escalation_id: now.timestamp()})


def escalation(redis: Redis, escalation_id: str) -> dict[str, str]:
    return {k.decode(): v.decode() for k, v in redis.hgetall(escalation_key(escalation_id)).items()}


def recent_escalations(redis: Redis, limit: int = 50) -> list[dict[str, str]]:
    """The newest escalations first, each with its id."""
    ids = [i.decode() for i in redis.zrevrange(ESCALATIONS, 0, limit - 1)]
    return [{"id": i, **escalation(redis, i)} for i in ids]


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
