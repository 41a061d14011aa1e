"""Run every extractor over a document: :func:`analyze`."""

from __future__ import annotations

from geopol import actors, numbers, quotes, stance
from geopol.model import Analysis, Document, Sentence
from geopol.nlp import Analyser, RulesAnalyser
from geopol.text.segment import segment

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
    sentences = _sentences(doc, analyser)
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


def _sentences(doc: Document, analyser: Analyser | None) -> tuple[Sentence, ...]:
    """The sentences the extractors work on.

    The tokens of the built-in segmentation carry no annotation (no lemma, tag or head),
    and the extractors read a sentence's tokens only for such annotation: on that path
    they get the sentence spans alone, which saves building an object per word.
    """
    if analyser is not None and type(analyser) is not RulesAnalyser:
        return analyser.analyse(doc)
    if doc.parse is not None:
        return doc.parse
    return tuple(segment(doc.text, tokens=False))
