"""Split a document body into headings and paragraphs.

A block is a run of non-blank lines; blocks are separated by blank lines.
A block of one short line without final punctuation is a heading
(``Akkoord van Minsk``, ``Bijna 100.000 Russen``); everything else is a paragraph.
Inside a block, a heading line directly above the text it heads is a heading block
of its own: a short line without final punctuation, first in the block or after a
line that ends a sentence, followed by a line that can start a sentence
(a capital, a digit, an opening quote mark).
"""

from __future__ import annotations

import regex

from geopol.model import Block, BlockKind, Span

__all__ = ["is_heading", "split_blocks"]

# A block: from a non-space character on, runs of characters other than a line break,
# and line breaks not followed by a blank line. The runs are taken whole (possessive):
# stepping over them a character at a time took 14 times as long.
_BLOCK = regex.compile(r"\S(?:[^\n]++|\n(?![ \t\r]*+\n))*+")
_LINE = regex.compile(r"[^\n]++")
_FINAL_PUNCTUATION = frozenset(".!?:;…\"'”’»)")
_SENTENCE_END = frozenset(".!?…\"'”’»)")
_OPENERS = frozenset("\"'„“‘«([-–—•*")
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


def _can_start(line: str) -> bool:
    char = line.lstrip()[:1]
    if not char:
        return False
    if char.isalpha():
        return not char.islower()
    return char.isdigit() or char in _OPENERS


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _split_block(text: str, start: int, end: int) -> list[Block]:
    """The heading lines directly above text, and the paragraphs between them."""
    lines = [m.span() for m in _LINE.finditer(text, start, end)]
    blocks: list[Block] = []
    paragraph_start: int | None = None
    previous_ends_sentence = True
    for index, (line_start, line_end) in enumerate(lines):
        line = text[line_start:line_end]
        following = text[lines[index + 1][0]:lines[index + 1][1]] if index + 1 < len(lines) else ""
        if previous_ends_sentence and following and is_heading(line) and _can_start(following):
            if paragraph_start is not None:
                blocks.append(_paragraph(text, paragraph_start, line_start))
                paragraph_start = None
            blocks.append(Block("heading", Span(*_trimmed(text, line_start, line_end))))
            previous_ends_sentence = True
            continue
        if paragraph_start is None:
            paragraph_start = line_start
        stripped = line.rstrip()
        previous_ends_sentence = bool(stripped) and stripped[-1] in _SENTENCE_END
    if paragraph_start is not None:
        blocks.append(_paragraph(text, paragraph_start, end))
    return blocks


def _paragraph(text: str, start: int, end: int) -> Block:
    return Block("paragraph", Span(*_trimmed(text, start, end)))


def split_blocks(text: str) -> tuple[Block, ...]:
    """Headings and paragraphs of *text*, in order, surrounding spaces excluded.

    >>> [b.kind for b in split_blocks("Akkoord van Minsk\\n\\nBlinken wil dat.")]
    ['heading', 'paragraph']
    >>> [b.kind for b in split_blocks("Akkoord van Minsk\\nBlinken wil dat.")]
    ['heading', 'paragraph']
    """
    blocks: list[Block] = []
    for match in _BLOCK.finditer(text):
        start, end = _trimmed(text, *match.span())
        if start == end:
            continue  # only characters that Python counts as spaces and regex does not
        if "\n" in text[start:end]:
            blocks.extend(b for b in _split_block(text, start, end) if b.span.length)
            continue
        kind: BlockKind = "heading" if is_heading(text[start:end]) else "paragraph"
        blocks.append(Block(kind, Span(start, end)))
    return tuple(blocks)
