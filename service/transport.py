"""Outbound SMS behind one small interface: the console outbox for development, Twilio's REST API for real."""

import sys
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol, TextIO

from redis import Redis
from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

from service import store
from service.config import Config
from service.privacy import mask


@dataclass(frozen=True)
class Outgoing:
    """One text to send: to whom, what, and why (checkin, reminder, referral, followup, alert, ...)."""

    to: str
    body: str
    kind: str


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


class ConsoleTransport:
    """Keeps every message in a Redis outbox (`steadyline outbox`) and prints it, for development and demos."""

    def __init__(self, redis: Redis, stream: TextIO | None = None) -> None:
        self.redis = redis
        self.stream = stream or sys.stdout

    def send(self, message: Outgoing) -> str:
        message_id = "CO" + uuid.uuid4().hex
        at = datetime.now(UTC).isoformat(timespec="seconds")
        store.push_outbox(
            self.redis, {"id": message_id, "to": message.to, "body": message.body, "kind": message.kind, "at": at}
        )
        print(f"[outbox] {message.kind} to {mask(message.to)}: {message.body}", file=self.stream, flush=True)
        return message_id


# Twilio error codes after which sending the same message again can never succeed.
PERMANENT_ERRORS = frozenset({21211, 21408, 21610, 21612, 21614, 30003, 30005, 30006})


class TwilioTransport:
    """Sends through Twilio's Messages API with the official client."""

    def __init__(self, config: Config) -> None:
        self.client = Client(config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN)
        if config.TWILIO_API_BASE_URL:
            self.client.api.base_url = config.TWILIO_API_BASE_URL
        self.sender = (
            {"messaging_service_sid": config.TWILIO_MESSAGING_SERVICE_SID}
            if config.TWILIO_MESSAGING_SERVICE_SID
            else {"from_": config.TWILIO_FROM_NUMBER}
        )

    def send(self, message: Outgoing) -> str:
        try:
            sent = self.client.messages.create(to=message.to, body=message.body, **self.sender)
        except TwilioRestException as exc:
            raise SendError(f"Twilio refused the message ({exc.code})", exc.code, exc.code in PERMANENT_ERRORS) from exc
        return str(sent.sid)


def from_config(config: Config, redis: Redis) -> Transport:
    """The transport `SMS_TRANSPORT` names."""
    return TwilioTransport(config) if config.SMS_TRANSPORT == "twilio" else ConsoleTransport(redis)
