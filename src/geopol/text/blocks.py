"""Split a document body into headings and paragraphs.

A block is a run of non-blank lines; blocks are separated by blank lines.
A block of one short line without final punctuation is a heading
(``Akkoord van Minsk``, ``Bijna 100.000 Russen``); everything else is a paragraph.
"""

from __future__ import annotations

import regex

from geopol.model import Block, BlockKind, Span

__all__ = ["is_heading", "split_blocks"]

_BLOCK = regex.compile(r"\S(?:[^\n]|\n(?![ \t]*\n))*+")
_FINAL_PUNCTUATION = frozenset(".!?:;…\"'”’»)")
_MAX_HEADING_CHARS = 200


def is_heading(line: str) -> bool:
    """Whether one line of text reads as a heading: short, single-line, no final punctuation.

    >>> is_heading("Akkoord van Minsk")
    True
    >>> is_heading("Lavrov zegt dat Rusland geen oorlog wil.")
    False
    """
    stripped = line.strip()
    return (
        bool(stripped)
        and "\n" not in stripped
        and len(stripped) <= _MAX_HEADING_CHARS
        and stripped[-1] not in _FINAL_PUNCTUATION
    )


def split_blocks(text: str) -> tuple[Block, ...]:
    """Headings and paragraphs of *text*, in order, trailing spaces excluded.

    >>> [b.kind for b in split_blocks("Akkoord van Minsk\\n\\nBlinken wil dat.")]
    ['heading', 'paragraph']
    """
    blocks = []
    for match in _BLOCK.finditer(text):
        start, end = match.span()
        while end > start and text[end - 1].isspace():
            end -= 1
        kind: BlockKind = "heading" if is_heading(text[start:end]) else "paragraph"
        blocks.append(Block(kind, Span(start, end)))
    return tuple(blocks)
