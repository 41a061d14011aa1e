"""Aggregate output records per actor: who is quoted, where they stand, what numbers they claim.

:func:`summarize` reads output records (as written by ``geopol analyze``) and
returns, per actor, how often they are quoted, their stances by target, and
the numbers that appear inside their quotes. ``geopol summarize OUT.jsonl``
prints it as a table.

>>> records = [{"id": "d1", "quotes": [{"kind": "direct",
...     "content": {"start": 1, "end": 30, "text": "We sturen 500 soldaten"},
...     "speaker": {"name": "Mark Rutte"}}],
...   "stances": [{"holder": {"name": "Mark Rutte"}, "polarity": "support",
...     "target": {"start": 0, "end": 9, "text": "de missie"}}],
...   "numbers": [{"span": {"start": 11, "end": 14, "text": "500"}, "value": 500,
...     "counts": {"start": 15, "end": 23, "text": "soldaten"}}]}]
>>> actor = summarize(records)[0]
>>> actor.name, actor.quotes, actor.stances[0].target, actor.numbers[0].text
('Mark Rutte', 1, 'de missie', '500')
"""

from __future__ import annotations

import json
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from geopol.errors import InputError

__all__ = ["ActorSummary", "ClaimedNumber", "StanceCount", "format_table", "read_records",
           "summarize"]


@attrs.frozen(kw_only=True)
class StanceCount:
    """How often an actor took one position on one target (case-folded)."""

    target: str
    polarity: str
    count: int


@attrs.frozen(kw_only=True)
class ClaimedNumber:
    """A numeric claim inside one of the actor's quotes."""

    document_id: str
    text: str
    value: int | float | None
    unit: str | None
    counts: str | None


@attrs.frozen(kw_only=True)
class ActorSummary:
    """Everything the records say about one actor, by name.

    .. versionadded:: 0.1.0
    """

    name: str
    quotes: int
    quote_kinds: tuple[tuple[str, int], ...]
    documents: int
    stances: tuple[StanceCount, ...]
    numbers: tuple[ClaimedNumber, ...]


def read_records(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Mapping[str, Any]]:
    """Output records from JSON Lines files, with a clear error for a broken line."""
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise InputError(f"not a JSON record ({error.msg})", path=path,
                                     line=number) from error
                if not isinstance(record, dict):
                    raise InputError("a record must be a JSON object", path=path, line=number)
                yield record


def _name(actor: Any) -> str | None:
    if isinstance(actor, Mapping) and isinstance(actor.get("name"), str):
        return str(actor["name"])
    return None


def _bounds(span: Any) -> tuple[int, int] | None:
    if isinstance(span, Mapping) and isinstance(span.get("start"), int):
        return int(span["start"]), int(span["end"])
    return None


def _text(span: Any) -> str | None:
    return str(span["text"]) if isinstance(span, Mapping) and "text" in span else None


def summarize(records: Iterable[Mapping[str, Any]]) -> list[ActorSummary]:
    """Per-actor aggregates over output records, most quoted actors first.

    .. versionadded:: 0.1.0
    """
    kinds: defaultdict[str, Counter[str]] = defaultdict(Counter)
    documents: defaultdict[str, set[str]] = defaultdict(set)
    stances: defaultdict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    numbers: defaultdict[str, list[ClaimedNumber]] = defaultdict(list)
    for record in records:
        doc_id = str(record.get("id"))
        quote_spans: list[tuple[str, tuple[int, int]]] = []
        for quote in record.get("quotes") or ():
            name = _name(quote.get("speaker"))
            if name is None:
                continue
            kinds[name][str(quote.get("kind"))] += 1
            documents[name].add(doc_id)
            bounds = _bounds(quote.get("content"))
            if bounds is not None:
                quote_spans.append((name, bounds))
        for stance in record.get("stances") or ():
            name = _name(stance.get("holder"))
            target = _text(stance.get("target"))
            if name is None or target is None:
                continue
            stances[name][(target.casefold(), str(stance.get("polarity")))] += 1
            documents[name].add(doc_id)
        for claim in record.get("numbers") or ():
            bounds = _bounds(claim.get("span"))
            if bounds is None:
                continue
            for name, (start, end) in quote_spans:
                if start <= bounds[0] and bounds[1] <= end:
                    numbers[name].append(ClaimedNumber(
                        document_id=doc_id, text=_text(claim.get("span")) or "",
                        value=claim.get("value"), unit=claim.get("unit"),
                        counts=_text(claim.get("counts"))))
                    break
    names = set(kinds) | set(stances)
    summaries = [
        ActorSummary(
            name=name,
            quotes=sum(kinds[name].values()),
            quote_kinds=tuple(sorted(kinds[name].items())),
            documents=len(documents[name]),
            stances=tuple(
                StanceCount(target=target, polarity=polarity, count=count)
                for (target, polarity), count in stances[name].most_common()
            ),
            numbers=tuple(numbers[name]),
        )
        for name in names
    ]
    return sorted(summaries, key=lambda s: (-s.quotes, -len(s.stances), s.name))


def format_table(summaries: Iterable[ActorSummary], *, top: int = 5) -> str:
    """A plain-text report: one block per actor, with up to *top* stances and numbers."""
    lines = []
    for actor in summaries:
        kinds = ", ".join(f"{count} {kind}" for kind, count in actor.quote_kinds)
        lines.append(f"{actor.name}: quoted {actor.quotes} times"
                     f"{f' ({kinds})' if kinds else ''} in {actor.documents} documents")
        for stance in actor.stances[:top]:
            lines.append(f"  {stance.polarity:<8} {stance.target} ({stance.count}x)")
        for claim in actor.numbers[:top]:
            counted = f" {claim.counts}" if claim.counts else ""
            lines.append(f"  claims   {claim.text}{counted} [{claim.document_id}]")
    return "\n".join(lines)
