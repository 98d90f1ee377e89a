"""The schedulers' indexes: when each subscriber's next check-in is due (DUE) and one-off texts (LATER), claimed
under a lease so two schedulers never take the same entry."""

from datetime import datetime

from redis import Redis
from redis.client import Pipeline
from redis.commands.core import Script

from service.store.keys import CLAIM_LEASE_S, DUE, LATER


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
