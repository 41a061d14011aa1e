"""An HTML view of what geopol found in a document, like displaCy does for entities.

:func:`to_html` returns one self-contained page (inline CSS and a few lines of
inline script, no external assets, no network) that shows the text with
quotes, speakers, cues, stance targets and numeric claims highlighted.
Hovering a highlight shows a summary; clicking it (or pressing Enter on it)
selects the matching entry in the lists under the text, which give every field.
:func:`write_site` writes one page per document and an index for a corpus.

>>> import geopol
>>> doc = next(geopol.load(['"Geen oorlog", zei Lavrov.']))
>>> page = to_html(doc)
>>> page.startswith("<!DOCTYPE html>") and "Lavrov" in page
True
"""

from __future__ import annotations

import html
import itertools
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from geopol.model import Actor, Analysis, Document, Span

__all__ = ["to_html", "write_site"]


@attrs.frozen
class _Mark:
    """One highlighted span: its CSS class, the entry it belongs to, and a hover summary."""

    span: Span
    css: str
    ref: str
    summary: str


def _actor_label(actor: Actor | None) -> str:
    if actor is None:
        return "unknown"
    if actor.affiliation and actor.affiliation != actor.name:
        return f"{actor.name} ({actor.affiliation})"
    return actor.name


def _value_label(value: int | float | None) -> str:
    if value is None:
        return ""
    return f"{value:,}".replace(",", "\u202f") if isinstance(value, int) else f"{value:g}"


def _marks(analysis: Analysis) -> list[_Mark]:
    marks: list[_Mark] = []
    for number, quote in enumerate(analysis.quotes, start=1):
        ref = f"q{number}"
        who = _actor_label(quote.speaker)
        summary = f"{quote.kind} quote by {who}"
        marks.append(_Mark(quote.content, "quote", ref, summary))
        if quote.cue is not None:
            marks.append(_Mark(quote.cue, "cue", ref, f"cue of a quote by {who}"))
        if quote.speaker is not None and quote.speaker.mention is not None:
            marks.append(_Mark(quote.speaker.mention, "speaker", ref, f"speaker: {who}"))
    for number, stance in enumerate(analysis.stances, start=1):
        ref = f"s{number}"
        who = _actor_label(stance.holder)
        marks.append(_Mark(stance.target, f"target {stance.polarity}", ref,
                           f"{who}: {stance.polarity}"))
        if stance.cue is not None:
            marks.append(_Mark(stance.cue, "stance-cue", ref, f"{stance.polarity} cue of {who}"))
        if stance.holder is not None and stance.holder.mention is not None:
            marks.append(_Mark(stance.holder.mention, "holder", ref, f"holder: {who}"))
    for number, claim in enumerate(analysis.numbers, start=1):
        ref = f"n{number}"
        unit = f" {claim.unit}" if claim.unit else ""
        summary = f"{claim.kind}: {_value_label(claim.value)}{unit} ({claim.hedge})"
        marks.append(_Mark(claim.span, "number", ref, summary))
    return marks


def _highlighted(text: str, start: int, end: int, marks: Sequence[_Mark]) -> str:
    """The text of ``[start, end)`` as HTML, cut at every mark boundary inside it."""
    inside = [m for m in marks if m.span.start < end and m.span.end > start]
    cuts = sorted({start, end, *(max(start, min(end, p)) for m in inside
                                  for p in (m.span.start, m.span.end))})
    out = []
    for left, right in itertools.pairwise(cuts):
        piece = html.escape(text[left:right])
        covering = [m for m in inside if m.span.start <= left and right <= m.span.end]
        if not covering:
            out.append(piece)
            continue
        classes = " ".join(sorted({c for m in covering for c in m.css.split()}))
        refs = " ".join(dict.fromkeys(m.ref for m in covering))
        title = html.escape("; ".join(dict.fromkeys(m.summary for m in covering)), quote=True)
        out.append(
            f'<span class="{classes}" data-refs="{refs}" title="{title}" tabindex="0">'
            f"{piece}</span>"
        )
    return "".join(out)


def _body(doc: Document, marks: Sequence[_Mark]) -> str:
    parts = []
    for block in doc.blocks or ():
        inner = _highlighted(doc.text, block.span.start, block.span.end, marks)
        inner = inner.replace("\n", "<br>\n")
        tag = "h2" if block.kind == "heading" else "p"
        parts.append(f"<{tag}>{inner}</{tag}>")
    if not doc.blocks and doc.text:
        parts.append(f"<p>{_highlighted(doc.text, 0, len(doc.text), marks)}</p>")
    return "\n".join(parts)


def _span_cell(doc: Document, span: Span | None) -> str:
    if span is None:
        return "<em>none</em>"
    return f"<q>{html.escape(doc.text_of(span))}</q> <small>[{span.start}, {span.end})</small>"


def _lists(analysis: Analysis) -> str:
    doc = analysis.document
    rows = []
    rows.append(f"<h2>Quotes ({len(analysis.quotes)})</h2><ol class=entries>")
    for number, q in enumerate(analysis.quotes, start=1):
        rows.append(
            f'<li id="q{number}"><b>{html.escape(_actor_label(q.speaker))}</b>, {q.kind}:'
            f" {_span_cell(doc, q.content)}<br>cue: {_span_cell(doc, q.cue)};"
            f" rule <code>{html.escape(q.rule)}</code></li>"
        )
    rows.append(f"</ol><h2>Stances ({len(analysis.stances)})</h2><ol class=entries>")
    for number, s in enumerate(analysis.stances, start=1):
        rows.append(
            f'<li id="s{number}"><b>{html.escape(_actor_label(s.holder))}</b>'
            f' <span class="badge {s.polarity}">{s.polarity}</span>'
            f" {_span_cell(doc, s.target)}<br>cue: {_span_cell(doc, s.cue)};"
            f" rule <code>{html.escape(s.rule)}</code></li>"
        )
    rows.append(f"</ol><h2>Numeric claims ({len(analysis.numbers)})</h2><ol class=entries>")
    for number, n in enumerate(analysis.numbers, start=1):
        bounds = ""
        if n.low is not None or n.high is not None:
            bounds = f", from {_value_label(n.low)} to {_value_label(n.high)}"
        rows.append(
            f'<li id="n{number}">{_span_cell(doc, n.span)}: <b>{_value_label(n.value)}</b>'
            f"{bounds}; kind {n.kind}; hedge {n.hedge}; unit {html.escape(n.unit or 'none')};"
            f" counts {_span_cell(doc, n.counts)}; rule <code>{html.escape(n.rule)}</code></li>"
        )
    rows.append("</ol>")
    return "\n".join(rows)


# Colours chosen for contrast with black text (WCAG AA on white) and to stay
# distinguishable for the common colour-vision deficiencies: fill colours are
# paired with different border styles, so no meaning rests on colour alone.
_STYLE = """
body{font:17px/1.6 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;
  color:#111;background:#fff}
h1{font-size:1.3em} h2{font-size:1.1em;margin-top:1.6em} small{color:#555}
.quote{background:#dbe9ff} .cue{border-bottom:3px double #1a4fa0;font-weight:bold}
.speaker{outline:2px solid #1a4fa0;border-radius:3px}
.target{border-bottom:3px dashed #b35900} .support{background:#e2f5e0} .oppose{background:#fde4e1}
.stance-cue{font-style:italic;border-bottom:2px dotted #b35900}
.holder{outline:2px dashed #b35900;border-radius:3px}
.number{background:#fff0b3;border-bottom:2px solid #8a6d00}
span[data-refs]{cursor:pointer} span[data-refs]:focus{outline:3px solid #000}
.entries li.selected{background:#eee;outline:2px solid #000}
.badge{padding:0 .4em;border-radius:.3em;font:bold 0.8em sans-serif}
.badge.support{background:#1d6b1d;color:#fff} .badge.oppose{background:#a3221a;color:#fff}
.legend span{margin-right:1em;padding:0 .3em}
"""

_SCRIPT = """
document.addEventListener('click', select); document.addEventListener('keydown', e => {
  if (e.key === 'Enter') select(e); });
function select(e) {
  const mark = e.target.closest('span[data-refs]'); if (!mark) return;
  document.querySelectorAll('.entries li.selected').forEach(li => li.classList.remove('selected'));
  let first = null;
  for (const ref of mark.dataset.refs.split(' ')) {
    const li = document.getElementById(ref);
    if (li) { li.classList.add('selected'); first = first || li; }
  }
  if (first) first.scrollIntoView({block: 'nearest'});
}
"""

_LEGEND = (
    '<p class="legend"><span class="quote">quote</span><span class="cue">cue</span>'
    '<span class="speaker">speaker</span><span class="target support">supported target</span>'
    '<span class="target oppose">opposed target</span><span class="holder">holder</span>'
    '<span class="number">number</span></p>'
)


def to_html(doc: Document, analysis: Analysis | None = None, *, title: str | None = None) -> str:
    """One self-contained HTML page showing *doc* with what was found in it.

    Args:
        doc: the document.
        analysis: its analysis; made with :func:`geopol.analyze` when not given.
        title: the page title; the document's title or id by default.

    Raises:
        ValueError: when *analysis* belongs to another document.

    .. versionadded:: 0.1.0
    """
    if analysis is None:
        from geopol.analysis import analyze

        analysis = analyze(doc)
    elif analysis.document.id != doc.id or analysis.document.text != doc.text:
        raise ValueError(f"analysis of {analysis.document.id!r} does not belong to {doc.id!r}")
    heading = title or doc.title or doc.id
    meta = " · ".join(str(x) for x in (doc.date, doc.source) if x)
    return (
        "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{html.escape(heading)}</title><style>{_STYLE}</style></head>\n<body>"
        f"<header><h1>{html.escape(heading)}</h1><p><small>{html.escape(meta)}</small></p>"
        f"{_LEGEND}</header>\n<main><article lang=\"nl\">\n{_body(doc, _marks(analysis))}"
        f"\n</article>\n<section aria-label=\"found\">{_lists(analysis)}</section></main>"
        f"<script>{_SCRIPT}</script></body></html>\n"
    )


def _file_name(doc_id: str, number: int) -> str:
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in doc_id)[:80].strip("._")
    return f"{number:05d}-{safe or 'document'}.html"


def write_site(analyses: Iterable[Analysis], folder: str | os.PathLike[str]) -> Path:
    """Write one page per analysed document and an ``index.html`` linking them; return the index.

    .. versionadded:: 0.1.0
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for number, analysis in enumerate(analyses, start=1):
        doc = analysis.document
        name = _file_name(doc.id, number)
        (out / name).write_text(to_html(doc, analysis), encoding="utf-8")
        rows.append(
            f'<tr><td><a href="{html.escape(name, quote=True)}">{html.escape(doc.id)}</a></td>'
            f"<td>{html.escape(str(doc.date or ''))}</td><td>{len(analysis.quotes)}</td>"
            f"<td>{len(analysis.stances)}</td><td>{len(analysis.numbers)}</td></tr>"
        )
    index = out / "index.html"
    index.write_text(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>geopol</title>"
        f"<style>{_STYLE} td,th{{padding:.2em .8em;text-align:left}}</style></head><body>"
        "<h1>Documents</h1><table><tr><th>document</th><th>date</th><th>quotes</th>"
        f"<th>stances</th><th>numbers</th></tr>{''.join(rows)}</table></body></html>\n",
        encoding="utf-8",
    )
    return index
