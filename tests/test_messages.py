"""The English reply catalog obeys messages/POLICY.md: required templates, SMS limits, keywords, safety rules."""

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from messages.catalog import CATALOG_DIR, MAX_SEGMENTS, PLACEHOLDER, SAMPLE_VALUES, load, render
from messages.rules import (
    ALLOWED_PLACEHOLDERS,
    CHECKIN_REPLY_KEYS,
    CRISIS_MUST_CONTAIN,
    DEFAULT_PLACEHOLDERS,
    FOLLOW_UP_KEYS,
    LONGEST_VALUES,
    NEVER_RULES,
    NOT_DISCREET,
    PHONE_NUMBER,
    REQUIRED_PHRASES,
    is_discreet,
    same_sentence,
    sentences,
)
from messages.segments import analyse
from service.crisis import CATEGORIES

CATALOG = load("en")

SYSTEM_KEYS = ["welcome", "fallback", "language.offer", "language.set", "retry"]
COMPLIANCE_KEYS = ["help", "optout", "optin"]
CRISIS_KEYS = [f"crisis.{category}" for category in CATEGORIES]
# A bystander version of every crisis reply (POLICY.md B), for each category the detector gives; and the reply about
# someone unconscious, not breathing or blue, which is always for the person helping.
BYSTANDER_KEYS = [f"crisis.{category}.bystander" for category in CATEGORIES] + ["crisis.unresponsive"]
CRISIS_KEYS += BYSTANDER_KEYS
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
# Check-ins (POLICY.md J4): replies to the texter, and the six replies tailored to mood and cravings.
CHECKIN_KEYS = [
    "checkin.offer", "checkin.confirmed", "checkin.already", "checkin.not_subscribed", "checkin.time_set",
    "checkin.time_quiet", "checkin.time_invalid", "checkin.zone_set", "checkin.zone_invalid", "checkin.paused",
    "checkin.resumed", "checkin.schedule_set", "checkin.status", "checkin.ask_craving", "checkin.answer_unclear",
    *CHECKIN_REPLY_KEYS,
]  # fmt: skip
# Texts the line starts itself: they show up on a lock screen, so they are discreet (POLICY.md L1).
SCHEDULED_KEYS = ["checkin.ask", "checkin.reminder", "referral", "referral.followup", "crisis.followup"]
REQUIRED = (
    {key: "system" for key in SYSTEM_KEYS}
    | {key: "compliance" for key in COMPLIANCE_KEYS}
    | {key: "crisis" for key in CRISIS_KEYS}
    | {key: "topic" for key in TOPIC_PRIMARY}
    | {key: "system" for key in CHECKIN_KEYS}
    | {key: "scheduled" for key in SCHEDULED_KEYS}
)

# Carrier compliance words (opt-out, opt-in, help) and engine commands (POLICY.md J3, J4): never topic keywords.
COMPLIANCE_WORDS = {
    "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT",
    "START", "YES", "UNSTOP", "HELP", "INFO",
}  # fmt: skip
ENGINE_WORDS = {"CHECKIN", "TIME", "ZONE", "PAUSE", "RESUME", "LESS", "DAILY", "STATUS"}
KEYWORD_FORMAT = re.compile(r"[A-Z0-9](?:[A-Z0-9' -]*[A-Z0-9])?")


def rendered(key: str) -> str:
    return render(CATALOG[key].text, SAMPLE_VALUES)


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
    assert not broken, f"{key} breaks POLICY.md 'Must never': {broken}"


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


@pytest.mark.parametrize(("key", "required"), [(k, r) for k, phrases in REQUIRED_PHRASES.items() for r in phrases])
def test_template_contains_required_phrase(key, required):
    assert required in rendered(key)


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
def test_scheduled_template_is_one_segment(key):
    assert analyse(rendered(key)).segments == 1


@pytest.mark.parametrize("key", sorted(k for k, t in CATALOG.items() if is_discreet(t)))
def test_lock_screen_template_is_discreet(key):
    """Scheduled texts, and the replies seconds after a check-in, show on a lock screen (POLICY.md L1, L2, L4)."""
    assert not NOT_DISCREET.findall(rendered(key))


def test_check_in_exchange_is_discreet_too():
    assert {"checkin.ask_craving", "checkin.answer_unclear", *CHECKIN_REPLY_KEYS} <= {
        k for k, t in CATALOG.items() if is_discreet(t)
    }


@pytest.mark.parametrize("key", CHECKIN_REPLY_KEYS)
def test_tailored_reply_shows_streak(key):
    assert "{streak}" in CATALOG[key].text


@pytest.mark.parametrize("key", FOLLOW_UP_KEYS)
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
        ("question that pulls for no", "You're not going to hurt yourself, right?", "Are you thinking about suicide?"),
        ("question that pulls for no", "You won't do anything tonight, will you?", "Are you safe right now?"),
        ("question that pulls for no", "Aren't you safe at home?", "Who could be with you tonight?"),
        ("question that pulls for no", "Nothing bad happened?", "You're not alone. What happened?"),
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
        ("Any cravings or withdrawal symptoms today?", "Any cravings or rough symptoms today?"),
        ("For a seizure, call 911.", "In an emergency, call 911."),
        ("SAMHSA helpline, free 24/7: 1-800-662-4357.", "Free help 24/7: call 1-800-662-4357."),
        ("How is the taper going?", "How are you today?"),
    ],
)
def test_discreet_check_catches(bad, good):
    assert NOT_DISCREET.search(bad)
    assert not NOT_DISCREET.search(good)


# ---------------------------------------------------------------- issue 15: facts, plain words, crisis at a glance

# Words a clinical and plain-language review found too hard or misleading in a text, with the everyday word used
# instead (messages/POLICY.md R3). "a cut" reads as self-harm; "HALT" in capitals reads as a keyword.
REPLACED_WORDS = {
    r"schedule iv": "a controlled drug",
    r"\bgaba\b": "calms the brain",
    r"\bsedatives?\b": "drugs that make you sleepy",
    r"motivational interviewing": "counseling that builds your own reasons to change",
    r"intensive outpatient": "a few days a week",
    r"\bprotracted\b": "long-lasting",
    r"rebound insomnia": "poor sleep",
    r"\ba cut\b": "a lower dose",
    r"\b(?:the|any|other|lethal)\s+means\b": "anything you could hurt yourself with",
}


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_no_replaced_jargon(key):
    text = rendered(key)
    found = [word for word in REPLACED_WORDS if re.search(word, text, re.I)]
    assert not found, f"{key}: say {[REPLACED_WORDS[w] for w in found]} instead"
    assert not re.search(r"\bHALT\b", text), "HALT in capitals reads as a keyword"


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_crisis_pointer_has_its_comma(key):
    assert not re.search(r"\bin crisis call\b", rendered(key), re.I), 'write "If you\'re in crisis, call ..."'


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_prescriber_or_a_doctor(key):
    """Many who misuse pills have no prescriber: every "your prescriber" offers a doctor too."""
    text = rendered(key)
    assert len(re.findall(r"prescriber", text)) == len(re.findall(r"prescriber(?:'s)? or (?:a )?doctor", text))


@pytest.mark.parametrize("key", CRISIS_KEYS)
def test_crisis_number_shows_in_a_lock_screen_preview(key):
    """A preview shows about the first 100 characters: the first number to call must be in them."""
    first = PHONE_NUMBER.search(rendered(key))
    assert first and first.start() < 100


@pytest.mark.parametrize(
    ("key", "phrases"),
    [
        ("topic.about", ["don't stop suddenly", "seizures"]),
        ("topic.signs", ["don't stop suddenly"]),
        ("topic.family", ["sudden stop", "hide or flush", "seizures", "988", "1-800-662-4357"]),
        ("topic.slip", ["several days", "before going back"]),
        ("topic.taper", ["prescriber or a doctor", "FIND"]),
        ("topic.mix", ["call 911", "on their side", "naloxone"]),
        ("topic.overdose", ["call 911", "on their side", "naloxone", "fully awake", "1-800-222-1222"]),
        ("checkin.reply.low_cravings", ["988"]),
    ],
)
def test_safety_facts_present(key, phrases):
    text = rendered(key).lower()
    assert all(phrase.lower() in text for phrase in phrases), [p for p in phrases if p.lower() not in text]


@pytest.mark.parametrize("key", BYSTANDER_KEYS)
def test_bystander_reply_speaks_to_the_helper(key):
    """Written to the person helping: never "don't stay alone" or "you took" as if they were the one at risk."""
    text = rendered(key).lower()
    assert not re.search(r"don't stay alone|hurt yourself|if you took|you're thinking|ending your life", text)
    assert "them" in text


def test_overdose_topic_says_which_number_when():
    """911 for very sleepy, slow breathing or mixed; Poison Control only when fully awake and unsure."""
    text = rendered("topic.overdose")
    (poison,) = same_sentence(text, r"poison control", r".")
    assert "fully awake" in poison and "unsure" in poison
    assert text.index("call 911") < text.index("Poison Control")


# ---------------------------------------------------------------- the repository stands alone (issue 9)

POLICY = (CATALOG_DIR / "POLICY.md").read_text(encoding="utf-8")
POLICY_LABELS = set(re.findall(r"\*\*([A-Z]\d+)\*\*", POLICY)) | set(re.findall(r"^\| ([A-Z]\d+) \|", POLICY, re.M))
CITED = re.compile(r"\b([A-Z]\d{1,2})\b")


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_source_cites_the_policy(key):
    """Every source note names POLICY.md and only sections that exist in it."""
    source = CATALOG[key].source
    assert "POLICY.md" in source
    cited = set(CITED.findall(source)) - {"RCT"}
    assert cited, "cite the POLICY.md sections the text rests on"
    assert cited <= POLICY_LABELS, f"no such POLICY.md section: {cited - POLICY_LABELS}"


def test_policy_labels_are_unique():
    labels = re.findall(r"\*\*([A-Z]\d+)\*\*", POLICY) + re.findall(r"^\| ([A-Z]\d+) \|", POLICY, re.M)
    assert len(labels) == len(set(labels)) and len(labels) > 40


def repository_files() -> list[Path]:
    root = CATALOG_DIR.parent
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True, text=True)
    return [root / name for name in listed.stdout.split("\0") if name and (root / name).is_file()]


def test_no_file_refers_outside_the_repository():
    """The project's policy lives in messages/POLICY.md: nothing cites files that are not in the repository."""
    outside = re.compile(r"CONTENT\.md|DESIGN\.md|\.\./shared|shared/(?:seeds|twilio|hooks)")
    found = []
    for path in repository_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        found += [f"{path.name}:{text.count(chr(10), 0, m.start()) + 1}" for m in outside.finditer(text)]
    assert not found
