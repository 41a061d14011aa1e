"""Who is who in a document: actor mentions, chains and the packaged actor data.

The quote extractor (:mod:`geopol.quotes`) and the stance extractor use this
module to turn the words that name a source or holder into an
:class:`~geopol.model.Actor`, so that ``Poetin``, ``president Poetin`` and
``Vladimir Poetin`` are one actor, ``hij`` stands for its antecedent, and
``Moskou`` or ``het Kremlin`` speak for Russia's government.

The API, from the data to one document:

* :func:`default_lexicon` / :func:`load_lexicon`: the packaged actor data
  (``actors.tsv``, ``titles.txt``, ``pronouns.tsv`` ... in ``geopol/data/nl``),
  optionally extended with a user's own ``actors.tsv``-shaped file.
  :meth:`ActorLexicon.lookup` finds an entry by any of its names,
  :meth:`ActorLexicon.country_of_adjective` maps ``Russische`` to Russia.
* :func:`parse_phrase`: the actor phrase that starts at an offset
  (``de Oekraïense president Volodymyr Zelensky``, ``een woordvoerder van de VNG``,
  ``hij``, ``de minister``, ``diplomaten``), split into its parts:
  titles and articles stripped from the name, the affiliation read from an
  adjective (``Oekraïense president``), a title prefix (``Kremlinwoordvoerder``)
  or a ``van`` phrase (``secretaris-generaal ... van de NAVO``).
* :func:`find_mentions`: every actor mention of a document in text order
  (names, gazetteer entries, country adjectives, pronouns, first person),
  as :class:`ActorMention` records.
* :class:`ActorResolver` (built with :func:`resolver`): the chains of one
  document. :meth:`ActorResolver.resolve_phrase` and :meth:`ActorResolver.resolve_at`
  give the :class:`~geopol.model.Actor` of a phrase, with surnames and
  descriptions (``de minister``) resolved to the fullest name in the document
  and pronouns (``hij``, ``ze``, ``volgens haar``) to their antecedent;
  :meth:`ActorResolver.first_person` maps ``ik``, ``wij``, ``we`` inside a quote
  to the quote's speaker.

>>> from geopol.model import Document
>>> text = "De Russische president Vladimir Poetin sprak. Poetin zei dat hij wil praten."
>>> doc = Document(id="d", text=text)
>>> found = resolver(doc)
>>> actor = found.resolve_at(doc.text.index("Poetin zei"))
>>> actor.name, actor.id, actor.affiliation
('Vladimir Poetin', 'Q7747', 'Rusland')
>>> found.resolve_at(doc.text.index("hij")).name
'Vladimir Poetin'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Literal, NamedTuple, get_args

import attrs
import regex

from geopol._word_answers import WordAnswers, remember
from geopol.data import read_list, read_table, read_table_file
from geopol.errors import DataFileError
from geopol.model import Actor, ActorKind, Document, Quote, Span
from geopol.text.plain import is_plain

__all__ = [
    "ActorEntry",
    "ActorLexicon",
    "ActorMention",
    "ActorPhrase",
    "ActorResolver",
    "MentionKind",
    "PhraseKind",
    "Refers",
    "Tok",
    "default_lexicon",
    "find_mentions",
    "load_lexicon",
    "parse_phrase",
    "phrase_from_tokens",
    "resolver",
    "tokenize",
]

Refers = Literal["person", "person_or_group", "group", "first"]
"""What a pronoun may stand for (column ``refers`` of ``pronouns.tsv``)."""

MentionKind = Literal["name", "pronoun", "first_person", "adjective", "description", "noun"]
"""How a mention refers: a name, a pronoun, ``ik``/``wij``, a country adjective,
a title alone (``de minister``), or a common noun (``de oppositie``)."""

PhraseKind = Literal["name", "pronoun", "description", "noun"]
"""The head of an :class:`ActorPhrase`."""

_ACTOR_KINDS = frozenset(get_args(ActorKind))


# -- the data -----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ActorEntry:
    """One row of ``actors.tsv``: a known actor.

    Attributes:
        key: stable lower-case key (``rusland``), used by other rows' affiliation.
        name: the canonical Dutch name (``Rusland``, ``Vladimir Poetin``).
        kind: person, organisation, country, group or other.
        qid: Wikidata QID when known for certain, else ``None``.
        affiliation: key of the country or organisation the actor speaks for, or ``None``.
        aliases: other names and spellings (``Poetin``, ``Putin``).
        adjectives: adjectives that point to the actor (``Russisch``, ``Russische``).

    .. versionadded:: 0.1.0
    """

    key: str
    name: str
    kind: ActorKind
    qid: str | None = None
    affiliation: str | None = None
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()


def _frozen_map(value: Mapping[str, ActorEntry]) -> Mapping[str, ActorEntry]:
    return MappingProxyType(dict(value))


@attrs.frozen(kw_only=True)
class ActorLexicon:
    """Everything the actor layer knows about Dutch, as immutable values.

    Build one with :func:`default_lexicon` or :func:`load_lexicon`; pass your own to
    :func:`find_mentions`, :func:`parse_phrase` and :func:`resolver`.

    .. versionadded:: 0.1.0
    """

    entries: tuple[ActorEntry, ...]
    titles: frozenset[str]
    pronouns: Mapping[str, Refers]
    actor_nouns: frozenset[str]
    modifiers: frozenset[str]
    portfolios: tuple[str, ...]
    particles: frozenset[str]
    stopwords: frozenset[str]
    suffixes: frozenset[str] = frozenset()
    """Abbreviations after a personal name, without their period (``jr``)."""
    by_name: Mapping[str, ActorEntry] = attrs.field(converter=_frozen_map, repr=False)
    by_adjective: Mapping[str, ActorEntry] = attrs.field(converter=_frozen_map, repr=False)
    by_key: Mapping[str, ActorEntry] = attrs.field(converter=_frozen_map, repr=False)
    title_pattern: regex.Pattern[str] = attrs.field(repr=False, eq=False)
    noun_pattern: regex.Pattern[str] = attrs.field(repr=False, eq=False)
    lower_triggers: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    portfolio_index: Mapping[str, tuple[tuple[str, ...], ...]] = attrs.field(
        init=False, repr=False, eq=False
    )
    """The words of each portfolio, by first word, longest first (as in :attr:`portfolios`)."""
    _portfolio_ends: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    """The last word of each portfolio (``Zaken``)."""
    # Answers per word, filled on first use: the phrase and mention rules ask the same
    # questions about the same words many times per document. Each holds at most
    # MAX_WORDS words (geopol._word_answers), so memory stays flat over any corpus.
    _lookups: dict[str, ActorEntry | None] = attrs.field(
        factory=dict, init=False, repr=False, eq=False
    )
    _titles: WordAnswers[bool] = attrs.field(init=False, repr=False, eq=False)
    """Whether a word is a title (:meth:`is_title`), by word."""
    _nouns: WordAnswers[bool] = attrs.field(init=False, repr=False, eq=False)
    """Whether a word is an actor noun (:meth:`is_actor_noun`), by word."""
    _name_words: WordAnswers[bool] = attrs.field(init=False, repr=False, eq=False)
    """Whether a word may be part of a name (:func:`_name_word_rule`), by word."""
    _adjectives: WordAnswers[bool] = attrs.field(init=False, repr=False, eq=False)
    """Whether a word may stand before a phrase's head (:func:`_adjective_rule`), by word."""
    _begins_mention: WordAnswers[bool] = attrs.field(init=False, repr=False, eq=False)
    """Whether a word may begin a mention (:meth:`_may_begin_mention`), by word."""
    _start_roles: WordAnswers[_StartRole] = attrs.field(init=False, repr=False, eq=False)
    """What a mention that begins with a word is (:func:`_start_role`), by word."""
    _name_goes_on: WordAnswers[bool] = attrs.field(init=False, repr=False, eq=False)
    """Whether a name run may go on with a word (:func:`_name_may_go_on`), by word."""
    _title_ends: WordAnswers[bool] = attrs.field(init=False, repr=False, eq=False)
    """Whether a title may end with a word (:meth:`_may_end_title`), by word."""
    _name_roles: WordAnswers[tuple[MentionKind, ActorEntry | None]] = attrs.field(
        init=False, repr=False, eq=False)
    """The kind and entry of a name run's mention (:func:`_name_role`), by name."""

    def __attrs_post_init__(self) -> None:
        triggers = frozenset(self.by_adjective) | frozenset(self.pronouns)
        object.__setattr__(self, "lower_triggers", triggers)
        object.__setattr__(self, "_begins_mention", WordAnswers(self._may_begin_mention))
        object.__setattr__(self, "_start_roles",
                           WordAnswers(functools.partial(_start_role, lex=self)))
        object.__setattr__(self, "_title_ends", WordAnswers(self._may_end_title))
        object.__setattr__(self, "_name_goes_on",
                           WordAnswers(functools.partial(_name_may_go_on, lex=self)))
        object.__setattr__(self, "_name_roles",
                           WordAnswers(functools.partial(_name_role, lex=self)))
        object.__setattr__(self, "_titles", WordAnswers(self._title_rule))
        object.__setattr__(self, "_nouns", WordAnswers(self._noun_rule))
        object.__setattr__(self, "_name_words",
                           WordAnswers(functools.partial(_name_word_rule, lex=self)))
        object.__setattr__(self, "_adjectives",
                           WordAnswers(functools.partial(_adjective_rule, lex=self)))
        index: dict[str, list[tuple[str, ...]]] = {}
        for portfolio in self.portfolios:
            words = tuple(portfolio.split())
            if words:
                index.setdefault(words[0], []).append(words)
        object.__setattr__(self, "portfolio_index",
                           MappingProxyType({k: tuple(v) for k, v in index.items()}))
        object.__setattr__(self, "_portfolio_ends",
                           frozenset(words[-1] for v in index.values() for words in v))

    def lookup(self, name: str) -> ActorEntry | None:
        """The entry one of whose names is *name* (case-insensitive; articles ignored).

        >>> default_lexicon().lookup("het Kremlin").affiliation
        'rusland'
        """
        try:
            return self._lookups[name]
        except KeyError:
            pass
        key = _fold(name)
        for article in ("de ", "het ", "'t "):
            if key.startswith(article):
                key = key[len(article):]
        found = self.by_name.get(key)
        remember(self._lookups, name, found)
        return found

    def country_of_adjective(self, word: str) -> ActorEntry | None:
        """The country (or other actor) an adjective points to.

        >>> default_lexicon().country_of_adjective("Russische").name
        'Rusland'
        """
        return self.by_adjective.get(word.casefold())

    def affiliation_of(self, entry: ActorEntry) -> ActorEntry | None:
        """The entry *entry* speaks for (``Kremlin`` -> ``Rusland``), following one link."""
        return None if entry.affiliation is None else self.by_key.get(entry.affiliation)

    def is_title(self, word: str) -> bool:
        """Whether *word* is a title or function (``minister``, ``Kremlinwoordvoerder``,
        ``VN-secretaris-generaal``): listed in ``titles.txt``, or a compound ending in an entry.

        >>> default_lexicon().is_title("Kremlinwoordvoerder")
        True
        """
        return self._titles[word]

    def _title_rule(self, word: str) -> bool:
        """:meth:`is_title`, asked once per word (:attr:`_titles`)."""
        low = _fold(word)
        return low in self.titles or self.title_pattern.fullmatch(low) is not None

    def _may_end_title(self, word: str) -> bool:
        """Whether a title written before a name (:func:`_title_before`) may end with
        *word*: a title, or the last word of a portfolio (``minister van Buitenlandse
        Zaken``)."""
        return self._titles[word] or word in self._portfolio_ends

    def _may_begin_mention(self, word: str) -> bool:
        """Whether a mention may begin with *word*: a country adjective, a pronoun or the
        first word of a name (its :func:`_start_role`). A stop word or title, or a
        lower-case word that is no trigger, begins none: the scan passes over it."""
        role = self._start_roles[word]
        return role.adjective is not None or role.then in _OPENING_ROLES

    def is_actor_noun(self, word: str) -> bool:
        """Whether *word* is a common noun naming a group or body (``diplomaten``,
        ``kiescommissie``)."""
        return self._nouns[word]

    def _noun_rule(self, word: str) -> bool:
        """:meth:`is_actor_noun`, asked once per word (:attr:`_nouns`)."""
        low = _fold(word)
        return low in self.actor_nouns or self.noun_pattern.fullmatch(low) is not None


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split())


def _suffix_pattern(words: Iterable[str], prefix: int, shortest: int) -> regex.Pattern[str]:
    """A pattern for compounds that end in one of *words*: ``Kremlinwoordvoerder``,
    ``VN-secretaris-generaal`` (at least *prefix* characters or a hyphen before the word,
    and only words of at least *shortest* characters)."""
    parts = sorted((regex.escape(w) for w in words if len(w) >= shortest and " " not in w),
                   key=len, reverse=True)
    return regex.compile(rf"(?:.{{{prefix},}}|.*-)(?:{'|'.join(parts) or '(?!)'})")


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _entries(rows: Iterable[Mapping[str, str]], where: str) -> list[ActorEntry]:
    entries = []
    for number, row in enumerate(rows, start=1):
        kind = row.get("kind", "")
        if kind not in _ACTOR_KINDS:
            raise DataFileError(
                f"row {number} ({row.get('key')!r}): kind must be one of "
                f"{sorted(_ACTOR_KINDS)}, got {kind!r}",
                path=where,
            )
        if not row.get("key") or not row.get("name"):
            raise DataFileError(f"row {number}: key and name must not be empty", path=where)
        entries.append(
            ActorEntry(
                key=row["key"],
                name=row["name"],
                kind=kind,  # type: ignore[arg-type]  # checked against ActorKind just above
                qid=row.get("qid") or None,
                affiliation=row.get("affiliation") or None,
                aliases=_split(row.get("aliases", "")),
                adjectives=_split(row.get("adjectives", "")),
            )
        )
    return entries


def _build(entries: Sequence[ActorEntry]) -> ActorLexicon:
    by_key: dict[str, ActorEntry] = {}
    by_name: dict[str, ActorEntry] = {}
    by_adjective: dict[str, ActorEntry] = {}
    for entry in entries:  # later entries (a user's file) override earlier ones
        old = by_key.get(entry.key)
        if old is not None:
            for name in (old.name, *old.aliases):
                by_name.pop(_fold(name), None)
        by_key[entry.key] = entry
        for name in (entry.name, *entry.aliases):
            by_name[_fold(name)] = entry
        for adjective in entry.adjectives:
            by_adjective[_fold(adjective)] = entry
    for entry in by_key.values():
        if entry.affiliation is not None and entry.affiliation not in by_key:
            raise DataFileError(
                f"actor {entry.key!r} is affiliated with unknown key {entry.affiliation!r}",
                path="actors.tsv",
            )
    pronouns: dict[str, Refers] = {}
    for row in read_table("pronouns.tsv"):
        refers = row["refers"]
        if refers not in get_args(Refers):
            raise DataFileError(f"pronoun {row['pronoun']!r}: unknown refers {refers!r}",
                                path="pronouns.tsv")
        pronouns[row["pronoun"]] = refers  # type: ignore[assignment]  # checked above
    titles = frozenset(_fold(t) for t in read_list("titles.txt"))
    nouns = frozenset(_fold(n) for n in read_list("actor_nouns.txt"))
    return ActorLexicon(
        title_pattern=_suffix_pattern(titles, 3, 4),
        noun_pattern=_suffix_pattern(nouns, 3, 1),
        entries=tuple(by_key.values()),
        titles=titles,
        pronouns=MappingProxyType(pronouns),
        actor_nouns=nouns,
        modifiers=frozenset(_fold(m) for m in read_list("actor_modifiers.txt")),
        portfolios=tuple(sorted(read_list("portfolios.txt"), key=len, reverse=True)),
        particles=frozenset(read_list("name_particles.txt")),
        stopwords=frozenset(read_list("name_stopwords.txt")),
        suffixes=frozenset(read_list("name_suffixes.txt")),
        by_name=by_name,
        by_adjective=by_adjective,
        by_key=by_key,
    )


@functools.cache
def default_lexicon() -> ActorLexicon:
    """The packaged actor data, read once and cached.

    >>> default_lexicon().lookup("Zelenski").name
    'Volodymyr Zelensky'

    .. versionadded:: 0.1.0
    """
    return _build(_entries(read_table("actors.tsv"), "actors.tsv"))


def load_lexicon(*paths: str | os.PathLike[str]) -> ActorLexicon:
    """The packaged actor data extended (or overridden, key by key) by your own files.

    Each file has the columns of ``actors.tsv`` (see ``docs/actors.rst``).

    Raises:
        DataFileError: when a file is malformed.

    .. versionadded:: 0.1.0
    """
    entries = list(default_lexicon().entries)
    for path in paths:
        entries += _entries(read_table_file(path), os.fspath(path))
    return _build(entries)


# -- tokens -------------------------------------------------------------------------------------


class Tok(NamedTuple):
    """A word or punctuation mark with its offsets into the document text."""

    start: int
    end: int
    text: str


_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]++(?:['’\-.][\p{L}\p{M}\p{N}]++)*+|\S")
_TOKEN_SPLIT = regex.compile(f"({_TOKEN.pattern})")
# The standard library's re splits a text about twice as fast as regex. On plain text
# (geopol.text.plain), the class _PLAIN_WORD and \S class every character as regex's
# [\p{L}\p{M}\p{N}] and \S do (tests/test_actors.py checks each one), so its split is the
# same. _PLAIN_WORD lists the letters and digits of that repertoire by range: re tests a
# range faster than a category.
_PLAIN_WORD = (r"[0-9A-Za-z\u00aa\u00b2\u00b3\u00b5\u00b9\u00ba\u00bc-\u00be\u00c0-\u00d6"
               r"\u00d8-\u00f6\u00f8-\u017f]")
_PLAIN_TOKEN_SPLIT = re.compile(rf"({_PLAIN_WORD}++(?:['’\-.]{_PLAIN_WORD}++)*+|\S)")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """Words and punctuation marks of ``text[start:end]``, offsets into *text*.

    >>> [t.text for t in tokenize("Kremlinwoordvoerder Peskov zei: 'nee'.")]
    ['Kremlinwoordvoerder', 'Peskov', 'zei', ':', "'", 'nee', "'", '.']
    """
    if start == 0 and end is None:
        return _whole_text_tokens(text)[0]
    stop = len(text) if end is None else end
    return [Tok(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, stop)]


def _whole_text_tokens(text: str) -> tuple[list[Tok], list[int]]:
    """:func:`tokenize` over a whole text, without a Python step per token, and the
    tokens' start offsets."""
    tokens, starts, _ = _whole_text_split(text)
    return tokens, starts


def _whole_text_split(text: str) -> tuple[list[Tok], list[int], list[str]]:
    """:func:`_whole_text_tokens`, and the tokens' texts (for scans of every token in C).

    Splitting on the token pattern (in a group) gives whitespace and tokens in turn;
    the running sum of their lengths gives the offsets, and ``tuple.__new__`` mapped
    over the columns builds the tokens in C.
    """
    split = _PLAIN_TOKEN_SPLIT.split if is_plain(text) else _TOKEN_SPLIT.split
    pieces = split(text)  # space, token, space, token, ..., space
    offsets = list(itertools.accumulate(map(len, pieces), initial=0))
    starts = offsets[1:-1:2]
    words = pieces[1::2]
    columns = zip(starts, offsets[2::2], words, strict=True)
    return list(map(tuple.__new__, itertools.repeat(Tok), columns)), starts, words


_AGE = regex.compile(r"\d+-jarige?")


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _is_name_word(word: str, lex: ActorLexicon) -> bool:
    """Whether *word* may be part of a name (the rules ask ``lex._name_words[word]``)."""
    return lex._name_words[word]


def _name_word_rule(word: str, lex: ActorLexicon) -> bool:
    """Capitalised, with a letter, and no stop word: a word that may be part of a name."""
    return _is_cap(word) and any(c.isalpha() for c in word) and (
        word.casefold() not in lex.stopwords)


def _name_may_go_on(word: str, lex: ActorLexicon) -> bool:
    """Whether a name run (:func:`_name_run`) may take *word* after one space: a name
    word, a particle (``van``, ``der``) or a suffix (``jr``). Asked once per word
    (``lex._name_goes_on``)."""
    return lex._name_words[word] or word.casefold() in lex.particles or word in lex.suffixes


def _adjective_rule(word: str, lex: ActorLexicon) -> bool:
    """Whether *word* may stand before the head of a phrase (a modifier, a country
    adjective, an age): asked once per word (``lex._adjectives``)."""
    low = word.casefold()
    if low in lex.modifiers or low.startswith(("oud-", "ex-", "pro-")):
        return True
    if low in lex.by_adjective:
        return not _is_cap(word) or low.endswith("e")  # "Frans Timmermans": a first name
    if _is_cap(word):
        return low.endswith(("se", "sche")) and len(low) > 4
    if low.endswith("e") and len(low) > 3 and low not in lex.stopwords:
        return not lex.is_actor_noun(low) and not lex.is_title(low)
    return _AGE.fullmatch(low) is not None


# -- phrases ------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ActorPhrase:
    """An actor phrase as written, split into its parts.

    Attributes:
        span: the whole phrase (article, title, name, ``van`` phrase, parenthesis).
        kind: ``name`` (a proper name), ``pronoun``, ``description`` (a title alone:
            ``de minister``) or ``noun`` (a common noun: ``de oppositie``).
        name: the phrase's name with articles and titles stripped
            (``Volodymyr Zelensky``, ``Belarussische autoriteiten``, ``VNG`` for
            ``een woordvoerder van de VNG``); the pronoun or title for those kinds.
        name_span: where :attr:`name` stands in the text.
        title: the last title or function word (``president``), if any.
        affiliation: the actor the phrase says it belongs to (from an adjective
            before a title, a title prefix, or a ``van`` phrase), if any.

    .. versionadded:: 0.1.0
    """

    span: Span
    kind: PhraseKind
    name: str
    name_span: Span
    title: str | None = None
    affiliation: ActorEntry | None = None


def _portfolio_at(tokens: Sequence[Tok], i: int, lex: ActorLexicon) -> int:
    """Number of tokens of a portfolio (``Buitenlandse Zaken``) starting at *i*, or 0."""
    if i >= len(tokens):
        return 0
    first = tokens[i].text
    candidates = lex.portfolio_index.get(first)
    if candidates is None or not _is_cap(first):
        return 0
    for words in candidates:
        if tuple(t.text for t in tokens[i : i + len(words)]) == words:
            return len(words)
    return 0


def _name_run(tokens: Sequence[Tok], i: int, lex: ActorLexicon) -> int:
    """End index of a run of name words starting at *i* (particles inside allowed)."""
    j = i
    n = len(tokens)
    is_name_word = lex._name_words  # the kept answers of _name_word_rule, by word
    if j >= n or not is_name_word[tokens[j].text]:
        return i
    j += 1
    while j < n:
        word = tokens[j].text
        if tokens[j].start - tokens[j - 1].end != 1:  # text_gap(tokens, j) != " "
            break
        if is_name_word[word]:
            j += 1
            continue
        # particles: "Eric van der Burg", "Raad van Europa", "Bart De Wever"
        k = j
        while (k < n and tokens[k].text.casefold() in lex.particles and k - j < 3
               and text_gap(tokens, k + 1) == " "):
            k += 1
        if k > j and k < n and is_name_word[tokens[k].text]:
            capitals = sum(1 for t in tokens[i:j] if is_name_word[t.text])
            if capitals > 1 or lex.lookup(tokens[i].text) is not None:
                break
            if _portfolio_at(tokens, k, lex):
                break
            j = k + 1
            continue
        break
    # "Ferdinand Marcos jr.": a suffix and its period belong to the name
    if (j + 1 < n and tokens[j].text in lex.suffixes and j > i and tokens[j + 1].text == "."
            and text_gap(tokens, j) == " " and tokens[j + 1].start == tokens[j].end):
        j += 2
    return j


def text_gap(tokens: Sequence[Tok], j: int) -> str:
    """What stands between token *j - 1* and token *j*: ``" "`` for one plain space."""
    if j <= 0 or j >= len(tokens):
        return ""
    return " " if tokens[j].start - tokens[j - 1].end == 1 else "?"


def _affiliation_from_word(word: str, lex: ActorLexicon) -> ActorEntry | None:
    """``Kremlinwoordvoerder`` -> Kremlin, ``NAVO-topman`` -> NAVO, ``Russische`` -> Rusland."""
    entry = lex.country_of_adjective(word)
    if entry is not None:
        return entry
    if "-" in word:
        return lex.lookup(word.split("-", 1)[0])
    for size in range(len(word) - 4, 1, -1):
        prefix = word[:size]
        if _is_cap(prefix) and lex.is_title(word[size:]):
            entry = lex.lookup(prefix)
            if entry is not None:
                return entry
    return None


def _phrase_from_tokens(
    text: str, tokens: Sequence[Tok], i: int, lex: ActorLexicon, *, loose: bool
) -> tuple[ActorPhrase, int] | None:
    n = len(tokens)
    if i >= n:
        return None
    first = tokens[i].text
    refers = lex.pronouns.get(first.casefold())
    if refers is not None and refers != "first" and first.casefold() not in ("zijn", "hun"):
        span = Span(tokens[i].start, tokens[i].end)
        return ActorPhrase(span=span, kind="pronoun", name=first, name_span=span), i + 1
    j = i
    if first.casefold() in ("de", "het", "een", "'t", "zijn", "haar", "hun"):
        j += 1
    title: str | None = None
    affiliation: ActorEntry | None = None
    modifiers_start = j
    pending_adjective: ActorEntry | None = None
    # the lexicon's kept answers, by word
    is_title, is_noun, is_adjective = lex._titles, lex._nouns, lex._adjectives
    while j < n:
        word = tokens[j].text
        if is_title[word] and not (_is_cap(word) and lex.lookup(word) is not None) and not (
            # "de Wereldmeteorologische Organisatie": a capitalised title after a capitalised
            # adjective is part of a name
            _is_cap(word) and j > modifiers_start and _is_cap(tokens[j - 1].text)
        ):
            title = word
            if pending_adjective is not None:
                affiliation = pending_adjective
            prefix = _affiliation_from_word(word, lex)
            if prefix is not None:
                affiliation = prefix
            j += 1
            # "minister van Buitenlandse Zaken", "staatssecretaris voor Asiel en Migratie"
            if j < n and tokens[j].text in ("van", "voor"):
                size = _portfolio_at(tokens, j + 1, lex)
                if size:
                    j += 1 + size
            continue
        if is_adjective[word] and j + 1 < n:
            nxt = tokens[j + 1].text
            # an adjective stands before more of the phrase ("maakte bekend" is no phrase)
            if (nxt[:1].isalpha() or nxt[:1].isdigit()) and (
                loose or _is_cap(nxt) or is_title[nxt] or is_noun[nxt] or is_adjective[nxt]
            ):
                adjective_entry = lex.country_of_adjective(word)
                if adjective_entry is not None:
                    pending_adjective = adjective_entry
                j += 1
                continue
        break
    if j >= n:
        return None
    head_start = j
    name_end = _name_run(tokens, j, lex)
    kind: PhraseKind
    if name_end > j:
        kind = "name"
        # keep "Europese" in "de Europese Commissie" when no title stands between
        name_first = j if title is not None else modifiers_start
        end = name_end
    elif is_noun[tokens[j].text] or (
        loose and title is None and tokens[j].text[:1].islower() and tokens[j].text.isalpha()
        and tokens[j].text.casefold() not in lex.stopwords
    ):
        kind = "noun"
        name_first = modifiers_start
        end = j + 1
        # apposition: "persbureau Reuters" is handled as a title; "netbeheerders" alone stays
        follow = _name_run(tokens, end, lex)
        if follow > end and tokens[end].start - tokens[end - 1].end <= 1:
            kind, name_first, end = "name", end, follow
    elif title is not None:
        kind = "description"
        name_first = j - 1
        end = j
    elif loose and j > modifiers_start and tokens[j - 1].text[:1].islower() and (
        not tokens[j].text.isalpha() or tokens[j].text.casefold() in lex.stopwords
    ):
        # a nominalised adjective as head: "vertelde een overlevende aan ...", "aldus de gewonde"
        kind = "noun"
        name_first = j - 1
        end = j
    else:
        return None
    # "van"/"voor" phrase: "ministerie van Defensie", "woordvoerder van de VNG"
    pp_entry: ActorEntry | None = None
    pp_start = pp_end = -1
    size_is_portfolio = False
    if end < n and tokens[end].text in ("van", "voor"):
        size = _portfolio_at(tokens, end + 1, lex)
        size_is_portfolio = size > 0
        k = end + 1
        if size:
            pp_start, pp_end = k, k + size
            k += size
        else:
            if k < n and tokens[k].text.casefold() in ("de", "het"):
                k += 1
            while k < n and is_adjective[tokens[k].text] and k + 1 < n:
                k += 1
            run = _name_run(tokens, k, lex)
            if run == k and k < n and is_noun[tokens[k].text]:
                run = k + 1
                # "het ministerie van Defensie" inside the van-phrase
                more = _portfolio_at(tokens, run + 1, lex) if run + 1 < n else 0
                if more and tokens[run].text == "van":
                    run += 1 + more
            if run > k:
                pp_start, pp_end = k, run
                pp_entry = lex.lookup(text[tokens[k].start : tokens[run - 1].end])
        if pp_end > 0:
            if kind in ("name",) and title is not None and not size:
                affiliation = pp_entry or affiliation
            end = pp_end
        else:
            pp_start = -1
    phrase_end = end
    # a short parenthesis: "Minister Kajsa Ollongren (Defensie)", "(VNG)"
    if phrase_end < n and tokens[phrase_end].text == "(":
        for k in range(phrase_end + 1, min(n, phrase_end + 7)):
            if tokens[k].text == ")":
                phrase_end = k + 1
                break
    span = Span(tokens[i].start, tokens[phrase_end - 1].end)
    if kind == "description" and pp_start >= 0 and not size_is_portfolio:
        # an unnamed spokesperson speaks for the organisation: "een woordvoerder van Shell"
        name_span = Span(tokens[pp_start].start, tokens[pp_end - 1].end)
        return (
            ActorPhrase(span=span, kind="name", name=text[name_span.start : name_span.end],
                        name_span=name_span, title=title, affiliation=affiliation),
            phrase_end,
        )
    if kind == "description":
        name_tok = tokens[name_first]
        return (
            ActorPhrase(span=span, kind=kind, name=name_tok.text,
                        name_span=Span(name_tok.start, name_tok.end), title=title,
                        affiliation=affiliation),
            phrase_end,
        )
    # an unnamed spokesperson speaks for the organisation: "een woordvoerder van de VNG"
    if kind == "noun" and pp_start >= 0 and is_title[tokens[head_start].text]:
        name_first, end = pp_start, pp_end
    elif kind == "name" and title is not None and pp_start >= 0 and pp_entry is None:
        end = name_end  # "Minister Hoekstra van Buitenlandse Zaken" -> Hoekstra
    elif kind == "name" and pp_start >= 0 and pp_entry is not None and title is not None:
        end = name_end
    name_span = Span(tokens[name_first].start, tokens[end - 1].end)
    if kind == "noun" and pp_start < 0 and affiliation is None and pending_adjective is not None:
        affiliation = pending_adjective
    return (
        ActorPhrase(span=span, kind=kind, name=text[name_span.start : name_span.end],
                    name_span=name_span, title=title, affiliation=affiliation),
        phrase_end,
    )


def phrase_from_tokens(
    text: str, tokens: Sequence[Tok], index: int = 0, *, lexicon: ActorLexicon | None = None,
    loose: bool = False,
) -> ActorPhrase | None:
    """:func:`parse_phrase` over tokens you have already (``tokens[index]`` begins the phrase);
    the phrase never runs past the last token given."""
    found = _phrase_from_tokens(text, tokens, index, lexicon or default_lexicon(), loose=loose)
    return None if found is None else found[0]


def parse_phrase(
    text: str,
    start: int,
    *,
    end: int | None = None,
    lexicon: ActorLexicon | None = None,
    loose: bool = False,
) -> ActorPhrase | None:
    """The actor phrase that begins at *start*, or ``None`` when none begins there.

    Args:
        text: the document text.
        start: where the phrase should begin (leading spaces are skipped).
        end: where to stop looking (a sentence end), the end of *text* by default.
        lexicon: actor data, :func:`default_lexicon` by default.
        loose: also accept any lower-case noun as head (after ``volgens`` or ``aldus``,
            where a source must follow: ``volgens diplomaten``).

    >>> parse_phrase("zei de Oekraïense president Volodymyr Zelensky in Kyiv.", 4).name
    'Volodymyr Zelensky'
    >>> parse_phrase("zei een woordvoerder van de VNG.", 4).name
    'VNG'

    .. versionadded:: 0.1.0
    """
    lex = lexicon or default_lexicon()
    stop = len(text) if end is None else end
    tokens = tokenize(text, start, min(stop, start + 160))
    found = _phrase_from_tokens(text, tokens, 0, lex, loose=loose)
    return None if found is None else found[0]


# -- mentions -----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ActorMention:
    """One place where a document refers to an actor.

    Attributes:
        span: the words that refer (``Poetin``, ``hij``, ``Russische``).
        kind: how they refer (see :data:`MentionKind`).
        text: the words as written.
        entry: the packaged actor they name, when known (for an adjective: the country).
        title: a title written right before a name (``president``), if any.

    .. versionadded:: 0.1.0
    """

    span: Span
    kind: MentionKind
    text: str
    entry: ActorEntry | None = None
    title: str | None = None


class _Found(NamedTuple):
    """An :class:`ActorMention` as a plain tuple: what :func:`find_mentions` finds.

    The resolver reads its chains from these and builds the :class:`ActorMention`
    records only when asked for them (:attr:`ActorResolver.mentions`): a tuple costs a
    fifth of the two attrs records (mention and span), and most documents never ask.
    """

    start: int
    end: int
    kind: MentionKind
    text: str
    entry: ActorEntry | None = None
    title: str | None = None


_found = functools.partial(tuple.__new__, _Found)
"""A :class:`_Found` from the tuple of all its fields, built in C: the scan builds dozens
per document, and ``_Found(...)`` runs a ``__new__`` written in Python that costs twice
as much."""


def _mention(found: _Found) -> ActorMention:
    """The :class:`ActorMention` of a found mention."""
    return ActorMention(span=Span(found.start, found.end), kind=found.kind, text=found.text,
                        entry=found.entry, title=found.title)


def find_mentions(
    doc: Document, *, lexicon: ActorLexicon | None = None, tokens: Sequence[Tok] | None = None
) -> tuple[ActorMention, ...]:
    """Every actor mention in *doc*, in text order.

    Names (capitalised word runs, titles and sentence-initial function words
    dropped), country adjectives, third-person pronouns and first-person pronouns.
    Pass *tokens* (from :func:`tokenize` over ``doc.text``) when you have them already.

    >>> from geopol.model import Document
    >>> doc = Document(id="d", text="De Russische president Poetin zei dat hij komt.")
    >>> [(m.kind, m.text) for m in find_mentions(doc)]
    [('adjective', 'Russische'), ('name', 'Poetin'), ('pronoun', 'hij')]

    .. versionadded:: 0.1.0
    """
    text = doc.text
    if tokens is None:
        tokens = tokenize(text)
    found = _find_mentions(text, tokens, map(_TOK_TEXT, tokens), lexicon or default_lexicon())
    return tuple(map(_mention, found))


def _find_mentions(
    text: str, tokens: Sequence[Tok], words: Iterable[str], lex: ActorLexicon
) -> list[_Found]:
    """:func:`find_mentions`, as :class:`_Found` tuples (*words*: the tokens' texts)."""
    mentions: list[_Found] = []
    kind: MentionKind
    n = len(tokens)
    # Only a country adjective, a pronoun or a name's first word can begin a mention (a
    # stop word or title that a visit would pass over is left out): find those in one
    # pass, then visit them, skipping the ones a name run has taken already.
    # The test is asked of each word once per lexicon (WordAnswers), and the scan runs in C.
    starts = itertools.compress(range(n), map(lex._begins_mention.__getitem__, words))
    roles, name_roles, may_end_title = lex._start_roles, lex._name_roles, lex._title_ends
    goes_on = lex._name_goes_on
    i = 0
    for k in starts:
        if k < i:
            continue
        i = k
        tok_start, tok_end, word = tokens[i]
        adjective, unless_name_follows, then = roles[word]
        if adjective is not None and not (
            unless_name_follows and i + 1 < n and lex._name_words[tokens[i + 1].text]
            and text_gap(tokens, i + 1) == " "  # "Frans Timmermans"
        ):
            mentions.append(_found((tok_start, tok_end, "adjective", word, adjective, None)))
        elif then == "name":
            portfolio = _portfolio_at(tokens, i, lex) if word in lex.portfolio_index else 0
            if portfolio and i > 0 and tokens[i - 1].text in ("van", "voor"):
                i += portfolio  # "minister Hoekstra van Buitenlandse Zaken": no actor
                continue
            # most names are one word: the run goes on only when a name word, a particle
            # or a suffix follows after one space (else _name_run stops right after it)
            end = i + 1
            if end < n and tokens[end].start == tok_end + 1 and goes_on[tokens[end].text]:
                end = _name_run(tokens, i, lex)
            if end > i:
                name_end = tokens[end - 1].end
                name = text[tok_start:name_end]
                kind, entry = name_roles[name]
                # a title ends right before few names: look for one only then
                title = (_title_before(tokens, i, lex)
                         if i > 0 and may_end_title[tokens[i - 1].text] else None)
                mentions.append(_found((tok_start, name_end, kind, name, entry, title)))
                i = end
                continue
        elif then == "pronoun" or then == "first_person":
            mentions.append(_found((tok_start, tok_end, then, word, None, None)))
        i += 1
    return mentions


_OPENING_ROLES = frozenset({"pronoun", "first_person", "name"})
"""The :attr:`_StartRole.then` of the words that may begin a mention of their own."""


class _StartRole(NamedTuple):
    """What a mention that begins with a word is, as far as the word alone tells."""

    adjective: ActorEntry | None
    """The country, when the word is a country adjective ..."""
    unless_name_follows: bool
    """... unless a name word follows after one space (``Frans Timmermans``)."""
    then: Literal["pronoun", "first_person", "skip", "name", "none"]
    """Otherwise: a pronoun, nothing (``skip``: a stop word or title, which ends no
    name; ``none``), or the first word of a name, if a name run begins there."""


def _start_role(word: str, lex: ActorLexicon) -> _StartRole:
    """The :class:`_StartRole` of *word*: the tests of :func:`_find_mentions` that read
    the word alone, in the same order, answered once per word and lexicon."""
    low = word.casefold()
    if word[:1].isupper() and word[:1].isalpha():
        adjective = lex.by_adjective.get(low)  # lex.country_of_adjective(word)
        refers = lex.pronouns.get(low)
        then: Literal["pronoun", "first_person", "skip", "name", "none"]
        if refers is not None:  # "Hij zei", "Wij willen"
            then = "first_person" if refers == "first" else "pronoun"
        elif low in lex.stopwords or (lex.is_title(word) and lex.lookup(word) is None):
            then = "skip"
        else:
            then = "name"
        return _StartRole(adjective, adjective is not None and not low.endswith("e"), then)
    if word not in lex.lower_triggers or not word[:1].isalpha():
        return _StartRole(None, False, "none")
    adjective = lex.country_of_adjective(word)
    if adjective is not None:
        return _StartRole(adjective, False, "none")
    refers = lex.pronouns.get(low)
    if refers is None:
        return _StartRole(None, False, "none")
    return _StartRole(None, False, "first_person" if refers == "first" else "pronoun")


def _name_role(name: str, lex: ActorLexicon) -> tuple[MentionKind, ActorEntry | None]:
    """The kind of the mention that a name run writes as *name*, and the entry it names:
    asked once per name and lexicon (``lex._name_roles``)."""
    # a name that is a pronoun opens a sentence ("Hij zei") and stays a pronoun
    refers = lex.pronouns.get(name.casefold())
    kind: MentionKind = (
        "name" if refers is None else "first_person" if refers == "first" else "pronoun")
    return kind, lex.lookup(name)


_TOK_TEXT = operator.itemgetter(2)
"""The text of a :class:`Tok`."""


def _title_before(tokens: Sequence[Tok], i: int, lex: ActorLexicon) -> str | None:
    """The title written right before the name at *i*: ``president Poetin``,
    ``minister van Buitenlandse Zaken Anthony Blinken``."""
    if i > 0 and lex._titles[tokens[i - 1].text]:
        return tokens[i - 1].text
    if i == 0 or tokens[i - 1].text not in lex._portfolio_ends:
        return None  # no portfolio ends right before the name
    for back in range(3, 7):
        if i - back >= 0 and tokens[i - back + 1].text in ("van", "voor") and (
            lex.is_title(tokens[i - back].text)
            and _portfolio_at(tokens, i - back + 2, lex) == back - 2
        ):
            return tokens[i - back].text
    return None


# -- chains -------------------------------------------------------------------------------------


def _name_key_rule(name: str) -> tuple[str, ...]:
    return tuple(_fold(name).split())


# A name's key depends on the name alone: kept for all documents, not per resolver.
_NAME_KEYS = WordAnswers(_name_key_rule)


def _name_key(name: str) -> tuple[str, ...]:
    """The case-folded words of *name* (``("anthony", "blinken")``)."""
    return _NAME_KEYS[name]


# The first character of a text, of a line, and after a final mark and a space: where a
# sentence begins, for its subject. The reference; the resolver finds the same places
# from its tokens (_sentence_start_tokens).
_SENTENCE_START = regex.compile(r"(?:^|\n|\s(?<=[.!?:]\s))\s*+(\S)")
# a final mark: where, with a line break, a gap before a sentence may begin
_FINAL_MARKS = frozenset(".!?:")


def _sentence_start_tokens(
    text: str, tokens: Sequence[Tok], starts: Sequence[int], words: Iterable[str]
) -> list[int]:
    """The indices of the tokens at which :data:`_SENTENCE_START` matches (its group):
    the first token, the first one after a line break, and the first one after a
    final mark that stands alone and is followed by a space (*words*: the tokens' texts).

    Between two tokens there is only space (every other character belongs to a token,
    and the tokenizer's ``\\S`` is the pattern's, or re's on plain text, where the two
    agree), so the pattern's ``\\s*+(\\S)`` after a line break or a mark is the next
    token, and its matches are the distinct such tokens. A final mark stands alone when
    it is a token of its own (no word ends with a mark: found by a scan of the words in
    C), and a space follows when the next token does not begin at its end; the few line
    breaks are found by ``str.find``.
    """
    n = len(tokens)
    found = {0} if n else set()
    after_marks = itertools.compress(range(1, n + 1), map(_FINAL_MARKS.__contains__, words))
    found.update(k for k in after_marks if k < n and starts[k] != tokens[k - 1].end)
    at = text.find("\n")
    while at >= 0:
        found.add(bisect.bisect_left(starts, at))
        at = text.find("\n", at + 1)
    found.discard(n)
    return sorted(found)


class _ActorFields(NamedTuple):
    """What :meth:`ActorResolver.actor_for_name` finds for a name, less the mention."""

    name: str
    id: str | None
    kind: ActorKind | None
    affiliation: str | None


class _Chains(NamedTuple):
    """A document's actor mentions and what :class:`ActorResolver` reads from its names."""

    mentions: list[_Found]
    names: list[_Found]  # the mentions of kind "name"
    fullest: dict[str, str]  # surname (last word of the key) -> fullest written name
    by_entry: dict[str, str]  # packaged entry key -> fullest written name
    titled_surnames: set[tuple[str, ...]]  # surnames introduced with a person's title


class ActorResolver:
    """The actor chains of one document: surnames, descriptions and pronouns resolved.

    Build it with :func:`resolver`. It holds no state that changes after it is built.

    .. versionadded:: 0.1.0
    """

    def __init__(
        self, doc: Document, lexicon: ActorLexicon, tokens: Sequence[Tok] | None = None
    ) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.tokens: Sequence[Tok]
        """``tokenize(doc.text)``: the quote and stance rules read the same tokens."""
        self.token_starts: list[int]
        """The start offsets of :attr:`tokens`, for bisection."""
        self._words: Sequence[str]
        """The texts of :attr:`tokens`, for scans of every token in C."""
        if tokens is None:
            self.tokens, self.token_starts, self._words = _whole_text_split(doc.text)
        else:
            self.tokens, self.token_starts = tokens, [t.start for t in tokens]
            self._words = list(map(_TOK_TEXT, tokens))
        self._found: _Chains | None = None  # see _chains
        self._mentions: tuple[ActorMention, ...] | None = None  # see mentions
        # per-name answers, filled on first use (the resolver never changes once built)
        self._fullest_of: dict[str, str] = {}
        self._actor_fields: dict[tuple[str, str | None], _ActorFields] = {}
        # pronouns' candidates, found on the first pronoun: where the sentence subjects
        # begin (:meth:`_subject_starts`) and the named persons (:meth:`_named_persons`)
        self._subjects: list[tuple[int, int]] | None = None
        self._subject_actors: dict[int, Actor | None] = {}  # see _subject_actor
        self._persons: list[tuple[int, _Found]] | None = None

    # The mentions and what is read from them are found on first use (:meth:`_chains`). A
    # document with no quote or stance candidate never needs them (28 of the 54 documents
    # of the UD Alpino newspaper text; almost none of the dense generated benchmark corpus).

    @property
    def mentions(self) -> tuple[ActorMention, ...]:
        """Every actor mention of the document (:func:`find_mentions`), in text order."""
        if self._mentions is None:
            self._mentions = tuple(map(_mention, self._chains().mentions))
        return self._mentions

    def _chains(self) -> _Chains:
        chains = self._found
        if chains is None:
            chains = self._found = self._find_chains()
        return chains

    def _find_chains(self) -> _Chains:
        mentions = _find_mentions(self.doc.text, self.tokens, self._words, self.lexicon)
        names = [m for m in mentions if m.kind == "name"]
        fullest: dict[str, str] = {}
        by_entry: dict[str, str] = {}
        key_of = _NAME_KEYS.__getitem__
        for m in names:
            key = key_of(m.text)
            if not key:
                continue
            best = fullest.get(key[-1])
            if best is None or len(key_of(best)) < len(key):
                fullest[key[-1]] = m.text
            if m.entry is not None:
                cur = by_entry.get(m.entry.key)
                if cur is None or len(key_of(cur)) < len(key):
                    by_entry[m.entry.key] = m.text
        titled = {
            key_of(m.text)[-1:] for m in names
            if m.title is not None and not self.lexicon.is_actor_noun(m.title)
        }
        return _Chains(mentions, names, fullest, by_entry, titled)

    # names

    def fullest_name(self, name: str) -> str:
        """The fullest name the document gives the actor *name* (``Blinken`` ->
        ``Anthony Blinken``); *name* itself when there is none fuller."""
        best = self._fullest_of.get(name)
        if best is None:
            best = self._fullest_of[name] = self._find_fullest(name)
        return best

    def _find_fullest(self, name: str) -> str:
        key = _NAME_KEYS[name]
        if not key:
            return name
        index = self._chains()
        best, size = name, len(key)
        # the fullest name written for the same packaged actor, then for the same surname
        entry = self.lexicon.lookup(name)
        candidate = None if entry is None else index.by_entry.get(entry.key)
        if candidate is not None and len(_NAME_KEYS[candidate]) > size:
            best, size = candidate, len(_NAME_KEYS[candidate])
        candidate = index.fullest.get(key[-1])
        if candidate is not None and len(_NAME_KEYS[candidate]) > size and (
                _NAME_KEYS[candidate][-len(key):] == key):
            best = candidate
        return best

    def actor_for_name(
        self, name: str, mention: Span | None, affiliation: ActorEntry | None = None
    ) -> Actor:
        """The :class:`~geopol.model.Actor` for a written name."""
        return _actor(self._fields_of(name, affiliation), mention)

    def _fields_of(self, name: str, affiliation: ActorEntry | None) -> _ActorFields:
        """:meth:`_fields_for_name`, found once per name and affiliation."""
        # the answer depends on the affiliation through its name only
        memo = (name, None if affiliation is None else affiliation.name)
        fields = self._actor_fields.get(memo)
        if fields is None:
            fields = self._actor_fields[memo] = self._fields_for_name(name, affiliation)
        return fields

    def _fields_for_name(self, name: str, affiliation: ActorEntry | None) -> _ActorFields:
        full = self.fullest_name(name)
        entry = self.lexicon.lookup(full) or self.lexicon.lookup(name)
        kind: ActorKind | None = None
        qid = None
        if entry is not None:
            kind, qid = entry.kind, entry.qid
            affiliation = self.lexicon.affiliation_of(entry) or affiliation
        elif any(map(self.lexicon.is_actor_noun, _NAME_KEYS[full])):
            kind = "organisation"
        elif self._person_title(full):
            kind = "person"
        elif len(_NAME_KEYS[full]) >= 2 and all(_is_cap(w) or w.islower() for w in full.split()):
            kind = "person" if sum(_is_cap(w) for w in full.split()) >= 2 else None
        return _ActorFields(full, qid, kind, None if affiliation is None else affiliation.name)

    def _person_title(self, name: str) -> bool:
        """Whether the document introduces *name* (or its surname) with a person's title."""
        return _NAME_KEYS[name][-1:] in self._chains().titled_surnames

    # phrases

    def resolve_phrase(
        self, phrase: ActorPhrase, *, salient: Sequence[tuple[int, Actor]] = ()
    ) -> Actor | None:
        """The actor an :class:`ActorPhrase` refers to.

        Args:
            phrase: a phrase from :func:`parse_phrase`.
            salient: earlier actors the caller knows to be prominent (the speakers of
                earlier quotes), as ``(offset, actor)``; pronouns prefer them.
        """
        if phrase.kind == "pronoun":
            return self.antecedent(phrase.span.start, phrase.name, salient=salient,
                                   mention=phrase.span)
        if phrase.kind == "description":
            return self._description(phrase, salient)
        if phrase.kind == "noun":
            entry = self.lexicon.lookup(phrase.name)
            if entry is not None:
                return self.actor_for_name(phrase.name, phrase.name_span, phrase.affiliation)
            return Actor(name=phrase.name, mention=phrase.name_span, kind="organisation"
                         if not phrase.name.casefold().endswith(("en", "s", "ici")) else "group",
                         affiliation=None if phrase.affiliation is None
                         else phrase.affiliation.name)
        return self.actor_for_name(phrase.name, phrase.name_span, phrase.affiliation)

    def parse_phrase(self, start: int, *, end: int | None = None, loose: bool = False
                     ) -> ActorPhrase | None:
        """:func:`parse_phrase` over the document text, with the resolver's actor data.

        The same phrase, found faster: the tokens come from the document's tokens
        instead of a new pass of the tokenizer.
        """
        text = self.doc.text
        stop = len(text) if end is None else end
        found = _phrase_from_tokens(text, self._tokens_between(start, min(stop, start + 160)),
                                    0, self.lexicon, loose=loose)
        return None if found is None else found[0]

    def _tokens_between(self, start: int, stop: int) -> Sequence[Tok]:
        """``tokenize(text, start, stop)``, taken from the document's tokens.

        The token pattern has no lookaround, so a window's tokens are the document's,
        except where the window begins inside a token and for a token it cuts off at its
        end: those are tokenized again.
        """
        text = self.doc.text
        if not 0 <= start <= stop <= len(text):
            return tokenize(text, start, stop)
        index = bisect.bisect_left(self.token_starts, start)
        if index > 0 and self.tokens[index - 1].end > start:
            return tokenize(text, start, stop)  # the window begins inside a token
        after = bisect.bisect_left(self.token_starts, stop, index)
        if after == index or self.tokens[after - 1].end <= stop:
            return self.tokens[index:after]
        cut = self.tokens[after - 1]
        return [*self.tokens[index : after - 1], *tokenize(text, cut.start, stop)]

    def resolve_at(
        self, start: int, *, loose: bool = False, salient: Sequence[tuple[int, Actor]] = ()
    ) -> Actor | None:
        """The actor of the phrase that begins at *start*, or ``None`` when none does."""
        index = bisect.bisect_left(self.token_starts, start)
        found = _phrase_from_tokens(self.doc.text, self.tokens[index : index + 40], 0,
                                    self.lexicon, loose=loose)
        return None if found is None else self.resolve_phrase(found[0], salient=salient)

    def _description(
        self, phrase: ActorPhrase, salient: Sequence[tuple[int, Actor]]
    ) -> Actor | None:
        """``de minister`` -> the latest person introduced with that title."""
        title = _fold(phrase.title or phrase.name)
        names = self._chains().names
        best: _Found | None = None
        for m in names:
            if m.start >= phrase.span.start:
                break
            if m.title is not None and (_fold(m.title) == title or _fold(m.title).endswith(title)):
                best = m
        if best is not None and self.lexicon.is_actor_noun(title):
            # "het bedrijf": the latest organisation, also one named without the title
            # ("het staatsbedrijf Aeroflot ... aan KLM ... Volgens KLM ... Het bedrijf")
            for m in reversed(names):
                if best.start < m.start < phrase.span.start and (
                        self._may_be_organisation(m)):
                    best = m
                    break
        if best is None and "\n" not in self.doc.text[: phrase.span.start]:
            # a headline ("Georgische president: ...") names the person later, in the body
            for m in names:
                if m.start > phrase.span.end and m.title is not None and (
                        _fold(m.title) == title or _fold(m.title).endswith(title)):
                    best = m
                    break
        if best is not None:
            return attrs.evolve(self.actor_for_name(best.text, None), mention=phrase.span)
        if self.lexicon.is_actor_noun(title):
            # "de organisatie", "het bedrijf", "een woordvoerder": the latest organisation
            # named before, or the latest name that is no known person, country or place
            # ("Nordgas in Emmen levert ... Het bedrijf")
            for m in reversed(names):
                if m.start < phrase.span.start and self._may_be_organisation(m):
                    return attrs.evolve(self.actor_for_name(m.text, None), mention=phrase.span)
            return None
        for offset, actor in reversed(salient):
            if offset < phrase.span.start and actor.kind == "person":
                return attrs.evolve(actor, mention=phrase.span)
        # nobody introduced with this title: the function itself is the best name there is
        return Actor(name=phrase.name, mention=phrase.name_span, kind="person",
                     affiliation=None if phrase.affiliation is None else phrase.affiliation.name)

    def _may_be_organisation(self, m: _Found) -> bool:
        """Whether the named mention *m* can be what ``het bedrijf`` or ``de organisatie``
        points back to: a packaged organisation, a name with an organisation noun, or an
        unknown name that no person's title introduces and no place preposition precedes."""
        if m.entry is not None:
            return m.entry.kind == "organisation"
        if any(map(self.lexicon.is_actor_noun, _NAME_KEYS[m.text])):
            return True
        if m.title is not None and not self.lexicon.is_actor_noun(m.title):
            return False  # "minister Karel Smit"
        if self._person_title(m.text):
            return False
        index = bisect.bisect_left(self.token_starts, m.start)
        before = self.tokens[index - 1].text.casefold() if index > 0 else ""
        if len(_NAME_KEYS[m.text]) == 1 and (
                before in ("", ".", "!", "?", ":") or "\n" in self.doc.text[
                    self.tokens[index - 1].end : m.start]):
            return False  # one capitalised word opening a sentence may be any word
        if before.isalpha() and before.islower() and before not in self.lexicon.stopwords:
            return False  # "vlucht MH17": the name of a thing of that kind
        return before not in _PLACE_PREPOSITIONS

    def antecedent(
        self,
        offset: int,
        pronoun: str,
        *,
        salient: Sequence[tuple[int, Actor]] = (),
        mention: Span | None = None,
    ) -> Actor | None:
        """The actor a third-person pronoun at *offset* stands for.

        Candidates are the *salient* actors (speakers of earlier quotes) and the
        sentence subjects and named persons before *offset*; the latest one that
        fits the pronoun wins (``hij``: a person; ``ze``/``zij``/``haar``: a person
        or an organisation or group).
        """
        refers = self.lexicon.pronouns.get(pronoun.casefold())
        if refers is None or refers == "first":
            return None
        candidates: list[tuple[int, _Candidate]] = [(o, a) for o, a in salient if o < offset]
        # both lists are in text order: take the entries before offset
        subjects = self._subject_starts()
        candidates += subjects[: bisect.bisect_left(subjects, offset, key=_OFFSET)]
        persons = self._named_persons()
        candidates += persons[: bisect.bisect_left(persons, offset, key=_OFFSET)]
        candidates.sort(key=_OFFSET)
        at = mention or Span(offset, offset)
        for start, candidate in reversed(candidates):
            if offset - start > 1500:
                break
            # a subject or person is resolved only when the search reaches it (the latest
            # few are): a sentence whose subject names no actor resolves to None
            if isinstance(candidate, Actor):
                if _fits(refers, candidate.kind):
                    return attrs.evolve(candidate, mention=at)
            elif isinstance(candidate, int):
                actor = self._subject_actor(candidate)
                if actor is not None and _fits(refers, actor.kind):
                    return attrs.evolve(actor, mention=at)
            else:
                fields = self._fields_of(candidate.text, None)
                if _fits(refers, fields.kind):
                    return _actor(fields, at)
        return None

    def _named_persons(self) -> list[tuple[int, _Found]]:
        """The names introduced with a title or naming a packaged person, as
        ``(offset, mention)`` in text order: pronouns' candidates, found once."""
        if self._persons is None:
            self._persons = [
                (m.start, m) for m in self._chains().names
                if m.title is not None or (m.entry is not None and m.entry.kind == "person")
            ]
        return self._persons

    def _subject_starts(self) -> list[tuple[int, int]]:
        """Where the sentence subjects may begin, as ``(offset, token index of the
        sentence start)`` in text order: each at its sentence's first word, or one word
        on (``Ook``, ``Maar`` ...). Only where a pronoun's search reaches one is its
        phrase read (:meth:`_subject_actor`); most are never reached."""
        if self._subjects is None:
            tokens = self.tokens
            found = []
            for index in _sentence_start_tokens(self.doc.text, tokens, self.token_starts,
                                                self._words):
                first = index + 1 if tokens[index].text.casefold() in _SUBJECT_LEADS else index
                if first < len(tokens):
                    found.append((tokens[first].start, index))
            self._subjects = found
        return self._subjects

    def _subject_actor(self, index: int) -> Actor | None:
        """The actor of the subject of the sentence that begins at token *index*, or
        ``None`` when it names no actor; found once."""
        try:
            return self._subject_actors[index]
        except KeyError:
            phrase = self._subject_at(index)
            actor = self._subject_actors[index] = (
                None if phrase is None else self.resolve_phrase(phrase))
            return actor

    def _subject_at(self, index: int) -> ActorPhrase | None:
        """The subject of the sentence that begins at token *index*, when it may name an
        actor (a name or a noun, no pronoun or description)."""
        tokens = self.tokens[index : index + 40]
        if tokens and tokens[0].text.casefold() in _SUBJECT_LEADS:
            tokens = tokens[1:]
        if not tokens:
            return None
        found = _phrase_from_tokens(self.doc.text, tokens, 0, self.lexicon, loose=False)
        if found is None or found[0].kind in ("pronoun", "description"):
            return None
        return found[0]

    def first_person(self, offset: int, quotes: Iterable[Quote]) -> Actor | None:
        """The speaker of the quote whose content holds *offset* (for ``ik``, ``wij``, ``we``).

        >>> from geopol.model import Document, Quote, Span, Actor
        >>> doc = Document(id="d", text='"Wij willen vrede", zei Lavrov.')
        >>> q = Quote(kind="direct", content=Span(1, 17), speaker=Actor(name="Sergej Lavrov"))
        >>> resolver(doc).first_person(1, [q]).name
        'Sergej Lavrov'
        """
        for quote in quotes:
            if quote.content.start <= offset < quote.content.end and quote.speaker is not None:
                return quote.speaker
        return None


_OFFSET = operator.itemgetter(0)
"""The offset of an ``(offset, actor)`` pair."""

# prepositions after which a name is a place ("Nordgas in Emmen"), not a source
_PLACE_PREPOSITIONS = frozenset({"in", "uit", "naar", "bij", "nabij", "rond", "te"})


_SUBJECT_LEADS = frozenset({"ook", "maar", "en", "zelfs"})
"""Words before a sentence's subject (``Ook Rutte zei``), case-folded."""

_Candidate = Actor | int | _Found
"""An antecedent candidate: a salient actor, a sentence subject (the token index of its
sentence's start) or a named person (its mention)."""


def _fits(refers: Refers, kind: ActorKind | None) -> bool:
    """Whether an actor of *kind* may be what a pronoun that *refers* so stands for."""
    if refers == "person":
        return kind == "person"
    if refers == "person_or_group":
        return kind in ("person", "organisation", "group")
    if refers == "group":
        return kind in ("organisation", "group", "country")
    return False


def _actor(fields: _ActorFields, mention: Span | None) -> Actor:
    """The :class:`~geopol.model.Actor` of *fields*, mentioned at *mention*."""
    full, qid, kind, affiliation = fields
    return Actor(name=full, mention=mention, id=qid, kind=kind, affiliation=affiliation)


def resolver(
    doc: Document, *, lexicon: ActorLexicon | None = None, tokens: Sequence[Tok] | None = None
) -> ActorResolver:
    """The :class:`ActorResolver` of *doc*.

    >>> from geopol.model import Document
    >>> doc = Document(id="d", text="Minister Anthony Blinken landde. Blinken zei niets.")
    >>> resolver(doc).resolve_at(doc.text.index("Blinken zei")).name
    'Anthony Blinken'

    Args:
        doc: the document.
        lexicon: actor data, :func:`default_lexicon` by default.
        tokens: ``tokenize(doc.text)`` when the caller has it already.

    .. versionadded:: 0.1.0
    """
    return ActorResolver(doc, lexicon or default_lexicon(), tokens)
