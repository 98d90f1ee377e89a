"""Whether risk is imminent (messages/POLICY.md C10): a plan, intent or means, and in the answer to a question a time
within the next day, read erring toward risk; a denial of plan or intent, or someone else's plan, is not one. And the
replies for it: 911 or the ER now, and distance from the means named.
"""

import re
from typing import TYPE_CHECKING

from service.conversation import model
from service.conversation.talk.answers import DENIAL
from service.conversation.talk.means import MEANS, means_named
from service.conversation.talk.patterns import signs
from service.conversation.talk.pills import going_without
from service.keywords import normalise

if TYPE_CHECKING:
    from service.conversation.model import Reply

_SOON = signs(
    r"tonight",
    r"tonite",
    r"2nite",
    r"today",
    r"esta noche",
    r"hoy",
    r"en la noche",
    r"ahorita",
    r"ahora mismo",
    r"right now",
    r"this (?:morning|afternoon|evening|weekend|week)",
    r"tomorrow",
    r"tmrw?",
    r"tmr",
    r"soon",
    r"in (?:a|an|\d+|a few) (?:minutes?|hours?)",
    r"after (?:everyone|they|she|he|my \w+) (?:leaves?|goes?|sleeps?|is gone)",
    r"(?:roommate|roomie|wife|husband|partner|everyone|family|mom|dad|parents) (?:leaves?|is gone|goes away|leave)",
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
)
_NOT_SOON = re.compile(
    r"\bnot (?:today|tonight|right now|now|soon|this week)\b"
    # a day gone by is not a time to act: "havent slept since sunday"
    r"|\b(?:since|last|desde el) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles"
    r"|jueves|viernes|sabado|domingo|today|this morning)\b"
)
# "no plan", "im not gonna do anything tonight": a denial of plan or intent (VERA-MH Q11), which a named means or a
# time in the same text does not overturn (messages/POLICY.md C10: imminent is a plan and intent for the next day).
NO_INTENT = signs(
    r"no plan",
    r"plan no\b",
    r"(?:esta noche|hoy)(?: no se)?,? no creo",
    r"no creo que (?:lo haga|haga nada|vaya a hacer)",
    r"(?:its|it is|thats|this is) not an emergency",
    r"(?:dont|do not|didnt|dont really) have (?:a|any) plan",
    r"(?:not|never|wont be|aint) (?:doing|do) (?:anything|nothing|it|that)",
    r"(?:its|it is|thats|that is) not (?:for )?(?:tonight|today|now|soon)",
    r"no (?:las|los|la|lo|me las|me los) (?:voy|pienso) a tomar",
    r"no (?:pensaba|pienso|voy a) usar nada",
    r"no (?:pienso|voy a) hacer (?:nada|eso)",
    r"(?:not|never) (?:gonna|going to|planning to|planning on) (?:do|act on|try) (?:anything|it|that)",
    r"(?:wont|will not|would never|never) (?:do|act on|try) (?:anything|it|that)",
    r"no (?:voy|pienso) a hacer(?:lo| nada)",
    r"no tengo (?:un |ningun )?plan",
)
_PLAN = signs(
    r"(?:a|my|the) plan",
    r"planned",
    r"planning",
    r"decided",
    r"(?:im|i am) ready",
    r"(?:going to|gonna) do it",
    r"(?:going to|gonna) take (?:them|it|every ?thing) all",
    r"(?:want|wanna|going|gonna) (?:to )?take (?:some|them|em|more|all|the rest|a bunch)(?: \w+)?"
    r" (?:rn|right now|now|tonight)",
    r"(?:pienso|voy a) (?:hacerlo|tomarmelas|tomarmelos|matarme|quitarme la vida)",
    r"quiero (?:hacerlo|tomarmelas|tomarmelos)",  # "quiero matarme" is "i want to kill myself": asked, not imminent
    r"wrote (?:a|the|my) (?:note|letters?)",
    r"(?:been )?(?:saving|saved|stockpiling|hoarding) (?:them|em|it|pills|up)",
    r"(?:got|have|saved|stashed)(?: like| about| around| maybe)? \d+ (?:saved|stashed|pills|of them|klonopin|kpins)",
    r"\d+ (?:saved|stashed)",
    r"(?:\d+|two|three|a few|couple) (?:months?|weeks?) (?:worth|of (?:pills|them))",
    r"got enough",
    r"(?:note|letters?) (?:is|are) (?:written|ready)",
    # an end with a time, which is intent and timing in one: "wont matter after tonight", "wont be here tomorrow"
    r"(?:wont|will not|not gonna|not going to) (?:matter|be (?:here|around|alive))"
    r" (?:after |by |past )?(?:tonight|tomorrow)",
    r"(?:after|past) tonight (?:it )?(?:wont|will not|doesnt|dont)",
    r"(?:ya )?no (?:va a )?importar (?:despues de|manana|mas alla de) ?(?:esta noche|hoy|manana)?",
    r"(?:manana|despues de hoy) ya no (?:voy a )?(?:estar|existir)",
)
_NEGATED_PLAN = re.compile(
    r"\b(?:i )?(?:dont|do not|didnt|dont really) have (?:a|any) plan\b|\bno (?:real )?plan\b|\bplan no\b"
    r"|\bno tengo (?:un |ningun )?plan\b"
)
"""A plan denied ("i dont have a plan"), taken out before looking for one: "a plan" in it is not a plan."""
_THEIR_PLAN = re.compile(r"\b(?:he|she|they|hes|shes|my ex|him|her) (?:has|have|had|got|s got) (?:a |the )?plan\b")
"""Someone else's plan ("HE has a plan"): danger from them, not the texter's plan."""


def imminent(texts: list[str], timing: bool = True, means: bool = True) -> bool:
    """A plan, intent or means (and with `timing`, a time within the next day) in any of `texts`, erring toward
    risk as messages/POLICY.md C9 asks. Timing counts only in the answer to a question: later, "today" is small talk.
    Without `means`, a named means does not count (the pills an overdose reply was about)."""
    for text in texts:
        words = _THEIR_PLAN.sub("", _NOT_SOON.sub("", normalise(text)))
        planned = _PLAN.search(_NEGATED_PLAN.sub("", words))  # "i dont have a plan" names no plan
        if (NO_INTENT.search(words) or DENIAL.search(words)) and not planned:
            continue  # "I SAID NO. im not suicidal. my son pulled a knife on me": a denial, not the means
        means_here = means and not going_without(text) and any(p.search(words) for p in MEANS.values())
        if (timing and _SOON.search(words)) or planned or means_here:
            return True
    return False


def imminent_replies(texts: list[str]) -> list["Reply"]:
    """911 or the ER now, and distance from the means they named."""
    reply = model.Reply
    return [reply("talk.imminent"), reply(f"talk.means.{means_named(texts)}")]
