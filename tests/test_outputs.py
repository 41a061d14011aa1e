"""The outputs people work with, on the development set's texts: CSV rows and the actor summary."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from geopol.cli import main
from geopol.record import ROW_FIELDS

DEV = Path(__file__).resolve().parent.parent / "benchmarks" / "gold" / "dev.jsonl"


@pytest.fixture(scope="module")
def dev_records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out") / "dev.geopol.jsonl"
    assert 0 == main(["analyze", "--quiet", str(DEV), "-o", str(out)])
    return out


def test_csv_has_one_row_per_item_with_document_ids_and_exact_spans(tmp_path: Path) -> None:
    out = tmp_path / "dev.csv"
    texts = {json.loads(line)["id"]: json.loads(line)["text"]
             for line in DEV.read_text(encoding="utf-8").splitlines()}

    assert 0 == main(["analyze", "--quiet", "--format", "csv", str(DEV), "-o", str(out)])

    with out.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert list(ROW_FIELDS) == reader.fieldnames
        rows = list(reader)
    assert {"quote", "stance", "number"} == {row["type"] for row in rows}
    assert len(texts) == len({row["document_id"] for row in rows})
    for row in rows:
        text = texts[row["document_id"]]
        assert row["text"] == text[int(row["start"]):int(row["end"])]
        if row["actor_start"]:
            assert row["actor_mention"] == text[int(row["actor_start"]):int(row["actor_end"])]


def test_csv_rows_match_the_jsonl_records(tmp_path: Path, dev_records: Path) -> None:
    out = tmp_path / "dev.csv"
    main(["analyze", "--quiet", "--format", "csv", str(DEV), "-o", str(out)])
    records = [json.loads(line) for line in dev_records.read_text(encoding="utf-8").splitlines()]

    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))

    expected = sum(len(r["quotes"]) + len(r["stances"]) + len(r["numbers"]) for r in records)
    assert expected == len(rows)


def test_the_summary_of_the_dev_set_lists_quoted_actors_with_their_stances(
    dev_records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert 0 == main(["summarize", str(dev_records), "--json"])

    summaries = json.loads(capsys.readouterr().out)
    assert len(summaries) >= 20
    quoted = [s for s in summaries if s["quotes"] > 0]
    assert quoted[0]["quotes"] >= quoted[-1]["quotes"]
    assert any(s["stances"] for s in summaries)
    assert any(s["numbers"] for s in summaries)


def test_the_text_summary_names_actors_and_counts(
    dev_records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert 0 == main(["summarize", str(dev_records), "--top", "2"])

    lines = capsys.readouterr().out.splitlines()
    assert ": quoted " in lines[0]
    assert any(line.startswith("  support ") or line.startswith("  oppose ") for line in lines)
