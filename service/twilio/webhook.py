"""The Twilio webhook: signed inbound texts in, TwiML replies out.

A request is: validate the signature -> claim the MessageSid and load state (one round trip) -> decide (pure)
-> apply effects (one round trip) -> TwiML. No Twilio REST call happens here.
"""

import re
import unicodedata
from datetime import datetime
from functools import lru_cache

from flask import Blueprint, Response, current_app, request
from redis import OutOfMemoryError, Redis, RedisError  # type: ignore[attr-defined]  # redis 5 has it; the stubs lag
from twilio.twiml.messaging_response import MessagingResponse

from service import channel, clock, crisis, language, metrics, overrides, spool, store
from service.connection import get_config, get_redis
from service.conversation import engine, model, schedule
from service.conversation.model import Rules
from service.effects import decide
from service.privacy import keyring, sender_id
from service.twilio.signature import form_of, signature_valid

bp = Blueprint("sms", __name__)

MAX_REQUEST_BYTES = 64 * 1024
"""Twilio's form for one text is a few kilobytes; anything far larger is refused with 413 before parsing."""
MAX_BODY_CHARS = 1600
"""Twilio's own limit for one inbound message; longer text is cut, not refused."""

# \Z, not $: "$" also matches before a trailing newline, which would let "SM...\n" through.
MESSAGE_SID = re.compile(r"^[A-Z]{2}[0-9a-fA-F]{32}\Z")
MAX_DECISIONS = 25
"""How often one text may be decided again because the person's state changed under it. Each round lets at least
one of their texts through, so this covers 25 texts from one number arriving at the same instant."""

SENDER = re.compile(r"^(?:whatsapp:)?\+[1-9][0-9]{6,14}\Z")
"""An E.164 number, optionally on Twilio's WhatsApp channel: anything else ("abc") could never get a reply or a
scheduled text, so it is refused before any record is made for it."""


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


def twiml(replies: list[model.Reply], redis: Redis | None) -> Response:
    """TwiML with one <Message> a reply, in the texts operators published (or the defaults)."""
    texts = tuple(overrides.text(redis, reply.key, reply.language, **reply.values) for reply in replies)
    metrics.count_replies(reply.key for reply in replies)
    return Response(_twiml_document(texts), mimetype="text/xml")


def offline(message: model.Message, message_sid: str, number: str, now: datetime, exc: RedisError) -> Response:
    """The reply when Redis cannot be read or written: the crisis reply (the text spooled, to be recorded and
    alerted once Redis is back), or a request to try again."""
    reply, log = engine.offline_reply(message), current_app.logger
    kept = ""
    if message.crisis:
        try:
            spool.keep(get_config(), message_sid, number, message, now)
            current_app.extensions["spool"].wake()
            kept = ", spooled until Redis is back"
        except OSError as error:
            kept = f", NOT spooled ({type(error).__name__}): record and alert by hand"
    # An error-level line, so monitoring sees a crisis text whose escalation is not recorded yet.
    problem = "out of memory (maxmemory): writes refused" if isinstance(exc, OutOfMemoryError) else "unavailable"
    log.error("inbound sid=%s redis %s (%s): replied %s%s", message_sid, problem, type(exc).__name__, reply.key, kept)
    return twiml([reply], None)


def read(body: str, zone: str | None, message_sid: str) -> model.Message:
    """`engine.read`, or if it fails (the model, a rule), the crisis rules alone, so crisis words still get their
    reply; if those fail too, no category (the text then gets "retry", never silence)."""
    try:
        return engine.read(body, zone, message_sid)
    except Exception as exc:
        current_app.logger.error(
            "inbound sid=%s reading failed (%s): crisis rules alone", message_sid, type(exc).__name__
        )
    try:
        category = crisis.matcher.classify(body)
    except Exception:
        category = None
    return model.Message(
        body, engine.keyword_of(body), category, zone, sid=message_sid, language=language.detect(body), sure=True
    )


def failed(message: model.Message, message_sid: str, exc: Exception) -> Response:
    """The reply when deciding failed on a fault of ours: the crisis reply, or a request to try again. An
    error-level line, naming only the fault's type, tells monitoring a crisis text needs recording by hand."""
    reply = engine.offline_reply(message)
    by_hand = ": record and alert by hand" if message.crisis else ""
    current_app.logger.error(
        "inbound sid=%s failed (%s): replied %s%s", message_sid, type(exc).__name__, reply.key, by_hand
    )
    return twiml([reply], None)


@bp.post("/sms")
@metrics.timed
def inbound() -> Response | tuple[str, int]:
    """Answer one inbound text."""
    config = get_config()
    form = form_of(request)
    if not signature_valid(config, form):
        return "invalid signature\n", 403
    message_sid, number = form.get("MessageSid", ""), form.get("From", "")
    if not MESSAGE_SID.match(message_sid) or not SENDER.match(number):
        return "MessageSid and From (an E.164 number) are required\n", 400

    on = channel.of(number)
    metrics.count_inbound(on)
    zone = schedule.guess_zone(channel.number(number), config.DEFAULT_ZONE)
    message = read(clean_body(form.get("Body", "")), zone, message_sid)
    sender, keys = sender_id(number, config.DATA_KEY), keyring(config.DATA_KEY)
    now = clock.now()
    rules = Rules.from_config(config)
    log = current_app.logger
    try:
        redis = get_redis()
        claimed, state = store.claim_and_load(redis, message_sid, sender, now, keys, on == channel.WHATSAPP)
        if not claimed:
            log.info("inbound sid=%s duplicate: no effect", message_sid)
            return twiml([], None)
        decided = decide(redis, message, state, sender, now, number, message_sid, rules, keys)
        if decided is None:
            log.error("inbound sid=%s sender=%s state kept changing: replied retry", message_sid, sender[:8])
            return twiml([model.Reply("retry")], None)
        replies, effects = decided
    except RedisError as exc:
        return offline(message, message_sid, number, now, exc)
    except Exception as exc:  # a fault of ours must still answer: never a silent drop, never a trace to a texter
        return failed(message, message_sid, exc)
    if engine.over_limit(state, rules):
        outcome = "answered" if replies else "attached" if effects else "unanswered"
        metrics.count_limited(outcome)
        log.warning("inbound sid=%s sender=%s past the inbound limit: %s", message_sid, sender[:8], outcome)
    log.info(
        "inbound sid=%s channel=%s sender=%s replies=%s",
        message_sid,
        on,
        sender[:8],
        ",".join(r.key for r in replies) or "-",
    )
    return twiml(replies, redis)
