from pathlib import Path

import pytest

from tacitus.config import Settings
from tacitus.pipeline import code_paths
from tacitus.store import EventFilter, open_store
from tests.executors.corpus import write_corpus
from tests.executors.dbcompare import database_contents

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
    assert (single.workers, pooled.workers) == (1, 2)
    assert single.events == pooled.events > 0
    assert stored_events(tmp_path / "one.duckdb") == stored_events(tmp_path / "pool.duckdb")
    assert database_contents(tmp_path / "one.duckdb") == database_contents(tmp_path / "pool.duckdb")


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


def test_exact_copies_are_sightings_and_edited_copies_share_a_cluster(tmp_path: Path, settings: Settings) -> None:
    from tacitus.dedup.merge import merged_events

    source = write_corpus(tmp_path / "corpus.jsonl")
    db = tmp_path / "x.duckdb"
    summary = code_paths([str(source)], settings.with_overrides(workers=1, code_batch_size=3), db=db)
    assert (summary.articles_read, summary.documents_stored, summary.duplicates) == (12, 11, 1)
    again = code_paths([str(source)], settings.with_overrides(workers=1), db=db)
    assert (again.documents_stored, again.documents_skipped, again.duplicates) == (0, 12, 1)
    with open_store(db, read_only=True) as store:
        carriers = store.con.execute(
            "SELECT seen_id, source FROM document_sightings WHERE doc_id = 'report-01' ORDER BY seen_id"
        ).fetchall()
        assert carriers == [("copy-of-01", "Reprint Daily"), ("report-01", "Outlet 1")]
        clusters = dict(store.con.execute("SELECT doc_id, cluster_id FROM document_clusters").fetchall())
        assert clusters["edited-00"] == clusters["report-00"] == "edited-00"
        assert len(set(clusters.values())) == 10
        merged = merged_events(store)
    copied = [m for m in merged if m["event_ids"] and m["num_documents"] == 1 and m["num_articles"] == 2]
    assert copied and all(m["num_sources"] == 2 and m["num_mentions"] == 2 for m in copied)
    edited = [m for m in merged if m["num_documents"] == 2]
    assert edited and all(m["num_clusters"] == 1 and len(m["event_ids"]) == 2 for m in edited)


def test_an_article_the_cleaner_cannot_handle_is_a_problem_not_a_crash(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tacitus.clean import Cleaner
    from tacitus.pipeline import CodeSummary, clean_articles

    original = Cleaner.__call__

    def fragile(self: Cleaner, article: object, date_override: str | None = None) -> object:
        if "poison" in article.text:  # type: ignore[attr-defined]
            raise ValueError("unexpected markup")
        return original(self, article, date_override)  # type: ignore[arg-type]

    monkeypatch.setattr(Cleaner, "__call__", fragile)
    (tmp_path / "a.txt").write_text("Estonia summoned the Russian ambassador.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("A poison line.", encoding="utf-8")
    summary = CodeSummary()
    cleaned = list(clean_articles([str(tmp_path)], settings, summary))
    assert [d.origin.rsplit("/", 1)[-1] for d in cleaned] == ["a.txt"]
    assert len(summary.problems) == 1 and "could not clean" in summary.problems[0].describe()
