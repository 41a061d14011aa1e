"""What a load skipped, and why: :class:`LoadReport` and :class:`SkippedInput`."""

from __future__ import annotations

import attrs

from geopol.errors import InputError

__all__ = ["LoadReport", "SkippedInput"]

_KEEP = 10_000
"""Skipped inputs kept with their reasons; beyond this only the count grows."""


@attrs.frozen
class SkippedInput:
    """One document, record or file that :func:`geopol.load` skipped.

    Attributes:
        path: the file it was in, or ``None`` for in-memory input.
        line: the 1-based line it starts on (or the record number), if known.
        reason: what was wrong, without the location.

    >>> from geopol.io import SkippedInput
    >>> str(SkippedInput("corpus.jsonl", 17, 'record has no "text" field (keys: id, title)'))
    'corpus.jsonl:17: record has no "text" field (keys: id, title)'

    .. versionadded:: 0.1.0
    """

    path: str | None
    line: int | None
    reason: str

    @classmethod
    def from_error(cls, error: InputError) -> SkippedInput:
        """The skip an :class:`~geopol.errors.InputError` stands for."""
        return cls(error.path, error.line, error.reason)

    def __str__(self) -> str:
        where = "<input>" if self.path is None else self.path
        if self.line is None:
            return f"{where}: {self.reason}"
        return f"{where}:{self.line}: {self.reason}"


@attrs.define
class LoadReport:
    """A running account of one or more loads: files read, documents yielded, inputs skipped.

    Pass one to :func:`geopol.load` as ``report=`` and read it during or after the loop.
    Nothing is dropped silently: every skipped record or file is counted here,
    and the first 10,000 are kept with their reasons.

    >>> import geopol
    >>> from geopol.io import LoadReport
    >>> report = LoadReport()
    >>> docs = list(geopol.load(["Rutte zei nee.", "Schoof zei ja."], report=report))
    >>> report.documents, report.skipped_count
    (2, 0)

    .. versionadded:: 0.1.0
    """

    files: int = 0
    """Files opened (a file skipped whole counts too)."""
    documents: int = 0
    """Documents yielded."""
    skipped_count: int = 0
    """Documents, records or files skipped (with ``on_error="skip"``)."""
    _skipped: list[SkippedInput] = attrs.field(factory=list, alias="skipped")
    _ignored_files: list[str] = attrs.field(factory=list, alias="ignored_files")

    @property
    def skipped(self) -> tuple[SkippedInput, ...]:
        """The skipped inputs with their reasons, in the order met (the first 10,000)."""
        return tuple(self._skipped)

    @property
    def ignored_files(self) -> tuple[str, ...]:
        """Files in a folder that were not read because their suffix names no known format."""
        return tuple(self._ignored_files)

    def add_skip(self, skip: SkippedInput) -> None:
        """Count one skipped input (and keep its reason while fewer than 10,000 are kept)."""
        self.skipped_count += 1
        if len(self._skipped) < _KEEP:
            self._skipped.append(skip)

    def add_ignored_file(self, path: str) -> None:
        """Note a file that a folder load passed over."""
        self._ignored_files.append(path)

    def summary(self, *, limit: int = 5) -> str:
        """One paragraph for people: counts, then the first *limit* reasons, one per line.

        >>> from geopol.io import LoadReport, SkippedInput
        >>> report = LoadReport()
        >>> report.add_skip(SkippedInput("a.jsonl", 3, "line is not valid JSON"))
        >>> print(report.summary())
        skipped 1 bad input, read 0 documents:
          a.jsonl:3: line is not valid JSON
        """
        skips = "input" if self.skipped_count == 1 else "inputs"
        docs = "document" if self.documents == 1 else "documents"
        lines = [f"skipped {self.skipped_count:,} bad {skips}, read {self.documents:,} {docs}:"]
        lines.extend(f"  {skip}" for skip in self._skipped[:limit])
        if self.skipped_count > limit:
            lines.append(f"  ... and {self.skipped_count - limit:,} more")
        return "\n".join(lines)
