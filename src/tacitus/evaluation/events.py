"""Scoring coded events against gold sentences (CAMEO code and/or PLOVER events per sentence).

Gold format, one JSON object a line: `id`, `text`, `cameo` (a code or null) and `plover`, a
list of `{type, source: [{text, country?, sector?}], target: [...]}`. Only asserted,
non-negated events count as predictions.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tacitus.errors import Errors, TacitusError
from tacitus.types import Actor, Event

# Older PLOVER drafts and gold sets name some types differently; compare on one name.
PLOVER_SYNONYMS = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "CONCEDE": "YIELD",
    "RETREAT": "YIELD",
}
PLAIN_STATEMENT = "010"
WORST_SHOWN = 15


def plover_class(value: str | None) -> str | None:
    if value is None:
        return None
    upper = value.strip().upper()
    return PLOVER_SYNONYMS.get(upper, upper)


@dataclass(frozen=True)
class GoldActor:
    text: str
    country: str | None


@dataclass(frozen=True)
class GoldPlover:
    type: str
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]


@dataclass(frozen=True)
class GoldSentence:
    sentence_id: str
    text: str
    cameo: str | None
    plover: tuple[GoldPlover, ...]

    @property
    def root(self) -> str | None:
        return self.cameo[:2] if self.cameo else None

    @property
    def plover_types(self) -> set[str]:
        return {t for t in (plover_class(p.type) for p in self.plover) if t}


def _actors(raw: Any, where: str) -> tuple[GoldActor, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise TacitusError(Errors.E180, where=where, reason="'source' and 'target' must be lists")
    found = []
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("text", ""), str):
            raise TacitusError(Errors.E180, where=where, reason="each actor must be an object with 'text'")
        country = item.get("country")
        found.append(GoldActor(item.get("text") or "", country if isinstance(country, str) and country else None))
    return tuple(found)


def parse_gold_line(line: str, where: str) -> GoldSentence:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise TacitusError(Errors.E180, where=where, reason=f"not valid JSON ({exc.msg})") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or not raw["text"].strip():
        raise TacitusError(Errors.E180, where=where, reason="each line needs a non-empty 'text'")
    cameo = raw.get("cameo")
    if cameo is not None and not isinstance(cameo, str):
        raise TacitusError(Errors.E180, where=where, reason="'cameo' must be a quoted code or null")
    plovers = []
    for item in raw.get("plover") or []:
        if not isinstance(item, dict) or not isinstance(item.get("type"), str):
            raise TacitusError(Errors.E180, where=where, reason="each 'plover' item needs a 'type'")
        plovers.append(GoldPlover(item["type"], _actors(item.get("source"), where), _actors(item.get("target"), where)))
    return GoldSentence(str(raw.get("id") or where), raw["text"], cameo or None, tuple(plovers))


def load_gold(path: str | Path) -> list[GoldSentence]:
    """Gold sentences from a JSONL (or .jsonl.gz) file; a bad line is an error naming the line."""
    location = Path(path)
    opener: Callable[..., Any] = gzip.open if location.suffix == ".gz" else open
    try:
        with opener(location, "rt", encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise TacitusError(Errors.E001, path=location, reason=exc) from exc
    gold = [parse_gold_line(line, f"{location}:{n}") for n, line in enumerate(lines, 1) if line.strip()]
    if not gold:
        raise TacitusError(Errors.E181, path=location)
    return gold


def _words(text: str) -> set[str]:
    return {w.strip(".,'\"()").lower() for w in text.split() if len(w.strip(".,'\"()")) > 2}


def actor_agrees(predicted: Actor | None, gold: Iterable[GoldActor]) -> bool | None:
    """True/False when the gold names an actor for this role, None when it does not."""
    wanted = [g for g in gold if g.country or g.text]
    if not wanted:
        return None
    if predicted is None:
        return False
    country = predicted.country or predicted.code[:3]
    for actor in wanted:
        if actor.country is not None:
            if actor.country.upper()[:3] == country:
                return True
        elif _words(actor.text) & _words(predicted.text):
            return True
    return False


@dataclass
class RootRow:
    root: str
    gold: int = 0
    found: int = 0
    predicted: int = 0
    agreeing: int = 0


@dataclass
class SentenceResult:
    gold: GoldSentence
    events: list[Event]
    scored: list[Event]
    matched: list[Event]

    @property
    def wrong(self) -> int:
        missed = 1 if (self.gold.cameo or self.gold.plover) and not self.matched else 0
        return missed + len(self.scored) - len(self.matched)

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.gold.sentence_id,
            "text": self.gold.text,
            "gold_cameo": self.gold.cameo,
            "gold_plover": sorted(self.gold.plover_types),
            "predicted": [
                f"{e.source.code if e.source else '-'} {e.cameo} {e.target.code if e.target else '-'} ({e.entry})"
                for e in self.events
            ],
        }


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


@dataclass
class EventScores:
    sentences: int = 0
    cameo_sentences: int = 0
    plover_sentences: int = 0
    root_found: int = 0
    code_found: int = 0
    plover_found: int = 0
    predicted: int = 0
    predicted_agreeing: int = 0
    actor_checked: int = 0
    source_right: int = 0
    target_right: int = 0
    both_right: int = 0
    roots: dict[str, RootRow] = field(default_factory=dict)
    results: list[SentenceResult] = field(default_factory=list)

    def measures(self) -> dict[str, float | None]:
        return {
            "root_recall": _ratio(self.root_found, self.cameo_sentences),
            "root_precision": _ratio(self.predicted_agreeing, self.predicted),
            "full_code_accuracy": _ratio(self.code_found, self.cameo_sentences),
            "plover_type_accuracy": _ratio(self.plover_found, self.plover_sentences),
            "source_agreement": _ratio(self.source_right, self.actor_checked),
            "target_agreement": _ratio(self.target_right, self.actor_checked),
            "source_and_target_agreement": _ratio(self.both_right, self.actor_checked),
        }

    def worst(self, count: int = WORST_SHOWN) -> list[SentenceResult]:
        ranked = sorted((r for r in self.results if r.wrong), key=lambda r: (-r.wrong, r.gold.sentence_id))
        return ranked[:count]

    def as_dict(self, worst: int = WORST_SHOWN) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "cameo_sentences": self.cameo_sentences,
            "plover_sentences": self.plover_sentences,
            "predicted_events": self.predicted,
            "matched_events_with_gold_actors": self.actor_checked,
            **self.measures(),
            "per_root": [
                {
                    "root": row.root,
                    "gold": row.gold,
                    "recall": _ratio(row.found, row.gold),
                    "predicted": row.predicted,
                    "precision": _ratio(row.agreeing, row.predicted),
                }
                for row in sorted(self.roots.values(), key=lambda r: r.root)
            ],
            "worst": [r.summary() for r in self.worst(worst)],
        }


def _agrees(event: Event, gold: GoldSentence) -> bool:
    if gold.root is not None and event.cameo_root == gold.root:
        return True
    return event.plover is not None and plover_class(event.plover.type) in gold.plover_types


def scored_events(events: list[Event]) -> list[Event]:
    """Asserted events that count as predictions.

    A plain statement (010) whose sentence also yields another event is the attribution of
    that event ("X said Y attacked Z"); gold codes the reported event only, so it is not scored.
    """
    asserted = [e for e in events if not e.negated and e.modality == "asserted"]
    if any(e.cameo != PLAIN_STATEMENT for e in asserted):
        return [e for e in asserted if e.cameo != PLAIN_STATEMENT]
    return asserted


def _gold_plover_for(event: Event, gold: GoldSentence) -> GoldPlover | None:
    wanted = plover_class(event.plover.type) if event.plover else None
    for item in gold.plover:
        if plover_class(item.type) == wanted:
            return item
    return gold.plover[0] if len(gold.plover) == 1 else None


def score(gold: list[GoldSentence], predictions: list[list[Event]]) -> EventScores:
    """Compare each sentence's predicted events with its gold codes."""
    scores = EventScores()
    for sentence, events in zip(gold, predictions, strict=True):
        scores.sentences += 1
        scored = scored_events(events)
        matched = [e for e in scored if _agrees(e, sentence)]
        scores.results.append(SentenceResult(sentence, events, scored, matched))
        if sentence.root is not None:
            scores.cameo_sentences += 1
            row = scores.roots.setdefault(sentence.root, RootRow(sentence.root))
            row.gold += 1
            if any(e.cameo_root == sentence.root for e in scored):
                scores.root_found += 1
                row.found += 1
            if any(e.cameo == sentence.cameo for e in scored):
                scores.code_found += 1
        if sentence.plover_types:
            scores.plover_sentences += 1
            if any(e.plover and plover_class(e.plover.type) in sentence.plover_types for e in scored):
                scores.plover_found += 1
        scores.predicted += len(scored)
        scores.predicted_agreeing += len(matched)
        for event in scored:
            row = scores.roots.setdefault(event.cameo_root, RootRow(event.cameo_root))
            row.predicted += 1
            row.agreeing += event in matched
        for event in matched:
            item = _gold_plover_for(event, sentence)
            if item is None:
                continue
            source_ok = actor_agrees(event.source, item.sources)
            target_ok = actor_agrees(event.target, item.targets)
            if source_ok is None and target_ok is None:
                continue
            scores.actor_checked += 1
            scores.source_right += source_ok is not False
            scores.target_right += target_ok is not False
            scores.both_right += source_ok is not False and target_ok is not False
    return scores


def evaluate_events(path: str | Path, code_sentences: Callable[[list[str]], list[list[Event]]]) -> EventScores:
    """Load the gold file, code every sentence as its own document, and score."""
    gold = load_gold(path)
    return score(gold, code_sentences([g.text for g in gold]))
