"""Outbound texts behind one small interface: the console outbox for development, Twilio's REST API for real.

One line, two channels: a number ("+15551234567") is texted by SMS, a WhatsApp address ("whatsapp:+15551234567")
through Twilio's WhatsApp channel, from its own sender and paced in its own bucket."""

import base64
import json
import logging
import random
import sys
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, TextIO

from redis import Redis
from redis.client import Pipeline
from requests import RequestException
from twilio.base.exceptions import TwilioRestException, TwilioServiceException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from service import channel, clock, pacing, store
from service.config import Config
from service.privacy import DataKeyError, Keyring, keyring, mask
from service.store.keys import SEND_BUCKET_WHATSAPP
from service.twilio import errors

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outgoing:
    """One text to send: to whom, what, and why (checkin, reminder, referral, followup, alert, ...).

    With `content_sid` it is an approved WhatsApp template (Twilio's Content API, "HX..."): Twilio renders the
    template's text from `content_variables` (placeholder number -> value, e.g. (("1", "10:00"),)) and `body`
    is not sent. Without it, `body` is sent as free-form text, as every SMS is."""

    to: str
    body: str
    kind: str
    at: datetime | None = None  # the instant it is sent as (a scheduling pass's, which `tick --at` may set)
    content_sid: str = ""
    content_variables: tuple[tuple[str, str], ...] = ()

    @property
    def channel(self) -> str:
        return channel.of(self.to)


class SendError(RuntimeError):
    """The provider refused a message. `permanent` errors must not be retried (a landline, an opted-out number)."""

    def __init__(self, message: str, code: int | None, permanent: bool) -> None:
        super().__init__(message)
        self.code = code
        self.permanent = permanent


class Transport(Protocol):
    def send(self, message: Outgoing) -> str:
        """Hand `message` to the carrier; return the provider's message id, or raise SendError."""
        ...

    def handed_over(self, to: str, body: str, since: datetime, content_sid: str = "") -> bool:
        """Whether a message with `body` (or, given `content_sid`, that template) to `to` reached the provider at
        or after `since` (to recover a send whose worker died before recording it)."""
        ...


UNREADABLE = "(encrypted with a key DATA_KEY no longer holds)"
"""What the outbox shows for a number whose key was dropped from DATA_KEY before `rotate-key` ran."""


class ConsoleTransport:
    """Keeps every message in a Redis outbox (`steadyline outbox`) and prints it, for development and demos.

    The outbox holds numbers (and WhatsApp addresses) encrypted like every stored number; the terminal shows them
    masked. Each entry names its channel ("sms" or "whatsapp"), and a template send its content_sid and
    content_variables (a JSON object, as Twilio is sent it). Entries written before channels existed have none
    of these keys: they were all SMS."""

    def __init__(self, redis: Redis, keys: Keyring, stream: TextIO | None = None) -> None:
        self.redis, self.keys = redis, keys
        self.stream = stream or sys.stdout

    def send(self, message: Outgoing) -> str:
        message_id = "CO" + uuid.uuid4().hex
        at = (message.at or clock.now()).isoformat(timespec="seconds")
        to = base64.b64encode(self.keys.encrypt(message.to)).decode()
        entry = {"id": message_id, "to": to, "body": message.body, "kind": message.kind, "at": at}
        entry["channel"] = message.channel
        what = message.body
        if message.content_sid:
            entry["content_sid"] = message.content_sid
            entry["content_variables"] = _variables(message)
            what = f"template {message.content_sid} {entry['content_variables']}"
        store.push_outbox(self.redis, entry)
        print(f"[outbox] {message.kind} to {mask(message.to)}: {what}", file=self.stream, flush=True)
        return message_id

    def handed_over(self, to: str, body: str, since: datetime, content_sid: str = "") -> bool:
        # Entries keep their time to the second, so the claim's instant is compared at that precision too.
        since = since.replace(microsecond=0)
        return any(
            entry["to"] == to
            and entry.get("content_sid", "") == content_sid
            and (content_sid or entry["body"] == body)
            and datetime.fromisoformat(entry["at"]) >= since
            for entry in self.outbox()
        )

    def outbox(self, limit: int = store.OUTBOX_MAX) -> list[dict[str, str]]:
        """What was sent, oldest first, with numbers decrypted (or UNREADABLE where DATA_KEY lacks their key)."""
        return [entry | {"to": self._number(entry["to"])} for entry in store.outbox(self.redis, limit)]

    def _number(self, stored: str) -> str:
        try:
            return self.keys.decrypt(base64.b64decode(stored))
        except DataKeyError:
            return UNREADABLE


HTTP_TIMEOUT_S = 10.0
"""One REST call; Twilio answers a message create in well under a second."""


class TwilioTransport:
    """Sends through Twilio's Messages API with the official client, retrying what Twilio says is temporary.

    One client per transport: its TwilioHttpClient keeps a requests Session, so sends reuse a kept-alive
    connection instead of a TLS handshake each.

    The sender: with TWILIO_MESSAGING_SERVICE_SID, the Messaging Service for both channels (Twilio picks the
    service's WhatsApp sender for a whatsapp: address); without it, TWILIO_FROM_NUMBER for SMS and
    "whatsapp:" + TWILIO_WHATSAPP_FROM for WhatsApp. A WhatsApp send with neither configured is refused as a
    permanent SendError before any request (a line may text by SMS only).
    """

    def __init__(self, config: Config, attempts: int = 3, backoff_s: float = 0.5) -> None:
        http_client = TwilioHttpClient(timeout=HTTP_TIMEOUT_S)
        self.client = Client(config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN, http_client=http_client)
        if config.TWILIO_API_BASE_URL:
            self.client.api.base_url = config.TWILIO_API_BASE_URL
        service = config.TWILIO_MESSAGING_SERVICE_SID
        callback: dict[str, str | None] = {}
        if config.PUBLIC_BASE_URL:
            callback["status_callback"] = f"{config.PUBLIC_BASE_URL}/sms/status"
        sms: dict[str, str | None] = {"from_": config.TWILIO_FROM_NUMBER}
        whatsapp: dict[str, str | None] | None = None
        if config.TWILIO_WHATSAPP_FROM:
            whatsapp = {"from_": channel.address(config.TWILIO_WHATSAPP_FROM, channel.WHATSAPP)}
        if service:
            sms = whatsapp = {"messaging_service_sid": service}
        self.params = sms | callback
        self.whatsapp_params = None if whatsapp is None else whatsapp | callback
        self.attempts, self.backoff_s = attempts, backoff_s

    def _request(self, message: Outgoing) -> dict[str, str | None]:
        """The create call's parameters: the channel's sender, the callback, and the body or the template."""
        params = self.params if message.channel == "sms" else self.whatsapp_params
        if params is None:
            raise SendError("no WhatsApp sender: set TWILIO_WHATSAPP_FROM or TWILIO_MESSAGING_SERVICE_SID", None, True)
        if message.content_sid:
            content: dict[str, str | None] = {"content_sid": message.content_sid}
            if message.content_variables:
                content["content_variables"] = _variables(message)
            return {"to": message.to, **params, **content}
        return {"to": message.to, "body": message.body, **params}

    def send(self, message: Outgoing) -> str:
        request = self._request(message)
        attempt = 1
        while True:
            try:
                return str(self.client.messages.create(**request).sid)
            except (TwilioRestException, TwilioServiceException) as exc:
                if attempt >= self.attempts or not _temporary(exc):
                    # `from None`: Twilio's own error text can quote the phone number, and tracebacks get logged.
                    raise SendError(
                        f"Twilio refused the message (HTTP {exc.status}, code {exc.code}) after {attempt} attempt(s)",
                        exc.code,
                        errors.handling(exc.code).permanent,
                    ) from None
                delay = self.backoff_s * 2 ** (attempt - 1) * random.uniform(0.5, 1.5)
                log.warning("twilio send refused (HTTP %s, code %s): retry in %.2fs", exc.status, exc.code, delay)
                time.sleep(delay)
                attempt += 1
            except RequestException as exc:
                # Not retried here: the request may have reached Twilio, and a second one could text twice.
                raise SendError(f"Twilio unreachable ({type(exc).__name__})", None, False) from None

    def handed_over(self, to: str, body: str, since: datetime, content_sid: str = "") -> bool:
        """Whether Twilio has a message to `to` created at or after `since` with `body`.

        For a template send (`content_sid`) it checks the recipient and the time only: Twilio's message record
        holds the text it rendered from the approved template, which this service never sees, and no content
        SID to match on. So any message to that person since the claim counts as the template handed over: a
        recovery may then skip a template rather than send it twice, and the claim's window is minutes."""
        # Twilio lists a number's messages newest first; a recovery looks back minutes, so one page is plenty.
        recent = self.client.messages.list(to=to, limit=50)
        return any(
            (content_sid or m.body == body) and m.date_created is not None and m.date_created >= since for m in recent
        )


def _variables(message: Outgoing) -> str:
    """A template's variables as Twilio takes them: a JSON object string, {"1": "...", ...}."""
    return json.dumps(dict(message.content_variables), ensure_ascii=False, separators=(",", ":"))


def _temporary(exc: TwilioRestException | TwilioServiceException) -> bool:
    return exc.status == 429 or errors.handling(exc.code) is errors.Handling.RATE_LIMITED or exc.status >= 500


class _Lane:
    """One channel's bucket and this process's unspent allowance from it."""

    def __init__(self, bucket: str, rate_per_s: float) -> None:
        self.bucket, self.rate_per_s = bucket, rate_per_s
        self.block = max(1, int(rate_per_s // 50))
        self.allowance, self.granted_at = 0, 0.0


class PacedTransport:
    """Takes tokens from the bucket all workers share before sending, so together they keep SEND_RATE_PER_S for
    SMS and, in a bucket of its own (WhatsApp limits each WhatsApp sender apart), WHATSAPP_SEND_RATE_PER_S for
    WhatsApp.

    At high rates it takes a few at a time (a fiftieth of a second's worth), so pacing costs one Redis round trip
    per block rather than per message; tokens not spent within a second are let go, so no later burst builds up."""

    def __init__(
        self, inner: Transport, redis: Redis, rate_per_s: float, whatsapp_rate_per_s: float | None = None
    ) -> None:
        self.inner, self.redis = inner, redis
        self.lanes = {
            "sms": _Lane(store.SEND_BUCKET, rate_per_s),
            "whatsapp": _Lane(SEND_BUCKET_WHATSAPP, whatsapp_rate_per_s or Config.WHATSAPP_SEND_RATE_PER_S),
        }

    def send(self, message: Outgoing) -> str:
        lane = self.lanes[message.channel]
        if lane.allowance == 0 or time.monotonic() - lane.granted_at > 1.0:
            lane.allowance = pacing.wait_for_tokens(self.redis, lane.rate_per_s, lane.block, lane.bucket)
            lane.granted_at = time.monotonic()
        lane.allowance -= 1
        return self.inner.send(message)

    def handed_over(self, to: str, body: str, since: datetime, content_sid: str = "") -> bool:
        return self.inner.handed_over(to, body, since, content_sid)


def from_config(config: Config, redis: Redis) -> Transport:
    """The transport `SMS_TRANSPORT` names, paced to SEND_RATE_PER_S (SMS) and WHATSAPP_SEND_RATE_PER_S."""
    if config.SMS_TRANSPORT == "twilio":
        inner: Transport = TwilioTransport(config)
    else:
        inner = ConsoleTransport(redis, keyring(config.DATA_KEY))
    return PacedTransport(inner, redis, config.SEND_RATE_PER_S, config.WHATSAPP_SEND_RATE_PER_S)


def stop_sending_after(pipe: Pipeline, sender: str, code: int | None, now: datetime) -> None:
    """Queue on `pipe` what error `code` means for the person (see errors.Handling): opted out, or unreachable."""
    handling = errors.handling(code)
    if handling is errors.Handling.OPTED_OUT:
        store.set_opted_out(pipe, sender, True, now)
    elif handling is errors.Handling.UNREACHABLE:
        store.set_unreachable(pipe, sender)


def handle_send_error(redis: Redis, sender: str, exc: SendError, now: datetime) -> None:
    """Record a refused send under its code, and stop texting the person if the code says they cannot be texted."""
    pipe = redis.pipeline()
    if exc.code is not None:
        store.record_failure(pipe, exc.code)
    stop_sending_after(pipe, sender, exc.code, now)
    pipe.execute()
    log.warning("send failed code=%s permanent=%s sender=%s", exc.code, exc.permanent, sender[:8])
