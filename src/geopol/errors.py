"""The exceptions and warnings geopol raises.

One base class, :class:`GeopolError`, and a few narrow subclasses that also
inherit the builtin they refine, so ``except ValueError`` keeps working for
callers that do not know geopol.
Messages say where, what was wrong, and what was found, in one sentence:
``corpus.jsonl:17: record has no "text" field (keys: id, title)``.
"""

from __future__ import annotations

import os

__all__ = [
    "AnnotationError",
    "DataFileError",
    "GeopolError",
    "GeopolWarning",
    "InputError",
    "ModelNotFoundError",
]


class GeopolError(Exception):
    """Base class of every error geopol raises on purpose.

    .. versionadded:: 0.1.0
    """


def _where(path: str | os.PathLike[str] | None, line: int | None) -> str:
    if path is None:
        return "<input>" if line is None else f"<input>:{line}"
    name = os.fspath(path)
    return name if line is None else f"{name}:{line}"


class InputError(GeopolError, ValueError):
    """A document or corpus could not be read.

    Attributes:
        path: the file the problem is in, or ``None`` for in-memory input.
        line: the 1-based line (or record number) of the problem, if known.
        reason: what was wrong, without the location.

    .. versionadded:: 0.1.0
    """

    def __init__(
        self,
        reason: str,
        *,
        path: str | os.PathLike[str] | None = None,
        line: int | None = None,
    ) -> None:
        self.path = None if path is None else os.fspath(path)
        self.line = line
        self.reason = reason
        super().__init__(f"{_where(path, line)}: {reason}")

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments need help to survive pickling (worker processes).
        return (_rebuild_input_error, (self.reason, self.path, self.line))


def _rebuild_input_error(reason: str, path: str | None, line: int | None) -> InputError:
    return InputError(reason, path=path, line=line)


class DataFileError(GeopolError, ValueError):
    """A packaged or user-supplied language data file is malformed.

    .. versionadded:: 0.1.0
    """

    def __init__(self, reason: str, *, path: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        super().__init__(f"{_where(path, line)}: {reason}")

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_data_file_error, (self.reason, self.path, self.line))


def _rebuild_data_file_error(reason: str, path: str, line: int | None) -> DataFileError:
    return DataFileError(reason, path=path, line=line)


class ModelNotFoundError(GeopolError, FileNotFoundError):
    """A parser model directory or file is missing; geopol never downloads one by itself.

    .. versionadded:: 0.1.0
    """


class AnnotationError(GeopolError, ValueError):
    """An analyser did not provide an annotation that was asked for.

    .. versionadded:: 0.1.0
    """


class GeopolWarning(UserWarning):
    """Warnings geopol issues (skipped records, degraded analysis).

    .. versionadded:: 0.1.0
    """
