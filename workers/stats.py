"""The subscriber snapshot: counts of people by state for the dashboard, so no page view scans every user hash.

A snapshot walks every user hash with SCAN (O(N) in all, in batches that never block Redis) and writes one small
hash; RQ's cron scheduler runs it every SNAPSHOT_INTERVAL_S in a worker.
"""

import time
from collections import Counter
from datetime import UTC, datetime

from redis import Redis

from messages import catalog
from service import clock, schedule, store
from service.connection import get_redis

SNAPSHOT_INTERVAL_S = 600
"""How often the counts are refreshed: subscriber numbers move slowly, and each snapshot reads every user."""

BATCH = 1000
"""User hashes per SCAN step: one round trip each, small enough not to stall Redis."""

BY_LANGUAGE = tuple(f"{kind}_{lang}" for lang in catalog.LANGUAGES for kind in ("people", "active"))
COUNTED = ("active", "paused", "pending", "opted_out", "unreachable", "people", *BY_LANGUAGE)
"""What a snapshot counts: active and paused subscribers, people asked to reply YES, opted out, unreachable, and
everyone known to the line; and everyone and the active subscribers by language (a person whose language is not
known yet is answered in English, so counts as English)."""

_FIELDS = (store.FIELDS["subscription"], store.FIELDS["paused_until"], store.FIELDS["opted_out"],
           store.FIELDS["unreachable"], store.FIELDS["zone"], store.FIELDS["language"])  # fmt: skip


def classify(subscription: str | None, paused_until: str | None, opted_out: str | None, today: int) -> str | None:
    """Which subscriber count one person falls in, from their stored fields (None: subscribed to nothing)."""
    if opted_out == "1":
        return "opted_out"
    if subscription == "p":
        return "pending"
    if subscription != "a":
        return None
    return "paused" if int(paused_until or 0) > today else "active"


def take(redis: Redis, now: datetime) -> dict[str, int | str] | None:
    """Count everyone by state and store the counts with when and how long; None if a snapshot is running."""
    if not store.take_lock(redis, store.SUBSCRIBER_SNAPSHOT_LOCK, store.SUBSCRIBER_SNAPSHOT_LOCK_S):
        return None
    started = time.monotonic()
    counts: Counter[str] = Counter()
    # A pause ends on a local date. Thousands share a handful of zones: one conversion per zone, not per person.
    today: dict[str | None, int] = {None: now.astimezone(UTC).date().toordinal()}
    try:
        cursor = None
        while cursor != 0:
            cursor, rows = store.scan_users(redis, cursor or 0, _FIELDS, BATCH)
            for subscription, paused_until, opted_out, unreachable, zone, language in rows:
                if zone is not None and zone not in today:
                    today[zone] = schedule.local_day(now, zone).toordinal()
                kind = classify(subscription, paused_until, opted_out, today[zone])
                lang = language if language in catalog.LANGUAGES else catalog.DEFAULT_LANGUAGE
                counts["people"] += 1
                counts[f"people_{lang}"] += 1
                if kind:
                    counts[kind] += 1
                if kind == "active":
                    counts[f"active_{lang}"] += 1
                if unreachable == "1":
                    counts["unreachable"] += 1
        snapshot: dict[str, int | str] = {name: counts[name] for name in COUNTED}
        snapshot["at"] = now.isoformat(timespec="seconds")
        snapshot["took_ms"] = round((time.monotonic() - started) * 1000)
        store.write_subscriber_counts(redis, snapshot)
    finally:
        store.release_lock(redis, store.SUBSCRIBER_SNAPSHOT_LOCK)
    return snapshot


def snapshot() -> dict[str, int | str] | None:
    """The periodic job RQ's cron scheduler enqueues; runs inside a worker's app context."""
    return take(get_redis(), clock.now())
