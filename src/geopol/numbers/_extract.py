"""From a document to typed numeric claims: :func:`extract`.

One pass of one compiled pattern (:attr:`NumberLexicon.patterns`) finds every
candidate in the text: dates, ages, ranges, vague magnitudes, fractions,
ordinals and plain quantities in digits or words, and the things that look like
numbers but are none (clock times, phone numbers, URLs, names such as
``Tweede Kamer``). Each candidate is then read in its immediate context only:
the hedge before it, the unit or currency after it, the word that says it is an
identifier (``artikel 5``), and the noun it counts.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs
import regex

from geopol.model import Document, Hedge, NumberKind, NumericClaim, Sentence, Span
from geopol.numbers._lexicon import Match, NumberLexicon, default_lexicon
from geopol.numbers._parse import as_number, parse_with

__all__ = ["extract"]

_ADJECTIVE_SUFFIX = regex.compile(r"(?i)(?:isch|ig|lijk|baar|loos|zaam|ief)$")
_PARTICIPLE = regex.compile(r"(?i)^(?:ge|be|ver|ont|her|er)\p{L}{2,}[dt]$")
_PLURAL = regex.compile(r"(?i)(?:\p{L}{2}en|[^aeiou][eo]s|[kptfgm]s|e[rl]s|jes|['’]s)$")
_SCALE_TAIL = None  # built per lexicon in _scale_of
# backward-looking patterns run in reverse (?r) and end in \Z, so they can only match at the
# end of the window: .match tries that one place (.search would also try every earlier one)
_CAPITALISED = regex.compile(r"(?r)(?<![\p{L}\d'’-])(?P<w>\p{Lu}[\p{L}\d'’-]*)\s+\Z")
_PREVIOUS_WORD = regex.compile(r"(?r)(?P<w>[\p{L}\d'’./-]+)\s*\Z")
_IDENTIFIER_LIST = regex.compile(r"\s*(?:,|en|of|&|t/m|-)\s*")
_JARIG = regex.compile(r"(?i)-?jarige?n?$")
_CAPITAL_NEXT = regex.compile(r"\s+\p{Lu}")
_LETTERS_END = regex.compile(r"\p{L}+\.?$")
_AGE_NOUN_BEFORE = regex.compile(r"(?r)(?P<noun>\p{L}+)\s+(?:tussen|van)?\s*\Z")
_SENTENCE_END = regex.compile(r"[.!?…][\"”’'»]?\s+(?=\S)|\n\s*")
_HAS_LETTER = regex.compile(r"\p{L}")
_SPACES = regex.compile(r"\s+")
_CLAUSE_BREAK = regex.compile(r"[,;:](?!\d)|[()\"“”„«»]|[.!?…]\s|\n")
_PLAIN_INT = regex.compile(r"^\d+$")
_SENTENCE_START = regex.compile(r"(?:\A|[.!?…:][\"”’'»]?\s+|\n\s*)\Z")


@attrs.define
class _Candidate:
    start: int
    end: int
    value: int | float
    kind: NumberKind
    hedge: Hedge = "exact"
    low: int | float | None = None
    high: int | float | None = None
    unit: str | None = None
    counts: Span | None = None
    head: Span | None = None  # the noun after the quantity (also for ordinals), for anaphora
    rule: str = ""
    core_start: int = 0
    core_end: int = 0
    plain: bool = False  # digits only, no separators, no scale (for year and identifier rules)
    identifier: bool = False


def extract(
    doc: Document,
    *,
    sentences: Sequence[Sentence] | None = None,
    lexicon: NumberLexicon | None = None,
) -> tuple[NumericClaim, ...]:
    """The numeric claims of *doc*, in text order (annotation guide, section 4).

    Every quantity in digits or words counts, with its hedge (``bijna``, ``ruim``),
    unit or currency, bounds for ranges and vague magnitudes, and the noun it
    counts; dates and years come out as kind ``date`` so that they can be
    filtered out. Numbers in names and identifiers (``F-16``, ``artikel 5``),
    clock times, phone numbers, URLs and the article ``een`` are no claims.

    Args:
        doc: a loaded document.
        sentences: sentences from an analyser; when their tokens carry a
            dependency parse, a ``nummod`` relation gives the counted noun.
            Without them the document's own parse is used if it has one, and
            rules otherwise (no segmentation is run for this).
        lexicon: the language data to use (default: the packaged files).

    Returns:
        The claims, in text order.

    Raises:
        TypeError: when *doc* is not a :class:`~geopol.model.Document`.

    >>> from geopol.model import Document
    >>> doc = Document(id="d", text="Bijna 100.000 Russen staan aan de grens.")
    >>> [(doc.text_of(c.span), c.value, c.hedge, doc.text_of(c.counts)) for c in extract(doc)]
    [('Bijna 100.000', 100000, 'under', 'Russen')]

    .. versionadded:: 0.1.0
    """
    if not isinstance(doc, Document):
        raise TypeError(f"extract needs a geopol Document, got {type(doc).__name__}")
    lex = lexicon if lexicon is not None else default_lexicon()
    reader = _Reader(doc, lex, sentences if sentences is not None else doc.parse)
    return tuple(reader.claims())


class _Reader:
    """Reads the candidates of one document (state lives here, per call)."""

    def __init__(self, doc: Document, lex: NumberLexicon,
                 sentences: Sequence[Sentence] | None) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lex
        self.pats = lex.patterns
        self.sentences: Sequence[Sentence] = sentences if sentences is not None else ()
        # sentences from a rules analyser have no tokens: then there is no dependency to read
        self.parsed = any(s.tokens for s in self.sentences)
        self.found: list[_Candidate] = []
        self.units = self.pats.units_folded
        self.currencies = self.pats.currencies_folded

    # -- the pass ---------------------------------------------------------------------------

    def _matches(self) -> Iterator[Match]:
        """The matches of the master pattern, tried only where the trigger fires."""
        text = self.text
        lowered = text.lower()
        same = len(lowered) == len(text)
        trigger = self.pats.trigger if same else self.pats.trigger_ci
        scan = lowered if same else text
        positions = trigger.positions(scan)
        pos = 0
        while True:
            hit = trigger.search(scan, positions, pos)
            if hit is None:
                return
            start = hit.start()
            if hit.group() == "@":  # an e-mail address: start at its first character
                start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
            match = self.pats.match_master(text, start)
            if match is not None and match.end() > start:
                yield match
                pos = match.end()
            else:
                pos = hit.end()

    def claims(self) -> Iterator[NumericClaim]:
        # all matches first, then all readings: reading does not steer the pass, and
        # running the big master pattern and the small context patterns apart keeps more
        # of each in the processor's cache (a few per cent faster than interleaving)
        for match in list(self._matches()):
            for candidate in self._read(match):
                self._finish(candidate)
        last_identifier_end = -1
        for c in self.found:
            between = self.text[last_identifier_end:c.start] if last_identifier_end >= 0 else ""
            if c.identifier or (last_identifier_end >= 0
                                and _IDENTIFIER_LIST.fullmatch(between)):
                last_identifier_end = c.end
                continue
            last_identifier_end = -1
            yield NumericClaim(
                span=Span(c.start, c.end),
                value=c.value,
                kind=c.kind,
                hedge=c.hedge,
                low=c.low,
                high=c.high,
                unit=c.unit,
                counts=c.counts if c.kind == "count" else None,
                rule=c.rule,
            )

    def _read(self, m: Match) -> Iterator[_Candidate]:
        # each alternative of the master pattern is one named group around the whole
        # alternative, so the last group closed names the alternative that matched
        what = m.lastgroup
        if what == "skip":
            return
        if what == "date":
            yield from self._date(m)
        elif what == "paren_age":
            age = int(m["paren_age"])
            if 0 < age < 120:
                yield _Candidate(m.start(), m.end(), age, "age", unit="year",
                                 rule="number.age_in_brackets")
        elif what == "between":
            yield from self._range(m.start(), m.span("b1"), m.span("b2"), m.end(), "between")
        elif what == "vague":
            entry = self.lex.words[m["vague"].casefold()]
            c = _Candidate(m.start(), m.end(), entry[1], "count", "vague", low=entry[2],
                           high=entry[3], core_start=m.start(), core_end=m.end(),
                           rule="number.vague_magnitude")
            yield self._counted(self._hedged(self._suffix(c)))
        elif what == "tal":
            tal = self._parse(m["tal"])
            if tal is not None:
                c = _Candidate(m.start(), m.end(), as_number(tal), "count", "approx",
                               core_start=m.start(), core_end=m.end(),
                               rule="number.approximate_tal")
                yield self._counted(self._suffix(c))
        elif what == "age_word":
            years = self._parse(_JARIG.sub("", m["age_word"]))
            if years is not None and 0 < years < 130:
                yield _Candidate(m.start(), m.end(), as_number(years), "age", unit="year",
                                 rule="number.age_jarig")
        elif what == "fraction":
            yield from self._fraction(m)
        elif what == "ordinal":
            yield from self._ordinal(m)
        elif what == "quantity":
            if m.start("n2") >= 0:
                yield from self._range(m.start(), m.span("n1"), m.span("n2"), m.end(), "sep",
                                       pre=m["pre"])
            else:
                single = self._quantity(m.start(), *m.span("n1"), pre=m["pre"])
                if single is not None:
                    yield single

    # -- readers ----------------------------------------------------------------------------

    def _date(self, m: Match) -> Iterator[_Candidate]:
        if m["day"]:
            day, month = int(m["day"]), self.lex.months[m["month"].casefold()]
            year = int(m["year"]) if m["year"] else None
            rule = "number.date" if year else "number.day_month"
            if year is None:
                year = self.doc.date.year if self.doc.date is not None else None
        elif m["month2"]:
            yield _Candidate(m.start(), m.end(), int(m["year2"]), "date", rule="number.month_year")
            return
        elif m["nday"]:
            day, month, year, rule = int(m["nday"]), int(m["nmonth"]), int(m["nyear"]), \
                "number.numeric_date"
        else:
            day, month, year, rule = int(m["iday"]), int(m["imonth"]), int(m["iyear"]), \
                "number.iso_date"
        try:
            _dt.date(year or 2000, month, day)
        except ValueError:
            return
        value = (year or 0) * 10000 + month * 100 + day
        yield _Candidate(m.start(), m.end(), value, "date", rule=rule)

    def _fraction(self, m: Match) -> Iterator[_Candidate]:
        text = m["fraction"]
        words = text.split()
        # 'een derde termijn' is an ordinal with an article, 'een derde van' a fraction
        following = self.pats.word.match(self.text, m.end() + 1) if m.end() < len(self.text) \
            and self.text[m.end()] == " " else None
        if len(words) == 2 and words[0].casefold() == "een" and following is not None \
                and following.group().casefold() not in ("van", "deel") \
                and words[1].casefold() in {*self.lex.irregular_ordinals(),
                                            *_ordinal_words(self.lex)}:
            head = self._head(m.end())
            if head is not None:
                start = m.start() + text.rfind(words[1])
                value = self._parse(words[1])
                if value is not None:
                    yield _Candidate(start, m.end(), as_number(value), "ordinal",
                                     head=head, rule="number.ordinal")
                    return
        value = self._parse(text)
        if value is None:
            return
        c = _Candidate(m.start(), m.end(), round(float(value), 4), "fraction",
                       rule="number.fraction")
        yield self._hedged(c)

    def _ordinal(self, m: Match) -> Iterator[_Candidate]:
        text = m["ordinal"]
        value = self._parse(text)
        if value is None:
            return
        before = self.text[max(0, m.start() - 40):m.start()]
        previous = _PREVIOUS_WORD.match(before)
        prev = previous["w"].casefold() if previous else ""
        if prev == "ten":  # ten eerste: a discourse marker
            return
        low = text.casefold()
        if low in self.lex.words and self.lex.words[low][0] == "denominator" \
                and prev not in self.lex.determiners and not self._at_sentence_start(m.start()):
            return  # 'Rusland vierde de overwinning': a verb, not an ordinal
        if text[0].isupper() and not self._at_sentence_start(m.start()):
            following = _CAPITAL_NEXT.match(self.text, m.end(), m.end() + 3)
            if following:
                return  # a name: Tweede Kamer, Derde Rijk
        yield _Candidate(m.start(), m.end(), as_number(value), "ordinal",
                         head=self._head(m.end()), rule="number.ordinal")

    def _range(self, start: int, a: tuple[int, int], b: tuple[int, int], end: int,
               how: str, pre: str | None = None) -> Iterator[_Candidate]:
        first = self._value(*a)
        second = self._value(*b)
        if first is None or second is None:
            return
        scale = self._scale_of(self.text[b[0]:b[1]])
        if scale and not self._scale_of(self.text[a[0]:a[1]]) and first * scale <= second:
            first *= scale
        sep = self.text[a[1]:b[0]]
        if first >= second:
            if "-" in sep or "–" in sep:
                return  # a score (3-0) or an identifier, not a range
            # 'twee of een': two quantities, not a range
            for span in (a, b):
                c = self._quantity(span[0], *span, pre=pre if span is a else None)
                if c is not None:
                    yield c
            return
        c = _Candidate(start, end, as_number(first), "count", "range", low=as_number(first),
                       high=as_number(second), core_start=a[0], core_end=b[1],
                       rule="number.range_between" if how == "between" else "number.range")
        c.plain = _is_plain_int(self.text[a[0]:a[1]]) and _is_plain_int(self.text[b[0]:b[1]])
        if pre:
            c.unit, c.kind = self._currency(pre), "money"
        c = self._suffix(c)
        if c.kind == "count" and c.plain and _is_year_number(first) and _is_year_number(second):
            c.kind, c.rule = "date", "number.year_range"
        if c.unit == "year" and self._age_range(start):
            c.kind, c.rule = "age", "number.age_range"
        if c.kind == "count":
            self._count(c)
        yield c

    def _quantity(self, start: int, core_start: int, core_end: int,
                  pre: str | None = None) -> _Candidate | None:
        core = self.text[core_start:core_end]
        low = core.casefold()
        if low in ("een", "half", "halve"):
            return None  # the article een; 'half februari'
        value = self._value(core_start, core_end)
        if value is None:
            return None
        c = _Candidate(start, core_end, as_number(value), "count", core_start=core_start,
                       core_end=core_end,
                       rule="number.digits" if core[-1:].isdigit() or core[:1].isdigit()
                       else "number.spelled")
        c.plain = _is_plain_int(core)
        if pre:
            c.unit, c.kind = self._currency(pre), "money"
        c = self._suffix(c)
        previous = self._previous_word(start)  # for the clock, identifier and year rules
        if c.kind == "duration" and c.unit == "hour" and previous in ("om", "vanaf") \
                and value <= 24:
            return None  # om 9 uur: a clock time
        if self._is_identifier(c, previous):
            c.identifier = True
            return c
        if c.kind == "count" and _is_year_number(value) and (
                (c.plain and self._is_year(c, previous))
                or (c.rule == "number.spelled" and previous in self.lex.year_cues
                and self._head(c.end) is None)):
            c.kind, c.rule = "date", "number.year"
            return c
        c = self._hedged(c)
        if c.kind == "count":
            self._count(c)
        return c

    # -- context ----------------------------------------------------------------------------

    def _value(self, start: int, end: int) -> Decimal | None:
        return self._parse(self.text[start:end])

    def _parse(self, text: str) -> Decimal | None:
        cache = self.pats.values
        if text not in cache:
            if len(cache) > 50_000:
                cache.clear()
            cache[text] = parse_with(text, self.lex)
        return cache[text]

    def _scale_of(self, core: str) -> int:
        last = core.split()[-1].casefold() if core.split() else ""
        if last[:1].isdigit():
            tail = _LETTERS_END.search(last)
            last = tail.group().casefold() if tail else ""
        scale = self.lex.scales.get(last)
        return scale[0] if scale else 0

    def _currency(self, form: str) -> str | None:
        entry = self.currencies.get(form.strip().casefold())
        return entry[0] if entry else None

    def _suffix(self, c: _Candidate) -> _Candidate:
        """Extend *c* over the unit, currency or age suffix after it and set kind and unit."""
        m = self.pats.after.match(self.text, c.end)
        if m is None:
            return c
        if m.start("age") >= 0:
            if c.kind == "count" and c.hedge in ("exact", "range"):
                c.kind, c.unit, c.end = "age", "year", m.end()
                c.rule = "number.age_jarig" if "jarig" in m["age"].casefold() else "number.age"
            return c
        if m.start("cur") >= 0:
            if c.kind == "count":
                c.kind, c.unit, c.end = "money", self._currency(m["cur"]), m.end()
                per = self.pats.per.match(self.text, c.end)
                if per:
                    c.end = per.end()
            return c
        if m.start("unit") >= 0 and c.kind == "count":
            unit, kind = self.units[m["unit"].strip().casefold()]
            c.kind, c.unit, c.end = kind, unit, m.end()
        elif m.start("unit") >= 0 and c.kind == "money":
            c.end = m.end() if m.start("per") >= 0 else c.end
        return c

    def _hedged(self, c: _Candidate) -> _Candidate:
        window = self.text[max(0, c.start - 40):c.start]
        m = self.pats.hedge_before.match(window)
        if m is None:
            return c
        hedge = self.lex.hedges[_SPACES.sub(" ", m["hedge"]).casefold()]
        if c.kind == "date" or c.kind == "ordinal":
            return c
        if hedge == "vague":
            if c.hedge == "vague":
                c.start -= len(window) - m.start()
            elif c.value >= 100 and _is_power_of_ten(c.value):
                c.hedge, c.low, c.high = "vague", 2 * c.value, 10 * c.value - 1
                c.value = c.low
                c.start -= len(window) - m.start()
            return c
        if c.hedge != "exact":
            return c
        if m["hedge"].casefold() == "tot" and self._after_change_verb(c.start - len(window)
                                                                      + m.start()):
            return c  # steeg tot 7 procent: the new level, not a bound
        c.hedge = hedge
        c.start -= len(window) - m.start()
        return c

    def _after_change_verb(self, pos: int) -> bool:
        clause = _clause_start(self.text, pos)
        return any(w.group().casefold() in self.lex.change_verbs
                   for w in self.pats.word.finditer(self.text, clause, pos))

    def _previous_word(self, pos: int) -> str:
        m = _PREVIOUS_WORD.match(self.text, max(0, pos - 40), pos)
        return m["w"].casefold() if m else ""

    def _at_sentence_start(self, pos: int) -> bool:
        return _SENTENCE_START.search(self.text, max(0, pos - 4), pos) is not None

    def _is_identifier(self, c: _Candidate, prev: str) -> bool:
        """Whether *c* is part of a name or identifier; *prev* is the word before it."""
        if prev in self.lex.identifier_words or prev.rstrip(".") + "." in self.lex.identifier_words:
            return True
        digits = c.core_end - c.core_start
        if not c.plain or c.kind != "count" or not (digits <= 2 or digits == 4):
            return False
        m = _CAPITALISED.match(self.text, max(0, c.start - 40), c.start)
        if m is None:
            return False
        word = m["w"].casefold()
        lex = self.lex
        if (word in lex.stopwords or word in lex.year_cues or word in lex.months
                or word in lex.hedges or word in lex.determiners or word in lex.words
                or word in lex.identifier_words):
            return False
        # 'Nord Stream 2', 'Euro 2024' are names; 'stuurde Moskou 2000 soldaten' counts soldiers
        following = self.pats.word.match(self.text, c.end + 1) \
            if self.text[c.end:c.end + 1] == " " else None
        return following is None or not _PLURAL.search(following.group()) \
            or following.group().casefold() in lex.stopwords

    def _is_year(self, c: _Candidate, prev: str) -> bool:
        """Whether the plain number *c* is a year; *prev* is the word before it."""
        strong = self.lex.year_cues.get(prev)
        if strong or prev in self.lex.months:
            return True
        head = self._head(c.end)
        if strong is False:  # a weak cue: 'in 2014' unless 'in 2000 gevallen'
            return head is None or c.value % 100 != 0 \
                or not _PLURAL.search(self.text[head.start:head.end])
        return head is None

    def _age_range(self, start: int) -> bool:
        m = _AGE_NOUN_BEFORE.match(self.text, max(0, start - 40), start)
        return bool(m and m["noun"].casefold() in self.lex.age_nouns)

    # -- what is counted --------------------------------------------------------------------

    def _counted(self, c: _Candidate) -> _Candidate:
        if c.kind == "count":
            self._count(c)
        return c

    def _count(self, c: _Candidate) -> None:
        head = self._parsed_head(c) or self._head(c.end)
        c.head = head
        if head is not None:
            c.counts = head
            return
        anaphor = self._anaphor(c)
        if anaphor is not None:
            c.counts = self._antecedent(c, anaphor)

    def _parsed_head(self, c: _Candidate) -> Span | None:
        if not self.parsed:
            return None
        for sentence in self.sentences:
            if not (sentence.span.start <= c.core_start < sentence.span.end):
                continue
            tokens = sentence.tokens
            for token in tokens:
                if c.core_start <= token.span.start < c.core_end and token.deprel is not None \
                        and token.deprel.startswith("nummod") and token.head is not None \
                        and 0 <= token.head < len(tokens):
                    head = tokens[token.head]
                    if head.upos in ("NOUN", "PROPN") and head.span.start >= c.end:
                        return head.span
            return None
        return None

    def _head(self, pos: int) -> Span | None:
        """The noun a quantity ending at *pos* counts: the first noun-like word after it,
        past inflected adjectives, a coordinated adjective and '188 tegen 6'."""
        lex = self.lex
        words = _Words(self.pats.word.finditer(self.text, pos, min(len(self.text), pos + 160)))
        i, skipped, after_adjective, partitive = 0, 0, False, False
        while skipped < 4 and (token := words.get(i)) is not None:
            word = token.group()
            low = word.casefold()
            if not (word[0].isalnum()):
                return None
            if low in ("tegen", "op", "of", "à", "en", "tot") \
                    and (following := words.get(i + 1)) is not None \
                    and self._is_number_word(following.group()):
                i, skipped = i + 2, skipped + 1
                continue
            if after_adjective and low in ("en", "of"):
                i += 1
                continue
            if low == "van" and not partitive and (following := words.get(i + 1)) is not None \
                    and following.group().casefold() in lex.determiners:
                i, skipped, partitive = i + 2, skipped + 1, True
                continue
            if partitive and self._is_number_word(word):
                i += 1
                continue
            if low in lex.stopwords or low in lex.words or low in lex.hedges:
                return None
            if low in lex.modifiers or (len(low) > 3 and low.endswith("e")
                                        and (following := words.get(i + 1)) is not None
                                        and following.group()[0].isalnum()):
                i, skipped, after_adjective = i + 1, skipped + 1, True
                continue
            if _ADJECTIVE_SUFFIX.search(low) or _PARTICIPLE.match(low) or (word[0].isdigit() \
                    and not _HAS_LETTER.search(word)):
                return None
            return Span(token.start(), token.end())
        return None

    def _is_number_word(self, word: str) -> bool:
        return bool(word[:1].isdigit()) or self._parse(word) is not None

    def _anaphor(self, c: _Candidate) -> int | None:
        """Where the 'er' (or 'van hen') that makes *c* anaphoric stands, else ``None``."""
        if self.pats.after_hen.match(self.text, c.end):
            return c.start
        clause = _clause_start(self.text, c.start)
        er = self.pats.clause_er.search(self.text, clause, c.start)
        return None if er is None else er.start()

    def _antecedent(self, c: _Candidate, anaphor: int) -> Span | None:
        """The noun an anaphoric 'er' or 'van hen' stands for: the noun counted by the
        nearest earlier quantity in this or the previous sentence, else the nearest
        earlier plural noun there."""
        window = _previous_sentence_start(self.text, anaphor)
        for earlier in reversed(self.found):
            if earlier.head is not None and earlier.head.start >= window \
                    and earlier.head.end <= anaphor:
                return earlier.head
            if earlier.end < window:
                break
        tokens = list(self.pats.word.finditer(self.text, window, anaphor))
        if anaphor < c.start and tokens:
            tokens.pop()  # the finite verb before 'er' (komen er, zijn er) is no antecedent
        for i in range(len(tokens) - 1, -1, -1):
            word = tokens[i].group()
            low = word.casefold()
            if not word[0].isalpha() or len(low) < 4 or not _PLURAL.search(word):
                continue
            if low in self.lex.stopwords or low in self.lex.words or low in self.units:
                continue
            if i > 0 and tokens[i - 1].group().casefold() == "te":
                continue  # te verlaten: an infinitive
            if _PARTICIPLE.match(low) or _ADJECTIVE_SUFFIX.search(low):
                continue
            return Span(tokens[i].start(), tokens[i].end())
        return None

    def _finish(self, c: _Candidate) -> None:
        if isinstance(c.value, float):
            c.value = round(c.value, 10) if c.kind != "fraction" else c.value
        self.found.append(c)


class _Words:
    """The words of a window, matched only as far as they are asked for (most quantities
    need the first one or two of the window's twenty-odd)."""

    def __init__(self, matches: Iterator[regex.Match[str]]) -> None:
        self._matches = matches
        self._read: list[regex.Match[str]] = []

    def get(self, i: int) -> regex.Match[str] | None:
        """The *i*-th word, or ``None`` past the last."""
        while len(self._read) <= i:
            following = next(self._matches, None)
            if following is None:
                return None
            self._read.append(following)
        return self._read[i]


def _ordinal_words(lex: NumberLexicon) -> set[str]:
    return {w for w in lex.words_with("denominator")}


def _is_plain_int(text: str) -> bool:
    """Digits only, as _PLAIN_INT says (the spans read here never end in a line break,
    which its $ would allow); for ASCII text str.isdigit says the same at a fraction of
    the cost of a call into the regex module."""
    return text.isdigit() if text.isascii() else bool(_PLAIN_INT.match(text))


def _is_year_number(value: Decimal | float | int) -> bool:
    return 1000 <= value <= 2100 and value == int(value)


def _is_power_of_ten(value: float) -> bool:
    while value >= 10 and value % 10 == 0:
        value //= 10
    return value == 1


def _clause_start(text: str, pos: int) -> int:
    lo = max(0, pos - 200)
    last = lo
    for m in _CLAUSE_BREAK.finditer(text, lo, pos):
        last = m.end()
    return last


def _previous_sentence_start(text: str, pos: int) -> int:
    lo = max(0, pos - 600)
    ends = [m.end() for m in _SENTENCE_END.finditer(text[lo:pos])]
    if len(ends) >= 2:
        return lo + ends[-2]
    return lo if lo > 0 or not ends else 0
