"""The event coder: verb + complements → lexicon pattern; subject and object → actors."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tacitus.actors.resolve import DocumentActors
from tacitus.events.lexicon import Lexicon, Pattern, load_lexicon
from tacitus.types import Actor, Document, Event, Sentence, TextSpan

TRIGGER_POS = {"VERB"}
SUBJECT_DEPS = {"nsubj"}
OBJECT_DEPS = {"dobj"}
PREP_DEPS = {"prep", "agent", "dative"}
RELATIVE_PRONOUNS = {"who", "which", "that"}
CONDITION_MARKS = {"if", "unless"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "'d", "can"}


@dataclass(frozen=True)
class Frame:
    """What a trigger verb governs in its sentence."""

    verb: Any
    passive: bool
    complement: Any | None

    @staticmethod
    def of(verb: Any, then: frozenset[str]) -> Frame:
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        complement = None
        if then:
            for child in verb.children:
                if child.dep_ in ("xcomp", "ccomp") and child.lemma_.lower() in then:
                    complement = child
                    break
        return Frame(verb, passive, complement)

    def object_heads(self, host: Any) -> list[Any]:
        if host is self.verb and self.passive:
            return [c for c in host.children if c.dep_ == "nsubjpass"]
        return [c for c in host.children if c.dep_ in OBJECT_DEPS]


def _preposition_objects(host: Any, preps: Iterable[str]) -> list[Any]:
    wanted = set(preps)
    objects: list[Any] = []
    holders = [host, *(c for c in host.children if c.dep_ == "prt")]
    for holder in holders:
        for child in holder.children:
            if child.dep_ in PREP_DEPS and child.lower_ in wanted:
                objects.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
    return objects


def _has_prep(frame: Frame, prep: str) -> bool:
    hosts = [frame.verb, *(c for c in frame.verb.children if c.dep_ in ("prt", "dobj"))]
    if frame.complement is not None:
        hosts.append(frame.complement)
    return any(c.dep_ in PREP_DEPS and c.lower_ == prep for host in hosts for c in host.children)


def matches(pattern: Pattern, frame: Frame) -> bool:
    if pattern.then and frame.complement is None:
        return False
    if pattern.prep and not _has_prep(frame, pattern.prep):
        return False
    if pattern.objects:
        host = frame.complement if pattern.then else frame.verb
        heads = frame.object_heads(host)
        if pattern.prep:
            heads = heads + _preposition_objects(host, [pattern.prep])
        if not any(h.lemma_.lower() in pattern.objects for h in heads):
            return False
    return True


def _subject_heads(verb: Any) -> list[Any]:
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if passive:
        heads = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    else:
        heads = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if heads:
        if verb.dep_ == "relcl" and heads[0].lower_ in RELATIVE_PRONOUNS:
            return [verb.head]
        return heads
    if passive:
        return []
    head = verb.head
    if verb.dep_ == "xcomp" and head is not verb:
        objects = [c for c in head.children if c.dep_ in OBJECT_DEPS]
        return objects or _subject_heads(head)
    if verb.dep_ == "conj" and head is not verb:
        return _subject_heads(head)
    if verb.dep_ == "relcl":
        return [head]
    return []


def _with_conjuncts(heads: list[Any]) -> list[Any]:
    expanded = []
    for head in heads:
        expanded.append(head)
        expanded.extend(head.conjuncts)
    unique: dict[int, Any] = {}
    for head in expanded:
        unique.setdefault(head.i, head)
    return list(unique.values())


def _auxiliaries(verb: Any) -> set[str]:
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.dep_ in ("conj", "xcomp") and verb.head is not verb:
        auxes |= _auxiliaries(verb.head)
    return auxes


def _is_conditional(verb: Any) -> bool:
    token = verb
    for _ in range(4):
        for child in token.children:
            if child.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in child.children if m.dep_ == "mark"):
                return True
        if token.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in token.children if m.dep_ == "mark"):
            return True
        if token.head is token or token.dep_ not in ("conj", "xcomp", "advcl"):
            break
        token = token.head
    return False


def modality(verb: Any, sentence: Any) -> str:
    """asserted, question, conditional, future or hypothetical."""
    if sentence.text.rstrip().rstrip("\"'”’").endswith("?"):
        return "question"
    if _is_conditional(verb):
        return "conditional"
    auxes = _auxiliaries(verb)
    if auxes & FUTURE_AUX or any(c.lower_ == "going" and c.dep_ == "aux" for c in verb.children):
        return "future"
    if auxes & HYPOTHETICAL_AUX:
        return "hypothetical"
    return "asserted"


def is_negated(frame: Frame) -> bool:
    hosts = [frame.verb] + ([frame.complement] if frame.complement is not None else [])
    return any(c.dep_ == "neg" or c.lower_ == "never" for host in hosts for c in host.children)


def event_id(doc_id: str, trigger_start: int, code: str, source: Actor | None, target: Actor | None) -> str:
    source_key = f"{source.start}:{source.code}" if source else ""
    target_key = f"{target.start}:{target.code}" if target else ""
    key = f"{doc_id}|{trigger_start}|{code}|{source_key}|{target_key}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


class EventCoder:
    """Stage: parsed document + its actors → sentences and events."""

    name = "events"

    def __init__(self, extra_lexicons: tuple[str, ...] = ()) -> None:
        self.extra_lexicons = extra_lexicons
        self.lexicon = Lexicon()

    def setup(self) -> None:
        self.lexicon = load_lexicon(self.extra_lexicons)

    def __call__(self, doc: Any, document: Document, actors: DocumentActors) -> tuple[list[Sentence], list[Event]]:
        sentences: list[Sentence] = []
        events: list[Event] = []
        for index, sent in enumerate(doc.sents):
            sentences.append(Sentence(document.doc_id, index, sent.start_char, sent.end_char, sent.text))
            consumed: set[int] = set()
            for token in sent:
                if token.i in consumed or token.pos_ not in TRIGGER_POS:
                    continue
                if token.lemma_.lower() not in self.lexicon.verbs:
                    continue
                chosen = self._choose(token)
                if chosen is None:
                    continue
                pattern, frame = chosen
                if frame.complement is not None:
                    consumed.add(frame.complement.i)
                events.extend(self._code_verb(pattern, frame, sent, index, document, actors))
        return sentences, events

    def _choose(self, verb: Any) -> tuple[Pattern, Frame] | None:
        lemma = verb.lemma_.lower()
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
        for pattern in self.lexicon.candidates(lemma, particle):
            frame = Frame.of(verb, pattern.then)
            if matches(pattern, frame):
                return pattern, frame
        return None

    def _targets(self, frame: Frame, pattern: Pattern, actors: DocumentActors) -> list[Actor]:
        hosts = [frame.verb] + ([frame.complement] if frame.complement is not None else [])
        for host in hosts:
            for head in _with_conjuncts(frame.object_heads(host)):
                found = actors.resolve(head)
                if found:
                    return found
            for head in [c for c in host.children if c.dep_ in ("dative", "iobj")]:
                found = actors.resolve(head)
                if found:
                    return found
        for host in hosts:
            candidates = _preposition_objects(host, pattern.target_preps)
            for obj in frame.object_heads(host):
                candidates += _preposition_objects(obj, pattern.target_preps)
            for head in _with_conjuncts(candidates):
                found = actors.resolve(head)
                if found:
                    return found
        return []

    def _code_verb(
        self, pattern: Pattern, frame: Frame, sent: Any, index: int, document: Document, actors: DocumentActors
    ) -> list[Event]:
        verb = frame.verb
        sources: list[Actor] = []
        for head in _with_conjuncts(_subject_heads(verb)):
            sources.extend(actors.resolve(head))
        targets = self._targets(frame, pattern, actors)
        if not sources and not targets:
            return []
        cameo = self.lexicon.ontology[pattern.code]
        trigger = TextSpan(verb.text, verb.idx, verb.idx + len(verb.text))
        negated = is_negated(frame)
        mode = modality(verb, sent)
        events = []
        source_options: list[Actor | None] = list(sources) or [None]
        target_options: list[Actor | None] = list(targets) or [None]
        for source in source_options:
            for target in target_options:
                if (
                    source is not None
                    and target is not None
                    and (source.start, source.code)
                    == (
                        target.start,
                        target.code,
                    )
                ):
                    continue
                events.append(
                    Event(
                        event_id=event_id(document.doc_id, trigger.start, cameo.code, source, target),
                        doc_id=document.doc_id,
                        sentence=index,
                        date=document.date,
                        date_precision="reported" if document.date else None,
                        date_text=None,
                        source=source,
                        target=target,
                        cameo=cameo.code,
                        cameo_root=cameo.root,
                        quad_class=cameo.quad_class,
                        goldstein=cameo.goldstein,
                        plover=cameo.plover,
                        trigger=trigger,
                        negated=negated,
                        modality=mode,
                        evidence=sent.text,
                        entry=pattern.pattern_id,
                    )
                )
        return events
