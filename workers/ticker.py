"""The scheduling pass: claim what is due in bounded batches and enqueue chunked send jobs that carry the instant.

Its cost grows with how many entries are due, never with how many subscribers exist: each claim is a
ZRANGEBYSCORE from the low end of a sorted set, O(log N + batch).
"""

from datetime import datetime, timedelta

from redis import Redis
from rq import Queue

from service import clock, store
from service.config import Config
from service.connection import get_config, get_redis

BATCH = 500
"""Entries claimed per atomic claim: big enough to amortise the round trip, small enough not to stall Redis."""

CHUNK = 100
"""Subscribers per send job: a job retried or lost costs at most this many idempotent re-checks."""

TICK_INTERVAL_S = 30
"""How often the scheduler runs a pass; check-ins go out within this of their minute."""

PASSES = {store.DUE: "workers.sending.send_checkins", store.LATER: "workers.sending.send_later"}

UNREAD_AFTER = timedelta(minutes=Config.OPERATOR_UNREAD_ALERT_MIN)


def tick(redis: Redis, now: datetime, unread_after: timedelta = UNREAD_AFTER) -> dict[str, int]:
    """One pass at instant `now`: claim everything due and enqueue its send jobs, and the alerts for held
    conversations whose text has waited `unread_after` unread. Returns counts per index."""
    queue = Queue(store.QUEUE, connection=redis)
    counts: dict[str, int] = {}
    # An unread entry is due `unread_after` after its first text; a claim pushes it a lease ahead, so a text still
    # unread then alerts again.
    passes = [(key, job, now) for key, job in PASSES.items()]
    passes.append((store.ESCALATIONS_UNREAD, "workers.alerts.alert_unread", now - unread_after))
    for key, job, due_by in passes:
        claimed = 0
        while True:
            members = store.claim_due(redis, key, due_by, BATCH)
            chunks = [members[i : i + CHUNK] for i in range(0, len(members), CHUNK)]
            queue.enqueue_many([Queue.prepare_data(job, args=(chunk, now.isoformat())) for chunk in chunks])
            claimed += len(members)
            if len(members) < BATCH:
                break
        counts[key.removeprefix(store.PREFIX)] = claimed
    return counts


def tick_now() -> dict[str, int]:
    """The periodic pass RQ's cron scheduler enqueues; runs inside a worker's app context."""
    return tick(get_redis(), clock.now(), timedelta(minutes=get_config().OPERATOR_UNREAD_ALERT_MIN))
