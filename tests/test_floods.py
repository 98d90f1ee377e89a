"""Floods and cost: one number texting the line hundreds of times costs at most its inbound limit in replies;
crisis texts always get their first reply, and repeated ones join the open escalation and page on-call once."""

from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask
from prometheus_client import REGISTRY
from redis import Redis
from rq import Queue

from messages import catalog
from messages.segments import segment_count
from service import store
from service.config import DEV_DATA_KEY
from service.privacy import TEXT, keyring, sender_id
from tests.texting import Texter, parse_replies

MOMENT = datetime(2026, 11, 23, 15, 0, 5, tzinfo=UTC)
"""Five seconds into a minute: a flood sent "at once" stays inside one minute's window."""
PER_MINUTE, PER_HOUR = 10, 50
CRISIS_TEXT = "i want to kill myself"


def limited(outcome: str) -> float:
    return REGISTRY.get_sample_value("steadyline_inbound_limited_total", {"outcome": outcome}) or 0.0


@pytest.fixture
def line(app: Flask) -> Texter:
    app.extensions["clock"].set(MOMENT)
    return Texter(app.test_client(), number="+13125550177")


def test_a_500_text_flood_costs_at_most_the_limit(line: Texter) -> None:
    unanswered_before = limited("unanswered")
    replies = [line.send("what is klonopin") for _ in range(500)]
    answered = [r for r in replies if r]
    assert len(answered) == PER_MINUTE
    assert answered[0][0] == catalog.text("welcome") and answered[1] == [catalog.text("topic.about")]
    segments = sum(segment_count(text) for reply in answered for text in reply)
    print(f"500 texts in one minute: {len(answered)} answered, {segments} segments (was 500 answers, 877 segments)")
    assert segments <= PER_MINUTE * 3  # each answer is at most 2 segments; the first also carries the welcome
    assert limited("unanswered") - unanswered_before == 500 - PER_MINUTE  # counted, never a silent drop


def test_past_the_hourly_limit_texts_go_unanswered_until_the_hour_turns(app: Flask, line: Texter) -> None:
    clock = app.extensions["clock"]
    answered = 0
    for minute in range(PER_HOUR // PER_MINUTE + 1):  # each minute at its own limit, until the hour's is spent
        clock.set(MOMENT + timedelta(minutes=minute))
        answered += sum(bool(line.send("MENU")) for _ in range(PER_MINUTE))
    assert answered == PER_HOUR
    clock.set(MOMENT.replace(minute=0) + timedelta(hours=1))
    assert line.send("MENU") == [catalog.text("topic.menu")]


def test_an_opt_out_past_the_limit_is_honoured_and_confirmed_once(redis: Redis, line: Texter) -> None:
    for _ in range(PER_MINUTE):
        line.send("MENU")
    assert line.send("STOP") == [catalog.text("optout")]
    assert line.send("STOP") == []
    assert redis.hget(store.user_key(sender_id(line.number, DEV_DATA_KEY)), "out") == b"1"


def test_50_crisis_texts_make_one_escalation_and_page_oncall_once(redis: Redis, line: Texter) -> None:
    attached_before = limited("attached")
    first = line.params(CRISIS_TEXT)
    replies = [line.post(first)] + [line.post(line.params(f"{CRISIS_TEXT} {n}")) for n in range(49)]
    crisis = catalog.text("crisis.suicide")
    answered = [parse_replies(r) for r in replies]
    # Issue 14: the first gets the crisis reply and the conversation's one question; the next ones, up to the
    # limit, its replies by turn (never the same crisis reply again and again); then quiet.
    assert answered[0] == [crisis, catalog.text("talk.ask_plan")]
    assert all(r and crisis not in r for r in answered[1:PER_MINUTE])
    assert answered[PER_MINUTE:] == [[]] * (50 - PER_MINUTE)
    assert redis.zcard(store.ESCALATIONS) == 1
    assert Queue(store.QUEUE, connection=redis).job_ids == [f"alert-{first['MessageSid']}"]  # on-call paged once
    later = store.escalation_texts(redis, first["MessageSid"])
    keys = keyring(DEV_DATA_KEY)
    assert [keys.decrypt(row["text"], TEXT) for row in later] == [f"{CRISIS_TEXT} {n}" for n in range(49)]
    assert all(CRISIS_TEXT.encode() not in row["text"] for row in later)  # kept encrypted
    assert store.escalation(redis, first["MessageSid"])["repeats"] == "49"
    assert limited("attached") - attached_before == 50 - PER_MINUTE


def test_a_crisis_text_past_the_limit_from_a_person_with_no_open_escalation_is_answered_and_escalated(
    redis: Redis, line: Texter
) -> None:
    for _ in range(PER_MINUTE + 5):
        line.send("MENU")
    assert line.send(CRISIS_TEXT) == [catalog.text("crisis.suicide"), catalog.text("talk.ask_plan")]  # issue 14
    assert redis.zcard(store.ESCALATIONS) == 1 and len(Queue(store.QUEUE, connection=redis).job_ids) == 1


def test_a_crisis_text_after_the_escalation_is_closed_opens_a_new_one_and_pages_again(
    app: Flask, redis: Redis, line: Texter
) -> None:
    first = line.params(CRISIS_TEXT)
    line.post(first)
    assert store.close_escalation(redis, first["MessageSid"], "op@example.org", True, MOMENT, "") == "ok"
    assert line.send(CRISIS_TEXT) == [catalog.text("crisis.suicide"), catalog.text("talk.ask_plan")]  # issue 14
    assert redis.zcard(store.ESCALATIONS) == 2 and len(Queue(store.QUEUE, connection=redis).job_ids) == 2
    assert store.escalation_texts(redis, first["MessageSid"]) == []
