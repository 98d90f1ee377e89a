"""Benchmark service.safety.classify over the labelled crisis sets.

Excluded from the default run (pyproject adds -m 'not perf'). Run either way:
    .venv/bin/python -m pytest -m perf tests/perf/bench_classifier.py -s
    .venv/bin/python tests/perf/bench_classifier.py
Budget: well under 200 us per message on average. Nothing here asserts a time.
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


def texts() -> list[str]:
    phrases = load(MAIN_SET, CATEGORIES) + load(HOLDOUT_SET, CATEGORIES)
    # Add worst-case lengths: a full 1,600-character SMS of words, and one of emoji.
    long_words = ("i have been tapering slowly and things are ok " * 40)[:1600]
    return [p.text for p in phrases] + [long_words, "😂" * 1600]


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


def _summary() -> str:
    mean_us, worst_us, n = measure()
    return f"classify: {mean_us:.1f} us/message mean over {n} messages x {ROUNDS} rounds; worst {worst_us:.1f} us"


def test_bench_classifier() -> None:
    print(_summary())


if __name__ == "__main__":
    print(_summary())
