"""PLACEHOLDER: replaced by the Dutch segmenter (issue 2)."""

from __future__ import annotations

import regex

from geopol.model import Sentence, Span, Token

__all__ = ["segment"]

_SENTENCE = regex.compile(r"[^\n.!?]+[.!?]*")
_TOKEN = regex.compile(r"\w+|[^\w\s]")


def segment(text: str) -> list[Sentence]:
    """Placeholder segmentation."""
    out = []
    for m in _SENTENCE.finditer(text):
        if not m.group().strip():
            continue
        toks = tuple(Token(span=Span(t.start() + m.start(), t.end() + m.start())) for t in _TOKEN.finditer(m.group()))
        out.append(Sentence(span=Span(m.start(), m.end()), tokens=toks))
    return out
