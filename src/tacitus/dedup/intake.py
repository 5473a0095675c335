"""Which clean documents to code: new texts are coded; a text already stored or being coded
becomes a sighting of that document (an exact duplicate); an id already stored is skipped.

Only the documents in flight (handed to a worker, not yet committed) are remembered here;
everything else is looked up in the store, one query per batch, so memory stays flat
however long the run.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tacitus.store import Store
from tacitus.types import Document, Sighting


@dataclass
class IntakeCounts:
    skipped: int = 0
    duplicates: int = 0


@dataclass
class Intake:
    store: Store
    replace: bool = False
    counts: IntakeCounts = field(default_factory=IntakeCounts)
    in_flight_ids: set[str] = field(default_factory=set)
    in_flight_hashes: dict[str, str] = field(default_factory=dict)
    waiting: list[Sighting] = field(default_factory=list)

    def admit(self, batch: list[Document]) -> list[Document]:
        """The documents of a batch to code, in order; the rest are counted and remembered as sightings."""
        stored_ids = self.store.known(d.doc_id for d in batch)
        stored_hashes = self.store.canonical_ids({d.content_hash for d in batch})
        chosen: list[Document] = []
        for document in batch:
            canonical = self.in_flight_hashes.get(document.content_hash) or stored_hashes.get(document.content_hash)
            recode = self.replace and canonical == document.doc_id and document.doc_id not in self.in_flight_ids
            if canonical is not None and not recode:
                self.waiting.append(Sighting.of(document, canonical))
                self.counts.skipped += 1
                self.counts.duplicates += canonical != document.doc_id
                continue
            if document.doc_id in self.in_flight_ids or (document.doc_id in stored_ids and not self.replace):
                self.counts.skipped += 1
                continue
            self.in_flight_ids.add(document.doc_id)
            self.in_flight_hashes[document.content_hash] = document.doc_id
            chosen.append(document)
        return chosen

    def committed(self, documents: list[Document]) -> list[Sighting]:
        """Forget committed documents; returns the sightings whose document is now stored or in this commit."""
        for document in documents:
            self.in_flight_ids.discard(document.doc_id)
            self.in_flight_hashes.pop(document.content_hash, None)
        ready = [s for s in self.waiting if s.doc_id not in self.in_flight_ids]
        self.waiting = [s for s in self.waiting if s.doc_id in self.in_flight_ids]
        return ready
