"""Opt-out by any reasonable means (FCC 2024): a labelled set of phrasings, real requests honoured with one
confirmation, look-alike questions answered as questions, and at most one clarifying reply where a text is unclear."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from service.conversation import engine, model
from service.conversation.model import MarkSeen, OptOut, State, Update
from tests.texting import Texter

PHRASINGS = yaml.safe_load((Path(__file__).parent / "data" / "optout_phrasings.yaml").read_text(encoding="utf-8"))
NOW = datetime(2026, 11, 22, 15, 0, tzinfo=UTC)
# Known people's language is remembered (issue 10), so texts here change nothing but what they are about.
KNOWN = State(known=True, language="en")
SUBSCRIBED = State(known=True, subscription="active", minutes=600, zone="America/New_York", language="en")


def respond(text: str, state: State = KNOWN, now: datetime = NOW) -> tuple[list[str], list[model.Effect]]:
    replies, effects = engine.respond(engine.read(text), state, now)
    return [reply.key for reply in replies], effects


def test_the_labelled_set_covers_each_kind_of_text() -> None:
    assert len(PHRASINGS["stop"]) >= 50 and len(PHRASINGS["unclear"]) >= 5 and len(PHRASINGS["question"]) >= 25
    for reported in ("please stop texting me", "stop please", "Stop all"):
        assert reported in PHRASINGS["stop"]
    for look_alike in ("stop taking klonopin", "how do i stop the shakes", "cant stop crying"):
        assert look_alike in PHRASINGS["question"]


@pytest.mark.parametrize("text", PHRASINGS["stop"])
@pytest.mark.parametrize("state", [KNOWN, SUBSCRIBED], ids=["known", "subscribed"])
def test_a_request_to_stop_opts_out_with_one_confirmation(text: str, state: State) -> None:
    assert respond(text, state) == (["optout"], [OptOut()])
    assert respond(text, State(known=True, opted_out=True)) == ([], [OptOut()])  # no second confirmation


@pytest.mark.parametrize("text", PHRASINGS["stop"][:12])
def test_a_first_text_asking_to_stop_opts_out_without_a_welcome(text: str) -> None:
    assert respond(text, State()) == (["optout"], [MarkSeen(), OptOut()])


@pytest.mark.parametrize("text", PHRASINGS["question"])
@pytest.mark.parametrize("state", [KNOWN, SUBSCRIBED], ids=["known", "subscribed"])
def test_a_question_using_an_opt_out_word_stays_a_question(text: str, state: State) -> None:
    keys, effects = respond(text, state)
    assert OptOut() not in effects
    assert "optout" not in keys and "optout.clarify" not in keys


@pytest.mark.parametrize("text", PHRASINGS["unclear"])
def test_an_unclear_text_gets_one_clarifying_reply(text: str) -> None:
    keys, effects = respond(text)
    assert keys == ["optout.clarify"]
    assert effects == [Update({"clarify_at": int(NOW.timestamp())})]


def test_yes_to_the_clarifying_question_opts_out() -> None:
    asked = State(known=True, clarify_at=int(NOW.timestamp()), language="en")
    for answer in ("yes", "Y", "yes stop"):
        assert respond(answer, asked, NOW + timedelta(minutes=5)) == (["optout"], [OptOut()])


def test_no_to_the_clarifying_question_keeps_texting_and_clears_the_question() -> None:
    asked = State(known=True, clarify_at=int(NOW.timestamp()), language="en")
    assert respond("no", asked, NOW + timedelta(minutes=5)) == (["ack"], [Update({}, clear=("clarify_at",))])


def test_a_second_unclear_text_is_honoured_instead_of_asking_again() -> None:
    asked = State(known=True, clarify_at=int(NOW.timestamp()), language="en")
    assert respond("i want to stop", asked, NOW + timedelta(minutes=5)) == (["optout"], [OptOut()])


def test_a_topic_after_the_clarifying_question_is_answered_and_ends_it() -> None:
    asked = State(known=True, clarify_at=int(NOW.timestamp()), language="en")
    keys, effects = respond("taper", asked, NOW + timedelta(minutes=5))
    assert keys == ["topic.taper"] and effects == [Update({}, clear=("clarify_at",))]


def test_the_clarifying_question_expires() -> None:
    asked = State(known=True, clarify_at=int(NOW.timestamp()), language="en")
    later = NOW + timedelta(days=1)
    assert respond("yes", asked, later)[0] == ["optin.already"]
    assert respond("i want to stop", asked, later)[0] == ["optout.clarify"]


def test_crisis_language_outranks_a_request_to_stop() -> None:
    keys, effects = respond("stop texting me i want to end it all")
    assert keys == ["crisis.suicide", "talk.ask_plan"] and OptOut() not in effects  # issue 14: then one question


def test_the_reported_phrasings_opt_out_through_the_webhook_then_silence(known_texter: Texter) -> None:
    for number, text in enumerate(("please stop texting me", "stop please", "Stop all")):
        texter = Texter(known_texter.client, f"+1555555020{number}")
        texter.send("hello")
        (confirmation,) = texter.send(text)
        assert "won't get any more messages" in confirmation
        assert texter.send("MENU") == [] and texter.send("what is klonopin") == []


def test_an_unclear_text_is_clarified_once_through_the_webhook(known_texter: Texter) -> None:
    (question,) = known_texter.send("i want to stop")
    assert "Reply STOP" in question and "TAPER" in question
    (answer,) = known_texter.send("taper")
    assert "prescriber" in answer.lower()
    assert "Reply STOP" in known_texter.send("i want to stop")[0]  # a new unclear text: asked again, once
    (confirmation,) = known_texter.send("yes")
    assert "won't get any more messages" in confirmation
    assert known_texter.send("MENU") == []
