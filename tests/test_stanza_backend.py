"""The stanza analyser on the small Dutch test model in tests/fixtures/stanza-nl, offline.

Skipped when stanza is not installed. The model is loaded once for the module
with the network refused: any connection attempt, and any of stanza's download
functions, raises.
"""

from __future__ import annotations

import importlib
import io
import json
import pickle
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

stanza = pytest.importorskip("stanza")

import geopol  # noqa: E402
from geopol.errors import AnnotationError, ModelNotFoundError  # noqa: E402
from geopol.model import Analysis, Document, Sentence  # noqa: E402
from geopol.nlp import Analyser  # noqa: E402
from geopol.nlp.stanza_backend import StanzaAnalyser  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
MODEL_DIR = ROOT / "tests" / "fixtures" / "stanza-nl"
SEED = ROOT / "seeds" / "000_5445485583bac3ad.txt"
UPOS = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART",
    "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
}


class NetworkRefused(OSError):
    """Raised by the offline guard instead of connecting."""


def _refuse(*args: object, **kwargs: object) -> Any:
    raise NetworkRefused("network access attempted in an offline test")


@pytest.fixture(scope="module")
def pipeline_kwargs() -> dict[str, Any]:
    """Filled with the keyword arguments geopol hands to stanza.Pipeline."""
    return {}


@pytest.fixture(scope="module")
def offline(pipeline_kwargs: dict[str, Any]) -> Iterator[None]:
    real_pipeline = stanza.Pipeline

    def recording_pipeline(**kwargs: Any) -> Any:
        pipeline_kwargs.clear()
        pipeline_kwargs.update(kwargs)
        return real_pipeline(**kwargs)

    common = importlib.import_module("stanza.resources.common")
    core = importlib.import_module("stanza.pipeline.core")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", _refuse)
        patch.setattr(socket.socket, "connect_ex", _refuse)
        patch.setattr(socket, "create_connection", _refuse)
        patch.setattr(socket, "getaddrinfo", _refuse)
        for module in (common, core):
            for name in ("download_resources_json", "download_models", "request_file", "download"):
                if hasattr(module, name):
                    patch.setattr(module, name, _refuse)
        patch.setattr(stanza, "Pipeline", recording_pipeline)
        yield


@pytest.fixture(scope="module")
def analyser(offline: None) -> StanzaAnalyser:
    return StanzaAnalyser.from_model_dir(MODEL_DIR, batch_size=2)


@pytest.fixture(scope="module")
def seed() -> Document:
    return next(geopol.load(SEED))


@pytest.fixture(scope="module")
def seed_sentences(analyser: StanzaAnalyser, seed: Document) -> tuple[Sentence, ...]:
    return analyser.analyse(seed)


# -- loading, offline --------------------------------------------------------------------


def test_importing_geopol_and_the_backend_imports_neither_stanza_nor_torch() -> None:
    code = (
        "import sys, geopol, geopol.nlp.stanza_backend, geopol.nlp.training, geopol.nlp.conllu; "
        "print(sorted(m for m in ('stanza', 'torch') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )

    assert "[]" == result.stdout.strip()


def test_the_offline_guard_refuses_connections(offline: None) -> None:
    with pytest.raises(NetworkRefused):
        socket.create_connection(("127.0.0.1", 9), timeout=1)


def test_the_fixture_model_loads_with_downloads_switched_off(
    analyser: StanzaAnalyser, pipeline_kwargs: dict[str, Any]
) -> None:
    assert pipeline_kwargs["download_method"] is None
    assert str(MODEL_DIR) == pipeline_kwargs["dir"]
    assert {"tokenize", "pos", "lemma", "depparse"} <= set(analyser.pipeline.processors)


def test_the_fixture_stays_small_enough_to_commit() -> None:
    size = sum(path.stat().st_size for path in MODEL_DIR.rglob("*.pt"))

    assert size <= 15_000_000


def test_the_analyser_satisfies_the_protocol_under_the_name_stanza(
    analyser: StanzaAnalyser,
) -> None:
    assert isinstance(analyser, Analyser)
    assert "stanza" == analyser.name


# -- what comes out ----------------------------------------------------------------------


def test_the_token_spans_cover_every_visible_character_of_the_seed_once(
    seed: Document, seed_sentences: tuple[Sentence, ...]
) -> None:
    texts = [seed.text_of(t.span) for s in seed_sentences for t in s.tokens]

    assert len(texts) > 300
    assert all(text and text == text.strip() for text in texts)
    assert "".join(seed.text.split()) == "".join(texts)


def test_tokens_and_sentences_are_in_text_order_without_overlap(
    seed_sentences: tuple[Sentence, ...],
) -> None:
    previous_end = 0
    for sentence in seed_sentences:
        assert previous_end <= sentence.span.start
        token_end = sentence.span.start
        for token in sentence.tokens:
            assert token_end <= token.span.start and sentence.span.contains(token.span)
            token_end = token.span.end
        assert token_end == sentence.span.end
        previous_end = sentence.span.end


def test_every_sentence_is_a_tree_with_one_root(seed_sentences: tuple[Sentence, ...]) -> None:
    for sentence in seed_sentences:
        heads = [t.head for t in sentence.tokens]
        assert sentence.has_parse
        assert 1 == heads.count(-1)
        for index in range(len(heads)):
            steps, node = 0, index
            while node != -1:
                head = heads[node]
                assert head is not None and head != node and -1 <= head < len(heads)
                node, steps = head, steps + 1
                assert steps <= len(heads), "cycle in the dependency tree"


def test_every_token_has_a_lemma_a_ud_tag_and_a_relation(
    seed_sentences: tuple[Sentence, ...],
) -> None:
    for token in (t for s in seed_sentences for t in s.tokens):
        assert token.lemma
        assert token.upos in UPOS
        assert token.deprel
        assert (token.head == -1) == (token.deprel == "root")


def test_a_plain_dutch_sentence_is_split_into_its_words(analyser: StanzaAnalyser) -> None:
    doc = Document(id="d", text="Lavrov zegt dat Rusland geen oorlog wil.")

    (sentence,) = analyser.analyse(doc)

    assert ["Lavrov", "zegt", "dat", "Rusland", "geen", "oorlog", "wil", "."] == [
        doc.text_of(t.span) for t in sentence.tokens
    ]
    assert "PUNCT" == sentence.tokens[-1].upos


def test_two_paragraphs_give_at_least_two_sentences(analyser: StanzaAnalyser) -> None:
    text = "Lavrov sprak in Stockholm met Blinken.\n\nBijna 100.000 Russen staan aan de grens."
    doc = Document(id="d", text=text)

    sentences = analyser.analyse(doc)

    assert len(sentences) >= 2
    assert "Bijna" == doc.text_of(sentences[-1].tokens[0].span)


def test_an_empty_or_blank_document_has_no_sentences(analyser: StanzaAnalyser) -> None:
    assert () == analyser.analyse(Document(id="e", text=" \n "))


def test_analyse_many_batches_and_matches_one_at_a_time(
    analyser: StanzaAnalyser, seed: Document
) -> None:
    docs = [
        Document(id="a", text="Rutte zei dat het kabinet 40 miljoen euro uittrekt."),
        Document(id="blank", text=""),
        seed,
        Document(id="c", text="De NAVO reageerde koeltjes. Moskou zweeg."),
    ]
    expected = [analyser.analyse(doc) for doc in docs]

    actual = list(analyser.analyse_many(iter(docs)))  # batch_size=2: three stanza calls

    assert expected == actual


def test_analyze_runs_the_extractors_over_the_stanza_parse(
    analyser: StanzaAnalyser, seed: Document
) -> None:
    result = geopol.analyze(seed, analyser=analyser)

    assert isinstance(result, Analysis)
    for claim in result.numbers:
        assert seed.text_of(claim.span)
    assert any(seed.text_of(q.content) for q in result.quotes)


def test_the_command_line_analyses_the_seed_offline_with_the_fixture_model(
    offline: None, tmp_path: Path
) -> None:
    from geopol.cli import main

    out = tmp_path / "seed.jsonl"
    argv = ["analyze", "--analyser", "stanza", "--model-dir", str(MODEL_DIR), str(SEED)]

    status = main([*argv, "-o", str(out)])

    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert 0 == status
    assert "000_5445485583bac3ad" == record["id"]
    assert record["quotes"] and record["numbers"]


# -- other ways to build one -------------------------------------------------------------


def test_a_pickled_analyser_reloads_from_its_model_dir(analyser: StanzaAnalyser) -> None:
    data = pickle.dumps(analyser)
    doc = Document(id="d", text="Blinken herhaalde het Amerikaanse standpunt.")

    rebuilt = pickle.loads(data)

    assert len(data) < 5_000  # a recipe, not the weights
    assert analyser.analyse(doc) == rebuilt.analyse(doc)


def test_a_pipeline_the_caller_built_is_used_as_it_is(analyser: StanzaAnalyser) -> None:
    doc = Document(id="d", text="Poetin is bang voor de NAVO.")
    wrapped = StanzaAnalyser(analyser.pipeline, batch_size=8)

    assert analyser.analyse(doc) == wrapped.analyse(doc)
    with pytest.raises(TypeError, match="cannot be sent to worker processes"):
        pickle.dumps(wrapped)


def test_explicit_model_paths_load_without_a_model_dir(offline: None) -> None:
    analyser = StanzaAnalyser.from_paths(
        tokenize=MODEL_DIR / "nl" / "tokenize" / "geopol_ud.pt",
        pos=MODEL_DIR / "nl" / "pos" / "geopol_ud.pt",
    )
    doc = Document(id="d", text="De NAVO reageerde koeltjes.")

    (sentence,) = analyser.analyse(doc)

    assert all(t.upos in UPOS and t.head is None for t in sentence.tokens)


def test_a_tokenizer_alone_gives_tokens_without_annotation(offline: None) -> None:
    analyser = StanzaAnalyser.from_model_dir(MODEL_DIR, processors=["tokenize"])
    doc = Document(id="d", text="Moskou zweeg.")

    (sentence,) = analyser.analyse(doc)

    assert ["Moskou", "zweeg", "."] == [doc.text_of(t.span) for t in sentence.tokens]
    assert not sentence.has_parse and sentence.tokens[0].upos is None


def test_something_other_than_a_pipeline_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"stanza\.Pipeline with a tokenize processor, got str"):
        StanzaAnalyser("nl")


def test_processors_must_include_the_tokenizer() -> None:
    with pytest.raises(ValueError, match="processors must include tokenize"):
        StanzaAnalyser.from_model_dir(MODEL_DIR, processors=["pos"])


def test_an_unknown_processor_is_named() -> None:
    with pytest.raises(ValueError, match=r"unknown stanza processor\(s\) parse"):
        StanzaAnalyser.from_model_dir(MODEL_DIR, processors=["tokenize", "parse"])


def test_asking_for_a_gpu_without_one_is_a_clear_error(offline: None) -> None:
    torch = pytest.importorskip("torch")
    if torch.cuda.is_available():
        pytest.skip("a GPU is present")

    with pytest.raises(RuntimeError, match="no CUDA device"):
        StanzaAnalyser.from_model_dir(MODEL_DIR, processors=["tokenize"], use_gpu=True)


# -- missing models ----------------------------------------------------------------------


def test_a_missing_model_dir_is_a_model_not_found_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"

    expected = re.escape(f"{missing}: stanza model directory does not exist")

    with pytest.raises(ModelNotFoundError, match=expected):
        StanzaAnalyser.from_model_dir(missing)


def test_a_dir_without_resources_json_says_so_and_how_to_get_models(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"resources\.json is missing.*geopol models train"):
        StanzaAnalyser.from_model_dir(tmp_path)


def test_a_missing_model_file_is_named_with_its_path(tmp_path: Path) -> None:
    target = tmp_path / "models"
    shutil.copytree(MODEL_DIR, target)
    shutil.rmtree(target / "nl" / "depparse")
    expected = target / "nl" / "depparse" / "geopol_ud.pt"

    with pytest.raises(ModelNotFoundError, match=re.escape(f"depparse ({expected})")):
        StanzaAnalyser.from_model_dir(target)


def test_a_missing_explicit_path_is_named(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match=r"pos \(.*nothing\.pt\)"):
        StanzaAnalyser.from_paths(
            tokenize=MODEL_DIR / "nl" / "tokenize" / "geopol_ud.pt", pos=tmp_path / "nothing.pt"
        )


# -- the boundary checks, on stand-in stanza documents -------------------------------------


class _Fake:
    def __init__(self, docs: dict[str, Any]) -> None:
        self.processors = {"tokenize": object(), "depparse": object()}
        self._docs = docs

    def __call__(self, text: str) -> Any:
        return self._docs[text]


def _word(text: str, head: int, deprel: str = "dep") -> Any:
    return SimpleNamespace(
        text=text, lemma=text.lower(), upos="X", feats=None, head=head, deprel=deprel
    )


def test_offsets_that_do_not_match_the_text_are_an_annotation_error() -> None:
    text = "Ja, zei hij."
    token = SimpleNamespace(text="zei", start_char=5, end_char=8, words=[_word("zei", 0, "root")])
    fake = _Fake({text: SimpleNamespace(sentences=[SimpleNamespace(tokens=[token])])})

    with pytest.raises(AnnotationError, match="'zei' but the text there is 'ei '"):
        StanzaAnalyser(fake).analyse(Document(id="d", text=text))


def test_the_words_of_a_multiword_token_share_its_span_and_keep_their_heads() -> None:
    text = "Zag 't."  # a made-up contraction read as two words, "zag het"
    tokens = [
        SimpleNamespace(
            text="Zag't", start_char=0, end_char=6,
            words=[_word("Zag", 0, "root"), _word("het", 1, "obj")],
        ),
        SimpleNamespace(text=".", start_char=6, end_char=7, words=[_word(".", 1, "punct")]),
    ]
    fake = _Fake({text: SimpleNamespace(sentences=[SimpleNamespace(tokens=tokens)])})

    (sentence,) = StanzaAnalyser(fake).analyse(Document(id="d", text=text))

    assert [(0, 6), (0, 6), (6, 7)] == [(t.span.start, t.span.end) for t in sentence.tokens]
    assert [-1, 0, 0] == [t.head for t in sentence.tokens]


# -- the explicit download, with stanza's network functions replaced -----------------------

FAKE_INDEX = {
    "url": "https://models.example/{resources_version}/{lang}/{filename}",
    "nl": {
        "lang_name": "Dutch",
        "tokenize": {"alpino": {"md5": "0"}},
        "pos": {"alpino_charlm": {"md5": "0", "dependencies": [
            {"model": "pretrain", "package": "conll17"},
            {"model": "forward_charlm", "package": "oscar"},
        ]}},
        "default_processors": {"tokenize": "alpino", "pos": "alpino_charlm"},
        "packages": {"default": {"tokenize": "alpino", "pos": "alpino_charlm"}},
    },
}


def test_download_prints_each_file_with_its_size_and_fetches_only_listed_ones(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from geopol.nlp import stanza_backend

    common = importlib.import_module("stanza.resources.common")
    fetched: list[dict[str, Any]] = []
    monkeypatch.setattr(
        common, "download_resources_json",
        lambda model_dir, *a, **k: (Path(model_dir) / "resources.json").write_text(
            json.dumps(FAKE_INDEX), encoding="utf-8"
        ),
    )
    monkeypatch.setattr(
        stanza_backend, "_remote_size", lambda url: 2_000_000 if "pos" in url else None
    )
    monkeypatch.setattr(stanza, "download", lambda lang, **kwargs: fetched.append(kwargs))
    printed = io.StringIO()

    plan = stanza_backend.download(
        tmp_path / "models", processors=["tokenize", "mwt", "pos"], out=printed
    )

    lines = printed.getvalue().splitlines()
    assert [
        ("tokenize", "alpino"), ("pos", "alpino_charlm"),
        ("pretrain", "conll17"), ("forward_charlm", "oscar"),
    ] == list(plan.files)
    assert "  nl/pos/alpino_charlm.pt  2.0 MB" in lines
    assert "  nl/tokenize/alpino.pt  size unknown" in lines
    assert "4 files, 2 MB in all" == lines[-1]
    assert [{"tokenize": "alpino", "pos": "alpino_charlm"}] == [f["processors"] for f in fetched]


def test_a_dry_run_download_fetches_no_model(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from geopol.nlp import stanza_backend

    common = importlib.import_module("stanza.resources.common")
    monkeypatch.setattr(
        common, "download_resources_json",
        lambda model_dir, *a, **k: (Path(model_dir) / "resources.json").write_text(
            json.dumps(FAKE_INDEX), encoding="utf-8"
        ),
    )
    monkeypatch.setattr(stanza_backend, "_remote_size", lambda url: None)
    monkeypatch.setattr(stanza, "download", _refuse)

    plan = stanza_backend.download(tmp_path, dry_run=True, out=io.StringIO())

    assert "https://models.example/1.15.0/nl/tokenize/alpino.pt" == plan.urls[0]
