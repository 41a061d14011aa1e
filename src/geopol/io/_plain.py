"""The seed corpus format (`` date 2021-12 De Amerikaanse ...``) and plain text."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from geopol.errors import InputError
from geopol.io._common import Options, name_documents, parse_date, single_id, too_large
from geopol.io._stream import Opened, decode_error, read_lines
from geopol.model import Document, PartialDate

__all__ = ["HEADER", "read_seed", "read_text", "split_header"]

HEADER = " date "
"""How a line that opens a seed-format document begins."""


def split_header(line: str) -> tuple[str, str]:
    """The date token of a header line and the text after it (from the character after one space).

    >>> split_header(" date 2021-12 De Amerikaanse minister")
    ('2021-12', 'De Amerikaanse minister')
    >>> split_header(" date 2021-12\\n")
    ('2021-12', '')
    """
    rest = line[len(HEADER) :]
    end = 0
    while end < len(rest) and not rest[end].isspace():
        end += 1
    token = rest[:end]
    if rest[end : end + 1] == " ":
        end += 1
    elif rest[end:].startswith(("\r\n", "\n")):
        end = len(rest)
    return token, rest[end:]


def _clean(line: str) -> str:
    return line[:-2] + "\n" if line.endswith("\r\n") else line


@attrs.define
class _Pending:
    """A seed document being read."""

    line: int
    date: PartialDate | None
    parts: list[str]
    size: int
    error: InputError | None = None


def read_seed(opened: Opened, options: Options) -> Iterator[Document | InputError]:
    """Documents of a seed-format file: each line starting `` date `` opens one.

    A file with one document names it by its stem; in a file with more, each is named
    by the file and the line its header is on (``news.txt#12``).
    """
    encoding = options.encoding

    def finish(pending: _Pending, doc_id: str) -> Document | InputError:
        if pending.error is not None:
            return pending.error
        text = "".join(pending.parts).rstrip()
        return Document(id=doc_id, text=text, date=pending.date, source=opened.path)

    def pending_documents() -> Iterator[_Pending]:
        current: _Pending | None = None
        for number, start, raw in read_lines(opened, max_line_bytes=options.max_line_bytes):
            bad: InputError | None = None
            try:
                line = raw.decode(encoding)
            except UnicodeDecodeError as error:
                bad = decode_error(opened, error, line=number, offset=start, encoding=encoding)
                line = raw.decode(encoding, "replace")
            if line.startswith(HEADER):
                if current is not None:
                    yield current
                token, body = split_header(_clean(line))
                current = _Pending(number, None, [body], len(body), bad)
                try:
                    current.date = parse_date(token, 'date in the " date" header')
                except ValueError as error:
                    current.error = current.error or opened.error(str(error), number)
            elif bad is not None:
                if current is None:
                    current = _Pending(number, None, [], 0)
                current.error = current.error or bad
                continue
            elif current is None:
                if line.strip():
                    current = _Pending(number, None, [], 0)
                    current.error = opened.error(
                        'text before the first " date YYYY-MM" header', number
                    )
                continue
            else:
                if current.error is not None:
                    continue
                line = _clean(line)
                current.parts.append(line)
                current.size += len(line)
            if current.error is None and current.size > options.max_chars:
                current.error = too_large(opened, current.line, options, None)
                current.parts.clear()
        if current is not None:
            yield current

    for pending, doc_id in name_documents(pending_documents(), opened):
        yield finish(pending, doc_id)


def read_text(opened: Opened, options: Options) -> Iterator[Document | InputError]:
    """The whole file as one document, named by its stem; trailing white space dropped."""
    limit = options.max_chars * 4  # UTF-8 takes at most 4 bytes a character
    data = opened.stream.read(limit + 1)
    if len(data) > limit:
        yield too_large(opened, None, options, None)
        return
    try:
        text = data.decode(options.encoding)
    except UnicodeDecodeError as error:
        yield decode_error(
            opened,
            error,
            line=data.count(b"\n", 0, error.start) + 1,
            offset=opened.offset,
            encoding=options.encoding,
            line_start=data.rfind(b"\n", 0, error.start) + 1,
        )
        return
    if len(text) > options.max_chars:
        yield too_large(opened, None, options, len(text))
        return
    yield Document(
        id=single_id(opened), text=text.replace("\r\n", "\n").rstrip(), source=opened.path
    )
