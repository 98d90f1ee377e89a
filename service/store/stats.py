"""Counters for the dashboard: per-day event counts, the subscriber snapshot and the lock that guards it."""

from datetime import UTC, date, datetime
from typing import cast

from redis import Redis
from redis.client import Pipeline

from service.store.keys import DUE, LATER, STATS_TTL_S, SUBSCRIBER_COUNTS, Hash, stats_key


def count(pipe: Pipeline, at: datetime, counter: str, amount: int = 1) -> None:
    """Add to one of the day's aggregate counters."""
    key = stats_key(at.astimezone(UTC).date())
    pipe.hincrby(key, counter, amount)
    pipe.expire(key, STATS_TTL_S)


def take_lock(redis: Redis, key: str, ttl_s: int) -> bool:
    return bool(redis.set(key, "1", nx=True, ex=ttl_s))


def release_lock(redis: Redis, key: str) -> None:
    redis.delete(key)


def write_subscriber_counts(redis: Redis, counts: dict[str, int | str]) -> None:
    pipe = redis.pipeline()
    pipe.delete(SUBSCRIBER_COUNTS)
    pipe.hset(SUBSCRIBER_COUNTS, mapping=cast(Hash, counts))
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


def backlog(redis: Redis, queue_key: str) -> tuple[int, list[list[tuple[bytes, float]]]]:
    """In one round trip: the jobs waiting in the RQ list `queue_key`, and the first (member, due) of DUE and of
    LATER (an empty list where the index is empty)."""
    pipe = redis.pipeline(transaction=False)
    pipe.llen(queue_key)
    for key in (DUE, LATER):
        pipe.zrange(key, 0, 0, withscores=True)
    depth, *oldest = pipe.execute()
    return depth, oldest


def exists(redis: Redis, key: str) -> bool:
    """Whether `key` exists (an RQ queue's list, say: rq-dashboard's views fail on a missing one)."""
    return bool(redis.exists(key))
