"""Twilio's status callbacks end to end: signed, recorded once, never moving a message backwards."""

import socket
import uuid

import pytest
from flask.testing import FlaskClient
from redis import Redis

from service import create_app, store
from service.config import DEV_DATA_KEY
from service.conversation.model import State
from service.privacy import sender_id
from tests.texting import Texter

STATUS_URL = "http://localhost/sms/status"
TO = "+15555550123"
SENDER = sender_id(TO, DEV_DATA_KEY)


def new_sid() -> str:
    return "SM" + uuid.uuid4().hex


def report(client: FlaskClient, sid: str, status: str, error_code: str = "", to: str = TO) -> int:
    """Post one signed status callback the way Twilio does; return the HTTP status."""
    params = {"MessageSid": sid, "MessageStatus": status, "From": "+15005550006", "To": to}
    if error_code:
        params["ErrorCode"] = error_code
    response = Texter(client).post(params, url=STATUS_URL)
    assert response.data == b"", response.data
    return response.status_code


@pytest.fixture
def sent(redis: Redis) -> str:
    """A check-in the send pipeline has handed to Twilio."""
    sid = new_sid()
    store.record_sent(redis, sid, SENDER, "checkin")
    return sid


def state_of(redis: Redis, sender: str) -> State:
    return store.user_state(redis, sender)


def test_delivery_is_recorded_with_who_and_why(client: FlaskClient, redis: Redis, sent: str) -> None:
    assert store.message_status(redis, sent)["status"] == "queued"
    assert report(client, sent, "sent") == 204
    assert report(client, sent, "delivered") == 204
    assert store.message_status(redis, sent) == {"sender": SENDER, "kind": "checkin", "status": "delivered"}


def test_unsigned_or_missigned_callback_is_refused(client: FlaskClient, redis: Redis, sent: str) -> None:
    params = {"MessageSid": sent, "MessageStatus": "failed", "ErrorCode": "21610", "To": TO}
    assert client.post("/sms/status", data=params).status_code == 403
    assert Texter(client, token="not-the-token").post(params, url=STATUS_URL).status_code == 403
    assert Texter(client).post(params, url=STATUS_URL, signed_url="http://localhost/sms").status_code == 403
    assert store.message_status(redis, sent)["status"] == "queued"
    assert not state_of(redis, SENDER).opted_out


@pytest.mark.parametrize(
    ("reports", "final"),
    [
        (["delivered", "sent"], "delivered"),
        (["sent", "delivered", "sending", "queued"], "delivered"),
        (["delivered", "read", "delivered"], "read"),
        (["undelivered", "delivered", "read"], "undelivered"),
        (["failed", "sent"], "failed"),
    ],
)
def test_late_callbacks_never_move_a_message_backwards(
    client: FlaskClient, redis: Redis, sent: str, reports: list[str], final: str
) -> None:
    for status in reports:
        assert report(client, sent, status) == 204
    assert store.message_status(redis, sent)["status"] == final


def test_a_callback_before_the_send_is_recorded_is_not_overwritten(redis: Redis, client: FlaskClient) -> None:
    sid = new_sid()
    assert report(client, sid, "delivered") == 204
    store.record_sent(redis, sid, SENDER, "checkin")  # the worker gets there after Twilio's callback
    assert store.message_status(redis, sid) == {"sender": SENDER, "kind": "checkin", "status": "delivered"}


def test_duplicate_failure_is_counted_once(client: FlaskClient, redis: Redis, sent: str) -> None:
    for _ in range(3):
        assert report(client, sent, "undelivered", "30003") == 204
    assert store.failures(redis) == {30003: 1}
    assert store.message_status(redis, sent)["error"] == "30003"


def test_unsubscribed_error_opts_the_recipient_out(client: FlaskClient, redis: Redis, sent: str) -> None:
    # The To field names someone else: the record of who this message went to is what counts.
    assert report(client, sent, "failed", "21610", to="+15555550999") == 204
    assert state_of(redis, SENDER).opted_out
    assert not state_of(redis, sender_id("+15555550999", DEV_DATA_KEY)).opted_out
    assert store.failures(redis) == {21610: 1}


def test_landline_is_marked_unreachable(client: FlaskClient, redis: Redis, sent: str) -> None:
    assert report(client, sent, "undelivered", "30006") == 204
    state = state_of(redis, SENDER)
    assert state.unreachable and not state.opted_out


def test_unknown_message_is_still_recorded_and_its_recipient_opted_out(client: FlaskClient, redis: Redis) -> None:
    sid = new_sid()
    assert report(client, sid, "failed", "21610") == 204
    assert store.message_status(redis, sid) == {"status": "failed", "error": "21610"}
    assert state_of(redis, SENDER).opted_out


@pytest.mark.parametrize(
    "params",
    [
        {"MessageStatus": "delivered"},
        {"MessageSid": "not-a-sid", "MessageStatus": "delivered"},
        {"MessageSid": "SM" + "0" * 32, "MessageStatus": "teleported"},
        {"MessageSid": "SM" + "0" * 32},
        {"MessageSid": "SM" + "0" * 32, "MessageStatus": "failed", "ErrorCode": "abc"},
    ],
    ids=["no-sid", "bad-sid", "unknown-status", "no-status", "bad-error-code"],
)
def test_malformed_callback_is_rejected(client: FlaskClient, redis: Redis, params: dict[str, str]) -> None:
    assert Texter(client).post(params, url=STATUS_URL).status_code == 400
    assert redis.keys(store.message_key("*")) == []


def test_redis_down_asks_twilio_to_retry(redis: Redis) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    down = create_app({"REDIS_URL": f"redis://127.0.0.1:{closed_port}"}).test_client()
    assert report(down, new_sid(), "failed", "21610") == 503
    assert report(down, new_sid(), "delivered") == 503
