"""Sends signed webhook requests the way Twilio does, and reads the TwiML replies."""

import urllib.parse
import uuid
import xml.etree.ElementTree as ET

from flask.testing import FlaskClient
from redis import Redis
from twilio.request_validator import RequestValidator
from werkzeug.test import TestResponse

from messages import catalog
from service.config import DEV_AUTH_TOKEN, DEV_DATA_KEY
from service.privacy import keyring
from service.twilio.transport import ConsoleTransport

WEBHOOK_URL = "http://localhost/sms"


def parse_replies(response: TestResponse) -> list[str]:
    return [m.text or "" for m in ET.fromstring(response.data).iter("Message")]


class Texter:
    """Sends signed webhook requests as one phone number, the way Twilio would."""

    def __init__(self, client: FlaskClient, number: str = "+15555550123", token: str = DEV_AUTH_TOKEN) -> None:
        self.client, self.number, self.token = client, number, token

    def params(self, body: str, **overrides: str) -> dict[str, str]:
        return {"MessageSid": "SM" + uuid.uuid4().hex, "From": self.number, "To": "+15005550006", "Body": body} | (
            overrides
        )

    def post(self, params: dict[str, str], url: str = WEBHOOK_URL, signed_url: str | None = None) -> TestResponse:
        signature = RequestValidator(self.token).compute_signature(signed_url or url, params)
        path = urllib.parse.urlsplit(url)
        return self.client.post(
            path.path + (f"?{path.query}" if path.query else ""),
            base_url=f"{path.scheme}://{path.netloc}",
            data=params,
            headers={"X-Twilio-Signature": signature},
        )

    def send(self, body: str) -> list[str]:
        response = self.post(self.params(body))
        assert response.status_code == 200, response.data
        assert response.mimetype == "text/xml"
        return parse_replies(response)


def subscribe(texter: Texter) -> None:
    """Subscribe `texter`'s number to daily check-ins through the webhook, as a person does: hi, CHECKIN, YES."""
    texter.send("hi")
    assert texter.send("CHECKIN") == [catalog.text("checkin.offer")]
    texter.send("YES")


def outbox(redis: Redis) -> list[dict[str, str]]:
    """What the console transport sent, oldest first, numbers decrypted with the development key."""
    return ConsoleTransport(redis, keyring(DEV_DATA_KEY)).outbox()
