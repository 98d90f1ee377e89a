"""Crisis classifier for incoming texts.

`classify(text)` returns one of CATEGORIES (highest priority first) or None. It is tuned for
recall: a missed crisis can kill, a false alarm costs an operator a look. It still stays quiet on
common false friends ("this insomnia is killing me", "I cut back my dose with my doctor"), on
informational questions ("can withdrawal cause seizures", "is 988 only for suicide"), and on clearly
past and resolved events ("back in 2019 i overdosed but ive been clean 5 yrs").

Pipeline: normalise the text (Unicode, case, accents, text-speak, leet, stretched letters); return None
for a past and resolved event; blank out known idiom spans; then, in priority order, try each category's
specific pattern families (one family per kind of wording, e.g. "took all / a handful of pills", "can't
wake him"), plus a few pairs of signals that only mean a crisis together (giving belongings away + "i'm
done"). A specific family is only searched when one of its gate literals occurs in the text; tests prove
every match contains one, so a gate only saves time and never drops a text.

If no specific family matched, the safety net runs (see "safety net" below): broad, high-signal stems
per category ("cutting rn", a pill count swallowed, "what dose kills you", a body jerking, "passed out and
hit my head", a person beating someone, coercive control, farewells, a passive death wish), in the same
priority order and with no gates, held back only by a negator right before the stem, a past frame, or
(except for overdose) an informational question. The blind holdouts showed the specific families alone
do not generalise (v4-v8 recall 0.747-0.91); the net is the recall-first layer for wording not seen yet.
Round 9 folded in blind set v7 (R 0.88 P 0.946) by family: a method in place while choosing when, "check
out" to join the dead, benzo street names, counts within the last hour, a child into the pills with some
missing, "the max before breathing stops", "wont come round", a heart rate with fainting, threats with a
weapon, bruises from a person and fear; and false friends: past "never again", "my boss is gonna kill me
(overslept)", "what does X mean", "nearly had a heart attack lol", sober from drinking while tapering.
Round 10 folded in blind set v8 (R 0.91 P 0.989) by family: a method
in hand and put by, "wont need them where im going", care for pets or kids "after im gone", "eat my gun",
pills stockpiled for a chosen time (suicide, checked before overdose), a child into the pills with some
gone, drinking on top of benzos "dont care what happens", "take all my klonies", confusion while stopping,
afraid to go back home; false friend: a documentary or class about suicide prevention.

Pure stdlib, no I/O; every regex is compiled once at import and uses bounded gaps only, so there is
no catastrophic backtracking: well under 100 us per message on average and about 2-4 ms for a
1,600-character worst case, even with every family and the whole net searched
(tests/perf/bench_classifier.py).
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import NamedTuple

from service.crisis import harm_to_others, medical, overdose, self_harm, suicide, violence
from service.crisis.frames import NEGATED, RELAPSE, RELAPSE_OF, net_vetoed, resolved_past, vetoed
from service.crisis.normalise import blank_false_friends, normalise
from service.crisis.overdose import mixing_now
from service.crisis.suicide import STOCKPILE, STOCKPILE_TAKEN, STOCKPILE_WHEN
from service.crisis.violence import CONTROL_PATTERNS, STRANGLED_PATTERNS
from service.crisis.vocabulary import PERSON, Combo, Family, NetPattern, Signal, signals

# Priority order: the first category that matches wins. Harm to others comes after the texter's own risk to life
# ("i took 30 pills and im going to kill him" is an overdose) and before violence, so "he hit me so im going to kill
# him" gets the reply about the threat (911, 988), which offers the texter help too.
_MODULES: dict[str, ModuleType] = {
    "overdose": overdose,
    "medical": medical,
    "suicide": suicide,
    "self_harm": self_harm,
    "harm_to_others": harm_to_others,
    "violence": violence,
}
CATEGORIES: tuple[str, ...] = tuple(_MODULES)
FAMILIES: dict[str, tuple[Family, ...]] = {cat: m.FAMILIES for cat, m in _MODULES.items()}
COMBOS: dict[str, tuple[Combo, ...]] = {cat: m.COMBOS for cat, m in _MODULES.items()}
NET_PATTERNS: dict[str, tuple[NetPattern, ...]] = {cat: m.NET for cat, m in _MODULES.items()}
NET_COMBO_PATTERNS: dict[str, tuple[tuple[NetPattern | tuple[NetPattern, ...], ...], ...]] = {
    cat: m.NET_COMBOS for cat, m in _MODULES.items()
}

_NET: dict[str, tuple[Signal, ...]] = {cat: signals(*ps) for cat, ps in NET_PATTERNS.items()}
_NET_COMBOS: dict[str, tuple[tuple[tuple[Signal, ...], tuple[Signal, ...]], ...]] = {
    cat: tuple((signals(a), signals(b)) for a, b in pairs) for cat, pairs in NET_COMBO_PATTERNS.items()
}
_CONTROL = tuple(signals(p) for p in CONTROL_PATTERNS)
_STRANGLED = signals(*STRANGLED_PATTERNS)
# PERSON is at most 5 words ("my moms son in law"); a person ending `gap` words before a match
_PERSON_ENDS = {gap: re.compile(rf"(?:^| ){PERSON}(?: \w+){{0,{gap}}}$") for gap in (3,)}


def _person_before(padded: str, start: int, gap: int) -> bool:
    words = padded[:start].rsplit(" ", gap + 6)
    return bool(_PERSON_ENDS[gap].search(" ".join(words[1:] if len(words) > gap + 6 else words)))


def _found(wanted: tuple[Signal, ...], padded: str) -> bool:
    """True if a match of `wanted` is neither negated ("never passed out") nor missing its person."""
    for sig in wanted:
        for m in sig.regex.finditer(padded):
            start = m.start()
            if NEGATED.search(padded, max(0, start - 40), start):
                continue
            if sig.person_gap < 0 or _person_before(padded, start, sig.person_gap):
                return True
    return False


def _net_matches(category: str, padded: str, raw: str, relapse: bool) -> bool:
    if _found(_NET[category], padded) or (relapse and RELAPSE_OF[category].search(raw)):
        return True
    if any(_found(first, padded) and _found(second, padded) for first, second in _NET_COMBOS[category]):
        return True
    return category == "violence" and sum(_found(sign, padded) for sign in _CONTROL) >= 2


def _gate(literals: tuple[str, ...]) -> re.Pattern[str]:
    """One regex that finds any of a family's gate literals: one search in C instead of a loop of `in` tests."""
    return re.compile("|".join(map(re.escape, sorted(set(literals), key=len, reverse=True))))


_GATED: dict[str, tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]] = {
    cat: tuple((_gate(f.gate), f.regex) for f in families) for cat, families in FAMILIES.items()
}
_GATED_COMBOS: dict[str, tuple[tuple[re.Pattern[str], Combo], ...]] = {
    cat: tuple((_gate(c.gate), c) for c in combos) for cat, combos in COMBOS.items()
}


def _matches(category: str, s: str, padded: str) -> bool:
    if category == "overdose" and mixing_now(s):
        return True
    for gate, regex in _GATED[category]:
        if gate.search(s) and regex.search(padded):
            return True
    return any(gate.search(s) and c.first.search(s) and c.second.search(s) for gate, c in _GATED_COMBOS[category])


class Prepared(NamedTuple):
    """A text as the rules read it: normalised (raw), idioms blanked (s), and s after one space (padded)."""

    raw: str
    s: str
    padded: str


def prepare(text: str) -> Prepared | None:
    """The text ready for the rules, or None when there is nothing to read or it tells of a past, resolved event."""
    raw = normalise(text) if text else ""
    if not raw or resolved_past(raw):
        return None
    s = blank_false_friends(raw)
    return Prepared(raw, s, " " + s)


def specific(text: Prepared) -> str | None:
    """The category of the first specific family that matches, in priority order."""
    s, padded = text.s, text.padded
    # 0. pills stockpiled for a chosen time: a suicide plan, before the overdose families claim the pills
    stockpiled = STOCKPILE.search(s) and STOCKPILE_WHEN.search(s) and not STOCKPILE_TAKEN.search(s)
    if stockpiled and not net_vetoed("suicide", s):
        return "suicide"
    for category in CATEGORIES:
        if category == "medical" and _found(_STRANGLED, padded):
            return "violence"  # strangled by a person: violence before medical (see _STRANGLED)
        if _matches(category, s, padded) and not vetoed(category, s):
            return category
    return None


def safety_net(text: Prepared) -> str | None:
    """The category of the first safety-net stem that matches, for wording no specific family knows."""
    relapse = _found(RELAPSE, " " + text.raw)
    for category in CATEGORIES:
        if _net_matches(category, text.padded, text.raw, relapse) and not net_vetoed(category, text.s):
            return category
    return None


def classify(text: str) -> str | None:
    """Return the highest-priority crisis category in `text`, or None if it reads as no crisis (the rules alone)."""
    prepared = prepare(text)
    return prepared and (specific(prepared) or safety_net(prepared))
