from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.pipeline import DocumentCoder
from tacitus.places import PlaceResolver
from tacitus.store import EventFilter, open_store
from tacitus.types import CodedDocument
from tests.conftest import make_document

pytestmark = pytest.mark.slow

TEXTS = {
    "north": "Syrian troops shelled rebel positions near Aleppo on Sunday.",
    "south": "Israeli jets bombed Hamas positions in Khan Yunis on Monday.",
    "none": "Turkey rejected the Russian proposal on Tuesday.",
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory, document_coder: DocumentCoder) -> Path:
    resolver = PlaceResolver()
    resolver.setup()
    coded = []
    for doc_id, text in TEXTS.items():
        document = dataclasses.replace(make_document(text, doc_id=doc_id), content_hash=doc_id)
        doc = document_coder.parser.nlp(text)
        actors = document_coder.actors.analyse(doc)
        sentences, events = document_coder.events(doc, document, actors)
        coded.append(CodedDocument(document, sentences, resolver(doc, document, actors, events)))
    path = tmp_path_factory.mktemp("db") / "places.duckdb"
    with open_store(path) as store:
        store.write(coded, "test")
    return path


def _docs(path: Path, where: EventFilter) -> set[str]:
    with open_store(path, read_only=True) as store:
        return {e["doc_id"] for e in store.events(where)}


def test_near_keeps_events_within_the_radius(database: Path) -> None:
    assert _docs(database, EventFilter(near=(36.2, 37.15), radius_km=30)) == {"north"}
    assert _docs(database, EventFilter(near=(36.2, 37.15), radius_km=800)) == {"north", "south"}


def test_country_is_the_event_locations_country(database: Path) -> None:
    assert _docs(database, EventFilter(location_country="SYR")) == {"north"}
    assert _docs(database, EventFilter(location_country="TUR")) == set()


def test_the_cli_filters_and_prints_locations(database: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        app, ["events", "--db", str(database), "--near", "31.3,34.3", "--radius", "20", "--format", "jsonl"]
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert records and {r["location"]["country"] for r in records} == {"PSE"}
    bad = runner.invoke(app, ["events", "--db", str(database), "--near", "north"])
    assert bad.exit_code == 2 and "E200" in bad.output
    lonely = runner.invoke(app, ["events", "--db", str(database), "--radius", "5"])
    assert lonely.exit_code == 2 and "E204" in lonely.output
