"""Finds the topic a text asks about: exact keywords, synonyms, misspellings, and keywords inside short questions.

The keyword lists live beside each topic in messages/<lang>.yaml, so adding a topic is one YAML entry.
"""

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from messages import catalog

GENERIC_TOPIC = "topic.about"
"""Matched by the drug's names alone; any more specific topic in the same text wins ("klonopin withdrawal")."""

MAX_TOKENS = 40
"""Only the start of a long text is searched: a keyword deep in a paragraph is weak evidence of intent."""

MIN_FUZZY_LENGTH = 5
"""Shorter words are matched exactly: one letter off turns "mix" into "max", "plan" into "play"."""

_NON_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1024)
def normalise(text: str) -> str:
    """Lowercase ASCII words separated by single spaces; apostrophes vanish so "can't" reads "cant".

    Cached: a text is read by a dozen rules (language, opt-out, topics, the crisis conversation), each of which
    normalises it; the cache turns that into one pass per text."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    ascii_text = folded.encode("ascii", "ignore").decode().replace("'", "")
    return _NON_WORD.sub(" ", ascii_text).strip()


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@dataclass(frozen=True)
class KeywordIndex:
    """Keyword phrases (as word tuples) to topic keys, and a one-edit neighbourhood for fuzzy single words."""

    phrases: dict[tuple[str, ...], str]
    fuzzy: dict[str, set[str]]  # a word, or a word with one letter deleted -> the keywords it came from
    longest: int

    def fuzzy_topic(self, word: str) -> str | None:
        """The topic of the keyword within one edit (insert, delete, substitute, swap) of `word`."""
        if len(word) < MIN_FUZZY_LENGTH:
            return None
        candidates: set[str] = set()
        for variant in {word} | _deletions(word):
            candidates |= self.fuzzy.get(variant, set())
        topics = {self.phrases[(c,)] for c in candidates}
        return topics.pop() if len(topics) == 1 else None


@cache
def index(language: str = catalog.DEFAULT_LANGUAGE) -> KeywordIndex:
    phrases: dict[tuple[str, ...], str] = {}
    fuzzy: dict[str, set[str]] = defaultdict(set)
    for template in catalog.load(language).values():
        for keyword in template.keywords:
            words = tuple(normalise(keyword).split())
            phrases[words] = template.key
            if len(words) == 1 and len(words[0]) >= MIN_FUZZY_LENGTH:
                for variant in {words[0]} | _deletions(words[0]):
                    fuzzy[variant].add(words[0])
    return KeywordIndex(phrases=phrases, fuzzy=dict(fuzzy), longest=max(map(len, phrases), default=1))


def exact_topic(text: str, language: str = catalog.DEFAULT_LANGUAGE) -> str | None:
    """The topic whose keyword is the whole of `text` ("MENU", "sleep"), or None: no fuzzy or in-sentence match."""
    return index(language).phrases.get(tuple(normalise(text).split()))


def find_topic(text: str, language: str = catalog.DEFAULT_LANGUAGE) -> str | None:
    """The topic template key `text` asks about, by the keywords of `language` first, then of the other languages
    (topic keys are the same in every catalog, so the answer is still given in the person's language)."""
    for lang in (language, *(other for other in catalog.LANGUAGES if other != language)):
        topic = _find_topic(text, lang)
        if topic:
            return topic
    return None


def _find_topic(text: str, language: str) -> str | None:
    idx = index(language)
    words = normalise(text).split()[:MAX_TOKENS]
    if tuple(words) in idx.phrases:
        return idx.phrases[tuple(words)]
    found: list[str] = []
    position = 0
    while position < len(words):
        match = _match_at(idx, words, position)
        if match:
            topic, length = match
            found.append(topic)
            position += length
        else:
            position += 1
    # The last specific topic wins: questions name their subject last ("signs of overdose", "help with sleep").
    specific = [t for t in found if t != GENERIC_TOPIC]
    return (specific or found)[-1] if found else None


def _match_at(idx: KeywordIndex, words: list[str], position: int) -> tuple[str, int] | None:
    """The longest keyword phrase starting at `position`, exact first, else a fuzzy single word."""
    for length in range(min(idx.longest, len(words) - position), 0, -1):
        topic = idx.phrases.get(tuple(words[position : position + length]))
        if topic:
            return topic, length
    topic = idx.fuzzy_topic(words[position])
    return (topic, 1) if topic else None
