"""A new risk said inside a conversation, which changes it whatever the stage: a plan said in answer to the questions,
an emergency the rules name, thoughts of suicide in an emergency, danger from someone, an urge to hurt someone, a
correction of what the line read. Checked before any other answer, so a disclosure never gets a reply meant for
something else.
"""

from typing import TYPE_CHECKING

from service import crisis
from service.conversation import model
from service.conversation.talk.answers import DENIAL
from service.conversation.talk.asks import WITHDRAWAL_Q
from service.conversation.talk.barriers import barrier
from service.conversation.talk.bystander import SLOW_BREATHING
from service.conversation.talk.corrections import CORRECTION, ITS_ME, JOKE, NOT_ME, corrected
from service.conversation.talk.danger import (
    NOBODY_HURTING,
    STRONG_DANGER,
    WEAK_DANGER,
    danger_signs,
    scolding,
    someone_dangerous,
    threatens,
    weight,
)
from service.conversation.talk.imminent import NO_INTENT, imminent, imminent_replies
from service.conversation.talk.means import MEANS, about_pills, means_named
from service.conversation.talk.model import Turn
from service.conversation.talk.patterns import signs
from service.conversation.talk.pills import METHOD, NOT_TAKEN, going_without, taken_already
from service.conversation.talk.questions import OTHERS_ASK, ask_safe, reach
from service.conversation.talk.reaching import help_coming
from service.conversation.talk.stages import (
    ASK,
    CHECKING,
    DANGER_STAGES,
    EMERGENCIES,
    EMERGENCY,
    ENDED,
    HELPING,
    IMMINENT,
    PLAN,
    POISONINGS,
    SAFE_Q,
    THOUGHTS,
    UNSAFE,
)
from service.conversation.talk.window import suicidal
from service.crisis import medical, person
from service.keywords import normalise

if TYPE_CHECKING:
    from service.conversation.model import Message

_OWN_DESPAIR = signs(
    r"(?:wish|quisiera|want to|wanna|quiero) (?:i (?:was|were) dead|die|disappear|not wake|dormirme|morir|desaparecer)",
    r"(?:better|mejor) (?:off )?(?:without|sin) (?:me|mi)",
    r"(?:im|i am|estoy) (?:so )?(?:tired of|done with|cansad[ao] de|hart[ao] de)",
    r"no quiero (?:vivir|seguir|estar aqui|despertar)",
    r"(?:dont|do not) want to (?:live|be here|wake up|go on)",
)
"""A helper's despair about themselves, which the model's reading of suicide may then be trusted on."""
_WHEN_IT_HAPPENS = signs(
    r"(?:when|whenever|cuando) (?:he|she|they|i|el|ella) (?:\w+ )?(?:cant|cannot|can not|no puede)"
)
"""An emergency said as a condition ("his morphine for when he cant breathe"), not one happening now."""


def switch(stage: str, kind: str, message: "Message", texts: list[str]) -> Turn | None:
    """A new risk said inside a conversation, which changes it whatever the stage: a plan said in answer to the
    questions, an emergency the rules name, suicidal thoughts said in an emergency, danger from someone, an urge to
    hurt someone. Checked before any other answer, so a disclosure never gets a reply meant for something else."""
    words = normalise(message.text)
    denied = bool(DENIAL.search(words))  # "nobody is hurting me. no thoughts of hurting myself": believed throughout
    for rules in (_whose_risk, _own_danger, _in_the_questions, _new_emergency):
        turn = rules(stage, kind, message, texts, words, denied)
        if turn:
            return turn
    return None


def _whose_risk(stage: str, kind: str, message: "Message", texts: list[str], words: str, denied: bool) -> Turn | None:
    """Whose risk it is, corrected: the helper's own after all, someone else's, no emergency, withdrawal."""
    reply, category = model.Reply, message.crisis or ""
    corrects = CORRECTION.search(words) or ITS_ME.search(words) or NOT_TAKEN.search(words)
    if kind == HELPING and ITS_ME.search(words):
        return corrected(HELPING, message.text, texts)  # "theres no them. its ME": their own risk after all
    own = not person.mentions_someone(message.text) and _OWN_DESPAIR.search(words)
    if kind == HELPING and category in ("suicide", "self_harm") and (message.sure or own) and not message.bystander:
        # "a veces quisiera dormirme y ya no despertar": the helper's own thoughts, said of themselves (the model
        # alone counts only then: it reads a helper's fear for someone as suicide too)
        return (PLAN, category, [reply("talk.ask_plan")]) if message.sure else (ASK, category, [reply("talk.ask")])
    if kind != HELPING and (NOT_ME.search(words) or (message.bystander and message.sure)):
        # "not me, my MOM": someone else is at risk, and the texter is helping (the helper's reply, then theirs). The
        # risk is the one the conversation is about unless the rules name another ("not me. HIM. my son said it"
        # reads as violence to the model alone).
        named = category if message.sure else kind if kind in crisis.CATEGORIES else "suicide"
        return EMERGENCY, HELPING, [reply(model.crisis_key(named, True, message.text))]
    if stage == EMERGENCY and kind != HELPING and corrects and not taken_already([message.text]):
        # "im not having a seizure", "nothing taken": the emergency named in a correction is not one
        return corrected(kind, message.text, texts)
    thoughts_named = message.sure and category in ("suicide", "self_harm")
    if (
        stage == EMERGENCY
        and kind in (CHECKING, "medical", HELPING)
        and going_without(message.text)
        and not thoughts_named
    ):
        # "he didnt TAKE anything. he RAN OUT": withdrawal, whose danger is seizures (unless the rules name more)
        return EMERGENCY, CHECKING if kind != HELPING else kind, [reply("talk.withdrawal")]
    return None


def _own_danger(stage: str, kind: str, message: "Message", texts: list[str], words: str, denied: bool) -> Turn | None:
    """The person's own danger said inside one from someone, or the reverse; a plan stood down; a method sought;
    a threat to someone; a joke believed."""
    reply, category = model.Reply, message.crisis or ""
    stands_down = (NO_INTENT.search(words) or denied) and not imminent([message.text], means=False)
    if stage == IMMINENT and kind != HELPING and stands_down:
        # "not doing anything tonight but sleep", "its not tonight anyway": believed; thoughts with the means near,
        # not 911 again and again (VERA-MH Q25)
        means = means_named(texts)
        return (
            THOUGHTS,
            kind,
            [reply("talk.not_tonight"), reply(f"talk.means.{means}") if means != "any" else reach(texts)],
        )
    mine = NOBODY_HURTING.search(words) and ITS_ME.search(words) and not danger_signs(message.text)
    if stage in DANGER_STAGES and kind != HELPING and mine:
        # "nobody is hurting me. its ME. i have the bottle and i want to take some rn": the risk is their own
        if imminent([message.text]):
            return IMMINENT, "suicide", imminent_replies(texts)
        return (PLAN, "suicide", [reply("talk.ask_plan")]) if suicidal(texts) else (ASK, "suicide", [reply("talk.ask")])
    if METHOD.search(words) and kind != HELPING and stage not in (ASK, IMMINENT) and about_pills(words):
        # "how many would be too many tho. just so i know": method-seeking inside a conversation (POLICY.md K1)
        return ASK, "suicide", [reply("talk.ask")]
    if stage in DANGER_STAGES and kind != HELPING and not danger_signs(message.text) and not denied:
        # a drink named is not a means said of themselves ("i cant drive there ive been drinking. whatever")
        has_means = any(pattern.search(words) for name, pattern in MEANS.items() if name != "alcohol")
        thoughts_said = category in ("suicide", "self_harm") and (
            message.sure or has_means or _OWN_DESPAIR.search(words)
        )
        if (ITS_ME.search(words) or thoughts_said) and suicidal(texts):
            # "not doing another week of this. i got my dads gun", "nobody is hurting me. im the one w the gun": the
            # danger is to themselves, and the means are what to talk about (VERA-MH Q23), not a room that locks
            if imminent(texts):
                return IMMINENT, "suicide", imminent_replies(texts)
            return PLAN, "suicide", [reply("talk.ask_plan")]
    if threatens(message.text) and kind not in (HELPING, "harm_to_others"):
        # they are the danger, not in it: the harm-to-others reply and the question about them and about themselves
        return EMERGENCY, "harm_to_others", [reply(model.crisis_key("harm_to_others")), reply(OTHERS_ASK)]
    if (
        stage not in DANGER_STAGES
        and kind != HELPING
        and not NOBODY_HURTING.search(words)
        and not scolding(message.text)
        and someone_dangerous(message.text)
        and (danger_signs(message.text) or (category and weight(message.text, STRONG_DANGER, WEAK_DANGER)))
    ):
        # Signs of a dangerous person outrank the means or words in the same text ("he took my pills before").
        return (UNSAFE, "violence", [reply("talk.unsafe")]) if danger_signs(message.text) else ask_safe()
    if stage in (ASK, SAFE_Q) and JOKE.search(words) and not message.sure:
        return ENDED, kind, [reply("talk.misread")]  # "kill me now 💀 ... its just an expression": believed
    return None


def _in_the_questions(
    stage: str, kind: str, message: "Message", texts: list[str], words: str, denied: bool
) -> Turn | None:
    """Inside the questions about suicide: means not named before, a plan or a time, an emergency the rules read
    into the person's own wish."""
    reply, category = model.Reply, message.crisis or ""
    talking = stage in (ASK, PLAN, THOUGHTS, IMMINENT)
    negated = bool(denied or NO_INTENT.search(words))  # "no las voy a tomar todas": the rules' overdose, denied
    # After the questions, a time or the means already named is not news; a plan is, and so is means not named
    # before ("i got my dads gun ... tonight").
    new_means = next((name for name, pattern in MEANS.items() if pattern.search(words)), "any")
    before = means_named(texts[:-1])  # "alcohol" there is pills and a drink: pills are not news
    news = new_means not in ("any", before, "pills" if before == "alcohol" else "") and not going_without(message.text)
    # "is this the pills doing this to my head" is a question; "cops at the door of a drunk vet w guns" a barrier
    news = news and not WITHDRAWAL_Q.search(words) and not barrier(message.text)
    asked = (stage != THOUGHTS or news) and not going_without(message.text)
    if stage == IMMINENT and news:
        # means not named before ("i got my dads gun"): distance from those, said now (VERA-MH Q23)
        return IMMINENT, kind, [reply("talk.heard"), reply(f"talk.means.{new_means}")]
    if stage in (ASK, PLAN, THOUGHTS) and imminent([message.text], asked, asked) and not taken_already([message.text]):
        return IMMINENT, kind, imminent_replies(texts)  # "been saving them, got enough" answers the question
    if (
        talking
        and category in EMERGENCIES
        and not taken_already([message.text])
        and not person.someone_in_trouble(message.text)
        and message.sure  # the model alone reads an emergency into fear ("will they send cops, with the baby here")
        and not negated
    ):
        # The rules read an overdose or someone unresponsive into "got enough, done w this" or "not waking up":
        # inside the questions about suicide that is the person's own wish, not a body to treat.
        return (stage, kind, [reply("talk.heard")]) if stage == IMMINENT else (IMMINENT, kind, imminent_replies(texts))
    return None


def _new_emergency(
    stage: str, kind: str, message: "Message", texts: list[str], words: str, denied: bool
) -> Turn | None:
    """A new emergency, thoughts of suicide said plainly, danger from someone, or an urge to hurt someone, changing
    the conversation."""
    reply, category = model.Reply, message.crisis or ""
    negated = bool(
        denied or NO_INTENT.search(words) or _WHEN_IT_HAPPENS.search(words)
    )  # "he needs it when he cant breathe": not happening now
    if category in EMERGENCIES and message.sure and (stage != EMERGENCY or kind == CHECKING) and not negated:
        return EMERGENCY, category, [reply(model.crisis_key(category, text=message.text))]
    new_poisoning = kind == HELPING and category in ("overdose", "medical") and message.sure
    if new_poisoning and not any(crisis.classify(text) in POISONINGS for text in texts[:-1]):  # model only then
        # "creo q ya se las tomo": someone else's thoughts of suicide become an overdose: 911 now for them
        return EMERGENCY, kind, [reply(model.crisis_key(category, True, message.text))]
    worse = medical.unresponsive(message.text) or SLOW_BREATHING.search(words)
    if kind == HELPING and worse and not help_coming(message.text):
        return EMERGENCY, kind, [reply("crisis.unresponsive")]  # worse now: "7 breaths a minute", "hes blue"
    thoughts = category in ("suicide", "self_harm")
    if thoughts and message.sure and stage == IMMINENT and kind != HELPING:
        return IMMINENT, kind, [reply("talk.heard")]  # said again, plainly: heard, not a rotation
    # The model alone reads suicide into a helper's fear or a threat's anger: there only the rules' word counts.
    bodily = kind in ("medical", "overdose", CHECKING) or stage == SAFE_Q
    if (
        thoughts
        and kind != HELPING
        and stage in (EMERGENCY, *DANGER_STAGES)
        and (message.sure or bodily)
        and not denied
    ):
        # Thoughts of suicide said in an emergency or in danger: the questions, or 911 now with a plan or a time.
        if imminent([message.text], means=False):
            return IMMINENT, category, imminent_replies(texts)
        return (PLAN, category, [reply("talk.ask_plan")]) if message.sure else (ASK, category, [reply("talk.ask")])
    nobody = NOBODY_HURTING.search(words)  # "DOMESTIC VIOLENCE?? nobody is hurting me": the rules' word, denied
    if stage not in DANGER_STAGES and kind != HELPING and category == "violence" and message.sure and not nobody:
        return ask_safe()
    # A model-only urge to hurt someone changes only a conversation about a body (the model reads distress at a
    # person's own risk, or at a helper's fear, as one); an urge the rules name changes any.
    others = message.sure or kind in ("medical", "overdose", CHECKING)
    if category == "harm_to_others" and kind != category and others and not message.bystander:
        return EMERGENCY, category, [reply(model.crisis_key(category))]
    return None
