"""The labelled crisis corpus: batches of texts, each written blind by one author, with its provenance.

A batch file (tests/data/crisis/<name>.yaml) has `provenance` (batch, language, author, written, counts, scored,
`frozen: true` for the standing blind check, `blind: false` for a batch written after seeing the detector, which
only trains) and `texts: {label: [text | {text, about: other}]}`. Labels are
the crisis categories and `none`; ` || ` joins the texts of one exchange. The project's first phrase set and its
blind sets v1-v9, written before batches had provenance, load as one English batch, `en-legacy`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

LABELS = ("suicide", "self_harm", "overdose", "medical", "violence", "harm_to_others", "none")
EXCHANGE_JOIN = " || "
DATA_DIR = Path(__file__).resolve().parents[2] / "tests" / "data"
BATCH_DIR = DATA_DIR / "crisis"
LEGACY_FILES = (DATA_DIR / "crisis_phrases.yaml", DATA_DIR / "crisis_holdout_v9.yaml")


@dataclass(frozen=True)
class Item:
    text: str
    label: str
    about_other: bool = False


@dataclass(frozen=True)
class Batch:
    name: str
    language: str
    frozen: bool
    items: tuple[Item, ...]
    blind: bool = True  # written without seeing the detector; a batch that is not only trains, never scores


def _items(path: Path, texts: dict[str, list[object]]) -> tuple[Item, ...]:
    unknown = set(texts) - set(LABELS)
    if unknown:
        raise ValueError(f"{path.name}: unknown labels {sorted(unknown)}")
    items = []
    for label in LABELS:
        for entry in texts.get(label) or ():
            if isinstance(entry, str):
                items.append(Item(entry, label))
            elif isinstance(entry, dict) and isinstance(entry.get("text"), str):
                items.append(Item(entry["text"], label, entry.get("about") == "other"))
            else:
                raise ValueError(f"{path.name}: bad entry under {label!r}: {entry!r}")
    return tuple(items)


def load_batch(path: Path) -> Batch:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    meta = raw["provenance"]
    items = _items(path, raw["texts"])
    return Batch(meta["batch"], meta["language"], bool(meta.get("frozen")), items, meta.get("blind", True))


def _legacy() -> Batch:
    items: list[Item] = []
    for path in LEGACY_FILES:
        items.extend(_items(path, yaml.safe_load(path.read_text(encoding="utf-8")) or {}))
    return Batch("en-legacy", "en", False, tuple(items))


def load(directory: Path = BATCH_DIR) -> list[Batch]:
    """Every batch, in name order (training reads them in this order, so a rebuild is bit for bit)."""
    batches = [load_batch(p) for p in sorted(directory.glob("*.yaml"))]
    if directory == BATCH_DIR:
        batches.append(_legacy())
    return sorted(batches, key=lambda b: b.name)


def texts_and_labels(batches: Iterable[Batch]) -> tuple[list[str], list[str]]:
    items = [item for batch in batches for item in batch.items]
    return [i.text for i in items], [i.label for i in items]
