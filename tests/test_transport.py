"""Outbound sending: the console outbox, the shared token buckets, and the Twilio transport against a scripted
stand-in for Twilio's Messages API (retries, permanent errors, what each request carries, SMS and WhatsApp)."""

import io
import json
import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from redis import Redis

from service import config, embedded, pacing, store
from service.privacy import keyring, sender_id
from service.store.keys import SEND_BUCKET_WHATSAPP
from service.twilio import transport
from tests.fake_twilio import ACCOUNT_SID, FakeTwilio, created, refused
from tests.texting import outbox

SERVICE_SID = "MG" + "1" * 32
FROM = "+15005550006"
TO = "+15555550123"
NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
WA_FROM = "+15005550007"
WA_TO = "whatsapp:" + TO
TEMPLATE_SID = "HX" + "2" * 32


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


def template(to: str = WA_TO) -> transport.Outgoing:
    """An approved WhatsApp template: its body is what this service would say; Twilio renders the template."""
    return transport.Outgoing(
        to=to,
        body="How are you today, 1-5?",
        kind="checkin",
        content_sid=TEMPLATE_SID,
        content_variables=(("1", "Sam"), ("2", "10:00")),
    )


def test_an_address_names_its_channel() -> None:
    assert (checkin().channel, checkin(WA_TO).channel, template().channel) == ("sms", "whatsapp", "whatsapp")
    assert hash(template()) == hash(template())  # still a frozen, hashable value


# --- console ---


def test_console_transport_keeps_an_outbox_and_prints_only_the_masked_number(redis: Redis) -> None:
    printed = io.StringIO()
    message_id = transport.ConsoleTransport(redis, keyring(config.DEV_DATA_KEY), printed).send(checkin())
    [entry] = outbox(redis)
    assert entry["id"] == message_id and entry["to"] == TO and entry["body"] == checkin().body
    assert TO not in printed.getvalue() and TO[-2:] in printed.getvalue()
    assert entry["channel"] == "sms" and "content_sid" not in entry


def test_console_outbox_keeps_a_whatsapp_template_with_the_address_encrypted(redis: Redis) -> None:
    printed = io.StringIO()
    console = transport.ConsoleTransport(redis, keyring(config.DEV_DATA_KEY), printed)
    console.send(template())
    console.send(checkin(WA_TO))
    [sent_template, free_form] = outbox(redis)
    assert sent_template["to"] == WA_TO and sent_template["channel"] == "whatsapp"
    assert sent_template["content_sid"] == TEMPLATE_SID
    assert json.loads(sent_template["content_variables"]) == {"1": "Sam", "2": "10:00"}
    assert free_form["channel"] == "whatsapp" and "content_sid" not in free_form
    stored = b"".join(redis.lrange(store.OUTBOX, 0, -1))
    assert TO[1:].encode() not in stored  # the number is in no entry in clear, with or without its prefix
    assert TO not in printed.getvalue() and TEMPLATE_SID in printed.getvalue()


def test_console_recognises_a_template_it_handed_over_by_its_content_sid(redis: Redis) -> None:
    console = transport.ConsoleTransport(redis, keyring(config.DEV_DATA_KEY), io.StringIO())
    console.send(template())
    assert console.handed_over(WA_TO, "whatever the body", NOW, content_sid=TEMPLATE_SID)
    assert not console.handed_over(WA_TO, template().body, NOW)  # the free-form text was never sent
    assert not console.handed_over(WA_TO, "", NOW, content_sid="HX" + "3" * 32)
    assert not console.handed_over(TO, "", NOW, content_sid=TEMPLATE_SID)  # SMS to the same number is another


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


def test_whatsapp_sends_take_from_a_bucket_of_their_own(redis: Redis) -> None:
    sender = transport.from_config(config.load({"SEND_RATE_PER_S": "1", "WHATSAPP_SEND_RATE_PER_S": "1"}), redis)
    started = time.monotonic()
    sender.send(checkin())
    sender.send(template())  # the SMS spent its bucket's one token; this one does not wait on it
    assert time.monotonic() - started < 0.5
    assert pacing.take(redis, 1, 1) > 0 and pacing.take(redis, 1, 1, bucket=SEND_BUCKET_WHATSAPP) > 0
    assert SEND_BUCKET_WHATSAPP != store.SEND_BUCKET


def test_whatsapp_blocks_are_sized_to_the_whatsapp_rate(redis: Redis) -> None:
    sender = transport.from_config(config.load({"SEND_RATE_PER_S": "10", "WHATSAPP_SEND_RATE_PER_S": "1000"}), redis)
    assert isinstance(sender, transport.PacedTransport)
    sender.send(template())  # one round trip takes a block of a fiftieth of a second's worth
    assert sender.lanes["whatsapp"].allowance == 1000 // 50 - 1 and sender.lanes["sms"].allowance == 0
    tokens = float(redis.hget(SEND_BUCKET_WHATSAPP, "tokens") or 0)
    assert tokens == 1000 - 20 and not redis.exists(store.SEND_BUCKET)  # a new bucket starts full


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


def whatsapp_twilio(fake: FakeTwilio, **env: str) -> transport.TwilioTransport:
    return transport.TwilioTransport(twilio_config(fake.url, **env), attempts=1)


def test_whatsapp_free_form_goes_from_the_whatsapp_sender(fake_twilio: FakeTwilio) -> None:
    sender = whatsapp_twilio(fake_twilio, TWILIO_WHATSAPP_FROM=WA_FROM)
    sender.send(checkin(WA_TO))
    sender.send(checkin())  # SMS exactly as before, from the SMS number
    sender.client.http_client.session.close()
    [whatsapp, sms] = [request["form"] for request in fake_twilio.requests]
    assert whatsapp == {"To": WA_TO, "Body": checkin().body, "From": "whatsapp:" + WA_FROM}
    assert sms == {"To": TO, "Body": checkin().body, "From": FROM}


def test_whatsapp_template_sends_its_content_sid_and_variables_and_no_body(fake_twilio: FakeTwilio) -> None:
    sender = whatsapp_twilio(fake_twilio, TWILIO_WHATSAPP_FROM=WA_FROM, PUBLIC_BASE_URL="https://sms.example.org")
    sender.send(template())
    sender.send(transport.Outgoing(WA_TO, "", "checkin", content_sid=TEMPLATE_SID))  # a template without variables
    sender.client.http_client.session.close()
    [with_variables, without] = [request["form"] for request in fake_twilio.requests]
    assert json.loads(with_variables.pop("ContentVariables")) == {"1": "Sam", "2": "10:00"}
    assert with_variables == {
        "To": WA_TO,
        "From": "whatsapp:" + WA_FROM,
        "ContentSid": TEMPLATE_SID,
        "StatusCallback": "https://sms.example.org/sms/status",
    }
    assert without == with_variables


def test_whatsapp_through_the_messaging_service(fake_twilio: FakeTwilio) -> None:
    sender = whatsapp_twilio(fake_twilio, TWILIO_MESSAGING_SERVICE_SID=SERVICE_SID, TWILIO_WHATSAPP_FROM=WA_FROM)
    sender.send(template())
    sender.client.http_client.session.close()
    form = fake_twilio.requests[0]["form"]
    assert form["To"] == WA_TO and form["MessagingServiceSid"] == SERVICE_SID and "From" not in form


def test_whatsapp_without_a_whatsapp_sender_is_refused_for_good(fake_twilio: FakeTwilio) -> None:
    sender = whatsapp_twilio(fake_twilio)  # an SMS-only line: TWILIO_FROM_NUMBER and nothing for WhatsApp
    for message in (template(), checkin(WA_TO)):
        with pytest.raises(transport.SendError, match="TWILIO_WHATSAPP_FROM") as raised:
            sender.send(message)
        assert (raised.value.code, raised.value.permanent) == (None, True) and TO not in str(raised.value)
    assert fake_twilio.requests == []
    assert sender.send(checkin()).startswith("SM")  # SMS still goes
    sender.client.http_client.session.close()


def test_recovering_a_template_send_checks_recipient_and_time(fake_twilio: FakeTwilio) -> None:
    sender = whatsapp_twilio(fake_twilio, TWILIO_WHATSAPP_FROM=WA_FROM)
    before = datetime.now(UTC).replace(microsecond=0)
    sender.send(template())
    assert sender.handed_over(WA_TO, template().body, before, content_sid=TEMPLATE_SID)
    assert not sender.handed_over(WA_TO, template().body, before)  # as free-form text: the body never went out
    assert not sender.handed_over(TO, "", before, content_sid=TEMPLATE_SID)  # an SMS number is another recipient
    assert not sender.handed_over(WA_TO, "", before + timedelta(hours=1), content_sid=TEMPLATE_SID)
    sender.client.http_client.session.close()
    assert fake_twilio.lists[0] == WA_TO


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
