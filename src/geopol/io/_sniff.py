"""Choosing a reader: by content first, then by suffix.

Strong signs in the first 64 KiB win over the suffix (a seed-format file is a ``.txt``
like any plain text); the suffix decides where the content says nothing clear.
"""

from __future__ import annotations

import csv
import json

import regex

from geopol.io._common import FORMAT_SUFFIXES, Format, Options, format_suffix
from geopol.io._plain import HEADER
from geopol.io._stream import Opened

__all__ = ["sniff"]

_TOKEN_LINE = regex.compile(r"^\d+(?:[-.]\d+)?\t[^\t\n]*+(?:\t[^\t\n]*+){8}$", regex.MULTILINE)
_DATE_TOKEN = regex.compile(r"\d{4}(?:-\d{1,2}){0,2}(?:[T ]\S*)?\s")


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def sniff(opened: Opened, options: Options) -> Format:
    """The format of *opened*, from its head and its name.

    Raises:
        InputError: for a JSON array, which is not JSON Lines.
    """
    head = opened.head.decode(options.encoding, "replace")
    stripped = head.lstrip("\r\n")
    first = stripped.split("\n", 1)[0]
    if first.startswith(HEADER) and _DATE_TOKEN.match(first, len(HEADER)):
        return "seed"
    suffix = format_suffix(opened.key)
    by_suffix = FORMAT_SUFFIXES.get(suffix)
    start = stripped.lstrip()
    if start.startswith("{") and (by_suffix == "jsonl" or _is_json_object(first)):
        return "jsonl"
    if start.startswith("[") and suffix == ".json":
        raise opened.error(
            "file is a JSON array; geopol reads JSON Lines, one object per line"
            " (convert it, e.g. jq -c '.[]')"
        )
    if _TOKEN_LINE.search(head) and (first.startswith("#") or _TOKEN_LINE.match(first)):
        return "conllu"
    if first.startswith(HEADER):
        return "seed"  # a header with a bad date: the seed reader says what is wrong
    if by_suffix is not None:
        return by_suffix
    text_column = options.fields["text"]
    if "\t" in first and text_column in first.split("\t"):
        return "tsv"
    if "," in first and text_column in next(csv.reader([first]), []):
        return "csv"
    return "text"
