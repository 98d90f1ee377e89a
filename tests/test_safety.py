"""Tests for the crisis rules (service.crisis.matcher.classify, the rules alone) against the labelled crisis sets
in tests/data/; the rules with the model together are tested in tests/test_crisis.py.

History of the blind held-out sets (each scored once, untuned, then folded into crisis_phrases.yaml):
  v1: recall 0.86, precision 1.00    v2: recall 0.78, precision 0.95    v3: recall 0.80, precision 0.98
  v4: recall 0.88, precision 1.00 (untuned)
  v5 (written blind by someone else; 75 crisis + 60 none): recall 0.747, precision 1.00 (any category);
      exact category: suicide 11/15, self_harm 9/15, overdose 12/15, medical 12/15, violence 11/15.
  v6 (written blind by someone else; 100 crisis + 80 none): recall 0.79, precision 0.975 (2 false alarms);
      exact category: suicide 16/20, self_harm 17/20, overdose 14/20, medical 17/20, violence 14/20.
  v7 (written blind by someone else; 100 crisis + 80 none): recall 0.88, precision 0.946 (5 false alarms);
      exact category: suicide 16/20, self_harm 19/20, overdose 16/20, medical 18/20, violence 18/20.
  v8 (written blind by someone else; 100 crisis + 80 none): recall 0.91, precision 0.989 (1 false alarm);
      exact category: suicide 15/20, self_harm 20/20, overdose 17/20, medical 19/20, violence 19/20.
v4-v8 are tuning data now; round 8 answered v6 with the safety-net layer, round 9 answered v7 by family
(plans with a method in place, euphemisms for joining the dead, benzo street names, counts in an hour, a
child into the pills, "the max before breathing stops", "wont come round", a heart rate and fainting,
threats with a weapon, bruises and fear; false friends: past "never again", "my boss is gonna kill me",
"what does X mean", "nearly had a heart attack lol", sober from drinking while tapering);
round 10 answered v8 by family (a method
in hand and put by, "wont need them where im going", care for pets or kids "after im gone", "eat my gun",
pills stockpiled for a chosen time = suicide, a child into the pills with some gone, drinking on top of
benzos not caring what happens, "take all my <slang>", confusion or disorientation while stopping, afraid
to go back home; false friend: a documentary/book/class about suicide prevention). The next blind set is
crisis_holdout_v9.yaml, written by another person after round 10; until it exists the holdout test skips.
"""

from __future__ import annotations

import re
import re._constants as sre_constants  # private, test-only: used to prove the family gates sound
import re._parser as sre_parser
import time

import pytest

from service.crisis import matcher, vocabulary
from service.crisis.matcher import CATEGORIES, classify
from service.crisis.normalise import blank_false_friends, normalise
from service.crisis.violence import STRANGLED_PATTERNS

try:  # tests/ is not a package today; keep working if someone makes it one
    from tests.crisis_set import HOLDOUT_SET, MAIN_SET, Phrase, format_report, load, score
except ImportError:
    from crisis_set import HOLDOUT_SET, MAIN_SET, Phrase, format_report, load, score

MAIN = load(MAIN_SET, CATEGORIES)
HOLDOUT = load(HOLDOUT_SET, CATEGORIES) if HOLDOUT_SET.exists() else []
# Regression floors on unseen wording, not targets: the design target is recall well above 0.9 (a missed
# crisis can kill) at precision >= 0.97, but every blind set so far came in lower before tuning (v1-v8 above:
# recall 0.747-0.91, precision 0.946-1.00). The floors catch a layer breaking, not the normal gap between
# tuned and unseen text.
HOLDOUT_RECALL = 0.75
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
    assert CATEGORIES == ("overdose", "medical", "suicide", "self_harm", "harm_to_others", "violence")


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
    reason=f"blind holdout {HOLDOUT_SET.name} not written yet: another person writes it after tuning round 10 "
    "without seeing the classifier or the main set, then this test scores it once",
)
def test_holdout_precision_recall() -> None:
    """Held-out phrases were written blind and never tuned on: the honest generalisation check.

    The bars are floors (see HOLDOUT_RECALL): the actual figures are printed (pytest -s, or the report
    script) so the history above can record them; the per-category detail is in the failure message."""
    report = score(HOLDOUT, classify, CATEGORIES)
    summary = format_report(f"holdout {HOLDOUT_SET.name}", report)
    o = report.overall
    figures = (
        f"{HOLDOUT_SET.name}: recall {o.recall:.3f} (floor {HOLDOUT_RECALL}), "
        f"precision {o.precision:.3f} (floor {HOLDOUT_PRECISION})"
    )
    print(f"\n{figures}\n{summary}")
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


FAMILIES = [(cat, i, f) for cat in CATEGORIES for i, f in enumerate(matcher.FAMILIES[cat])]
COMBOS = [(cat, i, c) for cat in CATEGORIES for i, c in enumerate(matcher.COMBOS[cat])]


@pytest.mark.parametrize(("cat", "i", "family"), FAMILIES, ids=[f"{c}-{i}" for c, i, _ in FAMILIES])
def test_family_gate_is_sound(cat: str, i: int, family: vocabulary.Family) -> None:
    assert all(g and g == g.strip() for g in family.gate), family.gate  # gates are checked on the unpadded text
    for p in family.patterns:
        source = " (?:" + (p[2:] if p.startswith(r"\b") else p) + ")"  # as _family compiles it
        assert _gate_covers(source, family.gate), f"a match of {p[:70]!r}... can miss every gate literal"


@pytest.mark.parametrize(("cat", "i", "combo"), COMBOS, ids=[f"{c}-{i}" for c, i, _ in COMBOS])
def test_combo_gate_is_sound(cat: str, i: int, combo: vocabulary.Combo) -> None:
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
    # openers of the safety-net families, which are searched on every text
    ("hit my mom " * 150)[:1600],
    ("if i dont wake up " * 90)[:1600],
    ("emptied the " * 150)[:1600],
    ("passed out and " * 110)[:1600],
    ("im hiding in " * 130)[:1600],
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


def test_strangling_is_violence_before_medical() -> None:
    # blacking out is a medical family, but being choked by a person is violence (that reply says 911 too)
    assert classify("he choked me during the fight and i blacked out") == "violence"
    assert classify("i blacked out and hit my head") == "medical"


# --- safety net ------------------------------------------------------------------------------------
# The net is tried after every specific family and has no gates. These texts are caught by the net alone
# (no specific family matches them), one per net family, so a net that stops running fails here.
NET_ONLY = [
    ("took a handful of my 2mg and chased it w vodka", "overdose"),
    ("ngl i doubled then tripled my dose tonight", "overdose"),
    ("what dose actually kills you", "overdose"),
    ("emptied the pill organizer for the whole week into my mouth", "overdose"),
    ("i think im having a withdrawal seizure", "medical"),
    ("my whole body is jerking", "medical"),
    ("had a fit at work just now, bit my tongue", "medical"),
    ("i just passed out in the bathroom and hit my head", "medical"),
    ("if i dont wake up tomorrow thats fine by me", "suicide"),
    ("the bridge on route 9 is looking real good tonight", "suicide"),
    ("you wont hear from me again", "suicide"),
    ("sitting with my pistol in my lap", "suicide"),
    ("cutting rn cant stop", "self_harm"),
    ("pressed a hot spoon on my wrist", "self_harm"),
    ("she has cuts all up her thighs", "self_harm"),
    ("my dad beats my mom when hes drunk", "violence"),
    ("im hiding in the bathroom hes banging on the door", "violence"),
    ("he reads all my texts and takes my money", "violence"),
    ("my brother is threatening to hurt all of us", "violence"),
    ("he said if i leave hell find me and end me", "violence"),
    ("back in 2019 i overdosed and i just did it again", "overdose"),
]


@pytest.mark.parametrize(("text", "expected"), NET_ONLY, ids=[t for t, _ in NET_ONLY])
def test_safety_net_catches_what_no_family_does(text: str, expected: str) -> None:
    s = blank_false_friends(normalise(text))
    assert not any(matcher._matches(cat, s, " " + s) for cat in CATEGORIES), "a specific family matches now"
    assert classify(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "i never passed out, just felt dizzy",  # negated
        "had a seizure years ago, fine now",  # past and resolved
        "back in 2019 i overdosed but ive been clean 5 yrs",
        "he used to choke me, im safe now",
        "what does a seizure look like",  # informational
        "is 988 only for suicide or can i call about withdrawal",
        "can you overdose on klonopin",
        "you wont hear from me again until monday, going camping",
        "my kid had a fit about bedtime",
        "he beats me at chess",
    ],
)
def test_safety_net_holds_back_on_clear_frames(text: str) -> None:
    assert classify(text) is None


def _net_person_patterns() -> list[vocabulary.AfterPerson]:
    groups = [*matcher.NET_PATTERNS.values(), STRANGLED_PATTERNS]
    groups += [side if type(side) is tuple else (side,) for pairs in matcher.NET_COMBO_PATTERNS.values()
               for pair in pairs for side in pair]  # fmt: skip
    return [p for group in groups for p in group if isinstance(p, vocabulary.AfterPerson)]


@pytest.mark.parametrize("led", _net_person_patterns(), ids=lambda p: p.pattern[3:40])
def test_person_lookback_equals_one_regex(led: vocabulary.AfterPerson) -> None:
    # _AfterPerson matches the verb and then looks back for a person, for speed; it must agree with the
    # plain regex "person, up to `gap` words, pattern" on every labelled text.
    tail = led.pattern.removeprefix(r"\b")
    full = re.compile(rf"(?:^| ){vocabulary.PERSON}(?: \w+){{0,{led.gap}}}? {tail}")
    fast = vocabulary.signals(led)[0]
    for phrase in MAIN:
        padded = " " + normalise(phrase.text)
        looked_back = any(matcher._person_before(padded, m.start(), led.gap) for m in fast.regex.finditer(padded))
        assert looked_back == bool(full.search(padded)), phrase.text


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
