"""Training the crisis model (`steadyline crisis train`): needs the `train` extra (scikit-learn, scipy).

Multinomial logistic regression over the hashed character and word n-grams of service/crisis/model.py, on every
batch that is not frozen. The same corpus and settings give the same bytes: lbfgs is deterministic, the batches
are read in name order, and the artifact is stored as float16 with its version derived from its own content. One
more thing decides the bytes: OpenBLAS picks its kernels by CPU, and its AVX-512 kernels round a few weights one
float16 step apart from its AVX2 ones. Training therefore runs with the AVX2 kernels (REPRODUCIBLE_BLAS) on every
x86-64 machine, so any of them rebuilds the shipped model exactly.
"""

from __future__ import annotations

import hashlib
import json
import platform
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from service.crisis import corpus
from service.crisis.model import ARTIFACT_DIR, BUCKETS, CHAR_BUCKETS, NGRAMS, WORD_BUCKETS, Model, features

C = 30.0
"""Inverse regularisation strength, chosen by batch-held-out recall and false alarms (README.md)."""
MAX_ITER = 2000
REPRODUCIBLE_BLAS = {"OPENBLAS_CORETYPE": "Haswell"} if platform.machine() in ("x86_64", "AMD64") else {}
"""Environment for the process that trains: OpenBLAS reads it once, when numpy loads."""


def matrix(texts: Sequence[str]):  # -> scipy.sparse.csr_matrix
    from scipy.sparse import csr_matrix

    rows = [features(t) for t in texts]
    indptr = np.cumsum([0, *(len(b) for b, _ in rows)])
    indices = np.concatenate([b for b, _ in rows]) if rows else np.zeros(0, np.int64)
    data = np.concatenate([v for _, v in rows]) if rows else np.zeros(0, np.float32)
    return csr_matrix((data, indices, indptr), shape=(len(texts), BUCKETS), dtype=np.float64)


def fit(texts: Sequence[str], labels: Sequence[str], c: float = C) -> Model:
    from sklearn.linear_model import LogisticRegression

    classes = tuple(label for label in corpus.LABELS if label in set(labels))
    clf = LogisticRegression(C=c, max_iter=MAX_ITER, tol=1e-4)
    clf.fit(matrix(texts), [classes.index(label) for label in labels])
    weights = clf.coef_.T.astype(np.float16)
    bias = clf.intercept_.astype(np.float16)
    digest = hashlib.sha256(weights.tobytes() + bias.tobytes()).hexdigest()[:12]
    return Model(classes, weights.astype(np.float32), bias.astype(np.float32), f"ngram-lr-{digest}")


def training_batches(batches: Sequence[corpus.Batch]) -> list[corpus.Batch]:
    """Every batch but the frozen ones, which are only ever scored."""
    return [b for b in batches if not b.frozen]


def save(model: Model, directory: Path = ARTIFACT_DIR) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / "weights.npy").open("wb") as out:
        np.save(out, model.weights.astype(np.float16), allow_pickle=False)
    meta = {
        "version": model.version,
        "labels": list(model.labels),
        "bias": [float(b) for b in model.bias],
        "ngrams": list(NGRAMS),
        "buckets": [CHAR_BUCKETS, WORD_BUCKETS],
        "c": C,
    }
    (directory / "model.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def train(directory: Path = ARTIFACT_DIR) -> Model:
    texts, labels = corpus.texts_and_labels(training_batches(corpus.load()))
    model = fit(texts, labels)
    save(model, directory)
    return model
