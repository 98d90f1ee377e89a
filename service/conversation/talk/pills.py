"""What a text says about the pills: taken already, or not (yet); run out or stopped, which is withdrawal, whose danger
is seizures; extra taken with a drink; a question whether a drink goes with them; how much it would take, which is
method-seeking; a wish not to wake; and the body after them (sleepy with a drink, struggling to breathe).
"""

import re

from service.conversation.talk.patterns import signs
from service.keywords import normalise

# "havent taken them", "not yet": an overdose reply was about pills not taken. (Normalised text.)
NOT_TAKEN = signs(
    r"(?:havent|have not|hasnt|didnt|did not|never|not) (?:taken|took|take|swallowed) (?:them|em|those|any|it|anything"
    r"|nothing|the pills|extra)",
    r"not yet",
    r"(?:nothing|none) (?:taken|yet)",
    r"(?:nobody|no one|noone) (?:took|has taken|swallowed) (?:anything|nothing|any)",
    r"no (?:me )?tome nada",
    r"(?:no me las he|no me las|todavia no me las|aun no me las) (?:tomado|tome)",
    r"todavia no",
    r"aun no",
)
# Something was taken already: "i took them", "swallowed the bottle", "me las tome". (Normalised text.)
_TAKEN = signs(
    r"(?:i )?(?:took|taken|swallowed|downed|ate|popped) (?:them|em|it|all|the|a bunch|every|too many|\d+)",
    r"(?:me )?(?:tome|me tome|me las tome|me tome todas)",
)


def taken_already(texts: list[str]) -> bool:
    """Whether the texts say something was taken already ("i took them all"): an overdose, not a plan."""
    return any(_TAKEN.search(normalise(t)) for t in texts) and not any(NOT_TAKEN.search(normalise(t)) for t in texts)


_GOING_WITHOUT = signs(
    r"ran out",
    r"run out",
    r"out of (?:my |the |his |her )?(?:pills|meds|klonopin|kpins?|clonazepam|xanax|benzos|bars|rivotril)",
    r"(?:\d+|two|three|four|five|a few|couple|couple of) days? (?:without|off|no|sin)",
    r"without (?:my |the |his |her |any )?(?:pills|meds|klonopin|clonazepam|it|them|a dose|doses)",
    r"(?:off|stopped) (?:everything|it all|cold turkey)",
    r"cold turkey",
    r"cold off",
    r"se me (?:acabo|acabaron|terminaron)",
    r"(?:llevo|lleva|van) (?:\d+|dos|tres|cuatro|cinco|unos) dias sin",
    r"sin (?:mi |mis |la |las |el |su |sus )?(?:dosis|pastillas|rivotril|clonazepam|medicina|tomarla|tomarlas)",
)
"""Going without the medicine ("ran out 3 days ago", "llevo 2 dias sin mi dosis"): withdrawal, whose danger is
seizures, not too much taken."""


def going_without(text: str) -> bool:
    """Whether `text` says the medicine ran out or was stopped, and nothing was taken (the model reads an overdose
    into "ran out of my klonopin", from the pill words)."""
    words = normalise(text)
    return bool(_GOING_WITHOUT.search(words)) and not (_TAKEN.search(words) and not NOT_TAKEN.search(words))


_ASKS_IF_SAFE = signs(
    r"(?:can|could|should|do) (?:i|you|u|someone|people) (?:still )?(?:take|have|mix|drink)",
    r"(?:is it|its|is that) (?:ok|okay|safe|bad|dangerous)",
    r"se (?:puede|pueden) (?:tomar|mezclar)",
    r"(?:puedo|podria) (?:tomar|mezclar|tomarme)",
    r"(?:es|seria) (?:peligroso|malo)",
    r"hace mal",
)
DRINKS = signs(
    r"alcohol", r"drinks?", r"drinking", r"wine", r"beers?", r"liquor", r"vino", r"copas?", r"cervezas?", r"tragos?",
    r"fernets?", r"bourbons?", r"whiske?y", r"vodka", r"tequila", r"henny", r"white claws?", r"shots",
)  # fmt: skip
_EXTRA_TAKEN = signs(
    r"(?:took|taken|had|already did|did)(?: \w+){0,4} (?:extra|a few extra|a couple extra|more than)",
    r"(?:like |maybe )?(?:\d|four|five|six|seven|eight|ten)(?: maybe \d)? (?:of the|of my|klonopin|pills|bars|mg)",
    r"(?:me tome|tome)(?: \w+){0,3} (?:de mas|extra|mas de la cuenta)",
)


def extra_with_drink(text: str) -> bool:
    """Extra pills taken with a drink ("already did, like 5 maybe 6 of the 1mg. and a few beers"): an overdose
    risk the minimising words hide from the detector (POLICY.md F10: 911 or Poison Control)."""
    words = normalise(text)
    taken = _EXTRA_TAKEN.search(words) and not _ASKS_IF_SAFE.search(words) and not NOT_TAKEN.search(words)
    return bool(taken and DRINKS.search(words))


def asks_about_mixing(text: str) -> bool:
    """A question whether the medicine and a drink go together, nothing said to be taken: the answer about
    mixing, which names the danger, not the overdose reply the model reads into it."""
    words = normalise(text)
    grave = re.search(r"\b(?:die|dead|kill|end it|overdose|od|morir|matarme)\b", words)
    asked = _ASKS_IF_SAFE.search(words) and DRINKS.search(words) and not METHOD.search(words) and not grave
    return bool(asked) and not taken_already([text]) and not wish_not_to_wake(text)


METHOD = signs(
    r"how (?:many|much)",
    r"(?:what|whats the) (?:amount|number|dose)",
    r"(?:lethal|fatal|deadly) (?:dose|amount)",
    r"enough to (?:die|not wake|kill|never wake)",
    r"cuant(?:as|os|a|o)",
    r"dosis (?:letal|mortal)",
)
"""A question about how much it would take: method-seeking, asked about directly, not treated as an overdose."""
_NOT_WAKING_WISH = signs(
    r"(?:not|never) waking up (?:doesnt|wouldnt|would not|isnt|is not|sounds|dont)",
    r"(?:wouldnt|would not|dont|do not) mind (?:not|never) waking",
    r"hope i (?:dont|never|do not) wake",
    r"(?:wish|want) (?:i )?(?:could )?(?:not|never) (?:wake|to wake)",
    r"(?:ojala|quisiera) no despertar",
    r"(?:and|so i|so id) (?:not|never|dont|wont) wake(?: up)?",
    r"(?:went|go|going|fell) to sleep and (?:didnt|did not|never|dont|wouldnt) wake",
    r"if i (?:just )?(?:didnt|did not|never|dont|wouldnt) wake up",
    r"si (?:me )?(?:durmiera|duermo|dormiera) y no (?:despierto|despertara|despertaria)",
)


def wish_not_to_wake(text: str) -> bool:
    """A wish not to wake up, which the rules for someone who won't wake read as an emergency (POLICY.md K1)."""
    return bool(_NOT_WAKING_WISH.search(normalise(text)))


SEDATED = signs(
    r"mareado", r"mareada", r"dizzy", r"(?:room|everything) (?:is |kinda )?spinn?in", r"eyes (?:r|are) (?:so )?heavy",
    r"nodding off", r"(?:cant|can not) keep my eyes open", r"me estoy durmiendo", r"se me cierran los ojos",
)  # fmt: skip
"""Sleepy or dizzy after pills with a drink: breathing can slow (POLICY.md F10)."""
CANT_BREATHE = signs(r"(?:cant|cannot|can not|hard to|struggling to) breathe", r"not breathing", r"no puedo respirar")
"""Struggling to breathe: 911 now, never a question about what is happening."""
