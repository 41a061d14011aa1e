"""Plain text: where the standard library's ``re`` may stand in for ``regex``.

``re`` splits and searches several times faster than ``regex`` on the short
patterns of the rules, but it knows no ``\\p{...}`` classes and follows another
Unicode version. Dutch news is nearly always written in a small repertoire:
ASCII, Latin-1, Latin Extended-A, the dashes and quotation marks of
U+2010-U+2027 and the euro sign (all of the generated benchmark corpus and of
the UD newspaper text). On a text made only of these characters (:func:`is_plain`),
a character class built by :func:`plain_class` holds exactly the characters that
the ``regex`` class holds, so a pattern spelled with it finds the same matches.
The rules keep their ``regex`` pattern for every other text.
"""

from __future__ import annotations

import re

import regex

__all__ = ["PLAIN_CHARS", "PLAIN_TEXT", "is_plain", "plain_class"]

PLAIN_TEXT = re.compile(r"[\t\n\r -~\u00a0-\u017f\u2010-\u2027\u20ac]*+")
"""Matches (in full) a text made only of plain characters."""

PLAIN_CHARS: tuple[str, ...] = tuple(
    chr(c) for c in (9, 10, 13, *range(0x20, 0x7F), *range(0xA0, 0x180),
                     *range(0x2010, 0x2028), 0x20AC)
)
"""Every plain character, in code point order (the characters :data:`PLAIN_TEXT` takes)."""


def is_plain(text: str) -> bool:
    """Whether every character of *text* is plain.

    >>> is_plain("Zelenski’s „vredesplan” kost 1,5 miljard €"), is_plain("Ωmega")
    (True, False)
    """
    return PLAIN_TEXT.fullmatch(text) is not None


def plain_class(prop: str) -> str:
    """A character class of ``re`` holding the plain characters that the ``regex`` class
    *prop* holds (it is asked about each one).

    >>> import re
    >>> capital = re.compile(plain_class(r"\\p{Lu}"))
    >>> bool(capital.fullmatch("É")), bool(capital.fullmatch("é"))
    (True, False)
    """
    test = regex.compile(prop)
    return "[" + "".join(re.escape(c) for c in PLAIN_CHARS if test.fullmatch(c)) + "]"
