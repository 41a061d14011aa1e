"""The output record (contract of design.md) and reading it back."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geopol.errors import InputError
from geopol.model import Actor, Analysis, Document, NumericClaim, PartialDate, Quote, Span, Stance
from geopol.record import JSON, from_record, to_json, to_record

TEXT = 'Bijna 100.000 Russen\n\n"Wij willen geen conflict", zei Lavrov.'


def _analysis() -> Analysis:
    doc = Document(id="seed-1", text=TEXT, date=PartialDate(2021, 12), source="seed.txt")
    lavrov = Actor(name="Sergej Lavrov", mention=Span(54, 60), kind="person",
                   affiliation="Rusland")
    return Analysis(
        document=doc,
        quotes=[Quote(kind="direct", content=Span(23, 47), speaker=lavrov, cue=Span(50, 53),
                      rule="quote.direct_after")],
        stances=[Stance(holder=lavrov, target=Span(39, 47), polarity="oppose",
                        cue=Span(27, 38), rule="stance.willen_geen")],
        numbers=[NumericClaim(span=Span(0, 13), value=100000, kind="count", hedge="under",
                              counts=Span(14, 20), rule="number.digits")],
    )


def test_the_record_has_the_contract_fields_with_span_texts() -> None:
    record = to_record(_analysis())

    assert ["id", "date", "source", "quotes", "stances", "numbers"] == list(record)
    assert "2021-12" == record["date"]
    quote = record["quotes"][0]  # type: ignore[index]
    assert {"start": 23, "end": 47, "text": "Wij willen geen conflict"} == quote["content"]
    assert "Sergej Lavrov" == quote["speaker"]["name"]
    assert {"start": 54, "end": 60, "text": "Lavrov"} == quote["speaker"]["mention"]
    number = record["numbers"][0]  # type: ignore[index]
    assert {"start": 0, "end": 13, "text": "Bijna 100.000"} == number["span"]
    assert (100000, None, None, "count", "under", None) == (
        number["value"], number["low"], number["high"], number["kind"], number["hedge"],
        number["unit"])
    assert "Russen" == number["counts"]["text"]
    assert "oppose" == record["stances"][0]["polarity"]  # type: ignore[index]


def test_a_record_reads_back_to_the_same_analysis_through_json() -> None:
    analysis = _analysis()

    line = to_json(to_record(analysis))

    assert "\n" not in line
    assert analysis == from_record(json.loads(line), analysis.document)


def test_a_record_with_its_text_reads_back_without_the_corpus() -> None:
    analysis = _analysis()

    record = json.loads(json.dumps(to_record(analysis, include_text=True)))

    assert analysis == from_record(record)


def test_a_span_whose_text_does_not_fit_the_document_is_rejected() -> None:
    record = to_record(_analysis())
    record["numbers"][0]["span"]["text"] = "Ruim 100.000"  # type: ignore[index]

    with pytest.raises(InputError, match="differs from the document"):
        from_record(record, _analysis().document)


def test_a_record_without_text_or_document_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="has no text"):
        from_record(to_record(_analysis()))


def test_an_unknown_quote_kind_is_a_clear_error() -> None:
    record = to_record(_analysis())
    record["quotes"][0]["kind"] = "hearsay"  # type: ignore[index]

    with pytest.raises(InputError, match="record 'seed-1'"):
        from_record(record, _analysis().document)


def test_flat_rows_have_one_row_per_item_and_every_column() -> None:
    from geopol.record import ROW_FIELDS, to_rows

    rows = to_rows(_analysis())

    assert ["quote", "stance", "number"] == [row["type"] for row in rows]
    assert all(list(ROW_FIELDS) == list(row) for row in rows)
    quote, stance, number = rows
    assert ("Wij willen geen conflict", 23, 47) == (quote["text"], quote["start"], quote["end"])
    assert ("Sergej Lavrov", "Lavrov", "zei") == (quote["actor"], quote["actor_mention"],
                                                  quote["cue"])
    assert ("oppose", "conflict") == (stance["polarity"], stance["text"])
    assert (100000, "under", "Russen") == (number["value"], number["hedge"], number["counts"])
    assert rows == _analysis().to_records()


# Any JSON value our records can hold, and the cases orjson refuses: integers beyond 64 bits
# (a spelled number can be that large) and lone surrogates.
_JSON_VALUES: st.SearchStrategy[JSON] = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@given(st.dictionaries(st.text(), _JSON_VALUES, max_size=6))
def test_a_json_line_reads_back_to_the_same_record(record: dict[str, JSON]) -> None:
    line = to_json(record)

    assert "\n" not in line
    assert record == json.loads(line)


def test_a_json_line_is_compact_and_keeps_non_ascii_characters() -> None:
    assert '{"id":"d1","n":[100000,1.5,null],"t":"Zelenski\u2019s \\"één\\""}' == to_json(
        {"id": "d1", "n": [100000, 1.5, None], "t": "Zelenski’s \"één\""})
    assert '{"value":1000000000000000000000}' == to_json({"value": 10**21})  # beyond 64 bits
    assert {"t": "a\ud800b"} == json.loads(to_json({"t": "a\ud800b"}))  # a lone surrogate
