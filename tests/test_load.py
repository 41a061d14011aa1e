"""geopol.load: every format, compression, ids, dates, and the kinds of source."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
from pathlib import Path

import pytest

import geopol
from geopol import Document, PartialDate
from geopol.io import LoadReport

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_5445485583bac3ad.txt"
CONLLU = Path(__file__).resolve().parent / "fixtures" / "nl_alpino-ud-dev-excerpt.conllu"

BLINKEN = (
    "Blinken herhaalde het Amerikaanse standpunt dat een Russische invasie snel beantwoord"
    " zal worden."
)
LAVROV = "Lavrov zegt dat Rusland geen oorlog wil."
RUTTE = '"Wij steunen Oekraïne", zei premier Rutte.'


def _write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def _jsonl(*records: dict[str, object]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


# -- the seed format ---------------------------------------------------------------------------


def test_seed_file_gives_one_document_named_by_stem_with_month_date() -> None:
    docs = list(geopol.load(SEED))

    assert len(docs) == 1
    doc = docs[0]
    assert "000_5445485583bac3ad" == doc.id
    assert PartialDate(2021, 12) == doc.date
    assert doc.date is not None
    assert "month" == doc.date.precision
    assert doc.text.startswith("De Amerikaanse minister van Buitenlandse Zaken Anthony Blinken")
    assert doc.text.endswith("uitbreidingsstop.")
    assert str(SEED) == doc.source


def test_seed_text_offsets_start_after_the_header() -> None:
    raw = SEED.read_text(encoding="utf-8")
    doc = next(geopol.load(SEED))

    assert " date 2021-12 " + doc.text == raw.rstrip()
    start = doc.text.index("Akkoord van Minsk")
    assert raw.index("Akkoord van Minsk") - len(" date 2021-12 ") == start


def test_seed_file_with_several_documents_names_each_by_its_header_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "nieuws.txt",
        f" date 2022-02-24 {LAVROV}\nTweede regel.\n\n date 2022 {BLINKEN}\n date 2021-12 {RUTTE}",
    )

    docs = list(geopol.load(path))

    assert ["nieuws.txt#1", "nieuws.txt#4", "nieuws.txt#5"] == [d.id for d in docs]
    assert f"{LAVROV}\nTweede regel." == docs[0].text
    assert ["2022-02-24", "2022", "2021-12"] == [str(d.date) for d in docs]
    assert "day" == getattr(docs[0].date, "precision", None)


def test_seed_header_alone_on_its_line_starts_the_text_on_the_next(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", f" date 2021-12\n{LAVROV}\n")

    doc = next(geopol.load(path))

    assert LAVROV == doc.text


def test_seed_file_with_windows_line_ends_reads_as_unix(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", f" date 2021-12 {LAVROV}\r\n\r\n{BLINKEN}\r\n")

    doc = next(geopol.load(path))

    assert f"{LAVROV}\n\n{BLINKEN}" == doc.text


# -- plain text --------------------------------------------------------------------------------


def test_plain_text_file_is_one_document_without_date(tmp_path: Path) -> None:
    path = _write(tmp_path / "artikel.txt", f"Oekraïne en Rusland\n\n{LAVROV}\n")

    doc = next(geopol.load(path))

    assert "artikel" == doc.id
    assert f"Oekraïne en Rusland\n\n{LAVROV}" == doc.text
    assert doc.date is None
    assert ["heading", "paragraph"] == [b.kind for b in doc.blocks]


def test_utf8_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = _write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + LAVROV.encode())

    assert LAVROV == next(geopol.load(path)).text


def test_other_encoding_is_read_when_named(tmp_path: Path) -> None:
    path = _write(tmp_path / "latin.txt", "Zelenski sprak in Kyiv over Oekraïne.".encode("cp1252"))

    doc = next(geopol.load(path, encoding="cp1252"))

    assert "Zelenski sprak in Kyiv over Oekraïne." == doc.text


# -- JSON Lines --------------------------------------------------------------------------------


def test_jsonl_fields_become_document_attributes_and_the_rest_metadata(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "corpus.jsonl",
        _jsonl(
            {"id": "nos-1", "text": LAVROV, "date": "2022-02-21T09:30:00Z", "title": "Lavrov",
             "source": "NOS", "section": "buitenland", "words": 7},
            {"text": BLINKEN, "date": "2021-12"},
        ),
    )

    docs = list(geopol.load(path))

    first, second = docs
    assert "nos-1" == first.id
    assert LAVROV == first.text
    assert PartialDate(2022, 2, 21) == first.date
    assert "Lavrov" == first.title
    assert "NOS" == first.source
    assert {"section": "buitenland", "words": 7} == dict(first.metadata)
    assert "corpus.jsonl#2" == second.id
    assert PartialDate(2021, 12) == second.date
    assert str(path) == second.source


def test_jsonl_ids_count_lines_so_blank_lines_keep_them_stable(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "c.ndjson", _jsonl({"text": LAVROV}) + "\n\n" + _jsonl({"text": RUTTE})
    )

    assert ["c.ndjson#1", "c.ndjson#4"] == [d.id for d in geopol.load(path)]


def test_jsonl_numeric_id_and_year_date_are_read(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.jsonl", _jsonl({"id": 17, "text": LAVROV, "date": 2022}))

    doc = next(geopol.load(path))

    assert ("17", PartialDate(2022)) == (doc.id, doc.date)


def test_jsonl_field_names_can_be_overridden(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "c.jsonl",
        _jsonl({"url": "https://nos.nl/1", "body": RUTTE, "published": "2024-06", "text": "x"}),
    )

    doc = next(geopol.load(path, fields={"text": "body", "id": "url", "date": "published"}))

    assert ("https://nos.nl/1", RUTTE, "2024-06") == (doc.id, doc.text, str(doc.date))
    assert {"text": "x"} == dict(doc.metadata)


def test_jsonl_is_sniffed_from_content_whatever_the_suffix(tmp_path: Path) -> None:
    path = _write(tmp_path / "export.txt", _jsonl({"id": "a", "text": LAVROV}))

    assert ["a"] == [d.id for d in geopol.load(path)]


# -- CSV and TSV -------------------------------------------------------------------------------


def test_csv_rows_with_quoted_newlines_keep_their_starting_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "corpus.csv",
        'id,date,text,medium\n'
        f'a1,2022-02,"{LAVROV}\n\n{BLINKEN}",NOS\n'
        f',,"""Wij steunen Oekraïne"", zei premier Rutte.",NRC\n',
    )

    docs = list(geopol.load(path))

    assert ["a1", "corpus.csv#5"] == [d.id for d in docs]
    assert f"{LAVROV}\n\n{BLINKEN}" == docs[0].text
    assert RUTTE == docs[1].text
    assert docs[1].date is None
    assert {"medium": "NRC"} == dict(docs[1].metadata)


def test_tsv_with_renamed_columns(tmp_path: Path) -> None:
    path = _write(tmp_path / "corpus.tsv", f"artikel\tdatum\n{LAVROV}\t2022-02-21\n")

    doc = next(geopol.load(path, fields={"text": "artikel", "date": "datum"}))

    assert (LAVROV, "2022-02-21") == (doc.text, str(doc.date))


def test_csv_is_sniffed_from_its_header_without_suffix(tmp_path: Path) -> None:
    path = _write(tmp_path / "export", f"id,text\nx,{LAVROV}\n")

    assert [("x", LAVROV)] == [(d.id, d.text) for d in geopol.load(path)]


def test_large_csv_field_is_read(tmp_path: Path) -> None:
    text = " ".join([LAVROV] * 5000)  # 200,000 characters, over the csv module's default limit
    path = _write(tmp_path / "big.csv", f'text\n"{text}"\n')

    assert text == next(geopol.load(path)).text


# -- CoNLL-U -----------------------------------------------------------------------------------


def test_conllu_groups_sentences_into_documents_by_ud_sentence_id() -> None:
    docs = list(geopol.load(CONLLU))

    assert ["WR-P-P-H-0000000105", "WR-P-P-H-0000000012"] == [d.id for d in docs]
    assert [5, 3] == [len(d.parse or ()) for d in docs]
    sent_ids = docs[0].metadata["sent_ids"]
    assert isinstance(sent_ids, list)
    assert "WR-P-P-H-0000000105\\WR-P-P-H-0000000105.p.5.s.4" == sent_ids[0]


def test_conllu_text_joins_sentences_with_spaces_and_paragraphs_with_blank_lines() -> None:
    doc = next(geopol.load(CONLLU))

    expected = (
        ",,Mijn basisniveau is flink omhoog gegaan.''"
        "\n\n"
        "De afgelopen week twijfelde ze nog of ze wel moest meedoen aan het NK."
        " Moeder Mien spoorde haar aan toch op te stappen."
        "\n\n"
        ",, Hij zei: vertrouw op jezelf. Ik ben nogal een twijfelaar. ''"
    )
    assert expected == doc.text
    assert 3 == len(doc.blocks)


def test_conllu_every_token_span_holds_its_form() -> None:
    forms = [
        line.split("\t")[1]
        for line in CONLLU.read_text(encoding="utf-8").splitlines()
        if line and line[0].isdigit() and "." not in line.split("\t")[0]
    ]

    docs = list(geopol.load(CONLLU))

    spans = [doc.text_of(t.span) for doc in docs for s in doc.parse or () for t in s.tokens]
    assert forms == spans
    for doc in docs:
        for sentence in doc.parse or ():
            assert sentence.span.contains(sentence.tokens[0].span)
            assert sentence.span.end == sentence.tokens[-1].span.end


def test_conllu_keeps_lemma_tags_features_and_zero_based_heads() -> None:
    doc = next(geopol.load(CONLLU))
    first = (doc.parse or ())[0]

    gegaan = first.tokens[6]
    assert ("gegaan", "gaan", "VERB", "VerbForm=Part") == (
        doc.text_of(gegaan.span), gegaan.lemma, gegaan.upos, gegaan.feats
    )
    assert (-1, "root") == (gegaan.head, gegaan.deprel)
    mijn = first.tokens[1]
    assert (2, "nmod:poss") == (mijn.head, mijn.deprel)
    assert "basisniveau" == doc.text_of(first.tokens[2].span)
    assert first.has_parse


def test_conllu_skips_empty_nodes() -> None:
    docs = list(geopol.load(CONLLU))
    sentence = (docs[1].parse or ())[1]

    words = [docs[1].text_of(t.span) for t in sentence.tokens]
    assert 16 == len(words)
    assert 1 == words.count("opzicht")


def test_conllu_newdoc_newpar_multiword_tokens_ner_and_missing_text(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "mwt.conllu",
        "# newdoc id = doc-a\n"
        "# newpar\n"
        "# text = Lavrov zei nee.\n"
        "1\tLavrov\tLavrov\tPROPN\t_\t_\t2\tnsubj\t_\tNER=S-PER\n"
        "2\tzei\tzeggen\tVERB\t_\t_\t0\troot\t_\t_\n"
        "3\tnee\tnee\tINTJ\t_\t_\t2\tobj\t_\tSpaceAfter=No\n"
        "4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n"
        "\n"
        "# newpar\n"
        "1-2\tzo'n\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "1\tzo\tzo\tADV\t_\t_\t2\tadvmod\t_\t_\n"
        "2\t'n\teen\tDET\t_\t_\t3\tdet\t_\t_\n"
        "3\toorlog\toorlog\tNOUN\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
        "4\t!\t!\tPUNCT\t_\t_\t3\tpunct\t_\t_\n"
        "\n"
        "# newdoc\n"
        "# text = Ja.\n"
        "1\tJa\tja\tINTJ\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
        "2\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_\n"
        "\n",
    )

    first, second = geopol.load(path)

    assert "doc-a" == first.id
    assert "Lavrov zei nee.\n\nzo'n oorlog!" == first.text
    assert "S-PER" == (first.parse or ())[0].tokens[0].ner
    zo, n, oorlog, _ = (first.parse or ())[1].tokens
    assert ["zo'n", "zo'n", "oorlog"] == [first.text_of(t.span) for t in (zo, n, oorlog)]
    assert (1, 2) == (zo.head, n.head)
    assert "mwt.conllu#16" == second.id
    assert "Ja." == second.text


# -- compression -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("suffix", "compress"),
    [(".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress)],
)
def test_compressed_files_read_like_plain_ones_and_keep_ids(
    tmp_path: Path, suffix: str, compress: object
) -> None:
    data = _jsonl({"text": LAVROV}, {"text": RUTTE}).encode()
    path = _write(tmp_path / f"corpus.jsonl{suffix}", compress(data))  # type: ignore[operator]

    docs = list(geopol.load(path))

    assert ["corpus.jsonl#1", "corpus.jsonl#2"] == [d.id for d in docs]
    assert [LAVROV, RUTTE] == [d.text for d in docs]


def test_compression_is_found_by_magic_bytes_not_suffix(tmp_path: Path) -> None:
    path = _write(tmp_path / "seed.txt", gzip.compress(SEED.read_bytes()))

    doc = next(geopol.load(path))

    assert ("seed", "2021-12") == (doc.id, str(doc.date))
    assert doc.text.startswith("De Amerikaanse")


def test_compressed_conllu_keeps_its_offsets(tmp_path: Path) -> None:
    path = _write(tmp_path / "ud.conllu.xz", lzma.compress(CONLLU.read_bytes()))

    assert [d.text for d in geopol.load(CONLLU)] == [d.text for d in geopol.load(path)]


# -- kinds of source ---------------------------------------------------------------------------


def _corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "2021" / "12").mkdir(parents=True)
    (root / "2022").mkdir()
    (root / ".git").mkdir()
    _write(root / "2021" / "12" / "blinken.txt", SEED.read_bytes())
    _write(root / "2022" / "a.jsonl.gz", gzip.compress(_jsonl({"text": LAVROV}).encode()))
    _write(root / "2022" / "b.txt", RUTTE)
    _write(root / "README.md", "# Over dit corpus\n")
    _write(root / ".git" / "x.txt", "verborgen")
    return root


def test_folder_is_read_recursively_in_sorted_order_with_relative_ids(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    report = LoadReport()

    docs = list(geopol.load(root, report=report))

    assert ["2021/12/blinken", "2022/a.jsonl#1", "2022/b"] == [d.id for d in docs]
    assert (3, 3) == (report.files, report.documents)
    assert (str(root / "README.md"),) == report.ignored_files


def test_glob_reads_matches_with_ids_relative_to_its_folder(tmp_path: Path) -> None:
    root = _corpus(tmp_path)

    docs = list(geopol.load(str(root / "**" / "*.txt")))

    assert ["2021/12/blinken", "2022/b"] == [d.id for d in docs]


def test_list_of_paths_reads_each_in_order(tmp_path: Path) -> None:
    root = _corpus(tmp_path)

    docs = list(geopol.load([root / "2022" / "b.txt", SEED]))

    assert ["b", "000_5445485583bac3ad"] == [d.id for d in docs]


def test_iterable_of_strings_gives_one_document_each() -> None:
    texts = (t for t in [LAVROV, f" date 2021-12 {BLINKEN}"])

    docs = list(geopol.load(texts))

    assert [Document(id="text-0", text=LAVROV),
            Document(id="text-1", text=BLINKEN, date=PartialDate(2021, 12))] == docs


def test_open_binary_and_text_file_objects_are_read(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.jsonl", _jsonl({"id": "a", "text": LAVROV}))

    with path.open("rb") as binary:
        from_binary = [d.id for d in geopol.load(binary)]
    from_text = [d.text for d in geopol.load(io.StringIO(f" date 2021-12 {RUTTE}\n"))]

    assert ["a"] == from_binary
    assert [RUTTE] == from_text


def test_loading_is_lazy(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.jsonl", _jsonl({"text": LAVROV}) + "{kapot\n")

    docs = geopol.load(path)

    assert LAVROV == next(docs).text
    with pytest.raises(geopol.InputError):
        next(docs)


def test_explicit_format_overrides_sniffing(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.jsonl", _jsonl({"text": LAVROV}))

    doc = next(geopol.load(path, format="text"))

    assert ("c", json.dumps({"text": LAVROV}, ensure_ascii=False)) == (doc.id, doc.text)


def test_million_character_jsonl_document_loads_under_the_default_limit(tmp_path: Path) -> None:
    text = (BLINKEN + " ") * 12_000  # about 1.1 million characters
    path = _write(tmp_path / "groot.jsonl", _jsonl({"text": text}))

    assert len(text) == len(next(geopol.load(path)).text)
