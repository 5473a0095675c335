"""Headlines: the title coded as well, with headline grammar; its quotes and events marked `headline`.

Offsets of headline records refer to the title (`Document.title`), not to the clean text. A
headline event that repeats a body event (same source, code, target and negation) is not
kept: the body event is marked `in_headline` instead (docs/formats.md, "Headlines").
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from tacitus.actors.resolve import DocumentActors
from tacitus.events.records import event_id
from tacitus.events.syntax import headline_infinitive
from tacitus.quotes.speakers import Speakers
from tacitus.types import Actor, Document, Event, Quote, TextSpan

# The title is parsed on a line of its own: the event coder reads headline style on a short line.
LINE_END = "\n"
TITLE_CASE_SHARE = 0.6
# Capitalised, these are names as often as words ("US", "May", "WHO").
NAME_LIKE = {"us", "may", "who", "it", "am", "un"}
MAX_COLON_SPEAKER_TOKENS = 5
MIN_COLON_CONTENT_WORDS = 3
PLACE_ENTITIES = {"GPE", "LOC", "FAC"}
QUOTE_EDGES = "\"'“”‘’ "
TRAILING = " .,;:!?—–-\"'“”‘’"


@dataclass(frozen=True)
class Headline:
    """A document's title as a document of its own: `document.clean_text` is what is parsed."""

    document: Document
    title: str


def verb_forms(word: str) -> list[str]:
    """Lemmas a headline word may be a form of: "recalls" → recall, "halts" → halt, "pushes" → push."""
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    if word.endswith("ed"):
        forms += [word[:-2], word[:-1]]
    if word.endswith("ing"):
        forms += [word[:-3], word[:-3] + "e"]
    return forms


def sentence_case(title: str, verbs: Collection[str], nouns: Collection[str]) -> str:
    """A Title Case headline with its function words, verbs and event nouns in lower case, so the
    parser reads "Pakistan Recalls Envoy" as a clause; names keep their capitals. Same length."""
    words = title.split()
    long_words = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    if not long_words or sum(w[0].isupper() for w in long_words) < TITLE_CASE_SHARE * len(long_words):
        return title
    chars = list(title)
    position = 0
    for index, word in enumerate(words):
        start = title.index(word, position)
        position = start + len(word)
        core = word.strip(TRAILING)
        lower = core.lower()
        if index == 0 or not core[:1].isupper() or core.isupper() or len(lower) != len(core):
            continue
        if lower in NAME_LIKE:
            continue
        if lower in STOP_WORDS or lower in nouns or any(form in verbs for form in verb_forms(lower)):
            offset = start + word.index(core)
            chars[offset : offset + len(core)] = lower
    return "".join(chars)


def headline_of(document: Document, verbs: Collection[str], nouns: Collection[str]) -> Headline | None:
    """The title to code as a headline, or None when the document has none."""
    title = document.title
    if not title or not title.strip():
        return None
    text = sentence_case(title, verbs, nouns) + LINE_END
    return Headline(dataclasses.replace(document, raw_text=title, clean_text=text), title)


def _restored(span: TextSpan, title: str) -> TextSpan:
    return TextSpan(title[span.start : span.end], span.start, span.end)


def _restored_actor(actor: Actor | None, title: str) -> Actor | None:
    if actor is None or actor.end > len(title):
        return actor
    return dataclasses.replace(actor, text=title[actor.start : actor.end])


def headline_quote_id(doc_id: str, start: int, end: int, kind: str) -> str:
    key = f"{doc_id}|headline|{start}|{end}|{kind}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _content_end(text: str) -> int:
    end = len(text.rstrip())
    while end > 0 and text[end - 1] in TRAILING:
        end -= 1
    return end


def headline_quotes(quotes: list[Quote], doc: Any, headline: Headline, actors: DocumentActors) -> list[Quote]:
    """The title's quotes, read with headline grammar, marked and with text from the title.

    "X says Y will …": what was said runs from the cue to the end of the headline (the parse of a
    headline often stops short). "X: …" without quotation marks: what follows the colon, when X
    is a person or office holder (not a place: "Syria: …" is a section label)."""
    text = headline.document.clean_text
    found = [_whole_clause(quote, doc, text) for quote in quotes]
    colon = _colon_statement(doc, headline.document.doc_id, text, actors)
    if colon is not None and not any(q.speaker is not None and q.start <= colon.start + 1 for q in found):
        found = [colon] + [q for q in found if not colon.start <= q.start < colon.end]
    title = headline.title
    marked = []
    for quote in found:
        start, end = quote.start, min(quote.end, len(title))
        marked.append(
            dataclasses.replace(
                quote,
                quote_id=headline_quote_id(quote.doc_id, start, end, quote.kind),
                text=title[start:end],
                end=end,
                speaker=_restored_actor(quote.speaker, title),
                cue=_restored(quote.cue, title) if quote.cue is not None else None,
                headline=True,
            )
        )
    return marked


def _whole_clause(quote: Quote, doc: Any, text: str) -> Quote:
    if quote.kind != "indirect" or quote.cue is None or quote.cue.end > quote.start:
        return quote
    if text[quote.start : quote.start + 3].lower() == "to ":
        return quote
    cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    if cue is None or cue.root.dep_ != "ROOT":
        return quote
    start = quote.cue.end
    while start < len(text) and text[start] in QUOTE_EDGES + ",:":
        start += 1
    end = _content_end(text)
    return dataclasses.replace(quote, start=start, end=end) if end > start else quote


def _colon_statement(doc: Any, doc_id: str, text: str, actors: DocumentActors) -> Quote | None:
    colon = next((t for t in doc if t.text == ":"), None)
    if colon is None or not 0 < colon.i <= MAX_COLON_SPEAKER_TOKENS:
        return None
    head = doc[0 : colon.i].root
    if head.ent_type_ in PLACE_ENTITIES:
        return None
    start = colon.idx + 1
    while start < len(text) and text[start] in QUOTE_EDGES:
        start += 1
    end = _content_end(text)
    if len(text[start:end].split()) < MIN_COLON_CONTENT_WORDS:
        return None
    _, speaker = Speakers(actors).speaker(head)
    if not speaker.code or (speaker.sector is None and head.ent_type_ != "PERSON"):
        return None
    return Quote(
        headline_quote_id(doc_id, start, end, "indirect"), doc_id, text[start:end], start, end, "indirect", speaker
    )


def section_label_end(doc: Any, actors: DocumentActors) -> int:
    """Where a label such as "Syria:" ends: a place or country before a colon names the section, not
    an actor of the headline's events. 0 when the title has none."""
    colon = next((t for t in doc if t.text == ":"), None)
    if colon is None or not 0 < colon.i <= MAX_COLON_SPEAKER_TOKENS:
        return 0
    head = doc[0 : colon.i].root
    coded = actors.resolve(head)
    if head.ent_type_ in PLACE_ENTITIES or (coded and all(a.sector is None for a in coded)):
        return int(colon.idx)
    return 0


def headline_events(events: Iterable[Event], doc: Any, headline: Headline, label_end: int = 0) -> list[Event]:
    """The title's events, marked, with ids of their own and texts from the title; "X to do Y"
    announces Y (future) even where the title ends in punctuation; a section label is no actor."""
    title = headline.title
    marked = []
    for event in events:
        if label_end and event.source is not None and event.source.end <= label_end:
            event = dataclasses.replace(event, source=None)
        if label_end and event.target is not None and event.target.end <= label_end:
            event = dataclasses.replace(event, target=None)
        if event.source is None and event.target is None:
            continue
        modality = event.modality
        trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if modality == "asserted" and trigger is not None and headline_infinitive(trigger.root):
            modality = "future"
        source = _restored_actor(event.source, title)
        target = _restored_actor(event.target, title)
        new_id = event_id(f"{event.doc_id}|headline", event.trigger.start, event.cameo, source, target)
        marked.append(
            dataclasses.replace(
                event,
                event_id=new_id,
                source=source,
                target=target,
                trigger=_restored(event.trigger, title),
                evidence=title,
                modality=modality,
                headline=True,
            )
        )
    return marked


def _repeat_key(event: Event) -> tuple[str | None, str, str | None, bool]:
    return (
        event.source.code if event.source else None,
        event.cameo,
        event.target.code if event.target else None,
        event.negated,
    )


def merge_headline(body: list[Event], headline: list[Event]) -> list[Event]:
    """Body events, then headline events the body does not report; a body event the headline
    repeats is marked `in_headline`."""
    repeated = {_repeat_key(e) for e in headline}
    reported = {_repeat_key(e) for e in body}
    merged = [dataclasses.replace(e, in_headline=True) if _repeat_key(e) in repeated else e for e in body]
    merged += [e for e in headline if _repeat_key(e) not in reported]
    return merged
