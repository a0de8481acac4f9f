"""Carrying ts_headline's marks from normalised text back to the text as written."""

import pytest

from saleor_support_plugin.search.highlight import (
    FRAGMENT_BREAK,
    MARK_END,
    MARK_START,
    marked_text,
    marked_words_query,
)
from saleor_support_plugin.search.normalise import normalise_text, normalise_with_positions


def _mark(text, *words):
    for word in words:
        text = text.replace(word, f"{MARK_START}{word}{MARK_END}")
    return text


@pytest.mark.parametrize(
    "text",
    [
        "Colet întârziat, factură greşită",
        "Paczka  zaginęła\n w Łodzi",
        "سلام، سفارش من كجاست؟ مي\u200cخواهم",
        "ﻻ ligature ﬁ and full-width ＡＢＣ",
        "  harakat: كِتَابٌ  ",
        "",
    ],
)
def test_positions_give_the_normalised_text(text):
    mapped = normalise_with_positions(text)

    assert mapped is not None
    normalised, spans = mapped
    assert normalised == normalise_text(text)
    assert len(spans) == len(normalised)
    assert all(0 <= start < end <= len(text) for start, end in spans)


def test_marks_land_on_the_words_as_written():
    written = "Pachetul a întârziat: factură greşită!"
    headline = _mark(normalise_text(written), "întârziat", "greşită")

    text, ranges = marked_text(written, headline)

    assert text == written
    assert [text[a:b] for a, b in ranges] == ["întârziat", "greşită"]


def test_arabic_letter_forms_and_zwnj_are_kept():
    written = "مي\u200cخواهم پيگيري كنم"
    normalised = normalise_text(written)
    assert normalised == "میخواهم پیگیری کنم"

    text, ranges = marked_text(written, _mark(normalised, "میخواهم", "کنم"))

    assert text == written
    assert [text[a:b] for a, b in ranges] == ["مي\u200cخواهم", "كنم"]


def test_left_out_text_becomes_an_ellipsis():
    written = "one two three kettle four five six seven eight broken nine"
    headline = (
        f"two three {MARK_START}kettle{MARK_END} four{FRAGMENT_BREAK}{MARK_START}broken{MARK_END}"
    )

    text, ranges = marked_text(written, headline)

    assert text == "… two three kettle four … broken …"
    assert [text[a:b] for a, b in ranges] == ["kettle", "broken"]


def test_a_headline_that_cannot_be_placed_shows_the_text_unmarked():
    assert marked_text("Where is it?", "something else") == ("Where is it?", ())


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("kettle -zwrot", "kettle"),
        ("paczka or colet -zwrot", "paczka or colet"),
        ('"refund kettle" -"old mug" broken', '"refund kettle" or broken'),
        ('"unclosed phrase', '"unclosed phrase"'),
        ("-only", ""),
        ("  ", ""),
    ],
)
def test_the_marked_words_leave_out_excluded_ones(search, expected):
    assert marked_words_query(search) == expected


def test_marker_characters_written_by_someone_never_make_marks():
    written = f"odd {MARK_START}text{MARK_END} kettle"

    text, ranges = marked_text(written, f"odd text {MARK_START}kettle{MARK_END}")

    assert (text, ranges) == (written, ())
