"""Analysing on several cores gives the same output, in the same order, as on one."""

from __future__ import annotations

import itertools
import pickle
from collections.abc import Iterator

import pytest

import geopol
from geopol.nlp import RulesAnalyser
from geopol.parallel import analyze_lines, analyze_many, analyze_records

TEXTS = [
    "Lavrov zegt dat Rusland geen oorlog wil.",
    "Bijna 100.000 Russen staan aan de grens, meldt de NAVO.",
    '"We geven niets op", zei Zelensky.',
    "Het kabinet trekt 1,5 miljard euro uit voor defensie.",
    "Geen nieuws vandaag.",
] * 7


def test_two_workers_give_identical_lines_in_input_order() -> None:
    expected = list(analyze_lines(geopol.load(TEXTS), workers=1))

    actual = list(analyze_lines(geopol.load(TEXTS), workers=2, chunk_size=3))

    assert expected == actual


def test_records_and_analyses_keep_document_ids_in_order() -> None:
    ids = [f"text-{i}" for i in range(len(TEXTS))]

    assert ids == [r["id"] for r in analyze_records(geopol.load(TEXTS), chunk_size=4)]
    assert ids == [a.document.id for a in analyze_many(geopol.load(TEXTS), chunk_size=4)]


def test_the_builtin_analyser_pickles_cheaply() -> None:
    assert len(pickle.dumps(RulesAnalyser())) < 100


def test_zero_workers_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="workers must be >= 1, got 0"):
        list(analyze_lines(geopol.load(TEXTS), workers=0))


def _failing_after(count: int) -> Iterator[geopol.Document]:
    yield from itertools.islice(geopol.load(TEXTS), count)
    raise geopol.InputError("record has no text", path="corpus.jsonl", line=count + 1)


@pytest.mark.parametrize("workers", [1, 2])
def test_documents_read_before_an_input_error_are_still_analysed(workers: int) -> None:
    lines: list[str] = []

    with pytest.raises(geopol.InputError, match=r"corpus\.jsonl:6"):
        lines.extend(analyze_lines(_failing_after(5), workers=workers, chunk_size=3))

    assert 5 == len(lines)
