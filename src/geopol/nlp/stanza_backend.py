"""The stanza analyser: geopol's :class:`~geopol.nlp.Analyser` on a ``stanza.Pipeline``.

This is the only module that imports stanza, and it does so lazily: importing
geopol imports neither stanza nor torch. Stanza's documents are converted to
geopol's model here, at the boundary: every token's offsets are checked
against the document text, heads become 0-based indices (``-1`` for the
root).

Three ways to get an analyser:

* :meth:`StanzaAnalyser.from_model_dir`: a local model directory as
  ``stanza.download("nl", model_dir=...)`` leaves it (an official download
  works as is), or as ``geopol models train`` writes it;
* :meth:`StanzaAnalyser.from_paths`: explicit model files;
* ``StanzaAnalyser(pipeline)``: a ``stanza.Pipeline`` the caller built.

None of them touches the network: the pipeline is always built with
``download_method=None``. Only :func:`download`, behind the explicit
``geopol models download`` command, fetches anything.

A model directory looks like this::

    DIR/resources.json            stanza's index of the models
    DIR/nl/tokenize/<package>.pt
    DIR/nl/pos/<package>.pt
    DIR/nl/lemma/<package>.pt
    DIR/nl/depparse/<package>.pt
    DIR/nl/pretrain/<package>.pt  (dependencies of official models: word vectors,
    DIR/nl/forward_charlm/...      character language models)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, TypeAlias

import attrs

from geopol.errors import AnnotationError, ModelNotFoundError
from geopol.model import Document, Sentence, Span, Token

__all__ = ["DEFAULT_PROCESSORS", "DownloadPlan", "StanzaAnalyser", "download", "download_plan"]

DEFAULT_PROCESSORS: tuple[str, ...] = ("tokenize", "pos", "lemma", "depparse")
"""What :meth:`StanzaAnalyser.from_model_dir` loads unless told otherwise."""

_KNOWN_PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
_DEPENDENCY_OPTIONS = {
    "pretrain": "pretrain_path",
    "forward_charlm": "forward_charlm_path",
    "backward_charlm": "backward_charlm_path",
}

PathLike: TypeAlias = "str | os.PathLike[str]"
"""A file-system path as geopol accepts it."""


# -- construction recipes (what a worker process needs to rebuild the analyser) --------


@attrs.frozen(kw_only=True)
class _Recipe:
    lang: str
    model_dir: str | None
    options: tuple[tuple[str, object], ...]
    use_gpu: bool
    batch_size: int

    def build(self) -> StanzaAnalyser:
        pipeline = _make_pipeline(
            lang=self.lang,
            model_dir=self.model_dir,
            options=dict(self.options),
            use_gpu=self.use_gpu,
        )
        return StanzaAnalyser(pipeline, batch_size=self.batch_size, _recipe=self)


def _rebuild(recipe: _Recipe) -> StanzaAnalyser:
    return recipe.build()


def _import_stanza() -> Any:
    return _stanza("stanza")


def _stanza(module: str) -> Any:
    """Import a stanza module. Stanza ships no type information: its modules are imported
    by name and typed ``Any`` here, the one place geopol touches them."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        if error.name is not None and error.name.split(".")[0] != "stanza":
            raise
        raise ModuleNotFoundError(
            "the stanza analyser needs the stanza package: pip install 'geopol[stanza]'",
            name="stanza",
        ) from error


def _make_pipeline(
    *, lang: str, model_dir: str | None, options: Mapping[str, object], use_gpu: bool
) -> Any:
    stanza = _import_stanza()
    if use_gpu:
        import torch

        if not torch.cuda.is_available():
            raise RuntimeError(
                "use_gpu=True but torch sees no CUDA device; leave use_gpu off to run on the CPU"
            )
    kwargs: dict[str, object] = {
        "lang": lang,
        # never fetch anything: geopol does not touch the network by itself
        "download_method": None,
        "use_gpu": use_gpu,
        "logging_level": "ERROR",  # stanza warns of "unsupported language" for explicit paths
        **options,
    }
    if model_dir is not None:
        return stanza.Pipeline(dir=model_dir, **kwargs)
    # Explicit model paths: stanza still reads a resources.json from its model directory
    # (by default ~/stanza_resources); hand it an empty one so nothing outside is read.
    with tempfile.TemporaryDirectory(prefix="geopol-stanza-") as empty:
        Path(empty, "resources.json").write_text("{}", encoding="utf-8")
        return stanza.Pipeline(dir=empty, **kwargs)


# -- model directories -----------------------------------------------------------------


def _read_resources(model_dir: Path) -> dict[str, Any]:
    path = model_dir / "resources.json"
    if not path.is_file():
        raise ModelNotFoundError(
            f"{model_dir}: not a stanza model directory: resources.json is missing "
            f"(train one with `geopol models train`, or fetch one with `geopol models download`)"
        )
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelNotFoundError(f"{path}: unreadable resources.json ({error})") from error
    if not isinstance(loaded, dict):
        raise ModelNotFoundError(f"{path}: resources.json must hold a JSON object")
    return loaded


def _language_entry(resources: Mapping[str, Any], lang: str) -> Mapping[str, Any] | None:
    entry = resources.get(lang)
    seen = {lang}
    while isinstance(entry, Mapping) and "alias" in entry:
        alias = str(entry["alias"])
        if alias in seen:
            return None
        seen.add(alias)
        entry = resources.get(alias)
    return entry if isinstance(entry, Mapping) else None


def _package_for(entry: Mapping[str, Any] | None, processor: str, lang_dir: Path) -> str | None:
    """The package stanza would load for *processor*: the resources' default, else the
    only model file in the processor's folder."""
    if entry is not None:
        packages = entry.get("packages", {}).get("default", {})
        if isinstance(packages, Mapping) and isinstance(packages.get(processor), str):
            return str(packages[processor])
        defaults = entry.get("default_processors", {})
        if isinstance(defaults, Mapping) and isinstance(defaults.get(processor), str):
            return str(defaults[processor])
    folder = lang_dir / processor
    found = sorted(folder.glob("*.pt")) if folder.is_dir() else []
    if len(found) == 1:
        return found[0].stem
    return None


def _resolve_model_dir(
    model_dir: Path, lang: str, processors: Sequence[str]
) -> dict[str, object]:
    """Explicit ``<processor>_model_path`` (and dependency) options for every processor,
    after checking that each file is present; raises one error naming all that is missing."""
    if not model_dir.is_dir():
        raise ModelNotFoundError(f"{model_dir}: stanza model directory does not exist")
    resources = _read_resources(model_dir)
    entry = _language_entry(resources, lang)
    lang_dir = model_dir / lang
    options: dict[str, object] = {}
    missing: list[str] = []
    for processor in processors:
        package = _package_for(entry, processor, lang_dir)
        if package is None:
            folder = lang_dir / processor
            count = len(list(folder.glob("*.pt"))) if folder.is_dir() else 0
            why = (
                "no model file"
                if count == 0
                else f"{count} model files and no default in resources.json"
            )
            missing.append(f"{processor} ({folder}: {why})")
            continue
        if package == "identity" and processor == "lemma":
            options["lemma_use_identity"] = True
            continue
        model = lang_dir / processor / f"{package}.pt"
        if not model.is_file():
            missing.append(f"{processor} ({model})")
        options[f"{processor}_model_path"] = str(model)
        spec = entry.get(processor, {}).get(package, {}) if entry is not None else {}
        for dependency in spec.get("dependencies", []) if isinstance(spec, Mapping) else []:
            kind, name = str(dependency.get("model")), str(dependency.get("package"))
            path = lang_dir / kind / f"{name}.pt"
            if not path.is_file():
                missing.append(f"{processor} needs {kind} ({path})")
            option = _DEPENDENCY_OPTIONS.get(kind)
            if option is not None:
                options[f"{processor}_{option}"] = str(path)
    if missing:
        raise ModelNotFoundError(
            f"{model_dir}: stanza models missing for language {lang!r}: {'; '.join(missing)}"
        )
    return options


# -- conversion --------------------------------------------------------------------------


def _check_span(doc: Document, start: int, end: int, surface: str) -> Span:
    if not 0 <= start <= end <= len(doc.text):
        raise AnnotationError(
            f"document {doc.id!r}: stanza token {surface!r} has offsets {start}..{end} "
            f"outside the text (length {len(doc.text)})"
        )
    found = doc.text[start:end]
    if found != surface and "".join(found.split()) != "".join(surface.split()):
        raise AnnotationError(
            f"document {doc.id!r}: stanza token at {start}..{end} reads {surface!r} "
            f"but the text there is {found!r}"
        )
    return Span(start, end)


def _convert_sentence(doc: Document, sentence: Any, *, has_heads: bool) -> Sentence:
    tokens: list[Token] = []
    for token in sentence.tokens:
        span = _check_span(doc, int(token.start_char), int(token.end_char), str(token.text))
        ner = getattr(token, "ner", None)
        for word in token.words:
            head = word.head if has_heads else None
            tokens.append(
                Token(
                    span=span,  # the words of a multiword token share its span
                    lemma=word.lemma,
                    upos=word.upos,
                    feats=word.feats,
                    head=None if head is None else int(head) - 1,
                    deprel=word.deprel if has_heads else None,
                    ner=ner,
                )
            )
    if not tokens:
        raise AnnotationError(f"document {doc.id!r}: stanza returned an empty sentence")
    return Sentence(span=Span(tokens[0].span.start, tokens[-1].span.end), tokens=tokens)


def _convert(doc: Document, stanza_doc: Any, *, has_heads: bool) -> tuple[Sentence, ...]:
    return tuple(_convert_sentence(doc, s, has_heads=has_heads) for s in stanza_doc.sentences)


# -- the analyser ------------------------------------------------------------------------


class StanzaAnalyser:
    """Sentences, tokens, lemmas, tags, features and dependencies from a stanza pipeline.

    Args:
        pipeline: a ``stanza.Pipeline`` with at least a tokenizer. geopol uses
            it as it is: it is the caller's business how it was built.
        batch_size: documents handed to stanza at once by :meth:`analyse_many`.

    A Dutch example (needs a model directory; see ``docs/parsers.rst``)::

        analyser = StanzaAnalyser.from_model_dir("models/stanza-nl")
        for sentences in analyser.analyse_many(geopol.load("corpus/")):
            ...

    .. versionadded:: 0.1.0
    """

    name = "stanza"

    def __init__(
        self, pipeline: object, *, batch_size: int = 32, _recipe: _Recipe | None = None
    ) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, got {batch_size}")
        processors = getattr(pipeline, "processors", None)
        if not isinstance(processors, Mapping) or "tokenize" not in processors:
            raise TypeError(
                "pipeline must be a stanza.Pipeline with a tokenize processor, "
                f"got {type(pipeline).__name__}"
            )
        self._pipeline: Any = pipeline
        self._batch_size = batch_size
        self._recipe = _recipe
        self._has_heads = "depparse" in processors

    @classmethod
    def from_model_dir(
        cls,
        model_dir: PathLike,
        *,
        lang: str = "nl",
        processors: Sequence[str] = DEFAULT_PROCESSORS,
        use_gpu: bool = False,
        batch_size: int = 32,
    ) -> StanzaAnalyser:
        """Load the models of a local model directory, offline.

        Args:
            model_dir: laid out as ``stanza.download(lang, model_dir=...)`` or
                ``geopol models train`` leaves it (a ``resources.json`` and
                ``<lang>/<processor>/<package>.pt``).
            lang: the language folder to load.
            processors: which processors to run; ``tokenize`` is required.
            use_gpu: run on CUDA; an error when no GPU is present.
            batch_size: documents per stanza call in :meth:`analyse_many`.

        Raises:
            ModelNotFoundError: the directory, its ``resources.json`` or a model
                file is missing (the message names every missing file).
            ModuleNotFoundError: stanza is not installed.
        """
        chosen = _check_processors(processors)
        directory = Path(model_dir)
        options = _resolve_model_dir(directory, lang, chosen)
        options["processors"] = ",".join(chosen)
        options["allow_unknown_language"] = True
        recipe = _Recipe(
            lang=lang,
            model_dir=str(directory),
            options=tuple(sorted(options.items())),
            use_gpu=use_gpu,
            batch_size=batch_size,
        )
        return recipe.build()

    @classmethod
    def from_paths(
        cls,
        *,
        tokenize: PathLike,
        pos: PathLike | None = None,
        lemma: PathLike | None = None,
        depparse: PathLike | None = None,
        ner: PathLike | None = None,
        pretrain: PathLike | None = None,
        lang: str = "nl",
        use_gpu: bool = False,
        batch_size: int = 32,
    ) -> StanzaAnalyser:
        """Load explicit model files, offline.

        Args:
            tokenize, pos, lemma, depparse, ner: model files (``.pt``); only
                the tokenizer is required; the others are loaded when given.
            pretrain: the word-vector file the POS, depparse and NER models were
                trained with, when they were (official models are; geopol's
                small test model is not).
            lang: the language code handed to stanza.
            use_gpu: run on CUDA; an error when no GPU is present.
            batch_size: documents per stanza call in :meth:`analyse_many`.

        Raises:
            ModelNotFoundError: a given file does not exist.
        """
        given = {"tokenize": tokenize, "pos": pos, "lemma": lemma, "depparse": depparse, "ner": ner}
        paths = {name: Path(p) for name, p in given.items() if p is not None}
        if pretrain is not None:
            paths["pretrain"] = Path(pretrain)
        missing = [f"{name} ({path})" for name, path in paths.items() if not path.is_file()]
        if missing:
            raise ModelNotFoundError(f"stanza model files missing: {'; '.join(missing)}")
        chosen = _check_processors([p for p in _KNOWN_PROCESSORS if p in paths])
        options: dict[str, object] = {f"{p}_model_path": str(paths[p]) for p in chosen}
        if pretrain is not None:
            for processor in ("pos", "depparse", "ner"):
                if processor in paths:
                    options[f"{processor}_pretrain_path"] = str(paths["pretrain"])
        options["processors"] = ",".join(chosen)
        options["allow_unknown_language"] = True
        recipe = _Recipe(
            lang=lang, model_dir=None, options=tuple(sorted(options.items())),
            use_gpu=use_gpu, batch_size=batch_size,
        )
        return recipe.build()

    @property
    def pipeline(self) -> Any:
        """The wrapped ``stanza.Pipeline``."""
        return self._pipeline

    @property
    def batch_size(self) -> int:
        """Documents per stanza call in :meth:`analyse_many`."""
        return self._batch_size

    def analyse(self, doc: Document) -> tuple[Sentence, ...]:
        """Sentences of *doc*, every token's span checked against ``doc.text``.

        Raises:
            AnnotationError: stanza's offsets do not match the text.
        """
        if not doc.text.strip():
            return ()
        return _convert(doc, self._pipeline(doc.text), has_heads=self._has_heads)

    def analyse_many(self, docs: Iterable[Document]) -> Iterator[tuple[Sentence, ...]]:
        """Sentences of each document, in order, *batch_size* documents per stanza call.

        Stanza is much faster on a list of documents than on one at a time
        (``Pipeline.bulk_process`` batches sentences across documents).
        """
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= self._batch_size:
                yield from self._analyse_batch(batch)
                batch = []
        if batch:
            yield from self._analyse_batch(batch)

    def _analyse_batch(self, batch: Sequence[Document]) -> Iterator[tuple[Sentence, ...]]:
        texts = [doc for doc in batch if doc.text.strip()]
        processed = iter(self._pipeline.bulk_process([doc.text for doc in texts]) if texts else ())
        for doc in batch:
            if doc.text.strip():
                yield _convert(doc, next(processed), has_heads=self._has_heads)
            else:
                yield ()

    def __reduce__(self) -> tuple[object, ...]:
        # Worker processes rebuild the pipeline from the recipe instead of pickling torch modules.
        if self._recipe is None:
            raise TypeError(
                "a StanzaAnalyser wrapping a caller-built stanza.Pipeline cannot be sent to worker "
                "processes; build it with StanzaAnalyser.from_model_dir or from_paths instead"
            )
        return (_rebuild, (self._recipe,))

    def __repr__(self) -> str:
        processors = ",".join(p for p in _KNOWN_PROCESSORS if p in self._pipeline.processors)
        return f"StanzaAnalyser(processors={processors!r}, batch_size={self._batch_size})"


def _check_processors(processors: Sequence[str]) -> tuple[str, ...]:
    chosen = tuple(p for p in _KNOWN_PROCESSORS if p in processors)
    unknown = sorted(set(processors) - set(_KNOWN_PROCESSORS))
    if unknown:
        raise ValueError(
            f"unknown stanza processor(s) {', '.join(unknown)}; "
            f"expected some of {', '.join(_KNOWN_PROCESSORS)}"
        )
    if "tokenize" not in chosen:
        raise ValueError(f"processors must include tokenize, got {', '.join(processors) or 'none'}")
    return chosen


# -- explicit download -----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class DownloadPlan:
    """What :func:`download` fetches: one model file per row, dependencies included.

    .. versionadded:: 0.1.0
    """

    lang: str
    model_dir: Path
    files: tuple[tuple[str, str], ...]
    """``(kind, package)`` pairs: the file ``<model_dir>/<lang>/<kind>/<package>.pt``."""
    urls: tuple[str, ...] = ()
    """Where each file is fetched from, in the order of :attr:`files`."""
    sizes: tuple[int | None, ...] = ()
    """Each file's size in bytes, where the model host says (``None`` where it does not)."""

    @property
    def total_bytes(self) -> int:
        """The sizes added up (files of unknown size count 0)."""
        return sum(size or 0 for size in self.sizes)


def download_plan(
    model_dir: PathLike, *, lang: str = "nl", processors: Sequence[str] = DEFAULT_PROCESSORS
) -> DownloadPlan:
    """The model files stanza's index in ``<model_dir>/resources.json`` lists for *processors*.

    Reads only the local ``resources.json`` (fetching it is itself a download,
    done by :func:`download`); the plan has no URLs or sizes.

    Raises:
        ModelNotFoundError: no ``resources.json``, or no entry for *lang* in it.
    """
    directory = Path(model_dir)
    entry = _language_entry(_read_resources(directory), lang)
    if entry is None:
        raise ModelNotFoundError(f"{directory / 'resources.json'}: no entry for language {lang!r}")
    files: list[tuple[str, str]] = []
    for processor in _check_processors(processors):
        package = _package_for(entry, processor, directory / lang)
        if package is None:
            continue
        files.append((processor, package))
        spec = entry.get(processor, {}).get(package, {})
        for dependency in spec.get("dependencies", []) if isinstance(spec, Mapping) else []:
            pair = (str(dependency.get("model")), str(dependency.get("package")))
            if pair not in files:
                files.append(pair)
    return DownloadPlan(lang=lang, model_dir=directory, files=tuple(files))


def _remote_size(url: str) -> int | None:
    requests = importlib.import_module("requests")  # a dependency of stanza
    try:
        response = requests.head(url, allow_redirects=True, timeout=30)
        length = response.headers.get("Content-Length")
        return int(length) if response.ok and length else None
    except (OSError, ValueError, requests.RequestException):
        return None


def download(
    model_dir: PathLike,
    *,
    lang: str = "nl",
    processors: Sequence[str] = DEFAULT_PROCESSORS,
    dry_run: bool = False,
    out: IO[str] | None = None,
) -> DownloadPlan:
    """Fetch stanza's official models for *lang* into *model_dir*.

    This is the only code in geopol that uses the network, and only the explicit
    ``geopol models download`` command calls it. It fetches stanza's model index
    (``resources.json``, a few hundred kB), prints every model file it will
    fetch with its size (asked of the model host), and then fetches them,
    unless *dry_run*. Files already present with the right checksum are kept.
    The directory can then be copied to an offline machine and loaded with
    :meth:`StanzaAnalyser.from_model_dir`.

    Args:
        model_dir: where to put the models (created if needed).
        lang: the language to fetch.
        processors: which processors' models to fetch (their dependencies too).
        dry_run: fetch only the index and print the plan.
        out: where to print (standard error by default).

    Returns:
        The plan, with URLs and sizes.

    .. versionadded:: 0.1.0
    """
    stanza = _import_stanza()
    common = _stanza("stanza.resources.common")
    chosen = _check_processors(processors)
    directory = Path(model_dir)
    directory.mkdir(parents=True, exist_ok=True)
    stream = out if out is not None else sys.stderr
    print(f"fetching stanza's model index: {directory / 'resources.json'}", file=stream)
    try:
        common.download_resources_json(str(directory))
    except OSError as error:  # requests' errors are OSErrors
        raise ModelNotFoundError(
            f"{directory}: could not fetch stanza's model index ({error}); on a machine "
            "without network access, copy a model directory from one that has it"
        ) from error
    plan = download_plan(directory, lang=lang, processors=chosen)
    resources = _read_resources(directory)
    base = str(common.expand_model_url(resources, common.DEFAULT_MODEL_URL))
    urls = tuple(
        base.format(
            resources_version=common.DEFAULT_RESOURCES_VERSION,
            lang=lang,
            filename=f"{kind}/{package}.pt",
        )
        for kind, package in plan.files
    )
    plan = attrs.evolve(plan, urls=urls, sizes=tuple(_remote_size(url) for url in urls))
    for (kind, package), size in zip(plan.files, plan.sizes, strict=True):
        shown = "size unknown" if size is None else f"{size / 1e6:,.1f} MB"
        print(f"  {lang}/{kind}/{package}.pt  {shown}", file=stream)
    print(
        f"{len(plan.files)} files, {plan.total_bytes / 1e6:,.0f} MB in all"
        + (" (dry run: nothing fetched)" if dry_run else ""),
        file=stream,
    )
    if not dry_run:
        try:
            stanza.download(
                lang,
                model_dir=str(directory),
                package=None,
                # only processors the index has a model for (Dutch has no mwt model, say)
                processors={kind: package for kind, package in plan.files if kind in chosen},
                download_json=False,
            )
        except OSError as error:
            raise ModelNotFoundError(
                f"{directory}: fetching stanza's models failed ({error}); run the command "
                "again to resume (files already fetched are kept)"
            ) from error
    return plan
