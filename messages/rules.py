"""Content rules every template text obeys (messages/POLICY.md), shared by the catalog tests and the operator console.

The tests apply them to the defaults in messages/*.yaml; service/admin/validation.py applies them to every text an
operator publishes, so a published text meets the same bar as a default.
"""

import re
from collections.abc import Callable

from messages.catalog import SAMPLE_VALUES, Template

# Check-ins (POLICY.md J4, E1): the six replies tailored to mood and cravings.
CHECKIN_REPLY_KEYS = [
    f"checkin.reply.{mood}_{cravings}" for mood in ("low", "mid", "high") for cravings in ("cravings", "clear")
]
# Follow-ups the line sends on its own after a referral or a crisis.
FOLLOW_UP_KEYS = ["referral.followup", "crisis.followup"]

# Key -> the placeholders its template may use (the engine fills them); any other key may use only {program}.
DEFAULT_PLACEHOLDERS = frozenset({"program"})
ALLOWED_PLACEHOLDERS = {
    "alert.oncall": {"category", "ref", "texter_language"},
    "alert.unread": {"minutes", "ref"},
    "talk.urgent.named": {"who"},
    "talk.reach.named": {"who"},
    "talk.words.friend": {"who"},
    "checkin.confirmed": {"time", "zone"},
    "checkin.already": {"time", "zone"},
    "checkin.time_set": {"time", "zone"},
    "checkin.time_quiet": {"earliest", "latest", "time"},
    "checkin.zone_set": {"zone", "time"},
    "checkin.paused": {"until"},
    "checkin.pause_invalid": {"max_days"},
    "checkin.resumed": {"time", "zone"},
    "checkin.schedule_set": {"schedule", "time"},
    "checkin.schedule_daily": {"time"},
    "checkin.status": {"state", "schedule", "time", "zone"},
    **{key: {"streak"} for key in CHECKIN_REPLY_KEYS},
}
# The longest values the engine fills in: every template must still fit its kind's segment limit with them.
LONGEST_VALUES = SAMPLE_VALUES | {
    "time": "12:45 PM",
    "zone": "America/North_Dakota/New_Salem",
    "until": "Wed Nov 25",
    "schedule": "every other day",
    "state": "paused until Wed Nov 25",
    "streak": "1000",
    "earliest": "10:00 AM",
    "latest": "10:59 PM",
    "max_days": "90",
    "who": "grandmother",
}

# Key -> phrases its rendered text must contain: what the reply is for (the keywords a texter needs next, the
# numbers to call), and what carriers require of compliance replies (POLICY.md J2, J3).
REQUIRED_PHRASES = {
    "help": [
        "Steadyline",
        "Msg & data rates may apply",
        "Reply STOP to cancel",
        "988",
        "MENU",
        "CHECKIN",
        "about one text a day, plus an occasional reminder or follow-up",
    ],
    "welcome": ["Steadyline", "automated", "Text MENU", "HELP", "STOP", "call or text 988", "ESPANOL"],
    "fallback": ["MENU", "988", "call 911"],
    "language.offer": ["ENGLISH"],
    "language.set": ["English", "MENU", "ESPANOL"],
    "retry": ["try again", "988", "call 911"],
    "optout": ["Steadyline", "START", "988"],
    "optin": ["Steadyline", "MENU", "HELP", "STOP"],
    "optin.already": ["Steadyline", "MENU", "STOP"],
    "optout.clarify": ["Steadyline", "Reply STOP", "TAPER", "988"],
    "ack": ["MENU", "988"],
    "checkin.offer": [
        "YES",
        "Msg & data rates may apply",
        "Reply STOP to cancel",
        "about once a day",
        "occasional reminder or follow-up",
    ],
    "topic.menu": ["CHECKIN", "HELP for how this line works", "If you're in crisis, call or text 988"],
    "checkin.confirmed": ["TIME 8pm", "ZONE Pacific", "LESS", "PAUSE", "STATUS", "STOP"],
    "checkin.already": ["STATUS"],
    "checkin.not_subscribed": ["CHECKIN"],
    "checkin.time_quiet": ["TIME 7pm"],
    "checkin.time_invalid": ["TIME 8pm", "TIME 20:30", "TIME 8:15 am"],
    "checkin.zone_invalid": ["ZONE Eastern", "Pacific", "Hawaii", "Arizona", "ZONE America/Chicago"],
    "checkin.paused": ["RESUME"],
    "checkin.pause_invalid": ["PAUSE 3", "RESUME"],
    "checkin.schedule_set": ["DAILY"],
    "checkin.schedule_daily": ["LESS", "WEEKDAYS"],
    "checkin.status": ["TIME", "ZONE", "LESS", "DAILY", "PAUSE", "RESUME", "STOP"],
    "checkin.ask": ["1-5"],
    "checkin.reminder": ["1-5"],
    "checkin.ask_craving": ["Y or N"],
    "checkin.answer_unclear": ["1 to 5", "MENU"],
    "checkin.answer_unclear_yes_no": ["Y or N", "MENU"],
    "checkin.reply.low_cravings": ["prescriber or a doctor", "call 911", "1-800-662-4357", "call or text 988", "CRAVE"],
    "checkin.reply.low_clear": ["call or text 988"],
    "checkin.reply.mid_cravings": ["SLEEP", "ANXIETY", "CRAVE"],
    "checkin.reply.high_cravings": ["PLAN"],
    "referral": ["1-800-662-4357", "988"],
    "referral.followup": ["1-800-662-4357", "988"],
    "crisis.followup": ["call or text 988"],
}
# The same for Spanish: the Spanish keywords, ALTO and AYUDA as carriers expect of a Spanish program (Twilio's
# Spanish short code guidance), and 988's Spanish line (POLICY.md S1: press 2, text AYUDA).
SPANISH_REQUIRED_PHRASES = {
    "help": ["Steadyline", "Pueden aplicar cargos por mensajes y datos", "Responde ALTO para cancelar", "988",
             "MENU"],
    "welcome": ["Steadyline", "automatizad", "MENU", "AYUDA", "ALTO", "988", "ENGLISH"],
    "fallback": ["MENU", "988", "llama al 911"],
    "language.offer": ["ESPANOL", "988", "AYUDA"],
    "language.set": ["español", "MENU", "ENGLISH"],
    "retry": ["intenta de nuevo", "988", "llama al 911"],
    "optout": ["Steadyline", "INICIO", "988"],
    "optin": ["Steadyline", "MENU", "AYUDA", "ALTO"],
    "optin.already": ["Steadyline", "MENU", "ALTO"],
    "optout.clarify": ["Steadyline", "Responde ALTO", "DEJAR", "988"],
    "ack": ["MENU", "988"],
    "checkin.pause_invalid": ["PAUSA 3", "SEGUIR"],
    "checkin.schedule_daily": ["MENOS", "ENTRE SEMANA"],
    "checkin.answer_unclear_yes_no": ["SI o NO", "MENU"],
    "forget.confirm": ["BORRAR SI"],
    "checkin.offer": ["SI", "Pueden aplicar cargos por mensajes y datos", "Responde ALTO para cancelar"],
    "checkin.confirmed": ["HORA 8pm", "ZONA Pacifico", "MENOS", "PAUSA", "ESTADO", "ALTO"],
    "checkin.already": ["ESTADO"],
    "checkin.not_subscribed": ["CHEQUEO"],
    "checkin.time_quiet": ["HORA 7pm"],
    "checkin.time_invalid": ["HORA 8pm", "HORA 20:30", "HORA 7:15 am"],
    "checkin.zone_invalid": ["ZONA Este", "Pacifico", "Hawai", "Arizona", "ZONA America/Chicago"],
    "checkin.paused": ["SEGUIR"],
    "checkin.schedule_set": ["DIARIO"],
    "checkin.status": ["HORA", "ZONA", "MENOS", "DIARIO", "PAUSA", "SEGUIR", "ALTO"],
    "checkin.ask": ["1 al 5"],
    "checkin.reminder": ["1 al 5"],
    "checkin.ask_craving": ["SI o NO"],
    "checkin.answer_unclear": ["1 al 5", "MENU"],
    "checkin.reply.low_cravings": ["médico", "llama al 911", "1-800-662-4357", "ANSIAS"],
    "checkin.reply.low_clear": ["988"],
    "checkin.reply.mid_cravings": ["DORMIR", "ANSIEDAD", "ANSIAS"],
    "checkin.reply.high_cravings": ["PLAN"],
    "referral": ["1-800-662-4357", "988"],
    "referral.followup": ["1-800-662-4357", "988"],
    "crisis.followup": ["988"],
}  # fmt: skip

PHONE_NUMBER = re.compile(r"\b(?:988|911|1-800-\d{3}-\d{4})\b")
# Per-crisis strings POLICY.md C2-C6 require (matched case-insensitively).
CRISIS_MUST_CONTAIN = {
    "crisis.suicide": ["988", "call 911 now", "someone you trust", "doctor or counselor", "keep texting"],
    "crisis.self_harm": ["988", "call 911 now", "someone you trust", "doctor or counselor", "keep texting"],
    "crisis.overdose": ["call 911 now", "1-800-222-1222", "naloxone", "988", "keep texting"],
    "crisis.medical": ["call 911 now", "1-800-222-1222", "on their side", "naloxone", "keep texting"],
    "crisis.violence": ["call 911", "1-800-799-7233", "88788", "someone you trust", "FORGET", "keep texting"],
    "crisis.harm_to_others": ["call 911 now", "call or text 988", "any weapon", "keep texting"],
    # Someone unconscious, not breathing or blue (POLICY.md C2, B2, F9): the helper's steps, never seizure steps alone.
    "crisis.unresponsive": [
        "call 911 now",
        "stay with them",
        "dispatcher",
        "CPR",
        "on their side",
        "naloxone",
        "keep texting",
    ],
    # Bystander versions (POLICY.md B2, B3): what to do for them now, and 988 for the helper too.
    "crisis.suicide.bystander": [
        "call 911 now",
        "stay with them",
        "put away",
        "988 helps worried family",
        "doctor or counselor",
        "keep texting",
    ],
    "crisis.self_harm.bystander": [
        "call 911 now",
        "put away",
        "988 helps worried family",
        "doctor or counselor",
        "keep texting",
    ],
    "crisis.overdose.bystander": [
        "call 911 now",
        "stay with them",
        "on their side",
        "naloxone",
        "keep the pills away",
        "1-800-222-1222",
        "988 helps family",
        "keep texting",
    ],
    "crisis.medical.bystander": [
        "call 911 now",
        "stay with them",
        "on their side",
        "naloxone",
        "1-800-222-1222",
        "988 helps family",
        "keep texting",
    ],
    "crisis.violence.bystander": ["call 911", "1-800-799-7233", "88788", "friends and family", "988", "keep texting"],
    "crisis.harm_to_others.bystander": ["call 911 now", "988", "worried family", "keep texting"],
}
# Spanish crisis replies name 988's Spanish line (press 2, or text AYUDA), never HELP4U (POLICY.md S1).
SPANISH_CRISIS_MUST_CONTAIN = {
    "crisis.suicide": ["988", "marca 2", "AYUDA", "llama al 911", "seguir escribiendo"],
    "crisis.self_harm": ["988", "marca 2", "AYUDA", "llama al 911", "seguir escribiendo"],
    "crisis.overdose": ["llama al 911", "1-800-222-1222", "988", "seguir escribiendo"],
    "crisis.medical": ["llama al 911", "1-800-222-1222"],
    "crisis.violence": ["llama al 911", "1-800-799-7233", "seguir escribiendo"],
    "crisis.harm_to_others": ["llama al 911 ahora", "988", "marca 2", "cualquier arma", "seguir escribiendo"],
    "crisis.unresponsive": ["llama al 911 ahora", "quedate con", "RCP", "de lado", "naloxona", "seguir escribiendo"],
    # Bystander versions (POLICY.md B2, B3): what to do for them now, and 988 for the helper too.
    "crisis.suicide.bystander": [
        "llama al 911 ahora",
        "quedate con",
        "988",
        "marca 2",
        "familias",
        "seguir escribiendo",
    ],
    "crisis.self_harm.bystander": ["llama al 911 ahora", "988", "marca 2", "familias", "seguir escribiendo"],
    "crisis.overdose.bystander": [
        "llama al 911 ahora",
        "quedate con",
        "de lado",
        "naloxona",
        "1-800-222-1222",
        "988",
        "seguir escribiendo",
    ],
    "crisis.medical.bystander": [
        "llama al 911 ahora",
        "quedate con",
        "RCP",
        "de lado",
        "naloxona",
        "1-800-222-1222",
        "seguir escribiendo",
    ],
    "crisis.violence.bystander": ["llama al 911", "1-800-799-7233", "familiares", "988", "seguir escribiendo"],
}
AUTOMATED = {"en": "automated", "es": "automatizad"}
"""What every crisis reply says about the line, per language ("automatizada", "automatizado")."""
NEGATION = re.compile(r"\b(?:don't|do not|never|not|avoid|no|nunca|evita)\b[^.!?]*$", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    """Split on sentence-ending punctuation followed by a space (so "FindTreatment.gov" stays whole)."""
    return re.split(r"(?<=[.!?])\s+", text)


def same_sentence(text: str, a: str, b: str) -> list[str]:
    """Sentences of `text` matching both regexes `a` and `b` (case-insensitive)."""
    return [s for s in sentences(text) if re.search(a, s, re.I) and re.search(b, s, re.I)]


SUDDEN_STOP = re.compile(
    r"\b(?:stop|quit)(?:ping|ting)?\s+(?:\w+\s+)?(?:suddenly|abruptly|cold turkey)"
    r"|\bdej(?:ar|a|es|arlo|arla|arlos|arlas)\s+(?:\w+\s+){0,2}(?:de golpe|de repente|en seco|de un dia para otro)",
    re.I,
)


def unnegated_sudden_stops(text: str) -> list[str]:
    """Advice to stop suddenly with no "don't", "never", "not" or "avoid" before it in its sentence."""
    return [m.group() for m in SUDDEN_STOP.finditer(text) if not NEGATION.search(text[: m.start()])]


# POLICY.md "Must never" (N1-N10), as phrases no template may contain (case-insensitive).
NEVER_PATTERNS = {
    "dose, amount or percentage": r"\b\d+(?:\.\d+)?\s*(?:mg|milligrams?|mcg|micrograms?|%|percent)",
    "schedule": r"\bevery\s+(?:\d+|other|few)\s*(?:days?|weeks?|months?)|\b\d+\s*times\s+(?:a|per)\s+day",
    "text 911": r"\btext(?:ing)?\s+(?:to\s+)?911",
    "suicide stigma words": r"committed suicide|successful(?:ly)?\s+suicide|suicide\s+was\s+successful"
    r"|failed\s+(?:suicide\s+)?attempt",
    "promise": r"\bpromis\w*|\bpromet\w*",
    "claims to be a person": r"\b(?:i am|i'm|we are|we're)\s+(?:a\s+)?(?:real\s+)?(?:person|human)"
    r"|(?<!no )\b(?:soy|somos)\s+(?:una?\s+)?(?:persona|humano|humana)s?\b",
    "minimising": r"not (?:that|so) bad|no es (?:tan|para tanto)",
    "text 911 (Spanish)": r"\b(?:manda|env[ií]a|escribe|textea)\w*\s+(?:un\s+)?(?:texto|mensaje)?\s*(?:al\s+)?911",
    "suicide stigma words (Spanish)": r"suicidio (?:exitoso|fallido)|intento fallido|cometi\w* suicidio",
}
# A question that pulls for "no" (POLICY.md N6, "you're not going to hurt yourself, right?"): a tag
# question, a negative question, or one that supplies the safe answer. Matched per question sentence.
PULLS_FOR_NO = re.compile(
    r"(?:,|\b(?:okay|ok))\s*right\?|\b(?:aren't|arent|won't|wont|wouldn't|wouldnt|don't|dont|isn't|isnt|can't|cant"
    r"|didn't|didnt|haven't|havent) (?:you|it)\b|\byou(?:'re| are) not\b|\byou (?:won't|wont|wouldn't|wouldnt|don't"
    r"|dont|can't|cant|aren't|arent)\b|\bno need\b|\bnothing (?:bad|wrong)\b|\b(?:promise|swear)\b|\bsurely\b",
    re.I,
)


def pulls_for_no(text: str) -> list[str]:
    """Questions in `text` that invite a "no" (any sentence ending in "?" that matches PULLS_FOR_NO)."""
    return [s for s in sentences(text) if s.rstrip().endswith("?") and PULLS_FOR_NO.search(s)]


# Rule name -> a function returning the offending fragments (or sentences) of a rendered text.
NEVER_RULES: dict[str, Callable[[str], list[str]]] = {
    **{rule: re.compile(pattern, re.I).findall for rule, pattern in NEVER_PATTERNS.items()},
    "Poison Control by text": lambda t: same_sentence(t, r"poison control|toxicolog|envenenamiento", r"\btext"),
    "HELP4U in Spanish": lambda t: same_sentence(t, r"HELP4U|435748", r"spanish|espa"),
    "stop suddenly": unnegated_sudden_stops,
    "question that pulls for no": pulls_for_no,
}
# Words a discreet (lock-screen) text must not contain (POLICY.md L4), with their plurals and forms: what would
# tell someone glancing at the phone what these texts are about.
NOT_DISCREET = re.compile(
    r"\b(?:klonopin|clonazepam|benzo\w*|xanax|valium|ativan|addict\w*|withdraw\w*|detox\w*|overdos\w*"
    r"|relaps\w*|drugs?|pills?|seizures?|taper\w*|samhsa|suicid\w*|crisis|rehab\w*"
    r"|rivotril|clonas?|adicci\w*|adict[oa]s?|abstinencia|desintox\w*|sobredosis|reca[ií]\w*|drogas?|pastillas?)\b",
    re.I,
)
# Replies that arrive seconds after a discreet check-in show on the same lock screen (POLICY.md L2).
CHECKIN_CONVERSATION_KEYS = [
    "checkin.ask_craving",
    "checkin.answer_unclear",
    "checkin.answer_unclear_yes_no",
    *CHECKIN_REPLY_KEYS,
]


def is_discreet(template: Template) -> bool:
    """Texts the line starts itself, and the replies within a check-in's exchange (POLICY.md L1, L2)."""
    return template.kind == "scheduled" or template.key in CHECKIN_CONVERSATION_KEYS


def allowed_placeholders(key: str) -> frozenset[str]:
    """The placeholders template `key` may use."""
    return DEFAULT_PLACEHOLDERS | ALLOWED_PLACEHOLDERS.get(key, set())


def required_placeholders(template: Template) -> frozenset[str]:
    """The placeholders a text of `template` must keep: the values the engine passes for a reason, and the
    program name in compliance replies (carriers require the sender's name in HELP and opt-out replies)."""
    program = DEFAULT_PLACEHOLDERS if template.kind == "compliance" else frozenset()
    return program | ALLOWED_PLACEHOLDERS.get(template.key, set())


def required_phrases(template: Template) -> list[str]:
    """Phrases the rendered text of `template` must contain, in its language; a crisis reply also keeps every number
    its default names and says that the line is automated."""
    spanish = template.language == "es"
    phrases = (SPANISH_REQUIRED_PHRASES if spanish else REQUIRED_PHRASES).get(template.key, [])
    if template.kind == "crisis":
        numbers = PHONE_NUMBER.findall(template.text)
        must = (SPANISH_CRISIS_MUST_CONTAIN if spanish else CRISIS_MUST_CONTAIN).get(template.key, [])
        phrases = [*phrases, AUTOMATED[template.language], *must, *numbers]
    return list(dict.fromkeys(phrases))


def help4u_in_spanish(template: Template, rendered: str) -> bool:
    """HELP4U (435748) is English only: a Spanish text never names it (POLICY.md N8)."""
    return template.language == "es" and bool(re.search(r"HELP4U|435748", rendered, re.I))


def asks_no_question(template: Template) -> bool:
    """Crisis replies and follow-ups never ask a question: one could invite a "no" (POLICY.md N6)."""
    return template.kind == "crisis" or template.key in FOLLOW_UP_KEYS
