"""Quotes and events together: events said inside a quote are the speaker's claim, and a
statement with no more specific event becomes a CAMEO 01x (or the cue's own) statement event."""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from tacitus.actors.resolve import DocumentActors
from tacitus.events.ontology import load_ontology
from tacitus.events.records import EventEvidence, make_event, with_actors
from tacitus.events.syntax import modality
from tacitus.quotes.cues import STATEMENT_CODE, Cue, CueLexicon, load_cues
from tacitus.quotes.demands import as_demands
from tacitus.quotes.finder import LISTENER_LEMMAS
from tacitus.types import Actor, Document, Event, Quote, TextSpan

FIRST_PERSON = {"i", "we"}
MAX_OVERLAPPING = 4
MAX_QUOTE_REACH = 20000
MAX_STATEMENT_STEPS = 3
JOINED_DEPS = {"advcl", "conj"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# "said in a letter to the UN": the channel a statement went through names its addressee.
CHANNEL_PREPS = {"in", "through", "via"}
CHANNEL_NOUNS = {"letter", "message", "note", "statement", "speech", "address", "call", "communication", "appeal"}
PRESS_SECTORS = {"MED"}


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
    return with_actors(event, source, event.target)


def tie_events(
    events: list[Event], quotes: list[Quote], doc: Any, document: Document, actors: DocumentActors | None = None
) -> list[Event]:
    """The events, those inside a quote attributed to it, and one statement event per statement.

    A statement is a cue and the quotes it introduces, together with the verb a participle or
    conjoined cue depends on ("rejected the offer, saying …" is one statement). It gives a
    statement event (01x, or the cue's own code) only when no more specific event is coded on
    its verbs or inside its quotes, and only one per speaker and listener. With `actors`,
    statement events take as target whom the statement was addressed to ("told Iran").
    """
    lexicon = default_cues()
    if not quotes:
        return _with_listeners(events, doc, actors, lexicon) if actors is not None else events
    ordered = sorted(quotes, key=lambda q: (q.start, q.end))
    starts = [q.start for q in ordered]
    anchors = {e.trigger.start for e in events}
    key_of = {q.quote_id: _statement_key(q, doc, anchors, lexicon) for q in ordered}
    by_cue: dict[int, Quote] = {}
    by_verb: dict[int, str] = {}
    for quote in ordered:
        if quote.cue is not None:
            by_cue.setdefault(quote.cue.start, quote)
            by_verb.setdefault(key_of[quote.quote_id], quote.quote_id)
    specific = _purpose_cues(ordered, key_of, doc, {e.trigger.start for e in events if e.cameo != STATEMENT_CODE})
    tied: list[tuple[Event, int | None, bool]] = []
    for event in events:
        # An event on a cue nested in another quote ("X threatened to …, the agency reported") is that cue's statement.
        nested = by_cue.get(event.trigger.start)
        if nested is not None and event.cameo != STATEMENT_CODE:
            specific.add(key_of[nested.quote_id])
        found = _containing(ordered, starts, event.trigger.start, event.trigger.end)
        on_cue = found is None and event.trigger.start in by_cue
        holder = by_cue[event.trigger.start] if on_cue else found
        if holder is None:
            verb_key = event.trigger.start if event.trigger.start in by_verb else None
            if verb_key is not None and event.cameo != STATEMENT_CODE:
                specific.add(verb_key)
            tied.append((event, verb_key, verb_key is not None))
            continue
        key = key_of[holder.quote_id]
        if event.cameo != STATEMENT_CODE:
            specific.add(key)
        if on_cue:
            event = _without_said_target(event, holder)
        event = dataclasses.replace(_speaker_as_source(event, holder, doc), quote_id=holder.quote_id)
        tied.append((event, key, on_cue))
    kept: list[Event] = []
    stated: set[int] = set()
    said: set[tuple[int, str | None, str | None]] = set()
    for event, group, saying in tied:
        if group is None or not saying or event.cameo != STATEMENT_CODE:
            kept.append(event)
            continue
        if group in specific:
            continue
        stated.add(group)
        dyad = (group, _code(event.source), _code(event.target))
        if dyad not in said:
            said.add(dyad)
            kept.append(event)
    if actors is not None:
        kept = _with_listeners(kept, doc, actors, lexicon)
    known = {e.event_id for e in kept}
    sentences = _SentenceIndex(doc)
    for quote in ordered:
        key = key_of[quote.quote_id]
        if key in specific or key in stated or not _is_coded(quote.speaker):
            continue
        stated.add(key)
        statement = _statement(quote, doc, document, sentences, lexicon, actors)
        if statement.event_id not in known:
            known.add(statement.event_id)
            kept.append(statement)
    return as_demands(kept, ordered, doc, actors) if actors is not None else kept


def _purpose_cues(quotes: Sequence[Quote], key_of: dict[str, int], doc: Any, coded: set[int]) -> set[int]:
    """Statements whose cue is the purpose of a coded event ("began a hunger strike to demand …"): the
    event says more than the statement would."""
    found: set[int] = set()
    for quote in quotes:
        token = _token_at(doc, quote.cue.start) if quote.cue is not None else None
        if token is None or not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            continue
        head = token.head
        if head.idx in coded or any(c.idx in coded for c in head.children if c.dep_ == "dobj"):
            found.add(key_of[quote.quote_id])
    return found


def _without_said_target(event: Event, quote: Quote) -> Event:
    """A statement is not addressed to someone named in what was said ("X says Turkey will …")."""
    target = event.target
    if event.cameo_root != STATEMENT_CODE[:2] or target is None or not quote.start <= target.start < quote.end:
        return event
    return with_actors(event, event.source, None)


def _code(actor: Actor | None) -> str | None:
    return actor.code if actor is not None else None


def _statement_key(quote: Quote, doc: Any, anchors: set[int], lexicon: CueLexicon) -> int:
    """The statement a quote belongs to: the character offset of its main verb.

    Quotes sharing a cue (a quotation over several paragraphs) make one statement, and so do a
    participle or conjoined cue without a subject of its own and the cue or event verb it hangs
    from ("dismissed the appeal, saying …"; "condemned the attack and said …")."""
    if quote.cue is None:
        return -1 - quote.start
    token = _token_at(doc, quote.cue.start)
    if token is None:
        return quote.cue.start
    for _ in range(MAX_STATEMENT_STEPS):
        head = token.head
        if head.i == token.i or token.dep_ not in JOINED_DEPS or head.pos_ not in ("VERB", "AUX"):
            break
        if any(c.dep_ in SUBJECT_DEPS for c in token.children):
            break
        if head.idx not in anchors and lexicon.verb(head.lemma_) is None:
            break
        token = head
    return int(token.idx)


def _with_listeners(events: list[Event], doc: Any, actors: DocumentActors, lexicon: CueLexicon) -> list[Event]:
    """Statement events without a target take the one their cue names as addressee."""
    result = []
    for event in events:
        if event.target is None and event.cameo_root == STATEMENT_CODE[:2] and event.source is not None:
            cue_token = _token_at(doc, event.trigger.start)
            cue = lexicon.verb(cue_token.lemma_) if cue_token is not None else None
            if cue_token is not None and cue is not None:
                target = addressee(cue_token, cue, actors, event.source)
                if target is not None:
                    event = with_actors(event, event.source, target)
        result.append(event)
    return result


def addressee(cue_token: Any, cue: Cue, actors: DocumentActors, speaker: Actor | None) -> Actor | None:
    """Whom a statement was made to: "told Iran", "warned Washington that …", "said in a letter to
    the UN"; never an audience ("said to reporters") or the press ("told CNN")."""
    candidates = [c for c in cue_token.children if c.dep_ in ("dative", "iobj")]
    if not cue.object_content:
        candidates += [c for c in cue_token.children if c.dep_ == "dobj"]
    for prep in cue_token.children:
        if prep.dep_ not in ("prep", "dative"):
            continue
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if prep.lower_ == "to":
            candidates += objects
        elif prep.lower_ in CHANNEL_PREPS:
            for channel in objects:
                if channel.lemma_.casefold() in CHANNEL_NOUNS:
                    candidates += [
                        o for p in channel.children if p.lower_ == "to" for o in p.children if o.dep_ == "pobj"
                    ]
    for candidate in candidates:
        if candidate.pos_ == "PRON" or candidate.lemma_.casefold() in LISTENER_LEMMAS:
            continue
        found = actors.resolve(candidate)
        for actor in found:
            if not _is_coded(actor) or actor.sector in PRESS_SECTORS:
                continue
            if speaker is not None and actor.code == speaker.code and actor.start == speaker.start:
                continue
            return actor
    return None


class _SentenceIndex:
    def __init__(self, doc: Any) -> None:
        self.sentences = list(doc.sents)
        self.starts = [s.start_char for s in self.sentences]

    def at(self, char: int) -> tuple[int, Any]:
        index = max(0, bisect_right(self.starts, char) - 1)
        return index, self.sentences[index]


def _statement(
    quote: Quote,
    doc: Any,
    document: Document,
    sentences: _SentenceIndex,
    lexicon: CueLexicon,
    actors: DocumentActors | None = None,
) -> Event:
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
    target = None
    if actors is not None and cue_token is not None and entry is not None and quote.cue is not None:
        target = addressee(cue_token, entry, actors, source) if entry.cue == cue_token.lemma_.casefold() else None
    evidence = EventEvidence(document, index, sentence.text, trigger, negated, mode, entry_name)
    return make_event(code, source, target, evidence, quote_id=quote.quote_id)
