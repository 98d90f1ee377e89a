"""Reading check-in answers: a 1-5 mood ("3", "3/5", "good", "not great", "más o menos") and a yes/no ("y", "a
little", "nope", "un poco", "nada"), in English or Spanish for everyone (accents never matter)."""

import re

from service.keywords import normalise

_MOOD_WORDS = {
    5: ("great", "amazing", "awesome", "excellent", "really good", "very good", "fantastic", "wonderful"),
    4: ("good", "pretty good", "better", "well", "decent", "not bad"),
    3: ("ok", "okay", "fine", "alright", "meh", "so so", "average", "medium", "eh", "not great not terrible"),
    2: ("bad", "not good", "not great", "rough", "hard", "tough", "struggling", "low", "down", "crappy", "shitty"),
    1: ("terrible", "awful", "horrible", "worst", "very bad", "really bad", "really hard", "very hard", "miserable"),
}
_SPANISH_MOOD_WORDS = {
    5: ("muy bien", "super bien", "excelente", "genial", "increible", "de maravilla", "muy muy bien"),
    4: ("bien", "mejor", "bastante bien", "bien gracias", "todo bien", "no tan mal"),
    3: ("mas o menos", "regular", "asi asi", "ahi vamos", "ahi la llevo", "normal", "ni bien ni mal"),
    2: ("mal", "no muy bien", "no tan bien", "no bien", "triste", "dificil", "bajoneado", "bajoneada", "cansado",
        "cansada"),
    1: ("muy mal", "fatal", "pesimo", "lo peor", "super mal", "bien mal", "muy dificil"),
}  # fmt: skip
_MOODS = {
    phrase: score
    for words in (_MOOD_WORDS, _SPANISH_MOOD_WORDS)
    for score, phrases in words.items()
    for phrase in phrases
}
# "3", "3/5" (normalised to "3 5"), "3 out of 5", "im a 2", "2 today", "un 3", "3 de 5", "3 hoy".
_DIGIT = re.compile(r"^(?:i(?: am|m)? )?(?:a |un )?([1-5])(?: (?:out of |of |de )?5)?(?: today| hoy)?$")

_YES = (
    "y", "yes", "yeah", "yep", "ya", "yea", "yup", "si", "some", "a little", "a bit", "little", "kinda",
    "sort of", "a lot", "lots", "bad", "yes some", "yes a little", "both", "cravings", "symptoms", "really bad",
    "un poco", "poquito", "un poquito", "algo", "mucho", "muchos", "bastante", "si un poco", "si algo", "ambos",
    "las dos", "los dos", "si mucho", "antojos", "sintomas", "si tengo", "tantito",
)  # fmt: skip
_NO = (
    "n", "no", "nope", "nah", "none", "not really", "no cravings", "not today", "nothing", "no symptoms", "neither",
    "nada", "para nada", "ninguno", "ninguna", "hoy no", "no hoy", "no mucho", "no realmente", "nel", "no nada",
)  # fmt: skip


def parse_mood(text: str) -> int | None:
    """A 1-5 score from an answer to "how are you today", or None if the text is not such an answer."""
    words = normalise(text)
    digit = _DIGIT.match(words)
    if digit:
        return int(digit[1])
    words = re.sub(
        r"^(?:im|i am|feeling|feel|its|it is|today is|today was|pretty much|estoy|me siento|hoy estoy|hoy me siento"
        r"|ando|hoy)\s+",
        "",
        words,
    )
    return _MOODS.get(words)


def parse_yes_no(text: str) -> bool | None:
    """True for a yes (any craving or symptom), False for a no, None otherwise."""
    words = normalise(text)
    if words in _YES:
        return True
    if words in _NO:
        return False
    return None
