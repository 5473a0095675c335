"""Actor accuracy: for every gold source/target actor, the country and sector tacitus resolves for its span."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tacitus.actors.knowledge import ActorKnowledge
from tacitus.actors.resolve import ActorCoder, DocumentActors
from tacitus.errors import Errors, TacitusError
from tacitus.types import Actor

NON_STATE_TYPES = ("IGO", "NGO", "IMG", "MNC")
UNKNOWN_SECTOR = "***"
ELLIPSIS = "..."


@dataclass(frozen=True)
class GoldActor:
    sentence_id: str
    sentence: str
    text: str
    country: str | None
    sector: str | None


@dataclass(frozen=True)
class ActorJudgement:
    gold: GoldActor
    located: bool
    actor: Actor | None
    country: str | None
    sector: str | None
    country_correct: bool
    sector_correct: bool | None


@dataclass
class ActorScores:
    judgements: list[ActorJudgement] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.judgements)

    @property
    def located(self) -> list[ActorJudgement]:
        return [j for j in self.judgements if j.located]

    @property
    def country_accuracy(self) -> float:
        located = self.located
        return sum(j.country_correct for j in located) / len(located) if located else 0.0

    @property
    def sector_scored(self) -> list[ActorJudgement]:
        return [j for j in self.located if j.sector_correct is not None]

    @property
    def sector_accuracy(self) -> float:
        scored = self.sector_scored
        return sum(bool(j.sector_correct) for j in scored) / len(scored) if scored else 0.0

    def summary(self) -> dict[str, Any]:
        return {
            "gold_actors": self.total,
            "located": len(self.located),
            "coded": sum(j.actor is not None for j in self.located),
            "country_accuracy": round(self.country_accuracy, 4),
            "sector_scored": len(self.sector_scored),
            "sector_accuracy": round(self.sector_accuracy, 4),
        }


def read_gold_actors(path: Path) -> list[GoldActor]:
    """Every source and target actor of the PLOVER codings in a gold JSONL file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise TacitusError(Errors.E001, path=path, reason=exc) from exc
    found: list[GoldActor] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise TacitusError(Errors.E160, path=path, line=number, reason=f"not JSON: {exc.msg}") from exc
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise TacitusError(Errors.E160, path=path, line=number, reason="no 'text'")
        codings = record.get("plover") or []
        if not isinstance(codings, list):
            raise TacitusError(Errors.E160, path=path, line=number, reason="'plover' must be a list")
        for coding in codings:
            for side in ("source", "target"):
                for actor in (coding.get(side) or []) if isinstance(coding, dict) else []:
                    if not isinstance(actor, dict) or not isinstance(actor.get("text"), str):
                        raise TacitusError(Errors.E160, path=path, line=number, reason=f"a {side} without 'text'")
                    found.append(
                        GoldActor(
                            str(record.get("id", number)),
                            record["text"],
                            actor["text"],
                            actor.get("country"),
                            actor.get("sector"),
                        )
                    )
    if not found:
        raise TacitusError(Errors.E161, path=path)
    return found


def locate(sentence: str, text: str) -> tuple[int, int] | None:
    """Character span of a gold actor text in its sentence; "A ... B" is located by its first part."""
    wanted = text.strip()
    if ELLIPSIS in wanted:
        wanted = wanted.split(ELLIPSIS)[0].strip()
    if not wanted:
        return None
    wanted = " ".join(wanted.split())
    start = sentence.find(wanted)
    if start < 0:
        start = sentence.casefold().find(wanted.casefold())
    if start < 0:
        return None
    return start, start + len(wanted)


def actor_slots(actor: Actor) -> tuple[str | None, str | None]:
    """An actor as (country, sector) the way CAMEO gold writes it: IGO/NGO/IMG/MNC stand in the country slot."""
    country = actor.country
    sector = actor.sector
    if country is None and actor.code[:3] in NON_STATE_TYPES:
        country = actor.code[:3]
        if sector == country:
            sector = None
    return country, sector


def gold_sector(knowledge: ActorKnowledge, sector: str | None) -> str | None:
    if sector is None:
        return None
    primary = sector[:3].upper()
    return knowledge.sector_code(primary) or primary


def _resolve_span(actors: DocumentActors, doc: Any, start: int, end: int) -> Actor | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    named_here = {actors.names[t.i][0].entry.where() for t in span if t.i in actors.names}
    for token in _heads_first(span):
        found = actors.resolve(token)
        if found:
            return max(
                found, key=lambda a: (bool(a.entry) and a.entry in named_here, min(a.end, end) - max(a.start, start))
            )
    return None


def _heads_first(span: Any) -> list[Any]:
    """The span's tokens from the top of its parse down, nouns first, so a phrase's head is tried first."""
    inside = range(span.start, span.end)
    order: list[Any] = [span.root] + [t for t in span if t.head.i not in inside and t.i != span.root.i]
    index = 0
    while index < len(order):
        order.extend(child for child in order[index].children if child.i in inside)
        index += 1
    nouns = [t for t in order if t.pos_ in ("NOUN", "PROPN", "PRON")]
    return nouns + [t for t in order if t.pos_ not in ("NOUN", "PROPN", "PRON")]


def judge(knowledge: ActorKnowledge, gold: GoldActor, actor: Actor | None, located: bool) -> ActorJudgement:
    country, sector = actor_slots(actor) if actor is not None else (None, None)
    gold_country = gold.country.upper() if gold.country else None
    country_correct = actor is not None and country == gold_country
    sector_correct: bool | None
    if gold.sector is not None and gold.sector.strip() == UNKNOWN_SECTOR:
        sector_correct = None
    else:
        predicted = knowledge.sector_code(sector) or sector
        sector_correct = actor is not None and predicted == gold_sector(knowledge, gold.sector)
    return ActorJudgement(gold, located, actor, country, sector, country_correct, sector_correct)


def _by_sentence(gold: Iterable[GoldActor]) -> Iterator[tuple[str, list[GoldActor]]]:
    groups: dict[str, list[GoldActor]] = {}
    for actor in gold:
        groups.setdefault(actor.sentence, []).append(actor)
    yield from groups.items()


def evaluate_actors(gold: list[GoldActor], nlp: Any, coder: ActorCoder) -> ActorScores:
    """Parse each gold sentence once, resolve every gold actor span, and score country and sector."""
    scores = ActorScores()
    groups = list(_by_sentence(gold))
    docs = nlp.pipe(text for text, _ in groups)
    for (_, actors_of_sentence), doc in zip(groups, docs, strict=True):
        actors = coder.analyse(doc)
        for item in actors_of_sentence:
            where = locate(item.sentence, item.text)
            actor = _resolve_span(actors, doc, *where) if where is not None else None
            scores.judgements.append(judge(coder.knowledge, item, actor, where is not None))
    return scores
