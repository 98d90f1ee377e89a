"""Every reply reads at grade 6-8 or easier in vocabulary, by the Dale-Chall score (messages/POLICY.md R1, R2)."""

import pytest

from messages.catalog import SAMPLE_VALUES, load, render
from tests.readability import score, unfamiliar

# The highest Dale-Chall score a template of each kind may have (6.0-6.9 reads at grades 7-8, 5.0-5.9 at 5-6).
CEILING = {
    "topic": 6.9,  # explains a term each time (withdrawal, tolerance): grade 7-8 at most
    "system": 6.9,  # commands and settings: grade 7-8 at most
    "compliance": 6.9,  # carriers' required wording is exempt (tests/readability.py NAMED); the rest grade 7-8
    "crisis": 5.9,  # read in fear or in a hurry: grade 5-6 at most
    "scheduled": 5.9,  # read at a glance on a lock screen: grade 5-6 at most
    "operator": 5.9,  # saved replies an operator sends after a crisis: as plain as a crisis reply
    "talk": 6.9,  # the crisis conversation: steps for tonight (a gun, pills) need a few longer words; grade 7-8
}
# Not for texters in English: the on-call alert goes to staff, and the Spanish pointer is in Spanish.
NOT_SCORED = {"alert.oncall", "alert.unread", "spanish"}
SPANISH_POINTER = "Para español, manda ESPANOL."  # a Spanish sentence inside English replies: not English vocabulary
CATALOG = load("en")


@pytest.mark.parametrize("key", sorted(set(CATALOG) - NOT_SCORED))
def test_template_reads_within_its_ceiling(key):
    template = CATALOG[key]
    text = render(template.text, SAMPLE_VALUES).replace(SPANISH_POINTER, "").strip()
    assert score(text) <= CEILING[template.kind], f"score {score(text):.2f}; hard words: {unfamiliar(text)}"


def test_every_kind_for_texters_has_a_ceiling():
    assert {t.kind for k, t in CATALOG.items() if k not in NOT_SCORED} <= CEILING.keys()


@pytest.mark.parametrize(
    ("hard", "plain"),
    [
        (
            "It boosts GABA. It's a Schedule IV drug. Rebound insomnia is common.",
            "It calms the brain. Poor sleep is common when cutting down.",
        ),
        (
            "Programs can be intensive outpatient or residential, with motivational interviewing.",
            "Care can be a few days a week, or a live-in program.",
        ),
        ("Some people have protracted symptoms.", "Some people have symptoms for months."),
    ],
)
def test_score_tells_jargon_from_plain_words(hard, plain):
    """Sentence length alone would score these alike: the vocabulary makes the difference."""
    assert score(hard) > CEILING["topic"] >= score(plain)


@pytest.mark.parametrize(
    ("word", "familiar"),
    [
        ("helps", True),  # a regular ending of a listed word
        ("texting", True),  # the medium
        ("check-ins", True),
        ("MENU", True),  # a keyword in capitals is an instruction, not vocabulary
        ("988", True),
        ("sedatives", False),
        ("protracted", False),
    ],
)
def test_familiar_words(word, familiar):
    assert (word not in unfamiliar(f"Then {word} now.")) is familiar


def test_names_inside_a_sentence_are_familiar_but_not_at_its_start():
    assert unfamiliar("Call Poison Control now.") == []
    assert unfamiliar("Irritability is here.") == ["Irritability"]
