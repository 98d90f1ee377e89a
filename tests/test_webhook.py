"""The signed webhook end to end against the real embedded server: signatures, replays, bad input, Redis down."""

import pytest
from flask import Flask
from hypothesis import given, settings
from hypothesis import strategies as st
from redis import Redis
from rq import Queue, SimpleWorker

from messages import catalog
from service import create_app, embedded, store
from service.connection import get_config
from service.privacy import sender_id
from tests.texting import Texter, outbox, parse_replies

CRISIS_TEXT = "i took the whole bottle of my klonopin"


def test_first_text_gets_the_welcome(texter: Texter) -> None:
    replies = texter.send("hello?")
    assert replies == [catalog.text("welcome")]
    assert all(word in replies[0] for word in ("automated", "MENU", "HELP", "STOP"))


def test_first_question_gets_welcome_then_answer(texter: Texter) -> None:
    assert texter.send("what is klonopin") == [catalog.text("welcome"), catalog.text("topic.about")]
    assert texter.send("what is klonopin") == [catalog.text("topic.about")]


def test_unknown_text_points_to_menu(known_texter: Texter) -> None:
    assert known_texter.send("purple monkey dishwasher") == [catalog.text("fallback")]
    assert "MENU" in catalog.text("fallback")


def test_unsigned_request_is_refused(client, texter: Texter) -> None:
    response = client.post("/sms", data=texter.params("MENU"))
    assert response.status_code == 403


def test_tampered_parameter_is_refused(texter: Texter) -> None:
    params = texter.params("MENU")
    signature_for = dict(params)
    response = texter.client.post(
        "/sms",
        data={**params, "Body": "STOP"},
        headers={"X-Twilio-Signature": texter_signature(texter, signature_for)},
    )
    assert response.status_code == 403


def texter_signature(texter: Texter, params: dict[str, str], url: str = "http://localhost/sms") -> str:
    from twilio.request_validator import RequestValidator

    return RequestValidator(texter.token).compute_signature(url, params)


def test_signature_for_another_url_is_refused(texter: Texter) -> None:
    response = texter.post(texter.params("MENU"), signed_url="http://localhost/other")
    assert response.status_code == 403


def test_a_signature_over_the_url_with_its_port_is_accepted_as_twilio_may_send_it(texter: Texter) -> None:
    # Twilio signs some URLs with the default port written out; both forms of the one URL are Twilio's.
    assert texter.post(texter.params("MENU"), signed_url="http://localhost:80/sms").status_code == 200
    assert texter.post(texter.params("MENU"), signed_url="http://localhost:8080/sms").status_code == 403


def test_a_sha256_signature_is_checked_when_twilio_says_so(texter: Texter) -> None:
    from twilio.request_validator import RequestValidator

    params = texter.params("MENU")
    signature = RequestValidator(texter.token).compute_signature("http://localhost/sms", params, "HMAC_SHA256")
    settings = {"X-Twilio-Webhooks-Signature-Settings": "algorithm=HMAC_SHA256"}
    signed = texter.client.post("/sms", data=params, headers={"X-Twilio-Signature": signature, **settings})
    assert signed.status_code == 200
    unsupported = {"X-Twilio-Webhooks-Signature-Settings": "algorithm=HMAC_MD5"}
    assert (
        texter.client.post("/sms", data=params, headers={"X-Twilio-Signature": signature, **unsupported}).status_code
        == 403
    )


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(st.text(min_size=1, max_size=12), st.lists(st.text(max_size=20), min_size=1, max_size=3)),
    st.sampled_from(["http://localhost/sms", "https://sms.example.org:8443/sms?x=1"]),
    st.sampled_from(["HMAC_SHA1", "HMAC_SHA256"]),
)
def test_the_webhooks_signature_is_twilios_for_any_form(form: dict[str, list[str]], url: str, algorithm: str) -> None:
    # The webhook computes signatures itself (one HMAC, no werkzeug form); they must be exactly Twilio's.
    from twilio.request_validator import RequestValidator
    from werkzeug.datastructures import MultiDict

    from service.twilio.signature import signature

    twilios = RequestValidator("a-token").compute_signature(url, MultiDict(form), algorithm)
    assert signature("a-token", url, MultiDict([(k, v) for k, vs in form.items() for v in vs]), algorithm) == twilios


def test_a_signature_header_with_non_ascii_characters_is_refused_not_an_error(texter: Texter) -> None:
    headers = {"X-Twilio-Signature": "é" * 28}
    assert texter.client.post("/sms", data=texter.params("MENU"), headers=headers).status_code == 403


def test_wrong_token_is_refused(client) -> None:
    response = Texter(client, token="not-the-token").post(Texter(client).params("MENU"))
    assert response.status_code == 403


def test_behind_a_proxy_the_public_url_is_what_twilio_signed(redis_server, redis: Redis) -> None:
    app = create_app({"REDIS_URL": redis_server.url, "PUBLIC_BASE_URL": "https://sms.example.org"})
    texter = Texter(app.test_client())
    params = texter.params("MENU")
    assert texter.post(params, signed_url="https://sms.example.org/sms").status_code == 200
    assert texter.post(texter.params("MENU")).status_code == 403  # signed for the internal URL


def test_replayed_message_sid_has_no_second_effect(known_texter: Texter, redis: Redis) -> None:
    params = known_texter.params("STOP")
    first, second = known_texter.post(params), known_texter.post(params)
    assert parse_replies(first) == [catalog.text("optout")]
    assert second.status_code == 200 and parse_replies(second) == []


def test_replayed_crisis_message_is_escalated_once(texter: Texter, redis: Redis) -> None:
    params = texter.params(CRISIS_TEXT)
    texter.post(params)
    texter.post(params)
    assert redis.zcard(store.ESCALATIONS) == 1


def test_crisis_is_recorded_without_number_or_text_and_alerts_oncall(texter: Texter, app: Flask, redis: Redis) -> None:
    assert texter.send(CRISIS_TEXT) == [catalog.text("crisis.overdose")]
    [event] = store.recent_escalations(redis)
    assert event["category"] == "overdose" and event["state"] == "open"
    assert event["sender"] == sender_id(texter.number, get_config(app).DATA_KEY)
    assert texter.number not in event.values() and event["masked"].endswith("23")
    assert event["text"] == CRISIS_TEXT  # kept for the operator who follows it up, and only there

    with app.app_context():
        SimpleWorker([Queue(store.QUEUE, connection=redis)], connection=redis).work(burst=True)
    [alert] = outbox(redis)
    assert alert["to"] == "+15555550100" and alert["kind"] == "alert"
    assert "overdose" in alert["body"] and "bottle" not in alert["body"]


@pytest.mark.parametrize(
    ("form", "status"),
    [
        ({"From": "+15555550123", "Body": "MENU"}, 400),  # no MessageSid
        ({"MessageSid": "SM" + "a" * 32, "Body": "MENU"}, 400),  # no From
        ({"MessageSid": "not-a-sid", "From": "+15555550123", "Body": "MENU"}, 400),
        ({"MessageSid": "SM" + "b" * 32, "From": "+1 555\n0123", "Body": "MENU"}, 400),
    ],
)
def test_malformed_requests_get_400(texter: Texter, form: dict[str, str], status: int) -> None:
    assert texter.post(form).status_code == status


@pytest.mark.parametrize(
    "body",
    ["", "   ", "a" * 1600, "b" * 5000, "🙂🙂🙂", "hola, necesito ayuda", "\x00\x07MENU\x1b", "MENU\u200b", "ＭＥＮＵ"],
    ids=["empty", "spaces", "1600", "5000", "emoji", "spanish", "control", "zero-width", "fullwidth"],
)
def test_odd_bodies_get_a_sensible_reply(known_texter: Texter, body: str) -> None:
    replies = known_texter.send(body)
    assert len(replies) == 1 and replies[0]


def test_control_characters_do_not_hide_a_keyword(known_texter: Texter) -> None:
    assert known_texter.send("\x00MENU\x07") == [catalog.text("topic.menu")]


def test_a_spanish_text_from_an_english_texter_says_in_spanish_how_to_switch(known_texter: Texter) -> None:
    # Issue 10: no longer "the line answers only in English"; ESPAÑOL switches every reply to Spanish.
    assert known_texter.send("hola, necesito ayuda por favor") == [catalog.text("language.offer", "es")]


def test_missing_body_is_treated_as_empty(texter: Texter) -> None:
    params = texter.params("x")
    del params["Body"]
    assert parse_replies(texter.post(params)) == [catalog.text("welcome")]


@pytest.mark.parametrize("sender", ["12345", "ALERTS", "abc"])
def test_short_code_and_alphanumeric_senders_are_refused_without_a_record(client, redis, sender: str) -> None:
    # Automated senders (carrier notices, codes) cannot hold a conversation; answering one risks a bot-to-bot loop.
    texter = Texter(client, number=sender)
    assert texter.post(texter.params("MENU")).status_code == 400
    assert not list(redis.scan_iter(match=store.user_key("*")))


def test_oversized_request_is_refused_before_parsing(texter: Texter) -> None:
    response = texter.post(texter.params("x" * 100_000))
    assert response.status_code == 413


def test_get_is_not_allowed(client) -> None:
    assert client.get("/sms").status_code == 405


@pytest.fixture
def stopped_server(tmp_path) -> embedded.EmbeddedServer:
    server = embedded.ensure(tmp_path)
    server.stop()
    return server


def test_crisis_reply_goes_out_with_redis_stopped(stopped_server: embedded.EmbeddedServer, tmp_path) -> None:
    app = create_app({"REDIS_URL": stopped_server.url, "SPOOL_DIR": str(tmp_path / "spool")})
    texter = Texter(app.test_client())
    assert texter.send("i want to kill myself") == [catalog.text("crisis.suicide")]
    app.extensions["spool"].stop()
    assert len(list((tmp_path / "spool").glob("SM*.json"))) == 1  # kept, to be recorded once Redis is back


def test_other_texts_ask_to_retry_with_redis_stopped(stopped_server: embedded.EmbeddedServer) -> None:
    texter = Texter(create_app({"REDIS_URL": stopped_server.url}).test_client())
    assert texter.send("MENU") == [catalog.text("retry")]


def test_health_and_readiness(client, stopped_server: embedded.EmbeddedServer) -> None:
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    down = create_app({"REDIS_URL": stopped_server.url}).test_client()
    assert down.get("/healthz").status_code == 200
    assert down.get("/readyz").status_code == 503


def _broken(*args: object, **kwargs: object) -> None:
    raise RuntimeError("a bug of ours")


def test_the_crisis_model_failing_leaves_the_rules_to_answer(
    known_texter: Texter, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr("service.crisis.model.Model.probabilities", _broken)
    with caplog.at_level("ERROR"):
        assert known_texter.send("purple monkey dishwasher") == [catalog.text("fallback")]  # answered as usual
        assert known_texter.send("i took the whole bottle of my klonopin")[0] == catalog.text("crisis.overdose")
    assert "crisis model failed (RuntimeError)" in caplog.text


@pytest.mark.parametrize("part", ["service.twilio.webhook.decide", "service.conversation.engine.read"])
def test_a_fault_of_ours_still_answers_a_crisis_text_with_its_reply_and_anything_else_with_retry(
    known_texter: Texter, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, part: str
) -> None:
    monkeypatch.setattr(part, _broken)  # fault injection: a defect in deciding or in reading, never a 500
    with caplog.at_level("ERROR"):
        # broken deciding answers the crisis text alone; broken reading leaves the conversation its question
        assert known_texter.send("i want to kill myself")[0] == catalog.text("crisis.suicide")
        assert known_texter.send("MENU") == [catalog.text("retry" if part.endswith("decide") else "topic.menu")]
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "RuntimeError" in logged and "kill myself" not in logged and "a bug of ours" not in logged
