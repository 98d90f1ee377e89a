"""Twilio's status callbacks: how far each message we sent got, recorded once and never backwards."""

from flask import Blueprint, current_app, request
from redis import RedisError

from service import clock, store
from service.connection import get_config, get_redis
from service.privacy import sender_id
from service.twilio import errors, transport
from service.twilio.signature import form_of, signature_valid
from service.twilio.webhook import MESSAGE_SID, SENDER

bp = Blueprint("status", __name__)


def _error_code(raw: str) -> int | None:
    """Twilio's ErrorCode field: absent, empty, or digits ("0" meaning none); ValueError otherwise."""
    return (int(raw) or None) if raw else None


@bp.post("/sms/status")
def status_callback() -> tuple[str, int]:
    """Record one status report for a message we sent."""
    config = get_config()
    form = form_of(request)
    if not signature_valid(config, form):
        return "invalid signature\n", 403
    message_sid, status = form.get("MessageSid", ""), form.get("MessageStatus", "")
    try:
        code = _error_code(form.get("ErrorCode", ""))
    except ValueError:
        return "ErrorCode must be a number\n", 400
    if not MESSAGE_SID.match(message_sid) or status not in store.STATUS_RANK:
        return "MessageSid and a Twilio MessageStatus are required\n", 400

    log = current_app.logger
    try:
        redis = get_redis()
        if errors.handling(code).stops_texts:
            # Applied before the status is recorded, so a retry after a failure here still applies it.
            recipient = form.get("To", "")
            sender = store.message_sender(redis, message_sid) or (
                sender_id(recipient, config.DATA_KEY) if SENDER.match(recipient) else None
            )
            if sender:
                pipe = redis.pipeline()
                transport.stop_sending_after(pipe, sender, code, clock.now())
                pipe.execute()
        changed = store.record_status(redis, message_sid, status, code)
    except RedisError as exc:
        # 503 makes Twilio retry the callback later instead of losing it.
        log.error("status sid=%s redis unavailable (%s)", message_sid, type(exc).__name__)
        return "", 503
    log.info("status sid=%s %s code=%s %s", message_sid, status, code or "-", "recorded" if changed else "ignored")
    return "", 204
