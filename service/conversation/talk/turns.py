"""One text inside an open conversation: kept unanswered when someone in danger asks for no reply, else a new risk
(switch), the steps, or the reply to what it says (replies); never the same text twice in a row; and the effects
that keep the stage, raise the risk and add the exchange to the escalation.
"""

from datetime import datetime
from typing import TYPE_CHECKING

from service.conversation import model
from service.conversation.model import Exchange, ForgetWindow, Raise, State
from service.conversation.talk.danger import QUIET
from service.conversation.talk.model import Result
from service.conversation.talk.patterns import signs
from service.conversation.talk.repeats import SAID_AGAIN, fresh, sent_after, stay
from service.conversation.talk.replies import answer_within
from service.conversation.talk.stages import (
    DANGER_STAGES,
    DECLINED,
    ENDED,
    QUESTIONS,
    SAFE_NOW,
    STAGE_LEVEL,
    THOUGHTS,
    alerted,
    higher,
    stage_effect,
)
from service.conversation.talk.steps import STEPS_WORDS, accepts, steps_replies
from service.conversation.talk.switch import switch
from service.keywords import normalise

if TYPE_CHECKING:
    from service.conversation.model import Effect, Message, Reply


def take_turn(stage: str, message: "Message", state: State, now: datetime, rules: model.Rules) -> Result:
    """Answer a text inside an open conversation: by the answer, or a short human reply; never the menu or the
    fallback, and never the same text twice in a row."""
    texts, words = [*state.recent, message.text], normalise(message.text)
    kind = state.talk_kind
    if stage in DANGER_STAGES and QUIET.search(words):
        # "gtg dont text back": he is there, and a reply could be seen. Nothing is sent; the texts stay on the
        # escalation, and the conversation is open for when they write again (messages/POLICY.md L3).
        kept = stage_effect(stage, now, state.talk_turns, state.talk_level, state.talk_esc, state.talk_steps, kind,
                            state.talk_last)  # fmt: skip
        return [], [
            kept,
            model.Attach(state.talk_esc, "violence", message.text),
            Exchange(state.talk_esc, (message.text,), ()),
        ]
    switched = switch(stage, kind, message, texts)
    if switched:
        new_stage, kind, replies = switched
    elif message.keyword in STEPS_WORDS or (
        stage in (THOUGHTS, SAFE_NOW) and not state.talk_steps and accepts(message)
    ):
        new_stage, replies = stage, steps_replies(stage)
    else:
        new_stage, kind, replies = answer_within(stage, kind, message, state, texts, words)
    replies = _for_veterans(message.text, replies)
    if [r.key for r in replies] == [state.talk_last]:  # never the same text twice in a row
        again = SAID_AGAIN.get(state.talk_last)
        replies = [model.Reply(again) if again else stay(new_stage, kind, state.talk_turns + 1, texts)]
    if new_stage == stage:  # a new stage says its replies in full, a reminder of the means included
        replies = fresh(replies, state.talk_sent.split(","), new_stage, kind, texts)
    level = higher(state.talk_level, STAGE_LEVEL[new_stage]) if new_stage in STAGE_LEVEL else state.talk_level
    turns = state.talk_turns + 1 if new_stage == stage and kind == state.talk_kind else 0
    steps = state.talk_steps or any(reply.key.startswith("talk.steps.") for reply in replies)
    sent = sent_after(state.talk_sent, replies)
    effects: list[Effect] = [
        stage_effect(new_stage, now, turns, level, state.talk_esc, steps, kind, replies[-1].key, sent)
    ]
    if new_stage in (DECLINED, ENDED):
        effects.append(ForgetWindow())  # what they said before does not ask again ("not having a seizure" included)
    if level != state.talk_level:
        effects.append(Raise(state.talk_esc, level, alert=alerted(level, rules)))
    if message.crisis:
        effects.append(model.Attach(state.talk_esc, message.crisis, message.text))  # the queue shows it too
    if stage in QUESTIONS:
        effects.append(model.Unschedule("crisis_check"))  # answered: no follow-up needed
    return replies, [*effects, Exchange(state.talk_esc, (message.text,), tuple(replies))]


_SERVED = signs(r"veterans?", r"vet", r"army", r"marines?", r"navy", r"air force", r"deployed", r"combat", r"military")
"""Words of someone who served: the Veterans Crisis Line (988, press 1) is named beside the reply."""


def _for_veterans(text: str, replies: list["Reply"]) -> list["Reply"]:
    """The replies, and beside them once the Veterans Crisis Line when the text says they served."""
    served = _SERVED.search(normalise(text)) and not any(r.key == "talk.veterans" for r in replies)
    return [*replies, model.Reply("talk.veterans")] if served else replies
