"""Print precision/recall of service.safety.classify per category and overall.

Run: .venv/bin/python -m tests.perf.report_classifier
Main set = tuned on; holdout = the blind set written by someone else and never tuned on (the honest
generalisation figure). The holdout file may not exist yet; then only the main set is reported.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Running as a script puts tests/perf on sys.path, not the repo root or tests/: add both.
_TESTS = Path(__file__).resolve().parents[1]
for _p in (str(_TESTS.parent), str(_TESTS)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

from crisis_set import HOLDOUT_SET, MAIN_SET, format_report, load, score  # noqa: E402

from service.safety import CATEGORIES, classify  # noqa: E402


def main() -> int:
    for name, path in (("main", MAIN_SET), ("holdout", HOLDOUT_SET)):
        if not path.exists():
            print(f"{name}: {path.name} not written yet, skipped")
            continue
        phrases = load(path, CATEGORIES)
        print(format_report(f"{name} {path.name} ({len(phrases)} phrases)", score(phrases, classify, CATEGORIES)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
