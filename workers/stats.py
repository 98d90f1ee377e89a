"""The subscriber snapshot: counts of people by state for the dashboard, so no page view scans every user hash.

A snapshot walks every user hash with SCAN (O(N) in all, in batches that never block Redis) and writes one small
hash; RQ's cron scheduler runs it every SNAPSHOT_INTERVAL_S in a worker.
"""

import time
from collections import Counter
from datetime import UTC, datetime

from redis import Redis

from messages import catalog
from service import clock, store
from service.connection import get_redis
from service.conversation import schedule
from service.conversation.model import State

SNAPSHOT_INTERVAL_S = 600
"""How often the counts are refreshed: subscriber numbers move slowly, and each snapshot reads every user."""

BATCH = 1000
"""User hashes per SCAN step: one round trip each, small enough not to stall Redis."""

BY_LANGUAGE = tuple(f"{kind}_{lang}" for lang in catalog.LANGUAGES for kind in ("people", "active"))
COUNTED = ("active", "paused", "pending", "opted_out", "unreachable", "people", *BY_LANGUAGE)
"""What a snapshot counts: active and paused subscribers, people asked to reply YES, opted out, unreachable, and
everyone known to the line; and everyone and the active subscribers by language (a person whose language is not
known yet is answered in English, so counts as English)."""

_READ = ("subscription", "paused_until", "opted_out", "unreachable", "zone", "language")
"""The State fields a snapshot reads of each person."""


def classify(state: State, today: int) -> str | None:
    """Which subscriber count one person falls in (None: subscribed to nothing)."""
    if state.opted_out:
        return "opted_out"
    if state.subscription == "pending":
        return "pending"
    if state.subscription != "active":
        return None
    return "paused" if state.paused_until > today else "active"


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
            cursor, states = store.scan_states(redis, cursor or 0, _READ, BATCH)
            for state in states:
                zone = state.zone
                if zone is not None and zone not in today:
                    today[zone] = schedule.local_day(now, zone).toordinal()
                kind = classify(state, today[zone])
                lang = state.language if state.language in catalog.LANGUAGES else catalog.DEFAULT_LANGUAGE
                counts["people"] += 1
                counts[f"people_{lang}"] += 1
                if kind:
                    counts[kind] += 1
                if kind == "active":
                    counts[f"active_{lang}"] += 1
                if state.unreachable:
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
