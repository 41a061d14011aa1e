"""Record formats: JSON Lines and CSV/TSV, one document per record."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping

from geopol.errors import InputError
from geopol.io._common import Options, json_type, multi_id, parse_date, too_large
from geopol.io._stream import Opened, decode_error, read_lines
from geopol.model import Document

__all__ = ["read_csv", "read_jsonl", "read_tsv"]

_MISSING = object()


def _document(
    opened: Opened,
    options: Options,
    record: Mapping[str, object],
    line: int,
    *,
    what: str,
) -> Document | InputError:
    """A document from one decoded record (a JSON object or a CSV row by column name)."""
    names = options.fields
    text = record.get(names["text"], _MISSING)
    if text is _MISSING:
        keys = ", ".join(record) or "none"
        return opened.error(f'{what} has no "{names["text"]}" field (keys: {keys})', line)
    if not isinstance(text, str):
        return opened.error(f'"{names["text"]}" must be a string, got {json_type(text)}', line)
    if len(text) > options.max_chars:
        return too_large(opened, line, options, len(text))
    values: dict[str, str | None] = {}
    for field in ("id", "title", "source"):
        value = record.get(names[field])
        if isinstance(value, int) and not isinstance(value, bool) and field == "id":
            value = str(value)
        if value is not None and not isinstance(value, str):
            expected = "a string or a number" if field == "id" else "a string"
            return opened.error(
                f'"{names[field]}" must be {expected}, got {json_type(value)}', line
            )
        values[field] = value or None
    try:
        date = parse_date(record.get(names["date"]), f'"{names["date"]}"')
    except ValueError as error:
        return opened.error(str(error), line)
    used = {names[field] for field in ("text", "id", "date", "title", "source")}
    return Document(
        id=values["id"] or multi_id(opened, line),
        text=text,
        date=date,
        title=values["title"],
        source=values["source"] or opened.path,
        metadata={key: value for key, value in record.items() if key not in used},
    )


def read_jsonl(opened: Opened, options: Options) -> Iterator[Document | InputError]:
    """JSON Lines: one object per line; blank lines are passed over.

    Ids default to the file and line (``corpus.jsonl#17``).
    """
    encoding = options.encoding
    limit = options.max_line_bytes
    loads = json.loads
    for number, start, raw in read_lines(opened, max_line_bytes=limit):
        if len(raw) >= limit and not raw.endswith(b"\n"):
            yield too_large(opened, number, options, None)
            continue
        try:
            line = raw.decode(encoding)
        except UnicodeDecodeError as error:
            yield decode_error(opened, error, line=number, offset=start, encoding=encoding)
            continue
        try:
            record = loads(line)
        except json.JSONDecodeError as error:
            if not line.strip():
                continue
            yield opened.error(_json_problem(line, error), number)
            continue
        if not isinstance(record, dict):
            yield opened.error(
                f'line holds {json_type(record)}, not a JSON object with a "text" field', number
            )
            continue
        yield _document(opened, options, record, number, what="record")


def _json_problem(line: str, error: json.JSONDecodeError) -> str:
    try:  # again without the newline, which would be the "control character" in a cut string
        json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as again:
        error = again
    message = error.msg.removesuffix(" at")
    problem = f"line is not valid JSON: {message} at column {error.colno}"
    if line.strip() in ("{", "["):
        problem += " (JSON Lines needs one whole object per line; is this pretty-printed JSON?)"
    return problem


def read_csv(opened: Opened, options: Options) -> Iterator[Document | InputError]:
    """CSV with a header row; ids default to the file and the line a row starts on."""
    return _read_table(opened, options, ",")


def read_tsv(opened: Opened, options: Options) -> Iterator[Document | InputError]:
    """Tab-separated values with a header row, quoted like CSV."""
    return _read_table(opened, options, "\t")


def _read_table(
    opened: Opened, options: Options, delimiter: str
) -> Iterator[Document | InputError]:
    encoding = options.encoding
    bad: dict[int, InputError] = {}

    def lines() -> Iterator[str]:
        for number, start, raw in read_lines(opened, max_line_bytes=options.max_line_bytes):
            try:
                yield raw.decode(encoding)
            except UnicodeDecodeError as error:
                bad[number] = decode_error(
                    opened, error, line=number, offset=start, encoding=encoding
                )
                yield raw.decode(encoding, "replace")

    # The csv module has one process-wide field limit (128 KiB by default); raise it to ours.
    if csv.field_size_limit() < options.max_chars + 1:
        csv.field_size_limit(options.max_chars + 1)
    reader = csv.reader(lines(), delimiter=delimiter, strict=False)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as error:
        raise opened.error(f"cannot read the header row: {error}", 1) from error
    if 1 in bad:
        raise bad[1]
    text_column = options.fields["text"]
    if text_column not in header:
        raise opened.error(
            f'header row has no "{text_column}" column (columns: {", ".join(header) or "none"})',
            1,
        )
    previous = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            line = previous + 1
            previous = reader.line_num
            if "field larger than field limit" in str(error):
                yield too_large(opened, line, options, None)
            else:
                yield opened.error(f"row is not valid {_name(delimiter)}: {error}", line)
            continue
        first, previous = previous + 1, reader.line_num
        broken = next((bad[n] for n in range(first, previous + 1) if n in bad), None)
        if broken is not None:
            yield broken
            continue
        if not row:
            continue  # a blank line
        if len(row) != len(header):
            yield opened.error(
                f"row has {len(row)} fields, the header row has {len(header)}", first
            )
            continue
        yield _document(opened, options, dict(zip(header, row, strict=True)), first, what="row")


def _name(delimiter: str) -> str:
    return "TSV" if delimiter == "\t" else "CSV"
