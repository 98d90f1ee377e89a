"""Checks a template text an operator wants to publish against the rules the defaults obey (messages/rules.py).

Pure: no Flask, no Redis. Errors stop a publish; warnings (a costlier encoding) are shown and the text goes out.
"""

import re
import unicodedata
from dataclasses import dataclass

from messages import rules
from messages.catalog import PLACEHOLDER, SAMPLE_VALUES, Template, render
from messages.segments import GSM7_SINGLE, UCS2_SINGLE, SegmentInfo, analyse

# After the valid placeholders are taken out, any brace left is a mistake or an attempt to reach Python attributes
# ("{program.__class__}"): report the braced fragment whole, or the lone brace.
_STRAY_BRACES = re.compile(r"\{[^{}]*\}|[{}]")


class _KeepUnknown(dict[str, str]):
    """Values for a preview: an unknown placeholder stays as typed instead of failing the render."""

    def __missing__(self, name: str) -> str:
        return "{" + name + "}"


@dataclass(frozen=True)
class Check:
    """The outcome of validating one text: the text as it would be published, its preview and how it travels."""

    text: str
    preview: str  # rendered with the catalog's sample values
    info: SegmentInfo  # of the preview
    errors: tuple[str, ...]
    warnings: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.errors


def normalise(text: str) -> str:
    """The text as it is stored: browsers send textarea line breaks as CRLF, and edges carry stray whitespace."""
    return text.replace("\r\n", "\n").strip()


def describe(ch: str) -> str:
    """A character with its code point and Unicode name, like "x (U+0078 LATIN SMALL LETTER X)"."""
    name = unicodedata.name(ch, "")
    return f"{ch} (U+{ord(ch):04X}{' ' + name if name else ''})"


def preview(text: str, values: dict[str, str] = SAMPLE_VALUES) -> str:
    """`text` rendered with `values` (the catalog's samples), unknown placeholders left as typed."""
    return render(text, _KeepUnknown(values))


def _placeholder_errors(template: Template, text: str) -> list[str]:
    used = set(PLACEHOLDER.findall(text))
    allowed = rules.allowed_placeholders(template.key)
    listed = ", ".join(f"{{{name}}}" for name in sorted(allowed))
    errors = [
        f"{fragment} is not a placeholder: a placeholder is a lowercase name in braces, like {{program}}."
        if len(fragment) > 1
        else f'Stray "{fragment}": braces are only for placeholders, like {{program}}.'
        for fragment in dict.fromkeys(_STRAY_BRACES.findall(PLACEHOLDER.sub("", text)))
    ]
    errors += [f"Unknown placeholder {{{name}}}: this template can use {listed}." for name in sorted(used - allowed)]
    errors += [
        f"Missing placeholder {{{name}}}: this reply must include it."
        for name in sorted(rules.required_placeholders(template) - used)
    ]
    return errors


def _content_errors(template: Template, rendered: str) -> list[str]:
    lowered = rendered.lower()
    errors = [f'Must keep "{p}".' for p in rules.required_phrases(template) if p.lower() not in lowered]
    errors += [
        f'Breaks a "Must never" rule ({rule}) of the content policy, messages/POLICY.md: "{found[0]}".'
        for rule, check in rules.NEVER_RULES.items()
        if (found := check(rendered))
    ]
    if rules.help4u_in_spanish(template, rendered):
        errors.append("HELP4U (435748) answers in English only: a Spanish text must not offer it.")
    if rules.is_discreet(template):
        words = ", ".join(dict.fromkeys(f'"{w}"' for w in rules.NOT_DISCREET.findall(rendered)))
        if words:
            errors.append(f"This text shows on a lock screen and must stay discreet: remove {words}.")
    if rules.asks_no_question(template) and "?" in rendered:
        errors.append('This reply must not ask a question (one could invite a "no"): remove "?".')
    return errors


def _length_errors(template: Template, text: str, info: SegmentInfo) -> list[str]:
    limit = template.max_segments
    if info.segments > limit:
        return [f"{info.segments} segments with sample values: {template.kind} texts may take at most {limit}."]
    # The engine fills in longer values than the samples (a long time zone name): the text must still fit.
    longest = analyse(preview(text, rules.LONGEST_VALUES)).segments
    if longest > limit:
        return [f"{longest} segments with the longest values the line fills in: {template.kind} texts may take "
                f"at most {limit}."]  # fmt: skip
    return []


def validate(template: Template, text: str) -> Check:
    """Check `text` as the new text of `template` (the default, which carries its key, kind and numbers)."""
    text = normalise(text)
    rendered = preview(text)
    info = analyse(rendered)
    if not text:
        return Check(text, rendered, info, ("The text is empty.",), ())
    # Every problem at once, so one round of fixes is enough.
    errors = _placeholder_errors(template, text) + _content_errors(template, rendered)
    errors += _length_errors(template, text, info)
    warnings: list[str] = []
    if info.ucs2_chars:
        chars = ", ".join(describe(ch) for ch in info.ucs2_chars)
        if template.kind == "scheduled":
            errors.append(f"Scheduled texts must use plain characters (GSM-7). Replace {chars}.")
        else:
            warnings.append(
                f"{chars} forces UCS-2: a segment holds {UCS2_SINGLE} characters instead of {GSM7_SINGLE}, "
                "so the text costs more segments. Use plain characters if you can."
            )
    return Check(text, rendered, info, tuple(errors), tuple(warnings))
