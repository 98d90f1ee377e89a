"""Outbound SMS behind one small interface: the console outbox for development, Twilio's REST API for real."""

import base64
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

from service import clock, pacing, store
from service.config import Config
from service.privacy import DataKeyError, Keyring, keyring, mask
from service.twilio import errors

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outgoing:
    """One text to send: to whom, what, and why (checkin, reminder, referral, followup, alert, ...)."""

    to: str
    body: str
    kind: str
    at: datetime | None = None  # the instant it is sent as (a scheduling pass's, which `tick --at` may set)


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

    def handed_over(self, to: str, body: str, since: datetime) -> bool:
        """Whether a message with `body` to `to` reached the provider at or after `since` (to recover a send
        whose worker died before recording it)."""
        ...


UNREADABLE = "(encrypted with a key DATA_KEY no longer holds)"
"""What the outbox shows for a number whose key was dropped from DATA_KEY before `rotate-key` ran."""


class ConsoleTransport:
    """Keeps every message in a Redis outbox (`steadyline outbox`) and prints it, for development and demos.

    The outbox holds numbers encrypted like every stored number; the terminal shows them masked."""

    def __init__(self, redis: Redis, keys: Keyring, stream: TextIO | None = None) -> None:
        self.redis, self.keys = redis, keys
        self.stream = stream or sys.stdout

    def send(self, message: Outgoing) -> str:
        message_id = "CO" + uuid.uuid4().hex
        at = (message.at or clock.now()).isoformat(timespec="seconds")
        to = base64.b64encode(self.keys.encrypt(message.to)).decode()
        store.push_outbox(
            self.redis, {"id": message_id, "to": to, "body": message.body, "kind": message.kind, "at": at}
        )
        print(f"[outbox] {message.kind} to {mask(message.to)}: {message.body}", file=self.stream, flush=True)
        return message_id

    def handed_over(self, to: str, body: str, since: datetime) -> bool:
        # Entries keep their time to the second, so the claim's instant is compared at that precision too.
        since = since.replace(microsecond=0)
        return any(
            entry["to"] == to and entry["body"] == body and datetime.fromisoformat(entry["at"]) >= since
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
    """

    def __init__(self, config: Config, attempts: int = 3, backoff_s: float = 0.5) -> None:
        http_client = TwilioHttpClient(timeout=HTTP_TIMEOUT_S)
        self.client = Client(config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN, http_client=http_client)
        if config.TWILIO_API_BASE_URL:
            self.client.api.base_url = config.TWILIO_API_BASE_URL
        self.params: dict[str, str | None] = (
            {"messaging_service_sid": config.TWILIO_MESSAGING_SERVICE_SID}
            if config.TWILIO_MESSAGING_SERVICE_SID
            else {"from_": config.TWILIO_FROM_NUMBER}
        )
        if config.PUBLIC_BASE_URL:
            self.params["status_callback"] = f"{config.PUBLIC_BASE_URL}/sms/status"
        self.attempts, self.backoff_s = attempts, backoff_s

    def send(self, message: Outgoing) -> str:
        attempt = 1
        while True:
            try:
                return str(self.client.messages.create(to=message.to, body=message.body, **self.params).sid)
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

    def handed_over(self, to: str, body: str, since: datetime) -> bool:
        # Twilio lists a number's messages newest first; a recovery looks back minutes, so one page is plenty.
        recent = self.client.messages.list(to=to, limit=50)
        return any(m.body == body and m.date_created is not None and m.date_created >= since for m in recent)


def _temporary(exc: TwilioRestException | TwilioServiceException) -> bool:
    return exc.status == 429 or errors.handling(exc.code) is errors.Handling.RATE_LIMITED or exc.status >= 500


class PacedTransport:
    """Takes tokens from the bucket all workers share before sending, so together they keep SEND_RATE_PER_S.

    At high rates it takes a few at a time (a fiftieth of a second's worth), so pacing costs one Redis round trip
    per block rather than per message; tokens not spent within a second are let go, so no later burst builds up."""

    def __init__(self, inner: Transport, redis: Redis, rate_per_s: float) -> None:
        self.inner, self.redis, self.rate_per_s = inner, redis, rate_per_s
        self.block = max(1, int(rate_per_s // 50))
        self._allowance, self._granted_at = 0, 0.0

    def send(self, message: Outgoing) -> str:
        if self._allowance == 0 or time.monotonic() - self._granted_at > 1.0:
            self._allowance = pacing.wait_for_tokens(self.redis, self.rate_per_s, self.block)
            self._granted_at = time.monotonic()
        self._allowance -= 1
        return self.inner.send(message)

    def handed_over(self, to: str, body: str, since: datetime) -> bool:
        return self.inner.handed_over(to, body, since)


def from_config(config: Config, redis: Redis) -> Transport:
    """The transport `SMS_TRANSPORT` names, paced to SEND_RATE_PER_S."""
    if config.SMS_TRANSPORT == "twilio":
        inner: Transport = TwilioTransport(config)
    else:
        inner = ConsoleTransport(redis, keyring(config.DATA_KEY))
    return PacedTransport(inner, redis, config.SEND_RATE_PER_S)


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
