"""Output regression check: does :func:`geopol.analyze` still give the same records?

For work that must not change any output (speed-ups, refactoring), take a
snapshot before the change and check against it after every step::

    python -m benchmarks.regression snapshot     # writes benchmarks/out/regression.jsonl
    python -m benchmarks.regression check        # compares, lists the differences

To take the snapshot of an earlier commit's code, put its ``src`` first on the path
(``git worktree add /tmp/base <commit>``, then
``PYTHONPATH=/tmp/base/src python -m benchmarks.regression snapshot``). Source paths
are stored relative to the checkout, so a snapshot taken in one worktree can be
checked in another.

The documents: the gold files (``benchmarks/gold/*.jsonl``), the seed
(``seeds/``), the CoNLL-U fixtures of the tests (the parse path) and the first
documents of the generated throughput corpus
(:func:`benchmarks.throughput.corpus_path`). Each document's output record
(:func:`geopol.record.to_record`) is stored in full with a hash of it, together
with a hash of its segmentation (``segments``: sentence and token spans and token
annotations of the default analyser); ``check`` names every document whose record
differs, and which parts (``quotes``, ``stances``, ``numbers``, ``segments``)
differ, so that a change made elsewhere (another module under work) can be told
apart from one's own. ``check --ignore numbers`` leaves a part out of the verdict.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import geopol
from benchmarks.throughput import OUT, corpus_path
from geopol.model import Document, Sentence
from geopol.nlp import RulesAnalyser
from geopol.record import to_record

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SNAPSHOT = OUT / "regression.jsonl"
PARTS = ("quotes", "stances", "numbers", "segments")


def documents(corpus_docs: int) -> Iterator[tuple[str, Document]]:
    """``(key, document)`` for every document of the check; keys are unique."""
    sources = [
        *sorted((HERE / "gold").glob("*.jsonl")),
        *sorted((ROOT / "seeds").glob("*.txt")),
        *sorted((ROOT / "tests" / "fixtures").glob("*.conllu")),
    ]
    for path in sources:
        for doc in geopol.load(str(path)):
            yield f"{path.name}:{doc.id}", doc
    corpus = corpus_path(3_000_000)
    for number, doc in enumerate(geopol.load(str(corpus))):
        if number >= corpus_docs:
            break
        yield f"{corpus.name}:{doc.id}", doc


def _digest(record: dict[str, Any]) -> str:
    data = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:16]


def _segments(sentences: tuple[Sentence, ...]) -> str:
    """A hash of the sentences and tokens, with every token attribute."""
    rows = [[s.span.start, s.span.end,
             [[t.span.start, t.span.end, t.lemma, t.upos, t.feats, t.head, t.deprel, t.ner]
              for t in s.tokens]] for s in sentences]
    return hashlib.sha256(json.dumps(rows).encode("utf-8")).hexdigest()[:16]


def _portable(source: str | None) -> str | None:
    """A source path inside the checkout, relative to its root: a snapshot taken in one
    checkout can then be checked in another (a ``git worktree`` of the same project)."""
    if source is None:
        return None
    path = Path(source)
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else source


def records(corpus_docs: int) -> Iterator[dict[str, Any]]:
    """One line of the snapshot per document: key, hash, record."""
    for key, doc in documents(corpus_docs):
        record: dict[str, Any] = dict(to_record(geopol.analyze(doc)))
        record["source"] = _portable(doc.source)
        record["segments"] = _segments(RulesAnalyser().analyse(doc))
        yield {"key": key, "hash": _digest(record), "record": record}


def snapshot(path: Path, corpus_docs: int) -> int:
    start = time.process_time()
    count = 0
    with open(path, "w", encoding="utf-8") as handle:
        for line in records(corpus_docs):
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
            count += 1
    print(f"snapshot of {count} documents written to {path} "
          f"({time.process_time() - start:.1f} s CPU)")
    return 0


def _differing_parts(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    keys = dict.fromkeys([*old, *new])
    return [key for key in keys if old.get(key) != new.get(key)]


def check(path: Path, corpus_docs: int, *, show: int, ignore: frozenset[str]) -> int:
    if not path.exists():
        print(f"no snapshot at {path}: run `python -m benchmarks.regression snapshot` first")
        return 2
    with open(path, encoding="utf-8") as handle:
        expected = {line["key"]: line for line in map(json.loads, handle)}
    start = time.process_time()
    seen = 0
    differences: list[tuple[str, list[str]]] = []
    new_keys: list[str] = []  # documents added since the snapshot (a new gold file)
    by_part: dict[str, int] = {}
    for line in records(corpus_docs):
        seen += 1
        old = expected.pop(line["key"], None)
        if old is None:
            new_keys.append(line["key"])
            continue
        if old["hash"] == line["hash"]:
            continue
        parts = [p for p in _differing_parts(old["record"], line["record"]) if p not in ignore]
        if not parts:
            continue
        differences.append((line["key"], parts))
        for part in parts:
            by_part[part] = by_part.get(part, 0) + 1
        if len(differences) <= show:
            for part in parts:
                print(f"--- {line['key']} {part}\n  was: {old['record'].get(part)}\n"
                      f"  now: {line['record'].get(part)}")
    for key in expected:
        differences.append((key, ["missing now"]))
    cpu = time.process_time() - start
    print(f"{seen} documents checked in {cpu:.1f} s CPU: {len(differences)} differences"
          + (f" (by part: {by_part})" if by_part else "")
          + (f", ignoring {', '.join(sorted(ignore))}" if ignore else ""))
    for key, parts in differences[:50]:
        print(f"  {key}: {', '.join(parts)}")
    if new_keys:
        print(f"{len(new_keys)} documents not in the snapshot, not compared "
              f"(first: {new_keys[0]}); take a new snapshot to include them")
    return 1 if differences else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.regression", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("snapshot", "check"))
    parser.add_argument("--corpus-docs", type=int, default=2000,
                        help="how many documents of the generated corpus (default 2000)")
    parser.add_argument("--snapshot", type=Path, default=SNAPSHOT, help="the snapshot file")
    parser.add_argument("--show", type=int, default=5,
                        help="print the old and new parts of the first N differences")
    parser.add_argument("--ignore", action="append", default=[], choices=PARTS,
                        help="leave a part out of the comparison (repeatable)")
    args = parser.parse_args(argv)
    if args.command == "snapshot":
        return snapshot(args.snapshot, args.corpus_docs)
    return check(args.snapshot, args.corpus_docs, show=args.show, ignore=frozenset(args.ignore))


if __name__ == "__main__":
    sys.exit(main())
