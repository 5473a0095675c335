"""Event locations against gold: for each gold event with a location, does tacitus place the
sentence's event at a place of that name (and country, where the gold gives one)?"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tacitus.errors import Errors, TacitusError
from tacitus.places import PlaceResolver
from tacitus.places.names import name_key
from tacitus.types import Document, Event, TextSpan


@dataclass(frozen=True)
class GoldLocation:
    item_id: str
    text: str
    name: str
    country_iso2: str | None


@dataclass(frozen=True)
class LocationVerdict:
    gold: GoldLocation
    coded_events: int
    predicted: dict[str, Any] | None
    name_ok: bool
    country_ok: bool
    stage_alone: bool = False

    @property
    def correct(self) -> bool:
        return self.name_ok and self.country_ok


@dataclass
class PlacesScore:
    verdicts: list[LocationVerdict] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.verdicts)

    @property
    def correct(self) -> int:
        return sum(v.correct for v in self.verdicts)

    @property
    def with_events(self) -> list[LocationVerdict]:
        return [v for v in self.verdicts if v.coded_events]

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def stage_accuracy(self) -> float:
        """Where the event coder found no event, an event at the sentence's main verb is located instead."""
        return sum(v.correct or v.stage_alone for v in self.verdicts) / self.total if self.total else 0.0

    @property
    def accuracy_given_event(self) -> float:
        coded = self.with_events
        return sum(v.correct for v in coded) / len(coded) if coded else 0.0


def read_gold_locations(path: Path) -> Iterator[GoldLocation]:
    """Gold events with a location, one per (sentence, location name)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise TacitusError(Errors.E001, path=path, reason=exc) from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise TacitusError(Errors.E205, path=path, line=number, reason=f"not valid JSON ({exc.msg})") from exc
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise TacitusError(Errors.E205, path=path, line=number, reason="no 'text' string")
        seen: set[str] = set()
        for item in record.get("plover") or []:
            location = item.get("location") if isinstance(item, dict) else None
            if not isinstance(location, dict) or not location.get("name"):
                continue
            name = str(location["name"])
            if name in seen:
                continue
            seen.add(name)
            iso2 = location.get("country_iso2")
            yield GoldLocation(str(record.get("id", number)), record["text"], name, iso2 or None)


def _contains(outer: str, inner: str) -> bool:
    return bool(inner) and re.search(rf"(^| ){re.escape(inner)}( |$)", outer) is not None


def name_matches(gold: str, location: dict[str, Any]) -> bool:
    """The gold name and the location's resolved name or text: equal, or one within the other."""
    wanted = name_key(gold)
    for value in (location.get("name"), location.get("text")):
        if isinstance(value, str):
            got = name_key(value)
            if got == wanted or _contains(wanted, got) or _contains(got, wanted):
                return True
    return False


def judge(gold: GoldLocation, events: list[Event], iso2_of: dict[str, str]) -> LocationVerdict:
    """Correct when any of the sentence's events is located at the gold place."""
    best: dict[str, Any] | None = None
    best_flags = (False, False)
    for event in events:
        location = event.location
        if location is None:
            continue
        name_ok = name_matches(gold.name, location)
        country = location.get("country")
        country_ok = gold.country_iso2 is None or iso2_of.get(country or "") == gold.country_iso2
        if best is None or (name_ok and country_ok, name_ok) > (all(best_flags), best_flags[0]):
            best, best_flags = location, (name_ok, country_ok)
    return LocationVerdict(gold, len(events), best, *best_flags)


def evaluate_places(gold_path: Path, coder: Any, resolver: PlaceResolver) -> PlacesScore:
    """Code each gold sentence with `coder` (a set-up DocumentCoder) and locate its events."""
    golds = list(read_gold_locations(gold_path))
    documents = [
        Document(
            doc_id=g.item_id, origin=str(gold_path), raw_text=g.text, clean_text=g.text, content_hash="", fmt="txt"
        )
        for g in golds
    ]
    iso2_of = _iso2_by_iso3()
    score = PlacesScore()
    docs = coder.parser.pipe(d.clean_text for d in documents)
    for gold, document, doc in zip(golds, documents, docs, strict=True):
        actors = coder.actors.analyse(doc)
        _, events = coder.events(doc, document, actors)
        verdict = judge(gold, resolver(doc, document, actors, events), iso2_of)
        if not events:
            stand_ins = resolver(doc, document, actors, _root_events(doc, document))
            stage = judge(gold, stand_ins, iso2_of)
            verdict = dataclasses.replace(verdict, stage_alone=stage.correct)
        score.verdicts.append(verdict)
    return score


def _iso2_by_iso3() -> dict[str, str]:
    from tacitus.datafiles import load_entries, package_data

    found: dict[str, str] = {}
    for entry in load_entries(package_data("actors", "countries.yaml")):
        code, iso2 = entry.fields.get("code"), entry.fields.get("iso2")
        if isinstance(code, str) and isinstance(iso2, str):
            found[code] = iso2
    return found


def _root_events(doc: Any, document: Document) -> list[Event]:
    """Stand-in events at each sentence's main verb, to locate sentences the event coder did not code."""
    events = []
    for index, sent in enumerate(doc.sents):
        root = sent.root
        events.append(
            Event(
                event_id=f"root-{index}",
                doc_id=document.doc_id,
                sentence=index,
                date=None,
                date_precision=None,
                date_text=None,
                source=None,
                target=None,
                cameo="",
                cameo_root="",
                quad_class=0,
                goldstein=0.0,
                plover=None,
                trigger=TextSpan(root.text, root.idx, root.idx + len(root.text)),
                negated=False,
                modality="asserted",
                evidence=sent.text,
                entry="",
            )
        )
    return events
