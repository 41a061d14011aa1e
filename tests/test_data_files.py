"""Every language data file follows the rules of docs/language-data.rst."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from geopol.data import read_list, read_table

DATA = Path(__file__).resolve().parent.parent / "src" / "geopol" / "data" / "nl"
FILES = sorted(p for p in DATA.iterdir() if p.suffix in {".txt", ".tsv"})


def _header(path: Path) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if line.startswith("#")).casefold()


def _entries(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.lstrip().startswith("#")]


def test_there_are_data_files() -> None:
    assert len(FILES) >= 3


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_data_file_is_nfc_utf8_with_a_header_naming_source_licence_and_editing_rule(
    path: Path,
) -> None:
    text = path.read_bytes().decode("utf-8")
    header = _header(path)

    assert unicodedata.normalize("NFC", text) == text
    assert header.startswith(f"# {path.name}:"), "the header's first line names the file"
    assert "source" in header
    assert "licence" in header or "license" in header
    assert "editing rule" in header or "columns" in header


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_data_file_reads_and_has_no_repeated_entries(path: Path) -> None:
    if path.suffix == ".txt":
        entries = list(read_list(path.name))
    else:
        entries = ["\t".join(row.values()) for row in read_table(path.name)]

    assert entries, "a data file has entries"
    assert [] == sorted({e for e in entries if entries.count(e) > 1})


@pytest.mark.parametrize(
    "path", [p for p in FILES if "unique" in _header(p) and p.suffix == ".tsv"],
    ids=lambda p: p.name,
)
def test_a_table_whose_rule_says_unique_has_unique_keys(path: Path) -> None:
    """The key is the first column, with the columns the header names ("per word and role")."""
    rows = read_table(path.name)
    columns = list(rows[0])
    header = _header(path)
    key_columns = [c for c in columns if f"per {columns[0]} and {c}" in header] or []
    keys = ["\t".join(row[c] for c in (columns[0], *key_columns)) for row in rows]

    assert [] == sorted({k for k in keys if keys.count(k) > 1})


@pytest.mark.parametrize(
    "path", [p for p in FILES if "sorted" in _header(p)], ids=lambda p: p.name
)
def test_a_file_whose_rule_says_sorted_is_sorted(path: Path) -> None:
    entries = _entries(path)
    if path.suffix == ".tsv":
        entries = [line.split("\t")[0] for line in entries[1:]]
    entries = [e.strip() for e in entries]

    assert entries == sorted(entries) or entries == sorted(entries, key=str.casefold)
