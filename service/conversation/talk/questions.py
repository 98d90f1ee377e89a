"""The line's direct questions and where each answer leads: "Are you thinking about suicide?" (ASK), the question about
a plan or the means for today (PLAN), "Are you safe right now?" (SAFE_Q), and "are you thinking about hurting someone
tonight, or yourself?" (OTHERS_ASK, in an emergency about harm to others).
"""

import re
from typing import TYPE_CHECKING

from service.conversation import model
from service.conversation.model import State
from service.conversation.talk.answers import DENIAL, NO, UNSURE, answer, thoughts_answer
from service.conversation.talk.danger import danger_signs
from service.conversation.talk.imminent import imminent_replies
from service.conversation.talk.means import means_named
from service.conversation.talk.model import Turn
from service.conversation.talk.patterns import signs
from service.conversation.talk.pills import NOT_TAKEN
from service.conversation.talk.repeats import stay
from service.conversation.talk.stages import DECLINED, EMERGENCY, IMMINENT, PLAN, SAFE_NOW, SAFE_Q, THOUGHTS, UNSAFE
from service.crisis import person
from service.keywords import normalise

if TYPE_CHECKING:
    from service.conversation.model import Message, Reply


def after_question(stage: str, message: "Message", state: State, texts: list[str]) -> tuple[str, list["Reply"]]:
    """The answer to "Are you thinking about suicide?" or to the question about a plan."""
    reply = model.Reply
    if stage == PLAN:
        if answer(message.text):
            return IMMINENT, imminent_replies(texts)
        # They have thoughts of suicide either way: a "no" here is no plan, not no risk; means they named still
        # get distance from them (messages/POLICY.md C7).
        means = means_named(texts)
        return THOUGHTS, [reply("talk.thoughts"), reply(f"talk.means.{means}") if means != "any" else reach(texts)]
    words = normalise(message.text)
    not_yet = NOT_TAKEN.search(words)  # "didnt take anything. yet": the means at hand, a yes
    denied = DENIAL.search(words)
    said = False if denied else True if message.crisis or not_yet else thoughts_answer(message.text)
    if said is True:  # then plan, means and timing, as a counsellor would ask next (VERA-MH Q11)
        # "i havent taken them, just thinking about it": distance from what is at hand first (VERA-MH Q23)
        near = [reply(f"talk.means.{means_named(texts)}")] if not_yet else []
        return PLAN, [*near, reply("talk.ask_plan")]
    if said is False:
        return DECLINED, [reply("talk.declined")]
    if state.talk_turns == 0:
        return stage, [reply("talk.ask_again")]
    return stage, [stay(stage, state.talk_kind, state.talk_turns, texts)]


def reach(texts: list[str]) -> "Reply":
    """Asking whether they could reach out: to the person they named, when they named one."""
    who = person.trusted_person(texts)
    return model.Reply("talk.reach.named", {"who": who}) if who else model.Reply("talk.reach")


_SAFE = re.compile(
    r"^(?:yes|yeah|yea|ya|yep|yup|y|i am|im safe|safe|for now|im ok|im okay|im fine|i think so|at (?:a|my) \w+)\b"
    r"|\b(?:im|i am|estoy) (?:safe|a salvo)\b|\b(?:nobody|no one|noone) is hurting me\b|\bnadie me (?:esta )?lastima"
)
"""A yes to "Are you safe right now?", on normalised text."""


def after_safety_question(text: str, state: State) -> tuple[str, list["Reply"]]:
    """The answer to "Are you safe right now?": unsure, or signs of danger, count as not safe."""
    reply, words = model.Reply, normalise(text)
    if danger_signs(text) or NO.match(words) or UNSURE.match(words):
        return UNSAFE, [reply("talk.unsafe")]
    if _SAFE.match(words):
        return SAFE_NOW, [reply("talk.safe_now")]
    if state.talk_turns == 0:
        return SAFE_Q, [reply("talk.ask_safe_again")]
    return SAFE_Q, [stay(UNSAFE, "violence", state.talk_turns, [])]


def ask_safe() -> Turn:
    """The turn that asks "Are you safe right now?" after signs of danger from someone."""
    return SAFE_Q, "violence", [model.Reply("talk.ask_safe")]


OTHERS_ASK = "talk.others.ask"
"""The reply asking about an urge to hurt someone, and about the texter's own risk too (the last reply while its
answer is awaited)."""
_SELF_TOO = signs(
    r"myself", r"me too", r"both", r"kill me", r"a mi (?:mismo|misma)", r"los dos", r"ambos", r"yo tambien"
)  # fmt: skip
"""An answer naming the texter's own risk too ("both", "myself")."""


def after_others_question(message: "Message", state: State) -> Turn | None:
    """The answer to "are you thinking about hurting someone tonight, or yourself?": their own risk said (or both)
    asks about a plan; a yes gets distance and 911; anything else the usual replies."""
    reply = model.Reply
    own = message.crisis in ("suicide", "self_harm") and message.sure  # the model reads anger as despair
    if own or _SELF_TOO.search(normalise(message.text)):
        return PLAN, state.talk_kind, [reply("talk.ask_plan")]
    if answer(message.text):
        return EMERGENCY, state.talk_kind, [reply("talk.others.yes")]
    return None
