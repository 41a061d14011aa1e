"""Sentences without tokens (``segment(text, tokens=False)``) are the sentences with tokens.

Without tokens, segmentation tokenises only the runs of characters around the places
where a sentence can end; these tests hold it to the full tokenisation, on generated
texts made of the pieces the rules care about and on every text of the benchmarks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import geopol
from geopol.errors import DataFileError
from geopol.text import segment as segment_module
from geopol.text.segment import segment

ROOT = Path(__file__).resolve().parent.parent


def spans_without_tokens(text: str) -> list[tuple[int, int]]:
    return [(s.span.start, s.span.end) for s in segment(text, tokens=False)]


def spans_with_tokens(text: str) -> list[tuple[int, int]]:
    return [(s.span.start, s.span.end) for s in segment(text)]


# --- generated texts -------------------------------------------------------------------

_PIECES = [
    # whitespace, line breaks single and double, and the odd ones
    " ", "  ", "\t", "\u00a0", "\n", "\n\n", " \n ", "\r\n", "\r\n\r\n", "\r", "\v", "\f",
    "\x85", "\u2028", "\u2029", "\x1c", "\x1f",
    # punctuation: marks, ellipses, quotes, brackets
    ".", "..", "...", "…", "?", "!", "?!", "!?", ",", ":", ";", "-", "–", "—", "/", "&",
    '"', "'", "„", "”", "“", "‘", "’", "«", "»", "‹", "›", ",,", "''", "``",
    "(", ")", "[", "]", "{", "}",
    # abbreviations, sentence-final ones, months, initials, numbering
    "dhr.", "Dhr.", "o.a.", "blz.", "ca.", "enz.", "etc.", "Jr.", "a.s.", "jan.", "3 jan.",
    "feb.", "J.", "F.", "J.F.", "J.F. Kennedy", "M. Rutte", "a.", "b.", "d.w.z.", "v.Chr.",
    "St.-Baafskathedraal",
    # numbers
    "13.45", "1.500", "100.000", "1,5", "3,2%", "1-1-2006", "-5", "'90", "2014.",
    # URLs and addresses
    "https://nos.nl/artikel/2415.", "http://x.nl/a.)b", "www.nos.nl", "nu.nl.", "info@nos.nl",
    # words
    "Hij", "hij", "zei", "ging", "aan", "De", "de", "Rusland", "Oost-Oekraïne", "zo'n",
    "'s", "'t", "land-", "(ex-)", "ontvoerder(s)", "x", "é", "\u0301", "\u200b", "1",
    # text with no spaces after periods
    "aan.Hij", "ja.Nee.", "zei:„Ja.”Hij",
]

texts = st.one_of(
    st.lists(st.sampled_from(_PIECES), max_size=50).map("".join),
    st.text(alphabet=st.sampled_from(list(".!?…\"'”’»)]}„( \n\r\t\x85\x1caAbB1-,:")),
            max_size=40),
    st.text(),
)


@settings(max_examples=600, deadline=None)
@given(texts)
@example('Hij zei: "Ja." Daarna ging hij.\n\nDhr. Rutte (o.a. premier) kwam om 13.45 uur aan.')
@example("Zie https://nos.nl/a.) En www.nos.nl. Dat is het.")
@example("a. Gent\nb. Antwerpen\nc. brussel")
@example('" Wij blijven. " Dat zei hij. " En " toen?')
@example("Ja.\r) Hij ging.\x85) Zij ook.\n\x1c\nNee")
@example('Ja."Nee."Ja.)Nee.)' * 20)
def test_sentences_without_tokens_are_the_sentences_with_tokens(text: str) -> None:
    assert spans_with_tokens(text) == spans_without_tokens(text)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_sentences_without_tokens_carry_no_tokens(text: str) -> None:
    assert all(sentence.tokens == () for sentence in segment(text, tokens=False))


# --- the benchmark texts ----------------------------------------------------------------


def _benchmark_texts() -> Iterator[tuple[str, str]]:
    paths = [*sorted((ROOT / "benchmarks" / "gold").glob("*.jsonl")),
             *sorted((ROOT / "seeds").glob("*.txt"))]
    for path in paths:
        for doc in geopol.load(str(path)):
            yield f"{path.name}:{doc.id}", doc.text


def test_every_gold_and_seed_document_has_the_same_sentences_without_tokens() -> None:
    texts = list(_benchmark_texts())
    if not texts:
        pytest.skip("no gold files or seeds in this checkout")

    differing = [key for key, text in texts
                 if spans_with_tokens(text) != spans_without_tokens(text)]

    assert [] == differing


def test_ud_treebank_texts_have_the_same_sentences_without_tokens() -> None:
    benchmark = pytest.importorskip("benchmarks.segmentation")
    paths = sorted((ROOT / "benchmarks" / "data" / "ud").glob("*.conllu"))
    if not paths:
        pytest.skip("no UD treebanks in benchmarks/data/ud")

    for path in paths:
        text = benchmark.build(path.name, list(benchmark.read_conllu(path))).text

        assert spans_with_tokens(text) == spans_without_tokens(text), path.name


# --- the parts of the fast path ----------------------------------------------------------


def test_a_data_entry_with_whitespace_is_refused() -> None:
    with pytest.raises(DataFileError, match="whitespace"):
        segment_module._check_no_whitespace("abbreviations.txt", ("dhr.", "a. s."))


def test_a_long_text_without_whitespace_is_segmented_the_same() -> None:
    text = 'Ja."Nee.)' * 5000

    assert spans_with_tokens(text) == spans_without_tokens(text)


_WORDS_BEFORE_PERIODS = st.lists(st.sampled_from([
    *_PIECES, "Staten.", "staten.", "Rutte.", "mr.", "Mr.", "dr.", "jan.", "Jan.", "mei.",
    "nl.", "www.", "nos.", "etc.", "ca", "ca.", "3 jan.", "Na.", "ab.", "A.", " ", " ", "\n",
    "zw.", "d.w.", "z.", "ook.\u00a0", "Ja.\u2028", "eind.", "Oekraïne.", "Israël.", "één.",
    "e\u0301n.", "x\u200bx.", "ab².", "ab1.", "a_b.", "ŉa.", "gezegd.\"", "\"Genève.\"", "www.\"",
    "www.\"x", "ab.\"c", "Mr.\"", "x.\"\"", "x.'", "x.”", "x.)", ".,", ",.", ";;", "»»", "\"\"",
    "\"(", "\"'s", "\"-", "''", "'''", ",,,", "``", "`", "''s", "'s", "'90", "'9"]),
    max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(_WORDS_BEFORE_PERIODS)
@example("d.w.zw. En dat.")
@example("Op 3 jan. Dat was mr. Rutte zijn dag. (Na.) ja.")
@example('Zie www." En "www."x en "Oekraïne." Zo.')
@example("Zie ab.c en www.x en A. Kennedy.")
def test_the_token_at_any_character_ends_where_the_token_pattern_ends_it(text: str) -> None:
    rules = segment_module._rules()
    tokens = segment_module._TokensOnDemand(text, rules.token, rules.listed_words)
    for start, char in enumerate(text):
        if not char.isspace():
            match = rules.token.match(text, start)
            assert match is not None and match.end() == tokens.end_of(start), (text, start)


def test_no_abbreviation_or_month_begins_with_a_token_alone_or_holds_a_quote_mark() -> None:
    listed = segment_module._rules().listed
    alone = {*segment_module._ALONE, *segment_module._OLD_STYLE_QUOTE_HALVES}

    assert [] == [entry for entry in listed if entry[0] in alone or '"' in entry]


# --- the candidates of sentence breaks ---------------------------------------------------

_LINE_BREAK = "\n\r\v\f\x85\u2028\u2029"
# Every line break with the whitespace after it, as the line-break rules take it.
_EVERY_LINE_BREAK = re.compile(
    rf"(?:\r\n|[{_LINE_BREAK}])(?P<blank>[^\S\x1c-\x1f{_LINE_BREAK}]*+[{_LINE_BREAK}])?"
    r"[^\S\x1c-\x1f]*+"
)


def breaks_at_every_mark_and_line_break(text: str) -> list[tuple[int, int]]:
    """The sentence breaks found by trying the rules at every mark and every line break."""
    rules = segment_module._rules()
    spans = segment_module.token_spans(text)
    tokens = segment_module._AllTokens(spans, [start for start, _ in spans])
    quotes = segment_module._QuoteParity(text)
    found = [segment_module._mark_break(text, position, tokens, rules.sentence_final, quotes)
             for position, char in enumerate(text) if char in ".!?…"]
    found += [segment_module._line_break(text, gap, tokens, rules.sentence_final)
              for gap in _EVERY_LINE_BREAK.finditer(text)]
    return sorted({found_break for found_break in found if found_break is not None})


@settings(max_examples=600, deadline=None)
@given(texts)
@example('Ja. Nee! Of? Zo… "Ja." (Nee.) Dat.\nDe.\n\nHet.\r\nEn.\u2028Of.')
@example("Ja.\x1cNee.\u00a0Zo.\tHet.\r Dat.\n")
@example("! Ja? Nee… Of")
def test_the_candidates_give_the_breaks_of_every_mark_and_line_break(text: str) -> None:
    rules = segment_module._rules()
    spans = segment_module.token_spans(text)
    tokens = segment_module._AllTokens(spans, [start for start, _ in spans])

    found = segment_module._sentence_breaks(text, tokens, rules.sentence_final)

    assert breaks_at_every_mark_and_line_break(text) == found


@settings(max_examples=500, deadline=None)
@given(texts)
@example("Ja.\tNee. Zo\u00a0ja.\u200bNee. En\u2028Of. Dus")
def test_the_token_containing_a_character_is_the_token_of_the_full_tokenisation(
    text: str,
) -> None:
    rules = segment_module._rules()
    spans = segment_module.token_spans(text)
    positions = [position for position, char in enumerate(text) if not char.isspace()]
    expected = [next(span for span in spans if span[0] <= position < span[1])
                for position in positions]

    # In text order, as the rules ask, and backwards, from the run start each time.
    in_order = segment_module._TokensOnDemand(text, rules.token, rules.listed_words)
    backwards = segment_module._TokensOnDemand(text, rules.token, rules.listed_words)

    assert expected == [in_order.containing(position) for position in positions]
    assert expected[::-1] == [backwards.containing(position) for position in positions[::-1]]
