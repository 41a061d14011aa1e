"""Split Dutch text into sentences and tokens, without a model.

Segmentation runs in three passes over the text, each a compiled regular expression:

1. **Tokens.** One pattern, tried left to right, finds every token: URLs and e-mail
   addresses, abbreviations from ``abbreviations.txt`` (``dhr.``, ``o.a.``, ``blz.``),
   words with inner periods (``d.w.z.``, ``J.F.``) and initials (``J.`` before a capital),
   clitics (``'s``, ``'t``, ``'90``), words joined by hyphens, slashes, ampersands and
   apostrophes (``Oost-Oekraïne``, ``zo'n``, ``CD&V``), numbers written the Dutch way
   (``100.000``, ``1,5``, ``3,2%``, ``13.45``, ``1-1-2006``), truncated compounds
   (``land-`` in ``land- en tuinbouw``), ellipses and runs of ``!?``; any other
   character is a token of its own.
   Whitespace is never part of a token, and every other character is in exactly one.
2. **Sentence ends inside a line.** A ``.``, ``!``, ``?`` or ellipsis that stands as
   a token of its own ends a sentence when a space follows and the next token can start
   one (a capital, a digit, an opening quote or bracket).
   Closing quote marks and brackets right after it stay with the sentence
   (``"Ja." Hij ging.`` has the sentences ``"Ja."`` and ``Hij ging.``); a straight
   ``"`` after a space closes when an odd number of them precede it on its line.
   An abbreviation ends a sentence only if ``sentence_final_abbreviations.txt`` lists it.
3. **Line breaks.** A blank line always ends a sentence.
   A single line break ends one when the next line can start a sentence and the line
   before does not end in a comma, colon, semicolon, hyphen, dash or opening bracket:
   so a heading (a line without final punctuation) is a sentence of its own.

The tokens follow the conventions of the UD Dutch treebanks where they are sensible.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import bisect
import functools
import types
from collections.abc import Callable, Sequence

import attrs
import regex

from geopol.data import read_list, read_table
from geopol.model import Sentence, Span, Token

__all__ = ["segment", "token_spans"]

# Python's str.isspace() also counts U+001C..U+001F, the `regex` module's \s does not.
_SPACE = r"[\s\x1c-\x1f]"
_NOT_SPACE = r"[^\s\x1c-\x1f]"
_ALNUM = r"[\p{L}\p{N}\p{M}]"
_WORD_CHAR = r"[\p{L}\p{N}\p{M}\p{Cf}_]"
# Top-level domains recognised in web addresses written without a scheme.
_DOMAINS = "be|com|de|eu|fr|info|int|io|net|nl|nu|org|tv|uk"

# Tokens, in order of preference. Try them out at https://regex101.com (PCRE flavour is close).
_TOKEN_PATTERN = rf"""
    # fast paths: a plain word followed by a space or plain punctuation, plain punctuation
    [\p{{L}}\p{{M}}]++(?={_SPACE}|[,;!?)\]"”’»]|$)
  | [;)\]”“„«»]|,(?!,)|\.(?!\.)
  |    # a URL; trailing punctuation is not part of it
    (?:https?://|ftp://|www\.){_NOT_SPACE}+?(?<![.,;:!?'"’”)\]»])(?={_SPACE}|[.,;:!?'"’”)\]»]*+(?:{_SPACE}|$))
  | # an e-mail address
    (?<![\w.+-])[\w+-]++(?:\.[\w+-]++)*+@[\w-]++(?:\.[\w-]++)++
  | # a web address without a scheme: nos.nl, dekampioenen.be
    (?<!{_ALNUM}|[.@])\p{{L}}[\p{{L}}\p{{N}}-]*+(?:\.[\p{{L}}\p{{N}}-]++)*?\.(?:{_DOMAINS})(?!{_ALNUM}|\.{_ALNUM})
  | # a month abbreviation after a day (3 jan. 2022), from months.tsv
    (?<=\p{{N}}[^\S\n]++)\L<months>(?![\p{{L}}\p{{M}}])
  | # an abbreviation from the data file, as written; St.-Baafskathedraal
    (?<!{_ALNUM}|[.-])\L<abbreviations>(?![\p{{L}}\p{{M}}])(?:-{_WORD_CHAR}++)*+
  | # an initial before a name (J. Kennedy), a letter numbering a line (a. Gent)
    (?<!{_ALNUM}|[.-])\p{{Lu}}\.(?=[^\S\n]++\p{{Lu}})
  | (?<=^|\n[^\S\n]*+)\p{{L}}\.(?=[^\S\n])
  | # a clitic or a shortened year: 's, 't, 'n, '90, 's-Hertogenbosch
    (?<!{_ALNUM})['’](?:[stnkmr]|\p{{N}}{{2}})(?!{_ALNUM})(?:-{_WORD_CHAR}++(?:-{_WORD_CHAR}++)*+)?
  | # a word or number, with its inner joins
    (?:\(\p{{L}}++-?\)(?={_ALNUM}))?                # (her)opbouw, (ex-)inwoners
    (?:(?<!{_ALNUM})[+−-](?=\p{{N}}))?              # a sign before a number
    {_WORD_CHAR}++
    (?:
        (?: [-‐‑/&'’]                              # Oost-Oekraïne, en/of, CD&V, zo'n
          | (?<=\p{{N}})[.,:](?=\p{{N}})            # 100.000, 1,5, 13:45
          | (?<=(?<!{_ALNUM})\p{{L}}{{1,2}})\.(?=\p{{L}})   # o.a, v.Chr, sp.a
        )
        {_WORD_CHAR}++
    )*+
    (?:(?<=(?<!{_ALNUM}|\.)(?:\p{{L}}{{1,3}}\.)+\p{{L}}{{1,4}})\.(?!{_ALNUM}))?  # d.w.z., J.F.
    (?:\(\p{{L}}{{1,3}}\)(?!{_ALNUM}))?             # ontvoerder(s)
    (?:(?<=\p{{N}})[%‰])?                          # 3,2%
    (?:-(?={_SPACE}|[,/;:.?)]|$))?                 # land- en tuinbouw, (2003-)
  | \.{{2,}}+                                      # an ellipsis of periods
  | [!?]{{2,}}+
  | -{{2,}}+
  | ,,|''|``                                       # old-style quote marks
  | {_NOT_SPACE}
"""

_TERMINAL = regex.compile(rf"[.!?…](?={_SPACE}|$|[\"'”’»›)\]}}])")
_LINE_GAP = regex.compile(r"(?:\r\n|[\n\r\v\f\x85\u2028\u2029])\s*+")
_STRAIGHT_QUOTE = regex.compile('"')
_LINE_BREAK = regex.compile(r"\r\n|[\n\r\v\f\x85\u2028\u2029]")

_CLOSERS = frozenset(["”", "’", "»", "›", ")", "]", "}", "'", "''"])
_OPENERS = frozenset("\"'„“‘‚«‹([{¿¡-–—•*·,`")  # also the first character of ,, and ``
_CONTINUERS = frozenset(",;:([{-–—/&")


def _slot_setter(cls: type, name: str) -> Callable[[object, object], None] | None:
    descriptor = cls.__dict__.get(name)
    return descriptor.__set__ if isinstance(descriptor, types.MemberDescriptorType) else None


def _token_factory() -> Callable[[int, int], Token]:
    """A constructor of ``Token(span=Span(start, end))`` for offsets known to be valid.

    Segmentation builds an object for every word, and the ``attrs`` initialisers
    with their validators were half of its time. The offsets found here are valid by
    construction, so this fills the slots of the frozen classes directly, with the
    values an ordinary ``Token`` gets by default, at about twice the speed. Should the
    model change shape (a required field, no slots), it falls back to the ordinary
    constructors; a test checks that both give equal tokens.
    """
    def fallback(start: int, end: int) -> Token:
        return Token(span=Span(start, end))

    try:
        reference = Token(span=Span(0, 0))
    except TypeError:
        return fallback
    names = [field.name for field in attrs.fields(Token)]
    set_start, set_end = _slot_setter(Span, "start"), _slot_setter(Span, "end")
    setters = [_slot_setter(Token, name) for name in names]
    if (
        [field.name for field in attrs.fields(Span)] != ["start", "end"]
        or names[0] != "span"
        or set_start is None
        or set_end is None
    ):
        return fallback
    set_span, *set_rest = setters
    if set_span is None:
        return fallback
    defaults = []
    for setter, name in zip(set_rest, names[1:], strict=True):
        if setter is None:
            return fallback
        defaults.append((setter, getattr(reference, name)))
    new = object.__new__

    def make(start: int, end: int) -> Token:
        span = new(Span)
        set_start(span, start)
        set_end(span, end)
        token = new(Token)
        set_span(token, span)
        for setter, value in defaults:
            setter(token, value)
        return token

    return make


@attrs.frozen
class _Rules:
    token: regex.Pattern[str]
    sentence_final: frozenset[str]
    make_token: Callable[[int, int], Token]


@functools.cache
def _rules() -> _Rules:
    abbreviations = read_list("abbreviations.txt")
    final = frozenset(read_list("sentence_final_abbreviations.txt"))
    months = tuple(sorted({row.get("form", "") for row in read_table("months.tsv")
                           if row.get("form", "").endswith(".")}))
    pattern = _TOKEN_PATTERN if months else _TOKEN_PATTERN.replace(r"\L<months>", "(?!)")
    token = regex.compile(pattern, regex.VERBOSE | regex.VERSION0,
                          abbreviations=abbreviations, months=months)
    return _Rules(token=token, sentence_final=final, make_token=_token_factory())


def token_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` character offsets of the tokens of *text*, in order.

    The fast path under :func:`segment`, for callers that need no
    :class:`~geopol.model.Token` objects.

    >>> text = "Dhr. Rutte sprak over Oost-Oekraïne."
    >>> [text[start:end] for start, end in token_spans(text)]
    ['Dhr.', 'Rutte', 'sprak', 'over', 'Oost-Oekraïne', '.']

    .. versionadded:: 0.1.0
    """
    return [match.span() for match in _rules().token.finditer(text)]


def _can_start(text: str, start: int) -> bool:
    """Whether a token starting at *start* can begin a sentence."""
    char = text[start]
    if char.isalpha():
        return not char.islower()
    return char.isdigit() or char in _OPENERS


class _QuoteParity:
    """Whether a straight ``"`` is inside a quotation, from the number of them before it
    on its line; positions are found once per text, so each question costs a bisection."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._quotes: list[int] | None = None
        self._breaks: list[int] = []

    def is_open(self, position: int) -> bool:
        if self._quotes is None:
            self._quotes = [m.start() for m in _STRAIGHT_QUOTE.finditer(self._text)]
            self._breaks = [m.start() for m in _LINE_BREAK.finditer(self._text)]
        line = bisect.bisect_left(self._breaks, position)
        line_start = self._breaks[line - 1] if line else 0
        before = (bisect.bisect_left(self._quotes, position)
                  - bisect.bisect_left(self._quotes, line_start))
        return before % 2 == 1


def _is_running_abbreviation(text: str, start: int, end: int, final: frozenset[str]) -> bool:
    """Whether the token ending in a period is an abbreviation that does not end a sentence."""
    return end - start > 1 and text[start] != "." and text[start:end] not in final


def _sentence_ends(text: str, spans: Sequence[tuple[int, int]], starts: Sequence[int],
                   final: frozenset[str]) -> list[int]:
    """Indices of the tokens after which a sentence ends (the last token excluded)."""
    count = len(spans)
    ends: set[int] = set()
    quotes = _QuoteParity(text)

    # Line breaks: a blank line always ends a sentence, a single break when the next line
    # can start one and the line before does not run on.
    for gap in _LINE_GAP.finditer(text):
        before = bisect.bisect_left(starts, gap.start()) - 1
        after = before + 1
        if before < 0 or after >= count:
            continue
        if len(_LINE_BREAK.findall(gap.group())) >= 2:
            ends.add(before)
            continue
        start, end = spans[before]
        final_char = text[end - 1]
        next_start, next_end = spans[after]
        numbered = next_end - next_start == 2 and text[next_end - 1] == "."  # "b. Gent"
        if final_char in _CONTINUERS or not (numbered or _can_start(text, next_start)):
            continue
        if final_char == "." and _is_running_abbreviation(text, start, end, final):
            continue  # an abbreviation runs on: "dhr.\nRutte"
        ends.add(before)

    # Sentence-final punctuation inside a line.
    for mark in _TERMINAL.finditer(text):
        position = mark.start()
        index = bisect.bisect_right(starts, position) - 1
        start, end = spans[index]
        if end != position + 1:
            continue  # the mark is inside a token: a number, URL or abbreviation
        if _is_running_abbreviation(text, start, end, final):
            continue  # an abbreviation or initial that does not end a sentence
        last = index
        while last + 1 < count:
            next_start, next_end = spans[last + 1]
            piece = text[next_start:next_end]
            if piece == '"':
                adjacent = next_start == spans[last][1]
                at_line_end = next_end == len(text) or text[next_end] in "\r\n"
                if not (adjacent or at_line_end or quotes.is_open(next_start)):
                    break
            elif piece not in _CLOSERS:
                break
            if "\n" in text[spans[last][1]:next_start]:
                break
            last += 1
        if last + 1 >= count:
            continue
        gap_start, gap_end = spans[last][1], spans[last + 1][0]
        if gap_start == gap_end or not text[gap_start:gap_end].isspace():
            continue
        if "\n" in text[gap_start:gap_end] or "\r" in text[gap_start:gap_end]:
            continue  # decided by the line-break rules above
        if _can_start(text, gap_end):
            ends.add(last)
    return sorted(ends)


def segment(text: str, *, tokens: bool = True) -> list[Sentence]:
    """Split *text* into sentences and tokens, with character offsets into *text*.

    Never raises on any string; sentences and tokens never start or end with whitespace,
    and every other character of *text* is in exactly one token of one sentence.

    Args:
        text: the text to split, as loaded.
        tokens: whether the sentences carry their tokens; without them (for callers that
            need the sentence spans only) segmentation takes about half the time.

    Returns:
        The sentences in text order, each with its tokens (none when *tokens* is false).

    >>> text = 'Dhr. Rutte kwam om 13.45 uur aan. "Ja." Hij ging.'
    >>> [text[s.span.start:s.span.end] for s in segment(text)]
    ['Dhr. Rutte kwam om 13.45 uur aan.', '"Ja."', 'Hij ging.']
    >>> [text[t.span.start:t.span.end] for t in segment(text)[0].tokens]
    ['Dhr.', 'Rutte', 'kwam', 'om', '13.45', 'uur', 'aan', '.']

    .. versionadded:: 0.1.0
    """
    rules = _rules()
    spans = [match.span() for match in rules.token.finditer(text)]
    if not spans:
        return []
    starts = [start for start, _ in spans]
    make = rules.make_token
    sentences = []
    first = 0
    for last in [*_sentence_ends(text, spans, starts, rules.sentence_final), len(spans) - 1]:
        span = Span(spans[first][0], spans[last][1])
        if tokens:
            found = tuple([make(start, end) for start, end in spans[first : last + 1]])
            sentences.append(Sentence(span=span, tokens=found))
        else:
            sentences.append(Sentence(span=span))
        first = last + 1
    return sentences
