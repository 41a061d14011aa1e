"""The data model: frozen, typed, everything an offset into one text."""

from __future__ import annotations

import pickle

import attrs
import pytest

from geopol.model import (
    Actor,
    Analysis,
    Block,
    Document,
    NumericClaim,
    PartialDate,
    Quote,
    Sentence,
    Span,
    Stance,
    Token,
)

TEXT = "Akkoord van Minsk\n\nLavrov zegt dat Rusland geen oorlog wil."


def test_a_span_is_half_open_and_reads_its_text_from_the_document() -> None:
    doc = Document(id="d", text=TEXT)

    assert "Lavrov" == doc.text_of(Span(19, 25))
    assert 6 == Span(19, 25).length


def test_a_span_cannot_run_backwards_or_start_before_zero() -> None:
    with pytest.raises(ValueError, match="end must be >= start"):
        Span(5, 4)
    with pytest.raises(ValueError, match="start must be >= 0"):
        Span(-1, 4)


def test_a_span_past_the_end_of_the_text_is_an_error_when_read() -> None:
    with pytest.raises(ValueError, match="runs past the end"):
        Document(id="d", text="kort").text_of(Span(0, 10))


def test_spans_know_containment_and_overlap() -> None:
    assert Span(0, 10).contains(Span(2, 5))
    assert not Span(2, 5).contains(Span(0, 10))
    assert Span(0, 5).overlaps(Span(4, 8))
    assert not Span(0, 4).overlaps(Span(4, 8))


def test_model_objects_are_frozen() -> None:
    span = Span(0, 3)

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.start = 1  # type: ignore[misc]


def test_a_partial_date_keeps_month_precision() -> None:
    date = PartialDate.parse("2021-12")

    assert PartialDate(2021, 12) == date
    assert "month" == date.precision
    assert "2021-12" == str(date)


def test_partial_dates_read_years_days_and_timestamps() -> None:
    assert "2014" == str(PartialDate.parse("2014"))
    assert "2022-02-24" == str(PartialDate.parse("2022-02-24T04:00:00Z"))


@pytest.mark.parametrize("bad", ["december 2021", "2021-13", "2022-02-30", "21-12", ""])
def test_impossible_or_unreadable_dates_are_value_errors(bad: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(bad)


def test_a_document_splits_its_body_into_headings_and_paragraphs() -> None:
    doc = Document(id="d", text=TEXT)

    assert ("heading", "paragraph") == tuple(b.kind for b in doc.blocks)
    assert "Akkoord van Minsk" == doc.text_of(doc.blocks[0].span)


def test_document_metadata_is_read_only_and_survives_pickling() -> None:
    doc = Document(id="d", text=TEXT, metadata={"url": "https://example.org/a"})

    with pytest.raises(TypeError):
        doc.metadata["url"] = "x"  # type: ignore[index]
    copy = pickle.loads(pickle.dumps(doc))
    assert doc == copy
    assert {"url": "https://example.org/a"} == dict(copy.metadata)


def test_sequences_inside_results_become_tuples() -> None:
    tokens = [Token(span=Span(0, 3)), Token(span=Span(4, 7))]

    sentence = Sentence(span=Span(0, 7), tokens=tokens)

    assert isinstance(sentence.tokens, tuple)
    assert not sentence.has_parse


def test_value_sets_are_checked() -> None:
    with pytest.raises(ValueError):
        Quote(kind="hearsay", content=Span(0, 1))  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Stance(holder=None, target=Span(0, 1), polarity="neutral")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        NumericClaim(span=Span(0, 1), value=1, kind="amount")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Block("title", Span(0, 1))  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Actor(name="X", kind="alien")  # type: ignore[arg-type]


def test_an_analysis_is_hashable_and_equal_by_value() -> None:
    doc = Document(id="d", text=TEXT)
    quote = Quote(kind="indirect", content=Span(35, 58), cue=Span(26, 30),
                  speaker=Actor(name="Sergej Lavrov", mention=Span(19, 25)))

    one = Analysis(document=doc, quotes=[quote])
    two = Analysis(document=doc, quotes=(quote,))

    assert one == two
    assert hash(one) == hash(two)
