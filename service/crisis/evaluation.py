"""An honest score for the crisis check (`steadyline crisis report`): never on text the model was trained on.

- Batch-held-out: for each training batch, a model trained on every other training batch (the rules as shipped)
  is scored on it. Needs the `train` extra, and a few minutes.
- Frozen: the shipped model is scored on the frozen batches, which no model was ever trained on.
Recall per language and category with Wilson 95% intervals, and the false-alarm rate on `none` texts.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from service.crisis import corpus, verdict
from service.crisis.model import NONE, Model


def wilson(hits: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% interval of a proportion (Wilson's score interval: honest near 0 and 1, unlike the normal one)."""
    if n == 0:
        return 0.0, 1.0
    p = hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass
class Tally:
    hits: int = 0
    n: int = 0

    def add(self, hit: bool) -> None:
        self.hits += hit
        self.n += 1

    def __str__(self) -> str:
        low, high = wilson(self.hits, self.n)
        rate = self.hits / self.n if self.n else 0.0
        return f"{rate:.3f} ({self.hits}/{self.n}, 95% CI {low:.3f}-{high:.3f})"


@dataclass
class Score:
    """Crisis texts flagged (any category), per gold category, and none texts flagged (false alarms)."""

    recall: Tally = field(default_factory=Tally)
    per_category: dict[str, Tally] = field(default_factory=dict)
    false_alarms: Tally = field(default_factory=Tally)
    misses: list[corpus.Item] = field(default_factory=list)

    def add(self, item: corpus.Item, flagged: bool) -> None:
        if item.label == NONE:
            self.false_alarms.add(flagged)
            return
        self.recall.add(flagged)
        self.per_category.setdefault(item.label, Tally()).add(flagged)
        if not flagged:
            self.misses.append(item)


def flagger(model: Model) -> Callable[[str], bool]:
    """Whether `model` with the rules puts a text in the crisis band, as service.crisis.assess does."""

    def flagged(text: str) -> bool:
        return verdict.assess(text, model).band == verdict.CRISIS

    return flagged


def score(batches: Iterable[corpus.Batch], flagged: Callable[[str], bool]) -> dict[str, Score]:
    """One Score per language."""
    scores: dict[str, Score] = {}
    for batch in batches:
        language = scores.setdefault(batch.language, Score())
        for item in batch.items:
            language.add(item, flagged(item.text))
    return scores


def batch_held_out(batches: Sequence[corpus.Batch], fit: Callable[[list[str], list[str]], Model]) -> dict[str, Score]:
    """Each blind training batch scored by a model trained on all the other training batches."""
    training = [b for b in batches if not b.frozen]
    scores: dict[str, Score] = {}
    for held in (b for b in training if b.blind):
        flagged = flagger(fit(*corpus.texts_and_labels(b for b in training if b is not held)))
        language = scores.setdefault(held.language, Score())
        for item in held.items:
            language.add(item, flagged(item.text))
    return scores


def format_scores(title: str, scores: dict[str, Score], show_misses: bool = False) -> str:
    lines = [title]
    for language, s in sorted(scores.items()):
        lines.append(f"  {language}: recall {s.recall}; false alarms {s.false_alarms}")
        lines.extend(f"    {category:<15} {tally}" for category, tally in sorted(s.per_category.items()))
        if show_misses:
            lines.extend(f"    MISSED [{item.label}] {item.text}" for item in s.misses)
    return "\n".join(lines)
