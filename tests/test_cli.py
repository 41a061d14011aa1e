"""The geopol command line, run in-process through main(argv), and once as a real process."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geopol import cli
from geopol.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_5445485583bac3ad.txt"
CONLLU = Path(__file__).resolve().parent / "fixtures" / "nl_alpino-ud-dev-excerpt.conllu"

LAVROV = "Lavrov zegt dat Rusland geen oorlog wil. Hij sprak in Moskou."
ZELENSKI = "Zelenski bezocht Oekraïne's hoofdstad."


def _spans(value: object) -> list[dict[str, object]]:
    """Every {start, end, text} object inside a record."""
    if isinstance(value, dict):
        found = [value] if {"start", "end", "text"} <= value.keys() else []
        return found + [s for v in value.values() for s in _spans(v)]
    if isinstance(value, list):
        return [s for v in value for s in _spans(v)]
    return []


def _corpus(tmp_path: Path) -> Path:
    lines = [json.dumps({"id": f"d{n}", "text": LAVROV}) for n in range(1, 17)]
    lines.append(json.dumps({"id": "d17", "title": "Zonder tekst"}))
    lines.append(json.dumps({"id": "d18", "text": ZELENSKI}, ensure_ascii=False))
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_analyze_seed_prints_one_record_with_id_date_and_offsets_into_the_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status = main(["analyze", "--include-text", str(SEED)])

    out = capsys.readouterr().out
    assert 0 == status
    lines = out.splitlines()
    assert 1 == len(lines)
    record = json.loads(lines[0])
    assert ("000_5445485583bac3ad", "2021-12", str(SEED)) == (
        record["id"], record["date"], record["source"]
    )
    assert {"quotes", "stances", "numbers"} <= record.keys()
    text = record["text"]
    assert text.startswith("De Amerikaanse minister")
    for span in _spans(record):
        start, end = span["start"], span["end"]
        assert isinstance(start, int)
        assert isinstance(end, int)
        assert span["text"] == text[start:end]


def test_analyze_writes_utf8_json_lines_to_the_output_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "z", "text": ZELENSKI}, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    out = tmp_path / "out.jsonl"

    status = main(["analyze", str(source), str(SEED), "-o", str(out), "--include-text"])

    assert 0 == status
    assert "" == capsys.readouterr().out
    data = out.read_bytes()
    assert "Oekraïne's".encode() in data
    assert ["z", "000_5445485583bac3ad"] == [
        json.loads(line)["id"] for line in data.decode("utf-8").splitlines()
    ]


def test_bad_input_exits_1_with_one_line_and_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _corpus(tmp_path)

    status = main(["analyze", "--quiet", str(corpus)])

    captured = capsys.readouterr()
    assert 1 == status
    assert [
        f'geopol: error: {corpus}:17: record has no "text" field (keys: id, title)'
    ] == captured.err.splitlines()
    assert 16 == len(captured.out.splitlines())


def test_skip_mode_writes_the_good_records_and_summarises_the_skips(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _corpus(tmp_path)
    missing = tmp_path / "weg.jsonl"

    status = main(["analyze", "--on-error", "skip", str(corpus), str(missing)])

    captured = capsys.readouterr()
    assert 0 == status
    assert [f"d{n}" for n in range(1, 17)] + ["d18"] == [
        json.loads(line)["id"] for line in captured.out.splitlines()
    ]
    assert [
        "geopol: skipped 2 bad inputs, read 17 documents:",
        f'  {corpus}:17: record has no "text" field (keys: id, title)',
        f"  {missing}: no such file or folder",
    ] == captured.err.splitlines()


def test_missing_input_file_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["segment", str(tmp_path / "weg.txt")])

    assert 1 == status
    assert f"geopol: error: {tmp_path / 'weg.txt'}: no such file or folder\n" == (
        capsys.readouterr().err
    )


def test_segment_prints_sentences_one_per_line_and_a_blank_line_between_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "twee.jsonl"
    path.write_text(
        json.dumps({"text": LAVROV}) + "\n" + json.dumps({"text": "Rutte\nzei nee."}) + "\n",
        encoding="utf-8",
    )

    status = main(["segment", str(path)])

    out = capsys.readouterr().out
    assert 0 == status
    blocks = out.split("\n\n")
    assert 2 == len(blocks)
    assert ["Lavrov zegt dat Rusland geen oorlog wil.", "Hij sprak in Moskou."] == (
        blocks[0].splitlines()
    )
    assert all("\n" not in line for line in blocks[1].splitlines())


def test_segment_json_gives_offsets_and_uses_a_conllu_parse(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status = main(["segment", "--json", str(CONLLU)])

    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert 0 == status
    assert ["WR-P-P-H-0000000105", "WR-P-P-H-0000000012"] == [r["id"] for r in records]
    first = records[0]["sentences"]
    assert 5 == len(first)
    assert {"start": 0, "end": 44, "text": ",,Mijn basisniveau is flink omhoog gegaan.''"} == (
        first[0]
    )


def test_standard_input_is_read_for_a_dash(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = f"id,text\nx,{ZELENSKI}\n".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))

    status = main(["segment", "--json", "-"])

    assert 0 == status
    assert {"id": "x", "sentences": [{"start": 0, "end": 38, "text": ZELENSKI}]} == json.loads(
        capsys.readouterr().out
    )


def test_field_option_renames_input_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"url": "u1", "body": LAVROV, "datum": "2022-02"}) + "\n",
                    encoding="utf-8")

    status = main(
        ["analyze", "--field", "text=body", "--field", "id=url", "--field", "date=datum", str(path)]
    )

    record = json.loads(capsys.readouterr().out)
    assert 0 == status
    assert ("u1", "2022-02") == (record["id"], record["date"])


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as no_input:
        main(["analyze"])
    with pytest.raises(SystemExit) as bad_field:
        main(["analyze", "--field", "body", str(SEED)])

    assert (2, 2) == (no_input.value.code, bad_field.value.code)
    assert "expected NAME=COLUMN" in capsys.readouterr().err


def test_progress_is_drawn_on_a_terminal_after_a_second_and_ended_with_a_newline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = iter(float(t) for t in range(1000))
    monkeypatch.setattr(time, "monotonic", lambda: next(clock))
    stream = io.StringIO()
    progress = cli._Progress(stream, enabled=True, what="documents")

    for _ in range(64):
        progress.step()
    progress.close()

    drawn = stream.getvalue()
    assert drawn.startswith("\rgeopol: 16 documents, 16/s, 0:01 ")
    assert drawn.endswith("\rgeopol: 64 documents, 13/s, 0:05 \n")


def test_progress_stays_silent_when_disabled() -> None:
    stream = io.StringIO()
    progress = cli._Progress(stream, enabled=False, what="documents")

    for _ in range(10_000):
        progress.step()
    progress.close()

    assert "" == stream.getvalue()


def test_python_dash_m_geopol_runs_the_command_in_a_real_process() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "geopol", "analyze", "seeds/000_5445485583bac3ad.txt"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )

    assert (0, b"") == (result.returncode, result.stderr)
    record = json.loads(result.stdout.decode("utf-8"))
    assert ("000_5445485583bac3ad", "2021-12") == (record["id"], record["date"])
