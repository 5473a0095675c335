from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tacitus.pipeline import DocumentCoder
from tacitus.places import DocumentPlaces, Gazetteer, PlaceResolver
from tacitus.types import Event
from tests.conftest import make_document


@pytest.fixture(scope="session")
def resolver() -> PlaceResolver:
    resolver = PlaceResolver()
    resolver.setup()
    return resolver


@pytest.fixture(scope="session")
def gazetteer(resolver: PlaceResolver) -> Gazetteer:
    assert resolver.gazetteer is not None
    return resolver.gazetteer


@pytest.fixture(scope="session")
def locate(document_coder: DocumentCoder, resolver: PlaceResolver) -> Callable[[str], list[Event]]:
    """Code a text and return its events with locations."""

    def run(text: str) -> list[Event]:
        doc = document_coder.parser.nlp(text)
        document = make_document(text)
        actors = document_coder.actors.analyse(doc)
        _, events = document_coder.events(doc, document, actors)
        return resolver(doc, document, actors, events)

    return run


@pytest.fixture(scope="session")
def places(document_coder: DocumentCoder, resolver: PlaceResolver) -> Callable[[str], DocumentPlaces]:
    """Every resolved place mention of a text."""

    def run(text: str) -> DocumentPlaces:
        doc: Any = document_coder.parser.nlp(text)
        actors = document_coder.actors.analyse(doc)
        _, events = document_coder.events(doc, make_document(text), actors)
        return resolver.places(doc, actors, events)

    return run
