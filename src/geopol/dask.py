"""Run geopol on a Dask cluster: coarse partitions, files in and files out.

Dask is an optional extra (``pip install 'geopol[dask]'``); nothing else in
geopol imports it. The pattern follows Dask's advice for Python-heavy work:
few, large partitions (one input file each), the analyser created once per
worker process and reused, and results written to files by the workers rather
than gathered into the client.

>>> import geopol.dask  # doctest: +SKIP
>>> geopol.dask.analyze_files(["a.jsonl", "b.jsonl"], "out/")  # doctest: +SKIP
['out/a.jsonl.geopol.jsonl', 'out/b.jsonl.geopol.jsonl']

Functions:

* :func:`analyze_files` — each input file becomes one output JSON Lines file.
* :func:`records_bag` — a ``dask.bag.Bag`` of output records from input files,
  for users who go on computing in Dask (``.to_dataframe()`` of the flat rows
  with :func:`rows_bag`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from geopol.io import OnError, load
from geopol.nlp import Analyser, RulesAnalyser
from geopol.parallel import analyze_lines, analyze_records, analyze_rows
from geopol.record import Record, Row

if TYPE_CHECKING:
    import dask.bag

__all__ = ["analyze_files", "records_bag", "rows_bag"]

_analysers: dict[bytes, Analyser] = {}


def _worker_analyser(analyser: Analyser) -> Analyser:
    """The worker's own copy of *analyser*, made once per worker process and reused.

    Dask pickles the function arguments into each task; an analyser's pickle is
    its construction recipe (a model directory, not the model), so it is cheap
    to ship and is turned into a live analyser once per process.
    """
    import pickle

    key = pickle.dumps(analyser)
    if key not in _analysers:
        _analysers[key] = pickle.loads(key)
    return _analysers[key]


def _output_path(source: str, output_dir: str) -> str:
    return os.path.join(output_dir, Path(source).name + ".geopol.jsonl")


def _analyse_file(source: str, output_dir: str, analyser: Analyser, on_error: OnError) -> str:
    chosen = _worker_analyser(analyser)
    target = _output_path(source, output_dir)
    tmp = target + ".part"
    with open(tmp, "w", encoding="utf-8") as out:
        for line in analyze_lines(load(source, on_error=on_error), analyser=chosen):
            out.write(line)
            out.write("\n")
    os.replace(tmp, target)
    return target


def _import_bag() -> ModuleType:
    try:
        import dask.bag as bag
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError("geopol.dask needs Dask: pip install 'geopol[dask]'") from error
    return bag


def analyze_files(
    paths: Sequence[str | os.PathLike[str]],
    output_dir: str | os.PathLike[str],
    *,
    analyser: Analyser | None = None,
    on_error: OnError = "fail",
    scheduler: str | None = None,
) -> list[str]:
    """Analyse each input file on the cluster into ``OUTPUT_DIR/<name>.geopol.jsonl``.

    Runs on the active Dask client if there is one (``distributed.Client``),
    else on the scheduler named by *scheduler* (``"processes"``, ``"threads"``,
    ``"sync"``). Output records are those of ``geopol analyze``, in input order
    within each file.

    Returns:
        the output paths, in the order of *paths*.

    .. versionadded:: 0.1.0
    """
    bag = _import_bag()
    os.makedirs(output_dir, exist_ok=True)
    sources = [os.fspath(p) for p in paths]
    chosen = analyser or RulesAnalyser(tokens=False)
    files = bag.from_sequence(sources, npartitions=max(1, len(sources)))
    written = files.map(_analyse_file, os.fspath(output_dir), chosen, on_error)
    result: list[str] = written.compute(scheduler=scheduler)
    return result


def _records_of_file(source: str, analyser: Analyser, on_error: OnError) -> list[Record]:
    return list(analyze_records(load(source, on_error=on_error),
                                analyser=_worker_analyser(analyser)))


def _rows_of_file(source: str, analyser: Analyser, on_error: OnError) -> list[Row]:
    rows = analyze_rows(load(source, on_error=on_error), analyser=_worker_analyser(analyser))
    return [row for document_rows in rows for row in document_rows]


def _flatten(lists: dask.bag.Bag) -> dask.bag.Bag:
    flat: dask.bag.Bag = lists.flatten()  # type: ignore[no-untyped-call]  # dask.bag has no annotations
    return flat


def _per_file(
    paths: Iterable[str | os.PathLike[str]],
    work: Callable[[str, Analyser, OnError], list[Record] | list[Row]],
    analyser: Analyser | None,
    on_error: OnError,
) -> dask.bag.Bag:
    """A lazy bag with one partition per input file, flattened from what *work* makes of each."""
    bag = _import_bag()
    sources = [os.fspath(p) for p in paths]
    files = bag.from_sequence(sources, npartitions=max(1, len(sources)))
    return _flatten(files.map(work, analyser or RulesAnalyser(tokens=False), on_error))


def records_bag(
    paths: Iterable[str | os.PathLike[str]],
    *,
    analyser: Analyser | None = None,
    on_error: OnError = "fail",
) -> dask.bag.Bag:
    """A lazy Dask bag of output records, one partition per input file.

    .. versionadded:: 0.1.0
    """
    return _per_file(paths, _records_of_file, analyser, on_error)


def rows_bag(
    paths: Iterable[str | os.PathLike[str]],
    *,
    analyser: Analyser | None = None,
    on_error: OnError = "fail",
) -> dask.bag.Bag:
    """A lazy Dask bag of flat rows (:func:`geopol.record.to_rows`), one partition per file;
    ``.to_dataframe()`` turns it into a Dask DataFrame.

    .. versionadded:: 0.1.0
    """
    return _per_file(paths, _rows_of_file, analyser, on_error)
