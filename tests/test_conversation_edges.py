"""Conversation rough edges, each a regression test named after what it protects: texts through the signed
webhook, scheduling passes at chosen instants, and what reaches the outbox."""

import re
from datetime import timedelta

import pytest
from flask import Flask
from redis import Redis

from messages import catalog
from service.conversation import schedule
from tests.test_checkins import START, Line, at

UK_MOBILE = "+447700900123"


@pytest.fixture(autouse=True)
def start_of_the_week(app: Flask) -> None:
    app.extensions["clock"].set(START)


@pytest.fixture
def line(app: Flask, redis: Redis) -> Line:
    return Line(app, redis)


def test_a_checkin_whose_reminder_falls_in_quiet_hours_gets_none_and_tomorrow_stays_due(line: Line) -> None:
    line.subscribe()
    line.text("TIME 8pm")
    assert [m["kind"] for m in line.tick(at("2026-11-23T20:00:00-05:00"))] == ["checkin"]
    assert line.due() == at("2026-11-24T20:00:00-05:00")  # no reminder at 10pm, and none moved to the night
    assert line.tick(at("2026-11-23T22:00:00-05:00")) == []
    assert [m["kind"] for m in line.tick(at("2026-11-24T20:00:00-05:00"))] == ["checkin"]


def test_every_time_a_reply_suggests_is_accepted(line: Line) -> None:
    line.subscribe()
    suggested = set()
    for template in catalog.load().values():
        suggested |= {m.strip() for m in re.findall(r"TIME ([0-9][0-9:]*\s?(?:am|pm)?)", template.text)}
    assert {"8pm", "20:30", "8:15 am", "7pm"} <= suggested
    for time in sorted(suggested):
        (reply,) = line.text(f"TIME {time}")
        assert reply.startswith("Done. Your check-ins will now come at"), (time, reply)


def test_an_unclear_answer_to_the_yes_no_question_is_asked_again_as_yes_no(line: Line) -> None:
    line.subscribe()
    line.tick(at("2026-11-23T10:00:00-05:00"))
    assert line.text("3") == [catalog.text("checkin.ask_craving")]
    (again,) = line.text("purple")
    assert "Y or N" in again and "1 to 5" not in again
    assert line.text("n") == [catalog.text("checkin.reply.mid_clear", streak="1")]


@pytest.mark.parametrize("paused_at", ["2026-11-23T08:00:00-05:00", "2026-11-23T12:00:00-05:00"])
def test_pause_2_skips_exactly_two_checkins(line: Line, paused_at: str) -> None:
    line.subscribe()
    line.clock.set(at(paused_at))  # before and after Monday's 10am check-in
    line.text("PAUSE 2")
    first = at("2026-11-23T10:00:00-05:00") if paused_at < "2026-11-23T10" else at("2026-11-24T10:00:00-05:00")
    sent = [line.tick(first + timedelta(days=d)) for d in range(3)]
    assert [[m["kind"] for m in day] for day in sent] == [[], [], ["checkin"]]


@pytest.mark.parametrize("days", ["0", "400", "91", "two"])
def test_pause_outside_one_to_ninety_days_is_refused_and_changes_nothing(line: Line, days: str) -> None:
    line.subscribe()
    due = line.due()
    (reply,) = line.text(f"PAUSE {days}")
    assert "1 to 90" in reply and "PAUSE 3" in reply
    assert line.due() == due
    assert "on:" in line.text("STATUS")[0]


def test_forget_after_stop_says_how_to_rejoin_not_only_menu(line: Line) -> None:
    line.subscribe()
    line.text("STOP")
    (done,) = line.text("FORGET YES")
    assert "START" in done
    assert line.text("MENU") == []  # still opted out: the reply does not promise MENU works now


def test_daily_does_not_tell_people_to_text_daily(line: Line) -> None:
    line.subscribe()
    line.text("LESS")
    (reply,) = line.text("DAILY")
    assert "every day" in reply and "Text DAILY" not in reply and "LESS" in reply


@pytest.mark.parametrize("text", ["thanks", "Thank you!", "ok", "OK.", "got it", "thx"])
def test_thanks_and_ok_get_an_acknowledgement_not_didnt_recognize(line: Line, text: str) -> None:
    line.text("hi")
    (reply,) = line.text(text)
    assert "didn't recognize" not in reply and "MENU" in reply


def test_a_uk_number_is_never_told_eastern_time(app: Flask, redis: Redis) -> None:
    uk = Line(app, redis, UK_MOBILE)
    uk.subscribe()
    (status,) = uk.text("STATUS")
    assert "Eastern" not in status and "Europe/London" in status
    assert schedule.guess_zone(UK_MOBILE, "America/New_York") == "Europe/London"


def test_a_referral_never_arrives_in_the_same_instant_as_a_checkin(line: Line) -> None:
    line.subscribe()
    for day in ("2026-11-23", "2026-11-24", "2026-11-25"):
        line.tick(at(f"{day}T10:00:00-05:00"))
        line.text("1")
        line.text("N")
    assert [m["kind"] for m in line.tick(at("2026-11-26T10:00:00-05:00"))] == ["referral"]
