from pathlib import Path

import duckdb
import pytest

from tacitus.errors import TacitusError
from tacitus.store import EventFilter, open_store
from tacitus.types import Actor, CodedDocument, Document, Event, Plover, Sentence, TextSpan


def coded(doc_id: str, code: str = "125", source: str = "USA", target: str = "TUR") -> CodedDocument:
    text = "The Pentagon rejected Turkey's offer."
    document = Document(doc_id, "mem", text, text, "h" + doc_id, "txt", date="2019-04-05")
    event = Event(
        event_id=f"ev-{doc_id}-{code}",
        doc_id=doc_id,
        sentence=0,
        date="2019-04-05",
        date_precision="reported",
        date_text=None,
        source=Actor("The Pentagon", 0, 12, source, "MIL", f"{source}MIL"),
        target=Actor("Turkey", 22, 28, target, None, target),
        cameo=code,
        cameo_root=code[:2],
        quad_class=3,
        goldstein=-5.0,
        plover=Plover("REJECT", "meet", ("diplomatic",)),
        trigger=TextSpan("rejected", 13, 21),
        negated=False,
        modality="asserted",
        evidence=text,
        entry="reject-proposal",
    )
    return CodedDocument(document, [Sentence(doc_id, 0, 0, len(text), text)], [event])


def test_write_is_idempotent_and_replace_recodes(tmp_path: Path) -> None:
    path = tmp_path / "t.duckdb"
    with open_store(path) as store:
        assert store.write([coded("a"), coded("b")], "m") == 2
        assert store.write([coded("a")], "m") == 0
        assert store.counts() == {"documents": 2, "sentences": 2, "events": 2, "quotes": 0}
        assert store.write([coded("a", code="120")], "m", replace=True) == 1
        assert store.counts()["events"] == 2
        assert [r["cameo"] for r in store.events(EventFilter(doc_id="a"))] == ["120"]


def test_records_round_trip_exactly(tmp_path: Path) -> None:
    item = coded("a")
    with open_store(tmp_path / "t.duckdb") as store:
        store.write([item], "m")
        (record,) = store.events(EventFilter())
    assert record == item.events[0].record()


def test_filters(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.duckdb") as store:
        store.write([coded("a"), coded("b", code="112", source="FRA", target="ITA")], "m")
        assert [r["doc_id"] for r in store.events(EventFilter(actor="ITA"))] == ["b"]
        assert [r["doc_id"] for r in store.events(EventFilter(actor="USAMIL"))] == ["a"]
        assert [r["doc_id"] for r in store.events(EventFilter(dyad=("USA", "TUR")))] == ["a"]
        assert store.events(EventFilter(dyad=("TUR", "USA"))) == []
        assert [r["doc_id"] for r in store.events(EventFilter(code="11"))] == ["b"]
        assert len(store.events(EventFilter(since="2019-04-05", until="2019-04-05"))) == 2
        assert store.events(EventFilter(since="2019-04-06")) == []


def test_negated_and_non_asserted_events_are_hidden_by_default(tmp_path: Path) -> None:
    item = coded("a")
    hidden = item.events[0].__class__(**{**item.events[0].__dict__, "event_id": "neg", "negated": True})
    item.events.append(hidden)
    with open_store(tmp_path / "t.duckdb") as store:
        store.write([item], "m")
        assert len(store.events(EventFilter())) == 1
        assert len(store.events(EventFilter(include_all=True))) == 2


def test_missing_folder_and_missing_database(tmp_path: Path) -> None:
    with pytest.raises(TacitusError, match="does not exist"):
        open_store(tmp_path / "nope" / "t.duckdb")
    with pytest.raises(TacitusError, match="run `tacitus code"):
        open_store(tmp_path / "absent.duckdb", read_only=True)


def test_database_held_by_another_writer(tmp_path: Path) -> None:
    import multiprocessing

    path = tmp_path / "held.duckdb"
    ready = multiprocessing.get_context("spawn").Event()
    release = multiprocessing.get_context("spawn").Event()
    holder = multiprocessing.get_context("spawn").Process(target=_hold, args=(str(path), ready, release))
    holder.start()
    try:
        assert ready.wait(30)
        with pytest.raises(TacitusError, match="in use by another"):
            open_store(path)
    finally:
        release.set()
        holder.join(30)


def _hold(path: str, ready: object, release: object) -> None:
    con = duckdb.connect(path)
    ready.set()  # type: ignore[attr-defined]
    release.wait(30)  # type: ignore[attr-defined]
    con.close()


def test_prefix_lookup(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.duckdb") as store:
        store.write([coded("abc1"), coded("abc2"), coded("xyz")], "m")
        assert store.resolve_doc_id("xy") == "xyz"
        with pytest.raises(TacitusError, match="matches 2 documents"):
            store.resolve_doc_id("abc")
        with pytest.raises(TacitusError, match="no document"):
            store.resolve_doc_id("zzz")
