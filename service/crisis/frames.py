"""Frames that hold a match back: questions, accidents, negation, a past and resolved event."""

from __future__ import annotations

import re

from service.crisis.harm_to_others import not_meant
from service.crisis.vocabulary import signals

# --- vetoes -----------------------------------------------------------------------------------------

# Informational medical questions ("can withdrawal cause chest pain") go to the topic replies.
_INFO_Q = re.compile(r"^(?:can|could|does|do|will|would|is|are|what|whats|why|how|when|should)\b")
_INFO_WORDS = re.compile(r"\b(?:cause|causes|normal|common|symptoms?|signs?|happen|mean|uses?|used|risk)\b")
# "what should i do if my mom gets confused": planning for it, not reporting it
_INFO_IF = re.compile(
    r"^(?:what (?:should|do|can|would) (?:i|we) do|how (?:do|can|would|will) (?:i|you|we) (?:know|tell)"
    r"|what happens) (?:if|when|in case)\b"
)
_INFO_TAIL = re.compile(r"\bis (?:that|this|it) (?:\w+ )?(?:normal|common|a symptom|withdrawal|from withdrawal)\b")
_HABITUAL = re.compile(
    r"\b(?:sometimes|when (?:im |i get )?(?:anxious|stressed|panicking|nervous)|when i panic|panic attacks?"
    r"|every time|usually|often)\b"
)
_URGENT = re.compile(
    r"\b(?:right now|now|currently|just|help|hes|shes|he is|she is|im having|seizing|convulsing|not breathing"
    r"|wont wake|unresponsive|unconscious|collapsed|blue|911)\b"
)
# Accidents are not self-harm, unless the text says it was deliberate.
_ACCIDENT = re.compile(
    r"\b(?:accident|accidentally|accidently|by mistake|cooking|shaving|shave|stove|oven|gym|lifting"
    r"|workout|working out|tripped|slipped|playing|practice|soccer|football|basketball|bike|at work|fell"
    r"|broken glass|fence|hiking|gardening)\b"
)
# Nail biting, itchy bites, and a pet's scratch are not self-harm either.
_NOT_SELF = re.compile(
    r"\b(?:bite|bit|bites|biting|chew\w*|pick\w*|scratch\w*) (?:at )?(?:my|his|her) (?:own )?(?:nails|fingernails"
    r"|cuticles|lips?|cheeks?|tongue|scabs?|pimples?|zits?)\b|\b(?:mosquito|bug|flea|spider|bed ?bug) bites?\b"
    r"|\b(?:itchy|itching|itches|itch|rash|eczema|hives|poison ivy)\b"
    r"|\b(?:cat|cats|kitten|kitty|dog|dogs|puppy|pup|hamster|bird|parrot|rabbit|bunny|ferret|horse|baby"
    r"|toddler|thorns?)(?: \w+)? (?:scratched|scratches|scratching|bit|bites|biting|clawed|claws|nipped)\b"
)
_DELIBERATE = re.compile(
    r"\b(?:on purpose|intentionally|deliberately|purposely|want to|going to|need to|urges?|deserve)\b"
)


# "what does blue lips mean with an overdose": asking what a sign means, about nobody in particular
_INFO_MEAN = re.compile(r"^(?:what|whats)(?: does| do| is| are)?(?: \w+){1,5}? (?:mean|means|look like|stand for)\b")
_SOMEONE_NOW = re.compile(
    r"\b(?:my|his|her|hes|shes|he is|she is|im|right now|now|currently|help|911|please|tonight)\b"
)


def vetoed(category: str, s: str) -> bool:
    if category == "medical":
        if _INFO_MEAN.search(s) and not _SOMEONE_NOW.search(s):
            return True
        if _URGENT.search(s):
            return False
        # "can withdrawal cause chest pain", "... when anxious, is that normal": asking, not happening now.
        return (
            bool(_INFO_Q.search(s) and _INFO_WORDS.search(s))
            or bool(_INFO_TAIL.search(s) and _HABITUAL.search(s))
            or bool(_INFO_IF.search(s))
        )
    if category == "self_harm":
        return bool((_ACCIDENT.search(s) or _NOT_SELF.search(s)) and not _DELIBERATE.search(s))
    if category == "harm_to_others":
        # a joke or a petty grievance; or the past, told as past ("when i was 15 i wanted to kill my stepdad")
        return not_meant(s) or bool(_PAST.search(s) and not _STILL.search(s))
    return False


# A past event happening again: "back in 2019 i overdosed and i just did it again", "used to cut, started
# again this week". Searched on the text before false friends blank the past event out.
RELAPSE = signals(
    r"\b(?:did it|doing it|done it|started|starting|happened|happening|at it|relapsed|having (?:another|one)"
    r"(?: one)?)(?: \w+)? again\b|\brelapsed\b|\bhaving another(?: one)? (?:now|right now|tonight)\b"
)
RELAPSE_OF: dict[str, re.Pattern[str]] = {
    cat: re.compile(p)
    for cat, p in {
        "overdose": r"\b(?:overdos\w*|od|odd|oded|od d)\b",
        "medical": r"\b(?:seizures?|siezures?|fits?|convulsions?)\b",
        "suicide": r"\b(?:tried to kill (?:myself|himself|herself)|attempted|suicid\w*|tried to end (?:it|my life))\b",
        "self_harm": r"\b(?:cutting|cut (?:myself|my \w+)|self harm\w*|sh|hurt(?:ing)? myself|burn(?:ed|ing)? myself)\b"
        r"|\bto cut(?= and| but|$)",
        "violence": r"\b(?:hit|hits|beat|beats|choked|chokes|abused|abuses|hurt|hurts) (?:me|us)\b",
        "harm_to_others": r"\b(?:kill|killing|hurt|hurting|stab|stabbing|shoot|shooting|strangle|choke|beat|beating)"
        r" (?:him|her|them|someone|somebody|my \w+)\b",
    }.items()
}

# frames that hold the net back
NEGATED = re.compile(
    r"\b(?:not|never|dont|didnt|doesnt|wont|isnt|wasnt|havent|hasnt|no longer|stopped|quit)"
    r"(?: (?:really|even|actually|ever|been|be|going to|have|had))* ?$"
)
_PAST = re.compile(
    r"\b(?:years? ago|months ago|(?:back )?in (?:19|20)\d\d|as a (?:kid|child|teen|teenager)|in (?:high school"
    r"|college|middle school)|when (?:i|we|he|she) (?:was|were) (?:younger|young|little|kids?|a kid|a teen\w*|\d+)"
    r"|used to|last year|a while back|in the past|long time ago)\b"
)
_RESOLVED = re.compile(
    r"\b(?:fine|ok|okay|good|great|well|alright|safe|better|healthy|stable) now\b|\bdoing (?:fine|ok|okay|good"
    r"|great|well|better|alright)\b|\b(?:clean|sober) (?:for|since|\d+)\b|\b(?:been|im|stayed) (?:clean|sober)\b"
    r"|\b(?:\w+ )(?:yrs|years?|months?) (?:clean|sober)\b|\bnot anymore\b|\bno longer\b|\bbehind me\b"
    r"|\bout of my life\b|\ba (?:much )?better place\b|\brecovered\b|\bnone since\b|\bhavent since\b"
    r"|\b(?:im|i am|feel|feeling|were|shes|hes|theyre|and)(?: \w+)? (?:fine|ok|okay|good|great|alright|safe)$"
    r"|\bold scars\b|\bscars\b(?: \w+){0,4}? from\b"
    r"|\bwhen (?:we|i) (?:was|were) (?:kids?|little|young|a kid|younger|a teen\w*)\b"
    r"|\bnever again\b|\b(?:going|doing it|taking it) (?:slow|slower) this time\b"
)
# anything that puts the crisis in the present again
_STILL = re.compile(
    r"\b(?:right now|tonight|today|(?<!never )again|just now|currently|this (?:morning|evening|week)|still"
    r"|want to|wanna|going to|gonna|planning|help|please|scared|cant stop|started|relapsed|now i|but now|and now)\b"
    r"|\bjust\b(?! (?:wanted|want|thought|saying|to say|checking|letting|a|so)\b)"
    r"|\bthinking (?:about|of) (?:it|doing|dying|ending|killing|suicide|cutting|hurting)\b"
)


def resolved_past(s: str) -> bool:
    """A clearly past and resolved event: "back in 2019 i overdosed but ive been clean 5 yrs"."""
    return bool(_PAST.search(s) and _RESOLVED.search(s) and not _STILL.search(s))


_INFO_NET = re.compile(
    r"\b(?:look like|looks like|signs?|symptoms?|normal|cause|causes|mean|common|happen|risk|safe|dangerous"
    r"|how long|only for|about)\b"
)


# a pet, not a person: "my dog is throwing up blood"
_PET = re.compile(
    r"\b(?:my|our|the) (?:dog|cat|puppy|kitten|pet|bird|hamster|rabbit|bunny|horse|parrot)s? (?:is|has|had|was"
    r"|keeps|just)\b"
)


def net_vetoed(category: str, s: str) -> bool:
    if _PAST.search(s) and not _STILL.search(s):
        return True  # the net is broad, so a past marker alone holds it back
    if category == "overdose":
        return False  # asking how much would kill is the crisis itself
    if category == "medical" and _PET.search(s):
        return True
    if _INFO_Q.search(s) and _INFO_NET.search(s) and not _URGENT.search(s):
        return True
    return vetoed(category, s)
