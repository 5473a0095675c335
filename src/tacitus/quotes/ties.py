"""Quotes and events together: events said inside a quote are the speaker's claim, and a
statement with no more specific event becomes a CAMEO 01x (or the cue's own) statement event."""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from tacitus.events.ontology import load_ontology
from tacitus.events.records import EventEvidence, event_id, make_event
from tacitus.events.syntax import modality
from tacitus.quotes.cues import STATEMENT_CODE, CueLexicon, load_cues
from tacitus.types import Actor, Document, Event, Quote, TextSpan

FIRST_PERSON = {"i", "we"}
MAX_OVERLAPPING = 4
MAX_QUOTE_REACH = 20000


@lru_cache(maxsize=1)
def default_cues() -> CueLexicon:
    return load_cues()


def _is_coded(actor: Actor | None) -> bool:
    return actor is not None and bool(actor.code or actor.country)


def _containing(quotes: Sequence[Quote], starts: list[int], start: int, end: int) -> Quote | None:
    last = bisect_right(starts, start) - 1
    for index in range(last, max(-1, last - MAX_OVERLAPPING), -1):
        quote = quotes[index]
        if quote.start <= start and end <= quote.end:
            return quote
        if start - quote.start > MAX_QUOTE_REACH:
            break
    return None


def _token_at(doc: Any, char: int) -> Any | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _speaker_as_source(event: Event, quote: Quote, doc: Any) -> Event:
    """An event inside a quote whose subject is "we"/"I" has the speaker as its source."""
    if event.source is not None or not _is_coded(quote.speaker):
        return event
    trigger = _token_at(doc, event.trigger.start)
    if trigger is None or not any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in trigger.children):
        return event
    source = quote.speaker
    assert source is not None
    new_id = event_id(event.doc_id, event.trigger.start, event.cameo, source, event.target)
    return dataclasses.replace(event, source=source, event_id=new_id)


def tie_events(events: list[Event], quotes: list[Quote], doc: Any, document: Document) -> list[Event]:
    """The events, those inside a quote attributed to it, plus statement events for quotes without one."""
    if not quotes:
        return events
    ordered = sorted(quotes, key=lambda q: (q.start, q.end))
    starts = [q.start for q in ordered]
    by_cue: dict[int, Quote] = {}
    for quote in ordered:
        if quote.cue is not None:
            by_cue.setdefault(quote.cue.start, quote)
    specific: set[int] = set()
    stated: set[int] = set()
    tied: list[Event] = []
    for event in events:
        found = _containing(ordered, starts, event.trigger.start, event.trigger.end)
        on_cue = found is None and event.trigger.start in by_cue
        holder = by_cue[event.trigger.start] if on_cue else found
        if holder is None:
            tied.append(event)
            continue
        if event.cameo != STATEMENT_CODE:
            specific.add(_group_key(holder))
        elif on_cue:
            stated.add(_group_key(holder))
        tied.append(dataclasses.replace(_speaker_as_source(event, holder, doc), quote_id=holder.quote_id))
    group_of = {q.quote_id: _group_key(q) for q in ordered}
    kept = [
        e
        for e in tied
        if not (
            e.cameo == STATEMENT_CODE
            and e.quote_id is not None
            and e.trigger.start in by_cue
            and group_of[e.quote_id] in specific
        )
    ]
    known = {e.event_id for e in kept}
    sentences = _SentenceIndex(doc)
    lexicon = default_cues()
    for quote in ordered:
        key = _group_key(quote)
        if key in specific or key in stated or not _is_coded(quote.speaker):
            continue
        stated.add(key)
        statement = _statement(quote, doc, document, sentences, lexicon)
        if statement.event_id not in known:
            known.add(statement.event_id)
            kept.append(statement)
    return kept


def _group_key(quote: Quote) -> int:
    """Quotes sharing a cue (a quotation over several paragraphs) make one statement."""
    return quote.cue.start if quote.cue is not None else -1 - quote.start


class _SentenceIndex:
    def __init__(self, doc: Any) -> None:
        self.sentences = list(doc.sents)
        self.starts = [s.start_char for s in self.sentences]

    def at(self, char: int) -> tuple[int, Any]:
        index = max(0, bisect_right(self.starts, char) - 1)
        return index, self.sentences[index]


def _statement(quote: Quote, doc: Any, document: Document, sentences: _SentenceIndex, lexicon: CueLexicon) -> Event:
    ontology = load_ontology()
    cue_token = _token_at(doc, quote.cue.start) if quote.cue is not None else None
    entry = None
    if quote.cue is not None:
        phrase = quote.cue.text.casefold()
        entry = lexicon.phrases.get(phrase) or (lexicon.verb(cue_token.lemma_) if cue_token is not None else None)
    code = ontology[entry.statement_code if entry is not None else STATEMENT_CODE]
    if quote.cue is not None:
        trigger = quote.cue
    else:
        first_word = quote.text.split(maxsplit=1)[0] if quote.text.split() else quote.text
        trigger = TextSpan(first_word, quote.start, quote.start + len(first_word))
    index, sentence = sentences.at(trigger.start)
    negated = cue_token is not None and any(c.dep_ == "neg" for c in cue_token.children)
    mode = modality(cue_token, sentence) if cue_token is not None else "asserted"
    source = quote.speaker
    entry_name = f"quote:{entry.where}" if entry is not None else "quote"
    evidence = EventEvidence(document, index, sentence.text, trigger, negated, mode, entry_name)
    return make_event(code, source, None, evidence, quote_id=quote.quote_id)
