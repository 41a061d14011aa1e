"""Stances: who is for or against what (annotation guide, section 3).

A stance is an explicit position of a *holder* (a person, organisation or
country) for or against a *target*, carried by a *cue*: ``Spanje wijst de
nieuwe norm af`` is Spanje opposing ``de nieuwe norm``.
The cues, their forms and the construction that names their target live in
``geopol/data/nl/stance_cues.tsv``; negators (``niet``, ``geen``, ``nooit`` ...)
in ``negators.txt`` flip the polarity of the cue they scope over.
Holders are resolved by :mod:`geopol.actors` (surnames to the fullest name,
pronouns to their antecedent, ``wij`` in a quote to the quote's speaker,
``Russische`` to Rusland).

The rules work on the words of each sentence and need no parser: a clause is
cut at punctuation, subordinators and coordinated verbs; its subject is the
phrase before the finite verb, or right after it when an adverbial comes
first, or right after the subordinator in a subordinate clause.
Where the analyser gave a dependency parse, the subject and object of the
cue are read from the tree instead.

Each stance records the rule that produced it:

``stance.verb_object``
    a verb with its object, ``dat``-clause or infinitive (``steunt de norm``, ``wil dat ...``).
``stance.verb_preposition``
    a verb with a prepositional object (``pleit voor``, ``keert zich tegen``).
``stance.noun_preposition``
    a noun with its preposition (``voorstander van``, ``kritiek op``, ``steun aan``).
``stance.adjective``
    an adjective with its complement (``bang dat``, ``kritisch over``, ``noemt X onaanvaardbaar``).
``stance.copular_preposition``
    ``tegen`` after a form of ``zijn`` (``is tegen wapenleveranties``).
``stance.phrase``
    a fixed phrase (``rode lijn``, ``de straat op tegen``, ``de beste manier is``).
``stance.passive_agent``
    a participle with its agent (``de door Rusland gesteunde separatisten``).
``stance.adjectival_holder``
    a country adjective giving support (``met Russische steun``): the target is who receives it.
``stance.parse``
    holder and target read from a dependency parse.

>>> import geopol
>>> doc = next(geopol.load(["De regering wijst het voorstel af."]))
>>> [(s.holder.name, s.polarity, doc.text_of(s.target)) for s in extract(doc)]
[('regering', 'oppose', 'het voorstel')]

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Literal, NamedTuple, get_args

import attrs
import regex

from geopol import actors
from geopol._word_answers import WordAnswers
from geopol.data import read_list, read_table, read_table_file
from geopol.errors import DataFileError
from geopol.model import Actor, Document, Polarity, Quote, Sentence, Span, Stance
from geopol.nlp import sentences_of

__all__ = [
    "CueEntry",
    "CueKind",
    "Lexicon",
    "default_lexicon",
    "extract",
    "load_lexicon",
]

CueKind = Literal["verb", "noun", "adjective", "copular", "phrase"]
"""The kinds of stance cue (column ``kind`` of ``stance_cues.tsv``)."""

_FRAMES = frozenset(
    {"NP", "dat-clause", "te-infinitive", "infinitive", "als-clause", "NP ADJ", "best-way"}
)
_WORD_CLASSES = frozenset(
    {"adverb", "auxiliary", "copula", "coordinator", "determiner", "focus", "preposition",
     "predicate_verb", "reflexive", "relative", "subject_pronoun", "subordinator", "verb"}
)


# -- the data -----------------------------------------------------------------------------------


class _Form(NamedTuple):
    """One written form of a cue: its words and the particle that must follow."""

    words: tuple[str, ...]
    particle: str | None


@attrs.frozen(kw_only=True)
class CueEntry:
    """One row of ``stance_cues.tsv``.

    Attributes:
        cue: the cue as a dictionary lists it (``afwijzen``, ``voorstander van``).
        kind: verb, noun, adjective, copular or phrase.
        forms: the written forms; a form ``("wijst",), "af"`` needs the particle later.
        frames: where the target is, in the order tried (``NP``, ``dat-clause``, ``voor NP``).
        polarity: the polarity before negation.
        not_with: words that, later in the clause, mean the cue states no position.
        why: what the cue means, with an example.

    .. versionadded:: 0.1.0
    """

    cue: str
    kind: CueKind
    forms: tuple[_Form, ...]
    frames: tuple[str, ...]
    polarity: Polarity
    not_with: frozenset[str] = frozenset()
    why: str = ""

    # prepositions and reflexive are asked for every candidate of the cue, in loops: each is
    # computed once per entry (the entry is immutable)

    @functools.cached_property
    def prepositions(self) -> tuple[str, ...]:
        """The prepositions of the ``<preposition> NP`` frames, in order."""
        return tuple(f.split()[-2] for f in self.frames if f.endswith(" NP") and f != "NP ADJ")

    @functools.cached_property
    def reflexive(self) -> bool:
        """Whether the cue needs ``zich`` (``zich keren tegen``)."""
        return any(f.startswith("zich ") for f in self.frames)


def _frozen(value: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(value))


@attrs.frozen(kw_only=True)
class Lexicon:
    """What the stance rules know about Dutch, as immutable values.

    Build one with :func:`default_lexicon` or :func:`load_lexicon`.

    Attributes:
        entries: the cues.
        negators: words that flip the polarity of the cue they scope over.
        words: closed word classes (``determiner``, ``preposition`` ...) of ``stance_words.tsv``.

    .. versionadded:: 0.1.0
    """

    entries: tuple[CueEntry, ...]
    negators: frozenset[str]
    words: Mapping[str, frozenset[str]] = attrs.field(converter=_frozen)

    def of(self, word_class: str) -> frozenset[str]:
        """The words of one class (empty when the class is unknown)."""
        return self.words.get(word_class, frozenset())

    @functools.cached_property
    def _index(self) -> Mapping[str, tuple[tuple[CueEntry, _Form], ...]]:
        index: dict[str, list[tuple[CueEntry, _Form]]] = {}
        for entry in self.entries:
            for form in entry.forms:
                index.setdefault(form.words[0], []).append((entry, form))
        return MappingProxyType({k: tuple(v) for k, v in index.items()})

    @functools.cached_property
    def _heads(self) -> frozenset[str]:
        return frozenset(form.words[0] for e in self.entries for form in e.forms)

    # _openers and _classes are plain dicts, private and never changed, that the kept
    # answers below (_word_openers, _word_classes) ask about words not yet kept.

    @functools.cached_property
    def _openers(self) -> dict[str, str]:
        """Every case-folded word that may open a clause (:meth:`_Sentence._opens_clause`),
        mapped to ``_UNKNOWN``: punctuation and quotation marks (case folding leaves them
        as they are), subordinators, relative pronouns, coordinators and ``dat``. Any
        other token opens none, which a sentence records without asking."""
        words = {*_PUNCT, *_QUOTE_MARKS, "dat"}
        for word_class in ("subordinator", "relative", "coordinator"):
            words |= self.of(word_class)
        return dict.fromkeys(words, _UNKNOWN)

    @functools.cached_property
    def _classes(self) -> dict[str, frozenset[str]]:
        classes: dict[str, set[str]] = {}
        for word_class, members in self.words.items():
            for word in members:
                classes.setdefault(word, set()).add(word_class)
        for word in self.negators:
            classes.setdefault(word, set()).add("negator")
        for entry in self.entries:
            for form in entry.forms:
                classes.setdefault(form.words[0], set()).add("cue")
                if entry.kind == "verb":
                    classes.setdefault(form.words[0], set()).add("cue_verb")
        return {k: frozenset(v) for k, v in classes.items()}

    # Answers per word, kept (geopol._word_answers): every document's tokens are folded,
    # and every visited sentence maps its words' classes and openers.

    @functools.cached_property
    def _folds(self) -> WordAnswers[str]:
        """The case-folded text of a token's text."""
        return WordAnswers(str.casefold)

    @functools.cached_property
    def _word_classes(self) -> WordAnswers[frozenset[str]]:
        """The classes of a case-folded word (none for a word the lexicon does not know)."""
        classes, none = self._classes, frozenset[str]()
        return WordAnswers(lambda word: classes.get(word, none))

    @functools.cached_property
    def _word_openers(self) -> WordAnswers[str | None]:
        """``_UNKNOWN`` for a case-folded word that may open a clause, else ``None``."""
        return WordAnswers(self._openers.get)

    def cues_at(self, word: str) -> tuple[tuple[CueEntry, _Form], ...]:
        """The cue entries and forms whose first word is *word* (lower case)."""
        return self._index.get(word, ())


def _parse_forms(cell: str, where: str) -> tuple[_Form, ...]:
    forms = []
    for part in cell.split("|"):
        words = part.strip().split()
        if not words:
            continue
        particle = None
        if words[-1].startswith("~"):
            particle = words.pop()[1:]
        if not words or (not particle and any(w.startswith("~") for w in words)):
            raise DataFileError(f"malformed form {part!r}", path=where)
        forms.append(_Form(tuple(words), particle))
    return tuple(forms)


def _check_frame(frame: str, where: str) -> str:
    words = frame.split()
    if frame in _FRAMES:
        return frame
    if len(words) == 2 and words[1] == "NP" and words[0].isalpha():
        return frame
    if len(words) == 3 and words[0] == "zich" and words[2] == "NP" and words[1].isalpha():
        return frame
    raise DataFileError(f"unknown frame {frame!r}", path=where)


def _entries(rows: Iterable[Mapping[str, str]], where: str) -> list[CueEntry]:
    out = []
    for number, row in enumerate(rows, start=1):
        kind, polarity = row.get("kind", ""), row.get("polarity", "")
        if kind not in get_args(CueKind):
            raise DataFileError(f"row {number}: kind must be one of {get_args(CueKind)}, "
                                f"got {kind!r}", path=where)
        if polarity not in get_args(Polarity):
            raise DataFileError(f"row {number}: polarity must be support or oppose, "
                                f"got {polarity!r}", path=where)
        forms = _parse_forms(row.get("forms", "").casefold(), where)
        frames = tuple(_check_frame(f.strip(), where) for f in row.get("frames", "").split("|")
                       if f.strip())
        if not row.get("cue") or not forms or not frames:
            raise DataFileError(f"row {number}: cue, forms and frames must not be empty",
                                path=where)
        out.append(CueEntry(
            cue=row["cue"],
            kind=kind,  # type: ignore[arg-type]  # checked against CueKind just above
            forms=forms,
            frames=frames,
            polarity=polarity,  # type: ignore[arg-type]  # checked against Polarity above
            not_with=frozenset(w for w in row.get("not_with", "").casefold().split("|") if w),
            why=row.get("why", ""),
        ))
    return out


def _words() -> dict[str, frozenset[str]]:
    classes: dict[str, set[str]] = {}
    for number, row in enumerate(read_table("stance_words.tsv"), start=1):
        for word_class in row.get("classes", "").split("|"):
            if word_class not in _WORD_CLASSES:
                raise DataFileError(f"row {number}: unknown class {word_class!r}",
                                    path="stance_words.tsv")
            classes.setdefault(word_class, set()).add(row["word"].casefold())
    return {k: frozenset(v) for k, v in classes.items()}


@functools.cache
def default_lexicon() -> Lexicon:
    """The packaged cue data (``stance_cues.tsv``, ``stance_words.tsv``, ``negators.txt``).

    >>> "afwijzen" in {e.cue for e in default_lexicon().entries}
    True

    .. versionadded:: 0.1.0
    """
    return Lexicon(
        entries=tuple(_entries(read_table("stance_cues.tsv"), "stance_cues.tsv")),
        negators=frozenset(read_list("negators.txt")),
        words=_words(),
    )


def load_lexicon(*paths: str | os.PathLike[str]) -> Lexicon:
    """The packaged cues extended by your own files in the ``stance_cues.tsv`` format.

    A row whose ``cue`` equals a packaged one replaces it.

    Raises:
        DataFileError: when a file is malformed.

    .. versionadded:: 0.1.0
    """
    base = default_lexicon()
    entries = {e.cue: e for e in base.entries}
    for path in paths:
        for entry in _entries(read_table_file(path), os.fspath(path)):
            entries[entry.cue] = entry
    return attrs.evolve(base, entries=tuple(entries.values()))


# -- tokens and clauses -------------------------------------------------------------------------


_Toks = tuple[Sequence[actors.Tok], Sequence[str]]
"""A sentence's tokens and, index for index, their case-folded texts (kept apart so that
the tokens can be a slice of the document's own, built once by :mod:`geopol.actors`)."""


_TOKEN = regex.compile(
    r"[\p{L}\p{M}\p{N}]++(?:(?:['’\-.]|(?<=\p{N}),(?=\p{N}))[\p{L}\p{M}\p{N}]++)*+(?:-(?=\s))?|\S"
)
_QUOTE_MARKS = frozenset("\"'„“”‘’‚«»")
_PUNCT = frozenset(",;:.!?()[]–—")
_MARKS = _QUOTE_MARKS | _PUNCT
_MAX_TARGET = 30  # tokens


_TOKEN_SPLIT = regex.compile(f"({_TOKEN.pattern})")
# The same split for ASCII text, spelled with ASCII classes for the standard library's re,
# which runs it about twice as fast as regex runs _TOKEN_SPLIT (re has no \p{..} classes);
# tests/test_stance.py checks that the two give the same pieces on ASCII text.
_ASCII_TOKEN_SPLIT = re.compile(
    r"([A-Za-z0-9]++(?:(?:['\-.]|(?<=[0-9]),(?=[0-9]))[A-Za-z0-9]++)*+(?:-(?=[\t\n\v\f\r ]))?"
    r"|[^\t\n\v\f\r ])"
)


def _tokens(text: str, start: int, end: int) -> _Toks:
    """The tokens of ``text[start:end]`` and their case-folded texts, without a Python step
    per token.

    Splitting the slice on the token pattern (in a group) gives whitespace and tokens
    in turn; the running sum of their lengths gives the offsets, and ``tuple.__new__``
    mapped over the columns builds the tokens in C. The pattern's lookarounds see the
    slice's end as the text's end, as ``finditer(text, start, end)`` would.
    """
    piece = text[start:end]
    split = _ASCII_TOKEN_SPLIT.split if piece.isascii() else _TOKEN_SPLIT.split
    pieces = split(piece)  # space, token, space, ..., space
    offsets = list(itertools.accumulate(map(len, pieces), initial=start))
    words = pieces[1::2]
    columns = zip(offsets[1:-1:2], offsets[2::2], words, strict=True)
    return (list(map(tuple.__new__, itertools.repeat(actors.Tok), columns)),
            list(map(str.casefold, words)))


# Where the rules' tokens differ from the document's (actors.tokenize): a comma between
# numerals (1,5) and a hyphen before a space (land- en tuinbouw) join tokens here only.
_JOIN_SITE = regex.compile(r"\p{N},\p{N}|-\s")
_TEXT = operator.itemgetter(2)


def _joins(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a :data:`_JOIN_SITE`. Every join site holds a
    comma or a hyphen, and most sentences hold neither: two C-level searches for those
    answer for them without the pattern (tests/test_stance.py compares the two)."""
    if text.find(",", start, end) < 0 and text.find("-", start, end) < 0:
        return False
    return _JOIN_SITE.search(text, start, end) is not None


def _token_range(span: Span, doc_tokens: Sequence[actors.Tok],
                 doc_starts: Sequence[int]) -> tuple[int, int] | None:
    """The indices of the document tokens that make up *span* exactly, or ``None`` when it
    does not begin and end at a token's edges (a parse may cut a sentence inside a word;
    the built-in segmentation never does)."""
    first = bisect.bisect_left(doc_starts, span.start)
    last = bisect.bisect_left(doc_starts, span.end, first)
    if first == last or doc_starts[first] != span.start or doc_tokens[last - 1].end != span.end:
        return None
    return first, last


_ASK = (-1, -1)  # the edges of a sentence not yet found (never a range: indices are >= 0)


class _DocTokens(NamedTuple):
    """What :func:`extract` finds once for the whole document, for its sentences to share."""

    tokens: Sequence[actors.Tok]  # the resolver's tokens (actors.tokenize)
    starts: Sequence[int]  # their start offsets
    lows: Sequence[str]  # their case-folded texts
    heads: Sequence[int]  # the indices of those that begin a cue form (_cue_heads)


def _visited(doc: Document, sentence: Sentence, lex: Lexicon, whole: _DocTokens,
             edges: tuple[int, int] | None = _ASK) -> _Sentence:
    """``_Sentence(doc, sentence.span, lex, parsed)``, its tokens and the tokens that begin
    a cue form taken from the document's where they are the same.

    They are the same when the sentence begins and ends at a token's edges and holds no
    place where the rules join tokens (see :data:`_JOIN_SITE`): the patterns of the rules'
    tokens (:func:`_tokens`) and the document's differ only there, and neither looks
    beyond a token's edges except for those joins (tests/test_stance.py checks the two
    agree). Then the sentence's tokens are a slice of the document's (the same
    ``actors.Tok`` values, none built here), their case-folded texts a slice of the
    document's, which :func:`extract` folds once (the cue scan needs them anyway), and its
    cue heads those of the document's scan that fall inside it. *edges* is
    ``_token_range(span, whole.tokens, whole.starts)`` when the caller has it.
    """
    span = sentence.span
    parsed = sentence if sentence.has_parse else None
    if edges is _ASK:
        edges = _token_range(span, whole.tokens, whole.starts)
    if edges is None or _joins(doc.text, span.start, span.end):
        return _Sentence(doc, span, lex, parsed)
    first, last = edges
    heads = whole.heads
    inside = heads[bisect.bisect_left(heads, first):bisect.bisect_left(heads, last)]
    return _Sentence(doc, span, lex, parsed, (whole.tokens[first:last], whole.lows[first:last]),
                     [k - first for k in inside])


_UNKNOWN = "unknown"  # not yet computed (a value _Sentence._opens_clause never gives)


class _Sentence:
    """The words of one sentence and what the rules ask about them."""

    def __init__(self, doc: Document, span: Span, lex: Lexicon,
                 parsed: Sentence | None, toks: _Toks | None = None,
                 cue_at: list[int] | None = None) -> None:
        self.doc = doc
        self.span = span
        self.lex = lex
        self.toks, self.lows = _tokens(doc.text, span.start, span.end) if toks is None else toks
        self.n = len(self.toks)
        self.parsed = parsed
        # the tokens that begin a cue form, in order: the scan below, or the caller's answer
        # from the document's own scan when the tokens are a slice of the document's
        self.cue_at = list(itertools.compress(range(self.n), map(
            lex._heads.__contains__, self.lows))) if cue_at is None else cue_at
        self.cls = list(map(lex._word_classes.__getitem__, self.lows))
        # what each token does at a clause's edge: None (opens no clause) for a word that
        # cannot open one, else _UNKNOWN, computed when first asked (see Lexicon._openers)
        self._opens = list(map(lex._word_openers.__getitem__, self.lows))
        self.subjects: dict[int, tuple[int, int] | None] = {}  # the cache of _subject
        self.holders: dict[tuple[int, int], tuple[Actor, ...]] = {}  # the cache of _holder
        # the caches of clause_start and clause_end (with and without stop_at_dat)
        self._starts: dict[int, tuple[int, str]] = {}
        self._ends: tuple[dict[int, int], dict[int, int]] = ({}, {})

    # word classes

    def low(self, i: int) -> str:
        return self.lows[i] if 0 <= i < self.n else ""

    def find(self, low: str, a: int, b: int) -> int:
        """The first index ``k`` in ``a .. b-1`` where ``self.low(k) == low``, else -1 (two
        C-level searches instead of a Python step per token)."""
        a = max(a, 0)
        words = self.lows[a:b] if b > a else []
        return a + words.index(low) if low in words else -1

    def is_(self, i: int, word_class: str) -> bool:
        return 0 <= i < self.n and word_class in self.cls[i]

    def is_any(self, i: int, word_classes: frozenset[str]) -> bool:
        """Whether token *i* is in any of *word_classes* (``is_`` of each, in one test)."""
        return 0 <= i < self.n and not self.cls[i].isdisjoint(word_classes)

    def is_mark(self, i: int) -> bool:
        """``is_quote(i) or is_punct(i)``, in one test."""
        return 0 <= i < self.n and self.toks[i].text in _MARKS

    def is_quote(self, i: int) -> bool:
        return 0 <= i < self.n and self.toks[i].text in _QUOTE_MARKS

    def is_punct(self, i: int) -> bool:
        return 0 <= i < self.n and self.toks[i].text in _PUNCT

    def is_word(self, i: int) -> bool:
        return 0 <= i < self.n and self.toks[i].text[:1].isalnum()

    def is_cap(self, i: int) -> bool:
        return 0 <= i < self.n and self.toks[i].text[:1].isupper()

    def is_negator(self, i: int) -> bool:
        return 0 <= i < self.n and "negator" in self.cls[i]

    def is_finite_verb(self, i: int) -> bool:
        """A word that can be the finite verb of a clause (closed lists and cue verbs)."""
        if not 0 <= i < self.n:
            return False
        cls = self.cls[i]
        if "auxiliary" in cls or "verb" in cls or "predicate_verb" in cls:
            return True
        return "cue_verb" in cls and not self.is_noun_use(i)

    def is_noun_use(self, i: int) -> bool:
        """A verb form used as a noun, after a determiner or adjective: ``de Russische eisen``."""
        if self.lows[i].endswith(("t", "de", "te", "den", "ten")):
            return False  # a third person or past tense form is never a noun
        prev = self.low(i - 1)
        if self.is_(i - 1, "determiner") and prev not in ("zijn", "meer", "dat", "die"):
            return True
        return bool(prev.endswith("e") and self.is_word(i - 1) and self.is_(i - 2, "determiner")
                    and not self.is_(i - 1, "auxiliary"))

    def quote_boundary(self, i: int) -> bool:
        """A quotation mark that closes or opens a clause (next to punctuation or an edge)."""
        if not self.is_quote(i):
            return False
        return (i == 0 or i == self.n - 1 or self.is_punct(i - 1) or self.is_punct(i + 1)
                or self.is_quote(i - 1) or self.is_quote(i + 1))

    # clauses

    def opens_clause(self, i: int) -> str | None:
        """What token *i* does at the left edge of a clause (computed once per token)."""
        if not 0 <= i < self.n:
            return None
        found = self._opens[i]
        if found is _UNKNOWN:
            found = self._opens[i] = self._opens_clause(i)
        return found

    def _opens_clause(self, i: int) -> str | None:
        """What token *i* does at the left edge of a clause, if it opens one.

        ``punct``, ``sub`` (subordinator or complementizer), ``rel`` (relative pronoun),
        ``coord`` (``en``/``maar`` before a finite verb: the subject is left out),
        ``clause`` (a coordinator before a new clause with its own subject).
        """
        tok = self.toks[i]
        if tok.text in _PUNCT or self.quote_boundary(i):
            return "punct"
        low = self.lows[i]
        if "subordinator" in self.cls[i]:
            return "sub"
        if low == "dat" and i > 0:
            # a complementizer or relative pronoun, unless a determiner of the next noun
            # right after a preposition or a cue verb without a dat-clause ("steunt dat pakket")
            prev = self.lows[i - 1]
            if prev in self.lex.of("preposition"):
                return None
            cues = [e for e, _ in self.lex.cues_at(prev)]
            if cues and not any("dat-clause" in e.frames for e in cues):
                return None
            return "sub"
        if "relative" in self.cls[i] and i > 0 and (self.is_punct(i - 1) or (
                self.is_word(i - 1) and not self.is_(i - 1, "preposition")
                and not self.is_finite_verb(i - 1))):
            return "rel"
        if "coordinator" in self.cls[i]:
            if low in ("maar", "want"):
                return "coord" if self.is_finite_verb(i + 1) else "clause"
            if self.is_finite_verb(i + 1) and not self.is_noun_use(i + 1):
                return "coord"
            if self.is_(i + 1, "subject_pronoun") or self.low(i + 1) in ("dat", "daarom", "er"):
                return "clause"
        return None

    def clause_start(self, i: int) -> tuple[int, str]:
        """First token of the clause holding token *i*, and what opened it.

        The rules ask this again and again for the same token (the cue's clause): the
        answer is kept, as the sentence and what its tokens open do not change
        (tests/test_stance.py checks kept answers against fresh ones).
        """
        found = self._starts.get(i)
        if found is None:
            found = self._starts[i] = self._clause_start(i)
        return found

    def _clause_start(self, i: int) -> tuple[int, str]:
        opens = self._opens  # the cache of opens_clause, read here without a call per token
        j = min(i, self.n) - 1
        while j >= 0:
            kind = opens[j]
            if kind is _UNKNOWN:
                kind = opens[j] = self._opens_clause(j)
            if kind is not None:
                return j + 1, kind
            j -= 1
        return 0, "sentence"

    def clause_end(self, i: int, *, stop_at_dat: bool = True) -> int:
        """One past the last token of the clause that continues after token *i*.

        Kept like :meth:`clause_start`, once for each *stop_at_dat*.
        """
        cache = self._ends[stop_at_dat]
        found = cache.get(i)
        if found is None:
            found = cache[i] = self._clause_end(i, stop_at_dat)
        return found

    def _clause_end(self, i: int, stop_at_dat: bool) -> int:
        opens = self._opens  # the cache of opens_clause, read here without a call per token
        j = max(i + 1, 0)
        while j < self.n:
            kind = opens[j]
            if kind is _UNKNOWN:
                kind = opens[j] = self._opens_clause(j)
            if kind is not None and (stop_at_dat or self.low(j) != "dat" or kind != "sub"):
                return j
            j += 1
        return self.n

    def span_of(self, a: int, b: int) -> Span:
        """The characters of tokens ``a .. b-1``."""
        return Span(self.toks[a].start, self.toks[b - 1].end)


_NP_STOP = frozenset({"preposition", "adverb", "negator", "coordinator", "reflexive", "relative",
                      "subordinator"})


# -- noun phrases -------------------------------------------------------------------------------


def _np_end(s: _Sentence, j: int, stop: int) -> int:
    """One past the end of the noun phrase that starts at *j* (a subject or antecedent)."""
    if j >= stop:
        return j
    if s.is_(j, "subject_pronoun") or (s.low(j) == "het" and not s.is_word(j + 1)):
        return j + 1
    k = j
    seen_content = False
    while k < stop:
        low = s.low(k)
        if not s.is_word(k) and s.toks[k].text not in ("-", "'"):
            if s.is_quote(k) and not seen_content:
                k += 1
                continue
            break
        if "determiner" in s.cls[k] or (low in ("dan", "tot") and not seen_content):
            if seen_content and low not in ("meer",):
                break
            k += 1
            continue
        if low == "en" and seen_content and (s.is_cap(k + 1) or s.is_(k + 1, "determiner")):
            k += 1
            seen_content = False
            continue
        if low == "van" and seen_content and (s.is_cap(k + 1) or s.is_(k + 1, "determiner")):
            k += 1
            seen_content = False
            continue
        cls = s.cls[k]
        if (not cls.isdisjoint(_NP_STOP) or s.is_finite_verb(k)):
            break
        if s.lex.cues_at(low) and seen_content:
            break
        if seen_content and not s.is_cap(k) and s.is_cap(k - 1) and not (
                s.low(k - 1).endswith(("se", "sche"))):
            break  # "de EU nieuwe sancties": a name ends the phrase
        seen_content = True
        k += 1
    return k


# -- holders ------------------------------------------------------------------------------------


class _Context:
    """What one document's extraction shares: the actor chains, the quotes."""

    def __init__(self, doc: Document, quotes: Sequence[Quote],
                 resolver: actors.ActorResolver) -> None:
        self.doc = doc
        self.quotes = tuple(quotes)
        self.resolver = resolver
        self.salient = tuple(
            (q.content.start, q.speaker) for q in self.quotes if q.speaker is not None
        )

    def quote_at(self, offset: int) -> Quote | None:
        for quote in self.quotes:
            if quote.content.start <= offset < quote.content.end:
                return quote
        return None


_FIRST_PERSON = frozenset({"ik", "wij", "we", "ons", "mij", "me"})
_NEGATIVE_SUBJECTS = frozenset({"niemand", "niets", "geen"})


def _holder(ctx: _Context, s: _Sentence, a: int, b: int) -> tuple[Actor, ...]:
    """The actors a subject phrase (tokens ``a .. b-1``) names; coordinated names give several.

    Several cues of a sentence often share a subject (a cue word one rule rejects is tried
    by the next, a clause holds two cues): the answer is kept on the sentence. It depends on
    nothing else that changes: the resolver's own state is caches of answers that depend
    only on offsets, and the quotes are fixed (tests/test_stance.py checks kept answers
    against fresh ones).
    """
    found = s.holders.get((a, b))
    if found is None:
        found = s.holders[a, b] = tuple(_find_holder(ctx, s, a, b))
    return found


def _find_holder(ctx: _Context, s: _Sentence, a: int, b: int) -> list[Actor]:
    """:func:`_holder`, computed. This is the one place where the stance rules meet
    :mod:`geopol.actors`."""
    while a < b and (s.is_(a, "focus") or s.is_quote(a) or s.low(a) in ("en", "maar")):
        a += 1
    if a >= b or s.low(a) in _NEGATIVE_SUBJECTS:
        return []
    low = s.low(a)
    if low in _FIRST_PERSON:
        speaker = ctx.resolver.first_person(s.toks[a].start, ctx.quotes)
        return [] if speaker is None else [attrs.evolve(speaker, mention=s.span_of(a, a + 1))]
    # coordinated names: "Rusland en Oekraïne"
    parts: list[tuple[int, int]] = []
    start = a
    k = s.find("en", a, b)
    while k >= 0:
        if s.is_cap(k - 1) and k > start and (
                s.is_cap(k + 1) or (s.is_(k + 1, "determiner") and s.is_cap(k + 2))):
            parts.append((start, k))
            start = k + 1
        k = s.find("en", k + 1, b)
    parts.append((start, b))
    if len(parts) > 1 and not all(b2 - a2 <= 4 for a2, b2 in parts):
        parts = [(a, b)]
    out: list[Actor] = []
    for p, q in parts:
        actor = _resolve(ctx, s, p, q)
        if actor is not None:
            out.append(actor)
    return out


def _resolve(ctx: _Context, s: _Sentence, a: int, b: int) -> Actor | None:
    """The actor of the subject phrase ``a .. b-1``: an actor phrase of :mod:`geopol.actors`,
    else the actor mention that ends the phrase, else the phrase without determiners."""
    res = ctx.resolver
    end = s.toks[b - 1].end
    phrase = res.parse_phrase(s.toks[a].start, end=s.span.end)
    if phrase is not None and phrase.name_span.end <= end:
        after = next((k for k in range(a, b) if s.toks[k].start >= phrase.name_span.end), b)
        if (phrase.kind == "name" and after < b and s.is_word(after) and not s.is_cap(after)
                and " " not in ctx.doc.text_of(phrase.name_span)):
            # a capitalised adjective read as a name: "Vlaams minister Bart Somers",
            # "de Baltische staten"
            title = res.parse_phrase(s.toks[after].start, end=s.span.end)
            if title is not None and title.kind != "noun" and title.name_span.end <= end:
                return res.resolve_phrase(title, salient=ctx.salient)
        else:
            actor = res.resolve_phrase(phrase, salient=ctx.salient)
            if actor is not None and phrase.kind == "pronoun" and s.low(a) in ("ze", "zij") and (
                    _plural_verb(s, a)):
                group = res.antecedent(phrase.span.start, "hun", salient=ctx.salient,
                                       mention=phrase.span)
                return group or actor
            if actor is not None:
                return actor
            if phrase.kind in ("pronoun", "description"):
                return None  # a pronoun or "de minister" without antecedent
    inside = Span(s.toks[a].start, end)
    for mention in res.mentions:
        if mention.span.start >= inside.end:
            break
        if inside.contains(mention.span) and mention.kind in ("name", "noun") and (
                mention.span.end == inside.end or ctx.doc.text[mention.span.end:].lstrip()[:1]
                in ("(", ",")):
            return res.actor_for_name(mention.text, mention.span)
    while a < b and (s.is_(a, "determiner") or s.low(a) in ("dan",) or s.toks[a].text.isdigit()):
        a += 1
    if a >= b or not s.is_word(b - 1):
        return None
    span = s.span_of(a, b)
    return Actor(name=ctx.doc.text_of(span), mention=span)


def _plural_verb(s: _Sentence, k: int) -> bool:
    """Whether the finite verb next to the subject at *k* is plural (``ze protesteren``)."""
    for x in (k + 1, k - 1):
        if s.is_word(x) and s.low(x).endswith("en") and (
                s.is_finite_verb(x) or s.lex.cues_at(s.low(x))):
            return True
    return False


def _antecedent(s: _Sentence, rel: int) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun at *rel* refers back to (tokens ``a .. b-1``)."""
    b = rel
    if s.is_punct(b - 1):
        b -= 1
    a = b
    while a > 0 and s.is_word(a - 1) and not s.is_(a - 1, "preposition") and not (
            s.is_finite_verb(a - 1)) and not s.is_(a - 1, "coordinator") and not (
            s.is_(a - 1, "subordinator")):
        a -= 1
    return (a, b) if a < b else None


def _subject(s: _Sentence, i: int, ctx: _Context) -> tuple[int, int] | None:
    """The subject of the clause holding token *i*, as tokens ``a .. b-1``.

    Several rules ask for the same subject (the cue rule, then the holder): the answer is
    kept on the sentence, which does not change.
    """
    found = s.subjects.get(i, _NO_ANSWER)
    if found is _NO_ANSWER:
        found = s.subjects[i] = _find_subject(s, i, ctx)
    return found


_NO_ANSWER = (-1, -1)  # not yet asked (never a subject: subjects have a >= 0)
# the classes of a first word that makes a main clause adverbial-first (the subject follows
# the finite verb); a word's classes hold "negator" exactly when it is one of the negators
_ADVERBIAL_FIRST = frozenset({"preposition", "adverb", "negator", "subordinator"})


def _find_subject(s: _Sentence, i: int, ctx: _Context) -> tuple[int, int] | None:
    start, opened = s.clause_start(i)
    if opened in ("sub", "rel"):
        intro = start - 1
        j = start
        while j < i and s.is_(j, "focus"):
            j += 1
        if (opened == "rel" or (s.low(intro) == "dat" and s.is_punct(intro - 1))) and not (
                s.is_(j, "determiner") or s.is_(j, "subject_pronoun") or s.is_cap(j)):
            return _antecedent(s, intro)
        end = _np_end(s, j, i)
        return (j, end) if end > j else None
    if opened == "coord":
        return _sentence_subject(s, ctx)
    # main clause: the finite verb is the first verb-like word
    anchor = -1
    # a possessive or "dat" opening the clause is no verb
    begin = start + 1 if s.low(start) in ("zijn", "haar", "hun", "dat") else start
    for k in range(begin, i + 1):
        if s.is_finite_verb(k):
            anchor = k
            break
    if anchor < 0:
        j = start
        while j < i and s.is_(j, "focus"):
            j += 1
        if s.is_(j, "preposition") or s.is_(j, "adverb"):
            return None
        end = _np_end(s, j, i)
        return (j, end) if end > j else None
    j = start
    while j < anchor and (s.is_(j, "focus") or s.is_quote(j)):
        j += 1
    if j == anchor:
        if opened == "punct" and start > 0 and s.low(start - 1) == ",":
            before = _before_apposition(s, start - 1)
            if before is not None:
                return before
        return _after(s, anchor, i)
    if (not s.cls[j].isdisjoint(_ADVERBIAL_FIRST) or s.toks[j].text[:1].isdigit()
            or s.lows[j] in ("begin", "eind", "half", "midden")):
        return _after(s, anchor, i)
    end = j
    while end < anchor and not s.is_punct(end):
        end += 1
    return (j, end)


def _after(s: _Sentence, anchor: int, limit: int) -> tuple[int, int] | None:
    """The subject right after the finite verb at *anchor* (an inverted clause)."""
    j = anchor + 1
    if limit <= anchor:
        limit = s.clause_end(anchor)
    end = _np_end(s, j, limit)
    return (j, end) if end > j else None


def _before_apposition(s: _Sentence, comma: int) -> tuple[int, int] | None:
    """``Ollongren, minister van Defensie, steunt``: the phrase before the apposition.

    When the sentence opens with an adverbial (``Na de annexatie ..., keerden
    separatisten zich``), the commas close that adverbial instead: ``None``.
    """
    k = comma - 1
    while k >= 0 and s.low(k) != ",":
        k -= 1
    if k < 0:
        return None
    a, _ = s.clause_start(k)
    while a < k and (s.is_(a, "focus") or s.is_quote(a)):
        a += 1
    first = s.low(a)
    if a >= k or first in s.lex.of("preposition") or first in s.lex.of("subordinator") or (
            first in s.lex.of("adverb")):
        return None
    segment = range(k + 1, comma)
    if any(s.is_finite_verb(x) for x in segment) and s.low(k + 1) not in (
            s.lex.of("relative") | {"dat"}):
        return None
    return (a, k)


def _sentence_subject(s: _Sentence, ctx: _Context) -> tuple[int, int] | None:
    """The subject of the sentence's first main clause (for ``... en wil dat``)."""
    for k in range(s.n):
        if s.is_finite_verb(k) and not (k == 0 and s.low(k) in ("zijn", "haar", "hun")):
            if s.clause_start(k)[1] in ("coord", "sub", "rel"):
                return None
            return _subject(s, k, ctx)
    return None


# -- targets ------------------------------------------------------------------------------------


# the word classes _trim strips from a target's end (with quote marks and punctuation)
_TRAILING = frozenset({"adverb", "auxiliary", "negator", "preposition", "determiner"})


class _Target(NamedTuple):
    a: int
    b: int
    negations: int


def _trim(s: _Sentence, a: int, b: int, *, cut_at_negator: bool = True) -> _Target | None:
    """Strip adverbs, negators, quote marks and verbs from the edges of tokens ``a .. b-1``.

    Negators stripped from the left edge, and those a target is cut at, are counted.
    """
    negations = 0
    while a < b:
        if s.is_negator(a):
            negations += 1
            a += 1
            if s.low(a) == "enkele":
                a += 1
        elif s.is_(a, "adverb") or s.is_mark(a) or s.low(a) in ("zich", "te", "om"):
            a += 1
        else:
            break
    if cut_at_negator:
        for k in range(a, b):
            if s.is_negator(k) and s.low(k) != "geen":
                negations += 1
                b = k
                break
    while b > a and (s.is_any(b - 1, _TRAILING) or s.is_mark(b - 1)):
        if s.is_negator(b - 1):
            negations += 1
        b -= 1
    if b <= a or not any(map(s.is_word, range(a, b))):
        return None
    if b - a > _MAX_TARGET:
        b = a + _MAX_TARGET
    return _Target(a, b, negations)


def _phrase_end(s: _Sentence, a: int, stop: int) -> int:
    """End of the noun phrase of a target starting at *a*: the clause end, a relative
    pronoun after a noun, or a coordinator before a new verb."""
    quoted = s.is_quote(a)
    k = a + 1 if quoted else a
    while k < stop:
        if quoted and s.is_quote(k):
            return k
        low = s.low(k)
        if k > a and low in ("die", "dat", "waar", "wat") and s.is_word(k - 1) and not (
                s.is_(k - 1, "preposition")):
            return k
        if k > a and (s.is_(k, "subordinator") or s.is_(k, "auxiliary")):
            return k
        k += 1
    return stop


def _clause_target(s: _Sentence, a: int) -> _Target | None:
    """The clause that starts at *a* (after ``dat``, ``als``): up to its end."""
    end = s.clause_end(a - 1)
    # a clause target ends before a coordinated clause of its own ("... of wapens plaatst")
    return _trim(s, a, end, cut_at_negator=False)


def _first_word(s: _Sentence, a: int, b: int) -> int:
    while a < b and (s.is_(a, "adverb") or s.is_negator(a) or s.is_quote(a)):
        a += 1
    return a


# -- the rules ----------------------------------------------------------------------------------


class _Found(NamedTuple):
    holders: tuple[Actor, ...]
    target: Span
    polarity: Polarity
    cue: Span
    rule: str


def _polarity(base: Polarity, negations: int) -> Polarity:
    if negations % 2 == 0:
        return base
    return "oppose" if base == "support" else "support"


def _negations_between(s: _Sentence, a: int, b: int) -> int:
    count = 0
    for k in range(max(a, 0), min(b, s.n)):
        if s.is_negator(k) and not (s.low(k) == "niet" and s.low(k + 1) in ("alleen", "eens")):
            count += 1
    return count


def _cue_matches(s: _Sentence, i: int, form: _Form) -> int | None:
    """Index one past the cue's last word when *form* matches at *i*, else ``None``."""
    for offset, word in enumerate(form.words):
        if s.low(i + offset) != word:
            return None
    end = i + len(form.words)
    if form.particle is not None:
        # joined infinitive with te: "af te wijzen"
        if s.low(i - 1) == "te" and s.low(i - 2) == form.particle:
            return end
        if s.find(form.particle, end, s.clause_end(i)) < 0:
            return None
    return end


def _particle_at(s: _Sentence, form: _Form, a: int, b: int) -> int:
    """Index of the separable particle in ``a .. b-1`` (the last one), else *b*."""
    if form.particle is None:
        return b
    for k in range(b - 1, a - 1, -1):
        if s.low(k) == form.particle:
            return k
    return b


def _holders_of(ctx: _Context, s: _Sentence, i: int) -> tuple[tuple[Actor, ...], int]:
    """Holders of the cue at *i* and how many negators the subject region carries."""
    subject = _subject(s, i, ctx)
    if subject is None:
        quote = ctx.quote_at(s.toks[i].start)
        if quote is not None and quote.speaker is not None:
            return (quote.speaker,), 0
        return (), 0
    a, b = subject
    return _holder(ctx, s, a, b), 0


def _in_subclause(s: _Sentence, i: int) -> bool:
    return s.clause_start(i)[1] in ("sub", "rel")


def _tree(ctx: _Context, s: _Sentence, i: int, entry: CueEntry) -> _Found | None:
    """Holder and target of a verb cue read from a dependency parse, when one is there.

    The holder is the subtree of the cue's ``nsubj``; the target the subtree of its
    ``obj``, ``ccomp`` or ``xcomp``, or of the ``obl`` whose ``case`` is the cue's
    preposition; a ``niet``/``nooit`` attached to the cue, or ``geen`` heading the
    target, flips the polarity. ``None`` when the parse lacks any of these.
    """
    parsed = s.parsed
    if parsed is None:
        return None
    ptoks = parsed.tokens
    cue = next((k for k, t in enumerate(ptoks) if t.span.start == s.toks[i].start), -1)
    if cue < 0 or any(t.deprel is None for t in ptoks):
        return None
    children: dict[int, list[int]] = {}
    for k, t in enumerate(ptoks):
        if t.head is not None and t.head >= 0:
            children.setdefault(t.head, []).append(k)

    def subtree(k: int) -> list[int]:
        out: list[int] = []
        todo = [k]
        while todo and len(out) < 200:
            x = todo.pop()
            out.append(x)
            todo.extend(children.get(x, ()))
        return sorted(out)

    def relation(k: int) -> str:
        return (ptoks[k].deprel or "").split(":")[0]

    kids = children.get(cue, [])
    subject = next((k for k in kids if relation(k) == "nsubj"), -1)
    if subject < 0:
        return None
    negations = sum(1 for k in kids if relation(k) == "advmod"
                    and ctx.doc.text_of(ptoks[k].span).casefold() in s.lex.negators)
    target_nodes: list[int] = []
    for prep in entry.prepositions:
        for k in kids:
            if relation(k) in ("obl", "nmod") and any(
                    relation(c) == "case" and ctx.doc.text_of(ptoks[c].span).casefold() == prep
                    for c in children.get(k, ())):
                target_nodes = [x for x in subtree(k) if not (
                    relation(x) == "case" and ptoks[x].head == k)]
                break
        if target_nodes:
            break
    if not target_nodes:
        obj = next((k for k in kids if relation(k) in ("obj", "ccomp", "xcomp")), -1)
        if obj < 0:
            return None
        target_nodes = [x for x in subtree(obj) if not (
            relation(x) == "mark" and ptoks[x].head == obj)]
    first = target_nodes[0]
    if ctx.doc.text_of(ptoks[first].span).casefold() == "geen":
        negations += 1
        target_nodes = target_nodes[1:]
    if not target_nodes:
        return None
    nodes = subtree(subject)
    a = next((k for k, t in enumerate(s.toks) if t.start >= ptoks[nodes[0]].span.start), -1)
    b = next((k for k, t in enumerate(s.toks) if t.end >= ptoks[nodes[-1]].span.end), -1)
    holders = _holder(ctx, s, a, b + 1) if 0 <= a <= b else ()
    if not holders:
        return None
    target = Span(ptoks[target_nodes[0]].span.start, ptoks[target_nodes[-1]].span.end)
    return _Found(holders, target, _polarity(entry.polarity, negations),
                  s.span_of(i, i + 1), "stance.parse")


def _verb(ctx: _Context, s: _Sentence, i: int, end: int, entry: CueEntry,
          form: _Form) -> Iterator[_Found]:
    # the cue's span is built only for a stance (most verb candidates give none)
    if s.parsed is not None and form.particle is None and len(form.words) == 1:
        from_tree = _tree(ctx, s, i, entry)
        if from_tree is not None:
            yield from_tree._replace(cue=s.span_of(i, end))
            return
    if s.is_noun_use(i):  # "de Russische eisen", "de wil van het volk"
        return
    start, _ = s.clause_start(i)
    stop = s.clause_end(i, stop_at_dat=False)
    clause_stop = s.clause_end(i)
    if entry.not_with and any(s.low(k) in entry.not_with for k in range(end, clause_stop)):
        return
    if "infinitive" in entry.frames and any(
            s.is_(k, "cue_verb") and not s.is_(k, "auxiliary") for k in range(end, clause_stop)):
        return  # "wil het akkoord afwijzen": the infinitive's own cue holds the stance
    sub = _in_subclause(s, i)
    subject = _subject(s, i, ctx)
    subj_end = subject[1] if subject is not None else start
    # passive attributive: "de door Rusland gesteunde separatisten"
    if s.low(i - 1) != "te" and s.is_word(end) and not s.is_finite_verb(end):
        agent = _door_agent(s, i)
        if agent is not None:
            head = end
            while head + 1 < s.n and s.is_word(head + 1) and s.low(head).endswith("e"):
                head += 1  # adjectives before the noun: "gesteunde pro-Russische separatisten"
            t = _trim(s, end, head + 1)
            agents = _holder(ctx, s, *agent)
            if t is not None and agents:
                yield _Found(agents, s.span_of(t.a, t.b), entry.polarity, s.span_of(i, end),
                             "stance.passive_agent")
                return
    # negators between the subject (or clause start) and the cue
    before = _negations_between(s, max(subj_end, start), i)
    particle = _particle_at(s, form, end, clause_stop)
    region_end = min(particle, clause_stop)
    for frame in entry.frames:
        words = frame.split()
        target: _Target | None = None
        negations = before
        if frame == "dat-clause":
            k = _first_word(s, end, region_end)
            while k < region_end and s.low(k) != "dat" and k - end < 4:
                k += 1
            if s.low(k) == "dat" and k < stop:
                negations += _negations_between(s, end, k)
                target = _clause_target(s, k + 1)
        elif frame == "te-infinitive":
            te = next((k for k in range(end, min(stop, region_end + 3)) if s.low(k) == "te"), -1)
            if te > end and s.is_word(te + 1):
                target = _trim(s, end, te + 2, cut_at_negator=False)
                if target is not None:
                    negations += _negations_between(s, end, target.a)
                    target = _Target(target.a, target.b, 0)
        elif words[-1] == "NP" and len(words) >= 2:
            prep = words[-2]
            p = s.find(prep, end, clause_stop)
            if p < 0 and sub:
                p = s.find(prep, subj_end, i)
                if p >= 0:
                    t = _trim(s, p + 1, i)
                    if t is not None:
                        negations += _negations_between(s, subj_end, p) + t.negations
                        target = t
                        if entry.reflexive and not any(
                                s.is_(k, "reflexive") for k in range(start, i)):
                            target = None
                        p = -2
            if p >= 0:
                if entry.reflexive and not any(
                        s.is_(k, "reflexive") for k in range(start, p)):
                    continue
                target_end = _phrase_end(s, p + 1, s.clause_end(p))
                if form.particle is not None and p < particle < target_end:
                    target_end = particle
                t = _trim(s, p + 1, target_end)
                if t is not None:
                    negations += _negations_between(s, end, p) + t.negations
                    target = t
        elif frame in ("NP", "infinitive"):
            if entry.reflexive:
                continue
            if sub or (end >= region_end and not s.is_word(end)):
                a = subj_end
                if not sub:
                    # "Polen heeft de sancties gesteund": the object follows the auxiliary
                    aux = next((k for k in range(start, i) if s.is_(k, "auxiliary")), -1)
                    a = max(a, aux + 1)
                t = _trim(s, a, i)
                if t is not None and a < i:
                    negations = _negations_between(s, max(subj_end, start), a) + t.negations
                    target = t
            else:
                a = end
                if subject is not None and subject[0] > i:  # inverted subject after the verb
                    a = max(a, subject[1])
                b = _phrase_end(s, a, region_end)
                t = _trim(s, a, b)
                first = _first_word(s, a, b)
                if t is not None and not (s.low(first) == "dat" and s.opens_clause(first)):
                    negations += t.negations
                    target = t
                    # "steunt dat pakket niet": a negator right after the target
                    if b < region_end and s.is_negator(b):
                        negations += 1
                    elif t.b < b:
                        negations += _negations_between(s, t.b, b) - _count_cut(s, t, b)
        if target is None:
            continue
        # The holders are resolved only now, for the frame that gives a target, not for
        # every cue: a cue without a target yields nothing whoever holds it, and one
        # without a holder nothing whatever its target, so the order does not change what
        # the rule gives (tests/test_stance.py resolves them first, as before, and compares).
        holders, _ = _holders_of(ctx, s, i)
        if not holders:
            return
        contrast = _contrast(s, target.b) if frame in ("NP", "infinitive") else None
        rule = "stance.verb_preposition" if len(words) >= 2 and words[-1] == "NP" and (
            frame != "NP ADJ") else "stance.verb_object"
        cue_span = s.span_of(i, end)
        yield _Found(holders, s.span_of(target.a, target.b),
                     _polarity(entry.polarity, negations), cue_span, rule)
        if contrast is not None:
            # "Wij willen echte hervormingen, geen cosmetica": the second object is negated
            yield _Found(holders, s.span_of(contrast.a, contrast.b),
                         _polarity(entry.polarity, negations + contrast.negations), cue_span,
                         rule)
        return


def _contrast(s: _Sentence, b: int) -> _Target | None:
    """``X, geen Y`` / ``X, niet Y`` right after a target ending at *b*."""
    k = b
    while k < s.n and (s.is_quote(k) or s.is_(k, "adverb")):
        k += 1
    if s.low(k) != "," or s.low(k + 1) not in ("geen", "niet"):
        return None
    end = s.clause_end(k + 1)
    t = _trim(s, k + 1, _phrase_end(s, k + 2, end))
    return t if t is not None and t.negations == 1 else None


def _count_cut(s: _Sentence, t: _Target, b: int) -> int:
    """Negators after the target end already counted by :func:`_trim`."""
    return sum(1 for k in range(t.b, b) if s.is_negator(k)) if t.negations else 0


def _door_agent(s: _Sentence, i: int) -> tuple[int, int] | None:
    """The agent of an attributive participle: ``door Rusland`` or ``Iraans`` right before."""
    if s.find("door", i - 6, i - 1) < 0:
        return None  # without "door" in reach the search finds none
    return _door_agent_before(s, i)


def _door_agent_before(s: _Sentence, i: int) -> tuple[int, int] | None:
    """:func:`_door_agent`'s search: back from the participle at *i* over words to ``door``."""
    for back in range(2, 7):
        k = i - back
        if k < 0:
            break
        if s.low(k) == "door":
            a, b = k + 1, i
            if b > a and all(s.is_word(x) and not s.is_finite_verb(x) for x in range(a, b)):
                return (a, b)
            return None
        if not s.is_word(k):
            return None
    return None


def _noun(ctx: _Context, s: _Sentence, i: int, end: int, entry: CueEntry,
          form: _Form) -> Iterator[_Found]:
    stop = s.clause_end(i)
    start, _ = s.clause_start(i)
    # which preposition follows (within a few words: "kritiek geuit op", "voorstander blijft van")
    prep_at = -1
    window = 8 if s.low(end) == "van" else 4
    for k in range(end, min(stop, end + window)):
        if s.low(k) in entry.prepositions:
            prep_at = k
            break
    adjective = _actor_adjective(ctx, s, i - 1)
    if adjective is not None:
        # "met Russische steun": the adjective holds, whoever receives it is the target
        holder_actor = adjective
        if prep_at >= 0:
            t = _trim(s, prep_at + 1, _phrase_end(s, prep_at + 1, stop))
            if t is not None:
                yield _Found((holder_actor,), s.span_of(t.a, t.b), entry.polarity,
                             s.span_of(i - 1, end), "stance.adjectival_holder")
            return
        target = _receiver(ctx, s, i - 1)
        if target is not None:
            yield _Found((holder_actor,), target, entry.polarity, s.span_of(i - 1, end),
                         "stance.adjectival_holder")
        return
    if prep_at < 0:
        return
    t = _trim(s, prep_at + 1, _phrase_end(s, prep_at + 1, stop))
    if t is None:
        return
    holders: tuple[Actor, ...] = ()
    # "de steun van de VS aan Oekraïne"
    if s.low(end) == "van" and prep_at > end + 1:
        holders = _holder(ctx, s, end + 1, prep_at)
    if not holders:
        subject = _subject(s, i, ctx)
        modifier = s.is_(i - 1, "determiner") or (
            not s.is_cap(i - 1) and s.low(i - 1).endswith("e"))
        if subject is not None and (subject[0] <= i < subject[1] or (
                subject[1] == i and modifier)):
            # the cue noun is itself the subject: "In de Kamer is steun voor de hulp"
            subject = _locative(s, start, i)
            if subject is None:
                return
        if subject is not None:
            holders = _holder(ctx, s, *subject)
        elif _apposition(s, i):
            app = _before_apposition_start(s, i)
            if app is not None:
                holders = _holder(ctx, s, *app)
    if not holders:
        quote = ctx.quote_at(s.toks[i].start)
        if quote is None or quote.speaker is None:
            return
        holders = (quote.speaker,)
    subject = _subject(s, i, ctx)
    subj_end = subject[1] if subject is not None and subject[1] <= i else start
    negations = _negations_between(s, max(start, subj_end), i) + t.negations
    negations += _negations_between(s, end, prep_at)
    if t.b < stop and s.is_negator(t.b):
        negations += 1
    yield _Found(holders, s.span_of(t.a, t.b), _polarity(entry.polarity, negations),
                 s.span_of(i, end), "stance.noun_preposition")


def _locative(s: _Sentence, start: int, i: int) -> tuple[int, int] | None:
    """``In de Tweede Kamer is steun voor ...``: the place of an existential clause."""
    if s.low(start) in ("in", "binnen", "bij"):
        end = _np_end(s, start + 1, i)
        if end > start + 1:
            return (start + 1, end)
    return None


def _apposition(s: _Sentence, i: int) -> bool:
    start, opened = s.clause_start(i)
    return opened == "punct" and s.low(start - 1) == "," and not any(
        s.is_finite_verb(k) for k in range(start, i))


def _before_apposition_start(s: _Sentence, i: int) -> tuple[int, int] | None:
    start, _ = s.clause_start(i)
    comma = start - 1
    a, _ = s.clause_start(comma)
    while a < comma and s.is_(a, "focus"):
        a += 1
    return (a, comma) if a < comma else None


def _actor_adjective(ctx: _Context, s: _Sentence, k: int) -> Actor | None:
    """A country adjective at *k* (``Russische``), as the actor it points to."""
    if not s.is_word(k) or (not s.is_cap(k) and not s.low(k).endswith(("se", "sche"))):
        return None
    lexicon = ctx.resolver.lexicon
    entry = lexicon.country_of_adjective(s.toks[k].text)
    if entry is None:
        if s.is_cap(k) and s.low(k).endswith(("se", "sche")) and len(s.low(k)) > 4:
            return Actor(name=s.toks[k].text, mention=s.span_of(k, k + 1))
        return None
    return Actor(name=entry.name, mention=s.span_of(k, k + 1), id=entry.qid, kind=entry.kind)


def _receiver(ctx: _Context, s: _Sentence, k: int) -> Span | None:
    """Who receives the support of ``met Russische steun``: the subject of its clause."""
    start, opened = s.clause_start(k)
    if start == k - 1 and s.is_(start, "preposition") and opened not in ("sub", "rel"):
        # the phrase comes first: the finite verb follows it, then the subject
        subject = _after(s, k + 2, s.clause_end(k + 2))
    else:
        subject = _subject(s, k, ctx)
    if subject is None:
        return None
    a, b = subject
    while a < b and s.is_(a, "focus"):
        a += 1
    if a >= b:
        return None
    if s.is_(a, "subject_pronoun") or s.low(a) in ("het",):
        actor = ctx.resolver.resolve_at(s.toks[a].start, salient=ctx.salient)
        if actor is None:
            return None
        found = ctx.doc.text.rfind(actor.name, 0, s.toks[a].start)
        if found < 0:
            return None
        return Span(found, found + len(actor.name))
    t = _trim(s, a, b)
    return None if t is None else s.span_of(t.a, t.b)


def _adjective(ctx: _Context, s: _Sentence, i: int, end: int, entry: CueEntry,
               form: _Form) -> Iterator[_Found]:
    start, _ = s.clause_start(i)
    stop = s.clause_end(i, stop_at_dat=False)
    clause_stop = s.clause_end(i)
    negations = _negations_between(s, start, i)
    target: _Target | None = None
    holders: tuple[Actor, ...] = ()
    rule = "stance.adjective"
    for frame in entry.frames:
        if frame == "dat-clause":
            k = end
            while k < stop and (s.is_(k, "copula") or s.is_(k, "adverb") or s.is_quote(k)):
                k += 1
            if s.low(k) == "dat":
                target = _clause_target(s, k + 1)
        elif frame == "NP ADJ":
            # "noemt de inval onaanvaardbaar", "noemt het onaanvaardbaar dat ..."
            verb = next((k for k in range(i - 1, start - 1, -1)
                         if s.is_(k, "predicate_verb")), -1)
            if verb >= 0:
                if s.low(verb + 1) == "het" and verb + 2 == i:
                    k = end
                    if s.low(k) == "dat":
                        target = _clause_target(s, k + 1)
                else:
                    a = verb + 1
                    subject = _subject(s, verb, ctx)
                    if subject is not None and subject[0] > verb:
                        a = subject[1]
                    target = _trim(s, a, i)
                if target is not None:
                    subject = _subject(s, verb, ctx)
                    if subject is not None:
                        holders = _holder(ctx, s, *subject)
            else:
                # "X is onaanvaardbaar", "het is onaanvaardbaar dat" inside a quote
                quote = ctx.quote_at(s.toks[i].start)
                if quote is None or quote.speaker is None:
                    continue
                if s.low(end) == "dat":
                    target = _clause_target(s, end + 1)
                else:
                    subject = _subject(s, i, ctx)
                    if subject is not None and subject[1] <= i:
                        target = _trim(s, *subject)
                holders = (quote.speaker,)
        elif frame.endswith(" NP"):
            prep = frame.split()[-2]
            if s.low(end) == prep:
                target = _trim(s, end + 1, _phrase_end(s, end + 1, clause_stop))
        if target is not None:
            break
    if target is None:
        return
    if not holders:
        if _apposition(s, i):
            app = _before_apposition_start(s, i)
            if app is not None:
                holders = _holder(ctx, s, *app)
        else:
            holders, _ = _holders_of(ctx, s, i)
    if not holders:
        return
    yield _Found(holders, s.span_of(target.a, target.b),
                 _polarity(entry.polarity, negations + target.negations), s.span_of(i, end),
                 rule)


def _copular(ctx: _Context, s: _Sentence, i: int, end: int, entry: CueEntry,
             form: _Form) -> Iterator[_Found]:
    """``is tegen X`` (main clause) or ``die tegen X is`` (subordinate clause)."""
    start, opened = s.clause_start(i)
    stop = s.clause_end(i)
    copula = -1
    k = i - 1
    while k >= start:
        if s.is_(k, "copula"):
            copula = k
            break
        # adverbs, negators, or an inverted subject ("Daarom is Hongarije fel tegen ...")
        if not (s.is_(k, "adverb") or s.is_negator(k) or s.is_(k, "subject_pronoun")
                or s.is_(k, "determiner") or (s.is_word(k) and s.is_cap(k))
                or (s.is_word(k) and s.is_(k - 1, "determiner"))):
            break
        k -= 1
    target_end = _phrase_end(s, end, stop)
    if copula < 0:
        if opened in ("sub", "rel") and stop > end and s.is_(stop - 1, "copula"):
            target_end = stop - 1
        else:
            return
    t = _trim(s, end, target_end)
    if t is None:
        return
    holders, _ = _holders_of(ctx, s, i)
    if not holders:
        return
    negations = _negations_between(s, start, i) + t.negations
    yield _Found(holders, s.span_of(t.a, t.b), _polarity(entry.polarity, negations),
                 s.span_of(i, end), "stance.copular_preposition")


def _phrase(ctx: _Context, s: _Sentence, i: int, end: int, entry: CueEntry,
            form: _Form) -> Iterator[_Found]:
    cue_span = s.span_of(i, end)
    stop = s.clause_end(i, stop_at_dat=False)
    target: _Target | None = None
    for frame in entry.frames:
        k = end
        while k < stop and (s.is_quote(k) or s.is_(k, "adverb")):
            k += 1
        if frame in ("als-clause", "dat-clause"):
            word = frame.split("-")[0]
            k2 = k
            while k2 < s.n and (s.is_quote(k2) or s.low(k2) == ","):
                k2 += 1
            if s.low(k2) == word:
                target = _clause_target(s, k2 + 1)
        elif frame == "best-way":
            is_at = next((x for x in range(end, min(s.n, end + 12)) if s.low(x) == "is"), -1)
            if is_at >= 0:
                a = is_at + 1
                if s.low(a) == "via":
                    a += 1
                target = _trim(s, a, _phrase_end(s, a, s.clause_end(a)))
        elif frame.endswith(" NP") and s.low(k) == frame.split()[-2]:
            target = _trim(s, k + 1, _phrase_end(s, k + 1, s.clause_end(k)))
        if target is not None:
            break
    if target is None:
        return
    quote = ctx.quote_at(s.toks[i].start)
    holders: tuple[Actor, ...] = ()
    if entry.frames == ("best-way",):
        if quote is not None and quote.speaker is not None:
            holders = (quote.speaker,)
        cue_span = s.span_of(max(0, i - 1) if s.is_(i - 1, "determiner") else i, end)
    else:
        start, _ = s.clause_start(i)
        if not any(s.is_finite_verb(k) for k in range(start, i)):
            # a headline without a verb: "Duizenden Belarussen de straat op tegen X"
            a = start
            b = i - 1 if s.is_(i - 1, "determiner") else i
            holders = _holder(ctx, s, a, b) if b > a else ()
        else:
            holders, _ = _holders_of(ctx, s, i)
    if not holders:
        return
    start, _ = s.clause_start(i)
    negations = _negations_between(s, start, i) + target.negations
    yield _Found(holders, s.span_of(target.a, target.b), _polarity(entry.polarity, negations),
                 cue_span, "stance.phrase")


_RULES = {
    "verb": _verb,
    "noun": _noun,
    "adjective": _adjective,
    "copular": _copular,
    "phrase": _phrase,
}


# -- the extractor ------------------------------------------------------------------------------


def extract(
    doc: Document,
    *,
    sentences: Sequence[Sentence] | None = None,
    quotes: Sequence[Quote] | None = None,
    lexicon: Lexicon | None = None,
    resolver: actors.ActorResolver | None = None,
) -> tuple[Stance, ...]:
    """Find the explicit stances of *doc*, in text order.

    Args:
        doc: a loaded document.
        sentences: its sentences from an analyser; the built-in segmentation when ``None``.
            Where they carry a dependency parse, the holder and target of a verb cue are
            read from it.
        quotes: the document's quotes (:func:`geopol.quotes.extract`); first-person holders
            inside a quote (``Wij willen geen conflict``) resolve to its speaker.
        lexicon: the cue data; :func:`default_lexicon` by default.
        resolver: the actor chains of *doc* (:func:`geopol.actors.resolver`) when the caller
            has them already, as :func:`geopol.analyze` does to share them with the quote
            extractor; built here if ``None`` (its mentions are found only when a holder
            needs them).

    Returns:
        The stances, ordered by the start of their cue.

    >>> import geopol
    >>> doc = next(geopol.load(["Premier Rutte is geen voorstander van nieuwe sancties."]))
    >>> [(s.holder.name, s.polarity, doc.text_of(s.target), s.rule) for s in extract(doc)]
    [('Rutte', 'oppose', 'nieuwe sancties', 'stance.noun_preposition')]

    .. versionadded:: 0.1.0
    """
    if not isinstance(doc, Document):
        raise TypeError(f"extract() needs a geopol.model.Document, got {type(doc).__name__}")
    lex = lexicon or default_lexicon()
    # the chains find their mentions only when a holder is resolved: cheap to build here
    chains = resolver or actors.resolver(doc)
    tokens, token_starts = chains.tokens, chains.token_starts
    # every token is folded (the cue scan reads them all): most are words met before,
    # whose kept fold the store gives in C (see geopol._word_answers)
    lows = list(map(lex._folds.__getitem__, map(_TEXT, tokens)))
    heads = _cue_heads(lows, lex)
    if not heads and sentences is None:
        return ()  # the built-in segmentation cuts no word: no sentence can hold a cue
    spans = sentences_of(doc, sentences)
    starts = [sent.span.start for sent in spans]
    wanted: set[int] = set()
    for offset in map(token_starts.__getitem__, heads):
        k = bisect.bisect_right(starts, offset) - 1
        if k >= 0 and offset < spans[k].span.end:
            wanted.add(k)
    # the document tokens of each given sentence (its edges), found once for the test
    # below and again for its tokens; the built-in segmentation asks for the visited alone
    edges: list[tuple[int, int] | None] = []
    if sentences is not None:
        edges = [_token_range(sent.span, tokens, token_starts) for sent in spans]
        # a sentence cut inside a word has a first or last token of its own: visit it
        wanted.update(itertools.compress(range(len(edges)), map(operator.not_, edges)))
    ctx = _Context(doc, quotes or (), chains)
    whole = _DocTokens(tokens, token_starts, lows, heads)
    found: list[Stance] = []
    seen: set[tuple[int, int, int, str]] = set()
    for k in sorted(wanted):
        s = _visited(doc, spans[k], lex, whole, edges[k] if edges else _ASK)
        for result in _sentence_stances(ctx, s):
            for holder in result.holders:
                key = (result.cue.start, result.target.start, result.target.end, holder.name)
                if key in seen:
                    continue
                seen.add(key)
                found.append(Stance(holder=holder, target=result.target,
                                    polarity=result.polarity, cue=result.cue, rule=result.rule))
    found.sort(key=lambda st: (st.cue.start if st.cue else st.target.start, st.target.start))
    return tuple(found)


def _cue_heads(lows: Sequence[str], lex: Lexicon) -> list[int]:
    """The indices of the document's tokens (:func:`geopol.actors.tokenize`; *lows* are
    their case-folded texts) that are the first word of a cue form, in order, found
    without a Python step per token.

    Only a sentence that holds one can give a stance. In a sentence that begins and ends at
    token edges (:func:`_token_range`), the stance rules' own tokens (:func:`_tokens`) are
    these tokens, or runs of them joined by a comma between digits or by a hyphen before a
    space; a cue word that holds no comma and does not end in a hyphen (none of the
    packaged ones does) is therefore one of these tokens wherever the rules see it
    (tests/test_stance.py checks both).
    """
    return list(itertools.compress(range(len(lows)), map(lex._heads.__contains__, lows)))


def _outer_negation(s: _Sentence, i: int) -> bool:
    """``Het is niet zo dat ...``: a negated frame around the cue's clause."""
    start, opened = s.clause_start(i)
    intro = start - 1
    return (opened == "sub" and s.low(intro) == "dat" and s.low(intro - 1) == "zo"
            and s.is_negator(intro - 2))


def _sentence_stances(ctx: _Context, s: _Sentence) -> Iterator[_Found]:
    # Only a token that begins a cue form can start a stance, and most tokens begin
    # none: visit those alone (s.cue_at), skipping the ones a cue has taken.
    i = 0
    for k in s.cue_at:
        if k < i:
            continue
        i = k
        for entry, form in s.lex.cues_at(s.lows[i]):
            end = _cue_matches(s, i, form)
            if end is None:
                continue
            try:
                results = list(_RULES[entry.kind](ctx, s, i, end, entry, form))
            except (ValueError, IndexError):  # odd text drops the candidate, never the document
                results = []
            if results:
                if _outer_negation(s, i):
                    results = [r._replace(polarity=_polarity(r.polarity, 1)) for r in results]
                yield from results
                i = end
                break
