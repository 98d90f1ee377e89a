"""The conversation engine as plain functions: no Redis, no Flask, no Twilio."""

from datetime import UTC, datetime

import pytest

from service.conversation import engine, model
from service.conversation.model import Escalate, MarkSeen, OptIn, OptOut, State, Update
from service.crisis import matcher

NOW = datetime(2026, 11, 21, 15, 0, tzinfo=UTC)
NEW, KNOWN, OUT = State(), State(known=True), State(known=True, opted_out=True)

OPT_OUT_WORDS = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"]


def respond(text: str, state: State) -> tuple[list[str], list[model.Effect]]:
    """Template keys (values are checked where they matter) and effects."""
    replies, effects = engine.respond(engine.read(text), state, NOW)
    return [reply.key for reply in replies], effects


@pytest.mark.parametrize("word", OPT_OUT_WORDS)
@pytest.mark.parametrize("form", ["{}", "  {}  ", "{}.", "{}!"], ids=["bare", "spaces", "dot", "bang"])
def test_every_opt_out_word_in_any_case_opts_out_with_one_confirmation(word: str, form: str) -> None:
    for cased in (word, word.lower(), word.title()):
        assert respond(form.format(cased), KNOWN) == (["optout"], [OptOut()])


@pytest.mark.parametrize("word", OPT_OUT_WORDS)
def test_a_second_opt_out_gets_no_second_confirmation(word: str) -> None:
    assert respond(word, OUT) == ([], [OptOut()])


def test_opt_out_from_a_new_number_is_confirmed_without_a_welcome() -> None:
    assert respond("stop", NEW) == (["optout"], [MarkSeen(), OptOut()])


@pytest.mark.parametrize("text", ["MENU", "what is klonopin", "hello", "withdrawal", "hola", "3", "yes please"])
def test_after_opting_out_ordinary_texts_get_silence(text: str) -> None:
    assert respond(text, OUT) == ([], [])


@pytest.mark.parametrize("word", ["START", "yes", " Unstop "])
def test_opt_in_words_resubscribe_with_a_confirmation(word: str) -> None:
    assert respond(word, OUT) == (["optin"], [OptIn()])


@pytest.mark.parametrize("word", ["START", "yes", " Unstop "])
def test_opt_in_words_never_say_welcome_back_to_people_who_never_left(word: str) -> None:
    assert respond(word, KNOWN) == (["optin.already"], [])


@pytest.mark.parametrize("word", ["HELP", "info", "Help?"])
def test_help_answers_even_after_opting_out(word: str) -> None:
    assert respond(word, OUT) == (["help"], [])
    assert respond(word, KNOWN) == (["help"], [])


def test_phrases_that_start_with_an_opt_out_word_are_not_opt_outs() -> None:
    replies, effects = respond("stop taking klonopin", KNOWN)
    assert OptOut() not in effects and replies == ["topic.taper"]


def test_crisis_outranks_every_state_and_is_escalated() -> None:
    for state in (NEW, KNOWN, OUT):
        replies, effects = respond("i want to kill myself", state)
        # Issue 14: the crisis reply is now followed by one direct question (the crisis conversation); after STOP,
        # by the note that only START lets the line text back, and a person is alerted whatever the level.
        assert replies == ["crisis.suicide", "talk.opted_out" if state is OUT else "talk.ask_plan"]
        assert Escalate("suicide", "i want to kill myself") in effects


def test_crisis_from_a_new_number_gets_no_welcome_in_the_way() -> None:
    replies, effects = respond("took the whole bottle", NEW)
    escalate = Escalate("overdose", "took the whole bottle", level="imminent")  # issue 14: by risk level
    assert replies == ["crisis.overdose"] and effects[:2] == [MarkSeen(), escalate]


def test_new_number_gets_the_welcome_then_the_answer() -> None:
    assert respond("MENU", NEW) == (["welcome", "topic.menu"], [MarkSeen()])
    assert respond("asdfgh", NEW) == (["welcome"], [MarkSeen()])


def test_known_number_gets_the_answer_alone_and_its_language_is_remembered() -> None:
    # Issue 10: the language a text shows is remembered (English here), so later replies keep to it.
    assert respond("how long does withdrawal last", KNOWN) == (["topic.withdrawal"], [Update({"language": "en"})])
    assert respond("asdfgh", KNOWN) == (["fallback"], [])


def test_a_spanish_text_from_someone_answered_in_english_gets_how_to_switch_in_spanish() -> None:
    english = State(known=True, language="en")
    replies, effects = engine.respond(engine.read("hola necesito hablar con alguien"), english, NOW)
    assert [(r.key, r.language) for r in replies] == [("language.offer", "es")] and effects == []


def test_a_new_spanish_texter_is_welcomed_in_spanish_and_remembered() -> None:
    replies, effects = engine.respond(engine.read("hola necesito ayuda con mi hijo"), NEW, NOW)
    assert [(r.key, r.language) for r in replies] == [("welcome", "es"), ("topic.family", "es")]
    assert effects == [MarkSeen(), Update({"language": "es"})]


def test_offline_reply_keeps_crisis_replies_and_asks_others_to_retry_in_the_texts_language() -> None:
    assert engine.offline_reply(engine.read("i want to die")) == model.Reply("crisis.suicide", language="en")
    assert engine.offline_reply(engine.read("MENU")) == model.Reply("retry", language="en")
    assert engine.offline_reply(engine.read("me quiero morir")) == model.Reply("crisis.suicide", language="es")


def test_texts_that_skip_the_classifier_are_ones_the_rules_would_pass() -> None:
    # The model is not asked about a bare command: it reads risk into "END" or "PLAN" (tests/test_crisis.py).
    skipped = sorted(engine.plain_keywords())
    assert "MENU" in skipped and "STOP" in skipped and "END" in skipped and "3" in skipped
    assert [word for word in skipped if matcher.classify(word) or matcher.classify(word.lower())] == []


def test_a_crisis_word_inside_a_keyword_text_is_still_classified() -> None:
    assert engine.read("menu i want to die").crisis == "suicide"
