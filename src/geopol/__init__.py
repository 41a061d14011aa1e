"""geopol: who said what, who stands where, and which numbers are claimed in Dutch news.

>>> import geopol
>>> doc = next(geopol.load(["Lavrov zegt dat Rusland geen oorlog wil."]))
>>> doc.text[:6]
'Lavrov'
"""

from __future__ import annotations

from geopol.analysis import analyze
from geopol.errors import (
    AnnotationError,
    DataFileError,
    GeopolError,
    GeopolWarning,
    InputError,
    ModelNotFoundError,
)
from geopol.io import LoadReport, load
from geopol.model import (
    Actor,
    Analysis,
    Block,
    Document,
    NumericClaim,
    PartialDate,
    Quote,
    Sentence,
    Span,
    Stance,
    Token,
)
from geopol.text.segment import segment

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Analysis",
    "AnnotationError",
    "Block",
    "DataFileError",
    "Document",
    "GeopolError",
    "GeopolWarning",
    "InputError",
    "LoadReport",
    "ModelNotFoundError",
    "NumericClaim",
    "PartialDate",
    "Quote",
    "Sentence",
    "Span",
    "Stance",
    "Token",
    "__version__",
    "analyze",
    "load",
    "segment",
]
