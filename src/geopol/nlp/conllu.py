"""The CoNLL-U analyser: documents that come with a parse keep it.

Documents loaded from CoNLL-U carry their sentences, tokens and dependencies
in :attr:`~geopol.model.Document.parse`; :class:`ConlluAnalyser` hands that
parse to the extractors unchanged and never re-segments the text. A document
without a parse is a caller mistake here (the wrong analyser for the input),
so it raises :class:`~geopol.errors.AnnotationError` instead of silently
falling back to rules: use :class:`~geopol.nlp.RulesAnalyser` for corpora that
mix parsed and plain documents.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from geopol.errors import AnnotationError
from geopol.model import Document, Sentence

__all__ = ["ConlluAnalyser"]


class ConlluAnalyser:
    """The parse a document was loaded with, as it is.

    >>> from geopol.model import Document, Sentence, Span, Token
    >>> parse = (Sentence(span=Span(0, 3), tokens=[Token(span=Span(0, 2), head=-1),
    ...                                            Token(span=Span(2, 3), head=0)]),)
    >>> doc = Document(id="d", text="Ja.", parse=parse)
    >>> ConlluAnalyser().analyse(doc) == parse
    True
    >>> ConlluAnalyser().analyse(Document(id="plain", text="Ja."))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    geopol.errors.AnnotationError: document 'plain' has no parse to hand on: ...

    .. versionadded:: 0.1.0
    """

    name = "conllu"

    def analyse(self, doc: Document) -> tuple[Sentence, ...]:
        """The sentences of ``doc.parse``.

        Raises:
            AnnotationError: *doc* carries no parse.
        """
        if doc.parse is None:
            source = f" (from {doc.source})" if doc.source else ""
            raise AnnotationError(
                f"document {doc.id!r}{source} has no parse to hand on: the conllu analyser needs "
                "documents loaded from CoNLL-U (use the rules or stanza analyser for plain text)"
            )
        return doc.parse

    def analyse_many(self, docs: Iterable[Document]) -> Iterator[tuple[Sentence, ...]]:
        """The same for many documents, in order."""
        for doc in docs:
            yield self.analyse(doc)

    def __reduce__(self) -> tuple[type[ConlluAnalyser], tuple[()]]:
        return (ConlluAnalyser, ())

    def __repr__(self) -> str:
        return "ConlluAnalyser()"
