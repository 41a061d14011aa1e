"""CoNLL-U: running text rebuilt from ``# text`` lines, the parse kept with checked offsets.

Documents start at ``# newdoc``, or, in files without it, where the document part of the
UD sentence id changes (``WR-P-P-H-0000000005`` in ``WR-P-P-H-0000000005.p.1.s.2``).
Paragraphs start at ``# newpar`` or where the ``p.N`` part changes.
A paragraph's sentences are joined with one space, paragraphs with a blank line.
Each token's span is found by walking the sentence text: skipping white space,
the token's form must stand there, so ``text[start:end] == form`` holds for every
token; the words of a multiword token (``1-2``) share its span.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import regex

from geopol.errors import InputError
from geopol.io._common import Options, name_documents, too_large
from geopol.io._stream import Opened, decode_error, read_lines
from geopol.model import Document, Sentence, Span, Token

__all__ = ["read_conllu"]

_UD_ID = regex.compile(r"(?:.*[\\/])?(?P<doc>[^\\/]+?)\.p\.(?P<par>\d+)\.s\.[^\\/]+")
_NER_KEYS = ("NER", "ner", "NE")


def _none(value: str) -> str | None:
    return None if value == "_" else value


@attrs.define
class _RawSentence:
    """The lines of one sentence, as read."""

    line: int  # where it starts
    comments: dict[str, str] = attrs.Factory(dict)
    newdoc: str | None = None  # the id given, "" for a bare ``# newdoc``
    newpar: bool = False
    rows: list[tuple[int, list[str]]] = attrs.Factory(list)

    @property
    def sent_id(self) -> str | None:
        return self.comments.get("sent_id")

    def ud_parts(self) -> tuple[str, str] | None:
        """The document and paragraph parts of a UD sentence id, if it has them."""
        sent_id = self.sent_id
        match = None if sent_id is None else _UD_ID.fullmatch(sent_id)
        return None if match is None else (match["doc"], match["par"])


@attrs.frozen
class _Parsed:
    """One sentence, its tokens' spans relative to its own text."""

    text: str
    tokens: tuple[Token, ...]


def _parse(opened: Opened, raw: _RawSentence, offset: int) -> _Parsed:
    """Check one sentence and find every token in its text, which starts at *offset*.

    Raises:
        InputError: naming the line of the first problem.
    """
    words: list[tuple[int, list[str], Span]] = []
    surface: list[tuple[int, str, int, int]] = []  # line, form, first word id, last word id
    covered = 0
    for number, cols in raw.rows:
        if len(cols) != 10:
            raise opened.error(
                f"token line has {len(cols)} tab-separated columns, CoNLL-U needs 10", number
            )
        ident = cols[0]
        if "." in ident:
            continue  # an empty node of the enhanced graph
        if "-" in ident:
            low, _, high = ident.partition("-")
            if not (low.isdigit() and high.isdigit()) or int(high) < int(low):
                raise opened.error(f"bad multiword token range {ident!r} in column 1", number)
            surface.append((number, cols[1], int(low), int(high)))
            covered = int(high)
            continue
        if not ident.isdigit():
            raise opened.error(f"bad token id {ident!r} in column 1", number)
        word_id = int(ident)
        if word_id != len(words) + 1:
            raise opened.error(
                f"token id {word_id} out of order: expected {len(words) + 1}", number
            )
        if word_id > covered:
            surface.append((number, cols[1], word_id, word_id))
        words.append((number, cols, Span(0, 0)))
    if not words:
        raise opened.error("sentence has no token lines", raw.line)

    text = raw.comments.get("text")
    if text is None:
        text = _rebuild(words, surface)
    text = text.strip()
    spans: dict[int, Span] = {}
    position = 0
    for number, form, first, last in surface:
        while position < len(text) and text[position].isspace():
            position += 1
        if not text.startswith(form, position):
            found = text[position : position + len(form) + 10]
            raise opened.error(
                f"token {form!r} does not match the sentence text at character {position}"
                f" (the text has {found!r} there)",
                number,
            )
        span = Span(offset + position, offset + position + len(form))
        for word_id in range(first, last + 1):
            spans[word_id] = span
        position += len(form)
    if text[position:].strip():
        raise opened.error(
            f"sentence text goes on after the last token: {text[position:][:30]!r}", raw.line
        )

    tokens = []
    size = len(words)
    for word_id, (number, cols, _) in enumerate(words, start=1):
        head_col = cols[6]
        head: int | None
        if head_col == "_":
            head = None
        elif head_col.isdigit() and int(head_col) <= size:
            head = int(head_col) - 1  # 0 (the root) becomes -1
        else:
            raise opened.error(
                f"bad head {head_col!r} in column 7: expected 0..{size} or _", number
            )
        if word_id not in spans:
            raise opened.error(f"word {word_id} lies outside its multiword token", number)
        tokens.append(
            Token(
                span=spans[word_id],
                lemma=_none(cols[2]),
                upos=_none(cols[3]),
                feats=_none(cols[5]),
                head=head,
                deprel=_none(cols[7]),
                ner=_ner(cols[9]),
            )
        )
    return _Parsed(text, tuple(tokens))


def _rebuild(
    words: list[tuple[int, list[str], Span]], surface: list[tuple[int, str, int, int]]
) -> str:
    """Sentence text from the forms and ``SpaceAfter=No`` when ``# text`` is missing."""
    misc = {word_id: cols[9] for word_id, (_, cols, _) in enumerate(words, start=1)}
    parts = []
    for _, form, _, last in surface:
        parts.append(form)
        if "SpaceAfter=No" not in misc.get(last, "").split("|"):
            parts.append(" ")
    return "".join(parts)


def _ner(misc: str) -> str | None:
    if misc == "_":
        return None
    for item in misc.split("|"):
        key, _, value = item.partition("=")
        if key in _NER_KEYS and value:
            return value
    return None


@attrs.define
class _Doc:
    """A document being built from sentences."""

    line: int
    id: str | None
    by_newdoc: bool
    parts: list[str] = attrs.Factory(list)  # text pieces, separators included
    size: int = 0
    sentences: list[Sentence] = attrs.Factory(list)
    sent_ids: list[str] = attrs.Factory(list)
    paragraph: tuple[str, str] | None = None
    error: InputError | None = None


def read_conllu(opened: Opened, options: Options) -> Iterator[Document | InputError]:
    """Documents of a CoNLL-U file, each with its parse in :attr:`Document.parse`."""
    encoding = options.encoding
    seen: dict[str, int] = {}

    def finish(doc: _Doc, fallback: str) -> Document | InputError:
        if doc.error is not None:
            return doc.error
        doc_id = doc.id or fallback
        if doc.id:
            seen[doc.id] = seen.get(doc.id, 0) + 1
            if seen[doc.id] > 1:  # the same document again, after others
                doc_id = f"{doc.id}#{seen[doc.id]}"
        return Document(
            id=doc_id,
            text="".join(doc.parts),
            source=opened.path,
            metadata={"sent_ids": doc.sent_ids} if doc.sent_ids else {},
            parse=tuple(doc.sentences),
        )

    def sentences() -> Iterator[_RawSentence | InputError]:
        raw: _RawSentence | None = None
        for number, start, data in read_lines(opened, max_line_bytes=options.max_line_bytes):
            try:
                line = data.decode(encoding).rstrip("\r\n")
            except UnicodeDecodeError as error:
                yield decode_error(opened, error, line=number, offset=start, encoding=encoding)
                continue
            if not line.strip():
                # A block of comments without tokens or text (``# newdoc`` alone, global
                # columns) is not a sentence: its markers go on to the next one.
                if raw is not None and (raw.rows or "text" in raw.comments):
                    yield raw
                    raw = None
                continue
            if raw is None:
                raw = _RawSentence(number)
            if line.startswith("#"):
                key, eq, value = line[1:].partition("=")
                key = key.strip()
                if key.startswith("newdoc"):
                    raw.newdoc = value.strip() if eq and key == "newdoc id" else ""
                elif key.startswith("newpar"):
                    raw.newpar = True
                elif eq:
                    raw.comments[key] = value.strip() if key != "text" else value.lstrip(" ")
                continue
            raw.rows.append((number, line.split("\t")))
        if raw is not None and (raw.rows or "text" in raw.comments):
            yield raw

    def pending_documents() -> Iterator[_Doc]:
        current: _Doc | None = None
        for raw in sentences():
            if isinstance(raw, InputError):
                if current is None:
                    current = _Doc(raw.line or 1, None, False)
                current.error = current.error or raw
                continue
            ud = raw.ud_parts()
            starts = current is None or raw.newdoc is not None
            if not starts and current is not None and not current.by_newdoc and ud is not None:
                starts = current.id != ud[0]
            if starts:
                if current is not None:
                    yield current
                doc_id = raw.newdoc or (ud[0] if ud is not None else None)
                current = _Doc(raw.line, doc_id, raw.newdoc is not None)
            assert current is not None
            if current.error is not None:
                continue
            separator = ""
            if current.parts:
                new_paragraph = raw.newpar or (ud is not None and ud != current.paragraph)
                separator = "\n\n" if new_paragraph else " "
            offset = current.size + len(separator)
            try:
                parsed = _parse(opened, raw, offset)
            except InputError as error:
                current.error = error
                current.parts.clear()
                current.sentences.clear()
                continue
            current.paragraph = ud
            current.parts += (separator, parsed.text)
            current.size = offset + len(parsed.text)
            if current.size > options.max_chars:
                current.error = too_large(opened, current.line, options, None)
                current.parts.clear()
                current.sentences.clear()
                continue
            current.sentences.append(
                Sentence(span=Span(offset, offset + len(parsed.text)), tokens=parsed.tokens)
            )
            if raw.sent_id is not None:
                current.sent_ids.append(raw.sent_id)
        if current is not None:
            yield current

    for pending, doc_id in name_documents(pending_documents(), opened):
        yield finish(pending, doc_id)
