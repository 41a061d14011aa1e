"""Tests of :mod:`geopol.quotes`: named examples per rule and Hypothesis properties.

The golden cases in ``tests/cases/quotes.jsonl`` cover each construction through
``geopol.analyze``; the tests here check the extractor's own contract.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from geopol import quotes
from geopol.model import Document, Quote, Span
from geopol.text.plain import PLAIN_CHARS, is_plain


def _doc(text: str) -> Document:
    return Document(id="t", text=text)


def _found(text: str) -> list[tuple[str, str, str | None]]:
    doc = _doc(text)
    return [
        (q.kind, doc.text_of(q.content), q.speaker.name if q.speaker else None)
        for q in quotes.extract(doc)
    ]


def test_direct_quote_with_attribution_after_is_found_with_speaker_and_cue() -> None:
    text = "„Geen oorlog”, zei minister Sergej Lavrov."

    [quote] = quotes.extract(_doc(text))

    assert ("direct", "Geen oorlog", "Sergej Lavrov", "zei") == (
        quote.kind, text[quote.content.start:quote.content.end], quote.speaker and
        quote.speaker.name, quote.cue and text[quote.cue.start:quote.cue.end])
    assert "quote.attribution_after" == quote.rule


@pytest.mark.parametrize(
    ("opening", "closing"),
    [('"', '"'), ("„", "”"), ("“", "”"), ("‘", "’"), ("'", "'"), ("«", "»")],
)
def test_every_dutch_quotation_style_gives_the_same_quote(opening: str, closing: str) -> None:
    text = f"{opening}Dit is een test{closing}, zei Karel Smit."

    assert [("direct", "Dit is een test", "Karel Smit")] == _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Zo'n tien auto's reden 's avonds naar huis.",
        "Jezus' woorden en Ruttes' plannen zijn bekend.",
        "Hij vloog ’s avonds terug; collega’s bleven.",
        "In de jaren '80 was dat anders.",
    ],
)
def test_apostrophes_are_not_quote_marks(text: str) -> None:
    assert () == quotes.quote_pairs(text)


def test_a_possessive_apostrophe_inside_a_single_quoted_quote_does_not_close_it() -> None:
    text = "'De plannen van Ruttes' kabinet deugen niet', zei Jan Peters."

    assert [("direct", "De plannen van Ruttes' kabinet deugen niet", "Jan Peters")] == _found(
        text)


def test_an_unmatched_mark_drops_only_its_own_candidate() -> None:
    text = 'Hij riep "nee. "Wij blijven", zei Karel Smit.'

    assert [("direct", "Wij blijven", "Karel Smit")] == _found(text)


def test_a_quote_over_several_sentences_is_one_quote() -> None:
    text = '"Dit is één. Dit is twee. Dit is drie", zei Karel Smit.'

    assert [("direct", "Dit is één. Dit is twee. Dit is drie", "Karel Smit")] == _found(text)


def test_inverted_attribution_with_a_news_agency() -> None:
    assert [("indirect", "De grens is dicht", "Reuters")] == _found(
        "De grens is dicht, meldt persbureau Reuters.")


def test_zo_heeft_x_bekendgemaakt_attributes_the_clause_before_it() -> None:
    text = "Het leger trekt zich terug, zo heeft minister Karel Smit zondag bekendgemaakt."

    assert [("indirect", "Het leger trekt zich terug", "Karel Smit")] == _found(text)


def test_a_title_only_subject_resolves_to_the_person_with_that_title() -> None:
    text = ("Minister Karel Smit van Defensie bezocht de kazerne. "
            "De minister zei dat de inzet defensief is.")

    assert [("indirect", "de inzet defensief is", "Karel Smit")] == _found(text)


def test_a_capital_used_for_a_government_is_affiliated_with_its_country() -> None:
    [quote] = quotes.extract(_doc("Moskou zegt dat de oefening gewoon doorgaat."))

    assert quote.speaker is not None
    assert ("Moskou", "Rusland") == (quote.speaker.name, quote.speaker.affiliation)


def test_the_seed_gives_its_six_gold_quotes() -> None:
    from pathlib import Path

    import geopol

    seed = Path(__file__).resolve().parent.parent / "seeds" / "000_5445485583bac3ad.txt"
    doc = next(geopol.load(str(seed)))

    found = [(q.kind, q.speaker.name if q.speaker else None) for q in quotes.extract(doc)]

    assert [("indirect", "Anthony Blinken"), ("direct", "Anthony Blinken"),
            ("indirect", "Sergej Lavrov"), ("direct", "Sergej Lavrov"),
            ("indirect", "NAVO"), ("mixed", "Poetin")] == found


# -- general constructions (issue 3: the rules generalise beyond the development set) ---------


def _found_rules(text: str) -> list[tuple[str, str, str | None, str | None, str]]:
    doc = _doc(text)
    return [
        (q.kind, doc.text_of(q.content), q.speaker.name if q.speaker else None,
         doc.text_of(q.cue) if q.cue else None, q.rule)
        for q in quotes.extract(doc)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het ministerie zei twaalf drones te hebben onderschept.",
         ("indirect", "twaalf drones te hebben onderschept", "ministerie", "zei",
          "quote.te_infinitive")),
        ("Minister Karel Smit liet weten de wet zo snel mogelijk te willen invoeren.",
         ("indirect", "de wet zo snel mogelijk te willen invoeren", "Karel Smit", "liet weten",
          "quote.te_infinitive")),
        ("De oppositie zegt geen vertrouwen meer te hebben in het kabinet.",
         ("indirect", "geen vertrouwen meer te hebben in het kabinet", "oppositie", "zegt",
          "quote.te_infinitive")),
        ('De regering zegt "diep geschokt" te zijn en belooft hulp.',
         ("mixed", '"diep geschokt" te zijn', "regering", "zegt", "quote.te_infinitive")),
    ],
)
def test_a_speech_cue_with_a_te_infinitive_reports_the_te_clause(
    text: str, expected: tuple[str, str, str, str, str]
) -> None:
    assert [expected] == _found_rules(text)


def test_dreigen_with_a_te_infinitive_is_no_speech() -> None:
    assert [] == _found("Het land dreigt af te glijden naar chaos.")


def test_a_dat_clause_with_single_curly_fragments_and_two_dat_parts_is_one_mixed_quote() -> None:
    text = ("De kustwacht verklaarde dat de boten ‘illegaal’ binnenvoeren en dat de bemanning "
            "‘rustig’ bleef.")

    assert [("mixed", "de boten ‘illegaal’ binnenvoeren en dat de bemanning ‘rustig’ bleef",
             "kustwacht")] == _found(text)


def test_maar_without_a_new_subject_continues_the_reported_clause() -> None:
    text = "Premier Karel Smit zei dat het kabinet ‘de uitspraak respecteert’, maar in beroep gaat."

    assert [("mixed", "het kabinet ‘de uitspraak respecteert’, maar in beroep gaat",
             "Karel Smit")] == _found(text)


def test_maar_with_a_new_subject_ends_the_reported_clause() -> None:
    text = "Premier Karel Smit zei dat het kabinet hulp biedt, maar de oppositie wil meer."

    assert [("indirect", "het kabinet hulp biedt", "Karel Smit")] == _found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NAVO: Rusland bereidt zich voor op ‘lange oorlog’\n\nDe NAVO vergaderde.",
         ("mixed", "Rusland bereidt zich voor op ‘lange oorlog’", "NAVO", ":",
          "quote.colon_headline")),
        ("Japan: gesprekken in 'laatste fase'\n\nTokio onderhandelt.",
         ("mixed", "gesprekken in 'laatste fase'", "Japan", ":", "quote.colon_headline")),
    ],
)
def test_a_colon_headline_of_an_organisation_or_country_with_a_quoted_end_is_mixed(
    text: str, expected: tuple[str, str, str, str, str]
) -> None:
    assert [expected] == _found_rules(text)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Volgens hulporganisatie Artsen zonder Grenzen zijn duizenden mensen gevlucht.",
         "Artsen zonder Grenzen"),
        ("Volgens de Internationale Arbeidsorganisatie verloren miljoenen mensen hun baan.",
         "Internationale Arbeidsorganisatie"),
    ],
)
def test_volgens_an_organisation_keeps_its_whole_name_without_the_type_noun(
    text: str, speaker: str
) -> None:
    [(_, _, found)] = _found(text)

    assert speaker == found


def test_a_quote_after_a_colon_that_ends_a_clause_without_a_speech_verb_is_direct() -> None:
    text = "Premier Karel Smit prees het besluit: „Dit is een goede dag.”"

    assert [("direct", "Dit is een goede dag.", "Karel Smit", None, "quote.colon_clause")] == (
        _found_rules(text))


def test_spreken_van_a_quoted_complement_followed_by_en_and_a_new_verb_is_direct() -> None:
    text = "De regering sprak van ‘een zwarte dag’ en riep de rouw uit."

    assert [("direct", "een zwarte dag", "regering", "sprak van", "quote.spreken_van")] == (
        _found_rules(text))


def test_a_standalone_quote_after_a_paragraph_break_belongs_to_the_speaker_before() -> None:
    text = "Minister Karel Smit zei dat de grens dicht blijft.\n\n„Wij nemen geen risico.”"

    assert [("indirect", "de grens dicht blijft", "Karel Smit"),
            ("direct", "Wij nemen geen risico.", "Karel Smit")] == _found(text)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Critici zeggen dat de wet de persvrijheid beperkt.", "Critici"),
        ("De oppositie zegt dat de uitslag vervalst is.", "oppositie"),
        ("Waarnemers van de OVSE melden dat er stemmen zijn gekocht.", "Waarnemers van de OVSE"),
        ("‘Het water kwam overal’, vertelde een overlevende aan de krant.", "overlevende"),
    ],
)
def test_a_group_or_unnamed_source_is_kept_as_the_speaker(text: str, speaker: str) -> None:
    [(_, _, found)] = _found(text)

    assert speaker == found


def test_a_negated_cue_with_a_dat_clause_reports_nothing() -> None:
    assert [] == _found("De waarnemers stellen niet dat de fraude de uitslag bepaalde.")


def test_dat_staat_in_a_report_of_x_attributes_the_previous_sentence_to_x() -> None:
    text = "Het tekort loopt op tot 3 miljard euro. Dat staat in een rapport van de Rekenkamer."

    assert [("indirect", "Het tekort loopt op tot 3 miljard euro", "Rekenkamer", "staat in",
             "quote.backward")] == _found_rules(text)


def test_dat_blijkt_uit_figures_is_no_statement() -> None:
    assert [] == _found("Het tekort loopt op. Dat blijkt uit cijfers van het CBS.")


def test_a_long_backward_attribution_still_takes_the_previous_sentence() -> None:
    text = ("De brug is gesloten. Dat heeft minister Karel Smit dinsdag bevestigd op een "
            "persbijeenkomst in Den Haag, drie dagen voor het debat.")

    assert [("indirect", "De brug is gesloten", "Karel Smit")] == _found(text)


def test_het_bedrijf_resolves_to_the_latest_company_named_before() -> None:
    text = "De levering van Nordgas stopt. Het bedrijf heeft naar eigen zeggen genoeg voorraad."

    assert [("indirect", "Het bedrijf heeft naar eigen zeggen genoeg voorraad", "Nordgas")] == (
        _found(text))


def test_a_relative_clause_before_the_main_verb_is_no_trailing_cue() -> None:
    text = ("De stadsraad, die wordt gedomineerd door de coalitie, riep de burgemeester uit "
            "tot winnaar.")

    assert [] == _found(text)


def test_a_name_suffix_with_its_period_stays_in_the_speaker() -> None:
    assert [("indirect", "de brug dichtgaat", "Karel Smit jr.")] == _found(
        "Burgemeester Karel Smit jr. zei dat de brug dichtgaat.")


def test_a_quoted_name_does_not_make_a_quote_mixed() -> None:
    assert [("indirect", "heet de operatie ‘Stille Wind’", "leger")] == _found(
        "Volgens het leger heet de operatie ‘Stille Wind’.")


def test_extract_rejects_what_is_not_a_document() -> None:
    with pytest.raises(TypeError, match="Document"):
        quotes.extract("Lavrov zei dat.")  # type: ignore[arg-type]  # the mistake under test


# -- properties ---------------------------------------------------------------------------------

_PIECES = st.sampled_from([
    "zei", "zegt", "Lavrov", "minister", "Volgens", "volgens", "aldus", "dat", "of", "hij", "ze",
    "Het Kremlin", "spreekt van", "noemt", "naar eigen zeggen", "Dat meldt", ",", ".", ":", "\n",
    "\n\n", '"', "'", "„", "”", "“", "‘", "’", "«", "»", "zo'n", "'s", " ", "en", "wil", "De",
])
_TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(_PIECES, max_size=40).map(" ".join),
    st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=40).map("".join),
)


def _check(text: str, found: tuple[Quote, ...]) -> None:
    for quote in found:
        spans = [quote.content] + ([quote.cue] if quote.cue else []) + (
            [quote.speaker.mention] if quote.speaker and quote.speaker.mention else [])
        for span in spans:
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start:span.end] == Document(id="t", text=text).text_of(span)
    assert [q.content.start for q in found] == sorted(q.content.start for q in found)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_any_text_gives_spans_inside_the_text_in_order_without_raising(text: str) -> None:
    found = quotes.extract(_doc(text))

    _check(text, found)


@settings(max_examples=100, deadline=None)
@given(_TEXTS)
def test_extraction_is_deterministic(text: str) -> None:
    assert quotes.extract(_doc(text)) == quotes.extract(_doc(text))


def test_a_known_country_before_a_headline_colon_is_a_source() -> None:
    doc = _doc("Egypte: onderhandelingen over een bestand in een beslissende fase\n\n"
               "Het overleg in Caïro gaat door.")

    found = quotes.extract(doc)

    assert ["Egypte"] == [q.speaker.name for q in found if q.speaker is not None]


def test_a_topic_word_before_a_colon_is_no_source_unless_the_text_names_it_again() -> None:
    listing = _doc("Musea: Rijksmuseum, Stedelijk en Van Gogh Museum.")
    named = _doc("Hoekstra: Europa moet meer betalen\n\nHoekstra sprak in Brussel met ministers.")

    assert () == quotes.extract(listing)
    assert ["Hoekstra"] == [q.speaker.name for q in quotes.extract(named) if q.speaker]


# -- the extractor's shortcuts agree with the plain computations they replace -------------------

_SHORTCUT_TEXT = st.text(alphabet=st.sampled_from(list("ab Zz.:,\n\t\r\x1c\xa0'\"„”‘’«»(")),
                         max_size=80)


@given(_SHORTCUT_TEXT)
@settings(max_examples=300, deadline=None)
def test_every_heading_block_passes_the_cheap_heading_test(text: str) -> None:
    from geopol.text.blocks import split_blocks

    for block in split_blocks(text):
        if block.kind == "heading":
            assert quotes._may_be_heading(text, block.span.start)


# blank lines of every kind between short lines that may or may not read as headings
_BLOCK_TEXT = st.lists(st.sampled_from(
    ["Akkoord", "Zij zei dat.", "a:", "Z", "\n", "\n", "\n\n", "\n \t\r\n", " ", "\t", "\r",
     "\x1c", "\x85", "\xa0", "\u2028", "'", "(", "."]), max_size=30).map("".join)


@given(st.one_of(_SHORTCUT_TEXT, _BLOCK_TEXT))
@settings(max_examples=500, deadline=None)
def test_heading_blocks_found_around_an_offset_are_those_of_the_whole_text(text: str) -> None:
    from geopol.text.blocks import split_blocks

    headings = {block.span.start for block in split_blocks(text) if block.kind == "heading"}

    for offset in range(len(text) + 1):
        assert (offset in headings) == quotes._heading_block_at(text, offset), offset


@given(_SHORTCUT_TEXT)
@settings(max_examples=300, deadline=None)
def test_unit_tokens_outside_the_pairs_agree_with_a_scan_of_every_pair(text: str) -> None:
    from geopol.actors import resolver
    from geopol.nlp import sentences_of

    doc = _doc(text)
    chains = resolver(doc)
    tokens = chains.tokens
    rules = quotes._Rules(doc, sentences_of(doc, None), quotes.default_lexicon(), chains)
    for unit in rules.units:
        within = [t for t in tokens if unit.start <= t.start < unit.end]
        outside = [t for t in within if not any(
            p.open <= t.start and t.end <= (p.close + 1 if p.close is not None
                                            else p.content.end)
            for p in unit.pairs)]
        assert unit.tokens == outside
        starts = [t.start for t in outside]
        for offset in range(unit.start - 1, unit.end + 2):
            assert bisect.bisect_left(starts, offset) == unit.index_at(offset)


@given(st.one_of(_SHORTCUT_TEXT, st.text(max_size=30)), st.data())
@settings(max_examples=300, deadline=None)
def test_trim_agrees_with_a_plain_trim(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    kept = text[start:end].lstrip().lstrip(",:")
    while kept != kept.lstrip().lstrip(",:"):
        kept = kept.lstrip().lstrip(",:")
    kept = kept.rstrip().rstrip(quotes._FINAL)
    while kept != kept.rstrip().rstrip(quotes._FINAL):
        kept = kept.rstrip().rstrip(quotes._FINAL)
    found = quotes._trim(text, start, end)

    if len(kept) < 2 or not any(c.isalnum() for c in kept):
        assert found is None
    else:
        assert found is not None
        assert kept == text[found.start : found.end]


def test_quote_marks_are_found_as_regex_finds_them() -> None:
    import regex

    text = "\"a' „b” “c” ‘d’ «e» ‚f’ 'g"
    plain = regex.compile(quotes._MARK_RE.pattern)
    assert [m.start() for m in quotes._MARK_RE.finditer(text)] == [
        m.start() for m in plain.finditer(text)]


# plain letters of every case and kind, characters outside the plain repertoire (regex's
# path), final punctuation, quote marks, spaces, digits and line breaks
_END_TEXT = st.text(alphabet=st.sampled_from(list(
    "abZzéÉëÿŸĸŉßªµº×÷ĀāŁł" "ΩωǅЖ中" ".!?.. \t\n\r\xa0,;:0'\"”’»„“‘‚«-")), max_size=80)


# words of plain letters (of both cases, Latin-1 and Latin Extended-A too) and of others,
# each followed by punctuation, a quote mark, spaces and another quote mark, so that
# sentence ends of every kind (and near misses) are frequent
_END_PIECES = st.lists(st.tuples(
    st.sampled_from(["a", "ab", "De", "zeï", "ĸa", "ŉs", "ßt", "ªº", "µm", "×", "Ÿ", "É", "Ła",
                     "Ω", "ǅa", "Жe", "中", "2", "a2", "(", "„Dit"]),
    st.sampled_from(["", ".", "!", "?", "...", "?!", ",", ":"]),
    st.sampled_from(["", "'", '"', "”", "’", "»", "„", "«"]),
    st.sampled_from(["", " ", "  ", "\t", "\n", "\xa0", " \t"]),
    st.sampled_from(["", "", "'", '"', "„", "“", "‘", "«", "»"]),
).map("".join), max_size=12).map("".join)


@given(st.one_of(_END_TEXT, _END_PIECES))
@example("Nee?! Ja. Wel? Goed... Zeker! Dat.")  # ends of each mark, out of the marks' order
@settings(max_examples=500, deadline=None)
def test_sentence_ends_are_the_matches_of_the_regex_pattern(text: str) -> None:
    matches = list(quotes._SENTENCE_END.finditer(text))
    plain = is_plain(text)

    assert [m.span() for m in matches] == quotes._sentence_ends(text, plain=plain)
    if plain:
        assert [m.span() for m in quotes._LINE_START.finditer(text)] == [
            m.span() for m in quotes._PLAIN_LINE_START.finditer(text)]
    assert [m.group("word") for m in matches] == [
        quotes._word_before(text, m.start()) for m in matches]


def test_the_plain_classes_hold_what_regex_classes_as_letters_capitals_and_spaces() -> None:
    import re

    import regex

    letter, upper = re.compile(quotes._PLAIN_LETTER), re.compile(quotes._PLAIN_UPPER)
    space = re.compile(quotes._PLAIN_SPACE)
    for char in PLAIN_CHARS:
        assert bool(letter.fullmatch(char)) == bool(regex.fullmatch(r"\p{L}", char)), char
        assert bool(upper.fullmatch(char)) == bool(regex.fullmatch(r"\p{Lu}", char)), char
        assert bool(space.fullmatch(char)) == bool(regex.fullmatch(r"\s", char)), char


@given(st.one_of(_SHORTCUT_TEXT, _END_TEXT))
@settings(max_examples=300, deadline=None)
def test_marks_by_line_agree_with_the_paragraphs_of_the_text(text: str) -> None:
    import regex

    marks = [m.start() for m in quotes._MARK_RE.finditer(text)]
    paragraphs = [m.span() for m in regex.finditer(r"[^\n]++", text)]
    expected = []
    for index, (start, end) in enumerate(paragraphs):
        inside = [k for k in marks if start <= k < end]
        nxt = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else len(text)
        if inside:
            expected.append((end, inside, nxt))

    assert marks == quotes._mark_offsets(text)
    assert expected == list(quotes._marks_by_line(text))


def _choose_in_full(candidates: list[quotes._Candidate]) -> list[quotes._Candidate]:
    """The overlap filter with both passes always run: _choose skips the second when the
    first kept nothing beside a candidate it overlaps."""
    chosen, _ = quotes._first_of_overlapping(sorted(candidates, key=lambda c: c.content.start))
    return quotes._drop_contained(chosen)


_CANDIDATE = st.builds(
    lambda start, length, kind, standalone: quotes._Candidate(
        kind=kind, content=Span(start, start + length), cue=None, rule="quote.test", unit=0,
        standalone=standalone),
    st.integers(0, 30), st.integers(1, 16), st.sampled_from(["direct", "indirect", "mixed"]),
    st.booleans())


@given(st.lists(_CANDIDATE, max_size=8))
@settings(max_examples=1000, deadline=None)
@example([quotes._Candidate(kind="direct", content=Span(10, 14), cue=None, rule="a", unit=0),
          quotes._Candidate(kind="indirect", content=Span(2, 20), cue=None, rule="b", unit=0),
          quotes._Candidate(kind="indirect", content=Span(11, 13), cue=None, rule="c", unit=0)])
def test_the_overlap_filter_keeps_what_the_full_filter_keeps(
        candidates: list[quotes._Candidate]) -> None:
    expected = _choose_in_full(candidates)

    assert [id(c) for c in quotes._choose(list(candidates))] == [id(c) for c in expected]


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_no_candidate_content_is_empty(text: str) -> None:
    from geopol.actors import resolver
    from geopol.nlp import sentences_of

    doc = _doc(text)
    rules = quotes._Rules(doc, sentences_of(doc, None), quotes.default_lexicon(), resolver(doc))
    candidates = [*rules.direct(), *rules.indirect()]

    assert all(cand.content.length > 0 for cand in candidates)


_ROLE_WORDS = sorted({word for words in quotes.default_lexicon().words.values() for word in words})


@given(st.one_of(st.sampled_from(_ROLE_WORDS), st.text(max_size=6)),
       st.sampled_from([str, str.capitalize, str.upper, str.title]),
       st.sampled_from(quotes._ROLES))
@settings(max_examples=500, deadline=None)
def test_the_kept_roles_of_a_word_are_its_roles_in_any_case(
        word: str, case: Callable[[str], str], role: str) -> None:
    lex = quotes.default_lexicon()
    written = case(word)
    expected = written.casefold() in lex.words.get(role, frozenset())

    assert lex.role(written, role) == expected  # asked first or again
    assert (role in lex._roles[written]) == expected
    assert lex.role(written, role) == expected


def test_a_cue_verb_in_capitals_after_the_cue_still_ends_the_search_for_its_clause() -> None:
    # the search after "zei" stops at the next cue verb, whatever its case: no "dat" clause
    assert quotes.extract(_doc("Lavrov zei gisteren Zegt dat de oorlog voorbij is.")) == ()
