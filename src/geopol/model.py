"""The typed, immutable data model: one text, everything an offset into it.

A :class:`Document` owns its text.
Everything else (blocks, sentences, tokens, quotes, stances, numeric claims)
points into :attr:`Document.text` with a half-open character :class:`Span`,
and reads its text from the document (:meth:`Document.text_of`).
All classes are frozen ``attrs`` classes: hashable, slotted and safe to share
between threads and processes.

>>> doc = Document(id="d1", text="Lavrov: geen oorlog.")
>>> doc.text_of(Span(0, 6))
'Lavrov'
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Iterable, Iterator, Mapping
from typing import Literal, get_args

import attrs
import regex

__all__ = [
    "Actor",
    "ActorKind",
    "Analysis",
    "Block",
    "BlockKind",
    "Document",
    "Hedge",
    "NumberKind",
    "NumericClaim",
    "PartialDate",
    "Polarity",
    "Quote",
    "QuoteKind",
    "Sentence",
    "Span",
    "Stance",
    "Token",
]

QuoteKind = Literal["direct", "indirect", "mixed"]
"""The kinds of quote of the annotation guide, section 2."""

Polarity = Literal["support", "oppose"]
"""The polarities of a stance, section 3 of the guide."""

NumberKind = Literal[
    "count", "money", "percent", "fraction", "measure", "duration", "age", "date", "ordinal"
]
"""What a numeric claim measures, section 4 of the guide."""

Hedge = Literal["exact", "approx", "over", "under", "range", "vague"]
"""How a numeric claim qualifies its value, section 4 of the guide."""

BlockKind = Literal["heading", "paragraph"]
"""A block of a document body: a heading line or a paragraph."""

ActorKind = Literal["person", "organisation", "country", "group", "other"]
"""What kind of source or holder an actor is."""


def _tokens(items: Iterable[Token]) -> tuple[Token, ...]:
    return tuple(items)


def _quotes(items: Iterable[Quote]) -> tuple[Quote, ...]:
    return tuple(items)


def _stances(items: Iterable[Stance]) -> tuple[Stance, ...]:
    return tuple(items)


def _numbers(items: Iterable[NumericClaim]) -> tuple[NumericClaim, ...]:
    return tuple(items)


def _short(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


@attrs.frozen(order=True)
class Span:
    """A half-open character range ``[start, end)`` into a document's text.

    >>> Span(3, 7).length
    4
    >>> Span(5, 2)
    Traceback (most recent call last):
    ...
    ValueError: Span end must be >= start, got start=5, end=2

    .. versionadded:: 0.1.0
    """

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        # One check for both fields (spans are made by the hundred per document: one
        # call here instead of a validator per field keeps them cheap).
        if not 0 <= self.start <= self.end:
            if self.start < 0 or self.end < 0:
                name, value = ("start", self.start) if self.start < 0 else ("end", self.end)
                raise ValueError(f"{name} must be >= 0, got {value}")
            raise ValueError(
                f"Span end must be >= start, got start={self.start}, end={self.end}"
            )

    @property
    def length(self) -> int:
        """Number of characters covered."""
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        """Whether *other* lies inside this span (edges included)."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


_DATE = regex.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?")


@attrs.frozen(order=True)
class PartialDate:
    """A calendar date that may be known only to the year or month.

    ``2021-12`` keeps month precision; it is never filled out to a day.

    >>> PartialDate.parse("2021-12")
    PartialDate(year=2021, month=12, day=None)
    >>> str(PartialDate.parse("2021-12"))
    '2021-12'

    .. versionadded:: 0.1.0
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __attrs_post_init__(self) -> None:
        if self.month is None and self.day is not None:
            raise ValueError("PartialDate with a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month must be 1..12, got {self.month}")
        if self.day is not None:
            assert self.month is not None
            _dt.date(self.year, self.month, self.day)  # raises ValueError when impossible

    @classmethod
    def parse(cls, value: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a time part is ignored).

        Raises:
            ValueError: when *value* is no such date.
        """
        match = _DATE.fullmatch(value.strip().split("T", 1)[0].split(" ", 1)[0])
        if match is None:
            raise ValueError(f"not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: {value!r}")
        month, day = match["month"], match["day"]
        return cls(
            int(match["year"]),
            None if month is None else int(month),
            None if day is None else int(day),
        )

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        """The finest part of the date that is known."""
        if self.day is not None:
            return "day"
        return "year" if self.month is None else "month"

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@attrs.frozen(kw_only=True)
class Token:
    """One word or punctuation mark, with what an analyser knows of it.

    Attributes:
        span: where the token stands in the document text.
        lemma: dictionary form, when an analyser provides it.
        upos: Universal POS tag (``NOUN``, ``VERB`` ...), when known.
        feats: Universal features as in CoNLL-U (``Number=Sing|Tense=Pres``), when known.
        head: index of the syntactic head in :attr:`Sentence.tokens`;
            ``-1`` for the root, ``None`` without a dependency parse.
        deprel: dependency relation to the head (``nsubj``, ``obj`` ...), when known.
        ner: named-entity tag (BIOES, ``S-PER``), when known.

    .. versionadded:: 0.1.0
    """

    span: Span
    lemma: str | None = None
    upos: str | None = None
    feats: str | None = None
    head: int | None = None
    deprel: str | None = None
    ner: str | None = None


@attrs.frozen(kw_only=True)
class Sentence:
    """A sentence: its span and its tokens, in text order.

    .. versionadded:: 0.1.0
    """

    span: Span
    tokens: tuple[Token, ...] = attrs.field(converter=_tokens, factory=tuple)

    @property
    def has_parse(self) -> bool:
        """Whether every token has a dependency head."""
        return bool(self.tokens) and all(t.head is not None for t in self.tokens)


@attrs.frozen
class Block:
    """A heading or paragraph of a document body.

    .. versionadded:: 0.1.0
    """

    kind: BlockKind = attrs.field(validator=attrs.validators.in_(get_args(BlockKind)))
    span: Span


class _FrozenMapping(Mapping[str, object]):
    """A read-only mapping that, unlike ``types.MappingProxyType``, pickles."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, object]) -> None:
        self._data = dict(data)

    def __getitem__(self, key: str) -> object:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return repr(self._data)

    def __reduce__(self) -> tuple[type[_FrozenMapping], tuple[dict[str, object]]]:
        return (_FrozenMapping, (self._data,))


def _freeze_mapping(value: Mapping[str, object] | None) -> Mapping[str, object]:
    if isinstance(value, _FrozenMapping):
        return value
    return _FrozenMapping(value or {})


@attrs.frozen(kw_only=True)
class Document:
    """One article: its text and what is known about it.

    Attributes:
        id: stable identifier (from the record, else from file name and position).
        text: the body as loaded; every offset points into it.
        date: publication date, to the precision known.
        title: the title, if the source gives one apart from the text.
        source: where the document came from (a path, a URL, a corpus name).
        metadata: other fields of the input record, read-only.
        blocks: headings and paragraphs of the body (computed from the text on first use).
        parse: sentences with tokens from a parse the input carried (CoNLL-U), else ``None``.

    .. versionadded:: 0.1.0
    """

    id: str
    text: str = attrs.field(repr=_short)
    date: PartialDate | None = None
    title: str | None = None
    source: str | None = None
    metadata: Mapping[str, object] = attrs.field(
        factory=dict, converter=_freeze_mapping, eq=False, hash=False
    )
    parse: tuple[Sentence, ...] | None = attrs.field(default=None, eq=False, hash=False, repr=False)

    @functools.cached_property
    def blocks(self) -> tuple[Block, ...]:
        """Headings and paragraphs of the body, computed from the text on first use."""
        from geopol.text.blocks import split_blocks  # the block rules live with the text rules

        return split_blocks(self.text)

    def text_of(self, span: Span) -> str:
        """The text a span covers."""
        if span.end > len(self.text):
            raise ValueError(f"{span} runs past the end of document {self.id!r} ({len(self.text)})")
        return self.text[span.start : span.end]


@attrs.frozen(kw_only=True)
class Actor:
    """A source or holder, as resolved in one document.

    Attributes:
        name: the fullest name the document gives this actor (``Anthony Blinken``),
            titles and functions stripped.
        mention: the words that refer to the actor at this place (``Blinken``, ``hij``).
        id: a stable identifier from the actor data (a Wikidata QID) when known.
        kind: person, organisation, country, group or other, when known.
        affiliation: name of the country or organisation the actor speaks for, when known.

    .. versionadded:: 0.1.0
    """

    name: str
    mention: Span | None = None
    id: str | None = None
    kind: ActorKind | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(get_args(ActorKind)))
    )
    affiliation: str | None = None


@attrs.frozen(kw_only=True)
class Quote:
    """Reported speech attributed to a source (annotation guide, section 2).

    .. versionadded:: 0.1.0
    """

    kind: QuoteKind = attrs.field(validator=attrs.validators.in_(get_args(QuoteKind)))
    content: Span
    speaker: Actor | None = None
    cue: Span | None = None
    rule: str = ""


@attrs.frozen(kw_only=True)
class Stance:
    """An explicit position of a holder for or against a target (section 3).

    .. versionadded:: 0.1.0
    """

    holder: Actor | None
    target: Span
    polarity: Polarity = attrs.field(validator=attrs.validators.in_(get_args(Polarity)))
    cue: Span | None = None
    rule: str = ""


@attrs.frozen(kw_only=True)
class NumericClaim:
    """A quantity expression with its value, hedge, unit and what it counts (section 4).

    ``value`` is the lower bound for ranges and vague magnitudes; ``low`` and
    ``high`` give both bounds where the text does.

    .. versionadded:: 0.1.0
    """

    span: Span
    value: int | float
    kind: NumberKind = attrs.field(validator=attrs.validators.in_(get_args(NumberKind)))
    hedge: Hedge = attrs.field(default="exact", validator=attrs.validators.in_(get_args(Hedge)))
    low: int | float | None = None
    high: int | float | None = None
    unit: str | None = None
    counts: Span | None = None
    rule: str = ""


@attrs.frozen(kw_only=True)
class Analysis:
    """Everything geopol extracted from one document.

    .. versionadded:: 0.1.0
    """

    document: Document
    quotes: tuple[Quote, ...] = attrs.field(converter=_quotes, factory=tuple)
    stances: tuple[Stance, ...] = attrs.field(converter=_stances, factory=tuple)
    numbers: tuple[NumericClaim, ...] = attrs.field(converter=_numbers, factory=tuple)

    def to_records(self) -> list[dict[str, str | int | float | None]]:
        """One flat row per quote, stance and claim (see :func:`geopol.record.to_rows`),
        ready for ``pandas.DataFrame`` without geopol depending on pandas."""
        from geopol.record import to_rows

        return to_rows(self)
