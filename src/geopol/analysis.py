"""Run every extractor over a document: :func:`analyze`."""

from __future__ import annotations

from collections.abc import Sequence

from geopol import actors, numbers, quotes, stance
from geopol.model import Analysis, Document, Sentence
from geopol.nlp import Analyser, RulesAnalyser

__all__ = ["analyze", "analyze_batch"]


def analyze(
    doc: Document,
    *,
    analyser: Analyser | None = None,
    sentences: Sequence[Sentence] | None = None,
) -> Analysis:
    """Quotes, stances and numeric claims of one document.

    Args:
        doc: a loaded document.
        analyser: how to split and parse the text; the built-in rules by default.
        sentences: the document's sentences from an analyser that already ran
            (:func:`analyze_batch` passes them); *analyser* is then not used.

    >>> from geopol.model import Document
    >>> analyze(Document(id="d", text="Er vielen bijna 100 doden.")).document.id
    'd'

    .. versionadded:: 0.1.0
    """
    if sentences is None:
        sentences = (analyser or _DEFAULT).analyse(doc)
    # The actor chains (mentions, fullest names, sentence subjects) serve both the
    # quote speakers and the stance holders: build them once.
    quote_lexicon = quotes.default_lexicon()
    chains = actors.resolver(doc, lexicon=quote_lexicon.actors)
    found_quotes = quotes.extract(doc, sentences=sentences, lexicon=quote_lexicon,
                                  resolver=chains)
    return Analysis(
        document=doc,
        quotes=found_quotes,
        stances=stance.extract(doc, sentences=sentences, quotes=found_quotes, resolver=chains),
        numbers=numbers.extract(doc, sentences=sentences),
    )


_DEFAULT = RulesAnalyser(tokens=False)


def analyze_batch(docs: Sequence[Document], *, analyser: Analyser | None = None) -> list[Analysis]:
    """:func:`analyze` for several documents, parsed in one call of the analyser.

    Parsers such as stanza are much faster on a batch than one document at a time
    (:meth:`~geopol.nlp.Analyser.analyse_many`).

    .. versionadded:: 0.1.0
    """
    parses = (analyser or _DEFAULT).analyse_many(docs)
    return [analyze(doc, sentences=sentences) for doc, sentences in zip(docs, parses, strict=True)]
