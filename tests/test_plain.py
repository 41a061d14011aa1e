"""Plain text (geopol.text.plain): the repertoire on which re stands in for regex."""

from __future__ import annotations

import re

import regex

from geopol.text.plain import PLAIN_CHARS, is_plain, plain_class


def test_the_plain_characters_are_exactly_those_the_plain_text_pattern_takes() -> None:
    every = tuple(chr(c) for c in range(0x110000) if is_plain(chr(c)))

    assert every == PLAIN_CHARS
    assert {"é", "ë", "ł", "„", "”", "’", "–", "€", "\n"} <= set(every)


def test_a_text_is_plain_only_when_all_its_characters_are() -> None:
    assert is_plain("Minister Ollongren (Defensie) zei: „Wij blijven.” Het kost 1,5 miljard €.")
    assert not is_plain("Zelenski sprak met Ερντογάν.")
    assert is_plain("")


def test_a_plain_class_holds_the_plain_characters_of_the_regex_class() -> None:
    for prop in (r"\p{L}", r"\p{Lu}", r"\s", r"[\p{L}\p{M}\p{N}]"):
        plain, full = re.compile(plain_class(prop)), regex.compile(prop)
        for char in PLAIN_CHARS:
            assert bool(plain.fullmatch(char)) == bool(full.fullmatch(char)), (prop, hex(ord(char)))
