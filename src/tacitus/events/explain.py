"""Why an event was coded: the lexicon patterns that fired, and the parse paths to its actors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tacitus.events.lexicon import Lexicon, Pattern


@dataclass(frozen=True)
class Explanation:
    event_id: str
    sentence: str
    code: str
    code_name: str
    trigger: str
    patterns: list[Pattern]
    derivation: str | None
    source_path: str | None
    target_path: str | None
    source_entry: str | None
    target_entry: str | None
    modality: str
    negated: bool

    def lines(self) -> list[str]:
        out = [
            f"event {self.event_id}: {self.code} {self.code_name}",
            f"sentence: {self.sentence.strip()}",
            f"trigger: {self.trigger}",
        ]
        for pattern in self.patterns:
            out.append(f"pattern: {pattern.pattern_id} ({pattern.describe()} → {pattern.code}) at {pattern.where()}")
        if self.derivation:
            out.append(f"coded as: {self.derivation}")
        out.append(f"source path: {self.source_path or '-'}   actor entry: {self.source_entry or '-'}")
        out.append(f"target path: {self.target_path or '-'}   actor entry: {self.target_entry or '-'}")
        out.append(f"modality: {self.modality}{', negated' if self.negated else ''}")
        return out


DERIVATIONS = {
    "intent": "an announced future or conditional action, coded as the speaker's intent or threat",
    "threat": "an announced future or conditional action, coded as the speaker's intent or threat",
    "demand": "an obligation ('must', 'should') in reported speech, coded as the speaker's demand",
    "refuse": "an announced action negated, coded as the speaker's refusal",
    "change": "the fourth digit from the political change the clause names (data/lexicon/changes.yaml)",
    "joint": "done together by actors of several countries: the code's joint form (data/cameo.yaml)",
}


def entry_patterns(entry: str, lexicon: Lexicon) -> tuple[list[Pattern], str | None]:
    """'urge>withdraw-troop+intent' → the patterns urge and withdraw-troop, and how they combined."""
    base, _, derived = entry.partition("+")
    ids = base.split(">")
    patterns = [lexicon.by_id[i] for i in ids if i in lexicon.by_id]
    notes = []
    if len(ids) > 1:
        notes.append(
            "the governing verb's code replaced by the parallel of its complement (data/lexicon/parallels.yaml)"
        )
    notes += [DERIVATIONS.get(kind, kind) for kind in derived.split("+") if kind]
    return patterns, "; ".join(notes) or None


def dependency_path(doc: Any, start: int | None, trigger_start: int) -> str | None:
    """The dependency path from the trigger up to the common head and down to the actor's token."""
    if start is None:
        return None
    trigger = next((t for t in doc if t.idx == trigger_start), None)
    actor = next((t for t in doc if t.idx <= start < t.idx + len(t.text) + 1), None)
    if trigger is None or actor is None:
        return None
    up = [trigger, *trigger.ancestors]
    down = [actor, *actor.ancestors]
    common = next((t for t in up if t in down), None)
    if common is None:
        return None
    rising = up[: up.index(common) + 1]
    falling = list(reversed(down[: down.index(common)]))
    steps = [rising[0].text]
    for token in rising[1:]:
        steps.append(f"↑{token.text}")
    for token in falling:
        steps.append(f"↓{token.dep_}:{token.text}")
    return " ".join(steps)


def explain(row: dict[str, Any], clean_text: str, nlp: Any, lexicon: Lexicon) -> Explanation:
    doc = nlp(clean_text)
    patterns, derivation = entry_patterns(row.get("entry") or "", lexicon)
    cameo = lexicon.ontology.get(row["cameo"])
    return Explanation(
        event_id=row["event_id"],
        sentence=row["evidence"],
        code=row["cameo"],
        code_name=cameo.name if cameo else "",
        trigger=f"'{row['trigger_text']}' at {row['trigger_start']}",
        patterns=patterns,
        derivation=derivation,
        source_path=dependency_path(doc, row.get("source_start"), row["trigger_start"]),
        target_path=dependency_path(doc, row.get("target_start"), row["trigger_start"]),
        source_entry=row.get("source_entry"),
        target_entry=row.get("target_entry"),
        modality=row["modality"],
        negated=bool(row["negated"]),
    )
