"""Numeric claims in Dutch news text: :func:`extract` and :func:`parse_number`.

See :doc:`/numbers` for what counts as a claim, the fields, and the measured accuracy.
"""

from __future__ import annotations

from geopol.numbers._extract import extract
from geopol.numbers._lexicon import NumberLexicon, default_lexicon
from geopol.numbers._parse import parse_number

__all__ = ["NumberLexicon", "default_lexicon", "extract", "parse_number"]
