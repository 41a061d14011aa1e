"""Sphinx configuration for geopol's documentation."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

project = "geopol"
author = "geopol developers"
copyright = "2026, geopol developers"
release = "0.1.0"

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "geopol_docs",
]
autodoc_typehints = "description"
autodoc_member_order = "bysource"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
nitpicky = False
exclude_patterns = ["_build"]
html_theme = "alabaster"
html_static_path: list[str] = []
# Examples in docstrings run under pytest --doctest-modules, in their module's namespace;
# Sphinx runs the examples written in the pages as ``.. doctest::`` blocks, not the
# docstrings (pulled in by autodoc) a second time without their module's names.
doctest_test_doctest_blocks = ""
doctest_global_setup = """
import os
os.chdir(r"%s")
import geopol
""" % ROOT
