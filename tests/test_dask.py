"""geopol on a local Dask cluster gives what ``geopol analyze`` gives, file by file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import geopol
from geopol.parallel import analyze_records

distributed = pytest.importorskip("distributed", reason="Dask is an optional extra: geopol[dask]")
geopol_dask = pytest.importorskip("geopol.dask")

TEXTS = [
    "Lavrov zegt dat Rusland geen oorlog wil. Er staan bijna 100.000 Russen aan de grens.",
    '"We geven niets op", zei Zelensky. Volgens Kyiv vielen er tientallen doden.',
    "Het kabinet trekt 1,5 miljard euro uit voor defensie, meldt minister Brekelmans.",
]


def _write_corpus(folder: Path, files: int) -> list[Path]:
    paths = []
    for number in range(files):
        path = folder / f"part-{number}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for index, text in enumerate(TEXTS):
                out.write(json.dumps({"id": f"{number}-{index}", "text": text},
                                     ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    with distributed.Client(cluster) as dask_client:
        yield dask_client
    cluster.close()


def test_each_file_becomes_an_output_file_with_the_records_of_analyze(
    client: object, tmp_path: Path
) -> None:
    sources = _write_corpus(tmp_path, files=3)

    written = geopol_dask.analyze_files(sources, tmp_path / "out")

    assert [str(tmp_path / "out" / f"part-{n}.jsonl.geopol.jsonl") for n in range(3)] == written
    for source, output in zip(sources, written, strict=True):
        expected = list(analyze_records(geopol.load(str(source))))
        actual = [json.loads(line) for line in Path(output).read_text("utf-8").splitlines()]
        assert expected == actual


def test_a_bag_of_records_and_rows_can_be_computed_on_the_cluster(
    client: object, tmp_path: Path
) -> None:
    sources = _write_corpus(tmp_path, files=2)

    records = geopol_dask.records_bag(sources).compute()
    rows = geopol_dask.rows_bag(sources).compute()

    assert [f"{f}-{i}" for f in range(2) for i in range(3)] == [r["id"] for r in records]
    expected_rows = sum(len(r["quotes"]) + len(r["stances"]) + len(r["numbers"])
                        for r in records)
    assert expected_rows == len(rows)
