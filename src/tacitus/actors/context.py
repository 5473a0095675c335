"""What one document teaches about its actors: people named with their office, who was mentioned where.

One pass over the document's names and PERSON entities when it is analysed; resolution then
looks antecedents up in short lists instead of scanning the text again.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from tacitus.actors.knowledge import ActorEntry, NameRef

if TYPE_CHECKING:
    from tacitus.actors.resolve import DocumentActors

PRONOUN_WINDOW_SENTENCES = 3
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
TITLE_DEPS = {"compound", "appos", "amod"}


@dataclass
class Coding:
    country: str | None = None
    sector: str | None = None
    organization: ActorEntry | None = None
    entry: str | None = None
    tokens: tuple[int, int] | None = None
    group: ActorEntry | None = None

    @property
    def coded(self) -> bool:
        return self.country is not None or self.organization is not None

    def code(self) -> str:
        if self.organization is not None:
            return self.organization.code
        return f"{self.country or ''}{self.sector or ''}"

    def copy(self) -> Coding:
        return replace(self, tokens=None)


@dataclass(frozen=True)
class Mention:
    """A person mentioned at token `index`; `titles` are the office nouns named with them."""

    index: int
    sentence: int
    name: str
    coding: Coding
    titles: frozenset[str]
    subject: bool


@dataclass(frozen=True)
class LearnedItem:
    name: str
    coding: Coding
    title: str | None
    evidence: str
    start: int
    end: int


@dataclass
class DocumentContext:
    sentence_starts: list[int] = field(default_factory=list)
    persons: list[Mention] = field(default_factory=list)
    countries: list[tuple[int, ActorEntry]] = field(default_factory=list)
    learned: list[LearnedItem] = field(default_factory=list)
    full_names: dict[str, str] = field(default_factory=dict)

    def sentence_of(self, index: int) -> int:
        return bisect_right(self.sentence_starts, index) - 1

    def coding_of(self, ref: NameRef, day: dt.date | None, tokens: tuple[int, int] | None = None) -> Coding:
        entry = ref.entry
        if ref.person is not None:
            holding = ref.person.holding_on(day)
            organization = None
            if holding.role.code is not None and holding.country is None:
                organization = replace(entry, kind="organization", code=holding.code, sector=holding.sector)
            return Coding(holding.country, holding.sector, organization, entry.where(), tokens)
        if entry.kind == "group":
            return Coding(entry.country, None, None, entry.where(), tokens, group=entry)
        organization = entry if entry.kind == "organization" else None
        sector = entry.sector if entry.kind != "country" else None
        if ref.role == "capital":
            sector = "GOV"
        return Coding(entry.country, sector, organization, entry.where(), tokens)

    def person_before(self, pronoun: Any) -> Mention | None:
        """The antecedent of he/she: the last person named shortly before, preferring grammatical subjects."""
        sentence = self.sentence_of(pronoun.i)
        window = [
            m
            for m in self.persons
            if m.index < pronoun.i and sentence - m.sentence < PRONOUN_WINDOW_SENTENCES and m.index != pronoun.head.i
        ]
        if not window:
            return None
        earlier = [m for m in window if m.sentence < sentence]
        subjects = [m for m in (earlier or window) if m.subject]
        return (subjects or window)[-1]

    def person_titled(self, head: Any, lemma: str) -> Mention | None:
        """The antecedent of "the minister": the last person named before with that title."""
        pair = None
        for child in head.children:
            if child.dep_ in ("compound", "amod") and child.i == head.i - 1:
                pair = f"{child.lemma_.casefold()} {lemma}"
        for mention in reversed(self.persons):
            if mention.index < head.i and lemma in mention.titles and (pair is None or pair in mention.titles):
                return mention
        return None

    def countries_before(self, index: int, count: int) -> list[tuple[ActorEntry, str]]:
        """The last `count` distinct countries named before token `index`, in text order."""
        found: list[tuple[ActorEntry, str]] = []
        seen: set[str] = set()
        for position, entry in reversed(self.countries):
            if position >= index or entry.code in seen:
                continue
            seen.add(entry.code)
            found.append((entry, entry.where()))
            if len(found) == count:
                break
        return list(reversed(found))


def titles_of(tokens: list[Any], sector_nouns: dict[str, str], role_nouns: dict[str, str]) -> set[str]:
    titles: set[str] = set()
    for token in tokens:
        lemma = token.lemma_.casefold()
        if lemma in sector_nouns or lemma in role_nouns:
            titles.add(lemma)
            left = token.doc[token.i - 1] if token.i > 0 else None
            if (
                left is not None
                and left.dep_ in ("compound", "amod")
                and left.head.i == token.i
                and left.pos_ in ("NOUN", "ADJ")
            ):
                titles.add(f"{left.lemma_.casefold()} {lemma}")
    return titles


def title_tokens(target: Any) -> list[Any]:
    tokens = [target]
    for child in target.children:
        if child.dep_ in TITLE_DEPS:
            tokens.append(child)
            tokens.extend(c for c in child.children if c.dep_ in TITLE_DEPS)
    return tokens


def learn_from_document(actors: DocumentActors, doc: Any) -> None:
    """Record country and person mentions, and learn people the text names with title and nationality."""
    context = actors.context
    knowledge = actors.knowledge
    context.sentence_starts = [sent.start for sent in doc.sents]
    seen_spans: set[tuple[int, int]] = set()
    covered: set[int] = set()
    for ref, start, end in actors.names.values():
        if (start, end) in seen_spans:
            continue
        seen_spans.add((start, end))
        covered.update(range(start, end))
        if ref.entry.kind == "country" and ref.role != "demonym":
            context.countries.append((start, ref.entry))
        elif ref.person is not None:
            coding = context.coding_of(ref, actors.date, None)
            holding = ref.person.holding_on(actors.date)
            titles = {holding.role.title, holding.role.title.split()[-1]} if holding.role.title else set()
            titles |= titles_of(title_tokens(doc[end - 1]), knowledge.sector_nouns, knowledge.role_nouns)
            actors.learned.setdefault(doc[end - 1].text, coding)
            context.full_names.setdefault(doc[end - 1].text, ref.person.name)
            _mention(context, doc[end - 1], ref.person.name, coding, titles)
    context.countries.sort(key=lambda item: item[0])
    for ent in doc.ents:
        if ent.label_ != "PERSON" or covered.intersection(range(ent.start, ent.end)):
            continue
        covered.update(range(ent.start, ent.end))
        _learn_person(actors, ent)
    for token in doc:
        if token.pos_ == "PROPN" and token.i not in covered and token.text in actors.learned:
            known = actors.learned[token.text]
            _mention(context, token, token.text, known, _titles_known(context, token.text))
    context.persons.sort(key=lambda mention: mention.index)


def _titles_known(context: DocumentContext, name: str) -> frozenset[str]:
    for mention in reversed(context.persons):
        if mention.name == context.full_names.get(name, name):
            return mention.titles
    return frozenset()


def _learn_person(actors: DocumentActors, ent: Any) -> None:
    context = actors.context
    knowledge = actors.knowledge
    root = ent.root
    name = ent.text
    surname = ent[-1].text
    known = actors.learned.get(name) or actors.learned.get(surname)
    if known is not None:
        _mention(context, root, name, known, _titles_known(context, surname))
        return
    target = root.head if root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN") else root
    found = actors.code_phrase(target)
    if len(found) != 1:
        return
    coding = found[0][0].copy()
    if coding.sector is None and coding.organization is None:
        return
    titles = titles_of(title_tokens(target), knowledge.sector_nouns, knowledge.role_nouns)
    if target is not root:
        titles |= titles_of(title_tokens(root), knowledge.sector_nouns, knowledge.role_nouns)
    actors.learned[name] = coding
    actors.learned.setdefault(surname, coding)
    context.full_names.setdefault(surname, name)
    doc = ent.doc
    start = min(target.left_edge.i, ent.start)
    end = max(ent.end, target.i + 1)
    phrase = doc[start:end]
    title = max(titles, key=len) if titles else None
    context.learned.append(LearnedItem(name, coding, title, ent.sent.text, phrase.start_char, phrase.end_char))
    _mention(context, root, name, coding, titles)


def _mention(
    context: DocumentContext, token: Any, name: str, coding: Coding, titles: set[str] | frozenset[str]
) -> None:
    head = token
    while head.dep_ in ("compound", "flat") and head.head.i != head.i:
        head = head.head
    subject = head.dep_ in SUBJECT_DEPS or (head.dep_ == "appos" and head.head.dep_ in SUBJECT_DEPS)
    full_name = context.full_names.get(name, name)
    context.persons.append(
        Mention(token.i, context.sentence_of(token.i), full_name, coding, frozenset(titles), subject)
    )
