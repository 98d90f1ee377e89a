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
REQUIRED = (
    {key: "system" for key in SYSTEM_KEYS}
    | {key: "compliance" for key in COMPLIANCE_KEYS}
    | {key: "crisis" for key in CRISIS_KEYS}
    | {key: "topic" for key in TOPIC_PRIMARY}
)

# Carrier compliance words (opt-out, opt-in, help) and engine commands (DESIGN.md): never topic keywords.
COMPLIANCE_WORDS = {
    "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT",
    "START", "YES", "UNSTOP", "HELP", "INFO",
}  # fmt: skip
ENGINE_WORDS = {"CHECKIN", "TIME", "ZONE", "PAUSE", "RESUME"}
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
    allowed = {"program"} if template.kind != "alert" else {"program", "category", "ref"}
    assert template.placeholders <= allowed, f"unknown placeholders {template.placeholders - allowed}"
    assert not re.search(r"[{}]", PLACEHOLDER.sub("", template.text)), "stray brace (not a placeholder)"


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_template_is_gsm7_and_within_segment_limit(key):
    info = analyse(rendered(key))
    assert info.encoding == "GSM-7", f"non-GSM characters {info.ucs2_chars}"
    assert info.ucs2_chars == ()
    assert 1 <= info.segments <= MAX_SEGMENTS[CATALOG[key].kind]


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
