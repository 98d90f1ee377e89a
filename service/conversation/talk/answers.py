"""How an answer to the line's direct question is read: a yes (unsure counts as yes, erring toward risk), a clear no,
a plain denial said anywhere in the text, and a hedged no, which is not one (messages/POLICY.md C9, C10; VERA-MH).
"""

import re

from service.conversation.talk.patterns import signs
from service.keywords import normalise

# How an answer starts, on normalised text: a no, unsure (which counts as yes), a yes.
NO = re.compile(
    r"^(?:no|nope|nah|never|not at all|not suicidal|(?:im|i am) not|(?:im|i am) (?:ok|okay|fine|good|alright))\b"
)
UNSURE = re.compile(
    r"^(?:idk|i dont know|dunno|not sure|not really|maybe|i guess"
    r"|no se|nose|no lo se|ni se|tal vez|quizas?|a lo mejor|a veces|creo que si|mas o menos)\b"
)
_YES = re.compile(
    r"^(?:yes|yeah|yea|ya|yep|yup|y$|si|kinda|kind of|sort of|sometimes|a little|a bit|i think so|probably|always"
    r"|all the time|every day|constantly|i am|i have|i do|honestly|ive been|been thinking|of course|obviously)\b"
)
_HEDGED = signs(
    r"but", r"bueno", r"pero", r"i mean", r"sometimes", r"a veces", r"not like (?:doing|i would|id)",
    r"whats the point", r"ya no puedo", r"i dont know", r"idk", r"no se", r"kind of", r"maybe",
)  # fmt: skip
_NOT_YET = signs(r"yet", r"todavia", r"aun no")
_INTERJECTION = re.compile(r"^(?:(?:what|omg|wait|huh|lol|um+|uh+|bro|ugh|wtf|wow|god|oh|ok|okay)\b\W*)+")
DENIAL = signs(
    r"(?:im|i am) not like that",
    r"not suicidal",
    r"no suicid\w* (?:thoughts|ideas)",
    r"(?:im|i am) not (?:gonna|going to|trying to) (?:hurt|kill) myself",
    # the fear of dying is not a wish to die: "im scared im DYING", "i think im having a heart attack"
    r"(?:scared|afraid|terrified) (?:of dying|im dying|i am dying|(?:im|i am|i) (?:going to|gonna) die)",
    r"no (?:thoughts|plans?) (?:of|about) (?:hurting|killing|harming) (?:myself|me)",
    r"(?:dont|do not) have (?:any )?(?:suicidal )?thoughts",
    r"no tengo (?:esos )?pensamientos",
    r"no thoughts",
    r"not (?:thinking|thought) (?:about|of) (?:suicide|killing myself|it)",
    r"(?:dont|do not) want to die",
    r"no (?:estoy pensando en|pienso en) (?:el )?suicidio",
    r"no quiero (?:matarme|morir|suicidarme)",
    r"no me quiero (?:matar|morir|suicidar)",
    r"^no\W+not like that",
    r"why (?:the hell |tf )?(?:would|did) (?:u|you) (?:jump to|ask|think|say|go to) (?:that|this|suicide)",
    r"(?:por que|porque|xq) (?:me )?(?:preguntas|dices) eso",
)
"""A plain denial said anywhere in an answer ("what?? no im not suicidal"), believed (VERA-MH; POLICY.md C10)."""


def answer(text: str) -> bool | None:
    """A yes (unsure counts as yes: messages/POLICY.md C9 errs toward risk), a clear no, or None."""
    words = _INTERJECTION.sub("", normalise(text))  # "what?? no", "omg NO": the answer after the outburst
    if DENIAL.search(words):
        return False
    if _NOT_YET.search(words):
        return True  # "no sir i aint took nothing yet": not a no (C9 errs toward risk)
    if UNSURE.match(words):  # before the no: "no se" (I don't know) is not a no
        return True
    if NO.match(words):
        return False
    return True if _YES.match(words) else None


def thoughts_answer(text: str) -> bool | None:
    """The answer to "are you thinking about suicide?": a hedged no ("no. bueno... not like doing something. i just
    think whats the point") is not a no (messages/POLICY.md C9 errs toward risk); a plain denial stays one."""
    said = answer(text)
    words = normalise(text)
    return True if said is False and _HEDGED.search(words) and not DENIAL.search(words) else said
