"""Stage: place mentions → gazetteer entries, and each event's location."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from tacitus.actors import DocumentActors
from tacitus.parse import doc_text
from tacitus.places.disambiguate import Context, resolve_mentions
from tacitus.places.gazetteer import Gazetteer
from tacitus.places.mentions import MOTION_VERBS, PlaceMention, find_dateline, find_mentions
from tacitus.places.names import name_key
from tacitus.types import Document, Event

ACTOR_WEIGHT = 1.0
VERB_POS = {"VERB", "AUX"}
REPORTED_DEPS = {"ccomp", "parataxis"}
SITE_LABELS = {"FAC"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")
RECIPIENT_PREPS = {"to", "from", "toward", "towards", "between", "on", "over"}


@dataclasses.dataclass
class DocumentPlaces:
    """The place mentions of one document, resolved, and its dateline."""

    mentions: list[PlaceMention]
    dateline: PlaceMention | None


def location_record(mention: PlaceMention, basis: str) -> dict[str, Any]:
    """The event record's `location`: the mention and, when resolved, its gazetteer entry."""
    place = mention.place
    return {
        "text": mention.text,
        "name": place.name if place else None,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "lat": round(place.lat, 5) if place else None,
        "lon": round(place.lon, 5) if place else None,
        "geonameid": place.geonameid if place else None,
        "start": mention.start,
        "end": mention.end,
        "precision": place.precision if place else None,
        "confidence": mention.confidence,
        "basis": basis,
    }


def _governing_verb(token: Any) -> Any | None:
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in VERB_POS:
            return token
    return token if token.pos_ in VERB_POS else None


def can_locate(mention: PlaceMention, doc: Any) -> bool:
    """Whether a mention may be where an event happened (not an actor, not a bare qualifier)."""
    if mention.qualifies or mention.head is None:
        return False
    if mention.role == "object":
        if mention.label in SITE_LABELS:
            return True
        verb = _governing_verb(doc[mention.head])
        return verb is not None and verb.lemma_.lower() in MOTION_VERBS
    if mention.role != "place":
        return False
    return mention.place is not None or mention.label is not None or mention.feature is not None


def _reported(token: Any, trigger: Any) -> bool:
    """Whether a token sits in speech or a clause reported by the trigger ("said … in Raqqa")."""
    while token.i != trigger.i and token.head.i != token.i:
        if token.dep_ in REPORTED_DEPS:
            return True
        token = token.head
    return False


def _recipient(mention: PlaceMention, actors: list[tuple[int, int]], trigger: Any | None) -> bool:
    """A source or target of the trigger's events named after "to", "from" … ("protested to China",
    "a meeting between Sudan and Chad") is not its place."""
    if trigger is None or mention.head is None:
        return False
    token = trigger.doc[mention.head]
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    if token.head.lower_ not in RECIPIENT_PREPS:
        return False
    return any(mention.start < end and start < mention.end for start, end in actors)


def _actor_spans(events: list[Event]) -> dict[int, list[tuple[int, int]]]:
    """The source and target spans of all events of each trigger."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for event in events:
        found = spans.setdefault(event.trigger.start, [])
        found += [(a.start, a.end) for a in (event.source, event.target) if a is not None]
    return spans


class PlaceResolver:
    """Resolves place mentions against the offline gazetteer and sets each event's location."""

    name = "places"

    def __init__(self, min_population: int = 500, cache_dir: str | Path | None = None) -> None:
        self.min_population = min_population
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self.gazetteer: Gazetteer | None = None
        self._capitals: tuple[int, set[str]] = (0, set())

    def setup(self) -> None:
        if self.gazetteer is None:
            self.gazetteer = Gazetteer.open(self.min_population, self.cache_dir)

    def _capital_names(self, actors: DocumentActors) -> set[str]:
        knowledge = actors.knowledge
        if self._capitals[0] != id(knowledge):
            names = {name_key(name) for name, ref in knowledge.names.items() if ref.role == "capital"}
            self._capitals = (id(knowledge), names)
        return self._capitals[1]

    def _context(self, doc: Any, actors: DocumentActors, events: list[Event]) -> Context:
        context = Context(capital_names=self._capital_names(actors))
        seen: set[tuple[int, int]] = set()
        sentence_of = {token.i: index for index, sent in enumerate(doc.sents) for token in sent}
        for ref, start, end in actors.names.values():
            if (start, end) in seen or ref.entry.country is None:
                continue
            seen.add((start, end))
            key = name_key(doc[start:end].text)
            context.add(key, ref.entry.country, None, ACTOR_WEIGHT, sentence_of.get(start))
        for event in events:
            for actor in (event.source, event.target):
                if actor is not None and actor.country and actor.entry is None:
                    context.add(name_key(actor.text), actor.country, None, ACTOR_WEIGHT / 2, event.sentence)
        return context

    def places(self, doc: Any, actors: DocumentActors, events: list[Event] | None = None) -> DocumentPlaces:
        """Every place mention of a parsed document, resolved where the gazetteer knows it."""
        self.setup()
        assert self.gazetteer is not None
        people = {i for i, (ref, _, _) in actors.names.items() if ref.person is not None}
        # A name the actor knowledge holds as a person's ("Obama") is no place, whatever the parser says.
        mentions = [m for m in find_mentions(doc) if not people.intersection(range(*m.tokens))]
        dateline = find_dateline(doc_text(doc))
        resolve_mentions(self.gazetteer, mentions, self._context(doc, actors, events or []), dateline)
        mentions = [
            m
            for m in mentions
            if (m.place is not None or m.label is not None or m.feature is not None)
            and not (dateline is not None and m.start < dateline.end and dateline.start < m.end)
        ]
        if dateline is not None and dateline.place is None:
            dateline = None
        return DocumentPlaces(mentions, dateline)

    def __call__(self, doc: Any, document: Document, actors: DocumentActors, events: list[Event]) -> list[Event]:
        """The events with `location` set where the text or the dateline gives one."""
        if not events:
            return events
        found = self.places(doc, actors, events)
        by_sentence: dict[int, list[PlaceMention]] = {}
        for mention in found.mentions:
            if mention.sentence is not None and can_locate(mention, doc):
                by_sentence.setdefault(mention.sentence, []).append(mention)
        starts = {token.idx: token for token in doc}
        spans = _actor_spans(events)
        located = []
        for event in events:
            trigger = starts.get(event.trigger.start)
            record = self._locate(event, trigger, spans.get(event.trigger.start, []), by_sentence, found.dateline)
            located.append(dataclasses.replace(event, location=record) if record else event)
        return located

    def _locate(
        self,
        event: Event,
        trigger: Any | None,
        actors: list[tuple[int, int]],
        by_sentence: dict[int, list[PlaceMention]],
        dateline: PlaceMention | None,
    ) -> dict[str, Any] | None:
        options = [m for m in by_sentence.get(event.sentence, []) if not _recipient(m, actors, trigger)]
        if trigger is not None and trigger.dep_ in SUBJECT_DEPS and trigger.pos_ == "NOUN":
            # "The deployment of the troops ended in Bosnia": an event noun as subject happens in its verb's clause.
            trigger = trigger.head
        if trigger is not None and options:
            subtree = {token.i for token in trigger.subtree}

            def rank(mention: PlaceMention) -> tuple[int, int, int]:
                head = trigger.doc[mention.head]
                governor = _governing_verb(head)
                if governor is not None and governor.i == trigger.i:
                    tier = 0
                elif mention.head in subtree and not _reported(head, trigger):
                    tier = 1
                else:
                    tier = 2
                return tier, int(mention.place is None), abs(mention.head - trigger.i) if mention.head else 0

            best = min(options, key=rank)
            return location_record(best, "clause" if rank(best)[0] < 2 else "sentence")
        if options:
            return location_record(options[0], "sentence")
        if dateline is not None:
            return location_record(dateline, "dateline")
        return None
