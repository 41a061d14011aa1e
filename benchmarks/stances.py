"""Stance accuracy on the gold files (annotation guide, section 5) and stance speed.

A system stance matches a gold stance when the holder is right (as for quote
speakers: equal after case folding and dropping articles and titles, to the gold
holder or one of its aliases, or ending in the same surname), the polarity is the
same, and the targets share a content word. Each gold stance matches at most one
system stance. Reported: precision, recall and F1 per gold file and over all,
and the words per second of :func:`geopol.stance.extract` alone (quotes and
sentences computed beforehand, as :func:`geopol.analyze` passes them)::

    python -m benchmarks.stances                       # the default gold files
    python -m benchmarks.stances benchmarks/gold/dev.jsonl --errors

``--errors`` lists every miss and false positive, to find the general rule
that fails (never to special-case a text).
The figures are also written to ``benchmarks/results/stances.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import regex

from benchmarks.gold import GoldDocument, default_gold_files, read_gold, same_actor
from benchmarks.gold import shares_content_word as targets_match
from geopol import actors, quotes, stance
from geopol.model import Stance
from geopol.nlp import Analyser, RulesAnalyser

RESULTS = Path(__file__).resolve().parent / "results"
_WORD = regex.compile(r"\w+")


def _match(doc_text: str, system: Stance, gold: dict[str, Any]) -> bool:
    if system.holder is None or system.polarity != gold["polarity"]:
        return False
    aliases = gold.get("aliases", ())
    if not same_actor(system.holder.name, gold["holder"], aliases) and not (
        system.holder.affiliation is not None
        and same_actor(system.holder.affiliation, gold["holder"], aliases)
    ):
        return False
    return targets_match(doc_text[system.target.start : system.target.end], gold["target"])


def _score(found: int, gold: int, hits: int) -> dict[str, float | int]:
    precision = hits / found if found else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"gold": gold, "found": found, "matched": hits, "precision": round(precision, 3),
            "recall": round(recall, 3), "f1": round(f1, 3)}


def evaluate(paths: Iterable[str | Path] | None = None, *,
             analyser: Analyser | None = None) -> dict[str, Any]:
    """Stance precision, recall and F1 per gold file and over all, with every error.

    With *analyser*, quotes and stances work on that analyser's sentences (a stanza
    parse, say) instead of the built-in segmentation.

    Returns a dict with ``files`` (name -> scores), ``total`` (scores over all files),
    ``errors`` (misses and false positives) and ``speed`` (words/s of ``stance.extract``).
    """
    files = [Path(p) for p in (paths or default_gold_files())]
    analyser = analyser or RulesAnalyser()
    out: dict[str, Any] = {"files": {}, "errors": []}
    totals = [0, 0, 0]
    prepared: list[tuple[GoldDocument, Any, Any]] = []
    for path in files:
        counts = [0, 0, 0]
        for gold_doc in read_gold(path):
            doc = gold_doc.document
            sentences = analyser.analyse(doc)
            found_quotes = quotes.extract(doc, sentences=sentences)
            prepared.append((gold_doc, sentences, found_quotes))
            system = stance.extract(doc, sentences=sentences, quotes=found_quotes)
            golds = list(gold_doc.record.get("stances", []))
            used: set[int] = set()
            matched_system: set[int] = set()
            for g in golds:
                for k, s in enumerate(system):
                    if k not in matched_system and _match(doc.text, s, g):
                        matched_system.add(k)
                        used.add(id(g))
                        break
                else:
                    out["errors"].append({"file": path.name, "id": doc.id, "type": "miss",
                                          "gold": {k: g[k] for k in ("holder", "polarity",
                                                                     "target", "cue")}})
            for k, s in enumerate(system):
                if k not in matched_system:
                    out["errors"].append({
                        "file": path.name, "id": doc.id, "type": "false positive",
                        "system": _brief(doc.text, s)})
            counts[0] += len(system)
            counts[1] += len(golds)
            counts[2] += len(matched_system)
        out["files"][path.name] = _score(*counts)
        for k in range(3):
            totals[k] += counts[k]
    out["total"] = _score(*totals)
    out["speed"] = _speed(prepared)
    return out


def _brief(text: str, s: Stance) -> dict[str, str | None]:
    return {
        "holder": None if s.holder is None else s.holder.name,
        "polarity": s.polarity,
        "target": text[s.target.start : s.target.end],
        "cue": None if s.cue is None else text[s.cue.start : s.cue.end],
        "rule": s.rule,
    }


def _speed(prepared: Sequence[tuple[GoldDocument, Any, Any]], rounds: int = 20) -> dict[str, Any]:
    """Words/s of ``stance.extract`` alone, on the gold texts repeated *rounds* times."""
    words = sum(len(_WORD.findall(g.document.text)) for g, _, _ in prepared) * rounds
    start = time.perf_counter()
    for _ in range(rounds):
        for gold_doc, sentences, found_quotes in prepared:
            stance.extract(gold_doc.document, sentences=sentences, quotes=found_quotes)
    seconds = time.perf_counter() - start
    # the actor chains that stance.extract builds for its holders (geopol.actors.resolver)
    start = time.perf_counter()
    for _ in range(rounds):
        for gold_doc, _sentences, _quotes in prepared:
            actors.resolver(gold_doc.document)
    resolver_seconds = time.perf_counter() - start
    own = max(seconds - resolver_seconds, 1e-9)
    return {"words": words, "seconds": round(seconds, 3),
            "words_per_second": int(words / seconds) if seconds else 0,
            "actor_resolver_seconds": round(resolver_seconds, 3),
            "words_per_second_without_actor_resolver": int(words / own)}


def table(result: dict[str, Any]) -> str:
    """The figures as a plain-text table."""
    lines = [f"{'gold file':<16}{'gold':>6}{'found':>7}{'match':>7}{'P':>7}{'R':>7}{'F1':>7}"]
    rows = [*result["files"].items(), ("all", result["total"])]
    for name, r in rows:
        lines.append(f"{name:<16}{r['gold']:>6}{r['found']:>7}{r['matched']:>7}"
                     f"{r['precision']:>7.3f}{r['recall']:>7.3f}{r['f1']:>7.3f}")
    speed = result["speed"]
    lines.append(f"stance.extract: {speed['words_per_second']:,} words/s "
                 f"({speed['words']:,} words in {speed['seconds']} s, one core); "
                 f"{speed['words_per_second_without_actor_resolver']:,} words/s without "
                 f"building the actor chains ({speed['actor_resolver_seconds']} s)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("gold", nargs="*", help="gold files (default: the project's gold set)")
    parser.add_argument("--errors", action="store_true", help="list misses and false positives")
    args = parser.parse_args(argv)
    result = evaluate(args.gold or None)
    print(table(result))
    if args.errors:
        for error in result["errors"]:
            what = error.get("gold") or error.get("system")
            print(f"{error['type']:>15}  {error['id']:<10} {json.dumps(what, ensure_ascii=False)}")
    RESULTS.mkdir(exist_ok=True)
    written = {k: v for k, v in result.items() if k != "errors"}
    written["gold_files"] = [str(p) for p in (args.gold or default_gold_files())]
    (RESULTS / "stances.json").write_text(json.dumps(written, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
