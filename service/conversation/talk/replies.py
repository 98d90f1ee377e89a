"""The reply to a text inside a conversation that changes no risk: what it asks or says (help on the way, a step
taken, a barrier, a question about 988, a goodbye), the answer to the conversation's question, or a short human reply.
"""

import re
from typing import TYPE_CHECKING

from service import keywords
from service.conversation import model
from service.conversation.model import State
from service.conversation.talk.answers import answer, thoughts_answer
from service.conversation.talk.asks import (
    ABOUT_988,
    ASKS_988_POLICE,
    ASKS_988_TELLS,
    CONNECT,
    QUESTION,
    WHO_TO_TEXT,
    WITHDRAWAL_Q,
)
from service.conversation.talk.barriers import barrier, barrier_key
from service.conversation.talk.bystander import ASK_THEM, GIVE_PILL, NALOXONE, NURSE, ON_SIDE, SLEEP_IT_OFF, TELL_ADULT
from service.conversation.talk.danger import ASKS_DV, NOBODY_HURTING, PHONE_SEEN, danger_signs
from service.conversation.talk.means import HAND_OVER, MEANS, OWN_STEP
from service.conversation.talk.model import Turn
from service.conversation.talk.pills import DRINKS, SEDATED
from service.conversation.talk.questions import OTHERS_ASK, after_others_question, after_question, after_safety_question
from service.conversation.talk.reaching import (
    NOT_CALLING,
    REACHED_988,
    SHOULD_I_REACH,
    SOMEONE_COMING,
    TO_SOMEONE,
    WILL_REACH,
    help_coming,
)
from service.conversation.talk.repeats import stay
from service.conversation.talk.stages import (
    ASK,
    DANGER_STAGES,
    DECLINED,
    EMERGENCY,
    HELPING,
    IMMINENT,
    POISONINGS,
    QUESTIONS,
    SAFE_NOW,
    SAFE_Q,
    UNSAFE,
)
from service.crisis import person
from service.keywords import normalise

if TYPE_CHECKING:
    from service.conversation.model import Message

# A goodbye: "ok bye", "gotta go", "forget it", "me voy". (Normalised text, the whole text.)
BYE = re.compile(
    r"(?:^|\W)(?:bye|goodbye|gotta go|gonna go|i have to go|im done here|forget it|never mind|nevermind|adios|chao"
    r"|chau|goodnight|good night|gn|buenas noches|me voy|olvidalo|ya me voy)[\s.!]*$|^(?:good ?)?(?:night|nite)[\s.!]*$"
)


def answer_within(stage: str, kind: str, message: "Message", state: State, texts: list[str], words: str) -> Turn:
    """The reply to a text that changes no risk: what it asks or says (help on the way, a step taken, a barrier, a
    question about 988), the answer to the conversation's question, or a short human reply. The rules are tried in
    this order, each group first to last; the first that answers wins."""
    obstacle = barrier(message.text)
    asked = _about_the_lines(stage, kind, message, words, obstacle)
    if asked:
        return asked
    topic = keywords.find_topic(message.text) if QUESTION.search(words) or "?" in message.text else None
    asked_back = stage in QUESTIONS and answer(message.text) is not None  # the answer to the question comes first
    topic = None if topic in ("topic.menu", "topic.about") or message.sure or asked_back or obstacle else topic
    return (
        _presence(stage, kind, message, texts, words, topic)
        or _helping_steps(stage, kind, words)
        or _steps_and_answers(stage, kind, message, state, texts, words, topic, obstacle)
        or (stage, kind, [stay(stage, kind, state.talk_turns, texts)])
    )


def _about_the_lines(stage: str, kind: str, message: "Message", words: str, obstacle: str | None) -> Turn | None:
    """Questions about the lines and who to reach: the hotline for danger from someone, 988 and the police, a no."""
    reply = model.Reply
    if stage in DANGER_STAGES and (WHO_TO_TEXT.search(words) or obstacle == "police"):
        # Someone in danger from another person who will not call the police, or asks where to text: the hotline.
        return stage, kind, [reply("talk.barrier.police_danger" if obstacle == "police" else "talk.danger.3")]
    if stage not in DANGER_STAGES and HAND_OVER.search(words):
        return stage, kind, [reply("talk.hand_over")]
    if ASKS_DV.search(words) and not NOBODY_HURTING.search(words):
        return stage, kind, [reply("talk.danger.3")]
    if stage in DANGER_STAGES and PHONE_SEEN.search(words):
        return stage, kind, [reply("talk.phone_safety")]
    if stage == ASK and thoughts_answer(message.text) is False:
        also = [reply("talk.withdrawal")] if WITHDRAWAL_Q.search(words) else []
        return DECLINED, kind, [reply("talk.declined"), *also]  # a no believed, and what else they asked
    if WITHDRAWAL_Q.search(words) and not (message.crisis and message.sure):
        return stage, kind, [reply("talk.withdrawal")]
    if WHO_TO_TEXT.search(words):
        return stage, kind, [reply("talk.connect")]
    if CONNECT.search(words):
        return stage, kind, [reply("talk.connect")]
    if ASKS_988_POLICE.search(words) and not (stage == EMERGENCY and kind in POISONINGS):
        return stage, kind, [reply("talk.988_police")]
    if ASKS_988_TELLS.search(words):
        return stage, kind, [reply("talk.988_private")]
    if ABOUT_988.search(words) and obstacle != "police":
        return stage, kind, [reply("talk.about_988")]
    return None


def _presence(
    stage: str, kind: str, message: "Message", texts: list[str], words: str, topic: str | None
) -> Turn | None:
    """A goodbye, sedation with drink, someone reached or coming, help on the way."""
    reply = model.Reply
    if BYE.search(words):  # never let them go without the numbers and an open door
        farewell = "danger" if stage in DANGER_STAGES else "helping" if kind == HELPING else "self"
        return stage, kind, [reply(f"talk.goodbye.{farewell}")]
    drinking = any(DRINKS.search(normalise(text)) or MEANS["alcohol"].search(normalise(text)) for text in texts)
    if kind != HELPING and SEDATED.search(words) and drinking:
        return stage, kind, [reply("talk.sedated")]  # "ya tome la de la noche y unos fernets, estoy medio mareado"
    if stage not in DANGER_STAGES and kind != HELPING and SHOULD_I_REACH.search(words):
        return stage, kind, [reply("talk.yes_reach")]
    if stage not in DANGER_STAGES and kind != HELPING and SOMEONE_COMING.search(words):
        return stage, kind, [reply("talk.someone_coming")]
    if stage in (IMMINENT, UNSAFE, EMERGENCY) and help_coming(message.text) and not topic:
        # not "call 911" to someone already on the line with them; after danger from someone, no paramedics
        return (
            stage,
            kind,
            [reply("talk.help_coming.danger" if stage == UNSAFE else "talk.help_coming")],
        )  # not "call 911" to someone already on the line with them
    return None


def _helping_steps(stage: str, kind: str, words: str) -> Turn | None:
    """What the person helping someone in an emergency asks: sleeping it off, poison control, the recovery position,
    a pill, the means near them, an adult, asking them, naloxone."""
    reply = model.Reply
    if stage == EMERGENCY and kind == "overdose" and SLEEP_IT_OFF.search(words):
        return stage, kind, [reply("talk.no_sleep_it_off.self")]
    if stage == EMERGENCY and kind in ("overdose", HELPING) and NURSE.search(words):
        return stage, kind, [reply("talk.poison_control")]
    if stage == EMERGENCY and kind == HELPING and SLEEP_IT_OFF.search(words):
        return stage, kind, [reply("talk.no_sleep_it_off")]
    if stage == EMERGENCY and kind == HELPING and ON_SIDE.search(words):
        return stage, kind, [reply("talk.helping.1")]
    if kind == HELPING and GIVE_PILL.search(words):
        return stage, kind, [reply("talk.give_pill")]
    if kind == HELPING and any(MEANS[name].search(words) for name in ("gun", "blade")):
        return stage, kind, [reply("talk.family.2")]  # "theres a shotgun in the garage": away from them, now
    if kind == HELPING and TELL_ADULT.search(words):
        return stage, kind, [reply("talk.tell_adult")]
    if stage == EMERGENCY and kind == HELPING and ASK_THEM.search(words):
        return stage, kind, [reply("talk.ask_them")]
    if stage == EMERGENCY and kind == HELPING and NALOXONE.search(words):
        return stage, kind, [reply("talk.naloxone")]
    return None


def _steps_and_answers(
    stage: str,
    kind: str,
    message: "Message",
    state: State,
    texts: list[str],
    words: str,
    topic: str | None,
    obstacle: str | None,
) -> Turn | None:
    """A step said, the answer to a topic question, a barrier, the answer to the conversation's own question."""
    reply = model.Reply
    if WILL_REACH.search(words) and not NOT_CALLING.search(words):
        return stage, kind, [reply("talk.will_reach")]  # "maybe ill text the 988 thing tomorrow": a step, said back
    if topic:
        return stage, kind, [reply(topic)]  # "can the doc even slow it down": the answer, in the conversation
    if REACHED_988.search(words) and not NOT_CALLING.search(words):
        return stage, kind, [reply("talk.reached_out")]
    if stage not in DANGER_STAGES and OWN_STEP.search(words):
        return stage, kind, [reply("talk.step_taken")]  # the person's own step toward safety, said back to them
    who = person.trusted_person([message.text]) if obstacle == "words" else ""
    friend = who or person.mentions_someone(message.text) or TO_SOMEONE.search(words)
    if obstacle == "words" and friend and kind != HELPING:  # "if i text my buddy what do i say": not 988's words
        return stage, kind, [reply("talk.words.friend", {"who": who}) if who else reply("talk.words.someone")]
    if obstacle and (stage not in QUESTIONS or answer(message.text) is None):
        return stage, kind, [reply(barrier_key(obstacle, stage, kind))]
    if stage == SAFE_Q or (stage == SAFE_NOW and danger_signs(message.text)):
        new_stage, replies = after_safety_question(message.text, state)
        return new_stage, kind, replies
    if stage in QUESTIONS:
        new_stage, replies = after_question(stage, message, state, texts)
        return new_stage, kind, replies
    if state.talk_last == OTHERS_ASK and (asked := after_others_question(message, state)):
        return asked
    return None
