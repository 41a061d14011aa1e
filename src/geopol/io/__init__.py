"""Loading documents: :func:`load` streams :class:`~geopol.model.Document` objects.

One entry point reads a file, a folder (recursively), a glob pattern, a list of paths,
an open file object or an iterable of texts, in the seed corpus format, plain text,
JSON Lines, CSV, TSV or CoNLL-U, each optionally compressed with gzip, bz2 or xz.
The reader is chosen by content, then by suffix; compression by magic bytes.
Reading streams: one document (or one JSON line) is in memory at a time.

>>> import geopol
>>> doc = next(geopol.load([" date 2021-12 Lavrov zegt dat Rusland geen oorlog wil."]))
>>> str(doc.date), doc.text[:6]
('2021-12', 'Lavrov')

Bad input raises :class:`~geopol.errors.InputError` naming the file, the line and the problem;
with ``on_error="skip"`` the load goes on and a :class:`LoadReport` counts every skip.
"""

from __future__ import annotations

import codecs
import glob
import io
import os
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import IO, Literal, TypeAlias, get_args

import attrs

from geopol.errors import GeopolWarning, InputError
from geopol.io._common import (
    FIELDS,
    FORMAT_SUFFIXES,
    FORMATS,
    Format,
    Options,
    format_suffix,
    parse_date,
)
from geopol.io._conllu import read_conllu
from geopol.io._plain import HEADER, read_seed, read_text, split_header
from geopol.io._records import read_csv, read_jsonl, read_tsv
from geopol.io._report import LoadReport, SkippedInput
from geopol.io._sniff import sniff
from geopol.io._stream import (
    COMPRESSION_SUFFIXES,
    DECOMPRESSION_ERRORS,
    Opened,
    open_path,
    open_stream,
    strip_compression_suffix,
)
from geopol.model import Document

__all__ = ["FORMATS", "Format", "LoadReport", "OnError", "SkippedInput", "Source", "load"]

OnError = Literal["fail", "skip"]
"""What :func:`load` does with bad input: raise the first error, or skip and report."""

Item: TypeAlias = "str | os.PathLike[str] | IO[str] | IO[bytes]"
Source: TypeAlias = "str | os.PathLike[str] | IO[str] | IO[bytes] | Iterable[Item]"
"""What :func:`load` reads: a path, folder or glob (``str`` or ``Path``); an open file;
or an iterable whose ``str`` items are texts and whose ``Path`` items and file objects are read."""

_Reader = Callable[[Opened, Options], Iterator["Document | InputError"]]

_READERS: Mapping[Format, _Reader] = {
    "seed": read_seed,
    "text": read_text,
    "jsonl": read_jsonl,
    "csv": read_csv,
    "tsv": read_tsv,
    "conllu": read_conllu,
}

_GLOB_CHARS = frozenset("*?[")


def load(
    source: Source,
    *,
    format: Format | None = None,
    on_error: OnError = "fail",
    report: LoadReport | None = None,
    fields: Mapping[str, str] | None = None,
    max_chars: int = 10_000_000,
    encoding: str = "utf-8",
) -> Iterator[Document]:
    """Stream the documents of *source*, lazily and in a stable order.

    Args:
        source: what to read.
            A ``str`` or :class:`os.PathLike` is a file, a folder (read recursively, files
            with a known suffix only, in sorted order) or a glob pattern
            (``"corpus/**/*.jsonl.gz"``).
            An open file object (binary or text mode) is read from where it stands.
            Any other iterable is read item by item: ``str`` items are texts (one document
            each, a seed `` date YYYY-MM`` header honoured), path and file items are read.
        format: ``seed``, ``text``, ``jsonl``, ``csv``, ``tsv`` or ``conllu`` for every file;
            by default each file's format is sniffed from its content, then its suffix.
        on_error: ``"fail"`` raises the first :class:`~geopol.errors.InputError`;
            ``"skip"`` passes over the bad record, document or file, counts it in *report*,
            and issues one :class:`~geopol.errors.GeopolWarning` at the end.
        report: a :class:`LoadReport` to fill in (files, documents, skips with reasons).
        fields: the names JSON Lines and CSV/TSV input uses for ``text``, ``id``, ``date``,
            ``title`` and ``source``, e.g. ``{"text": "body", "id": "url"}``.
            Other fields go into :attr:`Document.metadata`.
        max_chars: the longest document accepted, in characters; a longer one is an error.
        encoding: the encoding of files (UTF-8 by default; a byte order mark is dropped).

    Yields:
        Documents, in input order.
        Ids come from the record, else from the file: its stem when it holds one document
        (``000_5445485583bac3ad``), else its name and the line the document starts on
        (``corpus.jsonl#17``); in a folder or glob load the name is relative to it.
        Texts in a list are ``text-0``, ``text-1`` ...

    Raises:
        InputError: (lazily, while iterating) for bad input, with ``on_error="fail"``.
        ValueError: at once, for a bad option.
        TypeError: for a source (or item) that is none of the above.

    >>> import geopol
    >>> docs = geopol.load(['{"id": "a1", "text": "Rutte zei nee."}'], format="text")
    >>> next(docs).id
    'text-0'

    .. versionadded:: 0.1.0
    """
    if on_error not in get_args(OnError):
        raise ValueError(f'on_error must be "fail" or "skip", got {on_error!r}')
    if format is not None and format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)} or None, got {format!r}")
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
        raise ValueError(f"max_chars must be a positive int, got {max_chars!r}")
    if report is not None and not isinstance(report, LoadReport):
        raise TypeError(f"report must be a LoadReport, got {type(report).__name__}")
    try:
        codecs.lookup(encoding)
    except LookupError as error:
        raise ValueError(f"encoding {encoding!r} is not one Python knows") from error
    names = dict(zip(FIELDS, FIELDS, strict=True))
    for key, value in (fields or {}).items():
        if key not in names:
            raise ValueError(f"fields keys must be among {', '.join(FIELDS)}, got {key!r}")
        if not isinstance(value, str) or not value:
            raise ValueError(f"fields[{key!r}] must be a non-empty string, got {value!r}")
        names[key] = value
    if isinstance(source, bytes | bytearray):
        raise TypeError("load() reads paths, file objects or texts (str), not bytes")
    loader = _Loader(
        options=Options(max_chars=max_chars, encoding=encoding, fields=names),
        format=format,
        on_error=on_error,
        report=report if report is not None else LoadReport(),
    )
    return loader.run(source)


# -- what a source stands for ------------------------------------------------------------------


@attrs.frozen
class _File:
    path: str
    key: str


@attrs.frozen
class _Stream:
    stream: IO[str] | IO[bytes]


@attrs.frozen
class _Text:
    index: int
    text: str


_Input = _File | _Stream | _Text | InputError


def _is_stream(value: object) -> bool:
    return isinstance(value, io.IOBase) or (
        hasattr(value, "read") and hasattr(value, "readline") and not isinstance(value, str)
    )


def _readable(name: str) -> bool:
    if name.startswith("."):
        return False
    return format_suffix(strip_compression_suffix(name)) in FORMAT_SUFFIXES


def _key(path: str, base: str | None) -> str:
    name = os.path.basename(path) if base is None else os.path.relpath(path, base)
    return strip_compression_suffix(name.replace(os.sep, "/"))


def _walk(folder: str, base: str, report: LoadReport) -> Iterator[_File]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = os.path.join(root, name)
            if _readable(name):
                yield _File(path, _key(path, base))
            elif not name.startswith("."):
                report.add_ignored_file(path)


def _expand(path: str, report: LoadReport) -> Iterator[_Input]:
    if os.path.isdir(path):
        found = False
        for file in _walk(path, path, report):
            found = True
            yield file
        if not found:
            suffixes = ", ".join(sorted({*FORMAT_SUFFIXES, *COMPRESSION_SUFFIXES}))
            yield InputError(f"folder holds no file geopol reads (suffixes: {suffixes})", path=path)
        return
    if os.path.exists(path) or not _GLOB_CHARS.intersection(path):
        yield _File(path, _key(path, None))
        return
    matches = sorted(glob.glob(path, recursive=True))
    if not matches:
        yield InputError("no file matches this pattern", path=path)
        return
    base = _glob_base(path)
    for match in matches:
        if os.path.isdir(match):
            yield from _walk(match, base, report)
        else:
            yield _File(match, _key(match, base))


def _glob_base(pattern: str) -> str:
    """The folder a pattern starts in: its path up to the first part with a wildcard."""
    parts = pattern.replace(os.sep, "/").split("/")
    fixed = []
    for part in parts[:-1]:
        if _GLOB_CHARS.intersection(part):
            break
        fixed.append(part)
    return "/".join(fixed) or "."


def _inputs(source: Source, report: LoadReport) -> Iterator[_Input]:
    if isinstance(source, str | os.PathLike):
        yield from _expand(os.fspath(source), report)
        return
    if _is_stream(source):
        yield _Stream(source)  # type: ignore[arg-type]  # a file object, checked above
        return
    if not isinstance(source, Iterable):
        raise TypeError(
            f"load() reads a path, a file object or an iterable, not {type(source).__name__}"
        )
    for index, item in enumerate(source):
        if isinstance(item, str):
            yield _Text(index, item)
        elif isinstance(item, os.PathLike):
            yield from _expand(os.fspath(item), report)
        elif _is_stream(item):
            yield _Stream(item)  # type: ignore[arg-type]  # a file object, checked above
        else:
            raise TypeError(
                f"load() reads texts (str), paths (os.PathLike) and file objects;"
                f" item {index} is {type(item).__name__}"
            )


# -- reading -----------------------------------------------------------------------------------


def _looks_like_a_path(text: str) -> bool:
    if len(text) > 4096 or any(c.isspace() for c in text):
        return False
    name = strip_compression_suffix(text)
    return (os.sep in text or format_suffix(name) in FORMAT_SUFFIXES) and os.path.isfile(text)


@attrs.define
class _Loader:
    options: Options
    format: Format | None
    on_error: OnError
    report: LoadReport

    def fail_or_skip(self, error: InputError) -> None:
        if self.on_error == "fail":
            raise error
        self.report.add_skip(SkippedInput.from_error(error))

    def run(self, source: Source) -> Iterator[Document]:
        skipped_before = self.report.skipped_count
        first_skip = len(self.report.skipped)
        try:
            for item in _inputs(source, self.report):
                if isinstance(item, InputError):
                    self.fail_or_skip(item)
                elif isinstance(item, _Text):
                    yield from self.text(item)
                else:
                    yield from self.file(item)
        finally:
            skipped = self.report.skipped_count - skipped_before
            if skipped:
                first = self.report.skipped[first_skip : first_skip + 1]
                reason = f"; the first: {first[0]}" if first else ""
                warnings.warn(
                    GeopolWarning(f"geopol.load skipped {skipped:,} bad input(s){reason}"),
                    stacklevel=2,
                )

    def text(self, item: _Text) -> Iterator[Document]:
        text = item.text
        if item.index == 0 and _looks_like_a_path(text):
            warnings.warn(
                GeopolWarning(
                    f"load() reads the string {text!r} as a text, but a file of that name"
                    f" exists: pass pathlib.Path({text!r}) to read the file"
                ),
                stacklevel=4,
            )
        date = None
        if self.format in (None, "seed") and text.startswith(HEADER):
            token, text = split_header(text)
            try:
                date = parse_date(token, 'date in the " date" header')
            except ValueError as error:
                self.fail_or_skip(InputError(f"text {item.index}: {error}"))
                return
        if len(text) > self.options.max_chars:
            self.fail_or_skip(
                InputError(
                    f"text {item.index}: document is too large: the limit is"
                    f" {self.options.max_chars:,} characters (max_chars) and it has"
                    f" {len(text):,} characters"
                )
            )
            return
        self.report.documents += 1
        yield Document(id=f"text-{item.index}", text=text, date=date)

    def file(self, item: _File | _Stream) -> Iterator[Document]:
        self.report.files += 1
        try:
            if isinstance(item, _File):
                opened = open_path(item.path, item.key)
            else:
                name = getattr(item.stream, "name", None)
                opened = open_stream(item.stream, name=name if isinstance(name, str) else None)
        except InputError as error:
            self.fail_or_skip(error)
            return
        with opened:
            try:
                chosen = self.format or sniff(opened, self.options)
            except InputError as error:
                self.fail_or_skip(error)
                return
            documents = _READERS[chosen](opened, self.options)
            while True:
                try:
                    result = next(documents)
                except StopIteration:
                    return
                except InputError as error:  # the rest of the file cannot be read
                    self.fail_or_skip(error)
                    return
                except DECOMPRESSION_ERRORS as error:
                    problem = f"{opened.compression} data" if opened.compression else "file"
                    self.fail_or_skip(
                        opened.error(
                            f"cannot read on: the {problem} is damaged or cut short ({error});"
                            " the rest of the file was skipped"
                        )
                    )
                    return
                if isinstance(result, InputError):
                    self.fail_or_skip(result)
                else:
                    self.report.documents += 1
                    yield result
