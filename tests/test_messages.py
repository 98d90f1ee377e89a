"""The English reply catalog obeys CONTENT.md: required templates, SMS limits, keywords, safety rules."""

import re

import pytest
import yaml

from messages.catalog import CATALOG_DIR, MAX_SEGMENTS, PLACEHOLDER, SAMPLE_VALUES, load, render
from messages.segments import analyse

CATALOG = load("en")

SYSTEM_KEYS = ["welcome", "fallback", "spanish", "retry"]
COMPLIANCE_KEYS = ["help", "optout", "optin"]
CRISIS_KEYS = ["crisis.suicide", "crisis.self_harm", "crisis.overdose", "crisis.medical", "crisis.violence"]
# Topic key -> its primary keyword (listed first in `keywords`, and named in MENU).
TOPIC_PRIMARY = {
    "topic.menu": "MENU",
    "topic.about": "ABOUT",
    "topic.signs": "SIGNS",
    "topic.withdrawal": "WITHDRAWAL",
    "topic.taper": "TAPER",
    "topic.mix": "MIX",
    "topic.overdose": "OVERDOSE",
    "topic.treatment": "TREATMENT",
    "topic.find": "FIND",
    "topic.crave": "CRAVE",
    "topic.sleep": "SLEEP",
    "topic.anxiety": "ANXIETY",
    "topic.slip": "SLIP",
    "topic.longterm": "LONGTERM",
    "topic.family": "FAMILY",
    "topic.plan": "PLAN",
}
# Check-ins (DESIGN.md texter journey): replies to the texter, and the six replies tailored to mood and cravings.
CHECKIN_REPLY_KEYS = [
    f"checkin.reply.{mood}_{cravings}" for mood in ("low", "mid", "high") for cravings in ("cravings", "clear")
]
CHECKIN_KEYS = [
    "checkin.offer", "checkin.confirmed", "checkin.already", "checkin.not_subscribed", "checkin.time_set",
    "checkin.time_quiet", "checkin.time_invalid", "checkin.zone_set", "checkin.zone_invalid", "checkin.paused",
    "checkin.resumed", "checkin.schedule_set", "checkin.status", "checkin.ask_craving", "checkin.answer_unclear",
    *CHECKIN_REPLY_KEYS,
]  # fmt: skip
# Texts the line starts itself: they show up on a lock screen, so they are discreet (CONTENT.md Must never 9).
SCHEDULED_KEYS = ["checkin.ask", "checkin.reminder", "referral", "referral.followup", "crisis.followup"]
REQUIRED = (
    {key: "system" for key in SYSTEM_KEYS}
    | {key: "compliance" for key in COMPLIANCE_KEYS}
    | {key: "crisis" for key in CRISIS_KEYS}
    | {key: "topic" for key in TOPIC_PRIMARY}
    | {key: "system" for key in CHECKIN_KEYS}
    | {key: "scheduled" for key in SCHEDULED_KEYS}
)

# Key -> the placeholders its template may use (the engine fills them); any other key may use only {program}.
DEFAULT_PLACEHOLDERS = frozenset({"program"})
ALLOWED_PLACEHOLDERS = {
    "alert.oncall": {"category", "ref"},
    "checkin.confirmed": {"time", "zone"},
    "checkin.already": {"time", "zone"},
    "checkin.time_set": {"time", "zone"},
    "checkin.time_quiet": {"earliest", "latest", "time"},
    "checkin.zone_set": {"zone", "time"},
    "checkin.paused": {"until"},
    "checkin.resumed": {"time", "zone"},
    "checkin.schedule_set": {"schedule", "time"},
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
}

# Carrier compliance words (opt-out, opt-in, help) and engine commands (DESIGN.md): never topic keywords.
COMPLIANCE_WORDS = {
    "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT",
    "START", "YES", "UNSTOP", "HELP", "INFO",
}  # fmt: skip
ENGINE_WORDS = {"CHECKIN", "TIME", "ZONE", "PAUSE", "RESUME", "LESS", "DAILY", "STATUS"}
KEYWORD_FORMAT = re.compile(r"[A-Z0-9](?:[A-Z0-9' -]*[A-Z0-9])?")
PHONE_NUMBER = re.compile(r"\b(?:988|911|1-800-\d{3}-\d{4})\b")
# Per-crisis strings CONTENT.md requires.
CRISIS_MUST_CONTAIN = {
    "crisis.suicide": ["988", "call 911", "keep texting"],
    "crisis.self_harm": ["988", "call 911", "keep texting"],
    "crisis.overdose": ["call 911", "1-800-222-1222", "988", "keep texting"],
    "crisis.medical": ["call 911", "1-800-222-1222"],
    "crisis.violence": ["call 911", "1-800-799-7233", "88788", "keep texting"],
}
NEGATION = re.compile(r"\b(?:don't|do not|never|not|avoid)\b[^.!?]*$", re.IGNORECASE)


def rendered(key: str) -> str:
    return render(CATALOG[key].text, SAMPLE_VALUES)


def sentences(text: str) -> list[str]:
    """Split on sentence-ending punctuation followed by a space (so "FindTreatment.gov" stays whole)."""
    return re.split(r"(?<=[.!?])\s+", text)


def same_sentence(text: str, a: str, b: str) -> list[str]:
    """Sentences of `text` matching both regexes `a` and `b` (case-insensitive)."""
    return [s for s in sentences(text) if re.search(a, s, re.I) and re.search(b, s, re.I)]


SUDDEN_STOP = re.compile(r"\b(?:stop|quit)(?:ping|ting)?\s+(?:\w+\s+)?(?:suddenly|abruptly|cold turkey)", re.I)


def unnegated_sudden_stops(text: str) -> list[str]:
    """Advice to stop suddenly with no "don't", "never", "not" or "avoid" before it in its sentence."""
    return [m.group() for m in SUDDEN_STOP.finditer(text) if not NEGATION.search(text[: m.start()])]


# CONTENT.md "Must never", as phrases no template may contain (case-insensitive).
NEVER_PATTERNS = {
    "dose, amount or percentage": r"\b\d+(?:\.\d+)?\s*(?:mg|milligrams?|mcg|micrograms?|%|percent)",
    "schedule": r"\bevery\s+(?:\d+|other|few)\s*(?:days?|weeks?|months?)|\b\d+\s*times\s+(?:a|per)\s+day",
    "text 911": r"\btext(?:ing)?\s+(?:to\s+)?911",
    "suicide stigma words": r"committed suicide|successful(?:ly)?\s+suicide|suicide\s+was\s+successful"
    r"|failed\s+(?:suicide\s+)?attempt",
    "promise": r"\bpromis\w*",
    "claims to be a person": r"\b(?:i am|i'm|we are|we're)\s+(?:a\s+)?(?:real\s+)?(?:person|human)",
    "minimising": r"not (?:that|so) bad",
}
# Rule name -> a function returning the offending fragments (or sentences) of a rendered text.
NEVER_RULES = {
    **{rule: re.compile(pattern, re.I).findall for rule, pattern in NEVER_PATTERNS.items()},
    "Poison Control by text": lambda t: same_sentence(t, r"poison control", r"\btext"),
    "HELP4U in Spanish": lambda t: same_sentence(t, r"HELP4U|435748", r"spanish|espa"),
    "stop suddenly": unnegated_sudden_stops,
}
# Words a scheduled (lock-screen) text must not contain (CONTENT.md Must never 9), with their plurals and forms.
NOT_DISCREET = re.compile(
    r"\b(?:klonopin|clonazepam|benzo\w*|xanax|valium|ativan|addict\w*|withdraw\w*|detox\w*|overdos\w*"
    r"|relaps\w*|drugs?|pills?)\b",
    re.I,
)


def test_yaml_has_no_duplicate_keys():
    """yaml.safe_load keeps the last of two same-named entries silently: catch the lost one here."""

    class StrictLoader(yaml.SafeLoader):
        def construct_mapping(self, node, deep=False):
            keys = [self.construct_object(k, deep=deep) for k, _ in node.value]
            duplicates = {k for k in keys if keys.count(k) > 1}
            assert not duplicates, f"duplicate keys {duplicates} at {node.start_mark}"
            return super().construct_mapping(node, deep=deep)

    yaml.load((CATALOG_DIR / "en.yaml").read_text(encoding="utf-8"), Loader=StrictLoader)


@pytest.mark.parametrize(("key", "kind"), REQUIRED.items())
def test_required_template_exists_with_kind(key, kind):
    assert key in CATALOG, f"missing template {key}"
    assert CATALOG[key].kind == kind


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_template_is_well_formed(key):
    template = CATALOG[key]
    assert template.kind in MAX_SEGMENTS
    assert template.source, "every template needs a source note"
    assert template.text
    allowed = DEFAULT_PLACEHOLDERS | ALLOWED_PLACEHOLDERS.get(key, set())
    assert template.placeholders <= allowed, f"unknown placeholders {template.placeholders - allowed}"
    assert not re.search(r"[{}]", PLACEHOLDER.sub("", template.text)), "stray brace (not a placeholder)"


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_template_is_gsm7_and_within_segment_limit(key):
    info = analyse(rendered(key))
    assert info.encoding == "GSM-7", f"non-GSM characters {info.ucs2_chars}"
    assert info.ucs2_chars == ()
    assert 1 <= info.segments <= MAX_SEGMENTS[CATALOG[key].kind]


@pytest.mark.parametrize(("key", "placeholders"), ALLOWED_PLACEHOLDERS.items())
def test_template_uses_its_placeholders(key, placeholders):
    """The engine passes these values for a reason: "at {time} {zone}" is the point of the reply."""
    assert placeholders <= CATALOG[key].placeholders


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_template_fits_with_longest_values(key):
    assert analyse(render(CATALOG[key].text, LONGEST_VALUES)).segments <= MAX_SEGMENTS[CATALOG[key].kind]


@pytest.mark.parametrize(
    ("key", "max_chars"),
    [(key, 306) for key in TOPIC_PRIMARY] + [(key, 459) for key in CRISIS_KEYS],
)
def test_rendered_length(key, max_chars):
    assert len(rendered(key)) <= max_chars


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_never_rules(key):
    text = rendered(key)
    broken = {rule: found for rule, check in NEVER_RULES.items() if (found := check(text))}
    assert not broken, f"{key} breaks CONTENT.md 'Must never': {broken}"


# ---------------------------------------------------------------- topics and keywords


def topics():
    return {key: t for key, t in CATALOG.items() if t.kind == "topic"}


def test_topic_texts_are_distinct():
    texts = [t.text for t in topics().values()]
    assert len(set(texts)) == len(texts)


@pytest.mark.parametrize(("key", "primary"), TOPIC_PRIMARY.items())
def test_topic_keywords(key, primary):
    keywords = CATALOG[key].keywords
    assert keywords, f"{key} has no keywords"
    assert keywords[0] == primary
    assert len(set(keywords)) == len(keywords), f"{key} repeats a keyword"
    for keyword in keywords:
        assert KEYWORD_FORMAT.fullmatch(keyword), f"{keyword!r}: uppercase words only (a YAML boolean?)"
        assert keyword not in COMPLIANCE_WORDS | ENGINE_WORDS, f"{keyword} is reserved"


def test_no_keyword_in_two_topics():
    owner: dict[str, str] = {}
    clashes = []
    for key, template in topics().items():
        for keyword in template.keywords:
            if keyword in owner:
                clashes.append((keyword, owner[keyword], key))
            owner.setdefault(keyword, key)
    assert not clashes


@pytest.mark.parametrize("key", [k for k, t in CATALOG.items() if t.kind != "topic"])
def test_only_topics_have_keywords(key):
    assert CATALOG[key].keywords == ()


@pytest.mark.parametrize("primary", [p for key, p in TOPIC_PRIMARY.items() if key != "topic.menu"])
def test_menu_lists_every_topic(primary):
    assert re.search(rf"\b{primary}\b", rendered("topic.menu"))


def test_menu_names_help_and_988():
    assert "HELP" in rendered("topic.menu")
    assert "call or text 988" in rendered("topic.menu")


def test_find_says_help4u_is_english_only():
    (sentence,) = [s for s in sentences(rendered("topic.find")) if "435748" in s]
    assert "English only" in sentence


# ---------------------------------------------------------------- system and compliance


@pytest.mark.parametrize(
    "required", ["Steadyline", "Msg & data rates may apply", "Reply STOP to cancel", "988", "MENU"]
)
def test_help_contains(required):
    assert required in rendered("help")


@pytest.mark.parametrize(
    ("key", "required"),
    [
        ("welcome", ["Steadyline", "automated", "Text MENU", "HELP", "STOP", "call or text 988"]),
        ("fallback", ["MENU", "988", "call 911"]),
        ("spanish", ["988", "AYUDA", "1-800-662-4357", "911"]),
        ("retry", ["try again", "988", "call 911"]),
        ("optout", ["Steadyline", "START", "988"]),
        ("optin", ["Steadyline", "MENU", "HELP", "STOP"]),
    ],
)
def test_system_and_compliance_contain(key, required):
    text = rendered(key)
    missing = [r for r in required if r not in text]
    assert not missing


def test_spanish_never_mentions_help4u():
    assert not re.search(r"HELP4U|435748", rendered("spanish"))


# ---------------------------------------------------------------- crisis


@pytest.mark.parametrize("key", CRISIS_KEYS)
def test_crisis_reply_basics(key):
    text = rendered(key)
    assert PHONE_NUMBER.search(text), "a crisis reply names at least one number"
    assert "automated" in text, "a crisis reply says plainly that the line is automated"
    assert "?" not in text, "a crisis reply never asks a question (one could invite a 'no')"


@pytest.mark.parametrize(
    ("key", "required"), [(key, r) for key, strings in CRISIS_MUST_CONTAIN.items() for r in strings]
)
def test_crisis_reply_contains(key, required):
    assert required.lower() in rendered(key).lower()


# ---------------------------------------------------------------- check-ins, referrals, follow-ups


@pytest.mark.parametrize("key", sorted(k for k, t in CATALOG.items() if t.kind == "scheduled"))
def test_scheduled_template_is_discreet_and_one_segment(key):
    text = rendered(key)
    assert not NOT_DISCREET.findall(text), "scheduled texts show on a lock screen (CONTENT.md Must never 9)"
    assert analyse(text).segments == 1


@pytest.mark.parametrize("key", CHECKIN_REPLY_KEYS)
def test_tailored_reply_shows_streak(key):
    assert "{streak}" in CATALOG[key].text


@pytest.mark.parametrize(
    ("key", "required"),
    [
        ("checkin.offer", ["YES", "Msg & data rates may apply", "Reply STOP to cancel"]),
        ("checkin.confirmed", ["TIME 8pm", "ZONE Pacific", "LESS", "PAUSE", "STATUS", "STOP"]),
        ("checkin.already", ["STATUS"]),
        ("checkin.not_subscribed", ["CHECKIN"]),
        ("checkin.time_quiet", ["TIME 7pm"]),
        ("checkin.time_invalid", ["TIME 8pm", "TIME 20:30", "TIME 7:15 am"]),
        ("checkin.zone_invalid", ["ZONE Eastern", "Pacific", "Hawaii", "Arizona", "ZONE America/Chicago"]),
        ("checkin.paused", ["RESUME"]),
        ("checkin.schedule_set", ["DAILY"]),
        ("checkin.status", ["TIME", "ZONE", "LESS", "DAILY", "PAUSE", "RESUME", "STOP"]),
        ("checkin.ask", ["1-5"]),
        ("checkin.reminder", ["1-5"]),
        ("checkin.ask_craving", ["Y or N"]),
        ("checkin.answer_unclear", ["1 to 5", "MENU"]),
        ("checkin.reply.low_cravings", ["prescriber", "call 911", "1-800-662-4357", "CRAVE"]),
        ("checkin.reply.low_clear", ["call or text 988"]),
        ("checkin.reply.mid_cravings", ["SLEEP", "ANXIETY", "CRAVE"]),
        ("checkin.reply.high_cravings", ["PLAN"]),
        ("referral", ["1-800-662-4357", "988"]),
        ("referral.followup", ["1-800-662-4357", "988"]),
        ("crisis.followup", ["call or text 988"]),
    ],
)
def test_checkin_templates_contain(key, required):
    text = rendered(key)
    missing = [r for r in required if r not in text]
    assert not missing


@pytest.mark.parametrize("key", ["referral.followup", "crisis.followup"])
def test_follow_ups_ask_no_question(key):
    assert "?" not in rendered(key), "a follow-up never asks a question (one could invite a 'no')"


# ---------------------------------------------------------------- the checks catch what they should


@pytest.mark.parametrize(
    ("rule", "bad", "good"),
    [
        ("dose, amount or percentage", "Cut 10% a week.", "Small, slow reductions."),
        ("dose, amount or percentage", "Take 0.5 mg.", "Talk to your prescriber."),
        ("schedule", "Reduce every 2 weeks.", "Reduce slowly."),
        ("text 911", "Call or text 911.", "Call 911."),
        (
            "Poison Control by text",
            "Text Poison Control at 1-800-222-1222.",
            "Call Poison Control. Keep texting.",
        ),
        ("HELP4U in Spanish", "Text 435748 (HELP4U) in English or Spanish.", "Text HELP4U. Spanish: 988."),
        ("suicide stigma words", "He committed suicide.", "He died by suicide."),
        ("stop suddenly", "You can stop suddenly.", "Don't stop taking it suddenly."),
        ("promise", "We promise to keep it secret.", "You can keep texting."),
        ("claims to be a person", "I'm a real person.", "This line is automated, not a person."),
    ],
)
def test_never_rule_catches(rule, bad, good):
    assert NEVER_RULES[rule](bad)
    assert not NEVER_RULES[rule](good)


@pytest.mark.parametrize(
    ("bad", "good"),
    [
        ("Time to check in on your Klonopin taper.", "Hi, it's Steadyline. How are you today?"),
        ("Any withdrawal today?", "Any rough patches today?"),
        ("Benzos are hard to quit.", "Hard days pass."),
        ("Help with addiction: 1-800-662-4357.", "Free help 24/7: 1-800-662-4357."),
        ("Did you take extra pills?", "Did you sleep?"),
    ],
)
def test_discreet_check_catches(bad, good):
    assert NOT_DISCREET.search(bad)
    assert not NOT_DISCREET.search(good)
