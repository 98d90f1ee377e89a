"""Tells the on-call people that a crisis message is waiting, without saying anything of what it said: a text to
each ONCALL_NUMBERS entry and, when ONCALL_WEBHOOK_URL is set, a signed webhook.

The webhook is a POST of JSON {"event": "escalation.created", "id", "category", "language", "at", "level",
"channel", "console_url"} (language: "en" or "es", the language the texter was answered in, so the right person
follows up; channel: "sms" or "whatsapp", where to reach them) with headers
`X-Steadyline-Timestamp: <unix seconds>` and `X-Steadyline-Signature: sha256=<hex>`, the hex being the
HMAC-SHA256, keyed with ONCALL_WEBHOOK_SECRET, of "<timestamp>.<raw body>". Signing the timestamp with the body
lets a receiver refuse a replayed request by its age (README: "Escalations and alerts").
"""

import hashlib
import hmac
import json
from collections.abc import Callable
from functools import partial

import requests
from flask import current_app

from messages import catalog
from service import clock, overrides, store
from service.config import Config
from service.connection import get_config, get_redis
from service.conversation import model
from service.twilio import transport

WEBHOOK_TIMEOUT_S = 5.0
"""A receiver that does not answer within this fails the attempt; RQ's Retry tries again later."""

SIGNATURE_HEADER = "X-Steadyline-Signature"
TIMESTAMP_HEADER = "X-Steadyline-Timestamp"


class WebhookError(RuntimeError):
    """The on-call webhook did not accept an alert (no answer, or not a 2xx); the job fails so RQ retries it."""


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """The X-Steadyline-Signature value for `body` sent at `timestamp`."""
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def webhook_payload(config: Config, escalation_id: str, event: dict[str, str]) -> bytes:
    """The alert as JSON: what happened and where to see it; never the texter's words or number."""
    base = config.PUBLIC_BASE_URL
    console_url = f"{base}/admin/escalations/{escalation_id}" if base else None
    kind = "escalation.raised" if event.get("raised") else "escalation.created"
    fields = {"event": kind, "id": escalation_id, "category": event["category"]}
    fields |= {"language": event.get("language", catalog.DEFAULT_LANGUAGE), "at": event["at"]}
    fields |= {"level": event.get("level", ""), "channel": event.get("channel", "sms")}
    return json.dumps(fields | {"console_url": console_url}).encode()


def post_webhook(config: Config, escalation_id: str, event: dict[str, str]) -> None:
    """POST the signed alert to ONCALL_WEBHOOK_URL; raise WebhookError unless it answers 2xx."""
    assert config.ONCALL_WEBHOOK_URL and config.ONCALL_WEBHOOK_SECRET  # config.load guarantees the pair
    body = webhook_payload(config, escalation_id, event)
    timestamp = str(int(clock.get_clock().time()))
    headers = {
        "Content-Type": "application/json",
        TIMESTAMP_HEADER: timestamp,
        SIGNATURE_HEADER: signature(config.ONCALL_WEBHOOK_SECRET, timestamp, body),
    }
    try:
        # No redirects: the signed alert goes to the configured URL or nowhere.
        response = requests.post(
            config.ONCALL_WEBHOOK_URL, data=body, headers=headers, timeout=WEBHOOK_TIMEOUT_S, allow_redirects=False
        )
    except requests.RequestException as exc:
        raise WebhookError(f"no answer ({type(exc).__name__})") from None
    if not 200 <= response.status_code < 300:
        raise WebhookError(f"answered {response.status_code}")


def alert_oncall(escalation_id: str, level: str = "") -> int:
    """Alert every on-call channel about escalation `escalation_id` once (once more with `level` when its risk
    rose to it in the conversation); return how many were alerted now.

    Each channel (a number, the webhook) is claimed first, so a retried job never alerts it twice. A failed one gives
    its claim back and, once the others have had their turn, fails the job so RQ's Retry tries it again.
    """
    config, redis = get_config(), get_redis()
    event = store.escalation(redis, escalation_id)
    if not event:
        current_app.logger.error("alert escalation=%s not found", escalation_id)
        return 0
    if not config.ONCALL_NUMBERS and not config.ONCALL_WEBHOOK_URL:
        current_app.logger.warning("alert escalation=%s: no ONCALL_NUMBERS or ONCALL_WEBHOOK_URL", escalation_id)
        return 0
    channels: list[tuple[str, str, Callable[[], object]]] = []  # (claim key, name for logs, the send)
    claim = f"alert:{escalation_id}" + (f":{level}" if level else "")
    risk = level or event.get("level", "")
    if config.ONCALL_NUMBERS:
        # Staff read the console's language (English); the alert says which language the texter writes in.
        speaks = catalog.LANGUAGE_NAMES[event.get("language") or catalog.DEFAULT_LANGUAGE]
        category = event["category"].replace("_", " ") + (f" ({risk} risk)" if risk else "")
        body = overrides.text(redis, "alert.oncall", category=category, ref=escalation_id[-6:], texter_language=speaks)
        sender = transport.from_config(config, redis)
        channels += [
            (f"{claim}:{number}", "sms", partial(sender.send, transport.Outgoing(number, body, "alert")))
            for number in config.ONCALL_NUMBERS
        ]
    if config.ONCALL_WEBHOOK_URL:
        channels.append(
            (
                f"{claim}:webhook",
                "webhook",
                partial(post_webhook, config, escalation_id, event | {"level": risk, "raised": "1" if level else ""}),
            )
        )
    sent, failure = 0, None
    for key, name, send in channels:
        if not store.claim_send(redis, key):
            continue
        try:
            send()
        except (transport.SendError, WebhookError) as exc:  # neither's message carries a number or a body
            store.release_send(redis, key)
            current_app.logger.warning("alert escalation=%s %s failed: %s", escalation_id, name, exc)
            failure = failure or exc
            continue
        sent += 1
    if failure:
        raise failure
    return sent


def alert_unread(escalation_ids: list[str], at_iso: str) -> int:
    """Tell on-call that a text has waited unread in a conversation an operator holds (claimed by the scheduling
    pass once it has waited OPERATOR_UNREAD_ALERT_MIN); once per claim, never with the words or the number.
    Returns how many alerts went out."""
    config, redis = get_config(), get_redis()
    rules, sender = model.Rules.from_config(config), transport.from_config(config, redis)
    sent = 0
    for escalation_id in escalation_ids:
        event = store.escalation(redis, escalation_id)
        state = store.user_state(redis, event["sender"]) if event.get("sender") else None
        if not event.get("unread") or state is None or not model.held(state, clock.now(), rules):
            store.mark_read(redis, escalation_id)  # read meanwhile, or handed back: nothing is waiting on a person
            continue
        minutes = str(config.OPERATOR_UNREAD_ALERT_MIN)
        body = overrides.text(redis, "alert.unread", ref=escalation_id[-6:], minutes=minutes)
        for number in config.ONCALL_NUMBERS:
            if store.claim_send(redis, f"alert-unread:{escalation_id}:{at_iso}:{number}"):
                try:
                    sender.send(transport.Outgoing(number, body, "alert"))
                    sent += 1
                except transport.SendError as exc:
                    current_app.logger.warning("unread alert escalation=%s failed: %s", escalation_id, exc)
    return sent
