"""Answers of a rule about words, kept by word: one store shared by the extractors.

The rules of the actor, quote and stance lexicons ask the same questions about the same
words many times per document and in every document (is this word a title, what are its
word classes, what is its case-folded form). A :class:`WordAnswers` asks its rule once
per word and answers later questions from a dictionary, in C: so a scan of every token
of a document can be a ``map`` of :meth:`~dict.__getitem__`, without a Python step per
word.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

__all__ = ["MAX_WORDS", "WordAnswers", "remember"]

MAX_WORDS = 100_000
"""The most words a store keeps; a full store is emptied, so memory stays flat over any
corpus (read at each new word, so that tests can lower it)."""

_V = TypeVar("_V")


class WordAnswers(dict[str, _V]):
    """The answers of a rule about words, by word, found on first use.

    ``answers[word]`` is ``rule(word)``. The rule must depend on the word alone (the
    lexicons' rules do: the lexicons are frozen). A string the store gives (a folded
    form) is the one it keeps, whose hash is already known when a caller looks it up.

    >>> folds = WordAnswers(str.casefold)
    >>> list(map(folds.__getitem__, ["Rusland", "NAVO", "Rusland"]))
    ['rusland', 'navo', 'rusland']
    >>> len(folds)
    2
    """

    __slots__ = ("_rule",)

    def __init__(self, rule: Callable[[str], _V]) -> None:
        super().__init__()
        self._rule = rule

    def __missing__(self, word: str) -> _V:
        found = self._rule(word)
        remember(self, word, found)
        return found


def remember(store: dict[str, _V], word: str, answer: _V) -> None:
    """Keep *answer* for *word* in *store*, emptying the store first when it holds
    :data:`MAX_WORDS` words."""
    if len(store) >= MAX_WORDS:
        store.clear()
    store[word] = answer
