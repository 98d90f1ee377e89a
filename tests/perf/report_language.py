"""How well each way of telling English from Spanish does on the crisis corpus's training batches, by text length,
and what it costs per text. Run: .venv/bin/python -m tests.perf.report_language (README "Spanish" has figures).

Each text of an exchange (" || ") counts on its own; a batch's language is the truth, so the English texts people
wrote into the Spanish batches count as errors. The frozen holdouts are never read.
"""

import time
from collections import Counter
from collections.abc import Callable

from service import language
from tests.test_spanish import corpus_texts


def words_only(text: str) -> str | None:
    votes = language.word_votes(text)
    return None if votes["es"] == votes["en"] else max(votes, key=votes.__getitem__)


def model_always(text: str) -> str | None:
    scores = {r["lang"]: float(r["score"]) for r in language._model().detect(text.lower(), k=10)}
    en, es = scores.get("en", 0.0), scores.get("es", 0.0)
    return None if en == es == 0 else ("es" if es > en else "en")


METHODS: dict[str, Callable[[str], str | None]] = {
    "word lists only": words_only,
    "fastText, always its best guess": model_always,
    "fastText, only when sure": language.model_guess,
    "word lists, then fastText when sure (shipped)": language.detect,
}


def bucket(text: str) -> str:
    words = len(text.split())
    return "1-3 words" if words <= 3 else "4-7 words" if words <= 7 else "8+ words"


def main() -> None:
    texts = corpus_texts()
    language.detect("warm up the model")
    for name, method in METHODS.items():
        tally: dict[str, Counter[str]] = {}
        started = time.perf_counter()
        for text, truth in texts:
            guess = method(text)
            outcome = "right" if guess == truth else "undecided" if guess is None else "wrong"
            for group in (bucket(text), "all"):
                tally.setdefault(group, Counter())[outcome] += 1
        per_text = (time.perf_counter() - started) / len(texts) * 1e6
        print(f"{name}: {per_text:.0f} us/text")
        for group in ("1-3 words", "4-7 words", "8+ words", "all"):
            counts, total = tally[group], sum(tally[group].values())
            print(f"  {group:10} right {counts['right'] / total:6.1%}  wrong {counts['wrong'] / total:5.1%}  "
                  f"undecided {counts['undecided'] / total:5.1%}  (n={total})")  # fmt: skip


if __name__ == "__main__":
    main()
