"""Tells the on-call people that a crisis message is waiting, without saying anything of what it said."""

from flask import current_app

from service import overrides, store, transport
from service.connection import get_config, get_redis


def alert_oncall(escalation_id: str) -> int:
    """Text every ONCALL_NUMBERS entry about escalation `escalation_id` once; return how many were sent now."""
    config, redis = get_config(), get_redis()
    event = store.escalation(redis, escalation_id)
    if not event:
        current_app.logger.error("alert escalation=%s not found", escalation_id)
        return 0
    if not config.ONCALL_NUMBERS:
        current_app.logger.warning("alert escalation=%s: no ONCALL_NUMBERS configured", escalation_id)
        return 0
    body = overrides.text(redis, "alert.oncall", category=event["category"].replace("_", " "), ref=escalation_id[-6:])
    sender = transport.from_config(config, redis)
    sent = 0
    for number in config.ONCALL_NUMBERS:
        # Claimed first, so a retried job never alerts the same person twice; a refused send gives the claim back
        # so the retry tries again.
        key = f"alert:{escalation_id}:{number}"
        if not store.claim_send(redis, key):
            continue
        try:
            sender.send(transport.Outgoing(to=number, body=body, kind="alert"))
        except transport.SendError:
            store.release_send(redis, key)
            raise
        sent += 1
    return sent
