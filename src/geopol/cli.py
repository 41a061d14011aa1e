"""The ``geopol`` command: ``geopol analyze`` and ``geopol segment``.

Each subcommand is a small :class:`_Command`: it declares its arguments and runs on the
parsed namespace.
Options shared by several subcommands (inputs, output) come from parent parsers, so a
new option (``--analyser``, ``--workers``) is added in one place.

Exit status: 0 on success (also when ``--on-error skip`` skipped input, which is
reported on standard error), 1 for bad input or an unwritable output, 2 for a usage
error, 130 when interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, TextIO

import attrs

from geopol.analysis import analyze
from geopol.errors import GeopolError, GeopolWarning, InputError
from geopol.io import FORMATS, LoadReport, Source, load
from geopol.model import Document
from geopol.nlp import RulesAnalyser
from geopol.record import to_record

__all__ = ["main"]

_PROG = "geopol"
EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class _Progress:
    """A one-line progress count on standard error: documents, rate, elapsed time.

    Drawn only on a terminal, only once a run has lasted a second, at most five times a second.
    """

    def __init__(self, stream: TextIO, *, enabled: bool, what: str) -> None:
        self._stream = stream
        self._enabled = enabled
        self._what = what
        self._start = time.monotonic()
        self._next = self._start + 1.0
        self._drawn = False
        self.count = 0

    def step(self) -> None:
        self.count += 1
        if self._enabled and (self.count & 15) == 0:
            now = time.monotonic()
            if now >= self._next:
                self._next = now + 0.2
                self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = now - self._start
        rate = self.count / elapsed if elapsed > 0 else 0.0
        minutes, seconds = divmod(int(elapsed), 60)
        self._stream.write(
            f"\r{_PROG}: {self.count:,} {self._what}, {rate:,.0f}/s, {minutes}:{seconds:02d} "
        )
        self._stream.flush()
        self._drawn = True

    def close(self) -> None:
        """Draw the final count and end the line (when anything was drawn)."""
        if self._drawn:
            self._draw(time.monotonic())
            self._stream.write("\n")
            self._stream.flush()


@attrs.frozen
class _Command:
    """One subcommand: its name, help line, arguments and what it does."""

    name: str
    help: str
    parents: tuple[argparse.ArgumentParser, ...]
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


# -- shared options ----------------------------------------------------------------------------


def _field(value: str) -> tuple[str, str]:
    name, eq, column = value.partition("=")
    if not eq or not name or not column:
        raise argparse.ArgumentTypeError(f"expected NAME=COLUMN (e.g. text=body), got {value!r}")
    return name, column


def _positive(value: str) -> int:
    try:
        number = int(value.replace("_", ""))
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {value!r}")
    return number


def _input_options() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(add_help=False)
    group = parser.add_argument_group("input")
    group.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="files, folders or glob patterns to read; - reads standard input",
    )
    group.add_argument(
        "--input-format",
        choices=FORMATS,
        default=None,
        help="read every input in this format (default: sniffed from content, then suffix)",
    )
    group.add_argument(
        "--on-error",
        choices=("fail", "skip"),
        default="fail",
        help="on bad input, stop with an error (fail, the default) or skip it and report"
        " every skip at the end (skip)",
    )
    group.add_argument(
        "--field",
        action="append",
        type=_field,
        default=[],
        metavar="NAME=COLUMN",
        help="the JSON Lines field or CSV column holding NAME (text, id, date, title,"
        " source); repeatable, e.g. --field text=body",
    )
    group.add_argument(
        "--max-chars",
        type=_positive,
        default=10_000_000,
        metavar="N",
        help="longest document accepted, in characters (default: 10,000,000)",
    )
    group.add_argument(
        "--encoding", default="utf-8", help="encoding of the input files (default: utf-8)"
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress display on standard error"
    )
    return parser


def _output_options() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        default=None,
        help="write here instead of standard output (UTF-8)",
    )
    return parser


def _sources(inputs: Sequence[str]) -> Source:
    items: list[Path | IO[bytes]] = []
    for item in inputs:
        items.append(sys.stdin.buffer if item == "-" else Path(item))
    return items


@contextlib.contextmanager
def _documents(args: argparse.Namespace, progress: _Progress) -> Iterator[Iterator[Document]]:
    """The documents of the inputs; on leaving, the skip summary goes to standard error."""
    report = LoadReport()
    with warnings.catch_warnings():
        # The summary below says what load's warning would.
        warnings.filterwarnings("ignore", category=GeopolWarning, message="geopol.load skipped")
        try:
            yield load(
                _sources(args.inputs),
                format=args.input_format,
                on_error=args.on_error,
                report=report,
                fields=dict(args.field),
                max_chars=args.max_chars,
                encoding=args.encoding,
            )
        finally:
            progress.close()
            if report.skipped_count:
                print(f"{_PROG}: {report.summary()}", file=sys.stderr)


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    if path is None:
        stdout = sys.stdout
        if isinstance(stdout, io.TextIOWrapper) and stdout.encoding.lower() != "utf-8":
            stdout.reconfigure(encoding="utf-8")
        yield stdout
        stdout.flush()
        return
    try:
        handle = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115  # closed below
    except OSError as error:
        raise _OutputError(f"cannot write {path}: {error.strerror or error}") from error
    with handle:
        yield handle


class _OutputError(GeopolError):
    """The output file cannot be written."""


def _progress(args: argparse.Namespace, what: str) -> _Progress:
    enabled = not args.quiet and sys.stderr.isatty()
    return _Progress(sys.stderr, enabled=enabled, what=what)


# -- geopol analyze ----------------------------------------------------------------------------


def _analyze_arguments(parser: argparse.ArgumentParser) -> None:
    parser.set_defaults(include_text=False)
    parser.add_argument(
        "--include-text",
        action="store_true",
        help="also write each document's text and title (so records stand alone)",
    )


def _run_analyze(args: argparse.Namespace) -> int:
    progress = _progress(args, "documents")
    analyser = RulesAnalyser()
    with _output(args.output) as out, _documents(args, progress) as docs:
        for doc in docs:
            try:
                record = to_record(analyze(doc, analyser=analyser), include_text=args.include_text)
            except Exception as error:
                error.add_note(f"while analysing document {doc.id!r} from {doc.source}")
                raise
            out.write(json.dumps(record, ensure_ascii=False))
            out.write("\n")
            progress.step()
    return EXIT_OK


# -- geopol segment ----------------------------------------------------------------------------


def _segment_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json",
        action="store_true",
        help="one JSON object per document: id and sentences with start, end and text",
    )


def _run_segment(args: argparse.Namespace) -> int:
    progress = _progress(args, "documents")
    analyser = RulesAnalyser()
    with _output(args.output) as out, _documents(args, progress) as docs:
        for index, doc in enumerate(docs):
            sentences = analyser.analyse(doc)
            if args.json:
                record = {
                    "id": doc.id,
                    "sentences": [
                        {"start": s.span.start, "end": s.span.end, "text": doc.text_of(s.span)}
                        for s in sentences
                    ],
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                if index:
                    out.write("\n")
                for sentence in sentences:
                    out.write(" ".join(doc.text_of(sentence.span).split()) + "\n")
            progress.step()
    return EXIT_OK


_COMMANDS = (
    _Command(
        name="analyze",
        help="write one output record (quotes, stances, numbers) per document as JSON Lines",
        parents=(_input_options(), _output_options()),
        add_arguments=_analyze_arguments,
        run=_run_analyze,
    ),
    _Command(
        name="segment",
        help="print each document's sentences, one per line, a blank line between documents",
        parents=(_input_options(), _output_options()),
        add_arguments=_segment_arguments,
        run=_run_segment,
    ),
)


def _parser() -> argparse.ArgumentParser:
    from geopol import __version__

    parser = argparse.ArgumentParser(
        prog=_PROG,
        description="Who said what, who stands where, and which numbers are claimed"
        " in Dutch news.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in _COMMANDS:
        sub = commands.add_parser(
            command.name, help=command.help, description=command.help, parents=command.parents
        )
        command.add_arguments(sub)
        sub.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``geopol`` command line; return the exit status.

    Args:
        argv: the arguments after the program name (default: ``sys.argv[1:]``).

    .. versionadded:: 0.1.0
    """
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args)
    except (InputError, _OutputError) as error:
        print(f"{_PROG}: error: {error}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print(f"{_PROG}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``geopol analyze ... | head``): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    return status
