"""The quality gates of the test command: mypy --strict, ruff, and the Sphinx build.

Each runs the tool as a user would, from the project root, and fails with its output.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)


def test_mypy_strict_finds_no_errors_in_src() -> None:
    result = _run(sys.executable, "-m", "mypy", "--strict", "src")

    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_finds_no_problems() -> None:
    result = _run(sys.executable, "-m", "ruff", "check", "src", "tests", "benchmarks")

    assert result.returncode == 0, result.stdout + result.stderr


def test_docs_build_with_warnings_as_errors_and_doctests_pass(tmp_path: Path) -> None:
    html = _run(
        sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
        "docs", str(tmp_path / "html"),
    )
    assert html.returncode == 0, html.stdout + html.stderr

    doctest = _run(
        sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "doctest",
        "docs", str(tmp_path / "doctest"),
    )
    assert doctest.returncode == 0, doctest.stdout + doctest.stderr
