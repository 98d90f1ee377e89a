"""Tests for service.safety.classify against the labelled crisis sets in tests/data/.

History of the blind held-out sets (each scored once, untuned, then folded into crisis_phrases.yaml):
  v1: recall 0.86, precision 1.00    v2: recall 0.78, precision 0.95    v3: recall 0.80, precision 0.98
  v4: recall 0.88, precision 1.00 (untuned)
  v5 (written blind by someone else; 75 crisis + 60 none): recall 0.747, precision 1.00 (any category);
      exact category: suicide 11/15, self_harm 9/15, overdose 12/15, medical 12/15, violence 11/15.
v4 and v5 are tuning data since round 7. The next blind set is crisis_holdout_v6.yaml, written by another
person after round 7; until it exists the holdout test skips.
"""

from __future__ import annotations

import re._constants as sre_constants  # private, test-only: used to prove the family gates sound
import re._parser as sre_parser
import time

import pytest

from service import safety
from service.safety import CATEGORIES, classify, normalise

try:  # tests/ is not a package today; keep working if someone makes it one
    from tests.crisis_set import HOLDOUT_SET, MAIN_SET, Phrase, format_report, load, score
except ImportError:
    from crisis_set import HOLDOUT_SET, MAIN_SET, Phrase, format_report, load, score

MAIN = load(MAIN_SET, CATEGORIES)
HOLDOUT = load(HOLDOUT_SET, CATEGORIES) if HOLDOUT_SET.exists() else []
HOLDOUT_RECALL = 0.85
HOLDOUT_PRECISION = 0.9


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


@pytest.mark.skipif(
    not HOLDOUT_SET.exists(),
    reason=f"blind holdout {HOLDOUT_SET.name} not written yet: another person writes it without seeing the "
    "classifier or the main set, then this test scores it once",
)
def test_holdout_precision_recall() -> None:
    # Held-out phrases were written blind and never tuned on: the honest generalisation check.
    report = score(HOLDOUT, classify, CATEGORIES)
    summary = format_report(f"holdout {HOLDOUT_SET.name}", report)
    o = report.overall
    figures = f"recall {o.recall:.3f} (bar {HOLDOUT_RECALL}), precision {o.precision:.3f} (bar {HOLDOUT_PRECISION})"
    assert o.recall >= HOLDOUT_RECALL, f"{figures}\n{summary}"
    assert o.precision >= HOLDOUT_PRECISION, f"{figures}\n{summary}"


# --- family gates ---------------------------------------------------------------------------------
# classify() skips a family of patterns unless one of its gate literals occurs in the text. That is only
# safe if every possible match contains a gate literal; prove it from the parsed regex rather than trust it.


def _gate_covers(pattern: str, gate: tuple[str, ...]) -> bool:
    """True if every match of `pattern` contains one of the `gate` literals as a substring.

    Walks the parsed regex keeping the literal characters matched so far (`run`); a branch is covered
    only if all of its alternatives are. The continuation is a stack of (item list, index) frames, so
    states reached through different alternatives are shared in the memo."""
    C = sre_constants
    tree = sre_parser.parse(pattern)  # keeps every item list alive, so id() keys stay unique
    reset: list = [("RESET", None)]
    tail = max(map(len, gate)) - 1  # only this much of the run so far can still complete a gate literal
    memo: dict[tuple, bool] = {}

    def cov(stack: tuple, run: str) -> bool:
        if any(g in run for g in gate):
            return True
        run = run[-tail:] if tail else ""
        while stack and stack[-1][1] == len(stack[-1][0]):
            stack = stack[:-1]
        if not stack:
            return False  # reached the end of the match without meeting a gate literal
        key = (tuple((id(items), i) for items, i in stack), run)
        if key not in memo:
            memo[key] = step(stack, run)
        return memo[key]

    def step(stack: tuple, run: str) -> bool:
        items, i = stack[-1]
        nxt = (*stack[:-1], (items, i + 1))
        op, av = items[i]
        if op is C.LITERAL:
            return cov(nxt, run + chr(av))
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # zero width: the literal run continues
            return cov(nxt, run)
        if op is C.IN and len(av) <= 6 and all(o is C.LITERAL for o, _ in av):
            return all(cov(nxt, run + chr(a)) for _, a in av)
        if op is C.SUBPATTERN:
            return cov((*nxt, (av[-1].data, 0)), run)
        if op is C.BRANCH:
            return all(cov((*nxt, (alt.data, 0)), run) for alt in av[1])
        if op == "RESET":
            return cov(nxt, "")
        if op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            # the first copy continues the literal run; what follows it is unknown
            return cov((*nxt, (reset, 0), (av[2].data, 0)), run)
        return cov(nxt, "")  # anything else may match anything: the literal run is broken

    return cov(((tree.data, 0),), "")


def test_gate_checker_itself() -> None:
    assert _gate_covers(r" (?:took|swallowed) all", ("took", "swallow"))
    assert not _gate_covers(r" (?:took|swallowed) all", ("took",))
    assert _gate_covers(r"\bgr[ae]y\b", ("gray", "grey"))
    assert _gate_covers(r"x(?: \w+){1,3} kill", ("kill",))
    assert not _gate_covers(r"(?:kill)?x", ("kill",))
    assert not _gate_covers(r"(?:ab)+c", ("abab",))
    assert _gate_covers(r"\bkms+\b", ("kms",))


FAMILIES = [(cat, i, f) for cat in CATEGORIES for i, f in enumerate(safety._FAMILIES[cat])]
COMBOS = [(cat, i, c) for cat in CATEGORIES for i, c in enumerate(safety._COMBOS.get(cat, ()))]


@pytest.mark.parametrize(("cat", "i", "family"), FAMILIES, ids=[f"{c}-{i}" for c, i, _ in FAMILIES])
def test_family_gate_is_sound(cat: str, i: int, family: safety._Family) -> None:
    assert all(g and g == g.strip() for g in family.gate), family.gate  # gates are checked on the unpadded text
    for p in family.patterns:
        source = " (?:" + (p[2:] if p.startswith(r"\b") else p) + ")"  # as _family compiles it
        assert _gate_covers(source, family.gate), f"a match of {p[:70]!r}... can miss every gate literal"


@pytest.mark.parametrize(("cat", "i", "combo"), COMBOS, ids=[f"{c}-{i}" for c, i, _ in COMBOS])
def test_combo_gate_is_sound(cat: str, i: int, combo: safety._Combo) -> None:
    assert _gate_covers(combo.first.pattern, combo.gate)


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
    # repeated pattern openers: the worst cases for a backtracking engine
    ("my son " * 300)[:1600],
    "i " * 800,
    ("cut " * 400)[:1600],
    "a.b " * 400,
    ("took 5 " * 300)[:1600],
    ("he keeps " * 200)[:1600],
    ("how many " * 200)[:1600],
    ("breathing " * 160)[:1600],
    ("sorry for everything " * 80)[:1600],
    ("i took my pills and he was breathing fine and my son said he would call " * 30)[:1600],
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
        ("I’M  Sooooo   TIRED!!!", "im so tired"),
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
