"""The benchmark suite: accuracy, throughput and scaling in one command.

    python -m benchmarks                       # accuracy on the gold files + throughput on 10 MB
    python -m benchmarks --size 100MB --workers 2
    python -m benchmarks --scaling 10MB 100MB 1GB
    python -m benchmarks --gold my-gold.jsonl --corpus my-corpus.jsonl
    python -m benchmarks --model-dir ~/stanza_resources   # stanza with your own models too

It prints one table per part and writes them all to ``benchmarks/results/suite.json``,
which the documentation renders (``.. geopol-benchmark::``), so that every figure in
the docs comes from a run of this command, with the machine it ran on.

Gold files default to ``../shared/gold/*.jsonl`` when present beside the project,
else the copies shipped in ``benchmarks/gold/``; the independent held-out set
(``benchmarks/gold/independent.jsonl``) is always included when present.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks import numbers as numbers_bench
from benchmarks import quotes as quotes_bench
from benchmarks import segmentation as segmentation_bench
from benchmarks import stances as stances_bench
from benchmarks import throughput as throughput_bench
from benchmarks.corpus import parse_size
from benchmarks.gold import SHIPPED_GOLD, default_gold_files

RESULTS = Path(__file__).resolve().parent / "results"

Table = dict[str, Any]


def _f(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def gold_files(given: Sequence[Path] | None) -> list[Path]:
    """The gold files to score on: the given ones, else the defaults plus the independent set."""
    if given:
        return list(given)
    files = list(default_gold_files())
    independent = SHIPPED_GOLD / "independent.jsonl"
    if independent.exists() and independent.name not in {f.name for f in files}:
        files.append(independent)
    return files


def quotes_table(paths: Sequence[Path]) -> Table:
    result = quotes_bench.evaluate(paths, speed=False)
    rows = [
        [name, r["gold"], r["system"], _f(r["content_p"]), _f(r["content_r"]),
         _f(r["content_f1"]), _f(r["speaker_acc"]), _f(r["e2e_f1"])]
        for name, r in result["files"].items()
    ]
    return {"name": "quotes", "title": "Quotes (annotation guide, section 5)",
            "columns": ["gold file", "gold", "found", "content P", "content R", "content F1",
                        "speaker acc.", "end-to-end F1"], "rows": rows,
            "note": "dev targets: content F1 >= 0.93, speaker accuracy >= 0.93, "
                    "end-to-end F1 >= 0.88."}


def stances_table(paths: Sequence[Path]) -> Table:
    result = stances_bench.evaluate(paths)
    rows = [[name, r["gold"], r["found"], _f(r["precision"]), _f(r["recall"]), _f(r["f1"])]
            for name, r in result["files"].items()]
    return {"name": "stances", "title": "Stances (holder + polarity + target)",
            "columns": ["gold file", "gold", "found", "P", "R", "F1"], "rows": rows,
            "note": "dev target: F1 >= 0.75."}


_NUMBER_SYSTEMS = {"geopol": "geopol", "recognizers_numbers": "Recognizers-Text (number)",
                   "recognizers_all": "Recognizers-Text (all models)"}


def numbers_table(paths: Sequence[Path]) -> Table:
    result = numbers_bench.evaluate(paths, speed=False)
    rows = []
    for name, systems in result["files"].items():
        for key, label in _NUMBER_SYSTEMS.items():
            r = systems.get(key)
            if r is None:
                continue
            rows.append([name, label, r["gold"], r["system"], _f(r["detection_p"]),
                         _f(r["detection_r"]), _f(r["detection_f1"]), _f(r["value_f1"]),
                         _f(r["kind_acc"]), _f(r["hedge_acc"]), _f(r["counts_acc"])])
    peer = "" if numbers_bench.peer_available() else (
        " Recognizers-Text is not installed here (pip install 'geopol[bench]'), so only "
        "geopol is shown.")
    return {"name": "numbers", "title": "Numeric claims, geopol and Microsoft Recognizers-Text",
            "columns": ["gold file", "system", "gold", "found", "detection P", "detection R",
                        "detection F1", "value F1", "kind acc.", "hedge acc.", "counts acc."],
            "rows": rows,
            "note": "dev targets: detection F1 >= 0.97, value F1 >= 0.96, hedge and kind "
                    "accuracy >= 0.95, counts accuracy >= 0.85. An empty cell: the system does "
                    "not give that field." + peer}


def segmentation_table(*, train: bool) -> Table:
    result = segmentation_bench.run(train=train)
    rows = []
    for name, r in result["treebanks"].items():
        stanza = r.get("stanza") or {}
        rows.append([name, r["gold_sentences"], f"{r['sentences']['f1']:.2f}",
                     stanza.get("sentences", ""), f"{r['tokens']['f1']:.2f}",
                     stanza.get("tokens", ""), f"{r['words_per_second']:,}"])
    return {"name": "segmentation", "title": "Sentence and token segmentation on UD Dutch",
            "columns": ["treebank", "sentences", "sentence F1", "stanza sentence F1",
                        "token F1", "stanza token F1", "words/s"], "rows": rows,
            "note": "F1 over character spans, as the CoNLL 2018 evaluation; the stanza figures "
                    "are those of a tokenizer trained on the same data (shared/README.md)."}


def throughput_table(path: Path, *, workers: int, repeat: int = 3) -> tuple[Table, dict[str, Any]]:
    result = throughput_bench.measure(path, workers=workers, repeat=repeat)
    rows = [[stage, f"{r['seconds']:.2f}", f"{r['words_per_s']:,}", f"{r['mb_per_s']:.2f}",
             f"{r['x_floor']:.1f}"] for stage, r in result["stages"].items()]
    references = result.get("reference_texts", {})
    rows += [[f"analyze, {label}", f"{r['seconds']:.2f}", f"{r['words_per_s']:,}",
              f"{r['mb_per_s']:.2f}", f"{r['x_floor']:.1f}"] for label, r in references.items()]

    def found(per: dict[str, float]) -> str:
        return f"{per['quotes']} quotes, {per['stances']} stances, {per['numbers']} numbers"

    note = (f"Corpus {Path(result['corpus']).name}: {result['bytes'] / 1e6:.1f} MB, "
            f"{result['documents']:,} documents, {result['words']:,} words; per 1,000 words "
            f"{found(result['per_1000_words'])}; each stage best of {result['repeat']} runs. "
            "The floor reads the corpus and scans it once with one regex word pattern.")
    for label, r in references.items():
        note += (f" {label[:1].upper()}{label[1:]}: {r['words']:,} words, "
                 f"{found(r['per_1000_words'])} per 1,000 "
                 f"words, best of {r['repeat']} runs against its own floor.")
    if "speedup" in result:
        note += f" Speed-up with {workers} workers: {result['speedup']}x."
    if "cost_model" in result:
        note += " " + throughput_bench.cost_sentence(result["cost_model"])
    return ({"name": "throughput", "title": "Throughput (one core unless stated)",
             "columns": ["stage", "seconds", "words/s", "MB/s", "x floor"], "rows": rows,
             "note": note}, result)


def scaling_table(sizes: Sequence[int], *, workers: int) -> Table:
    from benchmarks.scaling import run_once

    runs = [run_once(throughput_bench.corpus_path(size), workers=workers) for size in sizes]
    return scaling_table_from_runs(runs, workers=workers)


def scaling_table_from_runs(runs: Sequence[dict[str, Any]], *, workers: int) -> Table:
    """The scaling table of runs made by :func:`benchmarks.scaling.run_once`."""
    base = runs[0]["seconds"] / runs[0]["bytes"]
    rows = [[f"{r['bytes'] / 1e6:,.0f}", f"{r['seconds']:.1f}", f"{r['mb_per_s']:.2f}",
             f"{(r['seconds'] / r['bytes']) / base:.2f}", f"{r['peak_rss_mb']:.0f}"]
            for r in runs]
    return {"name": "scaling", "title": "Scaling: geopol analyze over growing corpora",
            "columns": ["MB", "seconds", "MB/s", "time per MB vs smallest", "peak RSS MB"],
            "rows": rows,
            "note": f"geopol analyze --workers {workers} in a fresh process per size; "
                    "peak RSS is the largest single process."}


def print_table(table: Table, file: Any = sys.stdout) -> None:
    columns, rows = table["columns"], table["rows"]
    widths = [max(len(str(c)), *(len(str(r[i])) for r in rows)) if rows else len(str(c))
              for i, c in enumerate(columns)]
    print(f"\n{table['title']}", file=file)
    print("  ".join(str(c).ljust(w) for c, w in zip(columns, widths, strict=True)), file=file)
    print("  ".join("-" * w for w in widths), file=file)
    for row in rows:
        print("  ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True)), file=file)
    if table.get("note"):
        print(table["note"], file=file)


def save_tables(tables: Sequence[Table], output: Path = RESULTS / "suite.json", *,
                gold: Sequence[str] | None = None) -> None:
    """Merge *tables* into the suite's JSON, each stamped with today's date and this machine;
    tables of earlier runs that this run did not make are kept."""
    today, machine = dt.date.today().isoformat(), throughput_bench.machine()
    for table in tables:
        table["date"], table["machine"] = today, machine
    previous: dict[str, Any] = {}
    suite: dict[str, Any] = {}
    if output.exists():
        suite = json.loads(output.read_text("utf-8"))
        previous = {t["name"]: t for t in suite["tables"]}
    previous.update({t["name"]: t for t in tables})
    suite.update({"date": today, "machine": machine, "tables": list(previous.values())})
    if gold is not None:
        suite["gold_files"] = list(gold)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(suite, indent=1, ensure_ascii=False) + "\n", "utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, nargs="+", help="gold files (default: see above)")
    parser.add_argument("--corpus", type=Path, help="corpus for throughput (default: generated)")
    parser.add_argument("--size", type=parse_size, default=parse_size("10MB"),
                        help="size of the generated throughput corpus (default 10MB)")
    parser.add_argument("--workers", type=int, default=2,
                        help="also time analyze with N workers (default 2)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="time each throughput stage this many times, keep the best "
                             "(default 3)")
    parser.add_argument("--scaling", type=parse_size, nargs=3, metavar="SIZE",
                        help="also time geopol analyze at three corpus sizes (e.g. 10MB 100MB 1GB)")
    parser.add_argument("--no-train", action="store_true",
                        help="leave the UD train file out of the segmentation scores")
    parser.add_argument("--only", nargs="+",
                        choices=["segmentation", "quotes", "stances", "numbers", "analysers",
                                 "throughput"],
                        help="run only these parts")
    parser.add_argument("--model-dir", type=Path, action="append", default=[],
                        help="also compare stanza with this model directory of yours (repeatable)")
    parser.add_argument("--output", type=Path, default=RESULTS / "suite.json")
    args = parser.parse_args(argv)

    parts = set(args.only or ["segmentation", "quotes", "stances", "numbers", "analysers",
                              "throughput"])
    paths = gold_files(args.gold)
    tables: list[Table] = []
    if "segmentation" in parts:
        tables.append(segmentation_table(train=not args.no_train))
        print_table(tables[-1])
    for name, make in (("quotes", quotes_table), ("stances", stances_table),
                       ("numbers", numbers_table)):
        if name in parts:
            tables.append(make(paths))
            print_table(tables[-1])
    if "analysers" in parts:
        from benchmarks.analysers import TEST_MODEL, analysers_table

        model_dirs = ([TEST_MODEL] if TEST_MODEL.exists() else []) + list(args.model_dir)
        tables.append(analysers_table(paths, model_dirs))
        print_table(tables[-1])
    if "throughput" in parts:
        corpus = args.corpus or throughput_bench.corpus_path(args.size)
        table, _ = throughput_table(corpus, workers=args.workers, repeat=args.repeat)
        tables.append(table)
        print_table(table)
    if args.scaling:
        tables.append(scaling_table(args.scaling, workers=args.workers))
        print_table(tables[-1])

    save_tables(tables, args.output, gold=[p.name for p in paths])
    print(f"\nwrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
