"""The operator's text to a person (service.admin.conversation): sent through the normal transport, paced and
claimed once like any send, and kept in the escalation's thread. After STOP nothing goes, this text included."""

import hashlib
import json

from flask import current_app

from messages import catalog
from service import channel, clock, overrides, store
from service.connection import get_config, get_redis
from service.privacy import TEXT, keyring
from service.twilio import transport

WINDOW_CLOSED = "Not sent: on WhatsApp a person may be texted freely only within 24 hours of their last message."


def send_operator_text(escalation_id: str, operator: str, token: bytes, intro: bool) -> str:
    """Send the operator's words (encrypted, `token`) to the escalation's person, with the once-only notice that
    a person is texting when `intro`; returns what happened: "sent", "opted_out", "erased", "window_closed",
    "duplicate" or "failed"."""
    redis, config, now = get_redis(), get_config(), clock.now()
    keys = keyring(config.DATA_KEY)
    event = store.escalation(redis, escalation_id)
    sender = event.get("sender")
    if not sender:
        return "erased"
    [(state, number_token)] = store.load_users(redis, [sender])
    if state.opted_out or not number_token:
        return "opted_out"  # STOP silences everything, an operator's texts included
    number = keys.decrypt(number_token)
    if not channel.window_open(number, state.last_inbound, now):
        current_app.logger.warning("operator text esc=%s not sent: the WhatsApp window is closed", escalation_id[-6:])
        note = {"from": "note", "at": now.isoformat(), "text": WINDOW_CLOSED}
        pipe = redis.pipeline()
        store.add_to_thread(pipe, escalation_id, [keys.encrypt(json.dumps(note), TEXT)])
        pipe.execute()
        return "window_closed"
    # One send per queued text, whatever retries the job sees.
    idempotency = "op:" + hashlib.sha256(token).hexdigest()[:32]
    if not store.claim_send(redis, idempotency):
        return "duplicate"
    language = state.language or catalog.DEFAULT_LANGUAGE
    words = keys.decrypt(token, TEXT)
    sender_transport = transport.from_config(config, redis)
    notice = [({"from": "line"}, overrides.text(redis, "operator.intro", language))] if intro else []
    pipe, entries, outcome = redis.pipeline(), [], "sent"
    for who, body in [*notice, ({"from": "operator", "by": operator}, words)]:
        try:
            message_sid = sender_transport.send(transport.Outgoing(number, body, "operator", now))
        except transport.SendError as exc:
            transport.handle_send_error(redis, sender, exc, now)
            current_app.logger.warning("operator text esc=%s failed code=%s", escalation_id[-6:], exc.code)
            store.release_send(redis, idempotency)  # the operator may send it again
            who, body, outcome = {"from": "note"}, "Not sent: the provider refused it. Try again.", "failed"
        else:
            store.record_sent(pipe, message_sid, sender, "operator")
        entries.append(keys.encrypt(json.dumps({**who, "at": now.isoformat(), "text": body}), TEXT))
        if outcome == "failed":
            break
    store.add_to_thread(pipe, escalation_id, entries)
    pipe.execute()
    return outcome
