"""Analysers: from a :class:`~geopol.model.Document` to sentences and tokens.

One protocol, several implementations. The extractors read whatever
annotation the analyser gives (lemmas, tags, heads, relations) and fall back
to their own rules where it is missing.

* :class:`RulesAnalyser` (the default): geopol's own segmentation, no model,
  tokens without lemma, tags or heads.
* :class:`~geopol.nlp.stanza_backend.StanzaAnalyser`: a stanza pipeline from a
  local model directory (stanza itself is imported only when a model is loaded).
* :class:`~geopol.nlp.conllu.ConlluAnalyser`: documents loaded from CoNLL-U carry
  their parse in :attr:`Document.parse` and keep it (:class:`RulesAnalyser`
  hands such a parse on unchanged too).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

from geopol.model import Document, Sentence
from geopol.nlp.conllu import ConlluAnalyser
from geopol.nlp.stanza_backend import StanzaAnalyser

__all__ = ["Analyser", "ConlluAnalyser", "RulesAnalyser", "StanzaAnalyser", "sentences_of"]


@runtime_checkable
class Analyser(Protocol):
    """What the extractors need from an analyser.

    .. versionadded:: 0.1.0
    """

    name: str
    """Short name used on the command line (``rules``, ``stanza``, ``conllu``)."""

    def analyse(self, doc: Document) -> tuple[Sentence, ...]:
        """Sentences of *doc*, every token's span pointing into ``doc.text``."""
        ...

    def analyse_many(self, docs: Iterable[Document]) -> Iterator[tuple[Sentence, ...]]:
        """The same for many documents, in order; backends batch here for speed."""
        ...


class RulesAnalyser:
    """The built-in analyser: rule-based Dutch segmentation, no model files.

    A document that carries a parse (loaded from CoNLL-U) keeps it.

    Args:
        tokens: build the token objects of each sentence. The rules' tokens carry no
            annotation (no lemma, tag or head), and the extractors read tokens only for
            annotation, so :func:`geopol.analyze` asks for sentence spans alone
            (``tokens=False``), which saves building an object per word.

    >>> from geopol.model import Document
    >>> sentences = RulesAnalyser().analyse(Document(id="d", text="Ja. Nee."))
    >>> len(sentences), len(sentences[0].tokens)
    (2, 2)
    >>> len(RulesAnalyser(tokens=False).analyse(Document(id="d", text="Ja. Nee."))[0].tokens)
    0

    .. versionadded:: 0.1.0
    """

    name = "rules"

    def __init__(self, *, tokens: bool = True) -> None:
        self.tokens = tokens

    def analyse(self, doc: Document) -> tuple[Sentence, ...]:
        if doc.parse is not None:
            return doc.parse
        from geopol.text.segment import segment

        return tuple(segment(doc.text, tokens=self.tokens))

    def analyse_many(self, docs: Iterable[Document]) -> Iterator[tuple[Sentence, ...]]:
        for doc in docs:
            yield self.analyse(doc)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rules_analyser, (self.tokens,))

    def __repr__(self) -> str:
        return f"RulesAnalyser(tokens={self.tokens})"


def _rules_analyser(tokens: bool) -> RulesAnalyser:
    return RulesAnalyser(tokens=tokens)


def sentences_of(
    doc: Document, sentences: Iterable[Sentence] | None = None
) -> tuple[Sentence, ...]:
    """The sentences an extractor works on: the given ones, else the document's parse,
    else the built-in segmentation."""
    if sentences is not None:
        return tuple(sentences)
    return RulesAnalyser().analyse(doc)
