"""Retention: the words of a crisis message are kept only while someone may still follow it up, and whole
escalations are deleted once nobody needs them (closed ones first), so the queue and its indexes stop growing."""

from datetime import datetime, timedelta

from redis import Redis

from service import clock, store
from service.connection import get_config, get_redis

INTERVAL_S = 3600
"""How often retention runs; a text is erased within this of reaching its age limit."""

DELETE_BATCH = 1000
"""Escalations examined per step of a deletion pass: bounded steps, never one long command."""

FINISHED = ("closed", "erased")
"""States after which an escalation is kept only ESCALATION_KEEP_DAYS; open and claimed ones stay longer."""


def redact_old_escalations(redis: Redis, now: datetime, days: int) -> int:
    """Erase the words (the first text's and any attached later), the exchange and the masked number of
    escalations older than `days`; returns how many were erased."""
    return store.erase_words_before(redis, (now - timedelta(days=days)).timestamp())


def delete_old_escalations(redis: Redis, now: datetime, keep_days: int, max_days: int) -> int:
    """Delete closed and erased escalations older than `keep_days`, and any older than `max_days`; returns how
    many. Open or claimed ones between the two ages are read again each pass: few, as each gets worked."""
    keep_cutoff = (now - timedelta(days=keep_days)).timestamp()
    max_cutoff = (now - timedelta(days=max_days)).timestamp()
    deleted, spared = 0, 0
    while rows := store.escalations_before(redis, keep_cutoff, spared, DELETE_BATCH):
        doomed = [i for i, state, at in rows if state in FINISHED or not state or at <= max_cutoff]
        store.delete_escalations(redis, doomed)
        deleted += len(doomed)
        spared += len(rows) - len(doomed)
    return deleted


def enforce() -> dict[str, int]:
    """The periodic retention job (runs in a worker's app context)."""
    config, redis, now = get_config(), get_redis(), clock.now()
    return {
        "escalations_indexed": store.index_person_escalations(redis),
        "escalations_redacted": redact_old_escalations(redis, now, config.ESCALATION_TEXT_DAYS),
        "escalations_deleted": delete_old_escalations(
            redis, now, config.ESCALATION_KEEP_DAYS, config.ESCALATION_MAX_DAYS
        ),
    }
