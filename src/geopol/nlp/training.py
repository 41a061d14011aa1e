"""Train a small stanza pipeline from CoNLL-U treebanks, fully offline.

This is the entry point behind ``geopol models train`` (also runnable as
``python -m geopol.nlp.training``). It uses stanza's own training code
(``stanza.models.tokenizer``, ``tagger``, ``lemmatizer`` and ``parser``)
and lays the result out as :func:`stanza.download` lays out a model
directory, so :meth:`geopol.nlp.stanza_backend.StanzaAnalyser.from_model_dir`
and a plain ``stanza.Pipeline("nl", dir=..., download_method=None)`` both load it::

    OUT/resources.json                 stanza's resources entry for the language
    OUT/nl/tokenize/geopol_ud.pt       one model file per processor
    OUT/nl/pos/geopol_ud.pt
    OUT/nl/lemma/geopol_ud.pt
    OUT/nl/depparse/geopol_ud.pt
    OUT/scores.json                    scores on each dev file, measured after training
    OUT/training.json                  the command, versions, sizes and times

No pretrained word vectors, no character language model, nothing is
fetched: an air-gapped user can rebuild a pipeline from a treebank they have.
The ``small`` size (the default) keeps the four models under 15 MB together,
small enough to ship as a test fixture; it is a model for testing the stanza
path, not for accuracy.

Steps:
    1. ``prepare``: the training and dev CoNLL-U files are cleaned (XPOS
       dropped when the training data has none, enhanced dependencies dropped)
       and concatenated, and running text is rebuilt for the tokenizer (a
       paragraph's sentences joined by spaces, paragraphs by a blank line,
       paragraphs read from sentence ids of the form ``DOC.p.N.s.M``; a shuffled
       treebank is grouped into pseudo-paragraphs, see ``_running_text``).
    2. each processor is trained in turn, on one thread by default, with the
       dev files for checkpoint selection and a bounded number of steps.
    3. the models are copied into the output directory with a ``resources.json``,
       their weights stored as float16 (``--float32`` keeps them as trained).
    4. every processor is scored on each dev file separately (tokenizer on raw
       text, the others on gold tokens and gold input annotation), and the full
       pipeline from raw text; the figures go to ``scores.json``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import itertools
import json
import logging
import os
import platform
import random
import shutil
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import regex

__all__ = ["PROCESSORS", "SIZES", "TrainingPlan", "build_parser", "main"]

PROCESSORS = ("tokenize", "pos", "lemma", "depparse")
"""The processors this module trains, in pipeline order."""

_LOG = logging.getLogger("geopol.training")

# Stanza trainer flags per size. ``small`` is the test-fixture recipe: under
# 15 MB for the four models together, about an hour on one CPU thread.
# ``full`` is stanza's default architecture (still without pretrained vectors).
SIZES: dict[str, dict[str, list[str]]] = {
    "small": {
        "tokenize": ["--emb_dim", "32", "--hidden_dim", "64"],
        "pos": [
            "--hidden_dim", "100", "--char_hidden_dim", "100",
            "--deep_biaff_hidden_dim", "100", "--composite_deep_biaff_hidden_dim", "50",
            "--word_emb_dim", "50", "--char_emb_dim", "50", "--tag_emb_dim", "32",
            "--word_cutoff", "2", "--batch_size", "100",
        ],
        "lemma": ["--hidden_dim", "100", "--emb_dim", "50", "--pos_dim", "50"],
        "depparse": [
            "--hidden_dim", "128", "--num_layers", "2", "--char_hidden_dim", "64",
            "--deep_biaff_hidden_dim", "128", "--deep_biaff_output_dim", "100",
            "--word_emb_dim", "50", "--char_emb_dim", "50", "--tag_emb_dim", "32",
            "--word_cutoff", "2", "--batch_size", "2000",
        ],
    },
    "full": {"tokenize": [], "pos": [], "lemma": [], "depparse": []},
}
"""Architecture flags handed to stanza's trainers, per ``--size``."""

_DEFAULT_STEPS = {"tokenize": 4000, "pos": 700, "lemma": 5, "depparse": 900}
_PARAGRAPH_ID = regex.compile(r"^(?P<par>.+?\.p\.\d+)\.s\.\d+")
_FINAL_PUNCTUATION = regex.compile(r"[.!?…:;][\"'”’»)]*$|[\"”’»]$")


@attrs.frozen(kw_only=True)
class TrainingPlan:
    """What to train from what, and where the result goes.

    Attributes:
        train: CoNLL-U training files (concatenated).
        dev: CoNLL-U dev files: concatenated for checkpoint selection, scored one by one.
        out: the model directory to write (laid out like ``stanza.download``).
        work_dir: where prepared data and intermediate models go.
        lang: the language code of the model directory.
        package: the package name of every model file (``nl/pos/<package>.pt``).
        processors: which processors to train, in pipeline order.
        size: ``small`` or ``full`` (see :data:`SIZES`).
        steps: the step limit per processor (epochs for the lemmatizer).
        threads: CPU threads for torch.
        use_gpu: train on CUDA when present.
        seed: random seed handed to every trainer.
        float16: store the weights of the output models in half precision (half the size).

    .. versionadded:: 0.1.0
    """

    train: tuple[Path, ...]
    dev: tuple[Path, ...]
    out: Path
    work_dir: Path
    lang: str = "nl"
    package: str = "geopol_ud"
    processors: tuple[str, ...] = PROCESSORS
    size: str = "small"
    steps: dict[str, int] = attrs.field(factory=lambda: dict(_DEFAULT_STEPS))
    threads: int = 1
    use_gpu: bool = False
    seed: int = 1234
    float16: bool = True

    @property
    def data_dir(self) -> Path:
        return self.work_dir / "data"

    @property
    def models_dir(self) -> Path:
        return self.work_dir / "models"

    def model_file(self, processor: str) -> Path:
        """Where the trainer saves *processor*'s model."""
        return self.models_dir / processor / f"{self.lang}_{self.package}_{processor}.pt"


# -- CoNLL-U handling ----------------------------------------------------------------


@attrs.frozen
class _Sentence:
    comments: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def comment(self, key: str) -> str | None:
        prefix = f"# {key} ="
        for line in self.comments:
            if line.startswith(prefix):
                return line[len(prefix) :].strip()
        return None

    def text(self) -> str:
        """The sentence text: the ``# text`` comment, else rebuilt from the tokens."""
        given = self.comment("text")
        if given is not None:
            return given
        parts: list[str] = []
        skip_until = 0
        for row in self.rows:
            ident = row[0]
            if "." in ident:
                continue
            if "-" in ident:
                skip_until = int(ident.split("-")[1])
            elif int(ident) <= skip_until:
                continue
            parts.append(row[1])
            if "SpaceAfter=No" not in row[9].split("|"):
                parts.append(" ")
        return "".join(parts).strip()


def _read_conllu(path: Path) -> Iterator[_Sentence]:
    comments: list[str] = []
    rows: list[tuple[str, ...]] = []
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\n")
            if not line.strip():
                if rows:
                    yield _Sentence(tuple(comments), tuple(rows))
                comments, rows = [], []
            elif line.startswith("#"):
                comments.append(line)
            else:
                cols = tuple(line.split("\t"))
                if len(cols) != 10:
                    raise ValueError(
                        f"{path}:{number}: expected 10 tab-separated columns, got {len(cols)}"
                    )
                rows.append(cols)
    if rows:
        yield _Sentence(tuple(comments), tuple(rows))


def _has_xpos(sentences: Sequence[_Sentence]) -> bool:
    """Whether every word has an XPOS tag (a tagger trained on partial XPOS only guesses)."""
    return all(row[4] != "_" for s in sentences for row in s.rows if "-" not in row[0])


def _write_conllu(sentences: Sequence[_Sentence], path: Path, *, drop_xpos: bool) -> None:
    with path.open("w", encoding="utf-8") as out:
        for sentence in sentences:
            for line in sentence.comments:
                if line.startswith(("# sent_id", "# text")):
                    out.write(line + "\n")
            for row in sentence.rows:
                cols = list(row)
                if drop_xpos and "-" not in cols[0]:
                    cols[4] = "_"
                cols[8] = "_"
                out.write("\t".join(cols) + "\n")
            out.write("\n")


def _paragraph_key(sentence: _Sentence) -> str | None:
    match = _PARAGRAPH_ID.match(sentence.comment("sent_id") or "")
    return match["par"] if match else None


def _running_text(sentences: Sequence[_Sentence], *, seed: int = 1234) -> str:
    """Running text for the tokenizer: sentences joined by spaces, paragraphs by a blank line.

    Paragraphs come from sentence ids (``DOC.p.N.s.M``) where consecutive sentences share
    them. Where they almost never do (a shuffled treebank, such as the 2017 LassySmall
    training split, whose neighbours come from different articles), every sentence would
    be a paragraph of its own and the tokenizer would never learn to split sentences
    inside a paragraph; such sentences are grouped into pseudo-paragraphs of 1 to 8
    sentences (seeded), a sentence without final punctuation (a heading) standing alone.
    """
    keys = [_paragraph_key(s) for s in sentences]
    shared = sum(1 for a, b in itertools.pairwise(keys) if a is not None and a == b)
    if len(sentences) > 1 and shared < 0.1 * (len(sentences) - 1):
        return _pseudo_paragraphs(sentences, seed)
    paragraphs: list[list[str]] = []
    previous: str | None = None
    for sentence, key in zip(sentences, keys, strict=True):
        if key is None or key != previous or not paragraphs:
            paragraphs.append([])
        paragraphs[-1].append(sentence.text())
        previous = key
    return "\n\n".join(" ".join(p) for p in paragraphs) + "\n"


def _pseudo_paragraphs(sentences: Sequence[_Sentence], seed: int) -> str:
    rng = random.Random(seed)
    paragraphs: list[list[str]] = []
    current: list[str] = []
    size = rng.randint(1, 8)
    for sentence in sentences:
        text = sentence.text()
        if not _FINAL_PUNCTUATION.search(text):
            if current:
                paragraphs.append(current)
            paragraphs.append([text])
            current, size = [], rng.randint(1, 8)
            continue
        current.append(text)
        if len(current) >= size:
            paragraphs.append(current)
            current, size = [], rng.randint(1, 8)
    if current:
        paragraphs.append(current)
    return "\n\n".join(" ".join(p) for p in paragraphs) + "\n"


def prepare(plan: TrainingPlan) -> dict[str, Path]:
    """Write the cleaned CoNLL-U files and the tokenizer's text and label files."""
    prepare_tokenizer_data = _stanza("stanza.utils.datasets.prepare_tokenizer_data")

    plan.data_dir.mkdir(parents=True, exist_ok=True)
    train = [s for path in plan.train for s in _read_conllu(path)]
    drop_xpos = not _has_xpos(train)
    files: dict[str, Path] = {}
    _write_conllu(train, plan.data_dir / "train.conllu", drop_xpos=drop_xpos)
    files["train"] = plan.data_dir / "train.conllu"
    dev_all: list[_Sentence] = []
    for index, path in enumerate(plan.dev):
        dev = list(_read_conllu(path))
        dev_all.extend(dev)
        target = plan.data_dir / f"dev{index}.conllu"
        _write_conllu(dev, target, drop_xpos=drop_xpos)
        (plan.data_dir / f"dev{index}.txt").write_text(_running_text(dev), encoding="utf-8")
        files[f"dev{index}"] = target
    _write_conllu(dev_all, plan.data_dir / "dev.conllu", drop_xpos=drop_xpos)
    files["dev"] = plan.data_dir / "dev.conllu"
    for split, sentences in (("train", train), ("dev", dev_all)):
        txt = plan.data_dir / f"tokenize.{split}.txt"
        txt.write_text(_running_text(sentences, seed=plan.seed), encoding="utf-8")
        prepare_tokenizer_data.main(
            [
                str(txt),
                str(plan.data_dir / f"{split}.conllu"),
                "-o", str(plan.data_dir / f"tokenize.{split}.labels"),
                "-m", str(plan.data_dir / f"tokenize.{split}.mwt.json"),
            ]
        )
    _LOG.info(
        "prepared %d training and %d dev sentences (xpos %s)",
        len(train), len(dev_all), "dropped" if drop_xpos else "kept",
    )
    return files


# -- training ------------------------------------------------------------------------


def _common(plan: TrainingPlan, processor: str) -> list[str]:
    device = ["--cuda"] if plan.use_gpu else ["--cpu"]
    return [
        "--lang", plan.lang,
        "--shorthand", f"{plan.lang}_{plan.package}",
        "--seed", str(plan.seed),
        "--save_dir", str(plan.models_dir / processor),
        "--save_name", plan.model_file(processor).name,
        *device,
        *SIZES[plan.size][processor],
    ]


def trainer_arguments(plan: TrainingPlan, processor: str) -> list[str]:
    """The command-line arguments handed to stanza's trainer for *processor*."""
    data = plan.data_dir
    steps = str(plan.steps[processor])
    common = _common(plan, processor)
    if processor == "tokenize":
        return [
            "--mode", "train",
            "--txt_file", str(data / "tokenize.train.txt"),
            "--label_file", str(data / "tokenize.train.labels"),
            "--mwt_json_file", str(data / "tokenize.train.mwt.json"),
            "--dev_txt_file", str(data / "tokenize.dev.txt"),
            "--dev_label_file", str(data / "tokenize.dev.labels"),
            "--dev_conll_gold", str(data / "dev.conllu"),
            "--conll_file", str(plan.work_dir / "tokenize.dev.pred.conllu"),
            "--no_use_mwt",
            "--steps", steps, "--eval_steps", "500", "--max_steps_before_stop", "2000",
            *common,
        ]
    if processor == "pos":
        return [
            "--mode", "train",
            "--train_file", str(data / "train.conllu"),
            "--eval_file", str(data / "dev.conllu"),
            "--output_file", str(plan.work_dir / "pos.dev.pred.conllu"),
            "--no_pretrain",
            "--max_steps", steps, "--eval_interval", "100", "--fix_eval_interval",
            "--max_steps_before_stop", "1000",
            *common,
        ]
    if processor == "lemma":
        # the lemmatizer takes no --lang
        args = [
            "--mode", "train",
            "--train_file", str(data / "train.conllu"),
            "--eval_file", str(data / "dev.conllu"),
            "--output_file", str(plan.work_dir / "lemma.dev.pred.conllu"),
            "--num_epoch", steps, "--decay_epoch", str(max(1, plan.steps[processor] // 2)),
            *common,
        ]
        index = args.index("--lang")
        del args[index : index + 2]
        return args
    if processor == "depparse":
        return [
            "--mode", "train",
            "--train_file", str(data / "train.conllu"),
            "--eval_file", str(data / "dev.conllu"),
            "--output_file", str(plan.work_dir / "depparse.dev.pred.conllu"),
            "--no_pretrain",
            "--max_steps", steps, "--eval_interval", "100",
            "--max_steps_before_stop", "1000",
            "--second_optim_start_step", str(plan.steps[processor] * 3 // 5),
            "--no_checkpoint",
            *common,
        ]
    raise ValueError(f"unknown processor {processor!r}; expected one of {', '.join(PROCESSORS)}")


_TRAINERS = {
    "tokenize": "stanza.models.tokenizer",
    "pos": "stanza.models.tagger",
    "lemma": "stanza.models.lemmatizer",
    "depparse": "stanza.models.parser",
}


def _stanza(module: str) -> Any:
    """Import a stanza module. Stanza ships no type information, so its modules are
    imported by name and typed ``Any`` here (no ``type: ignore`` that depends on
    whether stanza is installed where mypy runs)."""
    return importlib.import_module(module)


def train(plan: TrainingPlan, processor: str) -> float:
    """Train one processor with stanza's trainer; returns the seconds it took."""
    args = trainer_arguments(plan, processor)
    _LOG.info("training %s: %s", processor, " ".join(args))
    started = time.monotonic()
    _stanza(_TRAINERS[processor]).main(args)
    elapsed = time.monotonic() - started
    if not plan.model_file(processor).is_file():
        raise RuntimeError(
            f"stanza's {processor} trainer saved no model at {plan.model_file(processor)}"
        )
    _LOG.info("trained %s in %.0f s", processor, elapsed)
    times = plan.work_dir / "train_seconds.json"
    recorded = json.loads(times.read_text(encoding="utf-8")) if times.is_file() else {}
    recorded[processor] = round(elapsed, 1)
    times.write_text(json.dumps(recorded, indent=2) + "\n", encoding="utf-8")
    return elapsed


def _store_float16(path: Path) -> None:
    """Rewrite a stanza model file with its float32 weights stored as float16.

    Halves the file; stanza's loaders copy the weights into float32 parameters
    (``load_state_dict`` casts), so the model computes as before, from weights
    rounded to half precision. The dev scores are measured on the stored files.
    """
    import torch

    checkpoint = torch.load(path, map_location="cpu", weights_only=True)

    def halve(value: object) -> object:
        if isinstance(value, torch.Tensor) and value.dtype == torch.float32:
            return value.half()
        if isinstance(value, dict):
            return {key: halve(item) for key, item in value.items()}
        return value

    checkpoint["model"] = halve(checkpoint.get("model"))
    torch.save(checkpoint, path)


def assemble(plan: TrainingPlan) -> dict[str, int]:
    """Copy the trained models into ``plan.out`` with a ``resources.json``; returns file sizes."""
    sizes: dict[str, int] = {}
    entry: dict[str, object] = {"lang_name": "Dutch" if plan.lang == "nl" else plan.lang}
    defaults: dict[str, str] = {}
    for processor in plan.processors:
        target = plan.out / plan.lang / processor / f"{plan.package}.pt"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(plan.model_file(processor), target)
        if plan.float16:
            _store_float16(target)
        sizes[processor] = target.stat().st_size
        entry[processor] = {plan.package: {}}
        defaults[processor] = plan.package
    entry["default_processors"] = defaults
    entry["packages"] = {"default": dict(defaults)}
    resources = plan.out / "resources.json"
    existing: dict[str, object] = {}
    if resources.is_file():
        existing = json.loads(resources.read_text(encoding="utf-8"))
    existing[plan.lang] = entry
    resources.write_text(json.dumps(existing, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return sizes


# -- evaluation ----------------------------------------------------------------------


def _scores(gold: Path, predicted: str, metrics: Sequence[str]) -> dict[str, float]:
    ud_scores = _stanza("stanza.models.common.utils").ud_scores
    system = gold.with_suffix(".system.conllu")
    system.write_text(predicted, encoding="utf-8")
    evaluation = ud_scores(str(gold), str(system))
    system.unlink()
    return {m: round(100 * float(evaluation[m].f1), 2) for m in metrics}


def _conllu(doc: Any) -> str:
    return format(doc, "C") + "\n\n"  # stanza's Document formats itself as CoNLL-U with "C"


def evaluate(plan: TrainingPlan) -> dict[str, dict[str, dict[str, float]]]:
    """Score each processor on each dev file; returns ``{dev file: {processor: {metric: F1}}}``."""
    stanza = _stanza("stanza")
    conll = _stanza("stanza.utils.conll").CoNLL

    kwargs: dict[str, object] = {
        "lang": plan.lang,
        "dir": str(plan.out),
        "processors": ",".join(plan.processors),
        "download_method": None,
        "use_gpu": plan.use_gpu,
        "logging_level": "WARN",
    }
    pipeline = stanza.Pipeline(**kwargs)
    results: dict[str, dict[str, dict[str, float]]] = {}
    for index, source in enumerate(plan.dev):
        gold = plan.data_dir / f"dev{index}.conllu"
        text = (plan.data_dir / f"dev{index}.txt").read_text(encoding="utf-8")
        found: dict[str, dict[str, float]] = {}

        def on_gold(processor: str, gold: Path = gold) -> str:
            doc = conll.conll2doc(input_file=str(gold))
            return _conllu(pipeline.processors[processor].process(doc))

        if "tokenize" in plan.processors:
            doc = pipeline(text, processors="tokenize")
            found["tokenize"] = _scores(gold, _conllu(doc), ("Tokens", "Sentences", "Words"))
        if "pos" in plan.processors:
            found["pos"] = _scores(gold, on_gold("pos"), ("UPOS", "UFeats"))
        if "lemma" in plan.processors:
            found["lemma"] = _scores(gold, on_gold("lemma"), ("Lemmas",))
        if "depparse" in plan.processors:
            found["depparse"] = _scores(gold, on_gold("depparse"), ("UAS", "LAS"))
        if set(PROCESSORS) <= set(plan.processors):
            started = time.monotonic()
            doc = pipeline(text)
            elapsed = time.monotonic() - started
            full = _scores(
                gold, _conllu(doc), ("Tokens", "Sentences", "UPOS", "Lemmas", "UAS", "LAS")
            )
            full["tokens_per_second"] = round(doc.num_tokens / elapsed, 1)
            found["pipeline"] = full
        results[source.name] = found
        _LOG.info("%s: %s", source.name, json.dumps(found))
    return results


# -- command line --------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``geopol models train``."""
    parser = argparse.ArgumentParser(
        prog="geopol models train",
        description=(
            "Train a stanza pipeline (tokenize, pos, lemma, depparse) from CoNLL-U treebanks with "
            "stanza's own training code, offline, and write it as a model directory that "
            "`geopol analyze --analyser stanza --model-dir DIR` loads."
        ),
    )
    parser.add_argument("--train", action="append", required=True, type=Path, metavar="CONLLU",
                        help="training treebank (repeat for several files)")
    parser.add_argument("--dev", action="append", required=True, type=Path, metavar="CONLLU",
                        help="dev treebank for checkpoint selection and scores (repeatable)")
    parser.add_argument("--out", required=True, type=Path, metavar="DIR",
                        help="model directory to write")
    parser.add_argument("--work-dir", type=Path, metavar="DIR",
                        help="prepared data and intermediate models (default: OUT.work)")
    parser.add_argument("--lang", default="nl", help="language code (default: nl)")
    parser.add_argument("--package", default="geopol_ud", help="package name of the model files")
    parser.add_argument("--processors", default=",".join(PROCESSORS),
                        help="comma-separated processors to train (default: all four)")
    parser.add_argument("--size", choices=sorted(SIZES), default="small",
                        help="model size: small (<= 15 MB together, default) or full")
    for processor, default in _DEFAULT_STEPS.items():
        unit = "epochs" if processor == "lemma" else "steps"
        parser.add_argument(f"--{processor}-steps", type=int, default=default, metavar="N",
                            help=f"at most N {unit} for {processor} (default: {default})")
    parser.add_argument("--threads", type=int, default=1, help="CPU threads for torch (default: 1)")
    parser.add_argument("--gpu", action="store_true", help="train on CUDA (must be present)")
    parser.add_argument("--seed", type=int, default=1234)
    parser.add_argument("--float32", action="store_true",
                        help="store the output models in float32 (default: float16, half the size)")
    parser.add_argument("--skip-training", action="store_true",
                        help="only assemble and score models already in the work directory")
    parser.add_argument("--no-evaluate", action="store_true",
                        help="skip the scores on the dev files")
    return parser


def _plan(options: argparse.Namespace) -> TrainingPlan:
    processors = tuple(p.strip() for p in options.processors.split(",") if p.strip())
    unknown = sorted(set(processors) - set(PROCESSORS))
    if unknown:
        raise SystemExit(
            f"unknown processor(s) {', '.join(unknown)}; expected some of {', '.join(PROCESSORS)}"
        )
    for path in (*options.train, *options.dev):
        if not path.is_file():
            raise SystemExit(f"{path}: no such CoNLL-U file")
    out: Path = options.out
    return TrainingPlan(
        train=tuple(options.train),
        dev=tuple(options.dev),
        out=out,
        work_dir=options.work_dir or out.with_name(out.name + ".work"),
        lang=options.lang,
        package=options.package,
        processors=tuple(p for p in PROCESSORS if p in processors),
        size=options.size,
        steps={p: getattr(options, f"{p}_steps") for p in PROCESSORS},
        threads=options.threads,
        use_gpu=options.gpu,
        seed=options.seed,
        float16=not options.float32,
    )


def _limit_threads(threads: int) -> None:
    # Must run before torch is imported to bind OpenMP/MKL pools.
    for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[name] = str(threads)
    import torch

    torch.set_num_threads(threads)
    with contextlib.suppress(RuntimeError):  # only settable once per process
        torch.set_num_interop_threads(threads)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``geopol models train``; returns the process exit status.

    Example (the command that built ``tests/fixtures/stanza-nl``)::

        python -m geopol.nlp.training --train nl-ud2017-train.conllu \\
            --dev nl_alpino-ud-dev.conllu --dev nl_lassysmall-ud-dev.conllu \\
            --out tests/fixtures/stanza-nl --work-dir /tmp/stanza-train/work
    """
    options = build_parser().parse_args(argv)
    plan = _plan(options)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    _limit_threads(plan.threads)
    stanza = _stanza("stanza")
    import torch

    if plan.use_gpu and not torch.cuda.is_available():
        raise SystemExit("--gpu given but torch sees no CUDA device")
    plan.out.mkdir(parents=True, exist_ok=True)
    record: dict[str, object] = {
        "command": "python -m geopol.nlp.training "
        + " ".join(sys.argv[1:] if argv is None else argv),
        "stanza": stanza.__version__,
        "torch": torch.__version__,
        "python": platform.python_version(),
        "threads": plan.threads,
        "device": "cuda" if plan.use_gpu else "cpu",
        "size": plan.size,
        "steps": plan.steps,
        "flags": {p: trainer_arguments(plan, p) for p in plan.processors},
    }
    started = time.monotonic()
    prepare(plan)
    if not options.skip_training:
        for processor in plan.processors:
            train(plan, processor)
    times = plan.work_dir / "train_seconds.json"
    record["train_seconds"] = (
        json.loads(times.read_text(encoding="utf-8")) if times.is_file() else {}
    )
    record["bytes"] = assemble(plan)
    if not options.no_evaluate:
        scores = evaluate(plan)
        (plan.out / "scores.json").write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
    record["total_seconds"] = round(time.monotonic() - started, 1)
    (plan.out / "training.json").write_text(
        json.dumps(record, indent=2, default=str) + "\n", encoding="utf-8"
    )
    _LOG.info("wrote %s (%s)", plan.out, json.dumps(record["bytes"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

