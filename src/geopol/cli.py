"""The ``geopol`` command: ``analyze``, ``segment``, ``render``, ``summarize`` and ``models``.

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
import csv
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

from geopol.errors import GeopolError, GeopolWarning, InputError, ModelNotFoundError
from geopol.io import FORMATS, LoadReport, Source, load
from geopol.model import Document
from geopol.nlp import Analyser, RulesAnalyser
from geopol.parallel import analyze_lines, analyze_rows
from geopol.record import ROW_FIELDS, Record, to_json

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


# -- the analyser -------------------------------------------------------------------------------


def _analyser_options() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(add_help=False)
    group = parser.add_argument_group("analysis")
    group.add_argument(
        "--analyser",
        choices=("rules", "stanza", "conllu"),
        default="rules",
        help="how to split and parse the text: rules (built in, no model; the default),"
        " stanza (needs --model-dir and geopol[stanza]), or conllu (the parse that"
        " CoNLL-U input carries)",
    )
    group.add_argument(
        "--model-dir",
        metavar="DIR",
        default=None,
        help="stanza model directory, laid out as stanza.download or geopol models train"
        " leave it; never downloaded by geopol analyze",
    )
    group.add_argument(
        "--gpu", action="store_true", help="run stanza on the GPU (an error when none is present)"
    )
    return parser


def _make_analyser(args: argparse.Namespace) -> Analyser:
    """The analyser the options ask for, created once for the whole run."""
    if args.analyser == "rules":
        return RulesAnalyser(tokens=False)  # sentence spans are all the extractors read
    if args.analyser == "conllu":
        from geopol.nlp.conllu import ConlluAnalyser

        return ConlluAnalyser()
    if args.model_dir is None:
        raise _UsageError("--analyser stanza needs --model-dir DIR (geopol never downloads models"
                          " on its own; see geopol models download)")
    try:
        from geopol.nlp.stanza_backend import StanzaAnalyser

        return StanzaAnalyser.from_model_dir(args.model_dir, use_gpu=args.gpu)
    except ModuleNotFoundError as error:
        raise _UsageError(
            f"--analyser stanza needs stanza: pip install 'geopol[stanza]' ({error})"
        ) from error


class _UsageError(GeopolError):
    """The options cannot work together or need something that is not there."""


# -- geopol analyze ----------------------------------------------------------------------------


def _analyze_arguments(parser: argparse.ArgumentParser) -> None:
    parser.set_defaults(include_text=False)
    parser.add_argument(
        "--format",
        choices=("jsonl", "csv"),
        default="jsonl",
        help="jsonl: one output record per document (the default); csv: one row per quote,"
        " stance or numeric claim, with the document id and spans",
    )
    parser.add_argument(
        "--include-text",
        action="store_true",
        help="also write each document's text and title (jsonl only; records then stand alone)",
    )
    parser.add_argument(
        "--workers",
        type=_positive,
        default=1,
        metavar="N",
        help="analyse on N processes; output is identical and in input order (default: 1)",
    )


def _run_analyze(args: argparse.Namespace) -> int:
    progress = _progress(args, "documents")
    analyser = _make_analyser(args)
    with _output(args.output) as out, _documents(args, progress) as docs:
        if args.format == "csv":
            writer = csv.DictWriter(out, fieldnames=ROW_FIELDS, lineterminator="\n")
            writer.writeheader()
            for rows in analyze_rows(docs, analyser=analyser, workers=args.workers):
                writer.writerows(rows)
                progress.step()
            return EXIT_OK
        lines = analyze_lines(docs, analyser=analyser, workers=args.workers,
                              include_text=args.include_text)
        for line in lines:
            out.write(line)
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
    analyser = _make_analyser(args)
    with _output(args.output) as out, _documents(args, progress) as docs:
        for index, doc in enumerate(docs):
            sentences = analyser.analyse(doc)
            if args.json:
                record: Record = {
                    "id": doc.id,
                    "sentences": [
                        {"start": s.span.start, "end": s.span.end, "text": doc.text_of(s.span)}
                        for s in sentences
                    ],
                }
                out.write(to_json(record) + "\n")
            else:
                if index:
                    out.write("\n")
                for sentence in sentences:
                    out.write(" ".join(doc.text_of(sentence.span).split()) + "\n")
            progress.step()
    return EXIT_OK


# -- geopol render -----------------------------------------------------------------------------


def _render_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        required=True,
        help="the HTML page to write (one document), or a folder for a small site with an"
        " index (several documents)",
    )


def _run_render(args: argparse.Namespace) -> int:
    from geopol.parallel import analyze_many
    from geopol.render import to_html, write_site

    progress = _progress(args, "documents")
    analyser = _make_analyser(args)
    target = Path(args.output)
    with _documents(args, progress) as docs:
        analyses = analyze_many(docs, analyser=analyser)
        first = next(analyses, None)
        if first is None:
            raise _OutputError("no documents to render")
        second = next(analyses, None)
        one_page = second is None and not target.is_dir() and target.suffix in {".html", ".htm"}
        try:
            if one_page:
                target.write_text(to_html(first.document, first), encoding="utf-8")
                progress.step()
            else:
                if target.suffix in {".html", ".htm"} and not target.is_dir():
                    raise _OutputError(f"{target}: several documents make a site: give a folder")
                rest = () if second is None else (second, *analyses)
                index = write_site((first, *rest), target)
                print(f"{_PROG}: wrote {index}", file=sys.stderr)
        except OSError as error:
            raise _OutputError(f"cannot write {target}: {error.strerror or error}") from error
    return EXIT_OK


# -- geopol summarize --------------------------------------------------------------------------


def _summarize_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("records", nargs="+", metavar="OUTPUT.jsonl",
                        help="output records written by geopol analyze")
    parser.add_argument("--top", type=_positive, default=5, metavar="N",
                        help="stances and numbers shown per actor (default: 5)")
    parser.add_argument("--json", action="store_true", help="write the summary as JSON")


def _run_summarize(args: argparse.Namespace) -> int:
    from geopol.summary import format_table, read_records, summarize

    summaries = summarize(read_records(args.records))
    with _output(args.output) as out:
        if args.json:
            out.write(json.dumps([attrs.asdict(s) for s in summaries], ensure_ascii=False,
                                 indent=1) + "\n")
        else:
            out.write(format_table(summaries, top=args.top) + "\n")
    return EXIT_OK


# -- geopol models -----------------------------------------------------------------------------


def _models_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    train = actions.add_parser(
        "train", add_help=False,
        help="train a small stanza pipeline from CoNLL-U treebanks (see geopol models train -h)")
    train.add_argument("rest", nargs=argparse.REMAINDER)
    download = actions.add_parser(
        "download",
        help="fetch stanza's official models into a folder: the only command that uses the"
        " network; it says what it fetches and how big")
    download.add_argument("model_dir", metavar="DIR")
    download.add_argument("--lang", default="nl")
    download.add_argument("--processors", default="tokenize,mwt,pos,lemma,depparse",
                          help="comma-separated processors (default: %(default)s)")
    download.add_argument("--dry-run", action="store_true",
                          help="only say what would be fetched and how big")


def _run_models(args: argparse.Namespace) -> int:
    try:
        if args.action == "train":
            from geopol.nlp import training

            return training.main(args.rest)
        from geopol.nlp.stanza_backend import download

        processors = [p for p in args.processors.split(",") if p]
        download(args.model_dir, lang=args.lang, processors=processors, dry_run=args.dry_run)
    except ModuleNotFoundError as error:
        raise _UsageError(
            f"geopol models needs stanza: pip install 'geopol[stanza]' ({error})"
        ) from error
    return EXIT_OK


_COMMANDS = (
    _Command(
        name="analyze",
        help="write one output record (quotes, stances, numbers) per document as JSON Lines",
        parents=(_input_options(), _output_options(), _analyser_options()),
        add_arguments=_analyze_arguments,
        run=_run_analyze,
    ),
    _Command(
        name="segment",
        help="print each document's sentences, one per line, a blank line between documents",
        parents=(_input_options(), _output_options(), _analyser_options()),
        add_arguments=_segment_arguments,
        run=_run_segment,
    ),
    _Command(
        name="render",
        help="write a self-contained HTML view of each document with what was found highlighted",
        parents=(_input_options(), _analyser_options()),
        add_arguments=_render_arguments,
        run=_run_render,
    ),
    _Command(
        name="summarize",
        help="per actor: how often quoted, stances by target, numbers claimed in their quotes",
        parents=(_output_options(),),
        add_arguments=_summarize_arguments,
        run=_run_summarize,
    ),
    _Command(
        name="models",
        help="train a stanza pipeline offline, or download stanza's models (explicitly)",
        parents=(),
        add_arguments=_models_arguments,
        run=_run_models,
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
    except (InputError, _OutputError, _UsageError, ModelNotFoundError) as error:
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
