"""Tests for service.safety.classify against the labelled crisis sets in tests/data/."""

from __future__ import annotations

import time

import pytest

from service.safety import CATEGORIES, classify, normalise

try:  # tests/ is not a package today; keep working if someone makes it one
    from tests.crisis_set import HOLDOUT_SET, MAIN_SET, Phrase, format_report, load, score
except ImportError:
    from crisis_set import HOLDOUT_SET, MAIN_SET, Phrase, format_report, load, score

MAIN = load(MAIN_SET, CATEGORIES)
HOLDOUT = load(HOLDOUT_SET, CATEGORIES)


def _id(phrase: Phrase) -> str:
    text = phrase.text if len(phrase.text) <= 40 else phrase.text[:37] + "..."
    return f"{phrase.label or 'none'}:{text}"


POSITIVES = [p for p in MAIN if p.label is not None]
NEGATIVES = [p for p in MAIN if p.label is None]


def test_sets_are_big_enough() -> None:
    for cat in CATEGORIES:
        assert sum(p.label == cat for p in MAIN) >= 40, cat
    assert len(NEGATIVES) >= 100


def test_categories_constant() -> None:
    assert CATEGORIES == ("overdose", "medical", "suicide", "self_harm", "violence")


@pytest.mark.parametrize("phrase", POSITIVES, ids=_id)
def test_crisis_phrase_is_classified(phrase: Phrase) -> None:
    got = classify(phrase.text)
    assert phrase.accepts(got), f"{phrase.text!r}: expected {phrase.label} (or {sorted(phrase.also)}), got {got}"


@pytest.mark.parametrize("phrase", NEGATIVES, ids=_id)
def test_non_crisis_phrase_is_not_flagged(phrase: Phrase) -> None:
    got = classify(phrase.text)
    assert got is None, f"{phrase.text!r} was flagged as {got}"


def test_main_set_precision_recall() -> None:
    report = score(MAIN, classify, CATEGORIES)
    summary = format_report("main", report)
    assert report.overall.recall == 1.0, summary
    assert report.overall.precision >= 0.97, summary
    for cat, s in report.per_category.items():
        assert s.recall == 1.0, f"{cat}\n{summary}"
        assert s.precision >= 0.97, f"{cat}\n{summary}"


@pytest.mark.xfail(
    strict=False,
    reason="untuned holdout v4 scores recall 0.88 / precision 1.00, under the 0.9 bar; fixing its misses "
    "would make it a tuning set (see the history in crisis_holdout.yaml). Shows XPASS once the bar is met.",
)
def test_holdout_precision_recall() -> None:
    # Held-out phrases were written before the last tuning round and never tuned on: a generalisation check.
    report = score(HOLDOUT, classify, CATEGORIES)
    summary = format_report("holdout", report)
    assert report.overall.recall >= 0.9, summary
    assert report.overall.precision >= 0.9, summary


ODD_INPUTS = [
    "",
    "   \t\n  ",
    "a" * 1600,
    "😂" * 1600,
    "🙂🔥💀" * 533,
    "\x00\x01\x02\x1b[31m\x7f\u200b\u202e",
    "kill" * 400,
    "i want to " * 160,
    "took " * 320,
    "¿Cómo estás? Necesito ayuda con el clonazepam, por favor.",
    "ＩＮ ＦＵＬＬＷＩＤＴＨ",
    "\ud800 lone surrogate",
]


@pytest.mark.parametrize("text", ODD_INPUTS, ids=lambda t: repr(t[:20]))
def test_odd_inputs_do_not_raise_and_are_fast(text: str) -> None:
    start = time.perf_counter()
    got = classify(text)
    elapsed = time.perf_counter() - start
    assert got is None or got in CATEGORIES
    assert elapsed < 0.05, f"{elapsed * 1000:.1f} ms"  # generous: catches catastrophic backtracking only


def test_empty_and_whitespace_are_none() -> None:
    assert classify("") is None
    assert classify("   \n\t") is None
    assert classify("😂" * 1600) is None


def test_crisis_at_end_of_long_message_is_found() -> None:
    assert classify("ok so " + "blah " * 300 + "i want to die") == "suicide"


def test_returns_only_known_values() -> None:
    for phrase in MAIN + HOLDOUT:
        assert classify(phrase.text) in (*CATEGORIES, None)


def test_priority_overdose_beats_suicide() -> None:
    assert classify("i want to die so i took the whole bottle") == "overdose"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("I’M  Sooooo   TIRED!!!", "im soo tired"),
        ("i can't", "i cant"),
        ("u wanna", "you want to"),
        ("k1ll mysélf", "kill myself"),
        ("took 2 bars, want 2 die", "took 2 bars want to die"),
        ("0.5mg", "0.5mg"),
        ("w/o me", "without me"),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected
