"""Tests of :mod:`geopol.quotes`: named examples per rule and Hypothesis properties.

The golden cases in ``tests/cases/quotes.jsonl`` cover each construction through
``geopol.analyze``; the tests here check the extractor's own contract.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geopol import quotes
from geopol.model import Document, Quote


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
