"""`steadyline crisis train|report`: rebuild the crisis model, and score it honestly (service/crisis/evaluation.py)."""

import argparse
import os
import sys
from pathlib import Path

from service.crisis import corpus, evaluation, model

TRAIN_EXTRA = "the crisis model's training needs the `train` extra: pip install -e '.[train]'"


def cmd_train(args: argparse.Namespace) -> int:
    """Rebuild service/crisis/model/ from the corpus's training batches (bit for bit the same from the same corpus)."""
    try:
        from service.crisis import training
    except ImportError:
        print(f"steadyline: {TRAIN_EXTRA}", file=sys.stderr)
        return 2
    blas = training.REPRODUCIBLE_BLAS
    if any(os.environ.get(name) != value for name, value in blas.items()):
        # numpy has loaded OpenBLAS already: start again with the kernels the shipped model was built with
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, **blas})
    out = Path(args.out) if args.out else model.ARTIFACT_DIR
    trained = training.train(out)
    texts, _ = corpus.texts_and_labels(training.training_batches(corpus.load()))
    print(f"Trained {trained.version} on {len(texts)} texts; wrote {out}.")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """Print recall per language and category, with 95% intervals, and false alarms: the shipped model on the
    frozen batches, then (unless --frozen-only) batch-held-out over the training batches."""
    batches = corpus.load()
    frozen = [b for b in batches if b.frozen]
    names = ", ".join(b.name for b in frozen)
    shipped = evaluation.flagger(model.shipped())
    title = f"Frozen blind batches ({names}), the shipped model and rules:"
    print(evaluation.format_scores(title, evaluation.score(frozen, shipped)))
    if args.frozen_only:
        return 0
    try:
        from service.crisis import training
    except ImportError:
        print(f"steadyline: {TRAIN_EXTRA}", file=sys.stderr)
        return 2
    held_out = evaluation.batch_held_out(batches, training.fit)
    print(
        evaluation.format_scores(
            "Batch-held-out (each training batch scored by a model trained on the others):",
            held_out,
            show_misses=args.misses,
        )
    )
    return 0


def add_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    crisis = commands.add_parser("crisis", help="the crisis detector's model: train it, score it")
    verbs = crisis.add_subparsers(dest="verb", required=True)
    train = verbs.add_parser("train", help="rebuild service/crisis/model/ from tests/data/crisis (needs [train])")
    train.add_argument("--out", help="write the model here instead of service/crisis/model/ (to compare it)")
    train.set_defaults(handler=cmd_train)
    report = verbs.add_parser("report", help="recall and false alarms: frozen batches, then batch-held-out")
    report.add_argument("--frozen-only", action="store_true", help="only the frozen batches (no training needed)")
    report.add_argument("--misses", action="store_true", help="list the batch-held-out crisis texts it missed")
    report.set_defaults(handler=cmd_report)
