"""The Dale-Chall readability score of a reply (messages/POLICY.md R1).

Dale and Chall's formula counts unfamiliar words (words off a list of about 3,000 that most fourth graders know) as
well as sentence length, so it catches jargon that a sentence-length formula scores as easy ("protracted rebound
insomnia"). The word list is the one the textstat package ships; the scoring follows the original rules, which
textstat's own function does not (it counts "helps" and "texting" as unfamiliar, and needs a download for
syllables).
"""

import re
from functools import cache
from importlib.metadata import distribution

# Words a reply may use although they are off the list: the medium, the names a texter must know to get help,
# and the few terms the line exists to explain (each topic says what it means). Nothing else is exempt.
_MEDIUM = "text texts texting texted reply replies hi ok pm msg data apply cancel check-in check-ins"
_SUBJECT = "steadyline klonopin clonazepam benzo benzos benzodiazepine benzodiazepines fda"
_HELP = "samhsa lifeline helpline poison findtreatment gov narcan naloxone"
_TERMS = "prescriber prescriber's withdrawal taper tapers tapering dependence tolerance overdose opioids"
NAMED = frozenset(" ".join((_MEDIUM, _SUBJECT, _HELP, _TERMS)).split())
# Regular endings: a listed word with one of these still counts as familiar (Dale and Chall's rules).
ENDINGS = ("'s", "s", "es", "ed", "d", "ing", "er", "est", "ly", "ies", "ied")
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]|\d[\d:/-]*")
SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+)\(?([A-Za-z][A-Za-z'-]*)")
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")


@cache
def familiar_words() -> frozenset[str]:
    """The Dale-Chall list of familiar words, lowercase."""
    path = distribution("textstat").locate_file("textstat/resources/en/easy_words.txt")
    return frozenset(path.read_text(encoding="utf-8").split())


def _stems(word: str) -> list[str]:
    stems = [word]
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            stems += [stem, stem + "e", stem + "y", stem[:-1] if stem[-1:] == stem[-2:-1] else stem]
    return stems


def is_familiar(word: str) -> bool:
    """A word on the list (or a regular form of one), a number, a keyword in capitals, or a NAMED word; each part
    of a hyphenated word ("check-ins") on its own."""
    if word[0].isdigit() or word.isupper():
        return True
    if "-" in word and word.lower() not in NAMED:
        return all(is_familiar(part) for part in word.split("-") if part)
    lower = word.lower()
    return lower in NAMED or any(stem in familiar_words() or stem in NAMED for stem in _stems(lower))


def unfamiliar(text: str) -> list[str]:
    """The words of `text` that count as unfamiliar. A capitalised word inside a sentence is a name ("Poison
    Control", "Pacific"), and names count as familiar, as in Dale and Chall's rules."""
    starts = {m.start(1) for m in SENTENCE_START.finditer(text)}
    return [
        m.group()
        for m in WORD.finditer(text)
        if not is_familiar(m.group()) and (m.start() in starts or not m.group()[0].isupper())
    ]


def score(text: str) -> float:
    """Dale and Chall (1948, as adjusted): 0.1579 x % unfamiliar words + 0.0496 x words per sentence, + 3.6365 when more
    than 5% are unfamiliar. 4.9 or less reads at grade 4, 5.0-5.9 grades 5-6, 6.0-6.9 grades 7-8, 7.0-7.9 grades
    9-10."""
    words = WORD.findall(text)  # a name is a word too: only its difficulty is waived
    sentences = max(1, len(SENTENCE_END.findall(text)))
    hard = 100 * len(unfamiliar(text)) / len(words)
    return 0.1579 * hard + 0.0496 * len(words) / sentences + (3.6365 if hard > 5 else 0)
