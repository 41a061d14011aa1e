"""Gold files in the annotation-guide format, and the matching rules of its section 5.

A gold file is JSON Lines, one document per line: ``id``, ``date``, ``text`` and
lists ``quotes``, ``stances``, ``numbers`` whose span fields are exact substrings
of ``text`` (``occurrence`` picks a later one where the string repeats).
This module turns those strings into character spans and implements the
matching rules every scorer shares: word-token overlap of contents, speaker and
holder equality after dropping articles and titles.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import regex

from geopol.data import read_list
from geopol.model import Document, PartialDate, Span
from geopol.summary import read_records

__all__ = [
    "GoldDocument",
    "default_gold_files",
    "locate",
    "read_gold",
    "same_actor",
    "shares_content_word",
    "token_overlap_match",
    "words",
]

HERE = Path(__file__).resolve().parent
SHIPPED_GOLD = HERE / "gold"


@attrs.frozen
class GoldDocument:
    """One gold record: the document and its annotations as read from the file."""

    document: Document
    record: Mapping[str, Any]


def default_gold_files() -> tuple[Path, ...]:
    """``../shared/gold/*.jsonl`` when present beside the project, else the shipped copies."""
    shared = HERE.parent.parent / "shared" / "gold"
    folder = shared if shared.is_dir() and any(shared.glob("*.jsonl")) else SHIPPED_GOLD
    return tuple(sorted(folder.glob("*.jsonl")))


def read_gold(path: str | os.PathLike[str]) -> Iterator[GoldDocument]:
    """The documents of one gold file (a broken line is an InputError naming file and line)."""
    for record in read_records([path]):
        date = record.get("date")
        doc = Document(
            id=str(record["id"]),
            text=record["text"],
            date=PartialDate.parse(date) if date else None,
            source=str(path),
        )
        yield GoldDocument(doc, record)


def locate(text: str, fragment: str | None, occurrence: int = 0, *, near: int = 0) -> Span | None:
    """The span of the *occurrence*-th appearance of *fragment* in *text*.

    Without an explicit occurrence the gold files mean the first appearance;
    ``near`` lets a caller prefer the appearance closest after a position
    (used for cues, which stand near their quote).
    """
    if fragment is None or fragment == "":
        return None
    if near:
        # closest appearance to `near`, in either direction
        best: int | None = None
        start = text.find(fragment)
        while start != -1:
            if best is None or abs(start - near) < abs(best - near):
                best = start
            start = text.find(fragment, start + 1)
        return None if best is None else Span(best, best + len(fragment))
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(fragment, start + 1)
        if start == -1:
            raise ValueError(f"gold fragment not in text: {fragment!r} (occurrence {occurrence})")
    return Span(start, start + len(fragment))


_WORD = regex.compile(r"\w+(?:[-'’.,]\w+)*")


def words(text: str) -> list[str]:
    """Word tokens of *text*, case-folded (punctuation dropped)."""
    return [w.casefold() for w in _WORD.findall(text)]


def _word_positions(text: str, span: Span) -> list[tuple[int, int]]:
    return [(span.start + m.start(), span.start + m.end())
            for m in _WORD.finditer(text[span.start:span.end])]


def token_overlap_match(text: str, a: Span, b: Span) -> bool:
    """Section 5, quotes: two contents match when they share at least half of the
    longer one's word tokens (counted with multiplicity, by position overlap)."""
    a_words = _word_positions(text, a)
    b_words = _word_positions(text, b)
    longer = max(len(a_words), len(b_words))
    if longer == 0:
        return False
    shared = len(set(a_words) & set(b_words))
    return shared * 2 >= longer


def _titles() -> frozenset[str]:
    return frozenset(t.casefold() for t in read_list("titles.txt"))


_ARTICLES = frozenset({"de", "het", "een", "'t", "d'"})


def _normal_name(name: str) -> list[str]:
    titles = _titles()
    parts = [w for w in words(name) if w not in _ARTICLES]
    while parts and parts[0] in titles:
        parts = parts[1:]
    return parts


def same_actor(system: str | None, gold: str | None, aliases: Sequence[str] = ()) -> bool:
    """Section 5: a speaker or holder is right when, after case folding and dropping
    articles and titles, it equals the gold name or an alias, or ends with the same surname."""
    if system is None or gold is None:
        return system is None and gold is None
    mine = _normal_name(system)
    if not mine:
        return False
    for candidate in (gold, *aliases):
        theirs = _normal_name(candidate)
        if not theirs:
            continue
        if mine == theirs or mine[-1] == theirs[-1]:
            return True
    return False


_STOP = frozenset({
    "de", "het", "een", "en", "of", "van", "in", "op", "te", "met", "voor", "aan", "om", "tot",
    "bij", "door", "over", "naar", "uit", "als", "dat", "die", "dit", "zijn", "haar", "hun", "is",
})


def shares_content_word(a: str, b: str) -> bool:
    """Section 5, stances: targets match when they share a content word."""
    return bool((set(words(a)) - _STOP) & (set(words(b)) - _STOP))


def iter_gold(paths: Iterable[str | os.PathLike[str]]) -> Iterator[GoldDocument]:
    for path in paths:
        yield from read_gold(path)
