"""The default reply catalog: one YAML file per language, one entry per template, each with a source note."""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from messages.segments import segment_count

CATALOG_DIR = Path(__file__).parent
DEFAULT_LANGUAGE = "en"
LANGUAGES = ("en", "es")
"""Every language has a catalog with the same keys (messages/<language>.yaml)."""
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}
"""How the console and the on-call alert name each language."""
PROGRAM_NAME = "Steadyline"

# The most segments a template of each kind may take: topic replies stay readable on one screen, crisis replies
# carry numbers and next steps (POLICY.md C6 allows three), alerts to on-call staff say only that one is waiting,
# scheduled texts (check-ins, referrals, follow-ups the line starts itself) are one short, discreet segment, and
# the crisis conversation's replies (questions, next steps, a safety plan in parts) take what a crisis reply may.
MAX_SEGMENTS = {
    "topic": 2, "system": 2, "compliance": 2, "crisis": 3, "alert": 1, "scheduled": 1, "talk": 3, "operator": 2,
}  # fmt: skip
# Spanish says the same in about a fifth more characters: one segment more for replies the person asked for, never
# for the texts the line starts itself (one discreet GSM-7 segment in every language).
MAX_SEGMENTS_BY_LANGUAGE = {"es": {"topic": 3, "system": 3, "compliance": 3, "crisis": 4, "talk": 4, "operator": 3}}


def max_segments(kind: str, language: str = DEFAULT_LANGUAGE) -> int:
    """The most segments a template of `kind` in `language` may take."""
    return MAX_SEGMENTS_BY_LANGUAGE.get(language, {}).get(kind, MAX_SEGMENTS[kind])


# Placeholders are bare lowercase names: no attribute access, no indexing, no format specs.
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


class CatalogError(ValueError):
    """A catalog file is malformed: a missing field, an unknown kind, an over-long text."""


@dataclass(frozen=True)
class Template:
    """One reply: its text (with `{placeholders}`), what kind of reply it is, and the fact it rests on."""

    key: str
    kind: str
    text: str
    source: str
    keywords: tuple[str, ...] = ()
    language: str = DEFAULT_LANGUAGE

    @property
    def max_segments(self) -> int:
        return max_segments(self.kind, self.language)

    @property
    def placeholders(self) -> frozenset[str]:
        return frozenset(PLACEHOLDER.findall(self.text))


def render(text: str, values: dict[str, str]) -> str:
    """Fill `{name}` placeholders from `values`; a name not in `values` is a KeyError."""
    return PLACEHOLDER.sub(lambda m: values[m.group(1)], text)


def default_values() -> dict[str, str]:
    """Values every template may use."""
    return {"program": PROGRAM_NAME}


SAMPLE_VALUES = {
    **default_values(),
    "category": "overdose",
    "texter_language": "Spanish",
    "who": "sister",
    "ref": "a1b2c3",
    "time": "8:00 PM",
    "zone": "Eastern",
    "until": "Tue Nov 24",
    "schedule": "every day",
    "state": "on",
    "streak": "4",
    "earliest": "8:00 AM",
    "latest": "8:59 PM",
    "max_days": "90",
    "minutes": "10",
}
"""A value for every placeholder any template may use, to check lengths and show previews."""


def _parse(key: str, raw: object, language: str) -> Template:
    if not isinstance(raw, dict):
        raise CatalogError(f"{key}: expected a mapping")
    missing = {"kind", "text", "source"} - raw.keys()
    if missing:
        raise CatalogError(f"{key}: missing {', '.join(sorted(missing))}")
    kind = raw["kind"]
    if kind not in MAX_SEGMENTS:
        raise CatalogError(f"{key}: unknown kind {kind!r}")
    if not all(isinstance(raw[f], str) and raw[f].strip() for f in ("text", "source")):
        raise CatalogError(f"{key}: text and source must be non-empty strings")
    keywords = raw.get("keywords", [])
    if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
        raise CatalogError(f"{key}: keywords must be a list of quoted strings (YAML reads a bare YES as true)")
    if keywords and kind != "topic":
        raise CatalogError(f"{key}: only topics have keywords")
    template = Template(key, kind, raw["text"].strip(), raw["source"].strip(), tuple(keywords), language)
    try:
        text = render(template.text, SAMPLE_VALUES)
    except KeyError as exc:
        raise CatalogError(f"{key}: unknown placeholder {{{exc.args[0]}}}") from None
    if segment_count(text) > template.max_segments:
        raise CatalogError(f"{key}: {segment_count(text)} segments, at most {template.max_segments} for {kind}")
    return template


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that refuses a key given twice (plain YAML keeps the last one silently)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[object, object]:
        keys = [self.construct_object(k, deep=deep) for k, _ in node.value]
        duplicates = {k for k in keys if keys.count(k) > 1}
        if duplicates:
            raise CatalogError(f"duplicate key(s): {', '.join(sorted(map(str, duplicates)))}")
        return super().construct_mapping(node, deep=deep)


@cache
def load(language: str = DEFAULT_LANGUAGE) -> dict[str, Template]:
    """The default templates of one language, by key."""
    path = CATALOG_DIR / f"{language}.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    if not isinstance(data, dict):
        raise CatalogError(f"{path.name}: expected a mapping of template keys")
    return {key: _parse(key, raw, language) for key, raw in data.items()}


def text(key: str, language: str = DEFAULT_LANGUAGE, **values: str) -> str:
    """The rendered default text of template `key`."""
    return render(load(language)[key].text, default_values() | values)
