"""Accuracy and speed of :func:`geopol.quotes.extract` against the gold files (guide, section 5).

A system quote matches a gold quote when their content spans share at least half
of the longer one's word tokens (:func:`benchmarks.gold.token_overlap_match`);
each gold quote matches at most one system quote and the other way round
(greedy, gold in text order, preferring a candidate with the right speaker and
then the largest overlap). Reported:

* content precision, recall and F1;
* speaker accuracy on matched quotes (:func:`benchmarks.gold.same_actor`, aliases included);
* end-to-end precision, recall and F1, where a match also needs the right speaker;
* kind accuracy on matched quotes (``direct``/``indirect``/``mixed``), for information;
* speed: words per second of ``quotes.extract`` alone and of the whole
  :func:`geopol.analyze` (words counted with ``\\w+``), best of three runs on one core.

Usage::

    python -m benchmarks.quotes        # default gold files: table + results/quotes.json
    python -m benchmarks.quotes benchmarks/gold/dev.jsonl --errors

``--errors`` lists the misses, false positives and wrong speakers, for diagnosis:
fix general rules, never a text.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import regex

import geopol
from benchmarks.gold import (
    GoldDocument,
    default_gold_files,
    locate,
    read_gold,
    same_actor,
    token_overlap_match,
)
from geopol import quotes
from geopol.model import Quote
from geopol.nlp import Analyser, RulesAnalyser

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
WORD = regex.compile(r"\w+")

__all__ = ["evaluate", "main", "score_document"]


def _gold_quotes(gold: GoldDocument) -> list[dict[str, Any]]:
    text = gold.document.text
    out = []
    for q in gold.record.get("quotes", []):
        span = locate(text, q["content"], q.get("occurrence", 0))
        assert span is not None
        out.append({**q, "span": span})
    return out


def score_document(gold: GoldDocument, found: Sequence[Quote]) -> dict[str, Any]:
    """Counts for one document, and the errors for ``--errors``."""
    text = gold.document.text
    golds = _gold_quotes(gold)
    used: set[int] = set()
    matched = right = right_kind = 0
    errors: list[str] = []
    for g in golds:
        best: tuple[int, int, int] | None = None  # (speaker ok, overlap, index)
        for index, q in enumerate(found):
            if index in used or not token_overlap_match(text, q.content, g["span"]):
                continue
            ok = int(same_actor(q.speaker.name if q.speaker else None, g["speaker"],
                                g.get("aliases", ())))
            overlap = min(q.content.end, g["span"].end) - max(q.content.start, g["span"].start)
            key = (ok, overlap, -index)
            if best is None or key > best:
                best = key
        if best is None:
            errors.append(f"MISS  [{g['kind']}] {g['speaker']!r}: {g['content']!r}")
            continue
        index = -best[2]
        used.add(index)
        matched += 1
        q = found[index]
        if best[0]:
            right += 1
        else:
            errors.append(
                f"SPKR  {q.speaker.name if q.speaker else None!r} (gold {g['speaker']!r}) "
                f"[{q.rule}]: {text[q.content.start:q.content.end]!r}"
            )
        if q.kind == g["kind"]:
            right_kind += 1
        else:
            errors.append(f"KIND  {q.kind} (gold {g['kind']}) [{q.rule}]: "
                          f"{text[q.content.start:q.content.end]!r}")
    for index, q in enumerate(found):
        if index not in used:
            errors.append(
                f"FP    [{q.kind}, {q.rule}] {q.speaker.name if q.speaker else None!r}: "
                f"{text[q.content.start:q.content.end]!r}"
            )
    return {"gold": len(golds), "system": len(found), "matched": matched,
            "speaker_right": right, "kind_right": right_kind, "errors": errors}


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _speed(docs: Sequence[GoldDocument], repeat: int = 3) -> dict[str, Any]:
    analyser = RulesAnalyser()
    words = sum(len(WORD.findall(g.document.text)) for g in docs)
    parsed = [(g.document, analyser.analyse(g.document)) for g in docs]
    best_extract = best_pipeline = best_analyze = float("inf")
    analyze_error: str | None = None
    for _ in range(repeat):
        start = time.perf_counter()
        for doc, sentences in parsed:
            quotes.extract(doc, sentences=sentences)
        best_extract = min(best_extract, time.perf_counter() - start)
        start = time.perf_counter()
        for g in docs:
            quotes.extract(g.document, sentences=analyser.analyse(g.document))
        best_pipeline = min(best_pipeline, time.perf_counter() - start)
        if analyze_error is None:
            start = time.perf_counter()
            try:
                for g in docs:
                    geopol.analyze(g.document)
            except Exception as error:  # another extractor under construction
                analyze_error = f"{type(error).__name__}: {error}"
            else:
                best_analyze = min(best_analyze, time.perf_counter() - start)
    return {
        "words": words,
        "extract_words_per_s": words / best_extract,
        "segment_and_extract_words_per_s": words / best_pipeline,
        "analyze_words_per_s": None if analyze_error else words / best_analyze,
        "analyze_error": analyze_error,
    }


def evaluate(paths: Iterable[str | os.PathLike[str]] | None = None, *, speed: bool = True,
             analyser: Analyser | None = None) -> dict[str, Any]:
    """The section-5 figures of ``quotes.extract`` on each gold file and on all together.

    With *analyser*, the extractor works on that analyser's sentences (a stanza parse,
    say) instead of the built-in segmentation.

    Returns a dict ``{"files": {name: figures}, "total": figures, "speed": {...}}``;
    figures hold ``content_p``, ``content_r``, ``content_f1``, ``speaker_acc``,
    ``e2e_p``, ``e2e_r``, ``e2e_f1``, ``kind_acc`` and the counts, plus ``errors``.
    """
    files = [Path(p) for p in (paths or default_gold_files())]
    result: dict[str, Any] = {"files": {}}
    everything: list[GoldDocument] = []
    totals = {"gold": 0, "system": 0, "matched": 0, "speaker_right": 0, "kind_right": 0}
    all_errors: list[str] = []
    for path in files:
        docs = list(read_gold(path))
        everything += docs
        counts = {"gold": 0, "system": 0, "matched": 0, "speaker_right": 0, "kind_right": 0}
        errors: list[str] = []
        for g in docs:
            found = quotes.extract(
                g.document,
                sentences=None if analyser is None else analyser.analyse(g.document))
            scored = score_document(g, found)
            for key in counts:
                counts[key] += scored[key]
            errors += [f"{g.document.id}: {e}" for e in scored["errors"]]
        result["files"][path.name] = {**_figures(counts), "errors": errors}
        for key in totals:
            totals[key] += counts[key]
        all_errors += errors
    result["total"] = {**_figures(totals), "errors": all_errors}
    if speed and everything:
        result["speed"] = _speed(everything)
    result["platform"] = {"python": platform.python_version(), "machine": platform.machine()}
    return result


def _figures(c: dict[str, int]) -> dict[str, Any]:
    p = c["matched"] / c["system"] if c["system"] else 0.0
    r = c["matched"] / c["gold"] if c["gold"] else 0.0
    ep = c["speaker_right"] / c["system"] if c["system"] else 0.0
    er = c["speaker_right"] / c["gold"] if c["gold"] else 0.0
    return {
        **c,
        "content_p": p, "content_r": r, "content_f1": _f1(p, r),
        "speaker_acc": c["speaker_right"] / c["matched"] if c["matched"] else 0.0,
        "e2e_p": ep, "e2e_r": er, "e2e_f1": _f1(ep, er),
        "kind_acc": c["kind_right"] / c["matched"] if c["matched"] else 0.0,
    }


def table(result: dict[str, Any]) -> str:
    """The figures as a plain-text table."""
    head = (f"{'gold file':<12} {'gold':>5} {'sys':>5} {'P':>6} {'R':>6} {'F1':>6} "
            f"{'spkr':>6} {'e2e F1':>7} {'kind':>6}")
    lines = [head, "-" * len(head)]
    rows = [*result["files"].items(), ("all", result["total"])]
    for name, f in rows:
        lines.append(
            f"{Path(name).stem:<12} {f['gold']:>5} {f['system']:>5} {f['content_p']:>6.3f} "
            f"{f['content_r']:>6.3f} {f['content_f1']:>6.3f} {f['speaker_acc']:>6.3f} "
            f"{f['e2e_f1']:>7.3f} {f['kind_acc']:>6.3f}"
        )
    if "speed" in result:
        s = result["speed"]
        analyze = ("not measured: " + s["analyze_error"] if s["analyze_words_per_s"] is None
                   else f"{s['analyze_words_per_s']:,.0f} words/s")
        lines.append(f"speed (words/s, {s['words']} words, best of 3, one core): "
                     f"quotes.extract {s['extract_words_per_s']:,.0f}; segment + extract "
                     f"{s['segment_and_extract_words_per_s']:,.0f}; geopol.analyze {analyze}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quotes", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="*", help="gold JSON Lines files (default: all shipped)")
    parser.add_argument("--errors", action="store_true", help="list misses and false positives")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed measurement")
    parser.add_argument("--no-write", action="store_true", help="do not write results/quotes.json")
    args = parser.parse_args(argv)
    result = evaluate(args.gold or None, speed=not args.no_speed)
    print(table(result))
    if args.errors:
        for line in result["total"]["errors"]:
            print(line)
    if not args.no_write:
        RESULTS.mkdir(exist_ok=True)
        slim = {
            "files": {k: {m: v for m, v in f.items() if m != "errors"}
                      for k, f in result["files"].items()},
            "total": {m: v for m, v in result["total"].items() if m != "errors"},
            **{k: v for k, v in result.items() if k not in ("files", "total")},
        }
        (RESULTS / "quotes.json").write_text(json.dumps(slim, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


