"""Resolve a noun phrase to coded actors, using the knowledge base and the document itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tacitus.actors.knowledge import ActorEntry, ActorKnowledge, NameRef, load_knowledge
from tacitus.types import Actor

MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "appos"}
OF_PREPS = {"of", "from"}
PERSON_LABELS = {"PERSON"}
MAX_MODIFIER_DEPTH = 3


@dataclass
class _Coding:
    country: str | None = None
    sector: str | None = None
    organization: ActorEntry | None = None
    entry: str | None = None
    tokens: tuple[int, int] | None = None

    @property
    def coded(self) -> bool:
        return self.country is not None or self.organization is not None

    def code(self) -> str:
        if self.organization is not None:
            return self.organization.code
        return f"{self.country or ''}{self.sector or ''}"


@dataclass
class DocumentActors:
    """Actor resolution within one parsed document; learns people named with their office."""

    knowledge: ActorKnowledge
    names: dict[int, tuple[NameRef, int, int]]
    learned: dict[str, _Coding] = field(default_factory=dict)

    def resolve(self, head: Any) -> list[Actor]:
        """Coded actors for the noun phrase headed by `head` (several for "Russian and Chinese diplomats")."""
        named = self.names.get(head.i)
        if named is not None:
            return [self._from_name(head, *named)]
        codings = self._from_modifiers(head)
        sector = self._sector_of(head)
        actors = []
        names_the_head = sector is not None or head.pos_ == "PROPN"
        for coding in codings:
            if (coding.organization is None and sector is not None and sector[1] is False) or (
                coding.sector is None and sector is not None
            ):
                coding.sector = sector[0]
            if coding.coded:
                actors.append(self._actor(head, coding, whole_phrase=names_the_head))
        if actors:
            if head.ent_type_ in PERSON_LABELS and len(actors) == 1:
                self.learned[head.text] = codings[0]
            return actors
        learned = self.learned.get(head.text) if head.pos_ == "PROPN" else None
        if learned is not None:
            return [self._actor(head, learned)]
        return []

    def _from_name(self, head: Any, ref: NameRef, start: int, end: int) -> Actor:
        entry = ref.entry
        sector = entry.sector
        if ref.role == "capital":
            sector = "GOV"
        elif ref.role == "demonym":
            sector = "CVL"
        doc = head.doc
        span_start = min(start, _phrase_start(head))
        span = doc[span_start:end]
        code = entry.code if entry.kind == "organization" else f"{entry.country or ''}{sector or ''}"
        return Actor(span.text, span.start_char, span.end_char, entry.country, sector, code, entry.where())

    def _from_modifiers(self, head: Any) -> list[_Coding]:
        found: list[_Coding] = []
        for modifier in _modifiers(head):
            named = self.names.get(modifier.i)
            if named is None:
                learned = self.learned.get(modifier.text) if modifier.pos_ == "PROPN" else None
                if learned is not None:
                    found.append(_Coding(learned.country, learned.sector, learned.organization, learned.entry))
                continue
            ref, start, end = named
            entry = ref.entry
            organization = entry if entry.kind == "organization" else None
            sector = entry.sector if entry.kind != "country" else None
            found.append(_Coding(entry.country, sector, organization, entry.where(), (start, end)))
        unique: dict[tuple[str | None, str | None, str | None], _Coding] = {}
        for coding in found:
            key = (coding.country, coding.sector, coding.organization.code if coding.organization else None)
            unique.setdefault(key, coding)
        merged = list(unique.values())
        countries = {c.country for c in merged if c.country and c.organization is None}
        if len(merged) > 1 and len(countries) == 1:
            best = max(merged, key=lambda c: (c.organization is not None, c.sector is not None))
            return [best]
        return merged

    def _sector_of(self, head: Any) -> tuple[str, bool] | None:
        """The sector a head noun (or a title compounded with a name) carries; bool: is a role noun."""
        candidates = [head]
        for child in head.children:
            if child.dep_ in ("compound", "appos"):
                candidates.append(child)
                candidates.extend(c for c in child.children if c.dep_ == "compound")
        for token in candidates:
            found = self._noun_sector(token)
            if found is not None:
                return found
        return None

    def _noun_sector(self, token: Any) -> tuple[str, bool] | None:
        lemma = token.lemma_.casefold()
        knowledge = self.knowledge
        for child in token.children:
            if child.dep_ in ("compound", "amod") and child.i == token.i - 1:
                pair = f"{child.lemma_.casefold()} {lemma}"
                if pair in knowledge.sector_nouns:
                    return knowledge.sector_nouns[pair], False
                if pair in knowledge.role_nouns:
                    return knowledge.role_nouns[pair], True
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    triple = f"{lemma} of {obj.lemma_.casefold()}"
                    if triple in knowledge.sector_nouns:
                        return knowledge.sector_nouns[triple], False
        if lemma in knowledge.sector_nouns:
            return knowledge.sector_nouns[lemma], False
        if lemma in knowledge.role_nouns:
            return knowledge.role_nouns[lemma], True
        return None

    def _actor(self, head: Any, coding: _Coding, whole_phrase: bool = True) -> Actor:
        doc = head.doc
        if whole_phrase or coding.tokens is None:
            span = doc[_phrase_start(head) : head.i + 1]
        else:
            span = doc[coding.tokens[0] : coding.tokens[1]]
        return Actor(
            span.text, span.start_char, span.end_char, coding.country, coding.sector, coding.code(), coding.entry
        )


def _phrase_start(head: Any) -> int:
    start: int = head.i
    for child in head.lefts:
        if child.dep_ in ("det", "amod", "compound", "poss", "nmod", "nummod", "quantmod"):
            start = min(start, child.left_edge.i)
    return start


def _modifiers(head: Any, depth: int = 0) -> list[Any]:
    """Tokens that can tell the country or organisation of a phrase: its modifiers, "of X", appositions."""
    found: list[Any] = []
    for child in head.children:
        if child.dep_ in MODIFIER_DEPS:
            found.append(child)
            found.extend(c for c in child.conjuncts if c.dep_ == "conj")
            if depth < MAX_MODIFIER_DEPTH and child.dep_ in ("compound", "appos", "poss"):
                found.extend(_modifiers(child, depth + 1))
        elif child.dep_ == "prep" and child.lower_ in OF_PREPS and depth == 0:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found.append(obj)
                    found.extend(obj.conjuncts)
                    found.extend(_modifiers(obj, depth + 1))
    return found


class ActorCoder:
    """Stage: finds knowledge-base names in parsed documents and resolves phrases to actors."""

    name = "actors"

    def __init__(self, extra_files: tuple[str, ...] = ()) -> None:
        self.extra_files = extra_files
        self.knowledge = ActorKnowledge()
        self.matcher: Any = None

    def setup(self, nlp: Any) -> None:
        from spacy.matcher import PhraseMatcher

        self.knowledge = load_knowledge(self.extra_files)
        matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for key, written in self.knowledge.forms.items():
            matcher.add(key, [nlp.make_doc(form) for form in sorted(written)])
        self.matcher = matcher

    def analyse(self, doc: Any) -> DocumentActors:
        from spacy.util import filter_spans

        vocab_strings = doc.vocab.strings
        spans = []
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            span.label_ = vocab_strings[match_id]
            spans.append(span)
        names: dict[int, tuple[NameRef, int, int]] = {}
        for span in filter_spans(spans):
            ref = self.knowledge.names[span.label_]
            names[span.root.i] = (ref, span.start, span.end)
            names[span.end - 1] = (ref, span.start, span.end)
        return DocumentActors(self.knowledge, names)
