"""Who is speaking: the subject of a cue, its noun phrase, and pronouns or role nouns
resolved to the person named earlier in the document."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from tacitus.actors.resolve import DocumentActors
from tacitus.events.syntax import mended_subject
from tacitus.types import Actor, TextSpan

SUBJECT_DEPS = {"nsubj"}
INVERTED_DEPS = {"nsubj", "dobj", "attr", "npadvmod", "dep", "oprd", "appos", "nsubjpass"}
CLIMB_DEPS = {"conj", "xcomp", "advcl", "acl", "pcomp"}
LEFT_DEPS = {"compound", "amod", "det", "poss", "nmod", "nummod", "flat", "case"}
RIGHT_PREPS = {"of", "for", "at", "from", "with", "in"}
PERSONAL_PRONOUNS = {"he", "she", "him", "her"}
UNRESOLVED_PRONOUNS = {"i", "we", "you", "they", "it", "who", "one"}
ROLE_DETERMINERS = {"the", "this", "that"}
TIME_ENTITIES = {"DATE", "TIME", "CARDINAL", "ORDINAL"}
MAX_PHRASE_TOKENS = 14
MAX_ROLE_LOOKBACK = 40


def subject_of(verb: Any, depth: int = 0) -> Any | None:
    """The token saying something with `verb`: its subject, or the phrase after it ("said X")."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.lower_ in ("who", "that") and verb.dep_ == "relcl":
                return verb.head
            return mended_subject(child)
    if verb.dep_ == "relcl":
        return verb.head
    for child in verb.rights:
        if (
            child.dep_ in INVERTED_DEPS
            and child.pos_ in ("PROPN", "NOUN", "PRON")
            and child.ent_type_ not in TIME_ENTITIES
            and not any(c.isdigit() for c in child.text)
            and child.i - verb.i <= 6
            and not (child.dep_ == "dobj" and child.pos_ == "PRON")
            and _follows_quote(verb)
        ):
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    if depth < 3 and verb.dep_ in CLIMB_DEPS and verb.head != verb:
        return subject_of(verb.head, depth + 1)
    return None


def _follows_quote(verb: Any) -> bool:
    """'…," said X': the verb comes right after a closing quotation mark (and its comma)."""
    doc = verb.doc
    for back in (1, 2):
        if verb.i - back < 0:
            return False
        token = doc[verb.i - back]
        if token.is_quote or token.text in ("''", "”", '"'):
            return True
        if not token.is_punct:
            return False
    return False


def phrase_of(head: Any) -> TextSpan:
    """The noun phrase headed by `head`: titles and names on the left, "of/for …" on the right."""
    doc = head.doc
    if head.pos_ == "PRON":
        return TextSpan(head.text, head.idx, head.idx + len(head.text))
    start = head.i
    for child in head.lefts:
        if child.dep_ in LEFT_DEPS:
            start = min(start, child.left_edge.i)
    end = head.i + 1
    if head.pos_ == "NOUN":
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in RIGHT_PREPS and child.right_edge.i - start < MAX_PHRASE_TOKENS:
                end = max(end, child.right_edge.i + 1)
            else:
                break
    start = max(start, head.i - MAX_PHRASE_TOKENS)
    while start < head.i and (doc[start].is_punct or doc[start].is_quote):
        start += 1
    span = doc[start:end]
    return TextSpan(span.text, span.start_char, span.end_char)


@dataclass
class Person:
    """A person mentioned outside quotations: where, as what phrase, and coded as what."""

    head: Any
    phrase: TextSpan
    actor: Actor | None


@dataclass
class Speakers:
    """Speaker resolution over one document, remembering people in text order."""

    actors: DocumentActors
    people: list[Person] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)

    def remember(self, head: Any, actor: Actor | None = None) -> None:
        phrase = phrase_of(head)
        position = bisect_left(self.starts, phrase.start)
        if position < len(self.starts) and self.starts[position] == phrase.start:
            return
        self.starts.insert(position, phrase.start)
        self.people.insert(position, Person(head, phrase, actor if actor is not None else self.code(head, phrase)))

    def code(self, head: Any, phrase: TextSpan) -> Actor | None:
        found = self.actors.resolve(head)
        if not found:
            return None
        coded = found[0]
        return Actor(phrase.text, phrase.start, phrase.end, coded.country, coded.sector, coded.code, coded.entry)

    def antecedent(self, head: Any) -> Person | None:
        """The person a pronoun or role noun ("he", "the minister") stands for."""
        lower = head.lower_
        index = bisect_left(self.starts, head.idx) - 1
        if head.pos_ == "PRON":
            if lower not in PERSONAL_PRONOUNS:
                return None
            return self.people[index] if index >= 0 else None
        if not any(c.dep_ == "det" and c.lower_ in ROLE_DETERMINERS for c in head.children):
            return None
        role = head.lemma_.casefold()
        for person in reversed(self.people[max(0, index - MAX_ROLE_LOOKBACK) : index + 1]):
            if person.head.i == head.i:
                continue
            phrase_tokens = head.doc.char_span(person.phrase.start, person.phrase.end, alignment_mode="expand")
            if phrase_tokens is not None and any(t.lemma_.casefold() == role for t in phrase_tokens):
                return person
        return None

    def speaker(self, head: Any) -> tuple[TextSpan, Actor]:
        """The mention as written near the quote, and the speaker it stands for, coded."""
        mention = phrase_of(head)
        person = self.antecedent(head)
        if person is not None:
            actor = person.actor or self.code(person.head, person.phrase)
            if actor is not None:
                return mention, actor
            return mention, Actor(person.phrase.text, person.phrase.start, person.phrase.end, None, None, "")
        actor = self.code(head, mention)
        if actor is None:
            actor = Actor(mention.text, mention.start, mention.end, None, None, "")
        if head.pos_ == "PROPN" or head.ent_type_ == "PERSON":
            self.remember(head, actor)
        return mention, actor
