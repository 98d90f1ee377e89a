"""Outbound sending: the console outbox, the shared token bucket, and the Twilio transport against a scripted
stand-in for Twilio's Messages API (retries, permanent errors, what each request carries)."""

import io
import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from redis import Redis

from service import config, embedded, pacing, store
from service.privacy import keyring, sender_id
from service.twilio import transport
from tests.fake_twilio import ACCOUNT_SID, FakeTwilio, created, refused
from tests.texting import outbox

SERVICE_SID = "MG" + "1" * 32
FROM = "+15005550006"
TO = "+15555550123"
NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def twilio_config(base_url: str, **env: str) -> config.Config:
    settings = {"TWILIO_ACCOUNT_SID": ACCOUNT_SID, "TWILIO_AUTH_TOKEN": "secret", "TWILIO_FROM_NUMBER": FROM}
    return config.load(settings | {"TWILIO_API_BASE_URL": base_url} | env)


@pytest.fixture
def twilio(fake_twilio: FakeTwilio) -> Iterator[transport.TwilioTransport]:
    sender = transport.TwilioTransport(twilio_config(fake_twilio.url), attempts=3, backoff_s=0.001)
    yield sender
    sender.client.http_client.session.close()


def checkin(to: str = TO) -> transport.Outgoing:
    return transport.Outgoing(to=to, body="How are you today, 1-5?", kind="checkin")


# --- console ---


def test_console_transport_keeps_an_outbox_and_prints_only_the_masked_number(redis: Redis) -> None:
    printed = io.StringIO()
    message_id = transport.ConsoleTransport(redis, keyring(config.DEV_DATA_KEY), printed).send(checkin())
    [entry] = outbox(redis)
    assert entry["id"] == message_id and entry["to"] == TO and entry["body"] == checkin().body
    assert TO not in printed.getvalue() and TO[-2:] in printed.getvalue()


# --- pacing ---


def test_bucket_lets_a_burst_through_then_one_token_per_interval(redis: Redis) -> None:
    waits = [pacing.take(redis, rate_per_s=10, burst=10, now=1000.0) for _ in range(11)]
    assert waits[:10] == [0.0] * 10
    assert waits[10] == pytest.approx(0.1)
    assert pacing.take(redis, 10, 10, now=1000.05) == pytest.approx(0.05)  # half a token refilled so far
    assert pacing.take(redis, 10, 10, now=1000.1) == 0.0
    assert pacing.take(redis, 10, 10, now=1000.1) == pytest.approx(0.1)


def test_an_idle_bucket_refills_only_up_to_the_burst(redis: Redis) -> None:
    for _ in range(3):
        pacing.take(redis, rate_per_s=2, burst=3, now=0.0)
    waits = [pacing.take(redis, 2, 3, now=3600.0) for _ in range(4)]
    assert waits == [0.0, 0.0, 0.0, pytest.approx(0.5)]


def test_a_block_takes_what_is_there_up_to_what_is_wanted(redis: Redis) -> None:
    assert pacing.take_up_to(redis, rate_per_s=10, burst=10, want=4, now=100.0) == (4, 0.0)
    assert pacing.take_up_to(redis, 10, 10, want=20, now=100.0) == (6, 0.0)
    assert pacing.take_up_to(redis, 10, 10, want=1, now=100.0) == (0, pytest.approx(0.1))


def test_a_worker_whose_clock_is_behind_gets_no_extra_tokens(redis: Redis) -> None:
    assert pacing.take(redis, rate_per_s=1, burst=1, now=500.0) == 0.0
    assert pacing.take(redis, 1, 1, now=499.0) == pytest.approx(1.0)


def test_workers_sharing_the_bucket_never_exceed_the_rate_together(
    redis: Redis, redis_server: embedded.EmbeddedServer
) -> None:
    # Asking for `redis` empties the database first, so the workers start on a full bucket.
    rate, per_worker, window = 200.0, 200, 0.25
    granted: list[float] = []
    lock = threading.Lock()

    def worker() -> None:
        client = Redis.from_url(redis_server.url)
        allowance = 0
        for _ in range(per_worker):
            if allowance == 0:  # as PacedTransport does: a few tokens at a time
                allowance = pacing.wait_for_tokens(client, rate, want=4)
            allowance -= 1
            with lock:
                granted.append(time.monotonic())
        client.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    granted.sort()
    # A token bucket's guarantee: in any window, at most the burst plus what the rate refills in that window.
    # Burst = rate; 10% slack for a thread that is slow to note the time of its grant. Unpaced, all 400 would
    # land in one window.
    limit = (rate + rate * window) * 1.1
    busiest = max(sum(1 for t in granted if start <= t < start + window) for start in granted)
    assert len(granted) == 2 * per_worker
    assert busiest <= limit, f"{busiest} sends within {window}s"


def test_configured_transport_takes_a_token_per_send(redis: Redis) -> None:
    sender = transport.from_config(config.load({"SEND_RATE_PER_S": "1"}), redis)
    sender.send(checkin())
    assert pacing.take(redis, rate_per_s=1, burst=1) > 0  # the one-message burst was spent by the send
    assert len(outbox(redis)) == 1


# --- Twilio ---


def test_send_returns_twilios_sid_and_names_the_sender(
    fake_twilio: FakeTwilio, twilio: transport.TwilioTransport
) -> None:
    fake_twilio.reply(created("SM" + "a" * 32))
    assert twilio.send(checkin()) == "SM" + "a" * 32
    [request] = fake_twilio.requests
    assert request["path"] == f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json"
    assert request["form"] == {"To": TO, "Body": checkin().body, "From": FROM}  # no StatusCallback without a URL


def test_status_callback_and_messaging_service_when_configured(fake_twilio: FakeTwilio) -> None:
    settings = twilio_config(
        fake_twilio.url, PUBLIC_BASE_URL="https://sms.example.org/", TWILIO_MESSAGING_SERVICE_SID=SERVICE_SID
    )
    sender = transport.TwilioTransport(settings)
    fake_twilio.reply(created("SM" + "b" * 32))
    sender.send(checkin())
    sender.client.http_client.session.close()
    form = fake_twilio.requests[0]["form"]
    assert form["StatusCallback"] == "https://sms.example.org/sms/status"
    assert form["MessagingServiceSid"] == SERVICE_SID and "From" not in form


@pytest.mark.parametrize(
    "first", [refused(429, 20429), refused(503, 20500), (500, {})], ids=["rate-limited", "unavailable", "no-body"]
)
def test_temporary_refusal_is_retried_and_sends_one_message(
    fake_twilio: FakeTwilio, twilio: transport.TwilioTransport, first: tuple[int, dict[str, object]]
) -> None:
    fake_twilio.reply(first, created("SM" + "c" * 32))
    assert twilio.send(checkin()) == "SM" + "c" * 32
    assert len(fake_twilio.requests) == 2
    assert fake_twilio.requests[0]["form"] == fake_twilio.requests[1]["form"]


def test_persistent_server_errors_give_up_as_a_temporary_failure(
    fake_twilio: FakeTwilio, twilio: transport.TwilioTransport
) -> None:
    fake_twilio.reply(*[refused(500, 20500)] * 3, created("SM" + "d" * 32))
    with pytest.raises(transport.SendError) as raised:
        twilio.send(checkin())
    assert not raised.value.permanent
    assert len(fake_twilio.requests) == 3


@pytest.mark.parametrize("code", [21610, 21211, 30006])
def test_permanent_refusal_is_not_retried(
    fake_twilio: FakeTwilio, twilio: transport.TwilioTransport, code: int
) -> None:
    fake_twilio.reply(refused(400, code), created("SM" + "e" * 32))
    with pytest.raises(transport.SendError) as raised:
        twilio.send(checkin())
    assert (raised.value.code, raised.value.permanent) == (code, True)
    assert len(fake_twilio.requests) == 1
    assert TO not in str(raised.value) and raised.value.__cause__ is None  # Twilio's text quoted the number


def test_sends_reuse_one_connection(fake_twilio: FakeTwilio, twilio: transport.TwilioTransport) -> None:
    fake_twilio.reply(*(created(f"SM{i:032x}") for i in range(3)))
    for _ in range(3):
        twilio.send(checkin())
    assert len({request["client_port"] for request in fake_twilio.requests}) == 1


def test_unreachable_api_is_a_temporary_failure() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    with pytest.raises(transport.SendError) as raised:
        transport.TwilioTransport(twilio_config(f"http://127.0.0.1:{closed_port}")).send(checkin())
    assert (raised.value.code, raised.value.permanent) == (None, False)


# --- what a refused send means for the person ---


def test_unsubscribed_recipient_is_opted_out(redis: Redis) -> None:
    sender = sender_id(TO, config.DEV_DATA_KEY)
    transport.handle_send_error(redis, sender, transport.SendError("refused", 21610, True), NOW)
    state = store.user_state(redis, sender)
    assert state.opted_out
    assert store.failures(redis) == {21610: 1}


@pytest.mark.parametrize("code", [21211, 30006])
def test_invalid_or_landline_number_is_marked_unreachable(redis: Redis, code: int) -> None:
    sender = sender_id(TO, config.DEV_DATA_KEY)
    transport.handle_send_error(redis, sender, transport.SendError("refused", code, True), NOW)
    state = store.user_state(redis, sender)
    assert state.unreachable and not state.opted_out
    assert store.failures(redis) == {code: 1}


def test_temporary_failure_is_counted_and_changes_nothing_about_the_person(redis: Redis) -> None:
    sender = sender_id(TO, config.DEV_DATA_KEY)
    transport.handle_send_error(redis, sender, transport.SendError("refused", 20500, False), NOW)
    assert not redis.exists(store.user_key(sender))
    assert store.failures(redis) == {20500: 1}
