"""PLACEHOLDER: replaced by the document loaders (issue 2). Reads the seed format and strings."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from geopol.model import Document, PartialDate

__all__ = ["load"]


def load(source: str | Iterable[str]) -> Iterator[Document]:
    """Placeholder loader."""
    if isinstance(source, str):
        with open(source, encoding="utf-8") as f:
            raw = f.read()
        date, _, text = raw[len(" date "):].partition(" ")
        yield Document(id=source, text=text, date=PartialDate.parse(date), source=source)
        return
    for i, text in enumerate(source):
        yield Document(id=f"text-{i}", text=text)
