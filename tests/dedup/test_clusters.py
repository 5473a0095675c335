from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from tacitus.store import open_store
from tacitus.types import Actor, CodedDocument, Document, Event, Sentence, Sighting, TextSpan
from tests.dedup.test_minhash import EDITED, OTHER, STORY

# A third telling, closer to EDITED than to STORY.
THIRD = "Rescuers in the Arctic searched for a missing yacht after its last radio call near Svalbard."
RETOLD = EDITED.replace("eleven fishermen", "eleven crew members").replace("burns", "serious burns")


def coded(doc_id: str, text: str, date: str = "2021-05-02", source: str | None = None) -> CodedDocument:
    document = Document(
        doc_id, f"mem/{doc_id}", text, text, f"hash-{text[:40]}-{len(text)}", "txt", date=date, source=source
    )
    event = Event(
        event_id=f"ev-{doc_id}",
        doc_id=doc_id,
        sentence=0,
        date=date,
        date_precision="reported",
        date_text=None,
        source=Actor("Norway", 4, 10, "NOR", None, "NOR"),
        target=Actor("Russia", 20, 26, "RUS", None, "RUS"),
        cameo="073",
        cameo_root="07",
        quad_class=2,
        goldstein=7.4,
        plover=None,
        trigger=TextSpan("rescued", 0, 7),
        negated=False,
        modality="asserted",
        evidence=text[:40],
        entry="rescue",
    )
    return CodedDocument(document, [Sentence(doc_id, 0, 0, len(text), text)], [event])


def clusters_after(path: Path, batches: list[list[CodedDocument]]) -> dict[str, str]:
    with open_store(path) as store:
        for batch in batches:
            store.write(batch, "m")
        return dict(store.con.execute("SELECT doc_id, cluster_id FROM document_clusters").fetchall())


def test_near_duplicates_share_one_cluster_named_by_the_smallest_id(tmp_path: Path) -> None:
    found = clusters_after(
        tmp_path / "a.duckdb", [[coded("b-story", STORY), coded("z-other", OTHER)], [coded("a-edited", EDITED)]]
    )
    assert found == {"b-story": "a-edited", "a-edited": "a-edited", "z-other": "z-other"}


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_clusters_do_not_depend_on_arrival_order_or_batching(tmp_path: Path, order: tuple[int, ...]) -> None:
    items = [coded("c-story", STORY), coded("a-retold", RETOLD), coded("b-edited", EDITED)]
    one_by_one = clusters_after(tmp_path / "one.duckdb", [[items[i]] for i in order])
    together = clusters_after(tmp_path / "all.duckdb", [[items[i] for i in order]])
    assert one_by_one == together == {"c-story": "a-retold", "a-retold": "a-retold", "b-edited": "a-retold"}


def test_exact_copies_written_under_another_id_become_sightings(tmp_path: Path) -> None:
    with open_store(tmp_path / "x.duckdb") as store:
        assert store.write([coded("first", STORY, source="North Wire")], "m") == 1
        assert store.write([coded("second", STORY, source="South Post")], "m") == 0
        later = Sighting("first", "third", "feed.jsonl:9", url="https://east.example/x", source=None)
        store.write([], "m", sightings=[later, later])
        rows = store.con.execute("SELECT seen_id, doc_id, source FROM document_sightings ORDER BY seen_id").fetchall()
        assert rows == [("first", "first", "North Wire"), ("second", "first", "South Post"), ("third", "first", None)]
        (merged,) = store.con.execute(
            "SELECT num_mentions, num_articles, num_sources, num_documents FROM merged_events"
        ).fetchall()
        assert merged == (3, 3, 3, 1)


def test_mentions_merge_across_clusters_only_with_both_actors_and_a_day(tmp_path: Path) -> None:
    with open_store(tmp_path / "x.duckdb") as store:
        store.write([coded("one", STORY), coded("two", OTHER), coded("three", THIRD, date="2021-05")], "m")
        groups = store.con.execute(
            "SELECT date, num_documents, num_clusters FROM merged_events ORDER BY date"
        ).fetchall()
        assert groups == [("2021-05", 1, 1), ("2021-05-02", 2, 2)]


def test_replace_relinks_a_document(tmp_path: Path) -> None:
    with open_store(tmp_path / "x.duckdb") as store:
        store.write([coded("one", STORY), coded("two", OTHER)], "m")
        store.write([coded("two", EDITED)], "m", replace=True)
        clusters = dict(store.con.execute("SELECT doc_id, cluster_id FROM document_clusters").fetchall())
        assert clusters == {"one": "one", "two": "one"}
        assert store.con.execute("SELECT count(*) FROM document_minhash").fetchone() == (2,)
