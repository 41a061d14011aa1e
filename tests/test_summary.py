"""Per-actor aggregation of output records (``geopol summarize``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geopol.errors import InputError
from geopol.summary import format_table, read_records, summarize

TEXT_1 = '"We sturen 500 militairen", zei Rutte. Rutte steunt de missie.'
TEXT_2 = "Volgens Rutte kost de missie 2 miljard euro. Lavrov wijst de missie af."


def _span(text: str, part: str) -> dict[str, object]:
    start = text.index(part)
    return {"start": start, "end": start + len(part), "text": part}


RECORDS = [
    {"id": "a", "quotes": [{"kind": "direct", "content": _span(TEXT_1, "We sturen 500 militairen"),
                            "speaker": {"name": "Mark Rutte"}}],
     "stances": [{"holder": {"name": "Mark Rutte"}, "polarity": "support",
                  "target": _span(TEXT_1, "de missie")}],
     "numbers": [{"span": _span(TEXT_1, "500"), "value": 500, "unit": None,
                  "counts": _span(TEXT_1, "militairen")}]},
    {"id": "b", "quotes": [{"kind": "indirect",
                            "content": _span(TEXT_2, "kost de missie 2 miljard euro"),
                            "speaker": {"name": "Mark Rutte"}}],
     "stances": [{"holder": {"name": "Sergej Lavrov"}, "polarity": "oppose",
                  "target": _span(TEXT_2, "de missie")},
                 {"holder": {"name": "Mark Rutte"}, "polarity": "support",
                  "target": _span(TEXT_2, "de missie")}],
     "numbers": [{"span": _span(TEXT_2, "2 miljard euro"), "value": 2000000000, "unit": "EUR",
                  "counts": None}]},
]


def test_actors_are_counted_across_documents_most_quoted_first() -> None:
    summaries = summarize(RECORDS)

    assert ["Mark Rutte", "Sergej Lavrov"] == [s.name for s in summaries]
    rutte = summaries[0]
    assert (2, 2) == (rutte.quotes, rutte.documents)
    assert (("direct", 1), ("indirect", 1)) == rutte.quote_kinds


def test_stances_are_grouped_by_target_and_polarity() -> None:
    rutte, lavrov = summarize(RECORDS)

    assert [("de missie", "support", 2)] == [(s.target, s.polarity, s.count)
                                            for s in rutte.stances]
    assert [("de missie", "oppose", 1)] == [(s.target, s.polarity, s.count)
                                           for s in lavrov.stances]


def test_numbers_inside_an_actors_quotes_are_theirs() -> None:
    rutte, lavrov = summarize(RECORDS)

    assert [("500", "militairen"), ("2 miljard euro", None)] == [
        (n.text, n.counts) for n in rutte.numbers]
    assert () == lavrov.numbers


def test_the_table_names_each_actor_and_their_claims() -> None:
    table = format_table(summarize(RECORDS))

    assert "Mark Rutte: quoted 2 times (1 direct, 1 indirect) in 2 documents" in table
    assert "claims   500 militairen [a]" in table


def test_a_broken_output_line_is_named_by_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps(RECORDS[0]) + "\n{kapot\n", encoding="utf-8")

    with pytest.raises(InputError, match=r"out\.jsonl:2: not a JSON record"):
        list(read_records([path]))
