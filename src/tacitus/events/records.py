"""Building event records: stable ids and the fields every coded event shares."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass

from tacitus.events.ontology import CameoCode
from tacitus.types import Actor, Document, Event, TextSpan


def event_id(doc_id: str, trigger_start: int, code: str, source: Actor | None, target: Actor | None) -> str:
    source_key = f"{source.start}:{source.code}" if source else ""
    target_key = f"{target.start}:{target.code}" if target else ""
    key = f"{doc_id}|{trigger_start}|{code}|{source_key}|{target_key}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def with_actors(event: Event, source: Actor | None, target: Actor | None) -> Event:
    """The event with other actors, its id computed anew from them."""
    new_id = event_id(event.doc_id, event.trigger.start, event.cameo, source, target)
    return dataclasses.replace(event, source=source, target=target, event_id=new_id)


def with_code(event: Event, cameo: CameoCode, entry: str | None = None) -> Event:
    """The event under another CAMEO code (its weight, quad class and PLOVER type with it), id anew."""
    recoded = dataclasses.replace(
        event,
        cameo=cameo.code,
        cameo_root=cameo.root,
        quad_class=cameo.quad_class,
        goldstein=cameo.goldstein,
        plover=cameo.plover,
        entry=entry or event.entry,
    )
    return with_actors(recoded, event.source, event.target)


@dataclass(frozen=True)
class EventEvidence:
    """Where an event was read: its document, sentence and trigger, and how it was stated."""

    document: Document
    sentence: int
    text: str
    trigger: TextSpan
    negated: bool
    modality: str
    entry: str


def make_event(
    cameo: CameoCode,
    source: Actor | None,
    target: Actor | None,
    evidence: EventEvidence,
    quote_id: str | None = None,
) -> Event:
    """An event record dated, for now, by its document's publication day."""
    document = evidence.document
    return Event(
        event_id=event_id(document.doc_id, evidence.trigger.start, cameo.code, source, target),
        doc_id=document.doc_id,
        sentence=evidence.sentence,
        date=document.date,
        date_precision="reported" if document.date else None,
        date_text=None,
        source=source,
        target=target,
        cameo=cameo.code,
        cameo_root=cameo.root,
        quad_class=cameo.quad_class,
        goldstein=cameo.goldstein,
        plover=cameo.plover,
        trigger=evidence.trigger,
        negated=evidence.negated,
        modality=evidence.modality,
        evidence=evidence.text,
        entry=evidence.entry,
        quote_id=quote_id,
    )
