"""An obligation laid on someone else in a statement is a demand: "X said Y must …" → X demands of Y (100).

The events stage codes such a demand when the obliged action is itself a coded event (a
parallel `demand` code); this covers the statements whose action is not coded, which would
otherwise stay plain 010 statements.
"""

from __future__ import annotations

from typing import Any

from tacitus.actors.resolve import DocumentActors
from tacitus.events.ontology import load_ontology
from tacitus.events.records import with_actors, with_code
from tacitus.events.syntax import negated, obliged, subject_heads, with_conjuncts
from tacitus.quotes.cues import STATEMENT_CODE
from tacitus.types import Actor, Event, Quote

DEMAND_CODE = "100"
SELF_REFERENCES = {"i", "we", "us", "everyone", "everybody", "all", "nobody"}


def obliged_actors(quote: Quote, doc: Any, actors: DocumentActors, speaker: Actor) -> list[Actor]:
    """Coded actors other than the speaker that the quote says must or should act."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return []
    for token in span:
        heads_outside = token.head == token or not (span.start <= token.head.i < span.end)
        if token.pos_ not in ("VERB", "AUX") or not heads_outside or not obliged(token) or negated([token]):
            continue
        found: list[Actor] = []
        for head in with_conjuncts(subject_heads(token)):
            if head.lower_ in SELF_REFERENCES:
                continue
            found += [a for a in actors.resolve(head) if a.code and a.code != speaker.code]
        if found:
            return found
    return []


def as_demands(events: list[Event], quotes: list[Quote], doc: Any, actors: DocumentActors) -> list[Event]:
    """Statement events whose quote obliges another actor, recoded as demands of that actor."""
    by_id = {q.quote_id: q for q in quotes}
    demand = load_ontology()[DEMAND_CODE]
    result: list[Event] = []
    for event in events:
        quote = by_id.get(event.quote_id or "")
        eligible = event.cameo == STATEMENT_CODE and not event.negated and event.target is None
        targets = obliged_actors(quote, doc, actors, event.source) if quote and event.source and eligible else []
        if not targets:
            result.append(event)
            continue
        seen: set[str] = set()
        for target in targets:
            if target.code in seen:
                continue
            seen.add(target.code)
            result.append(with_code(with_actors(event, event.source, target), demand, f"{event.entry}+demand"))
    return result
