from pathlib import Path

import pytest

from tacitus.config import Settings
from tacitus.pipeline import code_paths
from tacitus.store import EventFilter, open_store

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def stored_events(db: Path) -> list[dict[str, object]]:
    with open_store(db, read_only=True) as store:
        return store.events(EventFilter(include_all=True))


@pytest.mark.slow
def test_worker_pool_gives_the_same_events(tmp_path: Path, settings: Settings) -> None:
    single = code_paths([str(EXAMPLES)], settings.with_overrides(code_batch_size=2), db=tmp_path / "one.duckdb")
    pooled = code_paths(
        [str(EXAMPLES)], settings.with_overrides(workers=2, code_batch_size=2), db=tmp_path / "pool.duckdb"
    )
    assert single.documents_stored == pooled.documents_stored == 8
    assert single.events == pooled.events > 0
    assert stored_events(tmp_path / "one.duckdb") == stored_events(tmp_path / "pool.duckdb")


def test_same_text_twice_in_one_run_is_stored_once(tmp_path: Path, settings: Settings) -> None:
    body = "Estonia summoned the Russian ambassador on Wednesday."
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    (tmp_path / "b.txt").write_text(body, encoding="utf-8")
    summary = code_paths([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], settings, db=tmp_path / "x.duckdb")
    assert (summary.articles_read, summary.documents_stored, summary.documents_skipped) == (2, 1, 1)


def test_progress_is_reported_per_batch(tmp_path: Path, settings: Settings) -> None:
    seen: list[int] = []
    code_paths(
        [str(EXAMPLES)], settings.with_overrides(code_batch_size=3), db=tmp_path / "x.duckdb", on_progress=seen.append
    )
    assert seen == [3, 3, 2]
