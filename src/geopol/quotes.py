"""PLACEHOLDER: replaced by the quotes extractor (open issue). Returns nothing yet."""

from __future__ import annotations

from collections.abc import Sequence

from geopol.model import Document, Sentence

__all__ = ["extract"]


def extract(doc: Document, *, sentences: Sequence[Sentence] | None = None) -> tuple[()]:
    """Placeholder: finds nothing."""
    return ()
