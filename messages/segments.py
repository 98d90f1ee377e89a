"""SMS encoding and segment counting, as carriers and Twilio count them.

A text that uses only the GSM 03.38 alphabet travels as GSM-7: 160 septets in one segment, 153 per segment when
split (the rest carries the concatenation header). One character outside it (a curly quote, an emoji) turns the
whole text into UCS-2: 70 UTF-16 code units in one segment, 67 per segment when split.
"""

from dataclasses import dataclass

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# Extension-table characters cost two septets (an escape, then the character).
GSM7_EXTENDED = frozenset("^{}\\[~]|€\f")

GSM7_SINGLE, GSM7_MULTI = 160, 153
UCS2_SINGLE, UCS2_MULTI = 70, 67


@dataclass(frozen=True)
class SegmentInfo:
    """How a text will travel: its encoding, its length in that encoding's units, and its segment count."""

    encoding: str  # "GSM-7" or "UCS-2"
    units: int  # septets for GSM-7, UTF-16 code units for UCS-2
    segments: int
    ucs2_chars: tuple[str, ...]  # the characters that force UCS-2, in order of first appearance


def non_gsm_chars(text: str) -> tuple[str, ...]:
    """The distinct characters of `text` outside the GSM-7 alphabet (each forces UCS-2)."""
    seen: dict[str, None] = {}
    for ch in text:
        if ch not in GSM7_BASIC and ch not in GSM7_EXTENDED:
            seen.setdefault(ch, None)
    return tuple(seen)


def _pack(unit_sizes: list[int], single: int, multi: int) -> int:
    """Segments needed for characters of the given unit sizes; a character is never split across segments."""
    total = sum(unit_sizes)
    if total <= single:
        return 1 if total else 0
    segments, used = 1, 0
    for size in unit_sizes:
        if used + size > multi:
            segments, used = segments + 1, 0
        used += size
    return segments


def analyse(text: str) -> SegmentInfo:
    """Encoding, length and segment count of `text` as one SMS."""
    offenders = non_gsm_chars(text)
    if offenders:
        sizes = [len(ch.encode("utf-16-le")) // 2 for ch in text]
        return SegmentInfo("UCS-2", sum(sizes), _pack(sizes, UCS2_SINGLE, UCS2_MULTI), offenders)
    sizes = [2 if ch in GSM7_EXTENDED else 1 for ch in text]
    return SegmentInfo("GSM-7", sum(sizes), _pack(sizes, GSM7_SINGLE, GSM7_MULTI), ())


def segment_count(text: str) -> int:
    """Number of SMS segments `text` takes."""
    return analyse(text).segments
