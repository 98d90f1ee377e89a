"""Whose risk it is, and the line's reading corrected: the texter's own after all ("its just me"), someone else's ("not
me, my MOM"), a question asked for a friend (the texter's own, projected), an idiom explained, an emergency named that
is not happening; and where the conversation goes then, or whether it ends as a misreading.
"""

from datetime import datetime
from typing import TYPE_CHECKING

from service.conversation import model
from service.conversation.model import State
from service.conversation.talk.imminent import imminent, imminent_replies
from service.conversation.talk.means import means_named
from service.conversation.talk.model import Turn
from service.conversation.talk.patterns import signs
from service.conversation.talk.pills import NOT_TAKEN, going_without
from service.conversation.talk.stages import ASK, CHECKING, EMERGENCY, ENDED, IMMINENT, MISREAD_FOR, PLAN
from service.conversation.talk.window import suicidal
from service.keywords import normalise

if TYPE_CHECKING:
    from service.conversation.model import Message

# "its just me", "there is no them", "nobody took anything": the texter says the emergency read into their words is
# not what is happening (the detector can read "im shaking" or "4 or 5 a day" as one). English and Spanish.
CORRECTION = signs(  # with ITS_ME: the emergency named is not what is happening
    r"(?:just|only) (?:an? )?(?:expression|saying|figure of speech)",
    r"(?:like|as) (?:my )?(?:dr|doc|doctor|prescriber) (?:said|told me|prescribed|says)",
    r"as prescribed",
    r"(?:theres|there is|there are) no (?:someone|person|paramedics)",
    r"(?:not|never) (?:having|had) a seizure",
    r"no seizure",
    r"(?:nobody|no one|noone) (?:else|took|is hurt)",
    r"(?:nothing|none) (?:taken|happened)",
    r"(?:its|it is|thats) not (?:about|that|what)",
    r"(?:i )?(?:didnt|did not|havent|have not) (?:take|taken|took) (?:anything|nothing|any|extra)",
    r"no (?:es|era) eso",
    r"no (?:me )?tome nada",
)
ITS_ME = signs(
    r"(?:its|it is|its just|just|only) me",
    r"what if (?:it )?(?:was|is|were) (?:me|for me)",
    r"si (?:fuera|soy|es) yo",
    r"(?:theres|there is|there are) no (?:them|they|one else|other person)",
    r"who is (?:them|they)",
    r"(?:im|i am) the one",
    r"soy yo",
    r"es para mi",
    r"no hay (?:ninguna |otra )?persona",
)
"""A helper's correction that the emergency is their own after all."""
# "not me, my MOM", "im not the one with the pills": the texter is helping someone else. (Normalised text.)
NOT_ME = signs(
    r"not me",
    r"(?:im|i am) not the one (?:who|that) (?:took|is sick|overdosed|is hurt|needs help)",
    r"(?:its|it is|this is) (?:about )?my (?:mom|mother|dad|father|son|daughter|sister|brother|wife|husband|friend"
    r"|partner|boyfriend|girlfriend)",
    r"no soy yo",
    r"no es (?:para|por) mi",
    r"(?:no yo no|yo no)[.! ]*(?:es|era) (?:ella|el|mi)",
    r"es (?:sobre )?mi (?:mama|madre|papa|padre|hijo|hija|hermana|hermano|esposa|esposo|amiga|amigo)",
)


def not_the_texter(text: str) -> bool:
    """Whether the texter says outright that the risk is someone else's ("no es para mi es mi amiga", "not me, my
    MOM")."""
    return bool(NOT_ME.search(normalise(text)))


_FOR_A_FRIEND = signs(
    r"(?:asking|ask) for (?:a|my) (?:friend|buddy|cousin|someone)",
    r"hypothetically",
    r"(?:pregunto|pregunta|es) (?:por|para) (?:un|una) (?:amig[ao]|conocid[ao])",
)


def for_a_friend(text: str) -> bool:
    """A question put as someone else's ("asking for a friend"): counted as the texter's own (VERA-MH Q4)."""
    return bool(_FOR_A_FRIEND.search(normalise(text)))


JOKE = signs(
    r"(?:just|only) (?:an? )?(?:expression|saying|figure of speech)",
    r"(?:just|only) (?:a )?jok(?:e|ing)",
    r"(?:im|i was) (?:just )?(?:kidding|joking)",
    r"es un decir",
    r"(?:es|era) (?:una )?broma(?! (?:\.{3} )?mas o menos)",
    r"no (?:es|era) en serio",
)
"""An idiom explained ("its just an expression 😂"): after the indirect question, the line misread them."""


def corrected(kind: str, text: str, texts: list[str]) -> Turn:
    """The texter says the emergency is not what is happening ("its just me", "nothing taken yet"). Pills not taken
    with a plan or a time said are imminent; with an overdose read into them or thoughts of suicide in their texts,
    they are thoughts with the means near (distance from them, someone to reach); otherwise the line misread them,
    says so, and the conversation ends (for MISREAD_FOR a model-only reading of the same emergency does not reopen
    it)."""
    reply = model.Reply
    if imminent([text], means=False) or imminent(texts, timing=False, means=False):
        return IMMINENT, "suicide", imminent_replies(texts)
    if suicidal(texts):  # "its just me. i want to not wake up": the person's own risk, told plainly now
        near = [reply(f"talk.means.{means_named(texts)}")] if NOT_TAKEN.search(normalise(text)) else []
        return PLAN, "suicide", [*near, reply("talk.ask_plan")]  # pills not taken: away from them, then the question
    if NOT_TAKEN.search(normalise(text)) and kind == "overdose":
        # "didnt take anything. yet": the means at hand and no word on why; the direct question (VERA-MH Q8)
        return ASK, "suicide", [reply(f"talk.means.{means_named(texts)}"), reply("talk.ask")]
    if kind == CHECKING and any(going_without(t) for t in texts):
        return EMERGENCY, CHECKING, [reply("talk.withdrawal")]  # "no seizure, he ran out": withdrawal is still a risk
    return ENDED, kind, [reply("talk.misread")]


def misread_again(message: "Message", state: State, now: datetime) -> bool:
    """Whether the model alone reads again an overdose or medical emergency the texter said, in the last MISREAD_FOR,
    the line misread (the conversation ended then, keeping its kind)."""
    bodily, recent = ("medical", "overdose", CHECKING), now.timestamp() - state.talk_at < MISREAD_FOR.total_seconds()
    misread = not state.talk and state.talk_kind in bodily and recent
    return misread and message.crisis in bodily and not message.sure
