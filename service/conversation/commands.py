"""The words that are commands whole: opt-out, opt-in, HELP and FORGET in English and Spanish, the answers to the
one clarifying question, acknowledgements, and the texts answered without running the crisis classifier."""

from functools import cache

from messages import catalog
from service import keywords
from service.crisis import matcher

# Carrier-standard opt-out and opt-in words, honoured only as the whole message (any case, spaces, a full stop,
# accents ignored), in English and Spanish for everyone. ALTO is the Spanish STOP carriers expect of a Spanish
# program (as AYUDA is its HELP); README "Spanish" lists the same words for Twilio's Advanced Opt-Out.
OPT_OUT = frozenset({"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"})
SPANISH_OPT_OUT = frozenset(
    {"ALTO", "PARAR", "PARA", "DETENER", "CANCELAR", "BAJA", "DAR DE BAJA", "NO MAS", "DESUSCRIBIR", "SALIR"}
)
CONFIRM_STOP = frozenset({"YES", "Y", "YES STOP", "YES PLEASE", "YEP", "YEAH", "SI", "SI POR FAVOR", "SI PARA"})
KEEP_TEXTING = frozenset({"NO", "N", "NOPE", "NO THANKS", "NAH", "NO GRACIAS"})
"""Answers to the one clarifying question ("do you want us to stop texting you?"): stop, or carry on."""
ACKNOWLEDGEMENTS = frozenset(
    ["thanks", "thank you", "thanks so much", "thank you so much", "thx", "ty", "ok", "okay", "ok thanks", "k",
     "kk", "got it", "cool", "great", "will do", "sounds good", "ok thank you", "thanks a lot", "alright",
     "gracias", "muchas gracias", "ok gracias", "vale", "listo", "entendido", "sale", "va", "perfecto"]
)  # fmt: skip
"""Texts that only acknowledge a reply: answered with a short pointer, not "didn't recognize that"."""
OPT_IN = frozenset({"START", "YES", "UNSTOP", "INICIO", "COMENZAR", "SI"})
HELP = frozenset({"HELP", "INFO", "AYUDA", "INFORMACION"})
FORGET = frozenset({"FORGET", "BORRAR"})
FORGET_CONFIRMED = frozenset({"FORGET YES", "BORRAR SI"})


@cache
def plain_keywords() -> frozenset[str]:
    """Whole texts that are only a keyword or a check-in answer ("MENU", "STOP", "3", "Y") and that the classifier
    passes: most traffic, answered without running it ("OVERDOSING" alone is not one: it reads as a crisis)."""
    words = {" ".join(phrase).upper() for lang in catalog.LANGUAGES for phrase in keywords.index(lang).phrases}
    words |= OPT_OUT | SPANISH_OPT_OUT | OPT_IN | HELP | {"CHECKIN", "STATUS", "RESUME", "PAUSE", "Y", "N", "NO"}
    # The rules alone decide here: the model reads risk into a bare word ("END", "PLAN") that is a command.
    return frozenset(w for w in words | {str(n) for n in range(1, 6)} if not matcher.classify(w.lower()))
