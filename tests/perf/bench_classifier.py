"""Benchmark service.safety.classify over the labelled crisis sets.

Excluded from the default run (pyproject adds -m 'not perf'). Run either way:
    .venv/bin/python -m pytest -m perf tests/perf/bench_classifier.py -s
    .venv/bin/python tests/perf/bench_classifier.py
Budget: well under 200 us per message on average (about 60-90 us on an idle machine), under ~3 ms for a
1,600-character worst case. The safety net in service/crisis/ has no gates, so it runs on every text:
the worst cases below include its openers too.
Nothing here asserts a time.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

# Running as a script puts tests/perf on sys.path, not the repo root or tests/: add both.
_TESTS = Path(__file__).resolve().parents[1]
for _p in (str(_TESTS.parent), str(_TESTS)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

from crisis_set import HOLDOUT_SET, MAIN_SET, load  # noqa: E402

from service.safety import CATEGORIES, classify  # noqa: E402

pytestmark = pytest.mark.perf

ROUNDS = 200


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


def texts() -> list[str]:
    phrases = load(MAIN_SET, CATEGORIES)
    if HOLDOUT_SET.exists():
        phrases += load(HOLDOUT_SET, CATEGORIES)
    return [p.text for p in phrases] + [t[:1600] for t in WORST_CASES.values()]


def measure(rounds: int = ROUNDS) -> tuple[float, float, int]:
    """Return (mean us/message, worst single-message us, message count)."""
    corpus = texts()
    for text in corpus:  # warm-up
        classify(text)
    start = time.perf_counter()
    for _ in range(rounds):
        for text in corpus:
            classify(text)
    mean_us = (time.perf_counter() - start) / (rounds * len(corpus)) * 1e6
    worst = 0.0
    for text in corpus:
        t0 = time.perf_counter()
        for _ in range(20):
            classify(text)
        worst = max(worst, (time.perf_counter() - t0) / 20 * 1e6)
    return mean_us, worst, len(corpus)


def worst_cases(rounds: int = 7, reps: int = 5) -> dict[str, float]:
    """Best-of-`rounds` time in us for each 1,600-character worst case (best-of filters out machine noise)."""
    out = {}
    for name, text in WORST_CASES.items():
        text = text[:1600]
        best = float("inf")
        for _ in range(rounds):
            t0 = time.perf_counter()
            for _ in range(reps):
                classify(text)
            best = min(best, (time.perf_counter() - t0) / reps)
        out[name] = best * 1e6
    return out


def _summary() -> str:
    mean_us, worst_us, n = measure()
    lines = [f"classify: {mean_us:.1f} us/message mean over {n} messages x {ROUNDS} rounds; worst {worst_us:.1f} us"]
    lines += [f"  1,600 chars, {name:<16} {us:7.0f} us" for name, us in worst_cases().items()]
    return "\n".join(lines)


def test_bench_classifier() -> None:
    print(_summary())


if __name__ == "__main__":
    print(_summary())
