"""The output record (contract): an :class:`~geopol.model.Analysis` as JSON and back.

One JSON object per document, as ``design.md`` fixes it::

    {"id": "...", "date": "2021-12", "source": "...",
     "quotes": [...], "stances": [...], "numbers": [...]}

Spans are written as ``{"start", "end", "text"}`` with the text read from the
document. Fields may be added to this record; none may be renamed or dropped.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

import orjson

from geopol.errors import InputError
from geopol.model import (
    Actor,
    Analysis,
    Document,
    NumericClaim,
    Quote,
    Span,
    Stance,
)

__all__ = ["JSON", "ROW_FIELDS", "Record", "Row", "from_record", "to_json", "to_record", "to_rows"]

JSON = None | bool | int | float | str | list["JSON"] | dict[str, "JSON"]
"""Any JSON value."""

Record = dict[str, JSON]
"""One output record: a JSON object."""


def _span(doc: Document, span: Span | None) -> JSON:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": doc.text_of(span)}


def _actor(doc: Document, actor: Actor | None) -> JSON:
    if actor is None:
        return None
    return {
        "name": actor.name,
        "mention": _span(doc, actor.mention),
        "id": actor.id,
        "kind": actor.kind,
        "affiliation": actor.affiliation,
    }


def _quote(doc: Document, quote: Quote) -> JSON:
    return {
        "kind": quote.kind,
        "content": _span(doc, quote.content),
        "speaker": _actor(doc, quote.speaker),
        "cue": _span(doc, quote.cue),
        "rule": quote.rule,
    }


def _stance(doc: Document, stance: Stance) -> JSON:
    return {
        "holder": _actor(doc, stance.holder),
        "target": _span(doc, stance.target),
        "polarity": stance.polarity,
        "cue": _span(doc, stance.cue),
        "rule": stance.rule,
    }


def _number(doc: Document, claim: NumericClaim) -> JSON:
    return {
        "span": _span(doc, claim.span),
        "value": claim.value,
        "low": claim.low,
        "high": claim.high,
        "kind": claim.kind,
        "hedge": claim.hedge,
        "unit": claim.unit,
        "counts": _span(doc, claim.counts),
        "rule": claim.rule,
    }


def to_record(analysis: Analysis, *, include_text: bool = False) -> Record:
    """The output record of one analysed document.

    Args:
        analysis: what was extracted from one document.
        include_text: also write the document's ``text`` (and ``title``), so that
            :func:`from_record` can rebuild the analysis without the corpus.

    >>> from geopol.model import Document
    >>> to_record(Analysis(document=Document(id="d1", text="Geen tekst.")))["quotes"]
    []
    """
    doc = analysis.document
    record: Record = {
        "id": doc.id,
        "date": None if doc.date is None else str(doc.date),
        "source": doc.source,
        "quotes": [_quote(doc, q) for q in analysis.quotes],
        "stances": [_stance(doc, s) for s in analysis.stances],
        "numbers": [_number(doc, n) for n in analysis.numbers],
    }
    if include_text:
        record["title"] = doc.title
        record["text"] = doc.text
    return record


def to_json(record: Record) -> str:
    """*record* as one line of compact JSON, non-ASCII characters as they are.

    ``orjson`` writes it, about five times as fast as the standard library's
    ``json``: at the rules' speed that is a few per cent of a whole analysis.
    What orjson refuses (an integer beyond 64 bits, a lone surrogate in a string)
    the standard library writes, in the same compact form.

    >>> to_json({"id": "d1", "quotes": [], "text": "Één"})
    '{"id":"d1","quotes":[],"text":"Één"}'

    .. versionadded:: 0.1.0
    """
    try:
        return orjson.dumps(record).decode()
    except orjson.JSONEncodeError:
        return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


# -- reading a record back -------------------------------------------------------------------


class _Reader:
    """Reads one record against its document, checking every span's text."""

    def __init__(self, doc: Document, where: str) -> None:
        self.doc = doc
        self.where = where

    def fail(self, reason: str) -> InputError:
        return InputError(f"record {self.doc.id!r}: {reason}", path=self.where)

    def obj(self, value: JSON, field: str) -> Mapping[str, JSON]:
        if not isinstance(value, dict):
            raise self.fail(f"{field} must be an object, got {type(value).__name__}")
        return value

    def list(self, record: Mapping[str, JSON], field: str) -> list[JSON]:
        value = record.get(field, [])
        if not isinstance(value, list):
            raise self.fail(f"{field} must be a list, got {type(value).__name__}")
        return value

    def str_(self, record: Mapping[str, JSON], field: str, *, optional: bool = False) -> str:
        """The string at the last part of *field* (``quote.kind`` reads ``kind``)."""
        value = record.get(field.rpartition(".")[2])
        if value is None and optional:
            return ""
        if not isinstance(value, str):
            raise self.fail(f"{field} must be a string, got {value!r}")
        return value

    def number(self, value: JSON, field: str) -> int | float | None:
        if value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
            return value
        raise self.fail(f"{field} must be a number, got {value!r}")

    def span(self, value: JSON, field: str) -> Span | None:
        if value is None:
            return None
        obj = self.obj(value, field)
        start, end = obj.get("start"), obj.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            raise self.fail(f"{field} needs integer start and end, got {start!r}, {end!r}")
        try:
            span = Span(start, end)
        except ValueError as error:
            raise self.fail(f"{field}: {error}") from error
        if end > len(self.doc.text):
            raise self.fail(f"{field} [{start}, {end}) runs past the text ({len(self.doc.text)})")
        text = obj.get("text")
        if text is not None and text != self.doc.text_of(span):
            raise self.fail(
                f"{field} text {text!r} differs from the document's {self.doc.text_of(span)!r}"
            )
        return span

    def actor(self, value: JSON, field: str) -> Actor | None:
        if value is None:
            return None
        obj = self.obj(value, field)
        kind = obj.get("kind")
        try:
            return Actor(
                name=self.str_(obj, f"{field}.name"),
                mention=self.span(obj.get("mention"), f"{field}.mention"),
                id=self.str_(obj, f"{field}.id", optional=True) or None,
                kind=kind,  # type: ignore[arg-type]  # the attrs validator checks the value
                affiliation=self.str_(obj, f"{field}.affiliation", optional=True) or None,
            )
        except ValueError as error:
            raise self.fail(f"{field}: {error}") from error

    def required_span(self, value: JSON, field: str) -> Span:
        span = self.span(value, field)
        if span is None:
            raise self.fail(f"{field} is missing")
        return span


def from_record(
    record: Mapping[str, JSON], document: Document | None = None, *, source: str = "<record>"
) -> Analysis:
    """Rebuild an :class:`~geopol.model.Analysis` from its output record.

    The record's spans carry only offsets and text, so the document text is needed:
    pass the *document*, or a record written with ``include_text=True``.
    Every span's ``text`` is checked against the document.

    Raises:
        InputError: when the record is malformed or does not fit the document.
    """
    if document is None:
        text = record.get("text")
        if not isinstance(text, str):
            raise InputError(
                f"record {record.get('id')!r} has no text: pass the document it was made from",
                path=source,
            )
        from geopol.model import PartialDate

        date = record.get("date")
        title, src = record.get("title"), record.get("source")
        document = Document(
            id=str(record.get("id")),
            text=text,
            date=PartialDate.parse(date) if isinstance(date, str) else None,
            title=title if isinstance(title, str) else None,
            source=src if isinstance(src, str) else None,
        )
    read = _Reader(document, source)
    try:
        quotes = [
            Quote(
                kind=read.str_(q, "quote.kind"),  # type: ignore[arg-type]  # the attrs validator checks the value
                content=read.required_span(q.get("content"), "quote.content"),
                speaker=read.actor(q.get("speaker"), "quote.speaker"),
                cue=read.span(q.get("cue"), "quote.cue"),
                rule=read.str_(q, "quote.rule", optional=True),
            )
            for q in (read.obj(v, "quote") for v in read.list(record, "quotes"))
        ]
        stances = [
            Stance(
                holder=read.actor(s.get("holder"), "stance.holder"),
                target=read.required_span(s.get("target"), "stance.target"),
                polarity=read.str_(s, "stance.polarity"),  # type: ignore[arg-type]  # the attrs validator checks the value
                cue=read.span(s.get("cue"), "stance.cue"),
                rule=read.str_(s, "stance.rule", optional=True),
            )
            for s in (read.obj(v, "stance") for v in read.list(record, "stances"))
        ]
        numbers = []
        for value in read.list(record, "numbers"):
            n = read.obj(value, "number")
            number = read.number(n.get("value"), "number.value")
            if number is None:
                raise read.fail("number.value is missing")
            numbers.append(
                NumericClaim(
                    span=read.required_span(n.get("span"), "number.span"),
                    value=number,
                    low=read.number(n.get("low"), "number.low"),
                    high=read.number(n.get("high"), "number.high"),
                    kind=read.str_(n, "number.kind"),  # type: ignore[arg-type]  # the attrs validator checks the value
                    hedge=read.str_(n, "number.hedge"),  # type: ignore[arg-type]  # the attrs validator checks the value
                    unit=read.str_(n, "number.unit", optional=True) or None,
                    counts=read.span(n.get("counts"), "number.counts"),
                    rule=read.str_(n, "number.rule", optional=True),
                )
            )
    except ValueError as error:
        if isinstance(error, InputError):
            raise
        raise read.fail(str(error)) from error
    return Analysis(document=document, quotes=quotes, stances=stances, numbers=numbers)


# -- flat rows: one per quote, stance or numeric claim ----------------------------------------

ROW_FIELDS = (
    "document_id", "type", "kind", "text", "start", "end", "actor", "actor_id",
    "actor_mention", "actor_start", "actor_end", "cue", "cue_start", "cue_end", "polarity",
    "value", "low", "high", "hedge", "unit", "counts", "counts_start", "counts_end", "rule",
)
"""The columns of :func:`to_rows`, in order; also the CSV header of ``--format csv``."""

Row = dict[str, str | int | float | None]
"""One flat row: a column name to a plain value."""


def _span_cells(doc: Document, span: Span | None, prefix: str) -> Row:
    if span is None:
        return {prefix: None, f"{prefix}_start": None, f"{prefix}_end": None}
    return {prefix: doc.text_of(span), f"{prefix}_start": span.start, f"{prefix}_end": span.end}


def _actor_cells(doc: Document, actor: Actor | None) -> Row:
    mention = actor.mention if actor is not None else None
    cells: Row = {
        "actor": None if actor is None else actor.name,
        "actor_id": None if actor is None else actor.id,
        "actor_mention": None if mention is None else doc.text_of(mention),
        "actor_start": None if mention is None else mention.start,
        "actor_end": None if mention is None else mention.end,
    }
    return cells


def to_rows(analysis: Analysis) -> list[Row]:
    """One flat row per quote, stance and numeric claim, with the document id and spans.

    Every row has the columns of :data:`ROW_FIELDS` (``None`` where a column does
    not apply), so a list of rows from many documents goes straight into
    ``pandas.DataFrame(rows)`` or a CSV writer.
    ``text``/``start``/``end`` are the quote's content, the stance's target or the
    claim's span; ``actor`` is the speaker or holder.

    >>> import geopol
    >>> doc = next(geopol.load(["Er vielen bijna 200 doden."]))
    >>> [(row["type"], row["text"]) for row in to_rows(geopol.analyze(doc))]
    [('number', 'bijna 200')]
    """
    doc = analysis.document
    empty: Row = dict.fromkeys(ROW_FIELDS)
    rows: list[Row] = []
    for quote in analysis.quotes:
        rows.append({**empty, "document_id": doc.id, "type": "quote", "kind": quote.kind,
                     **_span_cells(doc, quote.content, "text"),
                     **_actor_cells(doc, quote.speaker), **_span_cells(doc, quote.cue, "cue"),
                     "rule": quote.rule})
    for stance in analysis.stances:
        rows.append({**empty, "document_id": doc.id, "type": "stance",
                     **_span_cells(doc, stance.target, "text"),
                     **_actor_cells(doc, stance.holder), **_span_cells(doc, stance.cue, "cue"),
                     "polarity": stance.polarity, "rule": stance.rule})
    for claim in analysis.numbers:
        rows.append({**empty, "document_id": doc.id, "type": "number", "kind": claim.kind,
                     **_span_cells(doc, claim.span, "text"), "value": claim.value,
                     "low": claim.low, "high": claim.high, "hedge": claim.hedge,
                     "unit": claim.unit, **_span_cells(doc, claim.counts, "counts"),
                     "rule": claim.rule})
    for row in rows:
        row["start"], row["end"] = row.pop("text_start"), row.pop("text_end")
    return [{field: row[field] for field in ROW_FIELDS} for row in rows]
