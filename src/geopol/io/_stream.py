"""Opening one input: decompression by magic bytes, a peek at the head, UTF-8 lines with positions.

Every reader works on an :class:`Opened` input: a binary stream of the
decompressed bytes (buffered, so that line iteration runs at C speed), the
first bytes for sniffing, and the names used in error messages and ids.
"""

from __future__ import annotations

import bz2
import codecs
import gzip
import io
import lzma
import os
import zlib
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Protocol

import attrs

from geopol.errors import InputError

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

__all__ = ["DECOMPRESSION_ERRORS", "Opened", "decode_error", "open_binary", "read_lines"]

HEAD_BYTES = 1 << 16
"""Bytes read ahead to sniff compression and format."""

_BUFFER = 1 << 18
_BOM = codecs.BOM_UTF8

COMPRESSION_SUFFIXES = (".gz", ".bz2", ".xz")

DECOMPRESSION_ERRORS: tuple[type[BaseException], ...] = (
    OSError,  # gzip.BadGzipFile is an OSError; so are truncated bz2 streams
    EOFError,  # a compressed stream that ends early
    lzma.LZMAError,
    zlib.error,
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bz2"),
    (b"\xfd7zXZ\x00", "xz"),
)

# Formats geopol cannot read, named so that the error says what the file is.
_FOREIGN: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP archive; unpack it first"),
    (b"(\xb5/\xfd", "Zstandard-compressed; geopol reads gzip, bz2 and xz"),
    (b"7z\xbc\xaf'\x1c", "a 7-Zip archive; unpack it first"),
    (b"%PDF", "a PDF document; extract its text first"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document; save it as text first"),
    (b"\xff\xfe", "UTF-16 text; geopol reads UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8)"),
    (b"\xfe\xff", "UTF-16 text; geopol reads UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8)"),
)


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class _Closable(Protocol):
    def close(self) -> None: ...


class _Chain(io.RawIOBase):
    """A raw stream that gives *head* first, then the rest of *rest*."""

    def __init__(self, head: bytes, rest: _Readable) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        target = memoryview(buffer).cast("B")
        if self._head:
            n = min(len(target), len(self._head))
            target[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(target))
        n = len(data)
        target[:n] = data
        return n


class _Encoded(io.RawIOBase):
    """A text stream seen as UTF-8 bytes (for file objects opened in text mode)."""

    def __init__(self, text: IO[str]) -> None:
        super().__init__()
        self._text = text
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        target = memoryview(buffer).cast("B")
        while not self._pending:
            chunk = self._text.read(max(1, len(target) // 4))
            if not chunk:
                return 0
            self._pending = chunk.encode("utf-8", "surrogatepass")
        n = min(len(target), len(self._pending))
        target[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


@attrs.define
class Opened:
    """One input, opened and decompressed.

    Attributes:
        stream: the decompressed bytes, buffered, positioned at the start.
        head: the first (up to 64 KiB) decompressed bytes, also still in *stream*.
        path: the name used in error messages (as the caller wrote it), ``None`` in memory.
        key: the name documents are identified by, compression suffix removed
            (relative to the folder or glob base when loading one).
        compression: ``gzip``, ``bz2``, ``xz`` or ``None``.
        offset: bytes before *stream*'s start (a UTF-8 byte order mark), for byte offsets.
    """

    stream: io.BufferedReader[_Chain]
    head: bytes
    path: str | None
    key: str
    compression: str | None
    offset: int = 0
    _closers: list[_Closable] = attrs.field(factory=list)

    def error(self, reason: str, line: int | None = None) -> InputError:
        return InputError(reason, path=self.path, line=line)

    def close(self) -> None:
        for closer in reversed(self._closers):
            closer.close()
        self.stream.close()

    def __enter__(self) -> Opened:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _read_head(stream: _Readable) -> bytes:
    parts = []
    size = 0
    while size < HEAD_BYTES:
        chunk = stream.read(HEAD_BYTES - size)
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


def strip_compression_suffix(name: str) -> str:
    for suffix in COMPRESSION_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def open_binary(raw: IO[bytes], *, path: str | None, key: str, owns: bool) -> Opened:
    """Open *raw* (positioned at its start): detect compression, decompress, read the head.

    Raises:
        InputError: when the file is empty, binary, or of a kind geopol cannot read.
    """
    closers: list[_Closable] = [raw] if owns else []
    try:
        head = _read_head(raw)
        compression = next((name for magic, name in _MAGIC if head.startswith(magic)), None)
        stream = io.BufferedReader(_Chain(head, raw), _BUFFER)
        if compression is not None:
            decompressed: io.BufferedIOBase
            if compression == "gzip":
                decompressed = gzip.GzipFile(fileobj=stream, mode="rb")
            elif compression == "bz2":
                decompressed = bz2.BZ2File(stream, "rb")
            else:
                decompressed = lzma.LZMAFile(stream, "rb")  # noqa: SIM115  # closed by Opened
            closers.append(decompressed)
            try:
                head = _read_head(decompressed)
            except DECOMPRESSION_ERRORS as error:
                raise InputError(
                    f"cannot decompress this {compression} file: {error}", path=path
                ) from error
            stream = io.BufferedReader(_Chain(head, decompressed), _BUFFER)
        bom = len(_BOM) if head.startswith(_BOM) else 0
        if bom:
            stream.read(bom)
            head = head[bom:]
        opened = Opened(
            stream=stream,
            head=head,
            path=path,
            key=key,
            compression=compression,
            offset=bom,
            closers=closers,
        )
        _check_head(opened)
    except BaseException:
        for closer in reversed(closers):
            closer.close()
        raise
    return opened


def _check_head(opened: Opened) -> None:
    head = opened.head
    compressed = f" (after {opened.compression} decompression)" if opened.compression else ""
    if not head:
        raise opened.error(f"file is empty{compressed}")
    if len(head) < HEAD_BYTES and not head.strip():
        raise opened.error(f"file holds only white space{compressed}")
    for magic, what in _FOREIGN:
        if head.startswith(magic):
            raise opened.error(f"file is {what}")
    nul = head.find(b"\x00", 0, 8192)
    if nul >= 0:
        raise opened.error(
            f"file looks binary, not text: it has a NUL byte at byte {nul}{compressed}"
        )


def open_path(path: str, key: str) -> Opened:
    """Open the file at *path*.

    Raises:
        InputError: when it is missing, unreadable, a folder, empty or binary.
    """
    try:
        raw = open(path, "rb")  # noqa: SIM115  # closed by Opened.close
    except FileNotFoundError as error:
        raise InputError("no such file or folder", path=path) from error
    except IsADirectoryError as error:
        raise InputError("is a folder, not a file", path=path) from error
    except OSError as error:
        raise InputError(f"cannot open: {error.strerror or error}", path=path) from error
    return open_binary(raw, path=path, key=key, owns=True)


def open_stream(stream: IO[bytes] | IO[str], *, name: str | None) -> Opened:
    """Open a caller's file object (binary or text mode); it is not closed afterwards."""
    path = name
    key = strip_compression_suffix(os.path.basename(name)) if name else "<stream>"
    if isinstance(stream, io.TextIOBase):
        # Decoded by the stream's own encoding, then seen as UTF-8 bytes.
        return open_binary(
            io.BufferedReader(_Encoded(stream)),
            path=path,
            key=key,
            owns=False,
        )
    return open_binary(stream, path=path, key=key, owns=False)  # type: ignore[arg-type]  # binary


def decode_error(
    opened: Opened,
    error: UnicodeDecodeError,
    *,
    line: int,
    offset: int,
    encoding: str,
    line_start: int = 0,
) -> InputError:
    """The error for bytes that are not valid in *encoding*, with line, column and byte offset.

    Args:
        opened: the input.
        error: the decoding error over some bytes of it.
        line: the 1-based line the bad bytes are on.
        offset: the byte offset in the file of the first byte ``error.object`` holds.
        encoding: the encoding asked for.
        line_start: where the line starts within ``error.object``.
    """
    bad = error.object[error.start : max(error.end, error.start + 1)]
    what = "byte" if len(bad) == 1 else "bytes"
    return opened.error(
        f"invalid {_encoding_name(encoding)} at byte {offset + error.start:,} of the file"
        f" (column {error.start - line_start + 1} of the line): {what} {bad.hex(' ')};"
        " re-encode the file as UTF-8 or pass the encoding it is in",
        line,
    )


def _encoding_name(encoding: str) -> str:
    name = codecs.lookup(encoding).name
    return "UTF-8" if name == "utf-8" else name


def read_lines(
    opened: Opened, *, max_line_bytes: int
) -> Iterator[tuple[int, int, bytes]]:
    """``(line number, byte offset, raw line)`` for each line, newline kept.

    A line longer than *max_line_bytes* comes back cut at that length (and the rest of it
    is passed over unread into memory), so that the caller can reject it by its length.
    """
    stream = opened.stream
    readline = stream.readline
    number = 0
    offset = opened.offset
    while True:
        raw = readline(max_line_bytes)
        if not raw:
            return
        number += 1
        start = offset
        offset += len(raw)
        if len(raw) >= max_line_bytes and not raw.endswith(b"\n"):
            # Too long: skip to the end of this line without holding it.
            while True:
                rest = readline(_BUFFER)
                offset += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
        yield number, start, raw
