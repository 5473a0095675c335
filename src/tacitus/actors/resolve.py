"""Resolve a noun phrase to coded actors, using the knowledge base and the document itself."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from tacitus.actors.context import Coding, DocumentContext, Mention, learn_from_document, title_tokens, titles_of
from tacitus.actors.document import (
    INTERNATIONAL,
    LEADING_WORDS,
    LOCATIVE_PREPS,
    PLACE_NOUNS,
    another_given_name,
    described_nouns,
    document_countries,
    in_person_name,
    is_ethnic,
    is_former,
    is_place,
    misspelt_names,
    modified_noun,
    not_actor_names,
    noun_sector,
)
from tacitus.actors.knowledge import ActorKnowledge, NameRef, load_knowledge
from tacitus.actors.people import Holding, Person, parse_day
from tacitus.types import Actor, LearnedActor

# The entry of an actor known by its sector only; the event's place may give its country.
SECTOR_ONLY = "sector only"
WATER_NOUNS = {"sea", "ocean", "gulf", "strait", "straits", "bay", "channel", "river", "lake"}
# Too vague, or things rather than people, to stand for anyone without a country ("officials said",
# "a state of siege", "tested a missile").
VAGUE_ROLES = {
    "official", "authority", "state", "source", "spokesman", "spokeswoman", "spokesperson", "people", "person", "group",
    "missile", "drone", "tank", "aircraft", "jet", "warplane", "gunboat", "submarine", "artillery", "warship",
}  # fmt: skip
MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "appos"}
EXPERTISE_NOUNS = {"expert", "analyst", "specialist", "scholar", "watcher", "hand", "historian", "researcher"}
OF_PREPS = {"of", "from"}
PERSON_LABELS = {"PERSON"}
MAX_MODIFIER_DEPTH = 3
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
    countries: list[str] = field(default_factory=list)

    def resolve(self, head: Any) -> list[Actor]:
        """Coded actors for the noun phrase headed by `head` (several for "Russian and Chinese diplomats")."""
        if head.pos_ == "PRON":
            return self._pronoun(head)
        if head.lower_ == "state" and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
            return []  # "a state of siege", "a state of emergency"
        named = self.names.get(head.i)
        if named is not None and (named[0].role == "group" or (named[0].role == "demonym" and is_ethnic(head))):
            return self._group(head, named[0])
        if named is not None and named[0].role == "demonym":
            local = [c for c in self._from_modifiers(head) if c.country and c.organization is None]
            if len(local) == 1:
                local[0].sector = "CVL"
                return [self._actor(head, local[0])]
        if named is not None and named[0].role not in ("capital", "region", "demonym") and named[0].person is None:
            described = self._modifier_of_noun(head, named)
            if described is not None:
                return [described]
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

    def sector_only(self, head: Any) -> list[Actor]:
        """A role named without any country ("a journalist", "prisoners"): its sector alone, the
        country left open for the event's place to fill."""
        if head.pos_ == "PROPN":
            # "Vice-President Moody Awori": a person of no named country holds the title's sector.
            compounds = [(c, noun_sector(self.knowledge, c)) for c in head.children if c.dep_ == "compound"]
            titles = [sector for _, sector in compounds if sector is not None]
            given_names = [c for c, sector in compounds if sector is None and c.pos_ == "PROPN"]
            if not titles or not given_names:
                return []
            return [self._actor(head, Coding(None, titles[-1][0], None, SECTOR_ONLY))]
        if head.pos_ != "NOUN" or head.ent_type_ or head.lemma_.casefold() in VAGUE_ROLES:
            return []
        if any(c.dep_ == "poss" for c in head.children):
            return []
        sector = noun_sector(self.knowledge, head)
        if sector is None:
            return []
        return [self._actor(head, Coding(None, sector[0], None, SECTOR_ONLY))]

    def code_phrase(self, head: Any) -> list[tuple[Coding, bool]]:
        """Codings from a phrase's own words (modifiers, "of X", appositions, head noun); bool: whole phrase."""
        codings = self._from_modifiers(head)
        sector = self._sector_of(head)
        if sector is not None and is_former(head):
            sector = ("ELI", False)
        if not codings and sector is not None:
            codings = self._from_location(head)
        if any(c.group is None and c.organization is None and c.country for c in codings):
            codings = [c for c in codings if c.group is None] or codings
        if codings and (is_ethnic(head) or any(c.group is not None for c in codings)):
            codings = [self._placed(head, coding, sector[0] if sector else None) for coding in codings]
        if not codings and sector is not None:
            codings = self._unnamed_country(head, sector[0])
        names_the_head = sector is not None or head.pos_ == "PROPN"
        found = []
        for coding in codings:
            if (coding.organization is None and sector is not None and sector[1] is False) or (
                coding.sector is None and sector is not None
            ):
                coding.sector = sector[0]
            elif coding.organization is not None and sector is not None and sector[1] is False:
                coding = _organization_part(coding, sector[0])
            if coding.group is not None:
                coding.sector = _group_sector(coding.sector) if coding.sector else coding.group.sector
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

    def resolve_place(self, head: Any) -> list[Actor]:
        """A place name taken as an actor ("protests in Baghdad" as the target): its country, no sector."""
        named = self.names.get(head.i)
        if named is None and head.lemma_.casefold() in WATER_NOUNS:
            return []  # "the Sea of Japan", "the Gulf of Aden": a sea is no country's target
        if named is None or named[0].entry.kind != "country":
            return self.resolve(head)
        ref, start, end = named
        span = head.doc[min(start, _phrase_start(head)) : end]
        code = ref.entry.country or ""
        return [Actor(span.text, span.start_char, span.end_char, code, None, code, f"{ref.entry.where()} (place)")]

    def _group(self, head: Any, ref: NameRef) -> list[Actor]:
        """ "Kurds", "Iraqi Kurds", "ethnic Albanians in Serbia": the group's country and its own sector."""
        entry = ref.entry
        sector = entry.sector if ref.role == "group" else "CVL"
        noun = modified_noun(head)
        for described in (noun_sector(self.knowledge, t) for t in described_nouns(head)):
            if described is not None:
                sector = _group_sector(described[0]) if group_of(ref) else described[0]
                break
        local = [
            c for c in self._from_modifiers(noun or head) if c.country and c.organization is None and c.group is None
        ]
        group = entry if group_of(ref) else None
        if len(local) == 1 and not is_ethnic(head):
            coding = Coding(local[0].country, sector, None, local[0].entry)
        else:
            coding = self._placed(noun or head, Coding(entry.country, sector, None, entry.where(), group=group), sector)
        if not coding.coded:
            return []
        return [self._actor(head, coding)]

    def _placed(self, head: Any, coding: Coding, sector: str | None) -> Coding:
        """A group's country: where the phrase places it, else its home, else the one country the text names.

        A nationality marked "ethnic" ("ethnic Albanians") is a minority: the country it lives in wins over
        its kin state, whether a place phrase or the document names it. A homeless group with a government
        noun ("Arab states", "Muslim governments") is several states: no country is guessed for it.
        """
        if coding.organization is not None or (coding.group is None and not is_ethnic(head)):
            return coding
        place = self._from_location(head)
        if place:
            return replace(coding, country=place[0].country, entry=f"{coding.entry} (in {place[0].country})")
        if coding.group is not None and (coding.country is not None or sector == "GOV"):
            return coding
        kin = {coding.country} if coding.country else set()
        country = self._document_country(kin)
        if country is None:
            return coding
        return replace(coding, country=country, entry=f"{coding.entry} (country the document names)")

    def _unnamed_country(self, head: Any, sector: str) -> list[Coding]:
        """No country in the phrase: an international force, or a titled name in a text about one country."""
        lemma = head.lemma_.casefold()
        pairs = {f"{c.lemma_.casefold()} {lemma}" for c in head.children if c.dep_ in ("compound", "amod")}
        if lemma in self.knowledge.international_nouns or pairs & self.knowledge.international_nouns:
            return [_organization_part(Coding(None, None, INTERNATIONAL, "international force"), sector)]
        if head.ent_type_ not in PERSON_LABELS or noun_sector(self.knowledge, head) is not None:
            return []
        if any(t.lemma_.casefold() in EXPERTISE_NOUNS for t in head.subtree):
            return []  # "Mireya Solis, a Japan expert": the country a text names is what she studies
        country = self._document_country(set())
        return [Coding(country, sector, None, "country the document names")] if country else []

    def _document_country(self, exclude: set[str]) -> str | None:
        remaining = [code for code in self.countries if code not in exclude]
        return remaining[0] if len(remaining) == 1 else None

    def _modifier_of_noun(self, head: Any, named: tuple[NameRef, int, int]) -> Actor | None:
        """A country or organisation modifying a noun ("Egyptian" in "Egyptian demonstrators"): the noun's sector."""
        nouns = described_nouns(head)
        if not nouns or nouns[-1].pos_ == "PROPN" or nouns[-1].lemma_.casefold() in PLACE_NOUNS:
            return None
        noun = nouns[-1]
        sector = next((s for s in (noun_sector(self.knowledge, t) for t in nouns) if s is not None), None)
        ref, start, end = named
        if sector is None or (ref.entry.kind == "organization" and ref.entry.sector != "IGO"):
            return None
        coding = self.context.coding_of(ref, self.date, (start, end))
        if coding.group is not None:
            coding = self._placed(noun, coding, sector[0])
        if coding.organization is not None:
            coding = _organization_part(coding, sector[0])
        else:
            coding.sector = sector[0]
        if not coding.coded:
            return None
        return self._actor(head, coding, whole_phrase=False)

    def _from_name(self, head: Any, ref: NameRef, start: int, end: int) -> Actor | None:
        entry = ref.entry
        sector = entry.sector
        country = entry.country
        code = None
        note = entry.where()
        if ref.role in ("capital", "region") and is_place(head):
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
            if is_former(head) and holding.country is not None:
                sector, code = "ELI", f"{holding.country}ELI"
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
            if ref.role in ("capital", "region") and is_place(head):
                continue
            found.append(self.context.coding_of(ref, self.date, (start, end)))
        unique: dict[tuple[str | None, str | None, str | None], Coding] = {}
        for coding in found:
            key = (coding.country, coding.sector, coding.organization.code if coding.organization else None)
            unique.setdefault(key, coding)
        merged = list(unique.values())
        countries = {c.country for c in merged if c.country and c.organization is None}
        if len(merged) > 1 and len(countries) == 1:
            best = max(merged, key=lambda c: (c.organization is not None, c.group is None, c.sector is not None))
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


def group_of(ref: NameRef) -> bool:
    return ref.role == "group"


def _group_sector(sector: str) -> str:
    """A group's leaders are its notables, not a government: "Yoruba leaders", "Kurdish chiefs" → ELI."""
    return "ELI" if sector == "GOV" else sector


def _organization_part(coding: Coding, sector: str) -> Coding:
    """ "UN peacekeepers": the organisation's code with the sector of the noun (IGOUNOMIL)."""
    organization = coding.organization
    assert organization is not None
    if sector == organization.sector or organization.code.endswith(sector):
        return coding
    part = replace(organization, code=f"{organization.code}{sector}", sector=sector)
    return Coding(coding.country, sector, part, coding.entry, coding.tokens)


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
    if head.lemma_.casefold() in EXPERTISE_NOUNS:
        # "an Iran expert", "a China analyst": the country is what they study, not theirs.
        return [c for c in head.children if c.dep_ == "prep" and c.lower_ in OF_PREPS for c in c.children]
    if depth == 0 and head.dep_ == "compound" and head.head.i > head.i:
        found.extend(c for c in head.head.lefts if c.i < head.i and c.dep_ in ("amod", "compound", "poss", "nmod"))
    for child in head.children:
        if child.dep_ == "amod" and child.lower_ in LEADING_WORDS:
            found.extend(c for c in child.children if c.dep_ == "npadvmod")
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
        knowledge.spelling.known_words = frozenset(
            word.casefold() for word in nlp.vocab.strings if word.isalpha() and len(word) > 4
        )
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
        dropped = not_actor_names(doc)
        for span in filter_spans(spans):
            ref = self.knowledge.names[span.label_]
            if span.start in dropped or (ref.role == "group" and in_person_name(span)):
                continue
            if ref.person is not None and another_given_name(span):
                continue
            for index in range(span.start, span.end):
                names[index] = (ref, span.start, span.end)
        for index, ref in misspelt_names(doc, names, self.knowledge.spelling):
            if index not in dropped:
                names[index] = (ref, index, index + 1)
        actors = DocumentActors(self.knowledge, names, parse_day(date), countries=document_countries(names))
        learn_from_document(actors, doc)
        return actors
