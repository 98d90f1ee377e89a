"""The operators' console: accounts, sessions, sign-in limits and the audit log."""

from datetime import datetime
from typing import cast

from redis import Redis
from redis.commands.core import Script

from service.store.keys import (
    AUDIT,
    AUDIT_MAX,
    CONSOLE_SESSION_MAX_S,
    KNOWN_ADDRESS_S,
    OPERATORS,
    SIGNIN_WINDOW_S,
    Hash,
    console_session_key,
    known_addresses_key,
    operator_key,
    operator_sessions_key,
)


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
    redis.hset(operator_key(email), mapping=cast(Hash, fields))


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
    pipe.hset(console_session_key(session_id), mapping=cast(Hash, fields))
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
