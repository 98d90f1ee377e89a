"""The crisis conversation, texted through the signed webhook: risk across texts, one direct question, and a reply
by the answer (issue 14). Each test is one person's conversation in order, as a texter would have it."""

from datetime import timedelta
from itertools import pairwise

import pytest
from flask import Flask
from hypothesis import given, settings
from hypothesis import strategies as st
from redis import Redis

from messages import catalog
from messages.rules import pulls_for_no
from service import crisis, store
from service.connection import get_config
from service.conversation import model
from service.conversation import talk as crisis_talk
from service.privacy import TEXT, keyring
from tests.test_checkins import START, Line, at
from tests.texting import outbox


def text(key: str) -> str:
    return catalog.text(key)


@pytest.fixture(autouse=True)
def sunday_noon(app: Flask) -> None:
    app.extensions["clock"].set(START)


class Person(Line):
    """One texter, a minute between texts (as a person types; also under the inbound limit)."""

    def text(self, body: str) -> list[str]:
        replies = super().text(body)
        self.clock.set(self.clock.now() + timedelta(minutes=1))
        return replies


@pytest.fixture
def line(app: Flask, redis: Redis) -> Line:
    person = Person(app, redis)
    person.text("hi")  # welcomed already, so each reply below is the conversation's own
    return person


def later(line: Line, minutes: int) -> None:
    line.clock.set(line.clock.now() + timedelta(minutes=minutes))


def alerts(line: Line) -> list[str]:
    line.tick(line.clock.now())  # runs the queued alert jobs
    return [m["body"] for m in outbox(line.redis) if m["kind"] == "alert"]


NEVER_AFTER_A_DISCLOSURE = {text("fallback"), text("topic.menu"), text("welcome")}


def test_ambiguous_texts_in_a_row_add_up_to_the_direct_question(line: Line) -> None:
    assert line.text("so tired") == [text("fallback")]  # one such text alone is ambiguous
    later(line, 5)
    assert crisis.assess("i give up on all of it").band != crisis.verdict.CRISIS  # and so is this one alone
    assert line.text("i give up on all of it") == [text("talk.ask")]
    assert "are you thinking about suicide?" in text("talk.ask")
    assert alerts(line) == []  # signs worth a question wait in the queue (ONCALL_ALERT_LEVELS default)
    [escalation] = store.recent_escalations(line.redis)
    assert (escalation["category"], escalation["level"]) == ("suicide", "possible")


def test_texts_further_apart_than_the_window_are_read_alone(line: Line) -> None:
    line.text("so tired")
    later(line, store.WINDOW_S // 60 + 1)
    # Alone, it is close to a crisis: the usual reply, one line naming 988, and no question.
    assert crisis.assess("i give up on all of it").band == crisis.verdict.WATCH
    assert line.text("i give up on all of it") == [text("fallback"), text("watch")]


def test_thoughts_without_a_plan_get_988_a_professional_a_trusted_person_and_a_safety_plan(line: Line) -> None:
    line.text("so tired of everything")
    line.text("nobody would even notice")
    assert line.text("yeah sometimes") == [text("talk.ask_plan")]  # a yes: then plan, means and timing
    assert line.text("no, no plan") == [text("talk.thoughts"), text("talk.reach")]
    thoughts = text("talk.thoughts")
    assert "call or text 988" in thoughts and "doctor or counselor" in thoughts and "someone you trust" in thoughts
    assert "reach out" in text("talk.reach") and "STEPS" in text("talk.reach")
    assert line.text("STEPS") == [text(f"talk.steps.plan.{n}") for n in (1, 2, 3)]
    assert [a for a in alerts(line) if "high risk" in a]  # the disclosure raised the level: on-call alerted now

    # Then it stays: short human replies in turn, never the menu, the fallback or the same text twice in a row.
    replies = [line.text(t) for t in ("ok", "idk", "my mom maybe", "whatever", "lol", "thanks")]
    assert all(len(r) == 1 and r[0] not in NEVER_AFTER_A_DISCLOSURE for r in replies)
    assert all(a != b for a, b in pairwise(replies))


def test_a_plain_disclosure_is_asked_about_a_plan_and_a_plan_for_tonight_is_an_emergency(line: Line) -> None:
    assert line.text("i want to kill myself") == [text("crisis.suicide"), text("talk.ask_plan")]
    # intent and timing, plan and means, in one question (VERA-MH Q11)
    assert "might act on these thoughts today or tonight" in text("talk.ask_plan") and "a plan" in text("talk.ask_plan")
    assert line.text("yes. my dads gun is in the closet") == [text("talk.imminent"), text("talk.means.gun")]
    assert "call 911 or go to the" in text("talk.imminent") and "be with you right now" in text("talk.imminent")
    assert "away from your home" in text("talk.means.gun")
    assert any("imminent risk" in a for a in alerts(line))
    assert store.recent_escalations(line.redis)[0]["level"] == "imminent"
    # A guarded texter in short lines still gets someone staying with them, urging 911, never the fallback.
    for guarded in ("k", "cant", "idk"):
        [reply] = line.text(guarded)
        assert reply in {text(key) for key in crisis_talk.STAY_REPLIES["urgent"]}
    assert line.text("no one here") == [text("talk.barrier.alone")]  # alone: 988 is someone, not 911 once more


@pytest.mark.parametrize(
    ("answer", "means"),
    [("yes tonight with my pills", "pills"), ("the razor blades in the bathroom", "blade")],
)
def test_distance_from_the_means_is_said_for_the_means_named(line: Line, answer: str, means: str) -> None:
    line.text("i dont want to be alive anymore")
    assert line.text(answer) == [text("talk.imminent"), text(f"talk.means.{means}")]


def test_a_clear_no_is_believed_and_normal_service_resumes_with_a_door_open(line: Line) -> None:
    line.text("so tired of this")
    assert line.text("no point in anything") == [text("talk.ask")]
    assert line.text("no, just worn out from the taper") == [text("talk.declined")]
    assert "988" in text("talk.declined") and "MENU" in text("talk.declined")
    assert line.redis.llen(store.window_key(line.sender)) == 0  # what came before asks nothing again
    assert line.text("how long does withdrawal last") == [text("topic.withdrawal")]
    assert line.text("so tired") == [text("fallback")]
    assert line.text("nobody cares") != [text("talk.ask")]  # believed: indirect signs alone don't ask again today


def test_no_answer_gets_one_gentle_follow_up_then_the_caring_contact_next_day(line: Line) -> None:
    line.text("so tired of it all")
    line.text("whats the point anymore")
    check = line.tick(line.clock.now() + crisis_talk.CHECK_DELAY)
    assert [(m["kind"], m["body"]) for m in check] == [("followup", text("talk.check"))]
    assert line.tick(line.clock.now() + timedelta(minutes=30)) == []  # once
    next_morning = at("2026-11-23T10:00:00-05:00")
    assert [m["body"] for m in line.tick(next_morning)] == [text("crisis.followup")]


def test_an_answer_cancels_the_gentle_follow_up(line: Line) -> None:
    line.text("so tired of it all")
    line.text("whats the point anymore")
    line.text("no")
    assert line.tick(line.clock.now() + crisis_talk.CHECK_DELAY) == []


def test_danger_from_someone_else_asks_are_you_safe_then_911_when_not(line: Line) -> None:
    assert line.text("hes on his way over and hes furious") == [text("talk.ask_safe")]
    assert "Are you safe right now?" in text("talk.ask_safe")
    assert line.text("no") == [text("talk.unsafe")]
    assert "call 911 now" in text("talk.unsafe")
    assert any("imminent risk" in a for a in alerts(line))


def test_safe_for_now_gets_the_dv_hotline_and_safety_steps(line: Line) -> None:
    line.text("that car again")
    assert line.text("same car outside my place, third night this week") == [text("talk.ask_safe")]
    assert line.text("yes for now, im inside with the door locked") == [text("talk.safe_now")]
    assert "1-800-799-7233" in text("talk.safe_now") and "88788" in text("talk.safe_now")
    assert line.text("yes please") == [text(f"talk.steps.danger.{n}") for n in (1, 2, 3)]
    assert line.text("he's outside now banging on the door") == [text("talk.unsafe")]


def test_plain_violence_gets_its_crisis_reply_and_the_safety_question(line: Line) -> None:
    assert line.text("he hit me again and took my pills") == [text("crisis.violence"), text("talk.ask_safe")]


def test_can_you_call_them_for_me_is_answered_plainly(line: Line) -> None:
    line.text("i want to die")
    line.text("no plan")
    assert line.text("can you call them for me?") == [text("talk.connect")]
    assert "can't call" in text("talk.connect") and "I need help" in text("talk.connect")


def test_stop_help_and_forget_work_exactly_inside_a_conversation(line: Line) -> None:
    line.text("i want to die")
    [helped] = line.text("HELP")  # a call for help too: the numbers for now, with what a HELP reply must say
    assert helped == text("talk.help") and "911" in helped and "988" in helped
    assert all(part in helped for part in ("Steadyline", "Msg & data rates", "STOP"))
    assert line.text("STOP") == [text("optout")]
    assert line.text("how are you") == []  # opted out: silence, as ever
    assert line.text("FORGET YES") == [text("forget.done")]


def test_a_crisis_text_after_stop_gets_the_numbers_says_start_is_needed_and_alerts_a_person(line: Line) -> None:
    line.text("STOP")
    replies = line.text("i want to die, i have my pills saved")
    # no question they could not get an answer to: carriers block every text to them until START
    assert replies[1:] == [text("talk.opted_out")] and "988" in replies[0] and "START" in replies[1]
    assert not any("?" in reply for reply in replies)
    assert alerts(line)  # the line cannot follow up by text, so a person is told at any level
    assert line.text("are you there") == []  # still opted out: silence, as the reply said
    assert line.text("START") == [text("optin")]


def test_forget_erases_the_recent_texts_and_the_exchange(line: Line) -> None:
    line.text("so tired")
    line.text("whats the point")
    line.text("sometimes")
    escalation_id = store.recent_escalations(line.redis)[0]["id"]
    assert line.redis.llen(store.escalation_thread_key(escalation_id)) > 0
    line.text("FORGET")
    line.text("FORGET YES")
    assert not line.redis.exists(store.window_key(line.sender), store.escalation_thread_key(escalation_id))


def test_the_exchange_is_kept_encrypted_both_directions(line: Line, app: Flask) -> None:
    line.text("so tired")
    line.text("whats the point")
    line.text("sometimes")
    escalation_id = store.recent_escalations(line.redis)[0]["id"]
    thread = store.escalation_thread(line.redis, escalation_id, keyring(get_config(app).DATA_KEY))
    assert [(e["from"], e["text"]) for e in thread] == [
        ("person", "hi"),  # the recent texts that led to the question come first
        ("person", "so tired"),
        ("person", "whats the point"),
        ("line", text("talk.ask")),
        ("person", "sometimes"),
        ("line", text("talk.ask_plan")),
    ]
    raw = b" ".join(line.redis.dump(k) or b"" for k in line.redis.scan_iter())
    assert b"so tired" not in raw and b"sometimes" not in raw  # only the escalation's own text is in its record
    token = line.redis.lindex(store.escalation_thread_key(escalation_id), 0)
    assert keyring(get_config(app).DATA_KEY).decrypt(token, TEXT)  # a text token, not a number token


def test_the_conversation_ends_a_day_after_the_last_text(line: Line) -> None:
    line.text("i want to die")
    later(line, int(crisis_talk.TALK_TTL.total_seconds() // 60) + 1)
    assert line.text("what is klonopin") == [text("topic.about")]


# ---------------------------------------------------------------- property: no reply in any state pulls for "no"

CONVERSATION_TEXTS = [
    "so tired", "whats the point", "nobody would even notice", "i want to die", "i want to kill myself",
    "hes on his way and hes furious", "same car outside again", "he hit me", "took the whole bottle", "yes", "no",
    "idk", "maybe", "sometimes", "not really", "yes tonight", "i have a gun", "pills", "no plan", "im safe",
    "not safe", "STEPS", "can you call them for me?", "ok", "thanks", "MENU", "HELP", "lol", "3", "why", "k",
]  # fmt: skip


def _play(texts: list[str]) -> list[str]:
    """Run `texts` through the pure engine as one person, a minute apart, carrying the state the effects write;
    return every reply's text."""
    from dataclasses import replace

    from service.conversation import engine
    from service.conversation.model import State

    state, now, sent, rules = State(), START, [], engine.DEFAULT_RULES
    for body in texts:
        message = engine.read(body, sid=f"SM{len(sent):032d}")
        replies, effects = engine.respond(message, state, now, rules)
        sent += [catalog.text(reply.key, **reply.values) for reply in replies]
        recent = state.recent
        if engine.remembered(message, state, rules):
            recent = (*recent, body)[-store.WINDOW_TEXTS :]
        for effect in effects:
            if isinstance(effect, model.Update):
                state = replace(state, **effect.values)  # type: ignore[arg-type]
            elif isinstance(effect, model.MarkSeen):
                state = replace(state, known=True)
            elif isinstance(effect, model.OptOut):
                state = replace(state, opted_out=True)
            elif isinstance(effect, model.ForgetWindow):
                recent = ()
        state = replace(state, recent=recent, talk_steps=bool(state.talk_steps))
        now += timedelta(minutes=1)
    return sent


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(st.sampled_from(CONVERSATION_TEXTS) | st.text(max_size=40), min_size=1, max_size=8))
def test_no_reply_in_any_crisis_state_pulls_for_no(texts: list[str]) -> None:
    for reply in _play(texts):
        assert not pulls_for_no(reply), (reply, texts)


@pytest.mark.parametrize(
    ("said", "barrier"),
    [
        ("theres nobody to call", "alone"),
        ("i dont want cops showing up at my door", "police"),
        ("i dont want to talk to a stranger", "stranger"),
        ("what do i even say to them", "words"),
    ],
)
def test_a_barrier_to_help_gets_its_own_answer_not_the_same_911_again(line: Line, said: str, barrier: str) -> None:
    line.text("i want to kill myself")
    line.text("yes tonight with my pills")  # imminent: 911, someone with you, the pills away
    [reply] = line.text(said)
    assert reply == text(f"talk.barrier.{barrier}")
    assert "988" in reply and reply not in {text(key) for key in crisis_talk.STAY_REPLIES["urgent"]}
    [after] = line.text("ok")  # and the conversation goes on; after a refused 911, without "call 911" again
    family = "refused" if barrier == "police" else "urgent"
    assert after in {text(key) for key in crisis_talk.STAY_REPLIES[family]}


def test_a_barrier_in_spanish_is_answered_in_spanish(app: Flask, redis: Redis) -> None:
    person = Person(app, redis)
    person.text("hola")
    person.text("me quiero morir")
    person.text("si, esta noche con las pastillas")
    assert person.text("no tengo a nadie") == [catalog.text("talk.barrier.alone", "es")]


def test_pills_not_taken_after_an_overdose_reply_get_distance_from_them_then_the_plan_question(line: Line) -> None:
    # method-seeking: the overdose facts, then the direct question (VERA-MH Q10)
    assert line.text("how many klonopin would it take to kill me") == [text("crisis.overdose"), text("talk.ask")]
    said = line.text("i havent taken them, just thinking about it")
    assert said == [text("talk.means.pills"), text("talk.ask_plan")]  # VERA-MH Q23, then Q11
    assert store.recent_escalations(line.redis)[0]["level"] == "high"  # method-seeking, no plan or time said yet


def test_pills_not_taken_with_a_time_are_still_imminent(line: Line) -> None:
    line.text("how many klonopin would it take to kill me")
    assert line.text("havent took them. not yet. tonight") == [text("talk.imminent"), text("talk.means.pills")]


def test_someone_helping_in_an_emergency_gets_steps_for_the_helper_and_no_911_once_911_is_on_the_line(
    line: Line,
) -> None:
    line.text("my son is so out of it, i cant wake him up all the way, he drank and took my klonopin")
    [reply] = line.text("ok")
    assert reply in {text(key) for key in crisis_talk.STAY_REPLIES["helping"]} and "stay with them" in reply.lower()
    assert line.text("im on the phone with 911 now") == [text("talk.help_coming")]
    assert "call 911" not in text("talk.help_coming").lower()


def test_an_end_with_a_time_said_later_in_the_conversation_is_imminent(line: Line) -> None:
    line.text("so tired")
    line.text("i give up on all of it")
    line.text("yeah")  # thoughts: 988, a professional and a trusted person, the safety plan offered
    assert line.text("nothing. wont matter after tonight")[0] == text("talk.imminent")
    assert store.recent_escalations(line.redis)[0]["level"] == "imminent"


def test_a_step_the_person_takes_is_said_back_to_them_and_the_number_is_given_when_asked(line: Line) -> None:
    line.text("i want to kill myself")
    line.text("yes tonight with my pills")
    assert line.text("ok. put the pills in the truck. locked it") == [text("talk.step_taken")]
    assert not pulls_for_no(text("talk.step_taken"))
    assert line.text("whats the number again. the text one") == [text("talk.connect")]
    assert "text 988" in text("talk.connect")


def test_in_an_overdose_no_barrier_answer_says_text_988_instead_of_911(line: Line) -> None:
    [first] = line.text("my son took my klonopin and drank, i cant really wake him up")
    assert first in {text("crisis.overdose"), text("crisis.overdose.bystander")}
    [police] = line.text("i dont want to call 911 theyll send cops")
    assert police == text("talk.barrier.police_emergency") and "call 911 now" in police and "instead" not in police
    assert line.text("what do i even say to them") == [text("talk.helping.2")]


def test_spanish_unsure_is_not_a_no_and_a_plan_for_tonight_outranks_a_barrier(app: Flask, redis: Redis) -> None:
    person = Person(app, redis)
    person.text("hola")
    person.text("nomas quiero dormir y no despertar")
    es = {key: catalog.text(key, "es") for key in ("talk.declined", "talk.ask_plan", "talk.imminent")}
    reply = person.text("no se. a veces si. estoy cansada d todo")  # "I don't know, sometimes yes": not a no
    assert es["talk.declined"] not in reply and es["talk.ask_plan"] in reply
    assert person.text("y q les digo?")[0] != catalog.text("talk.steps.plan.1", "es")  # "y" is "and", not yes
    plan = person.text("no tengo a nadie. tengo como 40 rivotril, pienso tomarmelas todas hoy en la noche")
    assert plan[0] == es["talk.imminent"]
