"""Dutch sentence and token segmentation (geopol.text.segment), by example and by property."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import geopol
from geopol.model import Sentence, Span, Token
from geopol.text import segment as segment_module
from geopol.text.segment import segment, token_spans


def sentences(text: str) -> list[str]:
    return [text[s.span.start : s.span.end] for s in segment(text)]


def tokens(text: str) -> list[str]:
    return [text[t.span.start : t.span.end] for s in segment(text) for t in s.tokens]


# --- sentences -------------------------------------------------------------------------


def test_abbreviation_dhr_does_not_end_a_sentence() -> None:
    text = "Volgens dhr. Jansen is het rustig. Niemand gelooft hem."

    assert ["Volgens dhr. Jansen is het rustig.", "Niemand gelooft hem."] == sentences(text)


def test_abbreviations_before_names_and_numbers_run_on() -> None:
    text = "Er kwamen o.a. Rutte en prof. Smit, m.n. uit Den Haag, ca. 300 man (zie blz. 4)."

    assert [text] == sentences(text)


def test_sentence_final_abbreviation_ends_a_sentence_before_a_capital() -> None:
    text = "Ze stuurden tanks, vliegtuigen enz. De aanval begon om vijf uur."

    assert ["Ze stuurden tanks, vliegtuigen enz.", "De aanval begon om vijf uur."] == sentences(
        text
    )


def test_initials_do_not_end_a_sentence() -> None:
    text = "De moord op J.F. Kennedy en de rede van M. Rutte staan centraal."

    assert [text] == sentences(text)


def test_closing_quote_after_the_period_belongs_to_the_sentence() -> None:
    text = '"Ja." Hij ging.'

    assert ['"Ja."', "Hij ging."] == sentences(text)


def test_low_closing_quote_pair_ends_with_its_sentence() -> None:
    text = "„Wij willen vrede.” Daarna vertrok de delegatie."

    assert ["„Wij willen vrede.”", "Daarna vertrok de delegatie."] == sentences(text)


def test_quote_followed_by_a_lowercase_cue_stays_one_sentence() -> None:
    text = "„Is dit oorlog?” vroeg de minister zich af."

    assert [text] == sentences(text)


def test_straight_quote_after_a_space_closes_an_open_quote() -> None:
    text = '" Wij blijven. " Dat zei de burgemeester.'

    assert ['" Wij blijven. "', "Dat zei de burgemeester."] == sentences(text)


def test_a_digit_can_start_a_sentence() -> None:
    text = "De aanval begon in 2014. 300 mensen kwamen om."

    assert ["De aanval begon in 2014.", "300 mensen kwamen om."] == sentences(text)


def test_month_abbreviation_after_a_day_does_not_end_a_sentence() -> None:
    text = "Op 3 jan. 2022 sprak Jan. Daarna niet meer."

    assert ["Op 3 jan. 2022 sprak Jan.", "Daarna niet meer."] == sentences(text)


def test_ellipsis_before_a_capital_ends_a_sentence() -> None:
    text = "Het bleef stil... Toen kwam het antwoord… Niemand lachte."

    assert ["Het bleef stil...", "Toen kwam het antwoord…", "Niemand lachte."] == sentences(text)


def test_heading_line_without_punctuation_is_its_own_sentence() -> None:
    text = "Akkoord van Minsk\nBlinken wil dat Oekraïne zich aan de afspraken houdt."

    assert ["Akkoord van Minsk", "Blinken wil dat Oekraïne zich aan de afspraken houdt."] == (
        sentences(text)
    )


def test_blank_line_always_ends_a_sentence() -> None:
    text = "Zie ook\n\nlijst van NAVO-landen"

    assert ["Zie ook", "lijst van NAVO-landen"] == sentences(text)


def test_line_break_before_a_lowercase_word_continues_the_sentence() -> None:
    text = "De troepen trokken zich terug uit\nhet oosten van het land."

    assert [text] == sentences(text)


def test_line_ending_in_a_colon_runs_on_into_the_quote() -> None:
    text = "Lavrov zei:\n„Wij willen geen oorlog.”"

    assert [text] == sentences(text)


def test_letter_numbering_a_line_is_no_sentence_end() -> None:
    text = "a. Gent\nb. Antwerpen"

    assert ["a. Gent", "b. Antwerpen"] == sentences(text)


def test_sentences_never_start_or_end_with_whitespace() -> None:
    text = "  \n Hij kwam.   Zij ging.  \n\n  "

    assert ["Hij kwam.", "Zij ging."] == sentences(text)


def test_empty_and_blank_texts_have_no_sentences() -> None:
    assert [] == segment("")
    assert [] == segment(" \n\t\n ")


# --- tokens ----------------------------------------------------------------------------


def test_dutch_numbers_are_single_tokens() -> None:
    text = "Bijna 100.000 man, 1,5 miljoen euro, 3,2% en om 13.45 uur op 1-1-2022."

    assert [
        "Bijna", "100.000", "man", ",", "1,5", "miljoen", "euro", ",", "3,2%", "en", "om",
        "13.45", "uur", "op", "1-1-2022", ".",
    ] == tokens(text)


def test_clitics_and_apostrophes_stay_in_their_token() -> None:
    text = "Zo'n auto's reden 's avonds, 't was in de jaren '90."

    assert [
        "Zo'n", "auto's", "reden", "'s", "avonds", ",", "'t", "was", "in", "de", "jaren",
        "'90", ".",
    ] == tokens(text)


def test_hyphenated_compounds_are_single_tokens() -> None:
    text = "De NAVO-topman bezocht Oost-Oekraïne en de land- en tuinbouw."

    assert [
        "De", "NAVO-topman", "bezocht", "Oost-Oekraïne", "en", "de", "land-", "en",
        "tuinbouw", ".",
    ] == tokens(text)


def test_quote_marks_are_tokens_of_their_own() -> None:
    text = "«Nee», ‘ja’ en „misschien”."

    assert ["«", "Nee", "»", ",", "‘", "ja", "’", "en", "„", "misschien", "”", "."] == tokens(
        text
    )


def test_urls_and_email_addresses_are_single_tokens() -> None:
    text = "Zie https://nos.nl/artikel/2415. Mail naar info@nos.nl of kijk op nu.nl."

    assert [
        "Zie", "https://nos.nl/artikel/2415", ".", "Mail", "naar", "info@nos.nl", "of",
        "kijk", "op", "nu.nl", ".",
    ] == tokens(text)
    assert ["Zie https://nos.nl/artikel/2415.", "Mail naar info@nos.nl of kijk op nu.nl."] == (
        sentences(text)
    )


def test_abbreviations_keep_their_period() -> None:
    text = "Dhr. Smit, d.w.z. de woordvoerder, o.a. in Den Haag."

    assert [
        "Dhr.", "Smit", ",", "d.w.z.", "de", "woordvoerder", ",", "o.a.", "in", "Den", "Haag",
        ".",
    ] == tokens(text)


def test_a_word_before_a_sentence_final_period_is_split_from_it() -> None:
    assert ["Hij", "ging", "naar", "huis", "."] == tokens("Hij ging naar huis.")


def test_token_spans_gives_the_same_offsets_as_segment() -> None:
    text = "Op 3 feb. 2022 sprak dhr. Rutte. „Ja”, zei hij."

    expected = [(t.span.start, t.span.end) for s in segment(text) for t in s.tokens]

    assert expected == token_spans(text)


def test_segment_is_reexported_at_the_top_level() -> None:
    assert geopol.segment is segment


@pytest.mark.parametrize(("cls", "maker"), [(Token, "make_token"), (Sentence, "make_sentence")])
def test_fast_construction_equals_the_ordinary_constructors(
    cls: type[Token] | type[Sentence], maker: str
) -> None:
    made = getattr(segment_module._rules(), maker)(3, 7)
    ordinary = cls(span=Span(3, 7))

    assert ordinary == made
    assert hash(ordinary) == hash(made)
    assert isinstance(made.span, Span)
    for field in attrs.fields(cls):  # every field, the default ones included (no tokens)
        assert getattr(ordinary, field.name) == getattr(made, field.name), field.name


# --- properties ------------------------------------------------------------------------

_FRAGMENTS = [
    " ", "  ", "\n", "\n\n", "\t", "\r\n", "\u00a0", "\u2029", ".", "...", "…", "?", "!", ",",
    ":", ";", '"', "'", "„", "”", "“", "‘", "’", "«", "»", "(", ")", "-", "--", ",,", "''",
    "dhr.", "o.a.", "enz.", "J.", "F.", "Jan", "jan.", "3", "100.000", "1,5", "3,2%", "'s",
    "zo'n", "Oost-Oekraïne", "land-", "https://nos.nl/a.", "www.nos.nl", "info@nos.nl",
    "nu.nl", "Hij", "zei", "de", "De", "Rusland", "a.", "(ex-)", "ontvoerder(s)", "\x1c", "\u200b",
    "\u0301", "e", "é", "1", "-5", "'90",
]
texts = st.one_of(
    st.text(),
    st.lists(st.sampled_from(_FRAGMENTS), max_size=40).map("".join),
)


def _check(text: str, result: list[Sentence]) -> None:
    previous_end = 0
    covered: list[int] = []
    for sentence in result:
        start, end = sentence.span.start, sentence.span.end
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert sentence.tokens, "a sentence has tokens"
        assert sentence.tokens[0].span.start == start
        assert sentence.tokens[-1].span.end == end
        token_end = start
        for token in sentence.tokens:
            assert token_end <= token.span.start < token.span.end <= end
            piece = text[token.span.start : token.span.end]
            assert not any(char.isspace() for char in piece), piece
            covered.extend(range(token.span.start, token.span.end))
            token_end = token.span.end
        previous_end = end
    non_space = [index for index, char in enumerate(text) if not char.isspace()]
    assert non_space == covered


@settings(max_examples=300, deadline=None)
@given(texts)
def test_any_string_segments_into_ordered_spans_covering_every_non_space_character(
    text: str,
) -> None:
    _check(text, segment(text))


@settings(max_examples=100, deadline=None)
@given(texts)
def test_segmenting_twice_gives_equal_results(text: str) -> None:
    assert segment(text) == segment(text)


@settings(max_examples=100, deadline=None)
@given(texts)
def test_sentences_without_tokens_have_the_spans_of_sentences_with_tokens(text: str) -> None:
    expected = [sentence.span for sentence in segment(text)]

    found = segment(text, tokens=False)

    assert expected == [sentence.span for sentence in found]
    assert all(not sentence.tokens for sentence in found)


# --- the benchmark's scoring -----------------------------------------------------------


def test_benchmark_rebuilds_paragraphs_and_scores_exact_spans(tmp_path: Path) -> None:
    benchmark = pytest.importorskip("benchmarks.segmentation")
    conllu = tmp_path / "mini.conllu"
    conllu.write_text(
        "# sent_id = d1.p.1.s.1\n# text = Hij kwam.\n1\tHij\n2\tkwam\n3\t.\n\n"
        "# sent_id = d1.p.1.s.2\n# text = Zij ging.\n1\tZij\n2\tging\n3\t.\n\n"
        "# sent_id = d1.p.2.s.1\n# text = Dhr. Jansen\n1\tDhr.\n2\tJansen\n\n",
        encoding="utf-8",
    )
    rows = [line.split("\t") + ["_"] * 8 for line in conllu.read_text().splitlines()]
    conllu.write_text(
        "\n".join("\t".join(r[:10]) if r[0][:1].isdigit() else r[0] for r in rows) + "\n",
        encoding="utf-8",
    )

    treebank = benchmark.build("mini", list(benchmark.read_conllu(conllu)))
    figures = benchmark.evaluate(treebank)

    assert "Hij kwam. Zij ging.\n\nDhr. Jansen" == treebank.text
    assert 3 == len(treebank.sentences)
    assert 100.0 == figures["sentences"]["f1"]
    assert 100.0 == figures["tokens"]["f1"]
