"""Every topic keyword and synonym lands on its topic, also misspelled and inside short questions."""

import pytest

from messages import catalog
from service.keywords import find_topic, normalise

TOPICS = {key: t for key, t in catalog.load().items() if t.kind == "topic"}
ALL_KEYWORDS = [(kw, key) for key, t in TOPICS.items() for kw in t.keywords]
DESIGN_KEYWORDS = [
    "MENU", "ABOUT", "SIGNS", "WITHDRAWAL", "TAPER", "MIX", "OVERDOSE", "TREATMENT",
    "FIND", "CRAVE", "SLEEP", "ANXIETY", "SLIP", "LONGTERM", "FAMILY", "PLAN",
]  # fmt: skip


def test_every_design_keyword_is_a_primary_keyword() -> None:
    assert sorted(t.keywords[0] for t in TOPICS.values()) == sorted(DESIGN_KEYWORDS)


@pytest.mark.parametrize(("keyword", "topic"), ALL_KEYWORDS, ids=[kw for kw, _ in ALL_KEYWORDS])
def test_keyword_alone_in_any_case_and_punctuation(keyword: str, topic: str) -> None:
    for form in (keyword, keyword.lower(), f"  {keyword.title()}?! ", f"{keyword.lower()}..."):
        assert find_topic(form) == topic, form


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("what is klonopin", "topic.about"),
        ("What is clonazepam?", "topic.about"),
        ("how long does withdrawal last", "topic.withdrawal"),
        ("withdrawl", "topic.withdrawal"),
        ("withdrawel symptoms??", "topic.withdrawal"),
        ("klonopin withdrawal", "topic.withdrawal"),
        ("tapering?", "topic.taper"),
        ("how do i taper off klonopin", "topic.taper"),
        ("can i drink on klonopin", "topic.mix"),
        ("is it ok to mix with alcohol", "topic.mix"),
        ("cant sleep", "topic.sleep"),
        ("I can't sleep at all", "topic.sleep"),
        ("insomnia", "topic.sleep"),
        ("having a panic attack", "topic.anxiety"),
        ("i relapsed last night", "topic.slip"),
        ("how do i help my son", "topic.family"),
        ("where can i find treatment near me", "topic.find"),
        ("cravings are bad today", "topic.crave"),
        ("what are the signs of overdose", "topic.overdose"),
        ("am i addicted", "topic.signs"),
        ("symptoms months later", "topic.longterm"),
        ("relapse prevention plan", "topic.plan"),
        ("MENU", "topic.menu"),
        ("menu please", "topic.menu"),
        ("ＭＥＮＵ", "topic.menu"),
    ],
)
def test_natural_questions(text: str, topic: str) -> None:
    assert find_topic(text) == topic


@pytest.mark.parametrize("text", ["", "hello", "ok thanks", "🙂", "12345", "a" * 1600, "my mind is blank"])
def test_texts_without_a_topic(text: str) -> None:
    assert find_topic(text) is None


def test_normalise_folds_case_accents_apostrophes_and_punctuation() -> None:
    assert normalise("  Can’t  SLEEP?! Café ") == "cant sleep cafe"
