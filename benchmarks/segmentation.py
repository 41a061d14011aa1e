"""Sentence and token F1 of :func:`geopol.segment` against the UD Dutch treebanks, and its speed.

Scored as in the CoNLL 2018 shared task: the running text of a treebank is rebuilt
from its ``# text`` lines (a paragraph's sentences joined with a space, paragraphs
with a blank line), gold tokens and sentences become character spans of that text,
and a predicted token or sentence counts as correct when its span is exactly a gold one::

    python -m benchmarks.segmentation            # table, and results/segmentation.json
    python -m benchmarks.segmentation --no-train # only the shipped dev files

Paragraphs come from sentence ids (``WR-P-P-H-0000000005.p.1.s.2``: document
``WR-P-P-H-0000000005``, paragraph 1) or from ``# newdoc`` / ``# newpar`` comments;
a sentence whose id names no paragraph is a paragraph of its own.
The dev files ship in ``benchmarks/data/ud/``; the train file is read from
``../shared/ud/`` beside the project when it is there.

Speed is words per second of :func:`geopol.segment` (building every
:class:`~geopol.model.Sentence` and :class:`~geopol.model.Token`) on the rebuilt
texts cut at paragraph breaks into pieces of about 3,000 characters (the size of
a news article), words counted with the pattern ``\\w+`` as in
``benchmarks.throughput``; CPU time of this process, best of three runs.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import regex

import geopol

HERE = Path(__file__).resolve().parent
SHIPPED = HERE / "data" / "ud"
SHARED = HERE.parent.parent / "shared" / "ud"
RESULTS = HERE / "results"
DEV_FILES = ("nl_alpino-ud-dev.conllu", "nl_lassysmall-ud-dev.conllu")
TRAIN_FILE = "nl-ud2017-train.conllu"
WORD = regex.compile(r"\w+")
ARTICLE_CHARS = 3000
_PARAGRAPH_ID = regex.compile(r"^(?P<doc>.*?)\.p\.(?P<par>\d+)\.s\.")

#: Published figures of a stanza 1.15 tokenizer trained on these treebanks
#: (``shared/README.md``; dev splits, text rebuilt with paragraph breaks).
STANZA_DEV = {
    "nl_alpino-ud-dev.conllu": {"sentences": 95.4, "tokens": 99.0},
    "nl_lassysmall-ud-dev.conllu": {"sentences": 88.4, "tokens": 99.7},
}


@attrs.frozen
class UdSentence:
    """One treebank sentence: its id, its ``# text`` and its token forms."""

    sent_id: str
    text: str
    forms: tuple[str, ...]
    new_doc: bool = False
    new_par: bool = False


@attrs.frozen
class Treebank:
    """A treebank as running text with its gold spans."""

    name: str
    text: str
    tokens: frozenset[tuple[int, int]]
    sentences: frozenset[tuple[int, int]]
    unaligned: int
    paragraphs: int


def read_conllu(path: Path) -> Iterator[UdSentence]:
    """The sentences of a CoNLL-U file (multi-word token lines and empty nodes skipped)."""
    sent_id, text, forms = "", "", []
    new_doc = new_par = False
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line:
                if forms:
                    yield UdSentence(sent_id, text, tuple(forms), new_doc, new_par)
                sent_id, text, forms = "", "", []
                new_doc = new_par = False
            elif line.startswith("#"):
                key, _, value = line[1:].partition("=")
                key = key.strip()
                if key == "sent_id":
                    sent_id = value.strip()
                elif key == "text":
                    text = value.strip()
                elif key.startswith("newdoc"):
                    new_doc = True
                elif key.startswith("newpar"):
                    new_par = True
            else:
                cells = line.split("\t")
                if len(cells) == 10 and cells[0].isdigit():
                    forms.append(cells[1])
    if forms:
        yield UdSentence(sent_id, text, tuple(forms), new_doc, new_par)


def _paragraph_key(sentence: UdSentence) -> str:
    match = _PARAGRAPH_ID.match(sentence.sent_id)
    return sentence.sent_id if match is None else f"{match['doc']}.p.{match['par']}"


def paragraphs(sentences: Sequence[UdSentence]) -> list[list[UdSentence]]:
    """Consecutive sentences grouped into paragraphs."""
    groups: list[list[UdSentence]] = []
    previous = None
    for sentence in sentences:
        key = _paragraph_key(sentence)
        if not groups or sentence.new_doc or sentence.new_par or key != previous:
            groups.append([])
        groups[-1].append(sentence)
        previous = key
    return groups


def build(name: str, sentences: Sequence[UdSentence]) -> Treebank:
    """Rebuild the running text and the gold token and sentence spans."""
    parts: list[str] = []
    tokens: set[tuple[int, int]] = set()
    spans: set[tuple[int, int]] = set()
    unaligned = 0
    offset = 0
    groups = paragraphs(sentences)
    for number, paragraph in enumerate(groups):
        if number:
            parts.append("\n\n")
            offset += 2
        for index, sentence in enumerate(paragraph):
            if index:
                parts.append(" ")
                offset += 1
            parts.append(sentence.text)
            aligned, failed = _align(sentence.text, sentence.forms)
            unaligned += failed
            tokens.update((offset + start, offset + end) for start, end in aligned)
            if aligned:
                spans.add((offset + aligned[0][0], offset + aligned[-1][1]))
            offset += len(sentence.text)
    return Treebank(name, "".join(parts), frozenset(tokens), frozenset(spans), unaligned,
                    len(groups))


def _align(text: str, forms: Sequence[str]) -> tuple[list[tuple[int, int]], int]:
    """Character spans of *forms* in *text*; a form not found where expected is skipped."""
    spans = []
    failed = 0
    position = 0
    for form in forms:
        while position < len(text) and text[position].isspace():
            position += 1
        if text.startswith(form, position):
            spans.append((position, position + len(form)))
            position += len(form)
        else:
            failed += 1
    return spans, failed


def f1(gold: frozenset[tuple[int, int]], predicted: set[tuple[int, int]]) -> dict[str, float]:
    """Precision, recall and F1 (in percent) of exact span matches."""
    correct = len(gold & predicted)
    precision = correct / len(predicted) if predicted else 0.0
    recall = correct / len(gold) if gold else 0.0
    score = 2 * precision * recall / (precision + recall) if correct else 0.0
    return {"precision": round(100 * precision, 2), "recall": round(100 * recall, 2),
            "f1": round(100 * score, 2)}


def evaluate(treebank: Treebank) -> dict[str, Any]:
    """Sentence and token scores and speed of :func:`geopol.segment` on one treebank."""
    sentences = geopol.segment(treebank.text)
    predicted_sentences = {(s.span.start, s.span.end) for s in sentences}
    predicted_tokens = {(t.span.start, t.span.end) for s in sentences for t in s.tokens}
    del sentences
    words = len(WORD.findall(treebank.text))
    documents = _article_sized(treebank.text)
    best = float("inf")
    for _ in range(3):
        gc.collect()
        began = time.process_time()
        for document in documents:
            geopol.segment(document)
        best = min(best, time.process_time() - began)
    return {
        "sentences": f1(treebank.sentences, predicted_sentences),
        "tokens": f1(treebank.tokens, predicted_tokens),
        "gold_sentences": len(treebank.sentences),
        "paragraphs": treebank.paragraphs,
        "gold_tokens": len(treebank.tokens),
        "unaligned_gold_tokens": treebank.unaligned,
        "words": words,
        "seconds": round(best, 4),
        "words_per_second": round(words / best),
    }


def _article_sized(text: str, size: int = ARTICLE_CHARS) -> list[str]:
    """*text* cut at paragraph breaks into pieces of about *size* characters, like news articles."""
    pieces, current, length = [], [], 0
    for paragraph in text.split("\n\n"):
        current.append(paragraph)
        length += len(paragraph) + 2
        if length >= size:
            pieces.append("\n\n".join(current))
            current, length = [], 0
    if current:
        pieces.append("\n\n".join(current))
    return pieces


def treebank_files(*, train: bool = True) -> list[Path]:
    """The dev files (shared copies when present, else the shipped ones), and the train file."""
    files = [SHARED / name if (SHARED / name).is_file() else SHIPPED / name for name in DEV_FILES]
    if train and (SHARED / TRAIN_FILE).is_file():
        files.append(SHARED / TRAIN_FILE)
    return files


def run(*, train: bool = True) -> dict[str, Any]:
    """Score every treebank; the figures as a dict (also what the JSON file holds)."""
    results: dict[str, Any] = {}
    for path in treebank_files(train=train):
        treebank = build(path.name, list(read_conllu(path)))
        results[path.name] = evaluate(treebank)
        if path.name in STANZA_DEV:
            results[path.name]["stanza"] = STANZA_DEV[path.name]
    return {"python": platform.python_version(), "treebanks": results}


def table(figures: dict[str, Any]) -> str:
    """The figures as a plain-text table."""
    lines = [f"{'treebank':30} {'sentences':>9} {'paragraphs':>10} {'sent F1':>8} {'(stanza)':>8}"
             f" {'tok F1':>7} {'(stanza)':>8} {'words/s':>9}"]
    for name, row in figures["treebanks"].items():
        stanza = row.get("stanza", {})
        lines.append(
            f"{name:30} {row['gold_sentences']:9,d} {row['paragraphs']:10,d}"
            f" {row['sentences']['f1']:8.2f} {stanza.get('sentences', ''):>8}"
            f" {row['tokens']['f1']:7.2f} {stanza.get('tokens', ''):>8}"
            f" {row['words_per_second']:9,d}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--no-train", action="store_true", help="skip the train file")
    parser.add_argument("--output", type=Path, default=RESULTS / "segmentation.json")
    args = parser.parse_args(argv)
    figures = run(train=not args.no_train)
    print(table(figures))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
