"""Load the labelled crisis phrase sets and score a classifier against them.

Shared by tests/test_safety.py and the scripts in tests/perf/ so the file format and the
precision/recall definitions live in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
MAIN_SET = DATA_DIR / "crisis_phrases.yaml"
# The blind held-out set: written by someone who has not seen the classifier or the main set, scored
# untuned, then folded into the main set (v7 in round 9, v8 in round 10). v9 does not exist until its
# author writes it (after tuning round 10); callers must cope with the file being absent (the holdout test skips, the
# perf scripts leave it out).
HOLDOUT_SET = DATA_DIR / "crisis_holdout_v9.yaml"
NONE_KEY = "none"


@dataclass(frozen=True)
class Phrase:
    text: str
    label: str | None  # a crisis category, or None for "must not alert"
    also: frozenset[str] = frozenset()  # other categories accepted for this phrase

    def accepts(self, got: str | None) -> bool:
        return got == self.label or (got is not None and got in self.also)


def load(path: Path, categories: Iterable[str]) -> list[Phrase]:
    """Read a phrase file, rejecting unknown keys so a typo can't silently drop a category."""
    known = set(categories)
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    unknown = set(raw) - known - {NONE_KEY}
    if unknown:
        raise ValueError(f"{path.name}: unknown categories {sorted(unknown)}")
    phrases: list[Phrase] = []
    for key, entries in raw.items():
        label = None if key == NONE_KEY else key
        for entry in entries or ():
            if isinstance(entry, str):
                phrases.append(Phrase(entry, label))
                continue
            if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
                raise ValueError(f"{path.name}: bad entry under {key!r}: {entry!r}")
            also = frozenset(entry.get("also") or ())
            if label is None and also:
                raise ValueError(f"{path.name}: `also` makes no sense under none: {entry!r}")
            if also - known:
                raise ValueError(f"{path.name}: unknown `also` categories in {entry!r}")
            phrases.append(Phrase(entry["text"], label, also))
    return phrases


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Report:
    overall: Score = field(default_factory=Score)  # crisis (any category) vs not crisis
    per_category: dict[str, Score] = field(default_factory=dict)
    misses: list[tuple[Phrase, str | None]] = field(default_factory=list)


def score(phrases: Iterable[Phrase], classify: Callable[[str], str | None], categories: Iterable[str]) -> Report:
    report = Report(per_category={c: Score() for c in categories})
    for phrase in phrases:
        got = classify(phrase.text)
        if not phrase.accepts(got):
            report.misses.append((phrase, got))
        if phrase.label is not None:
            if got is None:
                report.overall.fn += 1
            else:
                report.overall.tp += 1
        elif got is not None:
            report.overall.fp += 1
        # An accepted alternative counts as the gold label, so it is not a per-category error.
        gold = got if got is not None and phrase.accepts(got) else phrase.label
        for cat, s in report.per_category.items():
            if gold == cat and got == cat:
                s.tp += 1
            elif gold == cat:
                s.fn += 1
            elif got == cat:
                s.fp += 1
    return report


def format_report(name: str, report: Report) -> str:
    o = report.overall
    lines = [
        f"{name}: overall crisis-vs-not precision {o.precision:.3f} recall {o.recall:.3f} "
        f"(tp={o.tp} fp={o.fp} fn={o.fn})"
    ]
    for cat, s in report.per_category.items():
        lines.append(f"  {cat:<10} precision {s.precision:.3f} recall {s.recall:.3f} (tp={s.tp} fp={s.fp} fn={s.fn})")
    for phrase, got in report.misses:
        lines.append(f"  MISS {phrase.text!r}: expected {phrase.label}, got {got}")
    return "\n".join(lines)
