"""The benchmark suite runs from one command on a fresh install (a small run of it)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_the_suite_runs_from_one_command_and_writes_its_tables(tmp_path: Path) -> None:
    output = tmp_path / "suite.json"
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--only", "quotes", "stances", "throughput",
         "--size", "200KB", "--workers", "2", "--output", str(output)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )
    assert 0 == result.returncode, result.stderr[-2000:]
    suite = json.loads(output.read_text("utf-8"))
    tables = {table["name"]: table for table in suite["tables"]}
    assert {"quotes", "stances", "throughput"} == set(tables)
    stages = [row[0] for row in tables["throughput"]["rows"]]
    assert ["floor", "load", "segment", "quotes", "stances", "numbers", "analyze (1 worker)",
            "analyze (2 workers)"] == stages[:8]
    assert any(stage.startswith("analyze, UD newspaper text") for stage in stages)
    assert any(stage.startswith("analyze, written news passages") for stage in stages)
    floor = tables["throughput"]["rows"][0]
    assert "1.0" == floor[-1]  # the floor is its own unit
    assert "per 1,000 words" in tables["throughput"]["note"]
    assert "for each quote or stance found" in tables["throughput"]["note"]
    assert "Throughput" in result.stdout


def test_scaling_reports_the_peak_memory_of_the_cli_not_of_the_process_that_starts_it() -> None:
    from benchmarks.corpus import parse_size
    from benchmarks.scaling import run_once
    from benchmarks.throughput import corpus_path

    ballast = bytearray(b"x" * 400_000_000)  # this process is large, as the suite after stanza
    run = run_once(corpus_path(parse_size("200KB")), workers=1)
    assert len(ballast) and 0 < run["peak_rss_mb"] < 200, run
    assert 0 < run["seconds"]


def test_the_cost_model_recovers_the_costs_that_made_the_timings() -> None:
    from benchmarks.throughput import cost_model

    def timing(words: int, quotes: float, stances: float) -> dict[str, object]:
        found = (quotes + stances) * words / 1000
        seconds = (3.5 * words + 70.0 * found) / 1e6
        return {"seconds": seconds, "text_words": words,
                "per_1000_words": {"quotes": quotes, "stances": stances, "numbers": 30.0}}

    corpora = [timing(1_600_000, 27.6, 29.8), timing(10_785, 2.9, 2.2),
               timing(25_358, 0.9, 1.1), timing(6_449, 32.4, 14.6)]
    assert {"us_per_word": 3.5, "us_per_quote_or_stance": 70.0} == cost_model(corpora)


def test_the_cost_model_refuses_corpora_that_cannot_separate_the_costs() -> None:
    from benchmarks.throughput import cost_model

    same = {"seconds": 1.0, "text_words": 1000, "per_1000_words": {"quotes": 5, "stances": 5}}
    with pytest.raises(ValueError, match="differ"):
        cost_model([same, same])
    empty = {"seconds": 0.1, "text_words": 0, "per_1000_words": {"quotes": 0, "stances": 0}}
    with pytest.raises(ValueError, match="two corpora"):
        cost_model([same, empty])
