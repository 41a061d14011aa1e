"""Read geopol's language data files (``geopol/data/nl/``).

Every file is UTF-8 in NFC, starts with ``#`` comment lines giving its source,
licence and editing rule, and then holds

* ``.txt``: one entry per line;
* ``.tsv``: a header row naming the columns, then one tab-separated row per entry.

Blank lines and lines starting with ``#`` are ignored everywhere.
The readers here are the only place that opens these files; each extractor
builds its own frozen lexicon from them, once, on first use.
A malformed line raises :class:`~geopol.errors.DataFileError` naming file and line.
"""

from __future__ import annotations

import functools
import os
import unicodedata
from collections.abc import Iterator, Mapping
from importlib import resources
from types import MappingProxyType

from geopol.errors import DataFileError

__all__ = ["data_path", "read_list", "read_table", "read_table_file"]

_LANGUAGE = "nl"


def data_path(name: str) -> str:
    """The path of a packaged data file, for messages and for users who want to copy it."""
    return str(resources.files("geopol.data").joinpath(_LANGUAGE, name))


def _content_lines(text: str, path: str) -> Iterator[tuple[int, str]]:
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if unicodedata.normalize("NFC", line) != line:
            raise DataFileError("line is not in Unicode NFC form", path=path, line=number)
        yield number, line


def _read_text(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except UnicodeDecodeError as error:
        raise DataFileError(f"not valid UTF-8 ({error.reason})", path=path) from error
    except OSError as error:
        raise DataFileError(f"cannot be read ({error.strerror})", path=path) from error


@functools.cache
def read_list(name: str) -> tuple[str, ...]:
    """The entries of a packaged ``.txt`` data file, in file order, stripped.

    >>> "niet" in read_list("negators.txt")
    True
    """
    path = data_path(name)
    return tuple(line.strip() for _, line in _content_lines(_read_text(path), path))


def read_table_file(path: str | os.PathLike[str]) -> tuple[Mapping[str, str], ...]:
    """The rows of any ``.tsv`` data file (a packaged one or a user's own), as read-only mappings.

    Raises:
        DataFileError: when the file has no header or a row has the wrong number of cells.
    """
    name = os.fspath(path)
    lines = _content_lines(_read_text(name), name)
    header_line = next(lines, None)
    if header_line is None:
        raise DataFileError("file has no header row", path=name)
    columns = tuple(cell.strip() for cell in header_line[1].split("\t"))
    if len(set(columns)) != len(columns) or not all(columns):
        raise DataFileError(f"header row has empty or repeated columns: {columns}", path=name,
                            line=header_line[0])
    rows = []
    for number, line in lines:
        cells = line.split("\t")
        if len(cells) < len(columns):
            cells += [""] * (len(columns) - len(cells))
        if len(cells) != len(columns):
            raise DataFileError(
                f"row has {len(cells)} cells, the header names {len(columns)}: {line!r}",
                path=name,
                line=number,
            )
        rows.append(MappingProxyType({c: v.strip() for c, v in zip(columns, cells, strict=True)}))
    return tuple(rows)


@functools.cache
def read_table(name: str) -> tuple[Mapping[str, str], ...]:
    """The rows of a packaged ``.tsv`` data file, each a read-only mapping from column to cell.

    Missing trailing cells read as ``""``.
    """
    return read_table_file(data_path(name))
