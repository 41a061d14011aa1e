"""Golden cases: one readable, labelled example per rule, kept as data in ``tests/cases/``.

Each line of ``tests/cases/<module>.jsonl`` is a JSON object:

``label``
    a sentence stating the behaviour; it becomes the test id.
``text``
    the Dutch input text (one document).
``expect``
    ``"pass"``, or ``"fail"`` for a known failure (run as a strict xfail, so a
    fixed case must be promoted).
``quotes`` / ``stances`` / ``numbers``
    expected results in the output-record shape. A case lists only the fields it
    is about, and only those are compared. Span fields (``content``, ``cue``,
    ``target``, ``counts``) and the number's ``text`` are given as the text they
    cover; ``speaker`` and ``holder`` as the resolved name.
``exhaustive`` (optional)
    a list of result kinds (``"quotes"`` ...) for which the expected list is
    complete: anything else found is a failure. An empty expected list with
    ``exhaustive`` says "finds nothing".
``sentences`` (segmentation cases)
    the texts of the expected sentences, in order.
``tokens`` (segmentation cases)
    the texts of the expected tokens of the whole text, in order.
``issue``, ``comment`` (optional)
    where the case comes from and why it matters.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

import geopol
from geopol.record import to_record

CASES = Path(__file__).resolve().parent / "cases"
RESULT_KINDS = ("quotes", "stances", "numbers")
ALLOWED_KEYS = frozenset(
    {"label", "text", "expect", "issue", "comment", "exhaustive", "sentences", "tokens",
     *RESULT_KINDS}
)


def _load_cases() -> Iterator[Any]:
    for path in sorted(CASES.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            case = json.loads(line)
            where = f"{path.name}:{number}"
            marks = [pytest.mark.xfail(strict=True)] if case.get("expect") == "fail" else []
            yield pytest.param(case, where, id=f"{path.stem}: {case.get('label', where)}",
                               marks=marks)


def _flatten(value: Any) -> Any:
    """Reduce a record value to what a case states: spans to their text, actors to their name."""
    if isinstance(value, Mapping):
        if "name" in value and "mention" in value:
            return value["name"]
        if "start" in value and "end" in value and "text" in value:
            return value["text"]
    return value


def _matches(expected: Mapping[str, Any], actual: Mapping[str, Any]) -> bool:
    for key, want in expected.items():
        if key == "text":  # a number's text is its span
            key = "span"
        if _flatten(actual.get(key)) != want:
            return False
    return True


@pytest.mark.parametrize(("case", "where"), _load_cases())
def test_golden_case(case: Mapping[str, Any], where: str) -> None:
    assert set(case) <= ALLOWED_KEYS, f"{where}: unknown keys {sorted(set(case) - ALLOWED_KEYS)}"
    assert case.get("expect") in ("pass", "fail"), f"{where}: expect must be pass or fail"
    assert isinstance(case.get("label"), str) and isinstance(case.get("text"), str), where
    doc = next(geopol.load([case["text"]]))

    if "sentences" in case:
        assert case["sentences"] == [doc.text_of(s.span) for s in geopol.segment(doc.text)]
    if "tokens" in case:
        tokens = [doc.text_of(t.span) for s in geopol.segment(doc.text) for t in s.tokens]
        assert case["tokens"] == tokens
    if not any(kind in case for kind in RESULT_KINDS):
        return
    record = to_record(geopol.analyze(doc))
    for kind in RESULT_KINDS:
        if kind not in case:
            continue
        found = record[kind]
        assert isinstance(found, list)
        for expected in case[kind]:
            assert any(_matches(expected, actual) for actual in found), (
                f"{where}: expected {kind[:-1]} {expected} not among {[_brief(a) for a in found]}"
            )
        if kind in case.get("exhaustive", ()):
            assert len(found) == len(case[kind]), (
                f"{where}: expected exactly {len(case[kind])} {kind}, found "
                f"{[_brief(a) for a in found]}"
            )


def _brief(item: Any) -> dict[str, Any]:
    return {key: _flatten(value) for key, value in item.items() if key != "rule"}
