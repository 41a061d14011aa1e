"""Who said what: direct, indirect and mixed quotes (annotation guide, section 2).

:func:`extract` finds every quote of a document, in text order, each with its
content span, its speaker (an :class:`~geopol.model.Actor` resolved through
:mod:`geopol.actors`), its cue span and the name of the rule that found it.

How it works, in three steps:

1. *Quote marks* are paired per paragraph (:func:`quote_pairs`): ``"..."``,
   ``„...”``, ``“...”``, ``‘...’``, ``'...'``, ``«...»``; apostrophes
   (``zo'n``, ``auto's``, ``'s avonds``, ``Jezus'``) are not marks; a mark
   without a partner is dropped, not the document; a quote left open at the
   end of a paragraph continues when the next paragraph opens with a mark.
2. *Units*: the sentences of :func:`geopol.nlp.sentences_of`, merged where a
   quote runs over a sentence end or where a "sentence" starts in lower case.
3. *Rules*, each a small function over one unit, propose candidates; one
   resolution step drops overlaps and resolves speakers in text order, so that
   pronouns and standalone quotes can lean on the speakers before them.

The rules, by the name they record in :attr:`~geopol.model.Quote.rule`:

============================ ============================================================
``quote.attribution_after``  ``"...", zei X.`` / ``"...", liet X weten.`` / ``"...", aldus X.``
``quote.attribution_before`` ``X zei: "..."`` / ``In een video zei ze: "..."``
``quote.split``              the second part of ``"Deel een", zei X, "deel twee."``
``quote.standalone``         ``"..."`` after a sentence that attributes speech; no cue
``quote.continued``          a paragraph of a quote that runs on (opening mark at each paragraph)
``quote.colon_headline``     a heading ``X: ...`` or ``X: '...'``; the cue is the colon
``quote.colon_clause``       ``Zij verwelkomde het akkoord: „...”``: direct, no cue
``quote.spreken_van``        ``X spreekt van ...`` (direct when the whole complement is quoted)
``quote.noemen``             ``X noemt de inval onaanvaardbaar``
``quote.cue_clause``         ``X zegt dat ...`` / ``X vraagt of ...``
``quote.te_infinitive``      ``X zegt nog niets te hebben ontvangen``
``quote.volgens``            ``Volgens X ...``
``quote.aldus``              ``..., aldus X.``
``quote.trailing_cue``       ``..., meldt persbureau Reuters.`` / ``..., zo heeft X bekendgemaakt.``
``quote.backward``           ``Dat meldt X.`` / ``Dat staat in een rapport van X.``
``quote.naar_eigen_zeggen``  ``X heeft naar eigen zeggen ...``
============================ ============================================================

An indirect quote whose content holds a quoted fragment is ``mixed``.
Quoted words that no rule attributes (scare quotes, titles, names) are no quote.

>>> import geopol
>>> doc = next(geopol.load(["„Geen oorlog”, zei Lavrov."]))
>>> [(q.kind, doc.text_of(q.content), q.speaker.name) for q in extract(doc)]
[('direct', 'Geen oorlog', 'Lavrov')]

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Literal, get_args

import attrs
import regex

from geopol import actors
from geopol._word_answers import WordAnswers
from geopol.actors import ActorLexicon, ActorPhrase, ActorResolver, Tok
from geopol.data import read_list, read_table
from geopol.errors import DataFileError
from geopol.model import Actor, Document, Quote, QuoteKind, Sentence, Span
from geopol.nlp import sentences_of
from geopol.text.blocks import is_heading, split_blocks
from geopol.text.plain import is_plain, plain_class

__all__ = [
    "CueForm",
    "CueFrame",
    "QuoteLexicon",
    "QuotePair",
    "default_lexicon",
    "extract",
    "quote_pairs",
]

CueFrame = Literal["say", "van", "predicate"]
"""How a cue verb takes its content (column ``frame`` of ``cue_verbs.tsv``)."""


@attrs.frozen
class CueForm:
    """One form of a cue verb: ``zei`` of *zeggen*, or ``liet`` needing ``weten`` later.

    .. versionadded:: 0.1.0
    """

    lemma: str
    frame: CueFrame
    particle: str | None = None


def _frozen_cues(value: Mapping[str, tuple[CueForm, ...]]) -> Mapping[str, tuple[CueForm, ...]]:
    return MappingProxyType(dict(value))


def _frozen_markers(value: Mapping[tuple[str, ...], str]) -> Mapping[tuple[str, ...], str]:
    return MappingProxyType(dict(value))


def _frozen_words(value: Mapping[str, frozenset[str]]) -> Mapping[str, frozenset[str]]:
    return MappingProxyType(dict(value))


_POSITIONS = ("before", "after", "inside")
_ROLES = ("adverb", "anaphor", "auxiliary", "complementizer", "coordinator", "event",
          "infinitive", "lead", "locative", "purpose", "relative", "resumptive", "scare", "source",
          "subject")


@attrs.frozen(kw_only=True)
class QuoteLexicon:
    """The language data the quote rules read, as immutable values.

    Attributes:
        cues: cue verb forms (lower case) and what they are.
        markers: ``volgens``, ``aldus``, ``naar eigen zeggen`` (as word tuples) and their
            positions (``before``, ``after``, ``inside``).
        words: function words by role (``quote_words.tsv``: ``auxiliary``, ``adverb`` ...).
        elisions: words written with a leading apostrophe (``'s``, ``'t``).
        clause_verbs: finite verbs that open a new clause after ``en``.
        clause_breaks: conjunctions that open a new main clause after a comma (``maar``).
        actors: the actor data (:func:`geopol.actors.default_lexicon`).
        infinitive_cues: lemmas of cue verbs whose subject speaks a te-infinitive clause
            (``zegt nog niets te hebben ontvangen``).
        negators: words that negate a cue (``stellen niet dat`` is no quote).
        statement_nouns: nouns for a text a source speaks in (``rapport``, ``verklaring``).

    .. versionchanged:: 0.2.0
       *infinitive_cues*, *negators* and *statement_nouns* were added.

    .. versionadded:: 0.1.0
    """

    cues: Mapping[str, tuple[CueForm, ...]] = attrs.field(converter=_frozen_cues)
    markers: Mapping[tuple[str, ...], str] = attrs.field(converter=_frozen_markers)
    words: Mapping[str, frozenset[str]] = attrs.field(converter=_frozen_words)
    elisions: frozenset[str]
    clause_verbs: frozenset[str]
    clause_breaks: frozenset[str]
    actors: ActorLexicon
    infinitive_cues: frozenset[str] = frozenset()
    negators: frozenset[str] = frozenset()
    statement_nouns: tuple[str, ...] = ()
    marker_starts: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    triggers: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    cased_triggers: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    # the roles of each word as written (the rules ask ``_roles[word]``), found on first use
    _roles: WordAnswers[frozenset[str]] = attrs.field(init=False, repr=False, eq=False)
    """The triggers as written in lower case, capitalised and in capitals: a token is
    looked up as it stands, without folding every token of a document."""

    def __attrs_post_init__(self) -> None:
        starts = frozenset(marker[0] for marker in self.markers)
        object.__setattr__(self, "marker_starts", starts)
        triggers = starts | frozenset(self.cues)
        object.__setattr__(self, "triggers", triggers)
        object.__setattr__(self, "cased_triggers", frozenset(
            form for word in triggers for form in (word, word.capitalize(), word.upper())))
        object.__setattr__(self, "_roles", WordAnswers(self._roles_rule))

    def role(self, word: str, role: str) -> bool:
        """Whether *word* (any case) plays *role* in ``quote_words.tsv``."""
        return role in self._roles[word]

    def _roles_rule(self, word: str) -> frozenset[str]:
        """The roles *word* (any case) plays in ``quote_words.tsv``."""
        low = word.casefold()
        return frozenset(name for name, found in self.words.items() if low in found)

    def cue(self, word: str) -> tuple[CueForm, ...]:
        """The cue forms spelled *word* (any case)."""
        return self.cues.get(word.casefold(), ())


@functools.cache
def default_lexicon() -> QuoteLexicon:
    """The packaged quote data (``cue_verbs.tsv``, ``quote_markers.tsv`` ...), read once.

    >>> [c.lemma for c in default_lexicon().cue("zei")]
    ['zeggen']

    .. versionadded:: 0.1.0
    """
    cues: dict[str, list[CueForm]] = {}
    for row in read_table("cue_verbs.tsv"):
        frame = row["frame"]
        if frame not in get_args(CueFrame):
            raise DataFileError(f"cue {row['lemma']!r}: unknown frame {frame!r}",
                                path="cue_verbs.tsv")
        for form in row["forms"].split("|"):
            word, _, particle = form.strip().partition(" ~")
            cue = CueForm(row["lemma"], frame, particle or None)  # type: ignore[arg-type]  # checked above
            cues.setdefault(word, []).append(cue)
    markers: dict[tuple[str, ...], str] = {}
    for row in read_table("quote_markers.tsv"):
        if row["position"] not in _POSITIONS:
            raise DataFileError(f"marker {row['marker']!r}: position must be one of "
                                f"{_POSITIONS}, got {row['position']!r}", path="quote_markers.tsv")
        markers[tuple(row["marker"].split())] = row["position"]
    words: dict[str, set[str]] = {}
    for row in read_table("quote_words.tsv"):
        for role in row["roles"].split("|"):
            if role not in _ROLES:
                raise DataFileError(f"word {row['word']!r}: role must be one of {_ROLES}, "
                                    f"got {role!r}", path="quote_words.tsv")
            words.setdefault(role, set()).add(row["word"])
    verbs = set(read_list("clause_verbs.txt")) | set(cues)
    lemmas = {form.lemma for forms in cues.values() for form in forms}
    infinitive_cues = frozenset(read_list("infinitive_cues.txt"))
    for lemma in sorted(infinitive_cues - lemmas):
        raise DataFileError(f"lemma {lemma!r} is not a lemma of cue_verbs.tsv",
                            path="infinitive_cues.txt")
    return QuoteLexicon(
        cues={word: tuple(forms) for word, forms in cues.items()},
        markers=markers,
        words={role: frozenset(found) for role, found in words.items()},
        elisions=frozenset(read_list("elisions.txt")),
        clause_verbs=frozenset(verbs),
        clause_breaks=frozenset(read_list("clause_breaks.txt")),
        actors=actors.default_lexicon(),
        infinitive_cues=infinitive_cues,
        negators=frozenset(read_list("negators.txt")),
        statement_nouns=tuple(read_list("statement_nouns.txt")),
    )


# -- quote marks --------------------------------------------------------------------------------


@attrs.frozen
class QuotePair:
    """A pair of quote marks: ``open`` and ``close`` are the marks' offsets.

    ``close`` is ``None`` for a quote that runs on into the next paragraph
    (its content ends at the paragraph end).

    .. versionadded:: 0.1.0
    """

    open: int
    close: int | None
    content: Span


_DOUBLE = frozenset('"„“”«»')
_SINGLE = frozenset("'‘’‚")
_MARKS = _DOUBLE | _SINGLE
_OPEN_BEFORE = frozenset("([{—–-/:")
_CLOSE_AFTER = frozenset(".,;:!?)]}…—–-/")
# the standard library finds a plain set of characters twice as fast as regex, same matches
_MARK_RE = re.compile(r"[\"'„“”«»‘’‚]")
_MARK_CHARS = "\"'„“”«»‘’‚"  # what _MARK_RE matches, one character each
_LETTERS = regex.compile(r"\p{L}++")


def _roles(text: str, k: int, elisions: frozenset[str]) -> tuple[bool, bool]:
    """Whether the mark at *k* can open and can close a quote."""
    mark = text[k]
    prev = text[k - 1] if k > 0 else " "
    nxt = text[k + 1] if k + 1 < len(text) else " "
    left = (prev.isspace() or prev in _OPEN_BEFORE or prev in _MARKS) and not nxt.isspace()
    right = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_AFTER or nxt in _MARKS)
    if mark in "'’":
        if prev.isalnum() and nxt.isalnum():
            return False, False  # zo'n, auto's, collega’s
        if left:
            word = _LETTERS.match(text, k + 1, min(len(text), k + 12))
            stop = word.end() if word else k + 1
            after = text[stop : stop + 1]
            if word and word.group().casefold() in elisions and not after.isalpha():
                return False, False  # 's avonds, 't
            if nxt.isdigit():
                return False, False  # '80
        if mark == "’" and left and not right:
            return False, False  # ’ opens nothing
    if mark in "„‚«":
        return not nxt.isspace(), False
    if mark in "”»":
        return False, right
    if mark == "‘":
        return left, right and not left
    if mark == "“":
        return left, right
    return left, right


def _possessive(text: str, k: int, end: int) -> bool:
    """``Ruttes' kabinet``: an apostrophe after s/x/z followed by a lower-case word."""
    prev = text[k - 1] if k > 0 else ""
    return (prev in "sxz" and text[k + 1 : k + 2] == " " and text[k + 2 : k + 3].islower()
            and k + 3 < end)


def _mark_offsets(text: str) -> list[int]:
    """The offsets of the quote marks of *text* (what _MARK_RE finds), in order.

    ``str.find`` skips to a given character at memory speed, where a scan for a set of
    characters tests each one: a search per mark character and a sort is four times faster.
    """
    found: list[int] = []
    for mark in _MARK_CHARS:
        k = text.find(mark)
        while k >= 0:
            found.append(k)
            k = text.find(mark, k + 1)
    found.sort()
    return found


def _marks_by_line(text: str) -> Iterator[tuple[int, list[int], int]]:
    """The paragraphs (runs of characters other than a line break) of *text* that hold
    quote marks: each one's end, its marks' offsets, and where the next paragraph starts
    (``len(text)`` when there is none).

    Found from the marks, with ``str.find``, instead of splitting the whole text: most
    paragraphs hold no mark.
    """
    marks = _mark_offsets(text)
    first = 0
    while first < len(marks):
        end = text.find("\n", marks[first])
        end = len(text) if end < 0 else end
        last = bisect.bisect_left(marks, end, first)
        nxt = end
        while nxt < len(text) and text[nxt] == "\n":
            nxt += 1
        yield end, marks[first:last], nxt
        first = last


def quote_pairs(text: str, *, lexicon: QuoteLexicon | None = None) -> tuple[QuotePair, ...]:
    """The top-level quote pairs of *text*, in order; unmatched marks are dropped.

    >>> [text[p.content.start:p.content.end]
    ...  for text in ["Zo'n 40 auto's: „Dit is ‘echt’ zo”, zei hij."]
    ...  for p in quote_pairs(text)]
    ['Dit is ‘echt’ zo']

    .. versionadded:: 0.1.0
    """
    lex = lexicon or default_lexicon()
    pairs: list[QuotePair] = []
    for end, marks, nxt in _marks_by_line(text):
        stack: list[tuple[int, bool]] = []  # (offset, is_double)
        for position, k in enumerate(marks):
            can_open, can_close = _roles(text, k, lex.elisions)
            double = text[k] in _DOUBLE
            if stack and stack[-1][1] == double and can_close:
                if not double and _possessive(text, k, end) and any(
                    _roles(text, later, lex.elisions)[1] and text[later] in _SINGLE
                    for later in marks[position + 1 :]
                ):
                    continue
                opened, _ = stack.pop()
                if not stack:
                    inner = k - 1 if k - 1 > opened + 1 and text[k - 1] == "," else k
                    pairs.append(QuotePair(opened, k, Span(opened + 1, inner)))
                continue
            if can_open:
                if stack and stack[-1][1] == double:
                    stack.pop()  # an earlier mark of this kind had no partner
                if len(stack) < 2:
                    stack.append((k, double))
        if stack:
            opened, double = stack[0]
            if nxt < len(text) and text[nxt] in (_DOUBLE if double else _SINGLE):
                stop = end
                while stop > opened + 1 and text[stop - 1].isspace():
                    stop -= 1
                if stop > opened + 1:
                    pairs.append(QuotePair(opened, None, Span(opened + 1, stop)))
    return tuple(pairs)


# -- units --------------------------------------------------------------------------------------


# A word of two letters or more, final punctuation, spaces, a capital. The word is read
# in a lookbehind (the whole run of letters before the punctuation) so that the search is
# anchored on the rare punctuation mark instead of being retried at every letter of every
# word: ten times faster, same matches.
_SENTENCE_END = regex.compile(
    r"(?<=(?<!\p{L})(?P<word>\p{L}{2,}))[.!?]++[\"'”’»]?[ \t]++(?=[„“\"‘'«]?\p{Lu})"
)


# The standard library's re finds a pattern that begins with a literal character at memory
# speed, where regex tries _SENTENCE_END at every offset. On plain text
# (geopol.text.plain), the classes below hold exactly the characters that regex puts in
# \p{L} and \p{Lu}, so one pattern per final punctuation mark finds what _SENTENCE_END
# finds. Its lookbehind, read backwards, takes the whole run of letters before the mark, so
# it holds exactly when the two characters before the mark are letters; a match thus
# starts at the first mark of its run, which is one of the three, and ``mark[.!?]*+`` takes
# the same run as ``[.!?]++``. No two matches overlap (one ends before the next run), so the
# three patterns' matches, sorted, are the matches of _SENTENCE_END in order. The tests
# compare the two on plain and other texts.
_PLAIN_LETTER = plain_class(r"\p{L}")
_PLAIN_UPPER = plain_class(r"\p{Lu}")
_PLAIN_SPACE = plain_class(r"\s")
_PLAIN_SENTENCE_ENDS = tuple(
    re.compile(rf"{re.escape(mark)}(?<={_PLAIN_LETTER}{{2}}{re.escape(mark)})[.!?]*+"
               rf"[\"'”’»]?[ \t]++(?=[„“\"‘'«]?{_PLAIN_UPPER})")
    for mark in ".!?"
)
# _LINE_START in re, on a text of plain characters: \S is a plain character outside the
# plain characters that regex counts as spaces
_PLAIN_LINE_START = re.compile(rf"\n[ \t]*+(?=[^{_PLAIN_SPACE[1:-1]}])")
_LETTERS_BEFORE = regex.compile(r"(?r)\p{L}++")  # matched backwards from its end


def _sentence_ends(text: str, *, plain: bool) -> list[tuple[int, int]]:
    """The spans of the matches of _SENTENCE_END in *text*, in order; *plain*: whether
    *text* is plain (geopol.text.plain)."""
    if not plain:
        return [m.span() for m in _SENTENCE_END.finditer(text)]
    spans = [m.span() for pattern in _PLAIN_SENTENCE_ENDS for m in pattern.finditer(text)]
    spans.sort()
    return spans


def _word_before(text: str, end: int) -> str:
    """The letters just before *end* (the group ``word`` of a _SENTENCE_END match that
    starts at *end*)."""
    found = _LETTERS_BEFORE.match(text, 0, end)
    return found.group() if found is not None else ""


_DIGIT_POINT = regex.compile(r"\d[.,]")


def _last_visible(text: str, end: int) -> int:
    """One past the last non-space character before *end* (0 when there is none)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


_LINE_START = regex.compile(r"\n[ \t]*+(?=\S)")  # where a new line's text begins


@functools.cache
def _abbreviations() -> frozenset[str]:
    return frozenset(t for t in read_list("titles.txt") if t.endswith("."))


def _units(doc: Document, sentences: Sequence[Sentence], pairs: Sequence[QuotePair]
           ) -> list[tuple[int, int]]:
    """Sentence spans, merged where a quote runs over a boundary or a sentence starts in
    lower case; split at line breaks: the start and end of each."""
    text = doc.text
    plain = is_plain(text)
    size = len(text)
    cuts = {s.span.start for s in sentences if s.span.start <= size}  # spans start at 0 or later
    cuts.update(match.end() for match in (_PLAIN_LINE_START if plain else _LINE_START
                                          ).finditer(text))
    # a sentence end the segmenter may have missed: "onaanvaardbaar. 'Dit is ..."
    abbreviations = _abbreviations()
    for start, end in _sentence_ends(text, plain=plain):
        # most are cuts already: the abbreviation test only for the others
        if end not in cuts and _word_before(text, start).casefold() + "." not in abbreviations:
            cuts.add(end)
    # the pairs are in text order and do not overlap: only the last one opened before a cut
    # can hold it
    opens = [p.open for p in pairs]
    keep = []
    for cut in sorted(cuts):
        if cut <= 0:
            continue
        before = bisect.bisect_left(opens, cut) - 1
        if before >= 0 and cut <= pairs[before].content.end and text[cut - 1] != "\n":
            continue
        first = text[cut : cut + 1]
        if (first.islower() or first.isdigit()) and text[cut - 1] != "\n":
            last = _last_visible(text, cut)  # the end of text[:cut].rstrip()
            if last > 0 and text[last - 1] not in ".!?":
                continue
            if first.isdigit() or _DIGIT_POINT.fullmatch(text, max(0, last - 2), last):
                continue
        keep.append(cut)
    units = []
    bounds = [0, *keep, len(text)]
    for a, b in itertools.pairwise(bounds):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            units.append((a, b))
    return units


# -- candidates ---------------------------------------------------------------------------------


# mutable only to be made faster (a frozen class sets each field through object.__setattr__):
# nothing changes a candidate once made, attrs.evolve copies one
@attrs.define(kw_only=True)
class _Candidate:
    kind: QuoteKind
    content: Span
    cue: Span | None
    rule: str
    unit: int
    phrase: ActorPhrase | None = None
    standalone: bool = False
    continued: bool = False  # runs on into the next paragraph: speaker of the next quote
    # other phrases that may name the speaker, tried in order when *phrase* is no actor;
    # with *needs_actor*, a phrase counts only when it resolves to a person, organisation,
    # country or group
    alternatives: tuple[ActorPhrase, ...] = ()
    needs_actor: bool = False


_FINAL = ".!?;:,"
_ARTICLES = frozenset({"de", "het", "een", "'t"})
# what may stand before the colon of a headline: "Lavrov:", "Venezolaanse oppositie:",
# "Georgische president:"
_HEADLINE_SOURCES = frozenset({"name", "noun", "description"})
_STOPS = frozenset({".", ":", ";", "!", "?", ","})


class _Unit:
    """One unit (``text[start:end]``) with its tokens (tokens inside quote pairs removed)."""

    __slots__ = ("_first", "_last", "_starts", "end", "pairs", "start", "tokens")

    def __init__(self, start: int, end: int, pairs: Sequence[QuotePair], tokens: Sequence[Tok],
                 starts: Sequence[int], first: int, last: int) -> None:
        self.start = start
        self.end = end
        self.pairs = pairs  # the pairs that open inside the unit
        self.tokens = tokens  # outside the pairs (see _Rules.tokens_outside)
        # Without pairs the tokens are the document's tokens first to last, so their starts
        # are starts[first:last]: index_at searches there, making no list. With pairs, the
        # starts of the kept tokens are made on the first index_at (most units need none).
        self._starts: Sequence[int] | None = None if self.pairs else starts
        self._first = 0 if self.pairs else first
        self._last = len(tokens) if self.pairs else last

    def index_at(self, offset: int) -> int:
        """The index of the first token that starts at or after *offset*."""
        if self._starts is None:
            self._starts = [t.start for t in self.tokens]
        return bisect.bisect_left(self._starts, offset, self._first, self._last) - self._first


def _trim(text: str, start: int, end: int) -> Span | None:
    """The content span without surrounding spaces and final punctuation."""
    while start < end and (text[start].isspace() or text[start] in ",:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _FINAL):
        end -= 1
    # the first character is mostly a letter: the scan of the rest only when it is not
    if end - start < 2 or not (text[start].isalnum()
                               or any(c.isalnum() for c in text[start:end])):
        return None
    return Span(start, end)


class _Rules:
    """The quote rules over one document."""

    def __init__(self, doc: Document, sentences: Sequence[Sentence], lex: QuoteLexicon,
                 chains: ActorResolver) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lex
        self.alex = lex.actors
        self.pairs = quote_pairs(doc.text, lexicon=lex)
        self.tokens = chains.tokens  # the document's tokens, made once for all the rules
        self.starts = chains.token_starts
        self.units = []
        opens = [p.open for p in self.pairs]
        for start, end in _units(doc, sentences, self.pairs):
            first = bisect.bisect_left(self.starts, start)
            last = bisect.bisect_left(self.starts, end)
            inside = self.pairs[bisect.bisect_left(opens, start) : bisect.bisect_left(opens, end)]
            # a unit without pairs keeps all its tokens
            tokens = self.tokens_outside(first, last, inside) if inside else self.tokens[first:last]
            self.units.append(_Unit(start, end, inside, tokens, self.starts, first, last))
        self.infinitive_words = lex.words.get("infinitive", frozenset())
        self.roles = lex._roles  # the roles of each word as written: roles[word]

    def is_heading(self, offset: int) -> bool:
        """Whether a heading starts at *offset*: the first line of a text of several lines,
        or a heading block (the blocks are split only when the line may be one)."""
        if offset == 0 and "\n" in self.text and self.text.find("\n") < 200:
            return True
        return _may_be_heading(self.text, offset) and _heading_block_at(self.text, offset)

    def tokens_outside(self, first: int, last: int, pairs: Sequence[QuotePair]) -> list[Tok]:
        """Tokens *first* to *last* (exclusive) less those that lie within one of *pairs*,
        marks included.

        The tokens do not overlap, so the tokens within a pair are one run of indices,
        found by bisection: from the first that starts at the opening mark to the last that
        ends by the closing one (of those that start before it, only the last can end later).
        """
        kept: list[Tok] = []
        for pair in pairs:
            close = pair.close + 1 if pair.close is not None else pair.content.end
            inner_first = bisect.bisect_left(self.starts, pair.open, first, last)
            inner_last = bisect.bisect_left(self.starts, close, inner_first, last)
            if inner_last > inner_first and self.tokens[inner_last - 1].end > close:
                inner_last -= 1
            if inner_first < inner_last:
                kept += self.tokens[first:inner_first]
                first = inner_last
        kept += self.tokens[first:last]
        return kept

    # helpers

    def phrase_at(self, offset: int, *, loose: bool = False, limit: int | None = None
                  ) -> ActorPhrase | None:
        index = bisect.bisect_left(self.starts, offset)
        stop = min(index + 40, len(self.starts))
        if limit is not None:
            stop = bisect.bisect_left(self.starts, limit, index, stop)
        return actors.phrase_from_tokens(self.text, self.tokens[index:stop], 0,
                                         lexicon=self.alex, loose=loose)

    def cue_at(self, unit: _Unit, i: int, frames: Iterable[str] = ("say",)) -> CueForm | None:
        """The cue form of token *i* when it is one (its particle, if any, follows in the unit)."""
        for cue in self.lex.cues.get(unit.tokens[i].text.casefold(), ()):
            if cue.frame not in frames:
                continue
            if cue.particle is not None and not any(
                t.text.casefold() == cue.particle or t.text.casefold().startswith(cue.particle)
                for t in unit.tokens[i + 1 :]
            ):
                continue
            return cue
        return None

    def cue_span(self, unit: _Unit, i: int, cue: CueForm) -> Span:
        tok = unit.tokens[i]
        end = tok.end
        if cue.frame == "van":
            for t in unit.tokens[i + 1 : i + 3]:
                if t.text == _preposition(cue):
                    end = t.end
                    break
        if cue.particle == "weten" and i + 1 < len(unit.tokens):
            nxt = unit.tokens[i + 1]
            if nxt.text.casefold() == "weten":
                end = nxt.end
        return Span(tok.start, end)

    def subject(self, unit: _Unit, i: int) -> ActorPhrase | None:
        """The subject of the cue at token *i*: before it (``X zei``), or after it when
        the clause is inverted (``zei X``, ``In een video zei ze``)."""
        tokens = unit.tokens
        start = 0
        # the clause the cue stands in begins after the last comma or colon before it
        for k in range(i - 1, -1, -1):
            if (tokens[k].text in (",", ":", ";", ".", "!", "?") or tokens[k].text in _MARKS
                    ) and not self.is_name_period(tokens, k):
                start = k + 1
                break
        sentence_start = 0
        for k in range(i - 1, -1, -1):
            if (tokens[k].text in (":", ";", ".", "!", "?") or tokens[k].text in _MARKS
                    ) and not self.is_name_period(tokens, k):
                sentence_start = k + 1
                break
        before: ActorPhrase | None = None
        for first in dict.fromkeys((start, sentence_start)):
            lead = first
            while lead < i and "lead" in self.roles[tokens[lead].text]:
                lead += 1
            if lead >= i:
                continue
            phrase = self.phrase_at(tokens[lead].start, limit=unit.end)
            if phrase is None:
                continue
            before = before or phrase
            k = unit.index_at(phrase.span.end)
            if k < i and tokens[k].text == "," and tokens[i - 1].text == ",":
                apposition = self.apposition(unit, phrase, k, i)
                if apposition is not None:
                    return apposition
            k = self.attachments_end(unit, k, i)
            # "X, die naar Litouwen is gevlucht, zegt" / "Hugh Hill, een arts, zei"
            if k < i and tokens[k].text == "," and tokens[i - 1].text == ",":
                k = i
            if k == i:
                return phrase
            if k < i and "auxiliary" in self.roles[tokens[k].text]:
                return phrase  # "Het Kremlin heeft maandag laten weten"
            if i > 0 and first == sentence_start and (
                "coordinator" in self.roles[tokens[i - 1].text]
                or tokens[i - 1].text.casefold() in self.lex.clause_breaks
            ):
                return phrase  # "X is tegen ... en zegt dat", "X erkende ..., maar merkte op dat"
        # inverted: the subject follows the cue (or the auxiliary)
        j = i + 1
        while j < len(tokens) and "adverb" in self.roles[tokens[j].text]:
            j += 1
        if j < len(tokens):
            after = self.phrase_at(tokens[j].start, limit=unit.end)
            if after is None and tokens[j].text.casefold() in _ARTICLES:
                # "vertelde een overlevende": after a cue and an article, any noun is the source
                after = self.phrase_at(tokens[j].start, loose=True, limit=unit.end)
            if after is not None:
                return after
        # "Dat heeft X bevestigd", ", zo heeft X bekendgemaakt": the subject follows the auxiliary
        for k in range(start, i):
            if "auxiliary" in self.roles[tokens[k].text] and k + 1 < i:
                found = self.phrase_at(tokens[k + 1].start, limit=unit.end)
                if found is not None:
                    return found
        return None

    def attachments_end(self, unit: _Unit, k: int, i: int) -> int:
        """Past what may stand between a subject and its cue at token *i* without being the
        subject's head: more names of a list (``Estland, Letland en Litouwen``), a place
        (``het ministerie van Defensie in Riga``) and an owner (``de junta van kolonel X``)."""
        tokens = unit.tokens
        while k + 1 < i:
            word = tokens[k].text
            if not (word in (",", "van") or "coordinator" in self.roles[word]
                    or "locative" in self.roles[word]):
                break
            nxt = self.phrase_at(tokens[k + 1].start, limit=tokens[i].start)
            if nxt is None or nxt.kind != "name" or nxt.span.start != tokens[k + 1].start:
                break
            k = unit.index_at(nxt.span.end)
        return k

    def apposition(self, unit: _Unit, phrase: ActorPhrase, k: int, i: int) -> ActorPhrase | None:
        """The name in ``Hun woordvoerder, minister Karel Smit, zei``: a name between
        the commas after a description or noun names the speaker."""
        if phrase.kind not in ("description", "noun") or k + 1 >= i - 1:
            return None
        inner = self.phrase_at(unit.tokens[k + 1].start, limit=unit.tokens[i - 1].end)
        if inner is None or inner.kind != "name" or unit.index_at(inner.span.end) != i - 1:
            return None
        return inner

    def is_name_period(self, tokens: Sequence[Tok], k: int) -> bool:
        """Whether token *k* is the period of a name suffix (``Marcos jr.``)."""
        return (tokens[k].text == "." and k > 0 and tokens[k - 1].end == tokens[k].start
                and tokens[k - 1].text in self.alex.suffixes)

    def clause_end(self, unit: _Unit, start_token: int) -> int:
        """Where reported content beginning at token *start_token* ends: the unit end, or
        before ``en`` + a finite verb that opens a new clause with the same subject."""
        tokens = unit.tokens
        roles = self.roles
        for k in range(start_token + 1, len(tokens) - 1):
            word = tokens[k].text
            if "coordinator" in roles[word] and tokens[k + 1].text in self.lex.clause_verbs:
                return tokens[k].start
            if (word == "," and tokens[k + 1].text.casefold() in self.lex.clause_breaks
                    and self.opens_clause(unit, k + 2)):
                return tokens[k].start
            if word == ":" and any(p.open > tokens[k].start for p in unit.pairs):
                return tokens[k].start
        return unit.end

    def opens_clause(self, unit: _Unit, j: int) -> bool:
        """Whether token *j*, after ``, maar``, begins a new main clause with its own subject
        (``, maar de leiding wijst die af``) rather than continuing the reported clause
        (``, maar in cassatie gaat``, ``, maar ook 'geen duimbreed' zal toegeven``)."""
        tokens = unit.tokens
        if j >= len(tokens):
            return False
        word = tokens[j].text
        low = word.casefold()
        return (low in _ARTICLES or "subject" in self.roles[low] or low in self.alex.pronouns
                or (word[:1].isupper() and word.isalpha())
                or low in self.lex.clause_verbs)  # ", maar merkte op dat": a new verb

    def is_term(self, pair: QuotePair) -> bool:
        """Quoted words that are a name or a term, not a fragment of speech: after
        ``zogenoemde`` (``het zogenoemde 'referendum'``), or two or more capitalised words
        (``de operatie 'Desert Storm'``)."""
        words = self.text[pair.content.start : pair.content.end].split()
        if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            return True
        left = self.text[max(0, pair.open - 30) : pair.open].rstrip()
        return "scare" in self.roles[left[left.rfind(" ") + 1 :]]

    def kind_of(self, content: Span) -> QuoteKind:
        for pair in self.pairs:
            if (content.start <= pair.open and pair.content.end <= content.end
                    and not self.is_term(pair)):
                return "mixed"
        return "indirect"

    # direct quotes

    def direct(self) -> Iterator[_Candidate]:
        text = self.text
        for u, unit in enumerate(self.units):
            last: _Candidate | None = None
            last_end = unit.start
            for pair in unit.pairs:
                gap = text[last_end : pair.open]
                at_start = not gap.strip()
                close = pair.close + 1 if pair.close is not None else pair.content.end
                after = text[close : unit.end]
                if not pair.content.length or not text[pair.content.start :
                                                       pair.content.end].strip():
                    continue
                # "Deel een", zei X, "deel twee."
                if (last is not None and last.cue is not None and last_end <= last.cue.start
                        and last.cue.end <= pair.open and gap.rstrip().endswith(",")):
                    yield attrs.evolve(last, content=pair.content, rule="quote.split",
                                       standalone=False)
                    last_end = close
                    continue
                found = None
                if at_start or gap.rstrip().endswith(":"):
                    found = self.attribution_after(u, unit, pair, close)
                if found is None and gap.rstrip().endswith(":"):
                    found = self.attribution_before(u, unit, pair, last_end)
                if (found is None and gap.rstrip().endswith(":") and pair.close is not None
                        and self.complement_ends(after)):
                    found = self.colon_clause(u, unit, pair, last_end)
                if found is None and not at_start:
                    found = self.spreken_van_direct(u, unit, pair, last_end, after)
                if found is None and at_start and (not after.strip() or after.strip()[0] in
                                                   ".!?" or pair.close is None):
                    found = _Candidate(kind="direct", content=pair.content, cue=None,
                                       rule="quote.standalone", unit=u, standalone=True,
                                       continued=pair.close is None)
                if found is not None:
                    yield found
                    last = found
                    last_end = close
                    if found.cue is not None and found.cue.start > close:
                        # the attribution after this pair: a later pair may be a split part
                        last_end = close
                else:
                    last_end = close

    def attribution_after(self, u: int, unit: _Unit, pair: QuotePair, close: int
                          ) -> _Candidate | None:
        """``"...", zei X`` / ``"...", aldus X`` / ``"...", liet X weten``."""
        tokens = unit.tokens
        i = unit.index_at(close)
        if i < len(tokens) and tokens[i].text == ",":
            i += 1
        if i >= len(tokens):
            return None
        if "resumptive" in self.roles[tokens[i].text] and i + 1 < len(tokens):
            i += 1
        marker = self.marker_at(unit, i)
        if marker is not None and marker[0] == "after":
            end = tokens[i + marker[1] - 1].end
            phrase = self.phrase_at(end, loose=True, limit=unit.end)
            if phrase is None:
                return None
            return _Candidate(kind="direct", content=pair.content, rule="quote.attribution_after",
                              cue=Span(tokens[i].start, end), unit=u, phrase=phrase)
        cue = self.cue_at(unit, i, ("say", "van"))
        if cue is None:
            return None
        phrase = self.subject(unit, i)
        if phrase is None:
            return None
        return _Candidate(kind="direct", content=pair.content, rule="quote.attribution_after",
                          cue=self.cue_span(unit, i, cue), unit=u, phrase=phrase)

    def attribution_before(self, u: int, unit: _Unit, pair: QuotePair, start: int
                           ) -> _Candidate | None:
        """``X zei: "..."``, and a heading ``X: '...'``."""
        tokens = unit.tokens
        colon = unit.index_at(pair.open) - 1
        while colon >= 0 and tokens[colon].text != ":":
            colon -= 1
        if colon < 0:
            return None
        first = unit.index_at(start)
        for i in range(colon - 1, first - 1, -1):
            cue = self.cue_at(unit, i, ("say",))
            if cue is not None:
                phrase = self.subject(unit, i)
                if phrase is not None:
                    return _Candidate(kind="direct", content=pair.content,
                                      rule="quote.attribution_before",
                                      cue=self.cue_span(unit, i, cue), unit=u, phrase=phrase)
        phrase = self.phrase_at(tokens[first].start, limit=unit.end) if first < colon else None
        if (phrase is not None and phrase.kind in _HEADLINE_SOURCES
                and unit.index_at(phrase.span.end) == colon):
            colon_tok = tokens[colon]
            return _Candidate(kind="direct", content=pair.content, rule="quote.colon_headline",
                              cue=Span(colon_tok.start, colon_tok.end), unit=u, phrase=phrase)
        return None

    def colon_clause(self, u: int, unit: _Unit, pair: QuotePair, start: int
                     ) -> _Candidate | None:
        """``Zij verwelkomde het akkoord: „...”``: a clause without a speech verb, a colon and
        a quote that runs to the sentence end; the clause's subject speaks, there is no cue."""
        tokens = unit.tokens
        first = unit.index_at(start)
        colon = unit.index_at(pair.open) - 1
        if colon <= first or tokens[colon].text != ":":
            return None
        lead = first
        while lead < colon and "lead" in self.roles[tokens[lead].text]:
            lead += 1
        phrases = []
        for k in range(lead, colon):
            # the subject at the start, or one after a verb ("wijst Merz af:")
            if k > lead and not (tokens[k - 1].text.isalpha() and tokens[k - 1].text.islower()
                                 and tokens[k - 1].text not in self.alex.stopwords
                                 and tokens[k].text[:1].isupper()):
                continue
            phrase = self.phrase_at(tokens[k].start, limit=tokens[colon].start)
            if phrase is not None and phrase.kind != "description":
                phrases.append(phrase)
        if not phrases:
            return None
        return _Candidate(kind="direct", content=pair.content, cue=None,
                          rule="quote.colon_clause", unit=u, phrase=phrases[0],
                          alternatives=tuple(phrases[1:]), needs_actor=True)

    def spreken_van_direct(self, u: int, unit: _Unit, pair: QuotePair, start: int, after: str
                           ) -> _Candidate | None:
        """``X spreekt van "..."`` with the whole complement quoted."""
        if not self.complement_ends(after):
            return None
        tokens = unit.tokens
        k = unit.index_at(pair.open) - 1
        if k < 1:
            return None
        for i in range(k - 1, max(unit.index_at(start), k - 4) - 1, -1):
            cue = self.cue_at(unit, i, ("van",))
            if cue is not None and tokens[k].text == _preposition(cue):
                phrase = self.subject(unit, i)
                if phrase is None:
                    return None
                return _Candidate(kind="direct", content=pair.content, rule="quote.spreken_van",
                                  cue=Span(tokens[i].start, tokens[k].end), unit=u, phrase=phrase)
        return None

    # indirect quotes

    def indirect(self) -> Iterator[_Candidate]:
        for u, unit in enumerate(self.units):
            yield from self.unit_indirect(u, unit)

    def unit_indirect(self, u: int, unit: _Unit) -> Iterator[_Candidate]:
        tokens = unit.tokens
        if not tokens:
            return
        found = self.headline(u, unit)
        if found is not None:
            yield found
            return
        backward = self.backward(u, unit)
        if backward is not None:
            yield backward
            return
        triggers = self.lex.cased_triggers
        if triggers.isdisjoint(map(_TEXT, tokens)):  # most units: a test at C speed
            return
        for i in [i for i, tok in enumerate(tokens) if tok.text in triggers]:
            marker = self.marker_at(unit, i)
            if marker is not None:
                position, size = marker
                found = None
                if position == "before":
                    found = self.volgens(u, unit, i, size)
                elif position == "after" and i > 0 and tokens[i - 1].text == ",":
                    found = self.aldus(u, unit, i, size)
                elif position == "inside":
                    found = self.eigen_zeggen(u, unit, i, size)
                if found is not None:
                    yield found
                continue
            found = self.verb_cue(u, unit, i)
            if found is not None:
                yield found

    def marker_at(self, unit: _Unit, i: int) -> tuple[str, int] | None:
        """The position and length of a quote marker (``volgens``) starting at token *i*."""
        if unit.tokens[i].text.casefold() not in self.lex.marker_starts:
            return None
        words = [t.text.casefold() for t in unit.tokens[i : i + 4]]
        for marker, position in self.lex.markers.items():
            if tuple(words[: len(marker)]) == marker:
                return position, len(marker)
        return None

    def aldus(self, u: int, unit: _Unit, i: int, size: int) -> _Candidate | None:
        """``..., aldus X.``"""
        tokens = unit.tokens
        end = tokens[i + size - 1].end
        phrase = self.phrase_at(end, loose=True, limit=unit.end)
        content = _trim(self.text, unit.start, tokens[i - 1].start)
        if phrase is None or content is None or self.is_pair(content):
            return None
        return _Candidate(kind=self.kind_of(content), content=content,
                          cue=Span(tokens[i].start, end), rule="quote.aldus", unit=u,
                          phrase=phrase)

    def eigen_zeggen(self, u: int, unit: _Unit, i: int, size: int) -> _Candidate | None:
        """``X heeft naar eigen zeggen ...``: the content is the whole clause."""
        tokens = unit.tokens
        phrase = self.subject(unit, i)
        content = _trim(self.text, unit.start, unit.end)
        if phrase is None or content is None:
            return None
        return _Candidate(kind=self.kind_of(content), content=content,
                          cue=Span(tokens[i].start, tokens[i + size - 1].end),
                          rule="quote.naar_eigen_zeggen", unit=u, phrase=phrase)

    def is_pair(self, content: Span) -> bool:
        """Whether *content* is exactly one quoted stretch (then it is a direct quote)."""
        return any(p.open == content.start and p.close is not None and p.close + 1 >= content.end
                   for p in self.pairs)

    def headline(self, u: int, unit: _Unit) -> _Candidate | None:
        """A heading ``Lavrov: OVSE verworden tot ...``."""
        if self.text.find(":", unit.start, unit.end) < 0:
            return None  # most units: no colon at all, found at C speed
        tokens = unit.tokens
        words = [t.text for t in tokens[:8]]
        colon = words.index(":") if ":" in words else None
        if colon is None or colon == 0:
            return None
        phrase = self.phrase_at(tokens[0].start, limit=unit.end)
        if (phrase is None or phrase.kind not in _HEADLINE_SOURCES
                or unit.index_at(phrase.span.end) != colon):
            return None
        # the costlier test last: it splits the document into blocks
        if u != 0 and not self.is_heading(unit.start):
            return None
        content = _trim(self.text, tokens[colon].end, unit.end)
        if content is None or self.is_pair(content):
            return None  # "X: '...'" is a direct quote (attribution_before)
        return _Candidate(kind=self.kind_of(content), content=content,
                          cue=Span(tokens[colon].start, tokens[colon].end),
                          rule="quote.colon_headline", unit=u, phrase=phrase)

    def volgens(self, u: int, unit: _Unit, i: int, size: int) -> _Candidate | None:
        """``Volgens X ...`` (content after X) and ``... volgens X ...`` (the whole clause)."""
        tokens = unit.tokens
        tok = tokens[i]
        cue = Span(tok.start, tokens[i + size - 1].end)
        phrase = self.phrase_at(cue.end, loose=True, limit=unit.end)
        if phrase is None:
            return None
        lead = 0
        while lead < i and "lead" in self.roles[tokens[lead].text]:
            lead += 1
        if i == lead:
            k = unit.index_at(phrase.span.end)
            if (k + 1 < len(tokens) and tokens[k].text == ","
                    and "relative" in self.roles[tokens[k + 1].text]):
                # "Volgens de oppositie, die ... heeft verzameld, kreeg X": past the clause
                k = next((j for j in range(k + 2, len(tokens)) if tokens[j].text == ","), k)
            if k < len(tokens) and tokens[k].text == ",":
                k += 1
            if k >= len(tokens):
                return None
            content = _trim(self.text, tokens[k].start, unit.end)
        else:
            content = _trim(self.text, unit.start, unit.end)
        if content is None:
            return None
        return _Candidate(kind=self.kind_of(content), content=content, cue=cue,
                          rule="quote.volgens", unit=u, phrase=phrase)

    def verb_cue(self, u: int, unit: _Unit, i: int) -> _Candidate | None:
        tokens = unit.tokens
        text = self.text
        cue = self.cue_at(unit, i, ("say", "van", "predicate"))
        if cue is None:
            return None
        if cue.frame == "say":
            # trailing attribution: "..., meldt Reuters." / "..., zo heeft X bekendgemaakt"
            comma = i - 1
            if (comma >= 2 and "auxiliary" in self.roles[tokens[comma].text]
                    and "resumptive" in self.roles[tokens[comma - 1].text]):
                comma -= 1
            if comma > 0 and "resumptive" in self.roles[tokens[comma].text]:
                comma -= 1
            if comma > 0 and tokens[comma].text == ",":
                found = self.trailing(u, unit, i, comma, cue)
                if found is not None:
                    return found
            for k in range(i - 1, max(-1, i - 12), -1):
                if (tokens[k].text == "," and k > 0
                        and "resumptive" in self.roles[tokens[k + 1].text]):
                    found = self.trailing(u, unit, i, k, cue)
                    if found is not None:
                        return found
            # cue + dat/of clause
            negated = has_te = False
            for k in range(i + 1, min(len(tokens), i + 12)):
                word = tokens[k].text
                if word in (".", ":", ";", "!", "?") or (
                    word == "," and k > i + 1
                    and "resumptive" not in self.roles[tokens[k - 1].text]
                ):
                    break
                if word in self.lex.negators:
                    negated = True  # "Ze stellen niet dat ...": no claim is reported
                elif word in self.infinitive_words:
                    has_te = True
                if "complementizer" in self.roles[word] and k + 1 < len(tokens):
                    if tokens[k + 1].text in (",", ".") :
                        return None
                    if negated and word.casefold() == "dat":
                        return None
                    end = self.clause_end(unit, k + 1)
                    content = _trim(text, tokens[k].end, end)
                    phrase = self.subject(unit, i)
                    if content is None or phrase is None:
                        return None
                    if phrase.span.start >= tokens[k].start:
                        return None
                    return _Candidate(kind=self.kind_of(content), content=content,
                                      cue=self.cue_span(unit, i, cue), rule="quote.cue_clause",
                                      unit=u, phrase=phrase)
                # another cue verb ends the search (the folded word is no cue for most words)
                if (k > i + 1 and word.casefold() in self.lex.cues
                        and self.cue_at(unit, k, ("say", "van", "predicate")) is not None):
                    if has_te:
                        break  # "zegt ... te zijn en belooft hulp"
                    return None
            return self.te_clause(u, unit, i, cue) if has_te else None
        if cue.frame == "van":
            k = i + 1
            stop = min(len(tokens), i + 6)
            while k < stop and tokens[k].text != _preposition(cue):
                if tokens[k].text in (",", ".") or "event" in self.roles[tokens[k].text]:
                    return None
                k += 1
            if k >= stop:
                return None
            events = {t.text for t in tokens[k:] if "event" in self.roles[t.text]}
            if len(events) >= 2:
                return None  # "sprak in de marge van de top met X over Y": no content
            content = _trim(text, tokens[k].end, self.clause_end(unit, k + 1))
            if content is None or self.is_pair(content):
                return None
            first_pair = next((p for p in unit.pairs if p.open == content.start), None)
            if first_pair is not None and first_pair.close is not None and self.complement_ends(
                    text[first_pair.close + 1 : unit.end]):
                return None  # the whole complement is quoted: a direct quote
            phrase = self.subject(unit, i)
            if phrase is None:
                return None
            span = Span(tokens[i].start, tokens[k].end if k == i + 1 else tokens[i].end)
            return _Candidate(kind=self.kind_of(content), content=content, cue=span,
                              rule="quote.spreken_van", unit=u, phrase=phrase)
        # noemen + object + predicate
        phrase = self.subject(unit, i)
        if phrase is None:
            return None
        start = tokens[i].end
        if phrase.span.start > tokens[i].start:
            start = phrase.span.end
        j = unit.index_at(start)
        if j >= len(tokens) - 1:
            return None
        content = _trim(text, start, self.clause_end(unit, j))
        if content is None or len(content_words(text, content)) < 2:
            return None
        if text[content.start : content.end].split(" ", 1)[0].casefold() in self.lex.negators:
            return None  # "noemde geen dodental": nothing is called anything
        return _Candidate(kind=self.kind_of(content), content=content,
                          cue=Span(tokens[i].start, tokens[i].end), rule="quote.noemen",
                          unit=u, phrase=phrase)

    def te_clause(self, u: int, unit: _Unit, i: int, cue: CueForm) -> _Candidate | None:
        """``X zegt nog geen kennisgeving te hebben ontvangen``: the subject speaks the
        te-infinitive clause, from its first word to the end of the clause."""
        if cue.lemma not in self.lex.infinitive_cues:
            return None
        tokens = unit.tokens
        span = self.cue_span(unit, i, cue)
        first = unit.index_at(span.end)
        if (cue.particle is not None and first < len(tokens)
                and tokens[first].text.casefold() == cue.particle):
            span = Span(span.start, tokens[first].end)  # "kondigde aan te stoppen"
            first += 1
        te = None
        for k in range(first, min(len(tokens) - 1, first + 14)):
            word = tokens[k].text
            if (word in _STOPS or "complementizer" in self.roles[word]
                    or "purpose" in self.roles[word]):
                return None
            if "infinitive" in self.roles[word]:
                verb = tokens[k + 1].text
                if not (verb.isalpha() and verb.islower() and verb.endswith("n")):
                    return None
                te = k
                break
            if k > i + 1 and self.cue_at(unit, k, ("say", "van", "predicate")) is not None:
                return None
        if te is None:
            return None
        phrase = self.subject(unit, i)
        if phrase is None or phrase.span.start >= tokens[te].start:
            return None
        start = span.end
        if phrase.span.start >= span.end:  # inverted: "zei hij te ..."
            start = phrase.span.end
        content = _trim(self.text, start, self.infinitive_end(unit, te))
        if content is None:
            return None
        return _Candidate(kind=self.kind_of(content), content=content, cue=span,
                          rule="quote.te_infinitive", unit=u, phrase=phrase)

    def infinitive_end(self, unit: _Unit, te: int) -> int:
        """The end of a te-infinitive clause: the clause end, or before ``en`` with a finite
        verb (``te zijn en verwelkomt het besluit``)."""
        tokens = unit.tokens
        end = self.clause_end(unit, te + 1)
        for k in range(te + 2, len(tokens) - 1):
            if tokens[k].start >= end:
                break
            nxt = tokens[k + 1].text
            if "coordinator" in self.roles[tokens[k].text] and _looks_finite(
                    nxt, self.alex.stopwords, self.lex.negators):
                return tokens[k].start
        return end

    def complement_ends(self, after: str) -> bool:
        """Whether the text after a quoted complement ends it: the sentence end, or a new
        clause (``sprak van 'een schandalige daad' maar gaf geen details``)."""
        rest = after.strip()
        if rest in ("", ".", "!", "?") or rest.startswith(("., ", ". ")):
            return True
        word = rest.lstrip(", ").split(" ", 1)[0]
        return "coordinator" in self.roles[word] or word.casefold() in self.lex.clause_breaks

    def trailing(self, u: int, unit: _Unit, i: int, comma: int, cue: CueForm
                 ) -> _Candidate | None:
        tokens = unit.tokens
        phrase = self.subject(unit, i)
        if phrase is None or phrase.span.start < tokens[comma].end:
            return None
        # "De kiesraad, die ... door de regering, riep": the comma closes a relative clause
        opened = next((k for k in range(comma - 1, 0, -1) if tokens[k].text == ","), None)
        if opened is not None and "relative" in self.roles[tokens[opened + 1].text]:
            return None
        if any("complementizer" in self.roles[t.text] for t in tokens[i + 1 : i + 8]):
            return None
        content = _trim(self.text, unit.start, tokens[comma].start)
        if content is None or self.is_pair(content):
            return None
        return _Candidate(kind=self.kind_of(content), content=content,
                          cue=self.cue_span(unit, i, cue), rule="quote.trailing_cue", unit=u,
                          phrase=phrase)

    def backward(self, u: int, unit: _Unit) -> _Candidate | None:
        """``Dat meldt X.`` / ``Dat heeft X bevestigd.``: content is the previous unit."""
        tokens = unit.tokens
        if u == 0 or len(tokens) < 3 or "anaphor" not in self.roles[tokens[0].text]:
            return None
        if "source" in self.roles[tokens[1].text] and "locative" in self.roles[tokens[2].text]:
            return self.documented(u, unit)
        for i in range(1, min(len(tokens), 9)):
            cue = self.cue_at(unit, i, ("say",))
            if cue is None:
                continue
            if i > 1 and "auxiliary" not in self.roles[tokens[1].text]:
                return None
            phrase = self.phrase_at(tokens[2].start, loose=True, limit=unit.end)
            if phrase is None:
                return None
            return self.previous_content(u, self.cue_span(unit, i, cue), phrase)
        return None

    def documented(self, u: int, unit: _Unit) -> _Candidate | None:
        """``Dat staat in een rapport van het IAEA.`` / ``Dat blijkt uit een verklaring van X.``:
        the source is the owner of the document, the content the previous sentence."""
        tokens = unit.tokens
        for k in range(3, min(len(tokens) - 1, 10)):
            word = tokens[k].text
            if word in _STOPS:
                return None
            if word == "van":
                noun = tokens[k - 1].text.casefold()
                if not noun.endswith(self.lex.statement_nouns):
                    return None  # "Dat blijkt uit cijfers van ...": data, no statement
                phrase = self.phrase_at(tokens[k + 1].start, limit=unit.end)
                if phrase is None or phrase.kind not in ("name", "noun"):
                    return None
                return self.previous_content(u, Span(tokens[1].start, tokens[2].end), phrase)
        return None

    def previous_content(self, u: int, cue: Span, phrase: ActorPhrase) -> _Candidate | None:
        """A backward attribution: the previous unit, unless it is a heading."""
        previous = self.units[u - 1]
        if self.is_heading(previous.start):
            return None
        content = _trim(self.text, previous.start, previous.end)
        if content is None:
            return None
        return _Candidate(kind=self.kind_of(content), content=content, cue=cue,
                          rule="quote.backward", unit=u, phrase=phrase)


_WORD = regex.compile(r"\w+")
_TEXT = operator.attrgetter("text")


def _may_be_heading(text: str, offset: int) -> bool:
    """Whether the line at *offset* may be a heading block that starts at *offset*: only
    spaces before it on its line, and the line reads as a heading. True of every heading
    block of :func:`~geopol.text.blocks.split_blocks` (tested), and much cheaper."""
    line_start = text.rfind("\n", 0, offset) + 1
    if text[line_start:offset].strip():
        return False
    line_end = text.find("\n", offset)
    return is_heading(text[line_start : line_end if line_end >= 0 else len(text)])


# a blank line (spaces, tabs, carriage returns) after a line break: no block of
# geopol.text.blocks runs over one
_BLANK_LINE = re.compile(r"\n[ \t\r]*+\n")
_BLANK_LINE_BEFORE = regex.compile(r"(?r)\n[ \t\r]*+\n")  # the last one, searched backwards


def _heading_block_at(text: str, offset: int) -> bool:
    """Whether a heading block of :func:`~geopol.text.blocks.split_blocks` starts at *offset*.

    Only the lines between the blank lines around *offset* are split: no block runs over a
    blank line, so those lines hold the same blocks alone as in the whole text (tested).
    A document with headings is split at a few lines instead of throughout.
    """
    before = _BLANK_LINE_BEFORE.search(text, 0, offset)
    start = before.end() if before is not None else 0
    after = _BLANK_LINE.search(text, offset)
    end = after.start() if after is not None else len(text)
    return any(block.kind == "heading" and block.span.start == offset - start
               for block in split_blocks(text[start:end]))


def _looks_finite(word: str, stopwords: frozenset[str], negators: frozenset[str]) -> bool:
    """Whether *word* after ``en`` reads as a finite verb of a new clause: a lower-case word
    in ``-t`` (``verwelkomt``, ``heeft``) that is no function word (``het``, ``niet``)."""
    low = word.casefold()
    return (word.isalpha() and word.islower() and len(word) > 3 and low.endswith("t")
            and low not in stopwords and low not in negators)


def _preposition(cue: CueForm) -> str:
    """The preposition of a ``van`` frame: the last word of its lemma (``spreken van``)."""
    return cue.lemma.rsplit(" ", 1)[-1]


def content_words(text: str, span: Span) -> list[str]:
    """The word tokens of a span (used for the minimum size of a complement)."""
    return _WORD.findall(text, span.start, span.end)


# -- resolution ---------------------------------------------------------------------------------


_SPEAKER_KINDS = frozenset({"person", "organisation", "country", "group"})


def _known_headline_source(phrase: ActorPhrase | None, found: ActorResolver,
                           text: str) -> bool:
    """Whether the source before a headline colon is an actor, not a topic label.

    A single capitalised word (``Parken: Vondelpark, ...``, ``Mij: ...``) counts only
    when the actor data knows it, or the document names it again after the colon
    (``IAEA: ...`` with the IAEA in the body, ``Lavrov:`` with ``Sergej Lavrov``);
    titles, descriptions, common nouns and names of two words or more always count.
    """
    if phrase is None or phrase.kind != "name" or len(phrase.name.split()) > 1:
        return True
    if found.lexicon.lookup(phrase.name) is not None:
        return True
    again = regex.compile(rf"\b{regex.escape(phrase.name)}\b")
    return again.search(text, phrase.span.end) is not None


def _choose(candidates: list[_Candidate]) -> list[_Candidate]:
    """The candidates kept, in text order: the first of overlapping ones (direct before
    indirect at the same start), except that an indirect quote may hold a direct one."""
    chosen, nested = _first_of_overlapping(candidates)
    if not nested:
        # no two chosen contents overlap, so none contains another (no content is empty):
        # _drop_contained would keep them all (most documents)
        return chosen
    return _drop_contained(chosen)


def _first_of_overlapping(candidates: list[_Candidate]) -> tuple[list[_Candidate], bool]:
    """The first of overlapping candidates (direct before indirect at the same start, an
    indirect one that holds a direct one kept beside it), in text order; and whether a
    candidate was kept beside one it overlaps."""
    candidates.sort(key=lambda c: (c.content.start, c.kind != "direct"))
    chosen: list[_Candidate] = []
    nested = False
    for cand in candidates:
        clash = False
        for other in chosen:
            if cand.content.overlaps(other.content):
                if other.kind == "direct" and cand.kind != "direct" and (
                    cand.content.contains(other.content) and cand.content.length >
                    other.content.length + 3 and not other.standalone
                ):
                    nested = True
                    continue
                clash = True
                break
        if not clash:
            chosen.append(cand)
    chosen.sort(key=lambda c: c.content.start)
    return chosen, nested


def _drop_contained(chosen: list[_Candidate]) -> list[_Candidate]:
    """*chosen* less the indirect quotes that a direct one contains, and less the direct
    ones that an indirect one contains (those are kept only as real direct quotes)."""
    final: list[_Candidate] = []
    for cand in chosen:
        if any(o.kind == "direct" and o is not cand and o.content.contains(cand.content)
               for o in chosen):
            continue
        if cand.kind == "direct" and any(
            o is not cand and o.kind != "direct" and o.content.contains(cand.content)
            for o in chosen
        ):
            continue
        final.append(cand)
    return final


def _resolve(rules: _Rules, candidates: list[_Candidate], found: ActorResolver
             ) -> tuple[Quote, ...]:
    text = rules.text
    candidates = [c for c in candidates if c.rule != "quote.colon_headline"
                  or _known_headline_source(c.phrase, found, text)]
    final = _choose(candidates)
    quotes: list[Quote] = []
    salient: list[tuple[int, Actor]] = []
    speaker_of_unit: dict[int, Actor] = {}
    last_speaker: tuple[int, Actor] | None = None
    pending: list[_Candidate] = []  # quotes that run on into the next paragraph
    for cand in final:
        speaker: Actor | None = None
        if cand.continued:
            pending.append(cand)
            continue
        if cand.standalone:
            speaker = speaker_of_unit.get(cand.unit - 1) or speaker_of_unit.get(cand.unit)
            if speaker is None and cand.unit > 0:
                previous = rules.units[cand.unit - 1]
                subject = found.resolve_at(previous.start, salient=salient)
                if subject is not None and subject.kind in ("person", "organisation", "group"):
                    speaker = subject
            if speaker is None and last_speaker is not None:
                unit_start = rules.units[cand.unit].start
                between = text[last_speaker[0] : unit_start]
                if "\n" not in between.strip():
                    speaker = last_speaker[1]
            if speaker is None:
                continue
        elif cand.needs_actor and cand.phrase is not None:
            for phrase in (cand.phrase, *cand.alternatives):
                speaker = found.resolve_phrase(phrase, salient=salient)
                if speaker is not None and speaker.kind in _SPEAKER_KINDS:
                    if speaker.mention is None:
                        speaker = attrs.evolve(speaker, mention=phrase.name_span)
                    break
                speaker = None
            if speaker is None:
                continue
        elif cand.phrase is not None:
            speaker = found.resolve_phrase(cand.phrase, salient=salient)
            if speaker is None:
                continue
        if speaker is None:
            continue
        if cand.phrase is not None and speaker.mention is None:
            speaker = attrs.evolve(speaker, mention=cand.phrase.name_span)
        for earlier in pending:
            quotes.append(Quote(kind="direct", content=earlier.content, speaker=speaker, cue=None,
                                rule="quote.continued"))
        pending = []
        quotes.append(Quote(kind=cand.kind, content=cand.content, speaker=speaker, cue=cand.cue,
                            rule=cand.rule))
        salient.append((cand.content.start, speaker))
        speaker_of_unit[cand.unit] = speaker
        last_speaker = (cand.content.start, speaker)
    return tuple(sorted(quotes, key=lambda q: q.content.start))


def extract(
    doc: Document,
    *,
    sentences: Sequence[Sentence] | None = None,
    lexicon: QuoteLexicon | None = None,
    resolver: ActorResolver | None = None,
) -> tuple[Quote, ...]:
    """Direct, indirect and mixed quotes of *doc*, in text order.

    Args:
        doc: a loaded document.
        sentences: its sentences (from an analyser); the built-in segmentation by default.
        lexicon: the language data; :func:`default_lexicon` by default.
        resolver: the actor chains of *doc* (:func:`geopol.actors.resolver`, built with the
            lexicon's actor data) when the caller has them already, as
            :func:`geopol.analyze` does to share them with the stance extractor;
            built here when ``None``.

    Returns:
        One :class:`~geopol.model.Quote` per quote, its ``rule`` naming the rule that found it.
        Odd text never raises: a quote mark without a partner drops that candidate only.

    >>> import geopol
    >>> doc = next(geopol.load(["Volgens de NAVO is de aanval „onaanvaardbaar”."]))
    >>> [(q.kind, doc.text_of(q.content), q.speaker.name, q.rule) for q in extract(doc)]
    [('mixed', 'is de aanval „onaanvaardbaar”', 'NAVO', 'quote.volgens')]

    .. versionadded:: 0.1.0
    """
    if not isinstance(doc, Document):
        raise TypeError(f"extract needs a geopol Document, got {type(doc).__name__}")
    lex = lexicon or default_lexicon()
    if not doc.text.strip():
        return ()
    # the chains find their mentions only when a speaker is resolved: cheap to build here
    chains = resolver or actors.resolver(doc, lexicon=lex.actors)
    rules = _Rules(doc, sentences_of(doc, sentences), lex, chains)
    candidates = [*rules.direct(), *rules.indirect()]
    if not candidates:
        return ()
    return _resolve(rules, candidates, chains)
