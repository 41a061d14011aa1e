"""Headings and paragraphs of a document body (geopol.text.blocks)."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from geopol.text.blocks import _BLOCK, is_heading, split_blocks


def blocks(text: str) -> list[tuple[str, str]]:
    return [(b.kind, text[b.span.start : b.span.end]) for b in split_blocks(text)]


def test_short_line_without_final_punctuation_is_a_heading() -> None:
    assert is_heading("Bijna 100.000 Russen")


def test_line_ending_in_a_period_is_no_heading() -> None:
    assert not is_heading("Lavrov zegt dat Rusland geen oorlog wil.")


def test_blank_lines_separate_headings_from_paragraphs() -> None:
    text = "Akkoord van Minsk\n\nBlinken wil dat Oekraïne en Rusland zich aan de afspraken houden."

    assert [
        ("heading", "Akkoord van Minsk"),
        ("paragraph", "Blinken wil dat Oekraïne en Rusland zich aan de afspraken houden."),
    ] == blocks(text)


def test_heading_directly_above_its_paragraph_is_a_block_of_its_own() -> None:
    text = "Bijna 100.000 Russen\nDe troepen staan aan de grens. Kiev is ongerust."

    assert [
        ("heading", "Bijna 100.000 Russen"),
        ("paragraph", "De troepen staan aan de grens. Kiev is ongerust."),
    ] == blocks(text)


def test_heading_between_two_paragraph_lines_splits_the_block() -> None:
    text = "Lavrov sprak in Stockholm.\nAkkoord van Minsk\nBlinken wil een akkoord."

    assert [
        ("paragraph", "Lavrov sprak in Stockholm."),
        ("heading", "Akkoord van Minsk"),
        ("paragraph", "Blinken wil een akkoord."),
    ] == blocks(text)


def test_wrapped_line_continuing_in_lowercase_stays_in_its_paragraph() -> None:
    text = "De troepen trokken zich terug uit\nhet oosten van het land."

    assert [("paragraph", text)] == blocks(text)


def test_surrounding_spaces_are_not_part_of_a_block() -> None:
    assert [("heading", "Kop"), ("paragraph", "Tekst.")] == blocks("  Kop  \n\n  Tekst.  \n")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .\n\r\t\x1f”A1")), max_size=60) | st.text())
def test_blocks_are_ordered_non_overlapping_and_trimmed(text: str) -> None:
    previous = 0
    for block in split_blocks(text):
        start, end = block.span.start, block.span.end
        assert previous <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous = end


def test_windows_line_endings_separate_blocks_too() -> None:
    text = "Kop\r\n\r\nTekst.\r\n"

    assert [("heading", "Kop"), ("paragraph", "Tekst.")] == blocks(text)


# _BLOCK takes the characters between line breaks in runs; this is the same language
# written a character at a time, as it was before.
_BLOCK_BY_CHARACTER = regex.compile(r"\S(?:[^\n]|\n(?![ \t\r]*\n))*+")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", "A.", " ", "\n", "\r", "\t", "\x0b", "\x1f", "\r\n"]),
                max_size=40).map("".join) | st.text())
def test_block_pattern_takes_the_same_spans_as_one_character_at_a_time(text: str) -> None:
    assert [m.span() for m in _BLOCK.finditer(text)] == [
        m.span() for m in _BLOCK_BY_CHARACTER.finditer(text)
    ]
