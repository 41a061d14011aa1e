"""Dutch numerals to numbers: :func:`parse_number`."""

from __future__ import annotations

import functools
from decimal import Decimal

import regex

from geopol.numbers._lexicon import NumberLexicon, default_lexicon

__all__ = ["as_number", "parse_number", "parse_with"]

_SIGN = regex.compile(r"(?i)^(?:(?P<neg>min|minus|[-−–])|\+)\s*")
_DIGIT_ORDINAL = regex.compile(r"(?i)^(?P<n>\d+)(?:e|ste|de)$")
_OP_DE = regex.compile(r"(?i)^(?P<a>.+?)\s+op\s+de\s+(?P<b>.+)$")
_SPACES = regex.compile(r"[\s\u00a0\u202f\u2009]+")
_DUTCH_THOUSANDS = regex.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_FIXED_SPACE_THOUSANDS = regex.compile(r"^\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?:,\d+)?$")
_ENGLISH = regex.compile(r"^\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?$|^\d{1,3}(?:,\d{3})+\.\d+$")
_ENGLISH_DECIMAL = regex.compile(r"^\d+\.(?:\d{1,2}|\d{4,})$")
_PLAIN = regex.compile(r"^\d+(?:,\d+)?$")
_DIGITS_THEN_SCALE = regex.compile(r"^(?P<d>[\d.,\u00a0\u202f\u2009]*\d)\s*(?P<s>\p{L}+\.?)?$")

_ORDINAL_STE = ("tens", "hundred")
Number = int | float


def as_number(value: Decimal) -> Number:
    """An ``int`` when *value* is integral, else a ``float``."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _digits(text: str) -> Decimal | None:
    if _DUTCH_THOUSANDS.match(text):
        return Decimal(text.replace(".", "").replace(",", "."))
    if _FIXED_SPACE_THOUSANDS.match(text):
        return Decimal(_SPACES.sub("", text).replace(",", "."))
    if _ENGLISH.match(text):
        return Decimal(text.replace(",", ""))
    if _ENGLISH_DECIMAL.match(text):
        return Decimal(text)
    if _PLAIN.match(text):
        return Decimal(text.replace(",", "."))
    return None


_STARTS = frozenset({None, "hundred", "thousand", "big"})
_ALLOWED: dict[str, frozenset[str | None]] = {
    "unit": _STARTS,
    "teen": _STARTS,
    "tens": _STARTS,
    "conn": frozenset({"unit"}),
    "half": frozenset({None, "conn", "one"}),
    "hundred": frozenset({None, "unit", "one", "teen", "tens", "thousand", "big"}),
    "thousand": frozenset({None, "unit", "one", "teen", "tens", "hundred", "half", "big"}),
    "big": frozenset({None, "unit", "one", "teen", "tens", "hundred", "thousand", "half"}),
}


def _words(text: str, lex: NumberLexicon) -> Decimal | None:
    """The value of a spelled cardinal (``een miljoen vijfhonderdduizend``), else ``None``.

    The parts must follow Dutch word order: ``tweedrie`` or ``twintigtwee`` are no numbers.
    """
    pats = lex.patterns
    total = Decimal(0)
    current = Decimal(0)
    last: str | None = None
    for token in text.split():
        match = pats.morphemes.fullmatch(token)
        if match is None:
            return None
        for part in match.captures("m"):
            key = part.casefold()
            if key == "-":
                continue
            if key.strip("-") in ("en", "ën"):
                kind = "conn"
            else:
                scale = lex.scales.get(key)
                role = lex.role(key)
                if scale is not None and not scale[1]:
                    kind = "big" if scale[0] >= 10**6 else "thousand"
                elif role in ("unit", "teen", "tens", "hundred", "half"):
                    kind = role
                else:
                    return None
            allowed = _ALLOWED[kind]
            if last not in allowed and not (last == "one" and "unit" in allowed) \
                    and not (kind == "tens" and last == "conn"):
                return None
            if kind == "conn":
                pass
            elif kind == "big":
                total += (current or Decimal(1)) * lex.scales[key][0]
                current = Decimal(0)
            elif kind == "thousand":
                current = (current or Decimal(1)) * lex.scales[key][0]
            elif kind == "hundred":
                high, low = divmod(current, 1000)
                current = high * 1000 + (low or Decimal(1)) * 100
            elif kind == "half":
                if last == "one":
                    current -= 1
                current += Decimal(str(lex.words[key][1]))
            else:
                current += Decimal(lex.words[key][1])
            if kind == "unit" and lex.words[key][1] == 1:
                kind = "one"
            last = kind
    if last is None or last == "conn":
        return None
    return total + current


def _ordinal_base(word: str, lex: NumberLexicon) -> str | None:
    """The cardinal an ordinal word is built on (``eenentwintigste`` -> ``eenentwintig``)."""
    low = word.casefold()
    for irregular, value in lex.irregular_ordinals().items():
        if low.endswith(irregular):
            # eerste -> een, derde -> drie: the cardinal of the irregular ordinal
            cardinal = next((w for w in lex.words_with("unit")
                             if lex.words[w][1] == value and "é" not in w), None)
            return None if cardinal is None else low[: -len(irregular)] + cardinal
    for suffix in ("ste", "de"):
        if not low.endswith(suffix):
            continue
        base = low[: -len(suffix)]
        match = lex.patterns.morphemes.fullmatch(base)
        if not base or match is None:
            return None
        last = match.captures("m")[-1].casefold()
        role = lex.role(last)
        scale = lex.scales.get(last)
        wants_ste = role in _ORDINAL_STE or scale is not None or last == "acht"
        if role == "unit" and lex.words[last][1] in (1, 3):
            return None  # een -> eerste, drie -> derde, never eende or driede
        if wants_ste == (suffix == "ste"):
            return base
        return None
    return None


def parse_with(text: str, lex: NumberLexicon) -> Decimal | None:
    """:func:`parse_number` with an explicit lexicon, as an exact :class:`~decimal.Decimal`."""
    text = text.strip()
    if not text:
        return None
    sign = Decimal(1)
    match = _SIGN.match(text)
    if match and len(text) > match.end():
        rest = text[match.end():]
        if rest[:1].isdigit() or match["neg"] in ("min", "minus"):
            sign = Decimal(-1) if match["neg"] else Decimal(1)
            text = rest
    value = _unsigned(_SPACES.sub(" ", text) if not _FIXED_SPACE_THOUSANDS.match(text) else text,
                      lex)
    return None if value is None else sign * value


_EN_EEN_HALF = regex.compile(r"(?i)\s+en\s+(?:een|één)\s+(half|halve)(?![\p{L}])")


def _unsigned(text: str, lex: NumberLexicon) -> Decimal | None:
    low = text.casefold()
    if low in lex.words and lex.words[low][0] == "vague":
        return Decimal(str(lex.words[low][1]))
    op_de = _OP_DE.match(text)
    if op_de:
        a, b = parse_with(op_de["a"], lex), parse_with(op_de["b"], lex)
        if a is None or b is None or b == 0:
            return None
        return a / b
    ordinal = _DIGIT_ORDINAL.match(text)
    if ordinal:
        return Decimal(ordinal["n"])
    digits = _DIGITS_THEN_SCALE.match(text)
    if digits:
        number = _digits(digits["d"])
        if number is None:
            return None
        if digits["s"] is None:
            return number
        scale = lex.scales.get(digits["s"].casefold())
        return None if scale is None else number * scale[0]
    tokens = _EN_EEN_HALF.sub(r"en\1", low).split()
    if not tokens:
        return None
    if tokens[0] == "de" and len(tokens) == 2 and lex.denominator(tokens[1]) == 2:
        return Decimal("0.5")  # de helft
    *head, last = tokens
    den = lex.denominator(last)
    if den and head:  # twee derde, een kwart
        numerator = _words(" ".join(head), lex)
        return None if numerator is None else numerator / den
    cardinal = _words(" ".join(tokens), lex)
    if cardinal is not None:
        return cardinal
    base = _ordinal_base(last, lex)  # eenentwintigste, twee miljoen eerste
    if base is not None:
        return _words(" ".join([*head, base]), lex)
    for den_word in lex.words_with("denominator"):  # driekwart, tweederde
        if last.endswith(den_word) and last != den_word:
            numerator = _words(" ".join([*head, last[: -len(den_word)]]), lex)
            den = lex.denominator(den_word)
            if numerator is not None and den:
                return numerator / den
    if last.endswith("tal") and (not head or head == ["een"]):  # een tiental
        return _words(last[:-3], lex)
    return None


@functools.lru_cache(maxsize=4096)
def _cached(text: str) -> Decimal | None:
    return parse_with(text, default_lexicon())


def parse_number(text: str) -> int | float | None:
    """The number a Dutch numeral stands for, or ``None`` when *text* is none.

    Reads digits with Dutch separators (``100.000``, ``1,5``, ``2.345.678,90``), the
    English ones where they cannot be Dutch (``1,500,000``, ``2.5``), signs
    (``min 5``, ``-3,2``), scale words and abbreviations after digits
    (``1,5 miljard``, ``2,6 mln``), spelled numbers of any size, joined or spaced,
    with or without diaeresis or hyphens (``drieëntwintig``, ``drieentwintig``,
    ``een miljoen vijfhonderdduizend``, ``anderhalf miljoen``), fractions
    (``twee derde``, ``een op de vier``, ``de helft``), ordinals (``21ste``,
    ``eenentwintigste``) and vague magnitudes (``tientallen`` reads as its lower
    bound, 20).

    Args:
        text: the numeral alone, without hedge or unit words.

    Returns:
        An ``int`` when the value is whole, else a ``float``; ``None`` when *text*
        is not a numeral.

    >>> parse_number("1,5 miljard")
    1500000000
    >>> parse_number("drieëntwintig"), parse_number("anderhalf miljoen")
    (23, 1500000)
    >>> parse_number("Rusland") is None
    True

    .. versionadded:: 0.1.0
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_number needs a str, got {type(text).__name__}")
    if len(text) > 200:
        return None
    value = _cached(text)
    return None if value is None else as_number(value)
