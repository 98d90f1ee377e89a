"""The whole line over Twilio's WhatsApp channel, on the same signed webhook: a WhatsApp person is their own record,
gets every reply SMS gets, and the line keeps WhatsApp's 24-hour rule for what it starts (check-ins, follow-ups):
free-form inside the window, an approved template outside it, nothing (skipped and counted) without one."""

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from flask import Flask
from redis import Redis

from messages import catalog
from service import channel, create_app, embedded, spool, store
from service.connection import get_config
from service.conversation import engine
from service.privacy import sender_id
from tests import prism
from tests.conftest import SignIn
from tests.test_checkins import Line, at
from tests.test_console_escalations import page
from tests.texting import Texter, subscribe

NUMBER = "+12125550188"
WHATSAPP = f"whatsapp:{NUMBER}"
CHECKIN_SID = "HX" + "c" * 32
SUNDAY_NOON = at("2026-11-22T12:00:00-05:00")
MONDAY_TEN = at("2026-11-23T10:00:00-05:00")  # 22 hours after subscribing: inside the window
TUESDAY_TEN = at("2026-11-24T10:00:00-05:00")  # 46 hours after: outside it


@pytest.fixture(autouse=True)
def sunday(app: Flask) -> None:
    app.extensions["clock"].set(SUNDAY_NOON)


def subscribed(app: Flask, redis: Redis) -> Line:
    line = Line(app, redis, WHATSAPP)
    line.subscribe()  # the same explicit opt-in as SMS: CHECKIN, then YES
    return line


def test_a_whatsapp_person_gets_the_whole_line_in_their_language(app: Flask) -> None:
    texter = Texter(app.test_client(), number=WHATSAPP)
    assert texter.send("hola") == [catalog.text("welcome", "es")]
    assert texter.send("MENÚ") == [catalog.text("topic.menu", "es")]
    assert texter.send("AYUDA") == [catalog.text("help", "es")]
    assert texter.send("me quiero morir")[0] == catalog.text("crisis.suicide", "es")
    assert texter.send("ALTO") == [catalog.text("optout", "es")]
    assert texter.send("MENU") == []  # the line's own opt-out: WhatsApp has no carrier STOP to rely on
    assert texter.send("INICIO") == [catalog.text("optin", "es")]
    assert texter.send("BORRAR") == [catalog.text("forget.confirm", "es")]
    assert texter.send("BORRAR SI") == [catalog.text("forget.done", "es")]
    assert texter.send("hola") == [catalog.text("welcome", "es")]  # forgotten: met again as someone new


def test_the_same_number_on_sms_and_on_whatsapp_is_two_people(app: Flask, redis: Redis) -> None:
    key = get_config(app).DATA_KEY
    assert sender_id(WHATSAPP, key) != sender_id(NUMBER, key)
    Texter(app.test_client(), number=WHATSAPP).send("STOP")
    assert Texter(app.test_client(), number=NUMBER).send("hi") == [catalog.text("welcome")]  # not opted out here
    assert store.user_state(redis, sender_id(WHATSAPP, key)).opted_out
    assert not store.user_state(redis, sender_id(NUMBER, key)).opted_out


def test_only_whatsapp_senders_have_their_last_text_kept_for_the_window(app: Flask, redis: Redis) -> None:
    key = get_config(app).DATA_KEY
    Texter(app.test_client(), number=WHATSAPP).send("hi")
    Texter(app.test_client(), number=NUMBER).send("hi")
    assert store.user_state(redis, sender_id(WHATSAPP, key)).last_inbound == int(SUNDAY_NOON.timestamp())
    assert store.user_state(redis, sender_id(NUMBER, key)).last_inbound == 0


def test_a_whatsapp_crisis_text_answered_while_redis_was_down_opens_the_window_once_recorded(
    redis_server: embedded.EmbeddedServer, redis: Redis, tmp_path: Path
) -> None:
    # The operator who follows it up may text free-form for 24 hours from that text, as from a live one; a later
    # text already kept is never moved back.
    app = create_app({"REDIS_URL": redis_server.url, "SPOOL_DIR": str(tmp_path / "spool")})
    config, key = get_config(app), get_config(app).DATA_KEY
    with app.app_context():
        for sid, when in (("SM" + "1" * 32, SUNDAY_NOON), ("SM" + "2" * 32, SUNDAY_NOON - timedelta(hours=1))):
            message = engine.read("i want to kill myself", None, sid)
            assert spool.record(app, spool.keep(config, sid, WHATSAPP, message, when))
            assert store.user_state(redis, sender_id(WHATSAPP, key)).last_inbound == int(SUNDAY_NOON.timestamp())
    assert channel.window_open(WHATSAPP, store.user_state(redis, sender_id(WHATSAPP, key)).last_inbound, MONDAY_TEN)
    assert [e["category"] for e in store.recent_escalations(redis)] == ["suicide"]  # the second joined it
    assert not list((tmp_path / "spool").glob("SM*.json"))  # both recorded
    app.extensions["spool"].stop()
    app.extensions["redis"].close()


def test_a_crisis_on_whatsapp_is_escalated_with_its_channel_and_never_its_number(
    app: Flask,
    redis: Redis,
    operator: SignIn,
) -> None:
    texter = Texter(app.test_client(), number=WHATSAPP)
    params = texter.params("i took the whole bottle")
    assert texter.post(params).status_code == 200
    event = store.escalation(redis, params["MessageSid"])
    assert event["channel"] == "whatsapp" and event["masked"].endswith("88") and "whatsapp" not in event["masked"]
    viewer = operator("viewer@example.org", "viewer")[0]
    for url in ("/admin/escalations", f"/admin/escalations/{params['MessageSid']}"):
        html = page(viewer, url)
        assert "WhatsApp" in html and NUMBER not in html and NUMBER[-4:] not in html


def test_inside_the_window_a_checkin_goes_free_form(app: Flask, redis: Redis) -> None:
    line = subscribed(app, redis)
    [sent] = line.tick(MONDAY_TEN)
    assert sent["to"] == WHATSAPP and sent["channel"] == "whatsapp" and sent["body"] == catalog.text("checkin.ask")
    assert not sent.get("content_sid")


def test_outside_the_window_a_checkin_goes_as_its_approved_template(app: Flask, redis: Redis) -> None:
    line = subscribed(app, redis)
    line.tick(MONDAY_TEN)  # unanswered: the person's last text stays Sunday's
    store.set_content_sid(redis, "en:checkin.ask", CHECKIN_SID)
    sent = [m for m in line.tick(TUESDAY_TEN) if m["kind"] == "checkin"]
    assert [m["content_sid"] for m in sent] == [CHECKIN_SID]
    assert [json.loads(m["content_variables"]) for m in sent] == [{"1": "Steadyline"}]  # the template's {program}


def test_outside_the_window_without_a_template_nothing_is_sent_and_the_skip_is_counted(
    app: Flask, redis: Redis
) -> None:
    line = subscribed(app, redis)
    line.tick(MONDAY_TEN)
    assert [m for m in line.tick(TUESDAY_TEN) if m["kind"] == "checkin"] == []  # never free-form into a 63016
    [tuesday] = store.daily_stats(redis, [TUESDAY_TEN.date()])
    assert tuesday.get("whatsapp_no_template") == 1
    assert line.due() is not None and line.due() > TUESDAY_TEN  # still subscribed: the next day is due
    line.clock.set(TUESDAY_TEN + timedelta(hours=2))
    line.text("hola")  # the person writes: the window is open again for the next 24 hours
    assert [m["body"] for m in line.tick(at("2026-11-25T10:00:00-05:00"))] == [catalog.text("checkin.ask")]


def test_a_template_set_in_the_environment_is_used_when_none_is_set_here(
    redis: Redis, redis_server, monkeypatch
) -> None:
    app = create_app(
        {
            "REDIS_URL": redis_server.url,
            "SEND_RATE_PER_S": "100000",
            "WHATSAPP_CONTENT_SIDS": f"en:checkin.ask={CHECKIN_SID}",
        }
    )
    app.extensions["clock"].set(SUNDAY_NOON)
    line = subscribed(app, redis)
    line.tick(MONDAY_TEN)
    assert [m["content_sid"] for m in line.tick(TUESDAY_TEN) if m["kind"] == "checkin"] == [CHECKIN_SID]
    app.extensions["redis"].close()


@pytest.fixture(scope="module")
def mock(tmp_path_factory: pytest.TempPathFactory) -> Iterator[prism.Prism]:
    with prism.running(tmp_path_factory.mktemp("prism") / "prism.log") as running:
        yield running


def test_a_checkin_outside_the_window_is_a_template_send_twilios_description_accepts(
    redis: Redis, redis_server, mock: prism.Prism
) -> None:
    settings = {
        "REDIS_URL": redis_server.url, "SEND_RATE_PER_S": "100000", "TWILIO_ACCOUNT_SID": "AC" + "0" * 32,
        "TWILIO_AUTH_TOKEN": "secret", "TWILIO_API_BASE_URL": mock.url, "TWILIO_WHATSAPP_FROM": "+15005550007",
        "TWILIO_FROM_NUMBER": "+15005550006", "SMS_TRANSPORT": "twilio",
    }  # fmt: skip
    app = create_app(settings)
    app.extensions["clock"].set(SUNDAY_NOON)
    texter = Texter(app.test_client(), number=WHATSAPP, token="secret")
    subscribe(texter)
    line = Line(app, redis, WHATSAPP)
    line.tick(MONDAY_TEN)
    store.set_content_sid(redis, "en:checkin.ask", CHECKIN_SID)
    mark = mock.mark()
    line.tick(TUESDAY_TEN)
    [tuesday] = store.daily_stats(redis, [TUESDAY_TEN.date()])
    assert tuesday.get("checkin_sent") == 1 and not tuesday.get("whatsapp_no_template")
    assert mock.violations(mark) == []
    app.extensions["redis"].close()
