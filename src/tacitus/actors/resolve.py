"""Resolve a noun phrase to coded actors, using the knowledge base and the document itself."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from tacitus.actors.context import Coding, DocumentContext, Mention, learn_from_document, title_tokens, titles_of
from tacitus.actors.knowledge import ActorKnowledge, NameRef, load_knowledge
from tacitus.actors.people import Holding, Person, parse_day
from tacitus.types import Actor, LearnedActor

MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "appos"}
OF_PREPS = {"of", "from"}
PERSON_LABELS = {"PERSON"}
MAX_MODIFIER_DEPTH = 3
LOCATIVE_PREPS = {
    "in",
    "at",
    "near",
    "inside",
    "outside",
    "around",
    "across",
    "throughout",
    "within",
    "into",
}
PRONOUNS = {"he", "she", "him", "her"}
PAIR_NOUNS = {"country": None, "nation": None, "side": None, "government": "GOV", "state": None, "neighbor": None}
PAIR_WORDS = {"two", "both"}


@dataclass
class DocumentActors:
    """Actor resolution within one parsed document; learns people named with their office."""

    knowledge: ActorKnowledge
    names: dict[int, tuple[NameRef, int, int]]
    date: dt.date | None = None
    learned: dict[str, Coding] = field(default_factory=dict)
    context: DocumentContext = field(default_factory=DocumentContext)

    def resolve(self, head: Any) -> list[Actor]:
        """Coded actors for the noun phrase headed by `head` (several for "Russian and Chinese diplomats")."""
        if head.pos_ == "PRON":
            return self._pronoun(head)
        named = self.names.get(head.i)
        if named is not None and named[0].role == "demonym":
            local = [c for c in self._from_modifiers(head) if c.country and c.organization is None]
            if len(local) == 1:
                local[0].sector = "CVL"
                return [self._actor(head, local[0])]
        if named is not None:
            actor = self._from_name(head, *named)
            return [actor] if actor is not None else []
        actors = self.code_phrase(head)
        if actors:
            return [self._actor(head, coding, whole_phrase=whole) for coding, whole in actors]
        learned = self.learned.get(head.text) if head.pos_ == "PROPN" else None
        if learned is not None:
            return [self._actor(head, learned)]
        return self._anaphora(head)

    def code_phrase(self, head: Any) -> list[tuple[Coding, bool]]:
        """Codings from a phrase's own words (modifiers, "of X", appositions, head noun); bool: whole phrase."""
        codings = self._from_modifiers(head)
        sector = self._sector_of(head)
        if not codings and sector is not None:
            codings = self._from_location(head)
        names_the_head = sector is not None or head.pos_ == "PROPN"
        found = []
        for coding in codings:
            if (coding.organization is None and sector is not None and sector[1] is False) or (
                coding.sector is None and sector is not None
            ):
                coding.sector = sector[0]
            elif coding.organization is not None and sector is not None and sector[1] is False:
                coding = _organization_part(coding, sector[0])
            if coding.coded:
                found.append((coding, names_the_head))
        if len(found) == 1 and head.ent_type_ in PERSON_LABELS:
            self.learned.setdefault(head.text, found[0][0])
        return found

    def learned_actors(self, doc_id: str) -> list[LearnedActor]:
        """People this document taught (title and nationality named with them), with their evidence."""
        return [
            LearnedActor(
                doc_id=doc_id,
                name=item.name,
                country=item.coding.country,
                sector=item.coding.sector,
                code=item.coding.code(),
                title=item.title,
                evidence=item.evidence,
                start=item.start,
                end=item.end,
            )
            for item in self.context.learned
        ]

    def _from_name(self, head: Any, ref: NameRef, start: int, end: int) -> Actor | None:
        entry = ref.entry
        sector = entry.sector
        country = entry.country
        code = None
        note = entry.where()
        if ref.role in ("capital", "region") and _is_place(head):
            return None
        if ref.role == "capital":
            sector = "GOV"
        elif ref.role == "demonym":
            sector = "CVL"
        elif ref.person is not None:
            holding = ref.person.holding_on(self.date)
            if holding.note is not None:
                holding = self._titled(head, ref.person, holding)
            country, sector, code = holding.country, holding.sector, holding.code
            if holding.note:
                note = f"{note} ({holding.note})"
        doc = head.doc
        span_start = min(start, _phrase_start(head))
        span = doc[span_start:end]
        if code is None:
            code = entry.code if entry.kind == "organization" else f"{country or ''}{sector or ''}"
        return Actor(span.text, span.start_char, span.end_char, country, sector, code, note)

    def _titled(self, head: Any, person: Person, holding: Holding) -> Holding:
        """Undated or out of office: a title written with the name ("Prime Minister X") picks the office."""
        sector = self._sector_of(head)
        if sector is None or sector[1]:
            return holding
        knowledge = self.knowledge
        written = titles_of(title_tokens(head), knowledge.sector_nouns, knowledge.role_nouns)
        for role in person.roles:
            if role.title and role.title in written:
                return Holding(role, role.sector, f"{holding.note}; title in the text: {role.title}")
        return Holding(holding.role, sector[0], f"{holding.note}; sector from the title in the text")

    def _from_modifiers(self, head: Any) -> list[Coding]:
        found: list[Coding] = []
        for modifier in _modifiers(head):
            named = self.names.get(modifier.i)
            if named is None:
                learned = self.learned.get(modifier.text) if modifier.pos_ == "PROPN" else None
                if learned is not None:
                    found.append(learned.copy())
                continue
            ref, start, end = named
            found.append(self.context.coding_of(ref, self.date, (start, end)))
        unique: dict[tuple[str | None, str | None, str | None], Coding] = {}
        for coding in found:
            key = (coding.country, coding.sector, coding.organization.code if coding.organization else None)
            unique.setdefault(key, coding)
        merged = list(unique.values())
        countries = {c.country for c in merged if c.country and c.organization is None}
        if len(merged) > 1 and len(countries) == 1:
            best = max(merged, key=lambda c: (c.organization is not None, c.sector is not None))
            return [best]
        return merged

    def _from_location(self, head: Any) -> list[Coding]:
        """ "rebels in the Ivory Coast", "troops based in Kabul": the country where a group is."""
        hosts = [head] + [c for c in head.children if c.dep_ in ("acl", "relcl") and c.i < head.i + 4]
        for host in hosts:
            for prep in host.children:
                if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE_PREPS:
                    continue
                for obj in prep.children:
                    named = self.names.get(obj.i) if obj.dep_ == "pobj" else None
                    if named is not None and named[0].entry.kind == "country" and named[0].person is None:
                        return [Coding(named[0].entry.country, None, None, named[0].entry.where())]
        return []

    def _sector_of(self, head: Any) -> tuple[str, bool] | None:
        """The sector a head noun (or a title compounded with a name) carries; bool: is a role noun."""
        candidates = [head]
        for child in head.children:
            if child.dep_ in ("compound", "appos"):
                candidates.append(child)
                candidates.extend(c for c in child.children if c.dep_ == "compound")
        for token in candidates:
            if token.i in self.names and token.i != head.i:
                continue
            found = noun_sector(self.knowledge, token)
            if found is not None:
                return found
        return None

    def _pronoun(self, head: Any) -> list[Actor]:
        if head.lower_ not in PRONOUNS:
            return []
        mention = self.context.person_before(head)
        return [self._mention_actor(head, mention)] if mention is not None else []

    def _anaphora(self, head: Any) -> list[Actor]:
        """ "the minister" → the last person named with that title; "the two countries" → the last two named."""
        if head.pos_ != "NOUN":
            return []
        lemma = head.lemma_.casefold()
        determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "predet", "quantmod")}
        if lemma in PAIR_NOUNS and determiners & PAIR_WORDS:
            pair = self.context.countries_before(head.i, 2)
            if len(pair) == 2:
                span = head.doc[_phrase_start(head) : head.i + 1]
                sector = PAIR_NOUNS[lemma]
                return [
                    Actor(
                        span.text, span.start_char, span.end_char, c.country, sector, f"{c.code}{sector or ''}", where
                    )
                    for c, where in pair
                ]
            return []
        if "the" not in determiners and "this" not in determiners:
            return []
        if lemma not in self.knowledge.sector_nouns and lemma not in self.knowledge.role_nouns:
            return []
        mention = self.context.person_titled(head, lemma)
        return [self._mention_actor(head, mention)] if mention is not None else []

    def _mention_actor(self, head: Any, mention: Mention) -> Actor:
        span = head.doc[_phrase_start(head) : head.i + 1]
        coding = mention.coding
        return Actor(
            span.text,
            span.start_char,
            span.end_char,
            coding.country,
            coding.sector,
            coding.code(),
            f"refers to {mention.name} ({coding.entry or 'learned'})",
        )

    def _actor(self, head: Any, coding: Coding, whole_phrase: bool = True) -> Actor:
        doc = head.doc
        if whole_phrase or coding.tokens is None:
            span = doc[_phrase_start(head) : head.i + 1]
        else:
            span = doc[coding.tokens[0] : coding.tokens[1]]
        return Actor(
            span.text, span.start_char, span.end_char, coding.country, coding.sector, coding.code(), coding.entry
        )


def _organization_part(coding: Coding, sector: str) -> Coding:
    """ "UN peacekeepers": the organisation's code with the sector of the noun (IGOUNOMIL)."""
    organization = coding.organization
    assert organization is not None
    if sector == organization.sector or organization.code.endswith(sector):
        return coding
    part = replace(organization, code=f"{organization.code}{sector}", sector=sector)
    return Coding(coding.country, sector, part, coding.entry, coding.tokens)


def noun_sector(knowledge: ActorKnowledge, token: Any) -> tuple[str, bool] | None:
    """Sector of a noun from its lemma, a "modifier noun" pair or "noun of X"; bool: is a role noun."""
    lemma = token.lemma_.casefold()
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_:
        hyphenated = f"{doc[token.i - 2].lower_}-{lemma}"
        if hyphenated in knowledge.sector_nouns:
            return knowledge.sector_nouns[hyphenated], False
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
    lower = token.lower_
    for form in (lower, lower[:-1] if lower.endswith("s") else lower):
        if form != lemma and form in knowledge.sector_nouns:
            return knowledge.sector_nouns[form], False
    return None


def _is_place(token: Any) -> bool:
    """A capital used as a place ("talks in Ankara"), not as its government ("Ankara said")."""
    governor = token.head
    return token.dep_ == "pobj" and governor.lower_ in LOCATIVE_PREPS


def _phrase_start(head: Any) -> int:
    start: int = head.i
    for child in head.lefts:
        if child.dep_ in ("det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "predet"):
            start = min(start, child.left_edge.i)
    return start


def _modifiers(head: Any, depth: int = 0) -> list[Any]:
    """Tokens that can tell the country or organisation of a phrase: its modifiers, "of X", appositions.

    A noun compounded into a larger phrase ("Israeli police custody") also takes the modifiers
    left of it that the parser attached to the phrase's head.
    """
    found: list[Any] = []
    if depth == 0 and head.dep_ == "compound" and head.head.i > head.i:
        found.extend(c for c in head.head.lefts if c.i < head.i and c.dep_ in ("amod", "compound", "poss", "nmod"))
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

        knowledge = load_knowledge(self.extra_files)
        matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for key, written in knowledge.forms.items():
            matcher.add(key, [nlp.make_doc(form) for form in sorted(written)])
        self.knowledge = knowledge
        self.matcher = matcher

    def analyse(self, doc: Any, date: str | None = None) -> DocumentActors:
        """Names found in `doc` and what the document teaches; people are coded by their office on `date`."""
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
        actors = DocumentActors(self.knowledge, names, parse_day(date))
        learn_from_document(actors, doc)
        return actors
