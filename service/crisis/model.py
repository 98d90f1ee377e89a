"""The learned half of the crisis check: a linear model over hashed character and word n-grams.

Why this shape: the rules miss wording they have not seen, and blind batches showed that patterns added after each
batch do not carry over to the next. Character 2-5-grams generalise across typos, slang, missing accents and both
languages at once; a linear model over them is small, deterministic and fast with numpy alone. What was tried
instead, and the figures, are in README.md ("How the crisis check decides").

The artifact lives in service/crisis/model/: `weights.npy` (one row per hash bucket, one column per label, float16)
and `model.json` (labels, bias, feature settings, version). `steadyline crisis train` rebuilds both bit for bit
from the corpus (service/crisis/training.py); this module only reads them.
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

ARTIFACT_DIR = Path(__file__).resolve().parent / "model"
NONE = "none"

NGRAMS = (2, 3, 4, 5)
"""Character n-grams (of the text's UTF-8 bytes), hashed into the first CHAR_BUCKETS columns."""
CHAR_BUCKETS = 1 << 16
WORD_BUCKETS = 1 << 15
"""Single words and pairs of words, hashed into the next WORD_BUCKETS columns."""
BUCKETS = CHAR_BUCKETS + WORD_BUCKETS
MAX_CHARS = 2000
"""Longer texts are cut here: a crisis is said early, and the cost of a text must stay bounded."""

_NOT_WORD = re.compile(r"[^a-z0-9ñ]+")
_STRETCH = re.compile(r"(.)\1{2,}")  # "plzzzz" and "noooo" read as "plzz", "noo"


def prepare(text: str) -> bytes:
    """One spelling for a text: lower case, no accents (but ñ), digits kept, punctuation and emoji as one space."""
    lowered = text[:MAX_CHARS].lower()
    if not lowered.isascii():  # the slow path only for texts that need it
        folded = unicodedata.normalize("NFKD", lowered.replace("ñ", "\0"))
        lowered = "".join(ch for ch in folded if not unicodedata.combining(ch)).replace("\0", "ñ")
    return (" " + _STRETCH.sub(r"\1\1", _NOT_WORD.sub(" ", lowered)).strip() + " ").encode()


def features(text: str) -> tuple[np.ndarray, np.ndarray]:
    """The hashed character n-grams and word 1-2-grams of a text, as (columns, values): each block weighs
    1/sqrt(its count) per gram, so a long text weighs no more than a short one (a repeated gram adds up)."""
    data = prepare(text)
    chars = [data[i : i + n] for n in NGRAMS for i in range(len(data) - n + 1)]
    words = data.split()
    grams = chars + [b"w" + w for w in words] + [b"%b %b" % pair for pair in itertools.pairwise(words)]
    hashes = np.fromiter(map(zlib.crc32, grams), np.int64, len(grams))
    split = len(chars)
    columns = np.empty_like(hashes)
    np.bitwise_and(hashes[:split], CHAR_BUCKETS - 1, out=columns[:split])
    np.bitwise_and(hashes[split:], WORD_BUCKETS - 1, out=columns[split:])
    columns[split:] += CHAR_BUCKETS
    values = np.empty(len(grams), dtype=np.float32)
    values[:split] = 1.0 / np.sqrt(max(split, 1))
    values[split:] = 1.0 / np.sqrt(max(len(grams) - split, 1))
    return columns, values


@dataclass(frozen=True)
class Model:
    labels: tuple[str, ...]
    weights: np.ndarray  # (BUCKETS, len(labels)), float32
    bias: np.ndarray  # (len(labels),)
    version: str

    def probabilities(self, text: str) -> dict[str, float]:
        buckets, values = features(text)
        logits = values @ self.weights[buckets] + self.bias
        exp = np.exp(logits - logits.max())
        return dict(zip(self.labels, (exp / exp.sum()).tolist(), strict=True))


@cache
def shipped() -> Model:
    """The model in the repository, read once per process."""
    meta = json.loads((ARTIFACT_DIR / "model.json").read_text(encoding="utf-8"))
    if tuple(meta["ngrams"]) != NGRAMS or meta["buckets"] != [CHAR_BUCKETS, WORD_BUCKETS]:
        raise ValueError("service/crisis/model was trained with other feature settings: run `steadyline crisis train`")
    weights = np.load(ARTIFACT_DIR / "weights.npy").astype(np.float32)
    return Model(tuple(meta["labels"]), weights, np.asarray(meta["bias"], dtype=np.float32), meta["version"])
