"""Benchmark the crisis check: rules and model together (service.crisis.assess), against the rules alone.

Excluded from the default run (pyproject adds -m 'not perf'). Run either way:
    .venv/bin/python -m pytest -m perf tests/perf/bench_classifier.py -s
    .venv/bin/python -m tests.perf.bench_classifier
Budget (DESIGN): rules and model together at most 0.3 ms per typical text (median, one core) and 5 ms for
1,600 characters. Medians over the corpus's training batches, harmless and crisis texts apart (most real traffic
is harmless); the rules alone, the detector before the model, are the baseline measured in the same run.
Nothing here asserts a time.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

# Running as a script puts tests/perf on sys.path, not the repo root or tests/: add both.
_TESTS = Path(__file__).resolve().parents[1]
for _p in (str(_TESTS.parent), str(_TESTS)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

from service.crisis import assess, corpus, matcher  # noqa: E402

pytestmark = pytest.mark.perf


# 1,600-character worst cases: plain words, emoji, and repeated pattern openers (each repetition starts a
# partial match that a backtracking engine has to give up on), plus a long family message full of trigger
# words that opens most pattern families without being a crisis.
WORST_CASES = {
    "plain words": ("i have been tapering slowly and things are ok " * 40)[:1600],
    "emoji": "😂" * 1600,
    "my son x300": ("my son " * 300)[:1600],
    "i x800": "i " * 800,
    "a.b x400": "a.b " * 400,
    "took 5 x300": ("took 5 " * 300)[:1600],
    "i want to x160": "i want to " * 160,
    "he keeps x200": ("he keeps " * 200)[:1600],
    "how many x200": ("how many " * 200)[:1600],
    "hit my mom x150": ("hit my mom " * 150)[:1600],
    "if i dont x90": ("if i dont wake up " * 90)[:1600],
    "family update": (
        "my husband took his pills and then he was breathing fine, my son said he would call me later and i "
        "hope everything is ok with him because i worry about him a lot since he started tapering, he cut "
        "back his dose and hit the gym and the kids wont wake up early lol "
    )
    * 8,
}


def corpus_texts(crisis_side: bool) -> list[str]:
    return [i.text for b in corpus.load() if not b.frozen for i in b.items if (i.label != "none") == crisis_side]


def median_us(check: Callable[[str], object], texts: list[str]) -> float:
    timings = []
    for text in texts:
        start = time.perf_counter()
        check(text)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1e6


def worst_us(check: Callable[[str], object], text: str, rounds: int = 7, reps: int = 5) -> float:
    """Best-of-`rounds` time for one long text (best-of filters out machine noise)."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(reps):
            check(text)
        best = min(best, (time.perf_counter() - start) / reps)
    return best * 1e6


def _summary() -> str:
    checks = {"rules alone": matcher.classify, "rules and model": assess}
    for text in corpus_texts(False)[:300]:  # warm-up: the model is read, regexes are cached
        assess(text)
    lines = []
    for side in (False, True):
        texts = corpus_texts(side)
        medians = {name: median_us(check, texts) for name, check in checks.items()}
        ratio = medians["rules and model"] / medians["rules alone"]
        label = "crisis texts" if side else "harmless texts"
        lines.append(
            f"{label} ({len(texts)}): median {medians['rules and model']:.0f} us rules and model, "
            f"{medians['rules alone']:.0f} us rules alone (ratio {ratio:.2f})"
        )
    for name, text in WORST_CASES.items():
        long = {label: worst_us(check, text[:1600]) for label, check in checks.items()}
        lines.append(
            f"  1,600 chars, {name:<16} {long['rules and model']:7.0f} us rules and model, "
            f"{long['rules alone']:7.0f} us rules alone"
        )
    return "\n".join(lines)


def test_bench_classifier() -> None:
    print(_summary())


if __name__ == "__main__":
    print(_summary())
