"""The CoNLL-U analyser hands a document's own parse to the extractors, unchanged."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import geopol
from geopol.errors import AnnotationError
from geopol.model import Analysis, Document, Sentence, Span, Token
from geopol.nlp import Analyser
from geopol.nlp.conllu import ConlluAnalyser

# "Lavrov zegt dat Rusland geen oorlog wil." as a UD parse: heads are 0-based, -1 is the root.
TEXT = "Lavrov zegt dat Rusland geen oorlog wil."
PARSE = (
    Sentence(
        span=Span(0, len(TEXT)),
        tokens=[
            Token(span=Span(0, 6), lemma="Lavrov", upos="PROPN", head=1, deprel="nsubj"),
            Token(span=Span(7, 11), lemma="zeggen", upos="VERB", head=-1, deprel="root"),
            Token(span=Span(12, 15), lemma="dat", upos="SCONJ", head=6, deprel="mark"),
            Token(span=Span(16, 23), lemma="Rusland", upos="PROPN", head=6, deprel="nsubj"),
            Token(span=Span(24, 28), lemma="geen", upos="DET", head=5, deprel="det"),
            Token(span=Span(29, 35), lemma="oorlog", upos="NOUN", head=6, deprel="obj"),
            Token(span=Span(36, 39), lemma="willen", upos="VERB", head=1, deprel="ccomp"),
            Token(span=Span(39, 40), lemma=".", upos="PUNCT", head=1, deprel="punct"),
        ],
    ),
)

CONLLU = """\
# sent_id = WR-P-P-H-0000000001.p.1.s.1
# text = Lavrov zegt dat Rusland geen oorlog wil.
1	Lavrov	Lavrov	PROPN	_	_	2	nsubj	_	_
2	zegt	zeggen	VERB	_	_	0	root	_	_
3	dat	dat	SCONJ	_	_	7	mark	_	_
4	Rusland	Rusland	PROPN	_	_	7	nsubj	_	_
5	geen	geen	DET	_	_	6	det	_	_
6	oorlog	oorlog	NOUN	_	_	7	obj	_	_
7	wil	willen	VERB	_	_	2	ccomp	_	SpaceAfter=No
8	.	.	PUNCT	_	_	2	punct	_	_

"""


def test_a_document_with_a_parse_gets_exactly_that_parse_back() -> None:
    doc = Document(id="d1", text=TEXT, parse=PARSE)

    assert PARSE == ConlluAnalyser().analyse(doc)


def test_a_document_without_a_parse_is_an_annotation_error_naming_it() -> None:
    doc = Document(id="plain-7", text=TEXT, source="corpus.txt")

    expected = r"document 'plain-7' \(from corpus\.txt\) has no parse"

    with pytest.raises(AnnotationError, match=expected):
        ConlluAnalyser().analyse(doc)


def test_the_missing_parse_error_is_also_a_value_error() -> None:
    with pytest.raises(ValueError, match="conllu analyser needs documents loaded from CoNLL-U"):
        ConlluAnalyser().analyse(Document(id="d", text=TEXT))


def test_the_analyser_satisfies_the_protocol_under_the_name_conllu() -> None:
    analyser = ConlluAnalyser()

    assert isinstance(analyser, Analyser)
    assert "conllu" == analyser.name


def test_analyse_many_keeps_order_and_stops_at_the_first_document_without_parse() -> None:
    other = (Sentence(span=Span(0, 3), tokens=[Token(span=Span(0, 3), head=-1)]),)
    docs = [
        Document(id="a", text=TEXT, parse=PARSE),
        Document(id="b", text="Ja.", parse=other),
        Document(id="c", text="Nee."),
    ]
    results = ConlluAnalyser().analyse_many(docs)

    assert PARSE == next(results)
    assert other == next(results)
    with pytest.raises(AnnotationError, match="'c'"):
        next(results)


def test_the_analyser_pickles_cheaply_for_worker_processes() -> None:
    data = pickle.dumps(ConlluAnalyser())

    assert len(data) < 100
    assert isinstance(pickle.loads(data), ConlluAnalyser)


def test_a_document_loaded_from_conllu_keeps_the_file_heads(tmp_path: Path) -> None:
    path = tmp_path / "lavrov.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    doc = next(geopol.load(path))

    sentences = ConlluAnalyser().analyse(doc)

    assert [1, -1, 6, 6, 5, 6, 1, 1] == [t.head for t in sentences[0].tokens]
    assert ["Lavrov", "zegt", "wil", "."] == [
        doc.text_of(sentences[0].tokens[i].span) for i in (0, 1, 6, 7)
    ]


def test_analyze_runs_the_extractors_over_the_file_parse(tmp_path: Path) -> None:
    path = tmp_path / "lavrov.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    doc = next(geopol.load(path))

    result = geopol.analyze(doc, analyser=ConlluAnalyser())

    assert isinstance(result, Analysis)
    assert doc is result.document
