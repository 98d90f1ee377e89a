"""The Twilio webhook: signed inbound texts in, TwiML replies out.

A request is: validate the signature -> claim the MessageSid and load state (one round trip) -> decide (pure)
-> apply effects (one round trip) -> TwiML. No Twilio REST call happens here.
"""

import re
import unicodedata
from datetime import UTC, datetime
from functools import lru_cache

from flask import Blueprint, Response, current_app, request
from redis import Redis, RedisError
from rq import Queue, Retry
from twilio.request_validator import RequestValidator, get_signature_algorithm
from twilio.twiml.messaging_response import MessagingResponse

from messages import catalog
from service import engine, store
from service.config import Config
from service.connection import get_config, get_redis
from service.privacy import sender_id

bp = Blueprint("sms", __name__)

MAX_REQUEST_BYTES = 64 * 1024
"""Twilio's form for one text is a few kilobytes; anything far larger is refused with 413 before parsing."""
MAX_BODY_CHARS = 1600
"""Twilio's own limit for one inbound message; longer text is cut, not refused."""

MESSAGE_SID = re.compile(r"^[A-Z]{2}[0-9a-fA-F]{32}$")
SENDER = re.compile(r"^(?:[a-z]+:)?\+?[0-9A-Za-z]{2,20}$")
ALERT_RETRY = Retry(max=3, interval=[10, 60, 300])
"""An on-call alert that fails is retried by the RQ scheduler, spaced out so a provider outage can pass."""


def signed_url(config: Config) -> str:
    """The URL Twilio signed: PUBLIC_BASE_URL + path when set (TLS ends at a proxy), else the request URL."""
    base = config.PUBLIC_BASE_URL or f"{request.scheme}://{request.host}{request.root_path}"
    query = request.query_string.decode()
    return base + request.path + (f"?{query}" if query else "")


def signature_valid(config: Config) -> bool:
    """Twilio's signature over the URL and form, SHA-1 or (when the settings header says so) SHA-256."""
    signature = request.headers.get("X-Twilio-Signature", "")
    algorithm = get_signature_algorithm(request.headers.get("X-Twilio-Webhooks-Signature-Settings"))
    return bool(signature) and RequestValidator(config.TWILIO_AUTH_TOKEN).validate(
        signed_url(config), request.form, signature, algorithm
    )


def clean_body(raw: str) -> str:
    """NFC text without control characters (newlines kept), at most MAX_BODY_CHARS long."""
    text = unicodedata.normalize("NFC", raw)
    kept = "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs"))
    return kept.strip()[:MAX_BODY_CHARS]


@lru_cache(maxsize=256)
def _twiml_document(texts: tuple[str, ...]) -> str:
    # Replies come from a few dozen templates, so building each document once keeps XML work off the hot path.
    reply = MessagingResponse()
    for text in texts:
        reply.message(text)
    return str(reply)


def twiml(template_keys: list[str]) -> Response:
    return Response(_twiml_document(tuple(catalog.text(key) for key in template_keys)), mimetype="text/xml")


def apply(redis: Redis, effects: list[engine.Effect], message_sid: str, sender: str, now: datetime) -> None:
    """Write every effect in one transaction (one round trip), the on-call alert job included."""
    pipe = redis.pipeline()
    pipe.multi()  # explicit, so RQ's enqueue joins this transaction instead of starting its own
    for effect in effects:
        match effect:
            case engine.MarkSeen():
                store.mark_seen(pipe, sender, now)
            case engine.OptOut() | engine.OptIn():
                store.set_opted_out(pipe, sender, isinstance(effect, engine.OptOut), now)
            case engine.Escalate(category):
                store.add_escalation(pipe, message_sid, sender, category, now)
                Queue(store.QUEUE, connection=redis).enqueue_call(
                    "workers.alerts.alert_oncall",
                    args=(message_sid,),
                    job_id=f"alert-{message_sid}",
                    retry=ALERT_RETRY,
                    pipeline=pipe,
                )
    pipe.execute()


@bp.post("/sms")
def inbound() -> Response | tuple[str, int]:
    """Answer one inbound text."""
    config = get_config()
    if not signature_valid(config):
        return "invalid signature\n", 403
    message_sid, number = request.form.get("MessageSid", ""), request.form.get("From", "")
    if not MESSAGE_SID.match(message_sid) or not SENDER.match(number):
        return "MessageSid and From are required\n", 400

    message = engine.read(clean_body(request.form.get("Body", "")))
    sender = sender_id(number, config.DATA_KEY)
    now = datetime.now(UTC)
    log = current_app.logger
    try:
        redis = get_redis()
        claimed, state = store.claim_and_load(redis, message_sid, sender)
        if not claimed:
            log.info("inbound sid=%s duplicate: no effect", message_sid)
            return twiml([])
        replies, effects = engine.respond(message, state, now)
        if effects:
            apply(redis, effects, message_sid, sender, now)
    except RedisError as exc:
        reply = engine.offline_reply(message)
        # An error-level line, so monitoring sees a crisis text whose escalation could not be recorded.
        log.error("inbound sid=%s redis unavailable (%s): replied %s", message_sid, type(exc).__name__, reply)
        return twiml([reply])
    log.info("inbound sid=%s sender=%s replies=%s", message_sid, sender[:8], ",".join(replies) or "-")
    return twiml(replies)
