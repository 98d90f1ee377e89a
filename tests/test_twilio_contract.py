"""The Twilio transport's requests, as the twilio library sends them, against Twilio's own OpenAPI description."""

import dataclasses
from collections.abc import Iterator

import pytest
from redis import Redis

from service import config
from service.twilio import transport
from tests import prism

ACCOUNT_SID = "AC" + "0" * 32
MESSAGE = transport.Outgoing(to="+15555550123", body="How are you today? Reply 1-5 💙", kind="checkin")
WHATSAPP_FREE_FORM = dataclasses.replace(MESSAGE, to="whatsapp:+15555550123")
WHATSAPP_TEMPLATE = dataclasses.replace(
    WHATSAPP_FREE_FORM, content_sid="HX" + "2" * 32, content_variables=(("1", "Sam"), ("2", "10:00 💙"))
)


@pytest.fixture(scope="module")
def mock(tmp_path_factory: pytest.TempPathFactory) -> Iterator[prism.Prism]:
    with prism.running(tmp_path_factory.mktemp("prism") / "prism.log") as running:
        yield running


def twilio_config(mock: prism.Prism, sender: dict[str, str]) -> config.Config:
    return config.load(
        {
            "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
            "TWILIO_AUTH_TOKEN": "secret",
            "TWILIO_API_BASE_URL": mock.url,
            "PUBLIC_BASE_URL": "https://sms.example.org",
        }
        | sender
    )


@pytest.mark.parametrize(
    "sender",
    [{"TWILIO_FROM_NUMBER": "+15005550006"}, {"TWILIO_MESSAGING_SERVICE_SID": "MG" + "1" * 32}],
    ids=["from-number", "messaging-service"],
)
def test_send_matches_twilios_api_description(mock: prism.Prism, redis: Redis, sender: dict[str, str]) -> None:
    mark = mock.mark()
    try:
        sid = transport.from_config(twilio_config(mock, sender), redis).send(MESSAGE)
    except transport.SendError as refused:
        pytest.fail(f"{refused}; Prism found: {mock.violations(mark)}")
    assert sid.startswith("SM")
    assert mock.violations(mark) == []


@pytest.mark.parametrize(
    "sender",
    [{"TWILIO_WHATSAPP_FROM": "+15005550007"}, {"TWILIO_MESSAGING_SERVICE_SID": "MG" + "1" * 32}],
    ids=["whatsapp-from", "messaging-service"],
)
@pytest.mark.parametrize("message", [WHATSAPP_TEMPLATE, WHATSAPP_FREE_FORM], ids=["template", "free-form"])
def test_whatsapp_send_matches_twilios_api_description(
    mock: prism.Prism, redis: Redis, sender: dict[str, str], message: transport.Outgoing
) -> None:
    settings = twilio_config(mock, {"TWILIO_FROM_NUMBER": "+15005550006"} | sender)
    mark = mock.mark()
    try:
        sid = transport.from_config(settings, redis).send(message)
    except transport.SendError as refused:
        pytest.fail(f"{refused}; Prism found: {mock.violations(mark)}")
    assert sid.startswith("SM")
    assert mock.violations(mark) == []


def test_a_broken_template_send_is_caught(mock: prism.Prism) -> None:
    # Guards the test above for templates: a content SID Twilio's description does not allow is found.
    settings = twilio_config(mock, {"TWILIO_FROM_NUMBER": "+15005550006", "TWILIO_WHATSAPP_FROM": "+15005550007"})
    mark = mock.mark()
    with pytest.raises(transport.SendError) as refused:
        transport.TwilioTransport(settings, attempts=1).send(dataclasses.replace(WHATSAPP_TEMPLATE, content_sid="HX1"))
    assert refused.value.code == 422
    assert any("ContentSid" in line for line in mock.violations(mark))


def test_a_request_that_breaks_the_description_is_caught(mock: prism.Prism) -> None:
    # Guards the test above: were Prism to accept anything, it would pass whatever the transport sent.
    settings = twilio_config(mock, {"TWILIO_FROM_NUMBER": "+15005550006"})
    broken = dataclasses.replace(settings, TWILIO_MESSAGING_SERVICE_SID="MG-not-a-sid")
    mark = mock.mark()
    with pytest.raises(transport.SendError) as refused:
        transport.TwilioTransport(broken, attempts=1).send(MESSAGE)
    assert refused.value.code == 422  # Prism's "invalid request"
    assert any("MessagingServiceSid" in line for line in mock.violations(mark))
