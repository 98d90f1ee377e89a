"""The scheduling pass: claim what is due in bounded batches and enqueue chunked send jobs that carry the instant.

Its cost grows with how many entries are due, never with how many subscribers exist: each claim is a
ZRANGEBYSCORE from the low end of a sorted set, O(log N + batch).
"""

from datetime import datetime

from redis import Redis
from rq import Queue

from service import clock, store
from service.connection import get_redis

BATCH = 500
"""Entries claimed per atomic claim: big enough to amortise the round trip, small enough not to stall Redis."""

CHUNK = 100
"""Subscribers per send job: a job retried or lost costs at most this many idempotent re-checks."""

TICK_INTERVAL_S = 30
"""How often the scheduler runs a pass; check-ins go out within this of their minute."""

PASSES = {store.DUE: "workers.sending.send_checkins", store.LATER: "workers.sending.send_later"}


def tick(redis: Redis, now: datetime) -> dict[str, int]:
    """One pass at instant `now`: claim everything due and enqueue its send jobs. Returns counts per index."""
    queue = Queue(store.QUEUE, connection=redis)
    counts: dict[str, int] = {}
    for key, job in PASSES.items():
        claimed = 0
        while True:
            members = store.claim_due(redis, key, now, BATCH)
            chunks = [members[i : i + CHUNK] for i in range(0, len(members), CHUNK)]
            queue.enqueue_many([Queue.prepare_data(job, args=(chunk, now.isoformat())) for chunk in chunks])
            claimed += len(members)
            if len(members) < BATCH:
                break
        counts[key.removeprefix(store.PREFIX)] = claimed
    return counts


def tick_now() -> dict[str, int]:
    """The periodic pass RQ's cron scheduler enqueues; runs inside a worker's app context."""
    return tick(get_redis(), clock.now())
