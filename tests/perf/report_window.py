"""How much reading a person's last few texts together adds: recall and false alarms on the corpus's
conversation-style items (texts joined with " || "), per language, frozen holdouts left out.

Run: .venv/bin/python -m tests.perf.report_window
"Newest text alone" is what the line did before issue 14: each text judged alone, so an exchange is flagged only
by a text that is a crisis by itself ("any text alone", flagged at whichever text that is). "With the window" adds
service.conversation.talk.window_signal over each prefix of the exchange, as the webhook sees it text by text: flagged
as a crisis (plain) or worth the direct question (indirect signs).
"""

import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from service.conversation import talk  # noqa: E402
from service.safety import classify  # noqa: E402


def exchanges() -> dict[str, list[tuple[str, list[str]]]]:
    """Language -> (label, texts) for every conversation-style item of the batches that are not frozen."""
    found: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for path in sorted((ROOT / "tests" / "data" / "crisis").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("frozen") or data["provenance"].get("frozen") or "holdout" in path.name:
            continue
        for label, items in data["texts"].items():
            for item in items:
                text = item if isinstance(item, str) else item["text"]
                if talk.WINDOW_JOIN in text:
                    found[data["provenance"]["language"]].append((label, text.split(talk.WINDOW_JOIN)))
    return found


def alone(texts: list[str]) -> bool:
    return any(classify(text) for text in texts)


def windowed(texts: list[str]) -> tuple[bool, bool]:
    """(flagged at all, flagged as a plain crisis) as the texts arrive one by one."""
    signals = [talk.window_signal(texts[: i + 1]) for i in range(len(texts))]
    return alone(texts) or any(signals), alone(texts) or any(s and s.plain for s in signals)


def main() -> int:
    for language, rows in exchanges().items():
        crisis = [texts for label, texts in rows if label != "none"]
        harmless = [texts for label, texts in rows if label == "none"]

        def rate(flag: Callable[[list[str]], object], group: list[list[str]]) -> str:
            hits = sum(bool(flag(texts)) for texts in group)
            return f"{hits}/{len(group)} ({hits / max(len(group), 1):.2f})"

        print(f"{language}: {len(crisis)} crisis exchanges, {len(harmless)} harmless")
        print(
            f"  newest text alone   recall {rate(lambda t: classify(t[-1]), crisis)}"
            f"  false alarms {rate(lambda t: classify(t[-1]), harmless)}"
        )
        print(f"  any text alone      recall {rate(alone, crisis)}  false alarms {rate(alone, harmless)}")
        print(
            f"  with the window     recall {rate(lambda t: windowed(t)[0], crisis)}"
            f"  false alarms {rate(lambda t: windowed(t)[0], harmless)}  (plain crisis or the direct question)"
        )
        print(
            f"    of which plain    recall {rate(lambda t: windowed(t)[1], crisis)}"
            f"  false alarms {rate(lambda t: windowed(t)[1], harmless)}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
