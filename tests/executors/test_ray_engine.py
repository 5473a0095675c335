"""Ray Data codes the same input into the same database as this process does."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tacitus.config import Settings
from tacitus.errors import TacitusError
from tacitus.executors.ray_data import RayDocumentCoder
from tacitus.pipeline import CodeSummary, DocumentCoder, clean_articles, code_paths
from tacitus.store import open_store
from tacitus.store.load import load_shards
from tests.executors.corpus import write_corpus
from tests.executors.dbcompare import database_contents

RAY_RUNNER = """
import sys
from tacitus.config import load_settings
from tacitus.pipeline import code_paths

source, db, shards = sys.argv[1:4]
settings = load_settings().with_overrides(engine="ray", workers=1, code_batch_size=4, shards=shards)
summary = code_paths([source], settings, db=db)
print("stored", summary.documents_stored, "events", summary.events, flush=True)
"""
# Ray starts its own services; a run that has not finished by then has hung.
RAY_TIMEOUT = 420


@pytest.mark.slow
def test_ray_gives_the_same_database_as_this_process(tmp_path: Path, settings: Settings) -> None:
    if not os.environ.get("CI"):
        pytest.importorskip("ray", reason="install the ray extra: pip install 'tacitus[ray]'")
    source = write_corpus(tmp_path / "corpus.jsonl")
    local, on_ray = tmp_path / "local.duckdb", tmp_path / "ray.duckdb"
    code_paths([str(source)], settings.with_overrides(workers=1), db=local)
    finished = subprocess.run(
        [sys.executable, "-c", RAY_RUNNER, str(source), str(on_ray), str(tmp_path / "shards")],
        capture_output=True,
        text=True,
        timeout=RAY_TIMEOUT,
        cwd=tmp_path,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]
    assert "stored 11" in finished.stdout
    assert database_contents(on_ray) == database_contents(local)
    assert not any((tmp_path / "shards").rglob("*.parquet"))


def test_output_shards_load_once_into_the_same_database(
    tmp_path: Path, settings: Settings, document_coder: DocumentCoder
) -> None:
    source = write_corpus(tmp_path / "corpus.jsonl")
    direct = tmp_path / "direct.duckdb"
    code_paths([str(source)], settings.with_overrides(workers=1), db=direct)
    documents = list(clean_articles([str(source)], settings, CodeSummary()))
    actor = RayDocumentCoder.__new__(RayDocumentCoder)
    actor.settings, actor.coder = settings, document_coder
    shards = tmp_path / "output"
    shards.mkdir()
    for number in range(0, len(documents), 5):
        batch = pa.Table.from_pylist([dataclasses.asdict(d) for d in documents[number : number + 5]])
        pq.write_table(actor(batch), shards / f"part-{number:03d}.parquet")
    loaded = tmp_path / "loaded.duckdb"
    with open_store(loaded) as store:
        first = load_shards(shards, store, batch_size=3)
        again = load_shards(shards, store, batch_size=3)
    assert (first.shards, first.documents_read, first.documents_stored) == (3, len(documents), len(documents) - 1)
    assert (again.documents_stored, again.events) == (0, 0)
    assert database_contents(loaded) == database_contents(direct)


def test_a_folder_without_shards_and_a_foreign_file_are_clear_errors(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    pq.write_table(pa.table({"something": [1]}), tmp_path / "foreign.parquet")
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 not really")
    with open_store(tmp_path / "x.duckdb") as store:
        with pytest.raises(TacitusError, match="no output shards"):
            load_shards(tmp_path / "empty", store)
        with pytest.raises(TacitusError, match="no column doc_id, rows"):
            load_shards(tmp_path / "foreign.parquet", store)
        with pytest.raises(TacitusError, match="not a tacitus output shard"):
            load_shards(tmp_path / "broken.parquet", store)
