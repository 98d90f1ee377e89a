"""Daily check-ins end to end: texts through the signed webhook, scheduling passes at chosen instants, send jobs
run by a real RQ worker, and what lands in the console outbox."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask
from redis import Redis
from rq import Queue, SimpleWorker

from messages import catalog
from service import create_app, store
from service.config import DEV_AUTH_TOKEN
from service.connection import get_config
from service.conversation import schedule
from service.privacy import sender_id
from tests.fake_twilio import ACCOUNT_SID, FakeTwilio, created, refused
from tests.live import add_subscribers
from tests.texting import Texter, outbox, subscribe
from workers.ticker import tick

NEW_YORK = "+12125550123"
LOS_ANGELES = "+13105550123"


class Line:
    """The line as one subscriber and the operators' clock see it."""

    def __init__(self, app: Flask, redis: Redis, number: str = NEW_YORK) -> None:
        self.app, self.redis, self.number = app, redis, number
        self.clock = app.extensions["clock"]
        self.texter = Texter(app.test_client(), number=number)
        self.sender = sender_id(number, get_config(app).DATA_KEY)

    def text(self, body: str) -> list[str]:
        return self.texter.send(body)

    def subscribe(self) -> None:
        subscribe(self.texter)

    def tick(self, at: datetime) -> list[dict[str, str]]:
        """A scheduling pass at `at`, its jobs run by a worker; returns what was sent to texters.

        The line's clock moves to `at` too, so the texts that follow are answered at that moment."""
        self.clock.set(at)
        before = len(outbox(self.redis))
        tick(self.redis, at)
        with self.app.app_context():
            SimpleWorker([Queue(store.QUEUE, connection=self.redis)], connection=self.redis).work(burst=True)
        return [m for m in outbox(self.redis)[before:] if m["kind"] != "alert"]

    def due(self) -> datetime | None:
        score = self.redis.zscore(store.DUE, self.sender)
        return None if score is None else datetime.fromtimestamp(score, UTC)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


START = at("2026-11-22T12:00:00-05:00")
"""Every test here starts at noon on a Sunday in New York, whatever the date it runs on; the days it schedules
follow from it (Monday 2026-11-23 is the first check-in day)."""


@pytest.fixture(autouse=True)
def start_of_the_week(app: Flask) -> None:
    app.extensions["clock"].set(START)


@pytest.fixture
def line(app: Flask, redis: Redis) -> Line:
    return Line(app, redis)


def test_checkin_asks_for_yes_before_anything_is_scheduled(line: Line) -> None:
    line.text("hi")
    assert line.text("checkin") == [catalog.text("checkin.offer")]
    assert line.due() is None
    [confirmed] = line.text("yes")
    assert "10:00 AM" in confirmed and "Eastern" in confirmed
    assert line.due() is not None and schedule.local_minutes(line.due(), "America/New_York") == 600


@pytest.mark.parametrize(
    ("number", "zone"),
    [(NEW_YORK, "Eastern"), (LOS_ANGELES, "Pacific"), ("+19075550123", "Alaska"), ("+13125550123", "Central")],
)
def test_zone_is_guessed_from_the_number(app: Flask, redis: Redis, number: str, zone: str) -> None:
    subscriber = Line(app, redis, number)
    subscriber.subscribe()
    assert zone in subscriber.text("STATUS")[0]


def test_time_is_set_in_many_spellings_and_quiet_hours_are_refused(line: Line) -> None:
    line.subscribe()
    for spelling, shown in [("TIME 8pm", "8:00 PM"), ("time 20:30", "8:30 PM"), ("Time 8:15 am", "8:15 AM")]:
        [reply] = line.text(spelling)
        assert shown in reply, spelling
    [refused] = line.text("TIME 11pm")
    assert "8:00 AM" in refused and "8:59 PM" in refused and "8:15 AM" in refused  # window, and the old time kept
    assert schedule.local_minutes(line.due(), "America/New_York") == 8 * 60 + 15
    assert line.text("TIME soonish") == [catalog.text("checkin.time_invalid")]


def test_zone_can_be_changed_by_us_name_or_iana_name(line: Line) -> None:
    line.subscribe()
    assert "Pacific" in line.text("ZONE pacific")[0]
    assert schedule.local_minutes(line.due(), "America/Los_Angeles") == 600
    assert "Europe/London" in line.text("zone Europe/London")[0]
    assert line.text("ZONE Mars") == [catalog.text("checkin.zone_invalid")]


def test_commands_need_a_subscription(line: Line) -> None:
    line.text("hi")
    for command in ("TIME 8pm", "ZONE Pacific", "PAUSE", "RESUME", "STATUS", "LESS"):
        assert line.text(command) == [catalog.text("checkin.not_subscribed")], command


def test_a_day_of_checkin_question_answer_and_tailored_reply(line: Line) -> None:
    line.subscribe()
    [sent] = line.tick(at("2026-11-23T10:00:00-05:00"))
    assert sent["kind"] == "checkin" and sent["to"] == NEW_YORK and sent["body"] == catalog.text("checkin.ask")
    assert line.text("3/5") == [catalog.text("checkin.ask_craving")]
    assert line.text("nope") == [catalog.text("checkin.reply.mid_clear", streak="1")]
    line.tick(at("2026-11-24T10:00:00-05:00"))
    line.text("good")
    assert line.text("a little") == [catalog.text("checkin.reply.high_cravings", streak="2")]


def test_keywords_still_work_mid_question_and_unclear_answers_get_a_nudge(line: Line) -> None:
    line.subscribe()
    line.tick(at("2026-11-23T10:00:00-05:00"))
    assert line.text("MENU") == [catalog.text("topic.menu")]
    assert line.text("purple") == [catalog.text("checkin.answer_unclear")]
    assert line.text("2") == [catalog.text("checkin.ask_craving")]


def test_an_unanswered_question_expires_and_texts_route_normally(line: Line) -> None:
    line.subscribe()
    line.tick(at("2026-11-23T10:00:00-05:00"))
    asked_long_ago = line.clock.now() - timedelta(hours=13)
    line.redis.hset(store.user_key(line.sender), "qa", int(asked_long_ago.timestamp()))
    assert line.text("3") == [catalog.text("fallback")]


def test_one_reminder_if_unanswered_and_none_if_answered(app: Flask, redis: Redis) -> None:
    quiet, chatty = Line(app, redis, NEW_YORK), Line(app, redis, "+12125550199")
    quiet.subscribe()
    chatty.subscribe()
    quiet.tick(at("2026-11-23T10:00:00-05:00"))
    chatty.text("4")
    reminders = quiet.tick(at("2026-11-23T12:00:00-05:00"))
    assert [(m["to"], m["kind"]) for m in reminders] == [(NEW_YORK, "reminder")]
    assert quiet.tick(at("2026-11-23T12:05:00-05:00")) == []


def test_a_scheduling_pass_twice_at_the_same_instant_sends_once(line: Line) -> None:
    line.subscribe()
    first = line.tick(at("2026-11-23T10:00:00-05:00"))
    line.redis.zadd(store.DUE, {line.sender: int(at("2026-11-23T10:00:00-05:00").timestamp())})  # as if re-queued
    assert len(first) == 1 and line.tick(at("2026-11-23T10:00:30-05:00")) == []


def test_two_schedulers_racing_claim_each_subscriber_once(app: Flask, redis: Redis, monkeypatch) -> None:
    monkeypatch.setattr("workers.ticker.BATCH", 50)  # many small claims, so the two racers interleave
    moment = at("2026-11-23T10:00:00-05:00")
    add_subscribers(redis, 900, moment)
    results: list[dict[str, int]] = []
    racers = [threading.Thread(target=lambda: results.append(tick(redis, moment))) for _ in range(2)]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join()
    assert sum(r["due"] for r in results) == 900 and all(r["due"] for r in results)
    with app.app_context():
        SimpleWorker([Queue(store.QUEUE, connection=redis)], connection=redis).work(burst=True)
    sent = [m["to"] for m in outbox(redis)]
    assert len(sent) == len(set(sent)) == 900


def test_a_job_lost_after_sending_does_not_send_again_when_its_lease_expires(line: Line) -> None:
    line.subscribe()
    moment = at("2026-11-23T10:00:00-05:00")
    assert len(line.tick(moment)) == 1
    # The worker died after the send but before rescheduling: the claim's lease is all that is left.
    line.redis.zadd(store.DUE, {line.sender: store.lease_of(moment)})
    assert line.tick(moment + timedelta(seconds=store.CLAIM_LEASE_S)) == []
    assert line.due() > moment + timedelta(hours=20)


@pytest.mark.parametrize(
    ("number", "zone", "days"),
    [
        (NEW_YORK, "America/New_York", ["2026-10-31", "2026-11-01", "2026-11-02", "2026-03-07", "2026-03-08"]),
        ("+447700900123", "Europe/London", ["2026-10-24", "2026-10-25", "2026-10-26", "2026-03-28", "2026-03-29"]),
    ],
)
def test_daylight_saving_days_keep_the_wall_clock_time(app: Flask, redis: Redis, number: str, zone: str, days) -> None:
    subscriber = Line(app, redis, number)
    subscriber.subscribe()
    subscriber.text(f"ZONE {zone}")
    subscriber.text("TIME 8pm")
    for day in days:
        local = datetime.fromisoformat(f"{day}T20:00:00").replace(tzinfo=schedule.ZoneInfo(zone))
        subscriber.redis.zadd(store.DUE, {subscriber.sender: int(local.timestamp())})
        sent = subscriber.tick(local.astimezone(UTC))
        assert [m["kind"] for m in sent if m["kind"] == "checkin"] == ["checkin"], day
        assert subscriber.due().astimezone(schedule.ZoneInfo(zone)).hour == 20


def test_no_burst_of_missed_days_after_downtime(line: Line) -> None:
    line.subscribe()
    line.redis.zadd(store.DUE, {line.sender: int(at("2026-11-20T10:00:00-05:00").timestamp())})
    assert line.tick(at("2026-11-23T14:30:00-05:00")) == []  # three days late, past the grace: nothing
    assert line.due() == at("2026-11-24T10:00:00-05:00")


def test_a_late_checkin_that_would_land_in_quiet_hours_waits_for_the_next_day(line: Line) -> None:
    line.subscribe()
    line.text("TIME 8:30pm")
    line.redis.zadd(store.DUE, {line.sender: int(at("2026-11-23T20:30:00-05:00").timestamp())})
    assert line.tick(at("2026-11-23T21:10:00-05:00")) == []
    assert line.due() == at("2026-11-24T20:30:00-05:00")


def test_pause_resume_and_lighter_schedules(line: Line) -> None:
    line.subscribe()
    assert "Nov 27" in line.text("PAUSE 3")[0] or "Nov 2" in line.text("STATUS")[0]
    assert "paused" in line.text("STATUS")[0]
    line.text("RESUME")
    assert "on" in line.text("status")[0]
    line.text("WEEKDAYS")
    assert line.tick(at("2026-11-28T10:00:00-05:00")) == []  # a Saturday
    line.text("LESS")
    assert "every other day" in line.text("STATUS")[0]
    line.text("PAUSE")
    assert line.due() is None


def test_stop_ends_checkins_and_nothing_is_sent_after(line: Line) -> None:
    line.subscribe()
    assert line.text("STOP") == [catalog.text("optout")]
    assert line.due() is None
    line.redis.zadd(store.DUE, {line.sender: int(at("2026-11-23T10:00:00-05:00").timestamp())})
    assert line.tick(at("2026-11-23T10:00:00-05:00")) == []
    assert line.text("TIME 8pm") == []


def test_low_days_in_a_row_schedule_a_referral_and_a_gentle_follow_up(line: Line) -> None:
    line.subscribe()
    for day in ("2026-11-23", "2026-11-24", "2026-11-25"):
        line.tick(at(f"{day}T10:00:00-05:00"))
        line.text("1")
        line.text("Y")
    sent = line.tick(at("2026-11-26T10:00:00-05:00"))
    assert [m["kind"] for m in sent] == ["referral"]  # in place of that day's check-in, never both at once
    assert [m["kind"] for m in line.tick(at("2026-11-27T10:00:00-05:00"))] == ["checkin"]
    line.text("4")
    line.text("N")
    assert [m["kind"] for m in line.tick(at("2026-11-29T10:00:00-05:00"))] == ["checkin", "followup"]


def test_crisis_pauses_checkins_and_a_caring_follow_up_comes_next_day(line: Line) -> None:
    line.subscribe()
    line.text("i want to die")
    tomorrow = schedule.local_day(line.clock.now(), "America/New_York") + timedelta(days=1)
    ten_am = schedule.instant(tomorrow, 600, "America/New_York")
    assert [m["kind"] for m in line.tick(ten_am)] == ["followup"]  # in place of tomorrow's check-in
    assert [m["kind"] for m in line.tick(ten_am + timedelta(days=1))] == ["checkin"]


def test_a_non_subscriber_in_crisis_gets_a_follow_up_next_day(app: Flask, redis: Redis) -> None:
    texter = Line(app, redis, LOS_ANGELES)
    texter.text("i took the whole bottle")
    [followup] = texter.tick(texter.clock.now() + timedelta(days=2))
    assert followup["kind"] == "followup" and followup["body"] == catalog.text("crisis.followup")


@pytest.fixture
def twilio_line(redis_server, redis: Redis, fake_twilio: FakeTwilio) -> Line:
    """A subscriber on a line that sends through the twilio library to a scripted Twilio."""
    app = create_app(
        {
            "REDIS_URL": redis_server.url, "SEND_RATE_PER_S": "100000", "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
            "TWILIO_AUTH_TOKEN": DEV_AUTH_TOKEN, "TWILIO_FROM_NUMBER": "+15005550006",
            "TWILIO_API_BASE_URL": fake_twilio.url,
        }
    )  # fmt: skip
    app.extensions["clock"].set(START)
    subscriber = Line(app, redis)
    subscriber.subscribe()
    return subscriber


def test_a_permanent_refusal_stops_texts_and_is_not_retried(twilio_line: Line, fake_twilio: FakeTwilio) -> None:
    fake_twilio.reply(refused(400, 21610))  # the person texted STOP to the carrier, not to us
    moment = at("2026-11-23T10:00:00-05:00")
    twilio_line.tick(moment)
    assert len(fake_twilio.requests) == 1
    assert twilio_line.text("MENU") == []  # opted out: silence
    assert store.failures(twilio_line.redis) == {21610: 1}
    twilio_line.tick(moment + timedelta(days=1))
    assert len(fake_twilio.requests) == 1


def test_a_passing_outage_is_tried_again_on_a_later_pass_and_sent_once(
    twilio_line: Line, fake_twilio: FakeTwilio, monkeypatch
) -> None:
    monkeypatch.setattr("time.sleep", lambda seconds: None)  # the transport's backoff between its own attempts
    fake_twilio.reply(*[refused(503, 20503)] * 3, created("SM" + "f" * 32))
    moment = at("2026-11-23T10:00:00-05:00")
    twilio_line.tick(moment)
    assert len(fake_twilio.requests) == 3 and twilio_line.due() == moment + timedelta(minutes=10)
    twilio_line.tick(moment + timedelta(minutes=10))
    assert len(fake_twilio.requests) == 4
    assert twilio_line.text("4") == [catalog.text("checkin.ask_craving")]  # the check-in did arrive
    twilio_line.tick(moment + timedelta(minutes=20))
    assert len(fake_twilio.requests) == 4
