"""Split Dutch text into sentences and tokens, without a model.

Segmentation follows three sets of rules:

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

The places where a sentence can end (a mark before whitespace or a closer, a line break)
are found first, and the rules look at the tokens only around them. So sentences
without tokens (``segment(text, tokens=False)``) tokenise only the runs of characters
between whitespace that hold or follow such a place, with the same pattern and the
same rules, and come out the same as the sentences with tokens.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import bisect
import functools
import re
import types
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

import attrs
import regex

from geopol.data import data_path, read_list, read_table
from geopol.errors import DataFileError
from geopol.model import Sentence, Span, Token

__all__ = ["segment", "token_spans"]

_SpanHolder = TypeVar("_SpanHolder", Token, Sentence)

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

_LINE_BREAK_CHARS = r"\n\r\v\f\x85\u2028\u2029"
# Where a sentence can end: a terminal mark before whitespace or a closing quote or bracket
# (pass 2), and a line break with the whitespace after it (pass 3), a blank line when that
# holds another break. A mark before a line feed or at the end of the text is left out: no
# sentence break follows it on its line (see _break_after), and the line-break rules decide
# at the line feed. Each mark has a pattern of its own, and so has the line feed for texts
# without other line breaks: Python's re finds a literal first character about eight times
# as fast as one of a set, and a set twice as fast as regex does. Its \s is str.isspace(),
# so the whitespace after a line break leaves out \x1c-\x1f by hand, as regex's \s does.
_MARK_CANDIDATES = {mark: re.compile(rf"{re.escape(mark)}(?=[^\S\n]|[\"'”’»›)\]}}])")
                    for mark in ".!?…"}


def _line_break_candidates(first: str) -> re.Pattern[str]:
    """The line breaks that begin with *first* (a pattern), with the whitespace after them."""
    return re.compile(
        rf"{first}(?:(?<=\r)\n)?"  # \r\n is one line break
        rf"(?P<blank>[^\S\x1c-\x1f{_LINE_BREAK_CHARS}]*+[{_LINE_BREAK_CHARS}])?"
        r"[^\S\x1c-\x1f]*+"
    )


_LINE_BREAK_CANDIDATES = _line_break_candidates(rf"[{_LINE_BREAK_CHARS}]")
_LINE_FEED_CANDIDATES = _line_break_candidates(r"\n")  # where no other line break occurs
_LINE_BREAKS_BUT_LINE_FEED = "\r\v\f\x85\u2028\u2029"
_LAST_LINE_BREAK = regex.compile(rf"(?r)\r\n|[{_LINE_BREAK_CHARS}]")
_NON_SPACE = re.compile(r"\S")  # as _NOT_SPACE: re's \s is str.isspace()
_LAST_NON_SPACE = regex.compile(rf"(?r){_NOT_SPACE}")  # (?r): searched backwards from endpos

_CLOSERS = frozenset(["”", "’", "»", "›", ")", "]", "}", "'", "''"])
_OPENERS = frozenset("\"'„“‘‚«‹([{¿¡-–—•*·,`")  # also the first character of ,, and ``
_CONTINUERS = frozenset(",;:([{-–—/&")
# The first characters of the closers and of '"': a token starting with none of them is no closer.
_CLOSER_STARTS = frozenset(closer[0] for closer in [*_CLOSERS, '"'])


def _slot_setter(cls: type, name: str) -> Callable[[object, object], None] | None:
    descriptor = cls.__dict__.get(name)
    return descriptor.__set__ if isinstance(descriptor, types.MemberDescriptorType) else None


def _span_holder_factory(cls: type[_SpanHolder]) -> Callable[[int, int], _SpanHolder]:
    """A constructor of ``cls(span=Span(start, end))`` (a token, a sentence without tokens)
    for offsets known to be valid.

    Segmentation builds an object for every word, and the ``attrs`` initialisers
    with their validators were half of its time. The offsets found here are valid by
    construction, so this fills the slots of the frozen classes directly, with the
    values an ordinary ``cls`` gets by default, at about twice the speed. Should the
    model change shape (a required field, no slots), it falls back to the ordinary
    constructors; a test checks that both give equal objects.
    """
    construct: Callable[..., _SpanHolder] = cls

    def fallback(start: int, end: int) -> _SpanHolder:
        return construct(span=Span(start, end))

    try:
        reference = construct(span=Span(0, 0))
    except TypeError:
        return fallback
    names = [field.name for field in attrs.fields(cls)]
    set_start, set_end = _slot_setter(Span, "start"), _slot_setter(Span, "end")
    setters = [_slot_setter(cls, name) for name in names]
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

    def make(start: int, end: int) -> _SpanHolder:
        span = new(Span)
        set_start(span, start)
        set_end(span, end)
        holder = new(cls)
        set_span(holder, span)
        for setter, value in defaults:
            setter(holder, value)
        return holder

    return make


@attrs.frozen
class _Rules:
    token: regex.Pattern[str]
    sentence_final: frozenset[str]
    listed: frozenset[str]  # the abbreviations and months of the data files, as written
    listed_words: frozenset[str]  # the same, and those ending in a period without it
    make_token: Callable[[int, int], Token]
    make_sentence: Callable[[int, int], Sentence]  # a sentence without its tokens


@functools.cache
def _rules() -> _Rules:
    abbreviations = read_list("abbreviations.txt")
    final = frozenset(read_list("sentence_final_abbreviations.txt"))
    months = tuple(sorted({row.get("form", "") for row in read_table("months.tsv")
                           if row.get("form", "").endswith(".")}))
    _check_no_whitespace("abbreviations.txt", abbreviations)
    _check_no_whitespace("months.tsv", months)
    pattern = _TOKEN_PATTERN if months else _TOKEN_PATTERN.replace(r"\L<months>", "(?!)")
    token = regex.compile(pattern, regex.VERBOSE | regex.VERSION0,
                          abbreviations=abbreviations, months=months)
    listed = frozenset((*abbreviations, *months))
    return _Rules(token=token, sentence_final=final, listed=listed,
                  listed_words=listed | {entry[:-1] for entry in listed if entry.endswith(".")},
                  make_token=_span_holder_factory(Token),
                  make_sentence=_span_holder_factory(Sentence))


def _check_no_whitespace(name: str, entries: Sequence[str]) -> None:
    """Reject data entries with whitespace: no token may hold any, and the sentence rules
    rely on that (see :class:`_TokensOnDemand`)."""
    spaced = [entry for entry in entries if any(char.isspace() for char in entry)]
    if spaced:
        raise DataFileError(f"entries with whitespace, which no token may hold: {spaced}",
                            path=data_path(name))


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


# --- where tokens start and end ---------------------------------------------------------
#
# Tokens are never empty, never hold whitespace and cover every other character. So a
# token starts at the first character after whitespace and ends before the next
# whitespace, and one that starts right before whitespace is one character long; the
# sentence rules ask for tokens (through _Tokens) only where that does not tell.


def _skip_space(text: str, position: int) -> int:
    """Where the first token at or after *position* starts; ``len(text)`` if none does."""
    # Mostly no space or one lies between: looked at directly, without a search.
    length = len(text)
    if position < length and not text[position].isspace():
        return position
    if position + 1 < length and not text[position + 1].isspace():
        return position + 1
    found = _NON_SPACE.search(text, position)
    return found.start() if found else length


def _back_over_space(text: str, position: int) -> int:
    """Where the last token before *position* ends; 0 if none does."""
    if position and not text[position - 1].isspace():
        return position  # no space before: no search needed
    found = _LAST_NON_SPACE.search(text, 0, position)
    return found.end() if found else 0


class _Tokens(Protocol):
    """The tokens of a text, looked up where the sentence rules need them."""

    def containing(self, position: int) -> tuple[int, int]:
        """The span of the token that holds *position*, a character other than whitespace."""

    def end_of(self, start: int) -> int:
        """The end of the token that starts at *start*."""


class _AllTokens:
    """Every token of a text, found beforehand (the sentences carry them anyway)."""

    def __init__(self, spans: Sequence[tuple[int, int]], starts: Sequence[int]) -> None:
        self._spans = spans
        self._starts = starts

    def containing(self, position: int) -> tuple[int, int]:
        return self._spans[bisect.bisect_right(self._starts, position) - 1]

    def end_of(self, start: int) -> int:
        return self._spans[bisect.bisect_left(self._starts, start)][1]


# Tokens the sentence rules ask for often, which the token pattern finds only after
# trying a dozen alternatives (microseconds each); tests/test_segment_fast_path.py holds
# each of these shortcuts to the pattern.
#
# A word of two letters or more before a period, a straight quote mark at most, and
# whitespace or the end, after whitespace or a straight quote mark: the last word of most
# sentences. The pattern always reads it as a token of its own unless the word, with or
# without the period, is an abbreviation or month of the data files (a single letter may
# be an initial, a letter or period before it may make it part of d.w.z., a letter after
# the period part of o.a., and anything but a straight quote mark part of a URL after www).
# [^\W\d_] is a word character but no digit or underscore: a letter, or a number sign
# such as ² that the pattern keeps in the word as well.
_WORD_BEFORE_PERIOD = re.compile(r'[^\W\d_]{2,}(?=\."?(?:\s|\Z))')
# Characters that are a token of their own wherever they stand: the pattern's second
# alternative takes all but '"' (the first takes letters only), and '"' falls through to
# the last, as no other alternative begins with it unless an abbreviation or month does (a
# test checks the data files). A period or comma is one too when the same character does
# not follow (.. begins an ellipsis, ,, a quote mark).
_ALONE = frozenset(';)]”“„«»"')
# The first characters of the old-style quote marks ,, '' and ``, tokens of two characters
# wherever they stand: no alternative before theirs takes two commas, apostrophes or
# backticks (a clitic needs a letter or two digits after its apostrophe), nor does an
# abbreviation or month begin with one (a test checks the data files).
_OLD_STYLE_QUOTE_HALVES = ",'`"


class _TokensOnDemand:
    """The tokens of a text where they are asked for, without tokenising the rest of it.

    No token holds whitespace (the token pattern never matches any, nor does an entry of
    the data files: :func:`_rules` checks), so the tokens of a run of characters between
    whitespace are the ones the pattern matches from the start of the run, one after the
    other; the lookbehinds see the text before the run, since ``match`` at a position
    does not cut the text there.
    """

    def __init__(self, text: str, token: regex.Pattern[str],
                 listed_words: frozenset[str]) -> None:
        self._text = text
        self._match = token.match
        self._listed_words = listed_words
        self._last = (0, 0)  # the token found last

    def containing(self, position: int) -> tuple[int, int]:
        start, end = self._last
        if start <= position < end:
            return start, end  # asked again: a line break after a sentence-final mark
        # Tokenise from the start of the run that holds *position*, or from the end of the
        # token found last when that is in the same run: the rules ask in text order, one
        # kind of candidate after the other, so each character is stepped over once a kind,
        # also in a long text without whitespace.
        floor = end if end <= position else 0
        text = self._text
        # Mostly a space ends the run before: then no other whitespace follows it, as no
        # whitespace but the space is printable.
        start = text.rfind(" ", floor, position) + 1 or floor
        if not text[start:position].isprintable():
            start = position
            while start > floor and not text[start - 1].isspace():
                start -= 1
        end = self.end_of(start)
        while end <= position:
            start, end = end, self.end_of(end)
        self._last = start, end
        return start, end

    def end_of(self, start: int) -> int:
        text = self._text
        if start + 1 == len(text) or text[start + 1].isspace():
            return start + 1  # one character before whitespace or the end
        char = text[start]
        if char in _ALONE or (char in ".," and text[start + 1] != char):
            return start + 1
        if start == 0 or text[start - 1].isspace() or text[start - 1] == '"':
            word = _WORD_BEFORE_PERIOD.match(text, start)
            if word is not None and word[0] not in self._listed_words:
                return word.end()
        if char in _OLD_STYLE_QUOTE_HALVES and text[start + 1] == char:
            return start + 2
        match = self._match(text, start)
        if match is None:  # never: any character but whitespace starts a token
            raise AssertionError(f"no token at {start}")
        return match.end()


# --- the sentence rules -----------------------------------------------------------------


def _can_start(text: str, start: int) -> bool:
    """Whether a token starting at *start* can begin a sentence."""
    char = text[start]
    if char.isalpha():
        return not char.islower()
    return char.isdigit() or char in _OPENERS


class _QuoteParity:
    """Whether a straight ``"`` is inside a quotation, from the number of them before it
    on its line.

    Asked in text order (as the rules do for each kind of mark), it counts on from the last
    answer, so a long line is read once; asked out of order, it counts from the start of
    the line again.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._counted_to = 0  # the quote marks on the line before here are counted
        self._count = 0

    def is_open(self, position: int) -> bool:
        if position < self._counted_to:
            self._counted_to = self._count = 0
        line_break = _LAST_LINE_BREAK.search(self._text, self._counted_to, position)
        if line_break is not None:
            self._counted_to, self._count = line_break.end(), 0
        self._count += self._text.count('"', self._counted_to, position)
        self._counted_to = position
        return self._count % 2 == 1


def _is_running_abbreviation(text: str, start: int, end: int, final: frozenset[str]) -> bool:
    """Whether the token ending in a period is an abbreviation that does not end a sentence."""
    return end - start > 1 and text[start] != "." and text[start:end] not in final


def _is_numbering(text: str, start: int, tokens: _Tokens) -> bool:
    """Whether the token at *start* is a letter numbering a line: ``b.`` in ``b. Gent``."""
    end = tokens.end_of(start)
    return end - start == 2 and text[end - 1] == "."


# A sentence break: where a sentence ends and where the next one starts.
_Break = tuple[int, int]


def _line_break(text: str, gap: re.Match[str], tokens: _Tokens,
                final: frozenset[str]) -> _Break | None:
    """The sentence break at the line break *gap*, if it is one.

    A blank line always ends a sentence, a single break when the next line can start one
    and the line before does not run on.
    """
    end = _back_over_space(text, gap.start())
    next_start = _skip_space(text, gap.end())
    if end == 0 or next_start == len(text):
        return None
    if gap.group("blank") is not None:
        return end, next_start
    final_char = text[end - 1]
    if final_char in _CONTINUERS:
        return None
    if not (_can_start(text, next_start) or _is_numbering(text, next_start, tokens)):
        return None
    if final_char == "." and _is_running_abbreviation(text, tokens.containing(end - 1)[0],
                                                      end, final):
        return None  # an abbreviation runs on: "dhr.\nRutte"
    return end, next_start


def _closer_end(text: str, previous_end: int, start: int, tokens: _Tokens,
                quotes: _QuoteParity) -> int | None:
    """The end of the token at *start*, which begins with one of :data:`_CLOSER_STARTS`,
    if it is a closing quote mark or bracket that stays with the sentence ending at
    *previous_end*."""
    if "\n" in text[previous_end:start]:
        return None
    end = tokens.end_of(start)
    piece = text[start:end]
    if piece == '"':
        adjacent = start == previous_end
        at_line_end = end == len(text) or text[end] in "\r\n"
        return end if adjacent or at_line_end or quotes.is_open(start) else None
    return end if piece in _CLOSERS else None


def _break_after(text: str, end: int, tokens: _Tokens,
                 quotes: _QuoteParity) -> _Break | None:
    """The sentence break after a sentence-final mark whose token ends at *end*, if any:
    the closers after it stay with the sentence, and on the same line a token that can
    start a sentence follows."""
    if end < len(text) and text[end] == "\n":
        return None  # a line feed follows, which no closer and no break may cross
    next_start = _skip_space(text, end)
    # Every closer begins with one of _CLOSER_STARTS: other tokens need not be found.
    while next_start < len(text) and text[next_start] in _CLOSER_STARTS:
        closer_end = _closer_end(text, end, next_start, tokens, quotes)
        if closer_end is None:
            break
        end = closer_end
        next_start = _skip_space(text, end)
    if next_start == len(text):
        return None
    gap = text[end:next_start]
    if not gap.isspace() or "\n" in gap or "\r" in gap:
        return None  # no space, or a line break: decided by the line-break rules
    return (end, next_start) if _can_start(text, next_start) else None


def _mark_break(text: str, position: int, tokens: _Tokens, final: frozenset[str],
                quotes: _QuoteParity) -> _Break | None:
    """The sentence break after the punctuation mark at *position*, if there is one.

    The mark must end its token, which must be the mark alone or a sentence-final
    abbreviation, and a sentence must be able to start after it (:func:`_break_after`).
    """
    end = position + 1
    # A mark before whitespace or the end of the text ends its token, so the token is
    # looked for only once the cheaper conditions hold. Before anything else the token
    # may go on past the mark, and where the next one starts is known only from it.
    followed_by_space = end == len(text) or text[end].isspace()
    if not followed_by_space and tokens.containing(position)[1] != end:
        return None  # the mark is inside a token: a number, URL or abbreviation
    found = _break_after(text, end, tokens, quotes)
    if found is None:
        return None
    if _is_running_abbreviation(text, tokens.containing(position)[0], end, final):
        return None  # an abbreviation or initial that does not end a sentence
    return found


def _sentence_breaks(text: str, tokens: _Tokens, final: frozenset[str]) -> list[_Break]:
    """The sentence breaks of *text*, in order."""
    breaks: set[_Break] = set()
    quotes = _QuoteParity(text)
    # Kind by kind, each in text order: the tokens and the quote marks are looked up in
    # text order within a kind, and the breaks are sorted at the end.
    for mark, candidates in _MARK_CANDIDATES.items():
        if mark in text:
            for candidate in candidates.finditer(text):
                found = _mark_break(text, candidate.start(), tokens, final, quotes)
                if found is not None:
                    breaks.add(found)
    line_breaks = _LINE_FEED_CANDIDATES
    if any(char in text for char in _LINE_BREAKS_BUT_LINE_FEED):
        line_breaks = _LINE_BREAK_CANDIDATES
    for gap in line_breaks.finditer(text):
        found = _line_break(text, gap, tokens, final)
        if found is not None:
            breaks.add(found)
    return sorted(breaks)


# --- sentences --------------------------------------------------------------------------


def _sentences_with_tokens(text: str, rules: _Rules) -> list[Sentence]:
    spans = [match.span() for match in rules.token.finditer(text)]
    if not spans:
        return []
    starts = [start for start, _ in spans]
    make = rules.make_token
    sentences = []
    first = 0
    breaks = _sentence_breaks(text, _AllTokens(spans, starts), rules.sentence_final)
    for end in [*(end for end, _ in breaks), spans[-1][1]]:
        last = bisect.bisect_left(starts, end) - 1  # the token that ends at *end*
        found = tuple([make(start, stop) for start, stop in spans[first : last + 1]])
        sentences.append(Sentence(span=Span(spans[first][0], end), tokens=found))
        first = last + 1
    return sentences


def _sentences_without_tokens(text: str, rules: _Rules) -> list[Sentence]:
    start = _skip_space(text, 0)
    if start == len(text):
        return []
    make = rules.make_sentence
    sentences = []
    tokens = _TokensOnDemand(text, rules.token, rules.listed_words)
    for end, next_start in _sentence_breaks(text, tokens, rules.sentence_final):
        sentences.append(make(start, end))
        start = next_start
    sentences.append(make(start, _back_over_space(text, len(text))))
    return sentences


def segment(text: str, *, tokens: bool = True) -> list[Sentence]:
    """Split *text* into sentences and tokens, with character offsets into *text*.

    Never raises on any string; sentences and tokens never start or end with whitespace,
    and every other character of *text* is in exactly one token of one sentence.

    Args:
        text: the text to split, as loaded.
        tokens: whether the sentences carry their tokens; without them (for callers that
            need the sentence spans only) segmentation looks for tokens only next to the
            places where a sentence may end, in a fraction of the time. The sentences
            are the same either way.

    Returns:
        The sentences in text order, each with its tokens (none when *tokens* is false).

    >>> text = 'Dhr. Rutte kwam om 13.45 uur aan. "Ja." Hij ging.'
    >>> [text[s.span.start:s.span.end] for s in segment(text)]
    ['Dhr. Rutte kwam om 13.45 uur aan.', '"Ja."', 'Hij ging.']
    >>> [text[t.span.start:t.span.end] for t in segment(text)[0].tokens]
    ['Dhr.', 'Rutte', 'kwam', 'om', '13.45', 'uur', 'aan', '.']
    >>> [s.span for s in segment(text, tokens=False)] == [s.span for s in segment(text)]
    True

    .. versionadded:: 0.1.0
    """
    rules = _rules()
    if tokens:
        return _sentences_with_tokens(text, rules)
    return _sentences_without_tokens(text, rules)
