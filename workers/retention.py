"""Retention: the words of a crisis message are kept only while someone may still follow it up."""

from datetime import datetime, timedelta

from redis import Redis

from service import clock, store
from service.connection import get_config, get_redis

INTERVAL_S = 3600
"""How often retention runs; a text is erased within this of reaching its age limit."""


def redact_old_escalations(redis: Redis, now: datetime, days: int) -> int:
    """Erase the words (the first text's and any attached later), the exchange and the masked number of
    escalations older than `days`; returns how many were erased."""
    cutoff = (now - timedelta(days=days)).timestamp()
    redacted = 0
    for escalation_id in redis.zrangebyscore(store.ESCALATIONS, "-inf", cutoff):
        erased = redis.hdel(store.escalation_key(escalation_id.decode()), "text", "masked")
        erased += redis.delete(store.escalation_texts_key(escalation_id.decode()))
        erased += redis.delete(store.escalation_thread_key(escalation_id.decode()))
        redacted += erased > 0
    return redacted


def enforce() -> dict[str, int]:
    """The periodic retention job (runs in a worker's app context)."""
    days = get_config().ESCALATION_TEXT_DAYS
    return {"escalations_redacted": redact_old_escalations(get_redis(), clock.now(), days)}
