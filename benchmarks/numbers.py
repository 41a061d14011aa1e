"""Accuracy and speed of :func:`geopol.numbers.extract` on the gold files (guide, section 5),
side by side with Microsoft Recognizers-Text, the strongest existing Dutch number recogniser.

How a claim is scored
---------------------

* **Detection.** A system claim matches a gold claim when their character spans
  overlap. Each gold claim matches at most one system claim and the other way
  round: all overlapping pairs are taken greedily, largest overlap first.
  Detection precision = matched / system claims, recall = matched / gold claims,
  F1 their harmonic mean.
* **Value.** A matched pair is *value-correct* when the values are equal after
  rounding both to four decimals (so ``twee derde`` as 0.6667 equals 2/3) or,
  for values above 10 000, differ by less than one part in a million.
  Value precision = value-correct / system claims, value recall =
  value-correct / gold claims, value F1 their harmonic mean. A claim that is
  found but misread thus costs both value precision and value recall.
* **Kind, hedge, counts accuracy**: the share of matched pairs with the same
  ``kind``, the same ``hedge``, and the same counted noun (compared as text,
  case-folded; both empty counts as equal).
* **Bounds accuracy**: among matched pairs whose gold claim gives ``low`` and
  ``high``, the share where both are equal (as values are compared).
* **Speed**: words per second (words counted with ``\\w+``) of the extractor
  alone over all documents of the file, best of three runs on one core.

The peer, Recognizers-Text (PyPI ``ms-recognizers-text-number``,
``-number-with-unit``, ``-date-time``; ``pip install -e '.[bench]'``), runs with
the Dutch culture and its number, ordinal, percentage, currency, dimension, age
and date-time models (and, as a second column, its number, ordinal and percentage
models alone, which score its best detection and value F1); overlapping results
are merged, the longest kept. It has
no hedges and no counted nouns, so those figures are not reported for it (they
would be a constant guess, not the peer's work). When it is not installed the
benchmark says so and reports geopol alone.

Usage::

    python -m benchmarks.numbers                 # default gold files: tables + results/numbers.json
    python -m benchmarks.numbers benchmarks/gold/dev.jsonl --errors

``--errors`` lists geopol's misses, false positives and wrong fields, for
diagnosis: fix general rules, never a text.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs
import regex

from benchmarks.gold import GoldDocument, default_gold_files, locate, read_gold
from geopol import numbers
from geopol.model import Document, Span
from geopol.nlp import Analyser

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
WORD = regex.compile(r"\w+")

__all__ = ["Claim", "evaluate", "main", "peer_available", "peer_extract", "score"]


@attrs.frozen
class Claim:
    """A claim as the scorer sees it, from geopol or from the peer."""

    span: Span
    value: float | None
    kind: str | None = None
    hedge: str | None = None
    low: float | None = None
    high: float | None = None
    counts: str | None = None


def _geopol(doc: Document, analyser: Analyser | None = None) -> list[Claim]:
    sentences = None if analyser is None else analyser.analyse(doc)
    return [
        Claim(c.span, c.value, c.kind, c.hedge, c.low, c.high,
              doc.text_of(c.counts) if c.counts is not None else None)
        for c in numbers.extract(doc, sentences=sentences)
    ]


# -- the peer: Microsoft Recognizers-Text --------------------------------------------------

_PEER_MODULES = ("recognizers_text", "recognizers_number", "recognizers_number_with_unit",
                 "recognizers_date_time")


def _import_peer() -> dict[str, Any] | None:
    """The peer's recognisers, or ``None`` when its packages are not installed.

    The PyPI packages install as ``ms_recognizers_*`` but import each other as
    ``recognizers_*``: the aliases below make them importable.
    """
    try:
        for name in _PEER_MODULES:
            sys.modules.setdefault(name, importlib.import_module(f"ms_{name}"))
        number = importlib.import_module("ms_recognizers_number")
        unit = importlib.import_module("ms_recognizers_number_with_unit")
        date_time = importlib.import_module("ms_recognizers_date_time")
    except ImportError:
        return None
    culture = number.Culture.Dutch
    return {
        "count": lambda t: number.recognize_number(t, culture),
        "ordinal": lambda t: number.recognize_ordinal(t, culture),
        "percent": lambda t: number.recognize_percentage(t, culture),
        "money": lambda t: unit.recognize_currency(t, culture),
        "measure": lambda t: unit.recognize_dimension(t, culture),
        "age": lambda t: unit.recognize_age(t, culture),
        "date": lambda t: date_time.recognize_datetime(t, culture),
    }


_PEER: dict[str, Any] | None = None
_PEER_TRIED = False
PEER_CONFIGURATIONS = {
    # the number models alone score the best detection and value F1 ...
    "recognizers_numbers": ("count", "ordinal", "percent"),
    # ... all models give it kinds (money, measure, age, date) at some cost in precision
    "recognizers_all": ("count", "ordinal", "percent", "money", "measure", "age", "date"),
}


def peer_available() -> bool:
    """Whether Recognizers-Text is installed (``pip install -e '.[bench]'``)."""
    global _PEER, _PEER_TRIED
    if not _PEER_TRIED:
        _PEER, _PEER_TRIED = _import_peer(), True
    return _PEER is not None


_NUMBER = regex.compile(r"-?\d+(?:[.,]\d+)?")
_DURATION = regex.compile(r"^P(?:T)?(?P<n>\d+(?:\.\d+)?)(?P<u>[YMWDHS])$")


def _peer_value(kind: str, result: Any) -> tuple[float | None, str]:
    resolution = result.resolution or {}
    if kind == "date":
        values = resolution.get("values") or []
        if not values:
            return None, kind
        first = values[0]
        if first.get("type") == "duration":
            m = _DURATION.match(first.get("timex", ""))
            return (float(m["n"]) if m else None), "duration"
        timex = first.get("timex", "")
        m = regex.match(r"^(\d{4})(?:-(\d{2})-(\d{2}))?", timex)
        if m is None:
            return None, kind
        if m[2]:
            return float(int(m[1]) * 10000 + int(m[2]) * 100 + int(m[3])), kind
        return float(m[1]), kind
    raw = str(resolution.get("value", "")).replace("%", "").strip()
    if "," in raw and "." not in raw:
        raw = raw.replace(",", ".")
    try:
        value = float(raw)
    except ValueError:
        return None, kind
    if kind == "count" and 0 < abs(value) < 1:
        kind = "fraction"
    return value, kind


def peer_extract(doc: Document, models: Sequence[str] = PEER_CONFIGURATIONS["recognizers_all"]
                 ) -> list[Claim]:
    """Recognizers-Text's claims in *doc* (Dutch culture), overlaps merged, longest kept.

    Args:
        doc: the document.
        models: which of the peer's models to run (see :data:`PEER_CONFIGURATIONS`).

    Raises:
        RuntimeError: when the peer is not installed.
    """
    if not peer_available():
        raise RuntimeError("Recognizers-Text is not installed: pip install -e '.[bench]'")
    assert _PEER is not None
    found: list[Claim] = []
    for kind in models:
        for result in _PEER[kind](doc.text):
            value, real_kind = _peer_value(kind, result)
            span = Span(result.start, result.end + 1)  # the peer's end is inclusive
            found.append(Claim(span, value, real_kind))
    found.sort(key=lambda c: (-(c.span.end - c.span.start), c.span.start))
    kept: list[Claim] = []
    for claim in found:
        if not any(claim.span.overlaps(k.span) for k in kept):
            kept.append(claim)
    return sorted(kept, key=lambda c: c.span.start)


# -- scoring --------------------------------------------------------------------------------


def _same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if round(a, 4) == round(b, 4):
        return True
    return abs(b) > 10_000 and abs(a - b) <= abs(b) * 1e-6


def _gold_claims(gold: GoldDocument) -> list[Claim]:
    text = gold.document.text
    out = []
    for n in gold.record.get("numbers", []):
        span = locate(text, n["text"], n.get("occurrence", 0))
        assert span is not None
        out.append(Claim(span, n["value"], n["kind"], n["hedge"], n.get("low"), n.get("high"),
                         n.get("counts")))
    return out


def score(gold: GoldDocument, found: Sequence[Claim]) -> dict[str, Any]:
    """Counts for one document, and the errors for ``--errors``."""
    text = gold.document.text
    golds = _gold_claims(gold)
    pairs = sorted(
        ((min(g.span.end, s.span.end) - max(g.span.start, s.span.start), gi, si)
         for gi, g in enumerate(golds) for si, s in enumerate(found) if g.span.overlaps(s.span)),
        reverse=True,
    )
    used_g: set[int] = set()
    used_s: set[int] = set()
    matches: list[tuple[Claim, Claim]] = []
    for _, gi, si in pairs:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        matches.append((golds[gi], found[si]))
    c = {"gold": len(golds), "system": len(found), "matched": len(matches), "value_right": 0,
         "kind_right": 0, "hedge_right": 0, "counts_right": 0, "bounds_gold": 0,
         "bounds_right": 0}
    errors: list[str] = []
    for g, s in matches:
        fields = []
        if _same_value(s.value, g.value):
            c["value_right"] += 1
        else:
            fields.append(f"value {s.value} (gold {g.value})")
        if s.kind == g.kind:
            c["kind_right"] += 1
        else:
            fields.append(f"kind {s.kind} (gold {g.kind})")
        if s.hedge == g.hedge:
            c["hedge_right"] += 1
        else:
            fields.append(f"hedge {s.hedge} (gold {g.hedge})")
        if (s.counts or "").casefold() == (g.counts or "").casefold():
            c["counts_right"] += 1
        else:
            fields.append(f"counts {s.counts!r} (gold {g.counts!r})")
        if g.low is not None and g.high is not None:
            c["bounds_gold"] += 1
            if _same_value(s.low, g.low) and _same_value(s.high, g.high):
                c["bounds_right"] += 1
            else:
                fields.append(f"bounds {s.low}-{s.high} (gold {g.low}-{g.high})")
        if fields:
            errors.append(f"{gold.document.id}: {text[s.span.start:s.span.end]!r}: "
                          + "; ".join(fields))
    for gi, g in enumerate(golds):
        if gi not in used_g:
            errors.append(f"{gold.document.id}: missed {text[g.span.start:g.span.end]!r}")
    for si, s in enumerate(found):
        if si not in used_s:
            errors.append(f"{gold.document.id}: spurious {text[s.span.start:s.span.end]!r}")
    return {"counts": c, "errors": errors}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _figures(c: dict[str, int], *, peer: bool) -> dict[str, Any]:
    p = c["matched"] / c["system"] if c["system"] else 0.0
    r = c["matched"] / c["gold"] if c["gold"] else 0.0
    vp = c["value_right"] / c["system"] if c["system"] else 0.0
    vr = c["value_right"] / c["gold"] if c["gold"] else 0.0
    m = c["matched"] or 1
    figures: dict[str, Any] = {
        **c,
        "detection_p": p, "detection_r": r, "detection_f1": _f1(p, r),
        "value_p": vp, "value_r": vr, "value_f1": _f1(vp, vr),
        "kind_acc": c["kind_right"] / m,
        "hedge_acc": None if peer else c["hedge_right"] / m,
        "counts_acc": None if peer else c["counts_right"] / m,
        "bounds_acc": (None if peer or not c["bounds_gold"]
                       else c["bounds_right"] / c["bounds_gold"]),
    }
    return figures


def _speed(docs: Sequence[Document], run: Callable[[Document], object],
           repeat: int = 3) -> float:
    words = sum(len(WORD.findall(d.text)) for d in docs)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for doc in docs:
            run(doc)
        best = min(best, time.perf_counter() - start)
    return words / best if best > 0 else 0.0


def _system(name: str, analyser: Analyser | None = None) -> Callable[[Document], list[Claim]]:
    if name == "geopol":
        return lambda doc: _geopol(doc, analyser)
    models = PEER_CONFIGURATIONS[name]
    return lambda doc: peer_extract(doc, models)


def evaluate(paths: Iterable[str | os.PathLike[str]] | None = None, *, speed: bool = True,
             peer: bool = True, analyser: Analyser | None = None) -> dict[str, Any]:
    """The figures for each gold file, for geopol and (when installed) Recognizers-Text.

    With *analyser*, geopol's extractor works on that analyser's sentences (a stanza
    parse, say) instead of the built-in segmentation.

    Returns:
        ``{"files": {name: {"geopol": {...}, "recognizers_numbers": {...} | None,
        "recognizers_all": {...} | None}}, "peer": str, "errors": {name: [...]},
        "machine": ...}``; figure names are those of the table.
    """
    files = [Path(p) for p in (paths or default_gold_files())]
    systems = ["geopol"]
    if peer and peer_available():
        systems.extend(PEER_CONFIGURATIONS)
    out: dict[str, Any] = {
        "files": {},
        "errors": {},
        "peer": ("Microsoft Recognizers-Text (Dutch culture): number models alone, and all models"
                 if len(systems) > 1 else
                 "Recognizers-Text not installed (pip install -e '.[bench]'): peer skipped"
                 if peer else "peer not requested"),
        "scoring": "overlap match; value equal to 4 decimals; see benchmarks/numbers.py",
        "machine": f"{platform.python_implementation()} {platform.python_version()}, "
                   f"{platform.machine()}, {os.cpu_count()} cores",
    }
    for path in files:
        golds = list(read_gold(path))
        docs = [g.document for g in golds]
        per_file: dict[str, Any] = {}
        for name in systems:
            extract = _system(name, analyser)
            totals: dict[str, int] = {}
            errors: list[str] = []
            for gold in golds:
                result = score(gold, extract(gold.document))
                for key, value in result["counts"].items():
                    totals[key] = totals.get(key, 0) + value
                errors.extend(result["errors"])
            figures = _figures(totals, peer=name != "geopol")
            # the peer is slow: its speed is timed once, on the first ten documents
            figures["words_per_s"] = (_speed(docs, extract) if name == "geopol"
                                      else _speed(docs[:10], extract, repeat=1)) if speed else None
            per_file[name] = figures
            if name == "geopol":
                out["errors"][path.name] = errors
        for name in PEER_CONFIGURATIONS:
            per_file.setdefault(name, None)
        out["files"][path.name] = per_file
    return out


_ROWS = (
    ("detection precision", "detection_p"), ("detection recall", "detection_r"),
    ("detection F1", "detection_f1"), ("value precision", "value_p"), ("value recall", "value_r"),
    ("value F1", "value_f1"), ("kind accuracy", "kind_acc"), ("hedge accuracy", "hedge_acc"),
    ("counts accuracy", "counts_acc"), ("bounds accuracy", "bounds_acc"),
    ("words/s", "words_per_s"),
)


def _cell(value: Any, key: str) -> str:
    if value is None:
        return "—"
    if key == "words_per_s":
        return f"{value:,.0f}"
    return f"{value:.3f}"


def table(result: dict[str, Any]) -> str:
    """The figures as one plain-text table per gold file."""
    lines = [f"peer: {result['peer']}"]
    for name, per in result["files"].items():
        g, rn, ra = per["geopol"], per.get("recognizers_numbers"), per.get("recognizers_all")
        lines.append("")
        lines.append(f"{name}: {g['gold']} gold claims; geopol found {g['system']}"
                     + (f", Recognizers-Text {rn['system']} / {ra['system']}" if rn and ra else ""))
        lines.append(f"  {'figure':<22}{'geopol':>10}{'MSR numbers':>13}{'MSR all':>10}")
        for label, key in _ROWS:
            lines.append(f"  {label:<22}{_cell(g.get(key), key):>10}"
                         f"{_cell(rn.get(key) if rn else None, key):>13}"
                         f"{_cell(ra.get(key) if ra else None, key):>10}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.numbers", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="*", help="gold JSON Lines files (default: all shipped)")
    parser.add_argument("--errors", action="store_true", help="list geopol's errors")
    parser.add_argument("--no-peer", action="store_true", help="skip Recognizers-Text")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed runs")
    parser.add_argument("--no-write", action="store_true",
                        help="do not write results/numbers.json")
    args = parser.parse_args(argv)
    if not args.no_peer and not peer_available():
        print("Recognizers-Text is not installed: comparing with nothing "
              "(pip install -e '.[bench]' to add it).", file=sys.stderr)
    result = evaluate(args.gold or None, speed=not args.no_speed, peer=not args.no_peer)
    print(table(result))
    if args.errors:
        for name, errors in result["errors"].items():
            print(f"\n{name}: {len(errors)} errors")
            for line in errors:
                print("  " + line)
    if not args.no_write:
        RESULTS.mkdir(exist_ok=True)
        written = {k: v for k, v in result.items() if k != "errors"}
        (RESULTS / "numbers.json").write_text(json.dumps(written, indent=2) + "\n",
                                              encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
