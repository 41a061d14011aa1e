"""Run every extractor over a document: :func:`analyze`."""

from __future__ import annotations

from geopol import actors, numbers, quotes, stance
from geopol.model import Analysis, Document
from geopol.nlp import Analyser, RulesAnalyser

__all__ = ["analyze"]


def analyze(doc: Document, *, analyser: Analyser | None = None) -> Analysis:
    """Quotes, stances and numeric claims of one document.

    Args:
        doc: a loaded document.
        analyser: how to split and parse the text; the built-in rules by default.

    >>> from geopol.model import Document
    >>> analyze(Document(id="d", text="Er vielen bijna 100 doden.")).document.id
    'd'

    .. versionadded:: 0.1.0
    """
    sentences = (analyser or RulesAnalyser()).analyse(doc)
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
