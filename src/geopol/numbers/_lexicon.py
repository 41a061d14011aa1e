"""The language data of the numbers extractor, and the patterns built from it once.

Every Dutch word the extractor knows comes from a data file in ``geopol/data/nl/``
(see :doc:`/numbers` for what each file holds); this module reads them, checks
them, and compiles the regular expressions on first use.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import string
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Literal, NamedTuple, TypeAlias, get_args

import attrs
import regex

from geopol.data import data_path, read_list, read_table
from geopol.errors import DataFileError
from geopol.model import Hedge

__all__ = ["NumberLexicon", "default_lexicon"]

UnitKind = Literal["measure", "percent", "duration"]
Position = Literal["before", "after", "both"]
WordRole = Literal["unit", "teen", "tens", "hundred", "half", "denominator", "ordinal", "vague"]
# a match of the master pattern or of a shortcut for it in the standard library's engine
Match: TypeAlias = "regex.Match[str] | re.Match[str]"


def _alternation(words: Iterable[str], *, boundary: bool = False) -> str:
    """A regex alternation of literal *words*, longest first (so that the longest wins)."""
    parts = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if not parts:
        return "(?!)"
    escaped = [regex.escape(w).replace(r"\ ", r"\s+") for w in parts]
    # the regex module tries the alternatives one by one even where none can match; a
    # lookahead for their first characters rejects such a position in one step
    firsts = "".join(sorted({r"\s" if w[0] == " " else regex.escape(w[0], special_only=False)
                             for w in parts}))
    body = f"(?=[{firsts}])(?:{'|'.join(escaped)})"
    return f"(?:{body})" if not boundary else rf"(?<![\p{{L}}\d])(?:{body})(?![\p{{L}}\d])"


def _trie(words: Iterable[str]) -> str:
    """A regex for *words* as a character trie (``t(?:wee|ien)``), so that a failing
    position costs one or two character tests: the trigger pattern runs at every position."""
    root: dict[str, dict[str, Any]] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict[str, Any]]) -> str:
        optional = "" in node
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if optional:
            body = f"(?:{body})?"
        return body

    return emit(root)


def _words_re(words: Iterable[str]) -> str:
    """A ``re`` pattern for any of *words*: a character trie, with any whitespace where a
    word has a space. An empty word matches anywhere; no words at all match nowhere."""
    unique = sorted(set(words))
    if not unique:
        return "(?!)"
    if "" in unique:
        return ""
    return _trie(unique).replace(r"\ ", r"\s+")


def _number(cell: str, name: str) -> int | float:
    try:
        value = float(cell)
    except ValueError as error:
        raise DataFileError(f"not a number: {cell!r}", path=data_path(name)) from error
    return int(value) if value.is_integer() and "." not in cell else value


def _mapping(pairs: Iterable[tuple[str, object]]) -> Mapping[str, object]:
    return MappingProxyType(dict(pairs))


@attrs.frozen(kw_only=True)
class NumberLexicon:
    """The Dutch words the numbers extractor knows, read from the data files.

    Build your own with :meth:`NumberLexicon.from_data` (for instance with an extra
    currency) and pass it to :func:`geopol.numbers.extract` as ``lexicon=``.

    Attributes:
        words: number words (``twee``, ``honderd``, ``derde``, ``tientallen``) to
            ``(role, value, low, high)``.
        scales: scale words and abbreviations (``miljoen``, ``mln``) to their value
            and whether they are abbreviations.
        hedges: hedge phrases (``ruim``, ``nog geen``) to the hedge they give.
        currencies: currency forms (``€``, ``euro``) to ISO code and position.
        units: unit forms (``km``, ``procent``, ``dagen``) to unit and kind.
        months: month names and abbreviations to their number.
        identifier_words: words after which a number is an identifier (``artikel``).
        names: names that contain a number word (``Tweede Kamer``).
        stopwords: words that are never a counted noun.
        modifiers: uninflected words allowed between a quantity and its noun.
        determiners: determiners (before ordinals and partitive nouns).
        year_cues: words before a four-digit number that make it a year, to whether
            the cue is strong (``sinds``) or weak (``in``: unless a plural noun follows).
        age_nouns: people nouns before an age range (``mannen tussen 18 en 60 jaar``).
        change_verbs: verb forms after which ``tot`` gives the new level, not a bound
            (``steeg tot 7 procent``).

    .. versionadded:: 0.1.0
    """

    words: Mapping[str, tuple[WordRole, int | float, int | float | None, int | float | None]]
    scales: Mapping[str, tuple[int, bool]]
    hedges: Mapping[str, Hedge]
    currencies: Mapping[str, tuple[str, Position]]
    units: Mapping[str, tuple[str, UnitKind]]
    months: Mapping[str, int]
    identifier_words: frozenset[str]
    names: tuple[str, ...]
    stopwords: frozenset[str]
    modifiers: frozenset[str]
    determiners: frozenset[str]
    year_cues: Mapping[str, bool]
    age_nouns: frozenset[str]
    change_verbs: frozenset[str]

    @classmethod
    def from_data(cls, **overrides: object) -> NumberLexicon:
        """The lexicon of the packaged data files, with any field replaced by *overrides*.

        Raises:
            DataFileError: when a data file has a malformed row.

        >>> lex = NumberLexicon.from_data()
        >>> lex.currencies["roebel"]
        ('RUB', 'after')
        """
        words: dict[str, tuple[WordRole, int | float, int | float | None, int | float | None]] = {}
        for row in read_table("number_words.tsv"):
            role = row["role"]
            if role not in get_args(WordRole):
                raise DataFileError(f"unknown role {role!r}", path=data_path("number_words.tsv"))
            low = _number(row["low"], "number_words.tsv") if row["low"] else None
            high = _number(row["high"], "number_words.tsv") if row["high"] else None
            key = row["word"].casefold()
            # a word with two roles (derde: ordinal and denominator) keeps the first in the
            # file; the denominator role is looked up separately through _DENOMINATOR_ROLE
            words.setdefault(key, (role, _number(row["value"], "number_words.tsv"), low, high))  # type: ignore[arg-type]  # role checked above
            if role in ("denominator", "ordinal"):
                words[f"{_ROLE_PREFIX[role]}{key}"] = (
                    role, _number(row["value"], "number_words.tsv"), None, None)  # type: ignore[assignment]  # role checked above
        scales = {
            row["form"].casefold(): (int(_number(row["value"], "scales.tsv")),
                                     row["kind"] == "abbreviation")
            for row in read_table("scales.tsv")
        }
        hedges: dict[str, Hedge] = {}
        for row in read_table("hedges.tsv"):
            if row["hedge"] not in get_args(Hedge):
                raise DataFileError(f"unknown hedge {row['hedge']!r}", path=data_path("hedges.tsv"))
            hedges[row["phrase"].casefold()] = row["hedge"]  # type: ignore[assignment]  # checked above
        currencies: dict[str, tuple[str, Position]] = {}
        for row in read_table("currencies.tsv"):
            if row["position"] not in get_args(Position):
                raise DataFileError(f"unknown position {row['position']!r}",
                                    path=data_path("currencies.tsv"))
            currencies[row["form"]] = (row["code"], row["position"])  # type: ignore[assignment]  # checked above
        units: dict[str, tuple[str, UnitKind]] = {}
        for row in read_table("units.tsv"):
            if row["kind"] not in get_args(UnitKind):
                raise DataFileError(f"unknown kind {row['kind']!r}", path=data_path("units.tsv"))
            units[row["form"]] = (row["unit"], row["kind"])  # type: ignore[assignment]  # checked above
        fields: dict[str, object] = {
            "words": MappingProxyType(words),
            "scales": MappingProxyType(scales),
            "hedges": MappingProxyType(hedges),
            "currencies": MappingProxyType(currencies),
            "units": MappingProxyType(units),
            "months": MappingProxyType(
                {row["form"].casefold(): int(row["month"]) for row in read_table("months.tsv")}),
            "identifier_words": frozenset(w.casefold() for w in read_list(
                "number_identifier_words.txt")),
            "names": read_list("number_names.txt"),
            "stopwords": frozenset(read_list("counted_noun_stopwords.txt")),
            "modifiers": frozenset(read_list("counted_noun_modifiers.txt")),
            "determiners": frozenset(read_list("number_determiners.txt")),
            "year_cues": MappingProxyType(
                {row["word"]: row["strength"] == "strong" for row in read_table("year_cues.tsv")}),
            "age_nouns": frozenset(read_list("age_nouns.txt")),
            "change_verbs": frozenset(read_list("number_change_verbs.txt")),
        }
        fields.update(overrides)
        return cls(**fields)  # type: ignore[arg-type]  # attrs checks the fields by name

    # -- lookups ---------------------------------------------------------------------------

    def role(self, word: str) -> WordRole | None:
        """The role of a number word (``twee`` -> ``unit``), or ``None``."""
        entry = self.words.get(word.casefold())
        return None if entry is None else entry[0]

    def denominator(self, word: str) -> int | None:
        """The denominator a fraction word stands for (``derde`` -> 3), or ``None``."""
        entry = self.words.get(f"{_DENOMINATOR_ROLE}{word.casefold()}")
        return None if entry is None else int(entry[1])

    def irregular_ordinals(self) -> dict[str, int]:
        """Ordinals that are not their cardinal plus -de or -ste (``eerste``: 1, ``derde``: 3)."""
        return {w.removeprefix(_ORDINAL_ROLE): int(e[1]) for w, e in self.words.items()
                if w.startswith(_ORDINAL_ROLE)}

    def words_with(self, *roles: WordRole) -> tuple[str, ...]:
        """The number words that have one of *roles*."""
        found = {w.removeprefix(_DENOMINATOR_ROLE).removeprefix(_ORDINAL_ROLE)
                 for w, entry in self.words.items() if entry[0] in roles}
        return tuple(sorted(found))

    def scale_words(self, *, abbreviations: bool) -> dict[str, int]:
        """Scale words (``abbreviations=False``) or abbreviations, with their values."""
        return {f: v for f, (v, abbr) in self.scales.items() if abbr == abbreviations}

    @functools.cached_property
    def patterns(self) -> _Patterns:
        """The compiled patterns (built on first use)."""
        return _Patterns(self)


_DENOMINATOR_ROLE = "\x00denominator:"
_ORDINAL_ROLE = "\x00ordinal:"
_ROLE_PREFIX = {"denominator": _DENOMINATOR_ROLE, "ordinal": _ORDINAL_ROLE}


class _Patterns:
    """The regular expressions of one lexicon. Built once per lexicon, then shared."""

    def __init__(self, lex: NumberLexicon) -> None:
        unit = _alternation(w for w in lex.words_with("unit"))
        nonzero = _alternation(w for w in lex.words_with("unit") if w != "nul")
        teen = _alternation(lex.words_with("teen"))
        tens = _alternation(lex.words_with("tens"))
        hundred = _alternation(lex.words_with("hundred"))
        words = lex.scale_words(abbreviations=False)
        thousand = _alternation(w for w, v in words.items() if v < 10**6)
        big = _alternation(w for w, v in words.items() if v >= 10**6)
        abbreviations = lex.scale_words(abbreviations=True)
        abbr = _alternation(abbreviations)
        half = _alternation(lex.words_with("half"))
        den = _alternation(lex.words_with("denominator"))
        vague = _alternation(lex.words_with("vague"))
        months = _alternation(lex.months)
        self.unit, self.teen, self.tens, self.hundred = unit, teen, tens, hundred
        self.thousand, self.big = thousand, big
        morpheme_words = [*lex.words_with("unit", "teen", "tens", "hundred"), *words]

        two = rf"(?:{nonzero}(?:ën|en|-en-|-ën-){tens}|{tens}|{teen}|{unit})"
        morph = rf"(?:{two}|{hundred}|{thousand})"
        # one joined word of number parts: tweehonderdvijftigduizend, drieëntwintig
        w = rf"(?:{morph}(?:-?{morph})*+)"
        # a word that carries hundreds or thousands may follow a big scale word
        w_big_tail = rf"(?:(?=[\p{{L}}-]*(?:{hundred}|{thousand}))(?:{w}))"
        first = (rf"(?:(?:een|één)\s+{half}|{w}(?:(?:ën|en|\s+en\s+een\s+){half})?"
                 rf"|{half})")
        spelled = rf"(?:{first}(?:\s+{big}(?:\s+{w}\s+{big})*+(?:\s+{w_big_tail})?)?)"
        digits = (
            r"(?:\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?"  # English 1,500,000
            r"|\d{1,3}(?:,\d{3})+\.\d+"  # English 1,234.5
            r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?"  # Dutch 2.345.678,90
            r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?:,\d+)?"  # 100 000 with a fixed space
            r"|\d+\.\d{1,2}(?!\d)"  # English decimal 2.5 (never 3 digits: that is 2.500)
            r"|\d+,\d+|\d+)"
        )
        digit_num = rf"(?:{digits}(?:\s?{abbr}(?![\p{{L}}])|\s+{big}|\s+{thousand})?)"
        self.digits = digits

        cur_before = _alternation(f for f, (_, pos) in lex.currencies.items() if pos != "after")
        cur_after = _alternation(f for f, (_, pos) in lex.currencies.items() if pos != "before")
        unit_forms = _alternation(lex.units)
        self.cur_before = cur_before
        # letters glued to digits are an identifier (5G, F-16) unless they are a known suffix
        glued_ok = rf"(?:-?jarig|(?:{unit_forms}|{cur_after})(?![\p{{L}}\d]))"
        # a quantity: digits (with a scale) or a spelled numeral
        sign = r"(?:(?<![\p{L}\d])(?:min|minus)\s+|(?<![\p{L}\d.,])[-−])"
        q_digit = (rf"(?:{sign}?(?<![\p{{L}}\d]|\d[.,]|[\p{{L}}][-‐]){digit_num}"
                   rf"(?![.,]?\d)(?!(?!{glued_ok})[-‐]?\p{{L}}))")
        q_word = rf"(?<![\p{{L}}\d]|[\p{{L}}\d][-‐]){spelled}(?![\p{{L}}\d])(?![-‐]\p{{L}})"
        sep = rf"(?:\s*[-–]\s*|\s+(?:{'|'.join(_words_re([w]) for w in _RANGE_WORDS)})\s+)"
        q = rf"(?:{q_digit}|{q_word})"
        self.q = q

        names = "(?-i:" + "|".join(
            regex.escape(n).replace(r"\ ", r"[\s-]") + r"\p{L}*"
            for n in sorted(lex.names, key=len, reverse=True)) + ")"
        link = r"(?:https?://|www\.)[^\s<>\"']++"
        email = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)++"
        phone = (r"(?<![\p{L}\d])(?:\+\d{1,3}[\s-]?(?:\(0\))?\s?\d{1,4}"
                 r"|\(?0\d{1,3}\)?[\s-]?\d{2,4})(?:[\s-]?\d{2,4}){1,3}(?!\d)")
        clock = (r"(?<![\p{L}\d.,])(?:[01]?\d|2[0-4])[.:][0-5]\d(?:\s*[-–]\s*(?:[01]?\d|2[0-4])"
                 r"[.:][0-5]\d)?(?=\s*(?:uur|u\b))"
                 r"|(?<![\p{L}\d.,])(?:[01]?\d|2[0-4]):[0-5]\d(?![\d])"
                 r"|(?<=\bom\s)(?:[01]?\d|2[0-4])\.[0-5]\d(?!\d)")
        zip_code = r"(?<![\p{L}\d])[1-9]\d{3}\s?(?-i:[A-Z]{2})(?![\p{L}])"
        decade = r"(?i:jaren)\s+(?:'|’)?\d{2,4}|(?i:jaren)\s+(?:" + tens + r")(?![\p{L}])"
        # a digit glued to letters that are no known suffix: 5G, 3D, 2x4, 24/7
        glued = r"(?<![\p{L}\d])\d+(?:[/x]\d+)+(?![\p{L}\d])"
        skip = rf"(?P<skip>{link}|{email}|{names}|{phone}|{clock}|{zip_code}|{decade}|{glued})"

        day = r"(?:[12]\d|3[01]|0?[1-9])"
        date = (
            rf"(?P<date>(?<![\p{{L}}\d.,])(?P<day>{day})\s+(?P<month>{months})(?![\p{{L}}])"
            rf"(?:\s+(?P<year>\d{{4}})(?![\d\p{{L}}]))?"
            rf"|(?<![\p{{L}}\d])(?P<month2>{months})\s+(?P<year2>\d{{4}})(?![\d\p{{L}}])"
            rf"|(?<![\p{{L}}\d.,/-])(?P<nday>{day})[-/.](?P<nmonth>0?[1-9]|1[0-2])[-/.]"
            rf"(?P<nyear>\d{{4}})(?!\d|[.,/-]\d)"
            rf"|(?<![\p{{L}}\d.,/-])(?P<iyear>\d{{4}})-(?P<imonth>0[1-9]|1[0-2])-"
            rf"(?P<iday>[0-2]\d|3[01])(?!\d|[.,/-]\d))"
        )
        age_paren = r"(?<=\p{Lu}[\p{L}'’.-]+\s?\()(?P<paren_age>\d{1,3})(?=\))"
        digit_ordinal = r"(?<![\p{L}\d])\d+(?:e|ste|de)(?![\p{L}\d])"
        in_every = rf"\s+op\s+de\s+(?:{w}|\d+)(?![\p{{L}}\d])"  # (een) op de (vier)
        vague_q = rf"(?P<vague>(?<![\p{{L}}\d]){vague}(?![\p{{L}}\d]))"
        between = (rf"(?P<between>(?<![\p{{L}}])tussen\s+(?:{cur_before}\s?)?(?P<b1>{q})"
                   rf"\s+en\s+(?:{cur_before}\s?)?(?P<b2>{q}))")
        quantity = (rf"(?P<quantity>(?P<pre>{cur_before}\s?)?(?P<n1>{q})"
                    rf"(?:(?P<sep>{sep})(?:{cur_before}\s?)?(?P<n2>{q}))?)")

        def starting_with_words(guards: _Guards) -> str:
            """The alternatives that can start with a number word, in the master's order."""
            tal = rf"(?P<tal>(?<![\p{{L}}\d]){guards.tal}(?:een\s+)?{w}tal(?![\p{{L}}\d]))"
            age_word = (rf"(?P<age_word>(?<![\p{{L}}\d]){guards.age}{w}-?jarige?n?"
                        rf"(?![\p{{L}}\d]))")
            fraction = (
                rf"(?P<fraction>(?<![\p{{L}}\d])(?:de\s+)?helft(?![\p{{L}}])"
                rf"|(?<![\p{{L}}\d]){guards.in_every}(?:{w}|\d+){in_every}"
                rf"|(?<![\p{{L}}\d]){guards.denominator}{w}(?:\s+|-)?{den}(?![\p{{L}}\d]))"
            )
            ordinal = (rf"(?P<ordinal>{digit_ordinal}|(?<![\p{{L}}\d]|[\p{{L}}\d][-‐])"
                       rf"{guards.ordinal}(?:(?:{w})?(?:eerste|derde)|{w}(?:ste|de))"
                       rf"(?![\p{{L}}\d]))")
            return rf"{tal}|{age_word}|{fraction}|{ordinal}|{quantity}"

        word_alternatives = starting_with_words(
            _suffix_guards(morpheme_words, lex.words_with("denominator")))
        master = rf"{skip}|{date}|{age_paren}|{between}|{vague_q}|{word_alternatives}"
        self.master = regex.compile(master, regex.IGNORECASE)
        # the master without the guards of _suffix_guards, for the tests that hold the
        # guards to it (compiled there only)
        self.reference_source = (rf"{skip}|{date}|{age_paren}|{between}|{vague_q}"
                                 rf"|{starting_with_words(_Guards())}")
        # Two shortcuts for match_master; keep both in step with the alternatives above.
        # The master for a hit on a digit, without the alternatives that start with a
        # word: the regex module tries each alternative in turn, so it is about twice as
        # fast there. (The date alternatives stay whole, for the groups that _date reads.)
        word_starts = [*lex.names, *lex.words_with("vague"), *morpheme_words]
        self.plain_count: re.Pattern[str] | None = None
        if any(w[:1].isdigit() for w in word_starts):
            self.master_digit = self.master
        else:
            # What each alternative but the quantity needs after a digit: e-mail; phone;
            # clock; numeric, ISO and day-month dates; zip code; glued; age in brackets;
            # een op de; ordinal. Behind a lookahead for these, the regex module passes
            # them all in one step at most digits ('15 mensen', '2014', '10.000'). The
            # lookahead holds wherever one of them can match, so the match is the same.
            needs = (rf"[\w.+-]+@|0\d|\d{{1,2}}[.:]\d\d(?!\d)|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d"
                     rf"|\d{{4}}(?:-\d|\s?[a-z]{{2}})|\d{{1,2}}\s+{months}|\d+[/x]\d|\d{{1,3}}\)"
                     rf"|\d+\s+op\s+de\s|\d+(?:e|ste|de)")
            master_digit = (rf"(?=(?:{needs}))(?:(?P<skip>{email}|{phone}|{clock}|{zip_code}"
                            rf"|{glued})|{date}|{age_paren}"
                            rf"|(?P<fraction>(?<![\p{{L}}\d])\d+{in_every})"
                            rf"|(?P<ordinal>{digit_ordinal}))|{quantity}")
            self.master_digit = regex.compile(master_digit, regex.IGNORECASE)
            self.plain_count = _plain_count(
                [*abbreviations, *lex.months, *_RANGE_WORDS, "op"], [*words],
                [f for f, (_, pos) in lex.currencies.items() if pos != "after"])
        # What the master needs at a hit on an ASCII letter, one line for each alternative
        # that can start with a letter: the link, e-mail and name skips, the decade, month
        # and year, 'tussen' with a quantity, a vague word, de helft, eerste or derde, and
        # a quantity (currency, sign or number word). The master fails at about half of
        # these hits ('separatisten', 'euro', 'november ingezet'); this test, in the
        # standard library's engine, costs a tenth as much. It may match where the master
        # does not, never the other way round: its classes take in every character that
        # is not ASCII, and re's \s and case folding take in all that the regex module's do.
        other = r"(?-i:[\x80-\U0010ffff])"
        currency = _words_re(f for f, (_, pos) in lex.currencies.items() if pos != "after")
        number = rf"(?:min|[-−\d]|{other}|{_number_word_run(lex, morpheme_words)})"
        name_words = _words_re(n.split(" ")[0] for n in lex.names)
        self.letter_start = re.compile(
            rf"https?://|www\.|(?:[\w.+\-]|{other})++@"
            rf"|(?-i:{name_words})"
            rf"|jaren\s+(?:['’\d]|{other}|{_words_re(lex.words_with('tens'))})"
            rf"|{_words_re(lex.months)}\s+(?:\d|{other})"
            rf"|tussen\s+(?:{currency}\s?)?{number}"
            rf"|{_words_re(lex.words_with('vague'))}"
            rf"|(?P<word>(?:de\s+)?helft|eerste|derde"
            rf"|(?:{currency}\s?)?{number})",
            re.IGNORECASE)
        # A hit of the last lines (group 'word') means that the lines before it failed, so
        # the alternatives they stand for cannot match: the master without them (the
        # skips, dates, 'tussen' and vague words) gives the same match, in less time
        # (the regex module tries each alternative in turn).
        self.master_word = regex.compile(word_alternatives, regex.IGNORECASE)

        self.after = regex.compile(
            rf"(?P<age>-?jarige?n?(?![\p{{L}}])|\s+jaar\s+oud(?![\p{{L}}]))"
            rf"|(?P<cur>\s?{cur_after}(?![\p{{L}}]))"
            rf"|(?P<unit>\s?(?:{unit_forms})(?![\p{{L}}\d]))"
            rf"(?P<per>\s+per\s+(?:{unit_forms})(?![\p{{L}}\d]))?",
            regex.IGNORECASE,
        )
        # '|(?!)' (never matches) keeps the regex module from first searching the rest of
        # the text for the required 'per' on every match attempt
        self.per = regex.compile(rf"\s+per\s+(?:{unit_forms}|{cur_after})(?![\p{{L}}\d])|(?!)",
                                 regex.IGNORECASE)
        hedges = _alternation(lex.hedges)
        self.hedge_before = regex.compile(
            rf"(?r)(?<![\p{{L}}'’])(?P<hedge>{hedges})(?:\s+de)?(?:\s+|(?<=[±~])\s*)\Z",
            regex.IGNORECASE,
        )
        self.word = regex.compile(r"[\p{L}\d][\p{L}\d'’.\-]*(?<![.\-])|[^\s\p{L}\d]")
        self.clause_er = regex.compile(r"(?i)(?<![\p{L}])(?:er|waarvan|daarvan|ervan|hiervan)"
                                       r"(?![\p{L}])")
        self.after_hen = regex.compile(r"(?i)\s+(?:van\s+(?:hen|hun|ze)|ervan|daarvan)"
                                       r"(?![\p{L}])")
        parts = [*lex.words_with("unit", "teen", "tens", "hundred", "half"), *words,
                 "-en-", "-ën-", "ën", "en", "-"]
        self.morphemes = regex.compile(rf"(?i)(?:(?P<m>{_alternation(parts)}))++")

        # the trigger: where a match of the master pattern can start. It runs over the
        # whole text with the standard library's engine (a character trie on lower-cased
        # text is several times faster than the full pattern at every position), and the
        # master pattern is then tried only where it fires.
        starts = {w.split()[0].casefold() for w in (
            *lex.words_with("unit", "teen", "tens", "hundred", "half", "denominator", "ordinal",
                            "vague"), *words, *lex.months, "tussen", "helft", "jaren")
            if w.casefold() not in ("een",)}
        starts |= {n.split()[0].casefold() for n in lex.names}
        starts |= {f.casefold() for f, (_, pos) in lex.currencies.items()
                   if pos != "after" and f[:1].isalpha()}
        symbols = "".join(sorted({f[0] for f, (_, pos) in lex.currencies.items()
                                  if pos != "after" and not f[:1].isalpha()}))
        trie = _trie(sorted(starts))
        word_start = (rf"(?:min(?:us)?(?=\s+\d)|de\s+helft|één"
                      rf"|een(?=\s+(?:op\s+de\s|{trie})|[^\W\d_])|{trie})")
        self.values: dict[str, Decimal | None] = {}  # parse cache, shared by calls
        self.units_folded = {k.casefold(): v for k, v in lex.units.items()}
        self.currencies_folded = {k.casefold(): v for k, v in lex.currencies.items()}
        self.trigger = _Trigger(re.escape(symbols), word_start, 0)
        self.trigger_ci = _Trigger(re.escape(symbols), word_start, re.IGNORECASE)

    def match_master(self, text: str, start: int) -> Match | None:
        """``master.match(text, start)``, with the shortcuts that the character at *start*
        allows (:attr:`plain_count`, :attr:`master_digit`, :attr:`letter_start`,
        :attr:`master_word`)."""
        char = text[start]
        if "0" <= char <= "9":
            if self.plain_count is not None:
                plain = self.plain_count.match(text, start)
                if plain is not None:
                    return plain
            return self.master_digit.match(text, start)
        if char.isascii() and char.isalpha():
            hit = self.letter_start.match(text, start)
            if hit is None:
                return None
            if hit.lastgroup == "word":
                return self.master_word.match(text, start)
        return self.master.match(text, start)


class _Guards(NamedTuple):
    """Lookaheads at the start of master alternatives that begin with a number word
    (see :func:`_suffix_guards`); empty ones guard nothing."""

    tal: str = ""
    age: str = ""
    ordinal: str = ""  # its word forms
    in_every: str = ""  # the fraction 'een op de vier'
    denominator: str = ""  # the fraction 'twee derde', 'driekwart'


def _suffix_guards(morpheme_words: Sequence[str], denominators: Sequence[str]) -> _Guards:
    """Lookaheads for the alternatives that begin with ``{w}``: the word at the start
    ends in tal, in jarig(e)(n), or in ste or de; or is followed by 'op de'; or ends, or
    the next word ends, in a denominator.

    The regex module matches ``{w}`` in full at every number word before it finds that
    what follows is wrong ('twee mensen'); these fail there in a few steps. Each holds
    wherever its alternative matches: when every character of the number words (and of
    the denominators) is a letter, ``{w}`` and a suffix after it are runs of letters
    joined by single hyphens, and the alternative ends where no letter (or digit)
    follows, which is where the possessive runs of the lookahead end too (the runs
    before the last one backtrack, so every run end is tried). Nothing is guarded when
    a number word has another character.
    """
    if not all(regex.match(r"\p{L}", char) for word in morpheme_words for char in word):
        return _Guards()
    letters = r"(?:\p{L}++-)*\p{L}*+"  # runs of letters joined by hyphens, each to its end
    word = r"(?:\p{L}++-)*\p{L}++"
    denominator = ""
    if denominators and all(regex.match(r"\p{L}", char) for d in denominators for char in d):
        ends = "|".join(regex.escape(d) for d in sorted(denominators, key=len, reverse=True))
        denominator = rf"(?={word}(?:\s++\p{{L}}++)?(?<={ends}))"
    return _Guards(tal=rf"(?=(?:een\s+)?{letters}(?<=tal))",
                   age=rf"(?={letters}(?<=jarig|jarige|jarign|jarigen))",
                   ordinal=rf"(?={letters}(?<=ste|de))",
                   in_every=rf"(?=(?:{word}|\d++)\s+op\s+de\s)",
                   denominator=denominator)


def _number_word_run(lex: NumberLexicon, morpheme_words: Sequence[str]) -> str:
    """A ``re`` pattern that holds wherever an alternative of the master pattern can
    match a spelled number (``{w}``, a half, een) at its start: number words joined as
    ``{w}`` joins them, then no ASCII letter, or the start of a suffix that one of those
    alternatives takes after ``{w}`` (tal, jarig, ste, de, a denominator, eerste, derde).

    The master pattern fails at words that merely start with a number word ('eens',
    'achter', 'halverwege', 'tienspeler'), and this rejects them. It never rejects a
    place where the master matches: the repetition is not possessive, so it can end
    wherever ``{w}`` can; its word list and joints take in all of ``{w}``'s; and a
    letter that is not ASCII is always let through. Past :data:`_RUN_CAP` words it lets
    the place through unchecked: a word can be split into number words in many ways
    (achttien, acht tien), and trying them all would take time exponential in its length.
    """
    piece = _words_re([*morpheme_words, *lex.words_with("half"), "een", "één"])
    suffix = _words_re(["tal", "jarig", "ste", "de", "eerste", "derde",
                        *lex.words_with("denominator")])
    more = rf"(?:(?:-|-?[eë]n-?)?(?:{piece}))"
    end = rf"(?:(?-i:(?![a-zA-Z]))|(?={suffix}))"
    return rf"(?:{piece})(?:{more}{{0,{_RUN_CAP - 1}}}{end}|{more}{{{_RUN_CAP}}})"


_RUN_CAP = 8  # number words in one word that _number_word_run checks (few numerals have more)

# the words between the two numbers of a range (5 tot 10), after any whitespace
_RANGE_WORDS = ("tot en met", "t/m", "tot", "à", "a", "of")


def _plain_count(whole_words: Iterable[str], scale_words: Iterable[str],
                 currencies_before: Iterable[str]) -> re.Pattern[str] | None:
    """A ``re`` pattern for the commonest number in the text, a plain count: digits, a
    space and a word of lower-case ASCII letters (``15 mensen``). Where it matches, the
    master pattern matches the same digits as a quantity and nothing more, and this
    costs a tenth as much. It has the groups that :class:`_Reader` reads of such a match.

    The digits start with 1 to 9 and follow no letter, digit, ``.``, ``,`` or hyphen,
    and a space and a letter come after them, so no alternative of ``master_digit`` but
    the quantity can match (each needs a 0, a sign or bracket, an upper-case letter or
    something other than a space after the digits) and of its digit forms only a plain run;
    and the quantity cannot go on unless the word is one that it reads next: a scale
    abbreviation, a month (a date), a range word or 'op' (een op de vier) as a whole
    word (*whole_words*), or a word that starts with a scale word (*scale_words*, taken
    without a boundary). The leading letters of these forms are what the word is checked
    against, case-folded. There is no shortcut (``None``) when a form does not start
    with a letter, has a letter that is not ASCII but matches one when case is ignored
    (``K``, the Kelvin sign), or when a currency before the number starts with a digit.
    """
    whole_words, scale_words = list(whole_words), list(scale_words)
    leads = {form: _leading_letters(form) for form in [*whole_words, *scale_words]}
    if not all(leads.values()) or any(_matches_ascii_letter(char) for lead in leads.values()
                                      for char in lead if not char.isascii()) or any(
            form[:1].isdigit() for form in currencies_before):
        return None
    whole = _words_re(leads[form].casefold() for form in whole_words)
    starts = _words_re(leads[form].casefold() for form in scale_words)
    return re.compile(
        rf"(?<![\w.,‐-])(?P<quantity>(?P<pre>(?!))?(?P<n1>[1-9][0-9]*+)(?P<sep>(?!))?"
        rf"(?P<n2>(?!))?)(?= (?!(?:{whole})(?![a-z])|{starts})[a-z]++(?![^\W\d_]))")


def _leading_letters(form: str) -> str:
    letters = itertools.takewhile(str.isalpha, form)
    return "".join(letters)


def _matches_ascii_letter(char: str) -> bool:
    """Whether *char* matches an ASCII letter in a case-insensitive pattern."""
    pattern = regex.compile(regex.escape(char), regex.IGNORECASE)
    return any(pattern.fullmatch(letter) for letter in string.ascii_letters)


class _Trigger:
    """The trigger (where a match of the master pattern can start) in one case mode.

    ``re`` has no fast way to search for a pattern that starts with an alternation: it
    tries every alternative at every position (about 100 ns a character here). A
    pattern that starts with one literal character or one character class it searches
    for in C, several times faster. So the places where the trigger can match are found
    with such patterns (:meth:`positions`), and the trigger is tried only there
    (:meth:`search`).
    """

    def __init__(self, symbols: str, word_start: str, flags: int) -> None:
        self.pattern = re.compile(rf"\d+|[{symbols}]|(?<!\w)[-−+](?=\d)|https?://|www\.|@"
                                  rf"|(?<!\w){word_start}", flags)
        # re tests a character against a range faster than against a category (\d, \W),
        # so these classes take the ASCII characters by range, and any other character
        # only to test its category in a lookbehind (few are not ASCII in Dutch text)
        other = r"\x80-\U0010ffff"
        self._after_space = re.compile(rf" (?={word_start})", flags)
        # One scan for the signs (a digit, a currency symbol, -, −, + or @: the trigger can
        # start on it) and for the other non-word characters before a trigger word (the
        # trigger can start after it): it looks at every character but a space, an ASCII
        # letter and '_', and costs about as much as a scan for either. No group: a sign;
        # 'before': before a trigger word; 'both': a sign before a trigger word.
        before = rf"(?={word_start})(?<=\W)"
        self._marks = re.compile(
            rf"[\x00-\x1f!-@\[-^`{{-\x7f{symbols}{other}]"
            rf"(?:(?<=[\d{symbols}\-−+@])(?:{before}(?P<both>))?|{before}(?P<before>))",
            flags)
        self._link = re.compile(r"https?://|www\.", flags)
        self._case_sensitive = not flags & re.IGNORECASE

    def positions(self, text: str) -> list[int]:
        """The positions in *text* where :attr:`pattern` can match (and some where it cannot):
        digits, signs and symbols, links, and words after a non-word character."""
        found = [0]  # a trigger word at the start of the text
        for mark in self._marks.finditer(text):
            kind = mark.lastgroup
            if kind != "before":  # a sign
                found.append(mark.start())
            if kind is not None:  # before a trigger word
                found.append(mark.end())
        found += [m.end() for m in self._after_space.finditer(text)]
        if not self._case_sensitive or "http" in text or "www." in text:
            found += [m.start() for m in self._link.finditer(text)]
        return sorted(set(found))

    def search(self, text: str, positions: Sequence[int], pos: int) -> re.Match[str] | None:
        """``pattern.search(text, pos)``, given the :meth:`positions` of *text*."""
        for start in itertools.islice(positions, bisect.bisect_left(positions, pos), None):
            hit = self.pattern.match(text, start)
            if hit is not None:
                return hit
        return None


@functools.cache
def default_lexicon() -> NumberLexicon:
    """The lexicon of the packaged data files, read once.

    >>> default_lexicon().units["procent"]
    ('%', 'percent')
    """
    return NumberLexicon.from_data()
