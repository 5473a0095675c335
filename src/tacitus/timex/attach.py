"""Dating events: each event takes the date of the time expression that governs its clause.

In order: an expression attached to the event's own verb; one attached to a verb coordinated
with it ("criticised … and held exercises on Monday"); one attached to a verb above it (the
main clause: "said on Thursday that …"); any other in the sentence that does not sit in a
clause modifying a noun ("the offer it made on Monday"); the time set by the first sentence of
the paragraph; and otherwise the
publication date with precision `reported`. Borrowed dates (all but the first) must agree
with the event's modality: a future event takes no past date and an asserted one no future date.
"""

from __future__ import annotations

import bisect
import dataclasses
from datetime import date
from typing import Any

from tacitus.parse import doc_text
from tacitus.timex.tagger import governing_verb, parse_anchor
from tacitus.types import Event, Timex

DATABLE_PRECISIONS = {"day", "weekend", "week", "month", "quarter", "half", "season", "year", "decade", "century"}
CLAUSE_BARRIERS = {"relcl", "acl"}
FUTURE_MODALITIES = {"future"}


@dataclasses.dataclass(frozen=True)
class Placed:
    """A time expression with where it sits in the parse."""

    timex: Timex
    verb: int | None
    sentence_start: int


class TimeIndex:
    """The document's time expressions keyed by the verb that governs each."""

    def __init__(self, doc: Any, timexes: list[Timex]) -> None:
        self.doc = doc
        self.starts = [token.idx for token in doc]
        self.by_verb: dict[int | None, list[Placed]] = {}
        self.by_sentence: dict[int, list[Placed]] = {}
        for timex in timexes:
            if timex.precision == "reference":
                continue
            token = self.token_at(timex.start, timex.end)
            if token is None:
                continue
            verb = governing_verb(token)
            placed = Placed(timex, verb.i if verb is not None else None, token.sent.start_char)
            self.by_verb.setdefault(placed.verb, []).append(placed)
            self.by_sentence.setdefault(placed.sentence_start, []).append(placed)

    def token_at(self, start: int, end: int) -> Any | None:
        if not self.starts:
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            return span.root
        return self.doc[max(0, bisect.bisect_right(self.starts, start) - 1)]

    def in_modifier_clause(self, verb: int | None) -> bool:
        """Whether the verb heads (or sits in) a clause modifying a noun: its time is not the sentence's."""
        if verb is None:
            return False
        token = self.doc[verb]
        for _ in range(12):
            if token.dep_ in CLAUSE_BARRIERS:
                return True
            if token.head == token:
                return False
            token = token.head
        return False

    def paragraph_lead(self, sentence: Any) -> Any | None:
        """The first sentence of the paragraph holding `sentence`, if it comes before it."""
        text = doc_text(self.doc)
        paragraph_start = text.rfind("\n", 0, sentence.start_char) + 1
        if paragraph_start >= sentence.start_char:
            return None
        lead = self.token_at(paragraph_start, paragraph_start + 1)
        if lead is None or lead.sent.start_char >= sentence.start_char:
            return None
        return lead.sent


def _nearest(candidates: list[Placed], position: int) -> list[Placed]:
    return sorted(candidates, key=lambda p: abs(p.timex.start - position))


def _agrees(timex: Timex, event: Event, anchor: date | None) -> bool:
    if anchor is None or timex.first_day is None or timex.last_day is None:
        return True
    if event.modality in FUTURE_MODALITIES:
        return date.fromisoformat(timex.last_day) >= anchor
    return date.fromisoformat(timex.first_day) <= anchor


def governing_timex(index: TimeIndex, event: Event, anchor: date | None) -> Timex | None:
    """The time expression that dates the event, resolved or not; None when nothing does."""
    trigger = index.token_at(event.trigger.start, event.trigger.end)
    if trigger is None:
        return None
    position = event.trigger.start
    node, own = trigger, True
    for _ in range(12):
        for placed in _nearest(index.by_verb.get(node.i, []), position):
            if own or _agrees(placed.timex, event, anchor):
                return placed.timex
        if own:
            shared = [p for conjunct in node.conjuncts for p in index.by_verb.get(conjunct.i, [])]
            for placed in _nearest(shared, position):
                if _agrees(placed.timex, event, anchor):
                    return placed.timex
        if node.dep_ in CLAUSE_BARRIERS or node.head == node:
            break
        node, own = node.head, False
    sentence = trigger.sent
    loose = [p for p in index.by_sentence.get(sentence.start_char, []) if not index.in_modifier_clause(p.verb)]
    for placed in _nearest(loose, position):
        if _agrees(placed.timex, event, anchor):
            return placed.timex
    lead = index.paragraph_lead(sentence)
    if lead is not None:
        for placed in _nearest(index.by_verb.get(lead.root.i, []), position):
            if placed.sentence_start == lead.start_char and _agrees(placed.timex, event, anchor):
                return placed.timex
    return None


def date_text(timex: Timex) -> str:
    return f"{timex.signal} {timex.text}" if timex.signal else timex.text


def date_events(events: list[Event], doc: Any, timexes: list[Timex], anchor: str | date | None) -> list[Event]:
    """New event records with date, date_precision and date_text from the governing expression.

    Without a governing, resolvable expression an event takes the publication date with
    precision `reported`; without a publication date it gets no date (None) rather than a guess,
    and date_text names the expression that could not be resolved, if there was one.
    """
    anchor_date = parse_anchor(anchor)
    if not events:
        return []
    index = TimeIndex(doc, [t for t in timexes if t.precision in DATABLE_PRECISIONS or t.problem])
    dated = []
    for event in events:
        timex = governing_timex(index, event, anchor_date)
        if timex is not None and timex.value is not None:
            dated.append(
                dataclasses.replace(event, date=timex.value, date_precision=timex.precision, date_text=date_text(timex))
            )
        elif anchor_date is not None:
            dated.append(
                dataclasses.replace(event, date=anchor_date.isoformat(), date_precision="reported", date_text=None)
            )
        else:
            unresolved = date_text(timex) if timex is not None else None
            dated.append(dataclasses.replace(event, date=None, date_precision=None, date_text=unresolved))
    return dated
