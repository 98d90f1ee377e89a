"""How a text comes to the crisis conversation (respond): inside an open one it is answered there (turns); otherwise a
crisis text, or risk across the person's last few texts, opens one: the crisis reply for a plain signal, the one
direct question that fits, an escalation, and the follow-ups.
"""

from datetime import datetime
from typing import TYPE_CHECKING

from service import optout
from service.conversation import checkins, model
from service.conversation.commands import plain_keywords
from service.conversation.model import Exchange, Raise, State
from service.conversation.talk.asks import ABOUT_988, ASKS_988_POLICE
from service.conversation.talk.barriers import barrier
from service.conversation.talk.corrections import misread_again
from service.conversation.talk.imminent import imminent, imminent_replies
from service.conversation.talk.model import Result, Signal
from service.conversation.talk.pills import CANT_BREATHE, METHOD, going_without, taken_already
from service.conversation.talk.questions import OTHERS_ASK
from service.conversation.talk.repeats import sent_after
from service.conversation.talk.stages import (
    ASK,
    CHECK_DELAY,
    CHECKING,
    DECLINED,
    EMERGENCIES,
    EMERGENCY,
    HELPING,
    IMMINENT,
    MISREAD_FOR,
    PLAN,
    POISONINGS,
    QUESTIONS,
    SAFE_Q,
    STAGE_LEVEL,
    THOUGHTS,
    active,
    alerted,
    higher,
    stage_effect,
)
from service.conversation.talk.steps import STEPS_WORDS, steps_replies
from service.conversation.talk.turns import take_turn
from service.conversation.talk.window import WINDOW_JOIN, window_signal
from service.crisis import medical, person
from service.keywords import normalise

if TYPE_CHECKING:
    from service.conversation.model import Effect, Message


def respond(message: "Message", state: State, now: datetime, rules: model.Rules) -> Result | None:
    """Replies and effects for a text that opens or continues a crisis conversation; None for any other text."""
    stage = active(state, now)
    # A crisis text after operators closed the conversation's escalation opens a new one.
    closed = message.crisis and state.escalation != state.talk_esc
    if stage and stage != DECLINED and not closed:
        return take_turn(stage, message, state, now, rules)
    if not stage and misread_again(message, state, now):
        return None
    if message.keyword in STEPS_WORDS and not message.crisis:
        return steps_replies(THOUGHTS), []  # a saved text said "reply STEPS": it works later too
    words = normalise(message.text)
    police = barrier(message.text) == "police"
    if not message.crisis and "988" in words and (police or ABOUT_988.search(words)):
        # "if i text 988 do they call the cops": answered as asked, in a conversation or not
        asks_police = ASKS_988_POLICE.search(words)
        key = "talk.988_police" if asks_police else "talk.barrier.police" if police else "talk.about_988"
        return [model.Reply(key)], []
    signal = Signal(message.crisis, message.sure or message.crisis in EMERGENCIES, True) if message.crisis else None
    reads_window = not state.opted_out and message.keyword not in plain_keywords()
    if signal is None and reads_window and not optout.intent(message.text):  # a request to stop is its own answer
        signal = window_signal([*state.recent, message.text])
        misread = state.talk_last == "talk.misread" and now.timestamp() - state.talk_at < MISREAD_FOR.total_seconds()
        if signal and not signal.plain and (stage == DECLINED or misread):
            # they said no, or that the line misread them, and were believed: indirect signs alone do not ask again
            # for now ("its just an expression", then "he keeps falling and forgetting stuff")
            signal = None
    return _begin(signal, message, state, now, rules) if signal else None


def _begin(signal: Signal, message: "Message", state: State, now: datetime, rules: model.Rules) -> Result:
    """Open a conversation: the crisis reply for a plain signal, then the one direct question that fits."""

    texts = [*state.recent, message.text]
    # read together, as the detector read them: "hes breathing weird" then "now hes blue" is someone unresponsive
    key, kind = model.crisis_key(signal.category, text=WINDOW_JOIN.join(texts)), signal.category
    own_body = not person.someone_in_trouble(message.text) and not medical.unresponsive(message.text)
    own_body = own_body and not CANT_BREATHE.search(normalise(message.text))  # that is 911 now, not a question
    without = going_without(message.text) and not medical.unresponsive(message.text)
    if key == "crisis.medical" and message.crisis and not medical.seizure_named(message.text) and (own_body or without):
        # The texter's own body, or anyone's withdrawal ("he ran out, its been 5 days"), no seizure named: ask what
        # is happening, with 911 for a seizure or struggling to breathe, rather than seizure steps for a seizure
        # no one named.
        key, kind = "talk.medical_check", CHECKING
    replies = [model.Reply(key)] if signal.plain else []
    if signal.category == "overdose" and METHOD.search(normalise(message.text)) and not taken_already([message.text]):
        # "whats the number where u just dont wake up": method-seeking is a sign of suicide (POLICY.md K1); the
        # overdose facts, then the direct question (VERA-MH Q10)
        stage, kind = ASK, "suicide"
        replies.append(model.Reply("talk.ask"))
    elif signal.category in EMERGENCIES:
        stage = EMERGENCY
        if signal.category in POISONINGS and kind != CHECKING and person.someone_in_trouble(message.text):
            kind = HELPING  # "my son took my klonopin": the helper's replies, though the words read as the texter's
        elif signal.category == "harm_to_others" and signal.plain:
            replies.append(model.Reply(OTHERS_ASK))  # the direct question, about them and about the texter too
    elif signal.category == "violence":
        stage = SAFE_Q
        replies.append(model.Reply("talk.ask_safe"))
    elif signal.plain and imminent(texts):
        stage = IMMINENT
        replies += imminent_replies(texts)
    elif signal.plain:
        stage = PLAN
        replies.append(model.Reply("talk.ask_plan"))
    else:
        stage = ASK
        replies.append(model.Reply("talk.ask"))
    level = higher(STAGE_LEVEL[stage], "high" if signal.plain or signal.detected else "possible")
    if state.opted_out:
        # Carriers block every text to them until START: no question they could not get an answer to, and a person
        # is alerted at any level, as the line cannot follow up.
        replies = [*replies[:1], model.Reply("talk.opted_out")]
    # No gentle check after violence (it would show on a phone an abuser may read, POLICY.md L3), nor after STOP.
    checked = signal.category not in checkins.NO_FOLLOW_UP and not state.opted_out
    effects: list[Effect] = [] if state.known else [model.MarkSeen()]
    escalation = state.escalation or message.sid
    if not state.escalation:
        alert = alerted(level, rules) or state.opted_out
        effects.append(model.Escalate(signal.category, message.text, level, alert=alert))
    else:  # still open from an earlier conversation: this one joins it (on-call is alerted only if risk rose)
        if signal.plain:
            effects.append(model.Attach(escalation, signal.category, message.text))
        if higher(state.talk_level, level) != state.talk_level:
            effects.append(Raise(escalation, level, alert=alerted(level, rules)))
    effects += [
        stage_effect(
            stage,
            now,
            turns=0,
            level=level,
            escalation=escalation,
            kind=kind,
            last=replies[-1].key,
            sent=sent_after("", replies),
        ),
        *checkins.after_crisis(state, message.zone_guess, now, rules, signal.category),
        *([model.Later("crisis_check", now + CHECK_DELAY)] if stage in QUESTIONS and checked else []),
        Exchange(escalation, tuple(texts), tuple(replies)),
    ]
    return replies, effects
