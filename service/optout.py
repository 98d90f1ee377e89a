"""Tells a request to stop texting from a question that merely uses the word (FCC 2024: opt-out by any reasonable
means): "please stop texting me" and "Stop all" opt out; "stop taking klonopin" and "cant stop crying" do not.

The wording is data, one file per language in messages/optout/, and every language's wording is honoured for
everyone. `intent` is a plain function of the text; the engine decides what to do with its answer.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from service.keywords import normalise

WORDING_DIR = Path(__file__).resolve().parent.parent / "messages" / "optout"

STOP = "stop"
"""The text asks to stop: opt out, with one confirmation."""
UNCLEAR = "unclear"
"""The text may ask to stop (a short "i want to stop"): unless it names a topic, ask once which it means."""

MAX_UNCLEAR_WORDS = 8
"""An opt-out word in a longer text is part of a story ("I stopped for a week and then..."), not a request."""
NEGATION_WINDOW = 3
"""How many words before an opt-out word may turn it into something else ("can't seem to stop")."""
CONTACT_GAP = 2
"""How many filler words may stand between an opt-out word and what it stops ("stop all the texts")."""

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Wording:
    """Every language's opt-out wording, merged (see messages/optout/en.yaml for what each list means)."""

    words: frozenset[Phrase]
    contact: frozenset[Phrase]
    fillers: frozenset[str]
    others: frozenset[str]
    requests: frozenset[Phrase]
    negations: frozenset[str]
    questions: frozenset[str]
    # Worked out once: every inbound text is read against these (the webhook's hot path).
    longest: int = 0
    request_lengths: tuple[int, ...] = ()


def _phrases(entries: list[str]) -> set[Phrase]:
    return {tuple(normalise(entry).split()) for entry in entries}


@cache
def wording() -> Wording:
    lists: dict[str, set[Phrase]] = {}
    for path in sorted(WORDING_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name in Wording.__dataclass_fields__:
            lists.setdefault(name, set()).update(_phrases(data.get(name, [])))

    def single(name: str) -> frozenset[str]:
        return frozenset(word for phrase in lists[name] for word in phrase)

    return Wording(
        words=frozenset(lists["words"]),
        contact=frozenset(lists["contact"]),
        fillers=single("fillers"),
        others=single("others"),
        requests=frozenset(lists["requests"]),
        negations=single("negations"),
        questions=single("questions"),
        longest=max(map(len, lists["words"] | lists["contact"])),
        request_lengths=tuple(sorted({len(phrase) for phrase in lists["requests"]})),
    )


def _units(words: list[str], w: Wording) -> list[tuple[str, Phrase]]:
    """The text as labelled units: ("word", an opt-out phrase), ("contact", ...), ("filler", ...), ("other", ...),
    longest phrase first."""
    units: list[tuple[str, Phrase]] = []
    position = 0
    while position < len(words):
        for length in range(min(w.longest, len(words) - position), 0, -1):
            phrase = tuple(words[position : position + length])
            label = "word" if phrase in w.words else "contact" if phrase in w.contact else ""
            if label:
                units.append((label, phrase))
                position += length
                break
        else:
            word = words[position]
            units.append(("filler" if word in w.fillers else "other", (word,)))
            position += 1
    return units


def _has_request(words: list[str], w: Wording) -> bool:
    """Whether a request phrase ("take me off your list") stands anywhere in `words`: one set lookup per span."""
    return any(tuple(words[i : i + n]) in w.requests for n in w.request_lengths for i in range(len(words) - n + 1))


def intent(text: str) -> str | None:
    """STOP, UNCLEAR or None for one inbound text."""
    w = wording()
    words = normalise(text).split()
    if not words:
        return None
    if _has_request(words, w):
        return STOP
    units = _units(words, w)
    labels = [label for label, _ in units]
    if "word" in labels and "other" not in labels:
        return STOP  # only opt-out words, what they stop, and politeness: "Stop all", "stop texting me please"
    if words[0] in w.questions:
        return None
    unclear = False
    for index, (label, _) in enumerate(units):
        if label != "word" or _negated(units[:index], w):
            continue
        stopped = _object(units[index + 1 :], w)
        if stopped == "line":
            return STOP  # "can you stop texting me, I'm fine now"
        unclear = unclear or stopped is None
    return UNCLEAR if unclear and len(words) <= MAX_UNCLEAR_WORDS and "?" not in text else None


def _negated(before: list[tuple[str, Phrase]], w: Wording) -> bool:
    return any(word in w.negations for _, phrase in before[-NEGATION_WINDOW:] for word in phrase)


def _object(after: list[tuple[str, Phrase]], w: Wording) -> str | None:
    """What an opt-out word stops, when it is followed (within CONTACT_GAP fillers) by what the line does: "line",
    or "others" when that is about someone else ("stop texting my ex"); None when it does not say."""
    for index, (label, _) in enumerate(after[: CONTACT_GAP + 1]):
        if label == "contact":
            following = after[index + 1][1][0] if index + 1 < len(after) else ""
            return "others" if following in w.others else "line"
        if label != "filler":
            return None
    return None
