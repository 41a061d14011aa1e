"""What every reader shares: the options, ids, dates, size checks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Literal, Protocol, TypeVar

import attrs

from geopol.errors import InputError
from geopol.io._stream import Opened
from geopol.model import PartialDate

__all__ = [
    "FIELDS",
    "FORMATS",
    "FORMAT_SUFFIXES",
    "Format",
    "Options",
    "json_type",
    "multi_id",
    "parse_date",
    "single_id",
    "too_large",
]

Format = Literal["seed", "text", "jsonl", "csv", "tsv", "conllu"]
"""The input formats :func:`geopol.load` reads."""

FORMATS: tuple[Format, ...] = ("seed", "text", "jsonl", "csv", "tsv", "conllu")

FIELDS = ("text", "id", "date", "title", "source")
"""The record fields a document is built from; JSON Lines and CSV may name them otherwise."""

FORMAT_SUFFIXES: Mapping[str, Format | None] = {
    ".txt": None,  # the seed format or plain text, told apart by content
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".conllu": "conllu",
    ".conll": "conllu",
}
"""Suffixes of files a folder load reads, and the format each suggests."""


@attrs.frozen(kw_only=True)
class Options:
    """Reader options, checked once by :func:`geopol.load`."""

    max_chars: int
    encoding: str
    fields: Mapping[str, str]

    @property
    def max_line_bytes(self) -> int:
        # A character takes at most 4 bytes in UTF-8 and 6 as a JSON \\u escape,
        # plus room for the other fields of a record.
        return self.max_chars * 6 + (1 << 20)


def format_suffix(key: str) -> str:
    dot = key.rfind(".")
    if dot <= key.rfind("/"):
        return ""
    return key[dot:].lower()


def single_id(opened: Opened) -> str:
    """The id of the only document in a file: the file's key without its format suffix."""
    suffix = format_suffix(opened.key)
    return opened.key[: -len(suffix)] if suffix in FORMAT_SUFFIXES else opened.key


def multi_id(opened: Opened, line: int) -> str:
    """The id of a document in a file of many: ``corpus.jsonl#17`` (the line it starts on)."""
    return f"{opened.key}#{line}"


class _Pending(Protocol):
    line: int


P = TypeVar("P", bound=_Pending)


def name_documents(pending: Iterable[P], opened: Opened) -> Iterator[tuple[P, str]]:
    """Each document of a file with its fallback id, in order: the file's stem when the
    file holds this document alone (:func:`single_id`), else the file and the line the
    document starts on (:func:`multi_id`). Only the first document waits, until the
    second shows whether there is one; the rest stream.
    """
    iterator = iter(pending)
    first = next(iterator, None)
    if first is None:
        return
    second = next(iterator, None)
    if second is None:
        yield first, single_id(opened)
        return
    yield first, multi_id(opened, first.line)
    yield second, multi_id(opened, second.line)
    for later in iterator:
        yield later, multi_id(opened, later.line)


def too_large(opened: Opened, line: int | None, options: Options, size: int | None) -> InputError:
    found = f"has {size:,} characters" if size is not None else "is longer than that"
    return opened.error(
        f"document is too large: the limit is {options.max_chars:,} characters (max_chars)"
        f" and it {found}",
        line,
    )


def parse_date(value: object, what: str) -> PartialDate | None:
    """A partial date from a record field, the header or a CSV cell.

    Raises:
        ValueError: with a message that names *what* and the value.
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"{what} must be a string like 2021-12, got {json_type(value)}")
    try:
        return PartialDate.parse(str(value))
    except ValueError as error:
        raise ValueError(f"bad {what} {value!r}: {error}") from error


def json_type(value: object) -> str:
    """The JSON name of a decoded value's type."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
