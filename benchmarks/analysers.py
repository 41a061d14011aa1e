"""Accuracy and speed of the extractors with each analyser, side by side.

    python -m benchmarks.analysers                          # rules, and stanza with the test model
    python -m benchmarks.analysers --model-dir ~/stanza_nl  # also stanza with your own models
    python -m benchmarks.analysers --conllu nl_alpino-ud-dev.conllu   # gold UD parses, end to end

For each analyser: quotes (content F1, end-to-end F1), stances (F1) and numbers
(detection F1, value F1, counts accuracy) on the gold files, and words/s of the
whole ``analyze``. For stanza it also reports the overhead of geopol over bare
stanza on the same texts (stanza's own ``bulk_process`` alone against
``analyze_many`` with :class:`~geopol.nlp.stanza_backend.StanzaAnalyser`).

With ``--conllu``, documents loaded from CoNLL-U with their gold parses go
through the extractors (the ``conllu`` analyser): the benchmark reports how
many quotes and stances it finds per 1000 sentences and prints a sample to
check by hand.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import regex

import geopol
from benchmarks import numbers as numbers_bench
from benchmarks import quotes as quotes_bench
from benchmarks import stances as stances_bench
from benchmarks.gold import read_gold
from geopol.model import Document, Sentence
from geopol.nlp import Analyser, RulesAnalyser

ROOT = Path(__file__).resolve().parent.parent
TEST_MODEL = ROOT / "tests" / "fixtures" / "stanza-nl"
RESULTS = Path(__file__).resolve().parent / "results"
WORD = regex.compile(r"\w+")


class CachedAnalyser:
    """Parses each document once, however many scorers ask (stanza is slow)."""

    def __init__(self, inner: Analyser) -> None:
        self.inner = inner
        self.name = inner.name
        self._cache: dict[tuple[str, str], tuple[Sentence, ...]] = {}

    def analyse(self, doc: Document) -> tuple[Sentence, ...]:
        key = (doc.id, doc.text)
        if key not in self._cache:
            self._cache[key] = self.inner.analyse(doc)
        return self._cache[key]

    def analyse_many(self, docs: Iterable[Document]) -> Iterator[tuple[Sentence, ...]]:
        for doc in docs:
            yield self.analyse(doc)


def _total(result: dict[str, Any], key: str) -> float:
    return float(result["total"][key])


def accuracy(paths: Sequence[Path], analyser: Analyser) -> dict[str, float]:
    """The headline figure of each extractor over all *paths* together."""
    cached = CachedAnalyser(analyser)
    q = quotes_bench.evaluate(paths, speed=False, analyser=cached)
    s = stances_bench.evaluate(paths, analyser=cached)
    n = numbers_bench.evaluate(paths, speed=False, peer=False, analyser=cached)
    n_counts: dict[str, int] = {}
    for systems in n["files"].values():
        for key, value in systems["geopol"].items():
            if key in ("gold", "system", "matched", "value_right", "counts_right"):
                n_counts[key] = n_counts.get(key, 0) + int(value)
    precision = n_counts["matched"] / n_counts["system"] if n_counts["system"] else 0.0
    recall = n_counts["matched"] / n_counts["gold"] if n_counts["gold"] else 0.0
    value_p = n_counts["value_right"] / n_counts["system"] if n_counts["system"] else 0.0
    value_r = n_counts["value_right"] / n_counts["gold"] if n_counts["gold"] else 0.0
    return {
        "quote content F1": _total(q, "content_f1"),
        "quote end-to-end F1": _total(q, "e2e_f1"),
        "stance F1": _total(s, "f1"),
        "number detection F1": _f1(precision, recall),
        "number value F1": _f1(value_p, value_r),
        "counts accuracy": (n_counts["counts_right"] / n_counts["matched"]
                            if n_counts["matched"] else 0.0),
    }


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def speed(docs: Sequence[Document], analyser: Analyser) -> dict[str, float]:
    """Words/s of the whole analysis (parse + extractors) over *docs*, one pass."""
    from geopol.parallel import analyze_many

    words = sum(len(WORD.findall(doc.text)) for doc in docs)
    start = time.perf_counter()
    for _ in analyze_many(docs, analyser=analyser, chunk_size=len(docs)):
        pass
    seconds = time.perf_counter() - start
    return {"words": words, "seconds": seconds, "words_per_s": words / seconds}


def stanza_overhead(docs: Sequence[Document], analyser: Any) -> dict[str, float]:
    """Seconds of stanza's bulk_process alone against geopol's analysis with that pipeline."""
    import stanza

    pipeline = analyser.pipeline
    inputs = [stanza.Document([], text=doc.text) for doc in docs]
    start = time.perf_counter()
    pipeline.bulk_process(inputs)
    bare = time.perf_counter() - start
    start = time.perf_counter()
    for sentences, doc in zip(analyser.analyse_many(docs), docs, strict=True):
        geopol.analyze(doc, analyser=_Given(sentences))
    full = time.perf_counter() - start
    return {"stanza_seconds": bare, "geopol_seconds": full,
            "overhead": (full - bare) / bare if bare else 0.0}


class _Given:
    """An analyser that returns sentences already made (to time the extractors alone)."""

    name = "given"

    def __init__(self, sentences: tuple[Sentence, ...]) -> None:
        self._sentences = sentences

    def analyse(self, doc: Document) -> tuple[Sentence, ...]:
        return self._sentences

    def analyse_many(self, docs: Iterable[Document]) -> Iterator[tuple[Sentence, ...]]:
        for _ in docs:
            yield self._sentences


def conllu_run(path: Path, *, sample: int = 8) -> dict[str, Any]:
    """Quotes and stances found in a CoNLL-U file through its gold parses."""
    from geopol.nlp.conllu import ConlluAnalyser

    analyser = ConlluAnalyser()
    sentences = quotes_found = stances_found = 0
    examples: list[str] = []
    for doc in geopol.load(path):
        result = geopol.analyze(doc, analyser=analyser)
        sentences += len(doc.parse or ())
        quotes_found += len(result.quotes)
        stances_found += len(result.stances)
        for quote in result.quotes:
            if len(examples) < sample:
                who = quote.speaker.name if quote.speaker else None
                examples.append(f"quote [{quote.kind}] {who}: {doc.text_of(quote.content)[:90]}")
        for found in result.stances:
            if len(examples) < 2 * sample:
                who = found.holder.name if found.holder else None
                examples.append(f"stance {who} {found.polarity} {doc.text_of(found.target)[:60]}")
    per = 1000 / sentences if sentences else 0.0
    return {"file": path.name, "sentences": sentences, "quotes": quotes_found,
            "stances": stances_found, "quotes_per_1000": round(quotes_found * per, 1),
            "stances_per_1000": round(stances_found * per, 1), "examples": examples}


def analysers_table(paths: Sequence[Path], model_dirs: Sequence[Path]) -> dict[str, Any]:
    docs = [g.document for path in paths for g in read_gold(path)]
    rows = []
    candidates: list[tuple[str, Analyser]] = [("rules", RulesAnalyser())]
    overheads = []
    for model_dir in model_dirs:
        try:
            from geopol.nlp.stanza_backend import StanzaAnalyser
        except ModuleNotFoundError:
            print("stanza is not installed: pip install 'geopol[stanza]'", file=sys.stderr)
            break
        label = "stanza, test model" if model_dir == TEST_MODEL else f"stanza, {model_dir}"
        candidates.append((label, StanzaAnalyser.from_model_dir(model_dir)))
    for label, analyser in candidates:
        figures = accuracy(paths, analyser)
        timing = speed(docs, analyser)
        rows.append([label, *(f"{v:.3f}" for v in figures.values()),
                     f"{timing['words_per_s']:,.0f}"])
        if label.startswith("stanza"):
            over = stanza_overhead(docs, analyser)
            overheads.append(f"{label}: geopol adds {100 * over['overhead']:.1f} % to bare "
                             f"stanza ({over['geopol_seconds']:.1f} s against "
                             f"{over['stanza_seconds']:.1f} s)")
    columns = ["analyser", "quote content F1", "quote end-to-end F1", "stance F1",
               "number detection F1", "number value F1", "counts accuracy", "words/s"]
    note = (f"All gold files together ({', '.join(p.name for p in paths)}); words/s of parsing "
            "plus every extractor, one core. " + " ".join(overheads))
    return {"name": "analysers", "title": "The extractors with each analyser",
            "columns": columns, "rows": rows, "note": note.strip()}


def main(argv: Sequence[str] | None = None) -> int:
    from benchmarks.__main__ import gold_files, print_table

    parser = argparse.ArgumentParser(prog="python -m benchmarks.analysers", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, nargs="+")
    parser.add_argument("--model-dir", type=Path, action="append", default=[],
                        help="a stanza model directory of yours (repeatable)")
    parser.add_argument("--no-test-model", action="store_true",
                        help="leave out stanza with the project's small test model")
    parser.add_argument("--conllu", type=Path, nargs="*", default=None,
                        help="CoNLL-U files with gold parses to run end to end "
                             "(default: ../shared/ud/*.conllu when present)")
    args = parser.parse_args(argv)
    paths = gold_files(args.gold)
    model_dirs = ([] if args.no_test_model or not TEST_MODEL.exists() else [TEST_MODEL])
    model_dirs += args.model_dir
    table = analysers_table(paths, model_dirs)
    print_table(table)
    output: dict[str, Any] = {"analysers": table}
    conllu = args.conllu
    if conllu is None:
        shared = ROOT.parent / "shared" / "ud"
        conllu = sorted(shared.glob("*.conllu")) if shared.is_dir() else []
    if conllu:
        runs = [conllu_run(path) for path in conllu]
        output["conllu"] = runs
        for run in runs:
            print(f"\n{run['file']}: {run['sentences']:,} sentences, {run['quotes']} quotes "
                  f"({run['quotes_per_1000']}/1000 sentences), {run['stances']} stances "
                  f"({run['stances_per_1000']}/1000 sentences)")
            for line in run["examples"]:
                print(f"  {line}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "analysers.json").write_text(json.dumps(output, indent=1, ensure_ascii=False)
                                            + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
