"""SMS encoding and segment counting, and template rendering."""

import pytest

from messages.catalog import render
from messages.segments import analyse, segment_count


@pytest.mark.parametrize(("length", "segments"), [(0, 0), (1, 1), (160, 1), (161, 2), (306, 2), (307, 3)])
def test_gsm7_segment_boundaries(length, segments):
    info = analyse("a" * length)
    assert (info.encoding, info.units, info.segments) == ("GSM-7", length, segments)


def test_one_curly_quote_makes_the_whole_text_ucs2():
    info = analyse("a" * 70 + "\u2019")
    assert (info.encoding, info.units, info.segments) == ("UCS-2", 71, 2)
    assert info.ucs2_chars == ("\u2019",)


def test_emoji_counts_two_utf16_units():
    info = analyse("\U0001f600")
    assert (info.encoding, info.units, info.segments) == ("UCS-2", 2, 1)


def test_euro_sign_costs_two_septets():
    info = analyse("\u20ac")
    assert (info.encoding, info.units) == ("GSM-7", 2)
    assert segment_count("\u20ac" * 80) == 1
    assert segment_count("\u20ac" * 81) == 2


@pytest.mark.parametrize(("text", "encoding"), [("é è ù ì ò à ñ ä ö ü É Ñ", "GSM-7"), ("í ó á ú", "UCS-2")])
def test_accented_letters(text, encoding):
    assert analyse(text).encoding == encoding


def test_render_fills_program():
    assert render("Hi, it's {program}.", {"program": "Steadyline"}) == "Hi, it's Steadyline."


def test_render_unknown_placeholder_is_key_error():
    with pytest.raises(KeyError):
        render("{name}", {"program": "Steadyline"})


@pytest.mark.parametrize("literal", ["{program.__class__}", "{program[0]}", "{program!r}", "{PROGRAM}"])
def test_render_leaves_non_placeholders_as_text(literal):
    assert render(literal, {"program": "Steadyline"}) == literal
