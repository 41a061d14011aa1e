"""Sphinx directives that write geopol's docs from its own data, never by hand.

``.. geopol-data-files::``
    one section per language data file in ``src/geopol/data/nl/``: its header
    comment (source, licence, editing rule), its columns and a few entries.
``.. geopol-known-failures::``
    every golden case in ``tests/cases/*.jsonl`` marked ``"expect": "fail"``: what geopol
    is known to get wrong, by module, with the text and the reason.
``.. geopol-changelog::``
    the unreleased changes, one entry per fragment in ``changelog.d/<issue>.<type>.md``,
    grouped by type (breaking, deprecation, feature, fix, data).
``.. geopol-benchmark:: TABLE``
    a table from ``benchmarks/results/suite.json``, as written by ``python -m benchmarks``,
    with the machine and date it was measured on.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive, directives
from sphinx.application import Sphinx

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "geopol" / "data" / "nl"
SUITE = ROOT / "benchmarks" / "results" / "suite.json"
CHANGELOG = ROOT / "changelog.d"
CASES = ROOT / "tests" / "cases"
CHANGE_TYPES = {"breaking": "Breaking changes", "deprecation": "Deprecations",
                "feature": "Features", "fix": "Fixes", "data": "Language data"}


def _table(columns: list[str], rows: list[list[Any]]) -> nodes.table:
    table = nodes.table()
    group = nodes.tgroup(cols=len(columns))
    table += group
    for _ in columns:
        group += nodes.colspec(colwidth=1)
    head = nodes.thead()
    group += head
    body = nodes.tbody()
    group += body
    for target, cells in ((head, [columns]), (body, rows)):
        for cells_row in cells:
            row = nodes.row()
            for cell in cells_row:
                entry = nodes.entry()
                entry += nodes.paragraph(text="" if cell is None else str(cell))
                row += entry
            target += row
    return table


class DataFiles(Directive):
    """List every packaged language data file with its header and first entries."""

    def run(self) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        for path in sorted(DATA.iterdir()):
            if path.suffix not in {".tsv", ".txt"}:
                continue
            lines = path.read_text(encoding="utf-8").splitlines()
            header = [line[1:].strip() for line in lines if line.startswith("#")]
            entries = [line for line in lines if line.strip() and not line.startswith("#")]
            section = nodes.section(ids=[f"data-{path.stem.replace('_', '-')}"])
            section += nodes.title(text=path.name)
            section += nodes.literal_block(text="\n".join(header))
            if path.suffix == ".tsv" and entries:
                columns = entries[0].split("\t")
                rows = [(line.split("\t") + [""] * len(columns))[: len(columns)]
                        for line in entries[1:4]]
                section += nodes.paragraph(
                    text=f"{len(entries) - 1} entries; columns: {', '.join(columns)}. First rows:")
                section += _table(columns, rows)
            else:
                section += nodes.paragraph(
                    text=f"{len(entries)} entries, for example: {', '.join(entries[:6])}.")
            out.append(section)
        return out


class BenchmarkTable(Directive):
    """One table of the benchmark suite's latest results (or of a kept earlier run, ``:run:``)."""

    required_arguments = 1
    option_spec = {"run": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        suite_file = SUITE.with_name(self.options["run"]) if "run" in self.options else SUITE
        if not suite_file.exists():
            return [nodes.paragraph(text=f"No benchmark results yet ({SUITE.name} is missing): "
                                         "run python -m benchmarks.")]
        suite = json.loads(suite_file.read_text(encoding="utf-8"))
        tables = {t["name"]: t for t in suite["tables"]}
        if name not in tables:
            raise self.error(f"benchmark table {name!r} is not in {suite_file}: {sorted(tables)}")
        table = tables[name]
        out: list[nodes.Node] = [_table(table["columns"], table["rows"])]
        note = table.get("note")
        machine = table.get("machine", suite.get("machine", {}))
        date = table.get("date", suite.get("date", "?"))
        where = (f"Measured by python -m benchmarks on {date}: "
                 f"Python {machine.get('python', '?')}, {machine.get('cores', '?')} cores, "
                 f"{machine.get('platform', '?')}.")
        out.append(nodes.paragraph(text=f"{note} {where}" if note else where))
        return out


class Changelog(Directive):
    """The changelog fragments, grouped by type, each with its issue number."""

    def run(self) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        fragments = sorted(CHANGELOG.glob("*.md"))
        for change_type, heading in CHANGE_TYPES.items():
            items = nodes.bullet_list()
            for path in fragments:
                issue, _, rest = path.name.partition(".")
                if rest.removesuffix(".md").split(".")[-1] != change_type:
                    continue
                text = " ".join(path.read_text(encoding="utf-8").split())
                item = nodes.list_item()
                item += nodes.paragraph(text=f"{text} (#{issue})")
                items += item
            if len(items):
                section = nodes.section(ids=[f"changes-{change_type}"])
                section += nodes.title(text=heading)
                section += items
                out.append(section)
        return out


class KnownFailures(Directive):
    """The golden cases marked as known failures, one list per module."""

    def run(self) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        for path in sorted(CASES.glob("*.jsonl")):
            items = nodes.bullet_list()
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                case = json.loads(line)
                if case.get("expect") != "fail":
                    continue
                item = nodes.list_item()
                paragraph = nodes.paragraph()
                paragraph += nodes.strong(text=case["label"])
                paragraph += nodes.Text(": ")
                paragraph += nodes.literal(text=case["text"])
                if case.get("comment"):
                    paragraph += nodes.Text(f" ({case['comment']})")
                item += paragraph
                items += item
            if len(items):
                section = nodes.section(ids=[f"known-{path.stem}"])
                section += nodes.title(text=path.stem)
                section += items
                out.append(section)
        return out


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("geopol-known-failures", KnownFailures)
    app.add_directive("geopol-changelog", Changelog)
    app.add_directive("geopol-data-files", DataFiles)
    app.add_directive("geopol-benchmark", BenchmarkTable)
    return {"parallel_read_safe": True, "version": "0.1"}
