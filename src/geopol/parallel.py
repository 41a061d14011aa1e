"""Analyse many documents on several cores, output in input order.

The analyser is created once per worker process (never per document) from a
picklable description, documents travel to the workers in chunks, and results
come back in the order the documents went in.
With ``workers=1`` everything runs in the calling process.

>>> import geopol
>>> docs = geopol.load(["Rutte zei dat het kabinet 40 miljoen euro uittrekt.", "Geen nieuws."])
>>> [record["id"] for record in analyze_records(docs, workers=1)]
['text-0', 'text-1']
"""

from __future__ import annotations

import functools
import itertools
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from geopol.analysis import analyze_batch
from geopol.model import Analysis, Document
from geopol.nlp import Analyser, RulesAnalyser
from geopol.record import Record, Row, to_json, to_record, to_rows

__all__ = ["analyze_lines", "analyze_many", "analyze_records", "analyze_rows", "default_workers"]

T = TypeVar("T")

CHUNK_SIZE = 128
"""Documents per chunk by default. Each chunk costs the parent process some work
(sending, receiving, keeping order): with 32 documents a chunk the parent took a
core's tenth on news text and two workers ran 1.76 times as fast as one; with 128,
1.91 to 1.98 times in five runs (``python -m benchmarks``, 10 MB corpus, two cores)."""

_worker_analyser: Analyser | None = None


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _init_worker(analyser: Analyser) -> None:
    global _worker_analyser
    _worker_analyser = analyser


def _analyse_chunk(docs: list[Document]) -> list[Analysis]:
    return analyze_batch(docs, analyser=_worker_analyser)


def _records_chunk(docs: list[Document]) -> list[Record]:
    return [to_record(analysis) for analysis in _analyse_chunk(docs)]


def _lines_chunk(docs: list[Document], include_text: bool = False) -> list[str]:
    return [to_json(to_record(analysis, include_text=include_text))
            for analysis in _analyse_chunk(docs)]


def _rows_chunk(docs: list[Document]) -> list[list[Row]]:
    return [to_rows(analysis) for analysis in _analyse_chunk(docs)]


def _chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Lists of up to *size* documents. When reading the input fails, the documents read
    before the failure still go out as a last chunk, then the error is raised."""
    iterator = iter(docs)
    while True:
        chunk: list[Document] = []
        try:
            chunk.extend(itertools.islice(iterator, size))
        except Exception:
            if chunk:
                yield chunk
            raise
        if not chunk:
            return
        yield chunk


def _run(
    docs: Iterable[Document],
    work: Callable[[list[Document]], list[T]],
    *,
    analyser: Analyser | None,
    workers: int,
    chunk_size: int,
) -> Iterator[T]:
    if workers < 1:
        raise ValueError(f"workers must be >= 1, got {workers}")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be >= 1, got {chunk_size}")
    chosen = analyser or RulesAnalyser(tokens=False)
    if workers == 1:
        # In this process, chunk by chunk (a parser batches a chunk in one call).
        _init_worker(chosen)
        for chunk in _chunks(docs, chunk_size):
            yield from work(chunk)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if context.get_start_method() == "forkserver":
        # The forkserver builds the rules' data once, and every worker forked from it
        # starts with it (see geopol._worker_preload); has the forkserver of this process
        # started already, it keeps the modules it has.
        context.set_forkserver_preload(["geopol._worker_preload"])
    with context.Pool(workers, initializer=_init_worker, initargs=(chosen,)) as pool:
        # imap keeps input order; a bounded number of chunks is in flight at once.
        for results in pool.imap(work, _chunks(docs, chunk_size)):
            yield from results


def analyze_many(
    docs: Iterable[Document],
    *,
    analyser: Analyser | None = None,
    workers: int = 1,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[Analysis]:
    """:func:`geopol.analyze` over many documents, results in input order.

    Args:
        docs: the documents, e.g. from :func:`geopol.load`; read lazily.
        analyser: a picklable analyser (the built-in rules by default);
            each worker gets its own copy, made once.
        workers: processes to use; 1 runs in this process.
        chunk_size: documents analysed together: sent to a worker at a time, and
            parsed in one call of the analyser (parsers such as stanza batch them).

    .. versionadded:: 0.1.0
    """
    return _run(docs, _analyse_chunk, analyser=analyser, workers=workers, chunk_size=chunk_size)


def analyze_records(
    docs: Iterable[Document],
    *,
    analyser: Analyser | None = None,
    workers: int = 1,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[Record]:
    """Like :func:`analyze_many`, but yields output records (cheaper to ship between processes).

    .. versionadded:: 0.1.0
    """
    return _run(docs, _records_chunk, analyser=analyser, workers=workers, chunk_size=chunk_size)


def analyze_lines(
    docs: Iterable[Document],
    *,
    analyser: Analyser | None = None,
    workers: int = 1,
    chunk_size: int = CHUNK_SIZE,
    include_text: bool = False,
) -> Iterator[str]:
    """Output records already serialised as JSON (one line each, no newline), in input order.

    This is what ``geopol analyze`` writes; serialising in the workers keeps the
    parent process free to read input.
    With *include_text* each record also carries its document's text and title.

    .. versionadded:: 0.1.0
    """
    work = functools.partial(_lines_chunk, include_text=include_text)
    return _run(docs, work, analyser=analyser, workers=workers, chunk_size=chunk_size)


def analyze_rows(
    docs: Iterable[Document],
    *,
    analyser: Analyser | None = None,
    workers: int = 1,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[list[Row]]:
    """The flat rows (:func:`geopol.record.to_rows`) of each document, in input order.

    .. versionadded:: 0.1.0
    """
    return _run(docs, _rows_chunk, analyser=analyser, workers=workers, chunk_size=chunk_size)
