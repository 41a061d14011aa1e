"""Bad input: a clear InputError naming file, line and problem; or skipped and reported."""

from __future__ import annotations

import gzip
import json
import os
import warnings
from pathlib import Path

import pytest

import geopol
from geopol import GeopolWarning, InputError
from geopol.io import LoadReport, SkippedInput

LAVROV = "Lavrov zegt dat Rusland geen oorlog wil."
RUTTE = "Rutte zei dat het kabinet 40 miljoen euro uittrekt."


def _write(path: Path, data: str | bytes) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _error(source: object, **options: object) -> InputError:
    with pytest.raises(InputError) as caught:
        list(geopol.load(source, **options))  # type: ignore[arg-type]
    return caught.value


def _line(record: dict[str, object]) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A JSON Lines corpus whose 17th line has no text."""
    lines = [_line({"id": f"d{n}", "text": RUTTE}) for n in range(1, 17)]
    lines.append(_line({"id": "d17", "title": "Zonder tekst"}))
    lines.append(_line({"id": "d18", "text": LAVROV}))
    return _write(tmp_path / "corpus.jsonl", "".join(lines))


def test_missing_text_field_names_file_line_and_keys(corpus: Path) -> None:
    error = _error(corpus)

    assert f'{corpus}:17: record has no "text" field (keys: id, title)' == str(error)
    assert (str(corpus), 17) == (error.path, error.line)
    assert isinstance(error, ValueError)


def test_broken_json_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.jsonl", _line({"text": RUTTE}) + '{"text": "Rutte zei\n')

    error = _error(path)

    assert 2 == error.line
    assert error.reason.startswith("line is not valid JSON: Unterminated string")


def test_json_line_that_is_no_object(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.jsonl", _line({"text": RUTTE}) + '["Rutte"]\n')

    assert 'line holds an array, not a JSON object with a "text" field' == _error(path).reason


def test_text_that_is_not_a_string(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.jsonl", _line({"text": None}))

    assert '"text" must be a string, got null' == _error(path).reason


def test_pretty_printed_json_gets_a_hint(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.jsonl", json.dumps({"text": RUTTE}, indent=2))

    assert "is this pretty-printed JSON?" in _error(path).reason


def test_json_array_file_is_refused_with_a_way_out(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.json", json.dumps([{"text": RUTTE}]))

    assert "file is a JSON array" in _error(path).reason


def test_invalid_utf8_gives_line_and_byte_offset(tmp_path: Path) -> None:
    good = _line({"text": RUTTE}).encode()
    path = _write(tmp_path / "c.jsonl", good + b'{"text": "Caf\xe9 Kyiv"}\n')

    error = _error(path)

    assert 2 == error.line
    assert error.reason.startswith(
        f"invalid UTF-8 at byte {len(good) + 13} of the file (column 14 of the line): byte e9;"
    )


def test_invalid_utf8_in_plain_text_gives_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", b"Eerste regel.\nTweede \xff regel.\n")

    error = _error(path)

    assert 2 == error.line
    assert "at byte 21 of the file (column 8 of the line): byte ff" in error.reason


def test_binary_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "data.txt", b"\x00\x01\x02binary" * 10)

    assert "file looks binary, not text: it has a NUL byte at byte 0" == _error(path).reason


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04rest", "file is a ZIP archive; unpack it first"),
        (b"(\xb5/\xfdrest", "file is Zstandard-compressed; geopol reads gzip, bz2 and xz"),
        ("Rutte".encode("utf-16"), "file is UTF-16 text; geopol reads UTF-8"),
    ],
)
def test_files_of_a_foreign_kind_are_named(tmp_path: Path, data: bytes, reason: str) -> None:
    path = _write(tmp_path / "c.txt", data)

    assert _error(path).reason.startswith(reason)


def test_empty_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "leeg.jsonl", b"")

    error = _error(path)

    assert f"{path}: file is empty" == str(error)


def test_empty_file_after_decompression(tmp_path: Path) -> None:
    path = _write(tmp_path / "leeg.jsonl.gz", gzip.compress(b""))

    assert "file is empty (after gzip decompression)" == _error(path).reason


def test_damaged_gzip_file(tmp_path: Path) -> None:
    data = gzip.compress((_line({"text": RUTTE}) * 20_000).encode())
    path = _write(tmp_path / "kapot.jsonl.gz", data[: len(data) // 2])

    report = LoadReport()
    with pytest.warns(GeopolWarning):
        docs = list(geopol.load(path, on_error="skip", report=report))

    assert 0 < len(docs) < 20_000
    assert 1 == report.skipped_count
    assert "damaged or cut short" in report.skipped[0].reason


def test_missing_file_and_unmatched_glob(tmp_path: Path) -> None:
    missing = tmp_path / "weg.jsonl"

    assert f"{missing}: no such file or folder" == str(_error(missing))
    assert "no file matches this pattern" == _error(str(tmp_path / "*.conllu")).reason


def test_folder_without_readable_files(tmp_path: Path) -> None:
    _write(tmp_path / "notes.md", "# niets")

    assert _error(tmp_path).reason.startswith("folder holds no file geopol reads")


def test_document_over_max_chars(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.jsonl", _line({"text": RUTTE}) + _line({"text": RUTTE * 3}))

    error = _error(path, max_chars=100)

    assert (2, "document is too large: the limit is 100 characters (max_chars) and it has 153"
            " characters") == (error.line, error.reason)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("seed.txt", f" date 2021-12 {RUTTE * 3}"),
        ("plain.txt", RUTTE * 3),
        ("c.csv", f'text\n"{RUTTE * 3}"\n'),
    ],
)
def test_max_chars_holds_for_every_format(tmp_path: Path, name: str, data: str) -> None:
    path = _write(tmp_path / name, data)

    assert "document is too large" in _error(path, max_chars=100).reason
    assert 1 == len(list(geopol.load(path, max_chars=1000)))


def test_fifty_megabyte_document_is_refused_by_the_default_limit(tmp_path: Path) -> None:
    # 50 MB of text in one JSON line: built sparsely, refused without being parsed.
    path = tmp_path / "groot.jsonl"
    with path.open("wb") as handle:
        handle.write(b'{"text": "')
        handle.write(b"a" * (50 * 1024 * 1024))
        handle.write(b'"}\n')
    size = os.path.getsize(path)

    error = _error(path)

    assert size > 50_000_000
    assert (1, "document is too large: the limit is 10,000,000 characters (max_chars) and it"
            " has 52,428,800 characters") == (error.line, error.reason)


def test_bad_date(tmp_path: Path) -> None:
    seed = _write(tmp_path / "a.txt", f" date 2021-13 {RUTTE}")
    jsonl = _write(tmp_path / "c.jsonl", _line({"text": RUTTE, "date": "24-02-2022"}))

    seed_error, jsonl_error = _error(seed), _error(jsonl)

    assert 'bad date in the " date" header \'2021-13\': month must be 1..12, got 13' == (
        seed_error.reason
    )
    assert 1 == seed_error.line
    assert jsonl_error.reason.startswith("bad \"date\" '24-02-2022': not a date of the form")


def test_csv_without_text_column_and_short_row(tmp_path: Path) -> None:
    no_text = _write(tmp_path / "a.csv", "id,body\n1,Rutte\n")
    short = _write(tmp_path / "b.csv", f"id,text\n1,{RUTTE}\n2\n")

    assert 'header row has no "text" column (columns: id, body)' == _error(no_text).reason
    assert (3, "row has 1 fields, the header row has 2") == (
        _error(short).line, _error(short).reason
    )


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("1\tRutte\trutte\tPROPN", "token line has 4 tab-separated columns, CoNLL-U needs 10"),
        ("x\tRutte\trutte\tPROPN\t_\t_\t0\troot\t_\t_", "bad token id 'x' in column 1"),
        ("1\tRutte\trutte\tPROPN\t_\t_\t9\troot\t_\t_",
         "bad head '9' in column 7: expected 0..2 or _"),
        ("1\tPoetin\tpoetin\tPROPN\t_\t_\t0\troot\t_\t_",
         "token 'Poetin' does not match the sentence text at character 0"
         " (the text has 'Rutte zei.' there)"),
    ],
)
def test_bad_conllu_line(tmp_path: Path, line: str, reason: str) -> None:
    path = _write(
        tmp_path / "c.conllu",
        "# text = Rutte zei.\n" + line + "\n2\tzei.\tzeggen\tVERB\t_\t_\t0\troot\t_\t_\n\n",
    )

    error = _error(path)

    assert (2, reason) == (error.line, error.reason)


# -- skip mode -----------------------------------------------------------------------------------


def test_skip_mode_yields_every_good_document_and_reports_the_rest(
    corpus: Path, tmp_path: Path
) -> None:
    empty = _write(tmp_path / "leeg.txt", b"")
    missing = tmp_path / "weg.jsonl"
    report = LoadReport()

    with pytest.warns(GeopolWarning, match="skipped 3 bad input"):
        docs = list(geopol.load([corpus, empty, missing], on_error="skip", report=report))

    assert [f"d{n}" for n in range(1, 17)] + ["d18"] == [d.id for d in docs]
    assert (17, 3, 3) == (report.documents, report.skipped_count, report.files)
    assert [
        SkippedInput(str(corpus), 17, 'record has no "text" field (keys: id, title)'),
        SkippedInput(str(empty), None, "file is empty"),
        SkippedInput(str(missing), None, "no such file or folder"),
    ] == list(report.skipped)
    assert report.summary().startswith("skipped 3 bad inputs, read 17 documents:\n  ")


def test_skip_mode_goes_on_after_a_bad_conllu_document(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "c.conllu",
        "# newdoc id = a\n# text = Ja\n1\tJa\tja\tINTJ\t_\t_\tX\troot\t_\t_\n\n"
        "# newdoc id = b\n# text = Nee\n1\tNee\tnee\tINTJ\t_\t_\t0\troot\t_\t_\n\n",
    )
    report = LoadReport()

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GeopolWarning)
        docs = list(geopol.load(path, on_error="skip", report=report))

    assert ["b"] == [d.id for d in docs]
    assert 3 == report.skipped[0].line


def test_skip_mode_warns_even_without_a_report(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.jsonl", "{kapot\n" + _line({"text": RUTTE}))

    with pytest.warns(GeopolWarning, match=r"skipped 1 bad input\(s\); the first: .*c.jsonl:1"):
        docs = list(geopol.load(path, on_error="skip"))

    assert [RUTTE] == [d.text for d in docs]


def test_skip_mode_in_seed_file_keeps_the_other_documents(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "n.txt",
        f" date 2021-12 {RUTTE}\n date 2021-99 kapot\n date 2022-01 {LAVROV}\n".encode()
        + b" date 2022-02 \xff\n",
    )
    report = LoadReport()

    with pytest.warns(GeopolWarning):
        docs = list(geopol.load(path, on_error="skip", report=report))

    assert [RUTTE, LAVROV] == [d.text for d in docs]
    assert [2, 4] == [s.line for s in report.skipped]


def test_bad_options_are_caller_mistakes_raised_at_once() -> None:
    with pytest.raises(ValueError, match="on_error must be"):
        geopol.load([RUTTE], on_error="ignore")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="format must be one of"):
        geopol.load([RUTTE], format="xml")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="max_chars must be a positive int"):
        geopol.load([RUTTE], max_chars=0)
    with pytest.raises(ValueError, match="fields keys must be among"):
        geopol.load([RUTTE], fields={"body": "text"})
    with pytest.raises(TypeError, match="item 1 is int"):
        list(geopol.load([RUTTE, 3]))  # type: ignore[list-item]


def test_string_naming_an_existing_file_warns_that_it_is_read_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "corpus.jsonl", _line({"text": RUTTE}))

    with pytest.warns(GeopolWarning, match=r"pass pathlib.Path\('corpus.jsonl'\)"):
        doc = next(geopol.load(["corpus.jsonl"]))

    assert "corpus.jsonl" == doc.text
