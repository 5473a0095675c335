"""Document-level facts the resolver uses: which countries the text names, which names are not actors,
which unknown capitalised words are misspelt names, and the small grammar of group phrases."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tacitus.actors.knowledge import ActorEntry, ActorKnowledge, NameRef
from tacitus.actors.spelling import MIN_LENGTH, SpellingIndex

STANCE_PREFIXES = {"anti", "pro"}
ETHNIC_WORDS = {"ethnic"}
FORMER_WORDS = {"former", "ex", "ousted", "deposed", "exiled", "late"}
MODIFIER_LINKS = ("amod", "compound", "nmod")
LEADING_WORDS = {"led"}
COUNTRY_KINDS = ("country", "institution")
LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "around", "across", "throughout", "within", "into"}
MOTION_PREPS = {"to", "from", "toward", "towards"}
MOTION_WORDS = {"arrive", "travel", "fly", "return", "go", "come", "move", "flee", "head", "visit", "trip", "journey"}
MOTION_WORDS |= {"flight", "road", "route", "lead", "march", "drive", "airlift", "deport", "evacuate"}
PLACE_NOUNS = {"province", "governorate", "region", "district", "republic", "territory", "enclave", "city", "town"}
INTERNATIONAL = ActorEntry("organization", "IGO", None, "IGO", "international force", "sectors.yaml", 0)


def not_actor_names(doc: Any) -> set[int]:
    """Starts of names that stand for no actor: "anti-Syria", "pro-Moscow" say what a phrase is against or for."""
    dropped: set[int] = set()
    for token in doc:
        if token.i < 2 or token.i + 1 > len(doc):
            continue
        hyphen = doc[token.i - 1]
        prefix = doc[token.i - 2]
        if (
            hyphen.text == "-"
            and not prefix.whitespace_
            and not hyphen.whitespace_
            and prefix.lower_ in STANCE_PREFIXES
        ):
            dropped.add(token.i)
    return dropped


def misspelt_names(
    doc: Any, names: dict[int, tuple[NameRef, int, int]], spelling: SpellingIndex
) -> Iterator[tuple[int, NameRef]]:
    """Capitalised words no name covers that are a misspelt country, demonym or group ("Afganistan")."""
    for token in doc:
        text = token.text
        if len(text) < MIN_LENGTH or not text[0].isupper() or not text.isalpha() or token.i in names:
            continue
        if token.ent_type_ == "PERSON":
            continue
        ref = spelling.match(text)
        if isinstance(ref, NameRef):
            yield token.i, ref


def in_person_name(span: Any) -> bool:
    """A group name that is part of a person's name ("Karen" in "Karen Miller")."""
    doc = span.doc
    ents = {doc[i].ent_type_ for i in range(span.start, span.end)}
    if "PERSON" not in ents:
        return False
    return any(_in_long_entity(doc[i]) for i in range(span.start, span.end))


def another_given_name(span: Any) -> bool:
    """A known surname after a given name that is not the known person's ("Joe Lieberman" when only
    Avigdor Lieberman is known): someone else of that name."""
    if span.end - span.start != 1 or span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return bool(before.pos_ == "PROPN" and before.ent_type_ == "PERSON" and span[0].ent_iob_ == "I")


def _in_long_entity(token: Any) -> bool:
    doc = token.doc
    before = token.i > 0 and doc[token.i - 1].ent_iob_ in ("B", "I") and doc[token.i - 1].ent_type_ == "PERSON"
    after = token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I"
    return bool(before or after)


def document_countries(names: dict[int, tuple[NameRef, int, int]]) -> list[str]:
    """The distinct countries the document names (countries, capitals, regions, national institutions)."""
    found: list[str] = []
    for ref, _start, _end in names.values():
        entry = ref.entry
        if entry.kind in COUNTRY_KINDS and ref.person is None and entry.country and entry.country not in found:
            found.append(entry.country)
    return found


def is_ethnic(head: Any) -> bool:
    """ "ethnic Albanians", "ethnic Albanian guerrillas": a nationality named as a minority."""
    for token in [head, *(c for c in head.children if c.dep_ in MODIFIER_LINKS)]:
        if any(c.dep_ in MODIFIER_LINKS and c.lower_ in ETHNIC_WORDS for c in token.children):
            return True
    return head.i > 0 and head.doc[head.i - 1].lower_ in ETHNIC_WORDS


def is_former(head: Any) -> bool:
    """ "former prime minister X", "ex-president X": someone who no longer holds the office named."""
    tokens = [head, *(c for c in head.children if c.dep_ in ("compound", "appos"))]
    for token in tokens:
        for child in token.children:
            if child.dep_ in ("amod", "compound", "advmod") and child.lower_ in FORMER_WORDS:
                return True
        if token.i >= 2 and token.doc[token.i - 1].text == "-" and token.doc[token.i - 2].lower_ == "ex":
            return True
    return False


def modified_noun(token: Any) -> Any | None:
    """The noun a name modifies ("Egyptian" → "demonstrators"; "Hungarian and Romanian officials")."""
    governor = token
    while governor.dep_ == "conj" and governor.head.i != governor.i:
        governor = governor.head
    noun = governor.head
    if governor.dep_ == "npadvmod" and noun.lower_ in LEADING_WORDS and noun.dep_ == "amod":
        governor, noun = noun, noun.head
    if governor.dep_ in MODIFIER_LINKS and noun.i > token.i and noun.pos_ in ("NOUN", "PROPN"):
        return noun
    return None


def described_nouns(token: Any) -> list[Any]:
    """Nouns that may say what a modifier names, nearest first: "Karen" in "Karen guerrilla stronghold" →
    guerrilla, stronghold; "Ugandan" in "Ugandan opposition candidates" → opposition, candidates."""
    noun = modified_noun(token)
    if noun is None:
        return []
    between = [c for c in noun.children if c.dep_ == "compound" and token.i < c.i < noun.i]
    return [*sorted(between, key=lambda c: c.i), noun]


def is_place(token: Any) -> bool:
    """A capital used as a place ("talks in Ankara", "flew to Ankara", "in the capital Ankara"), not as its
    government ("Ankara said", "talks with Ankara", "a message to Ankara")."""
    if token.dep_ in ("appos", "compound") and token.head.i != token.i:
        token = token.head
    if token.dep_ != "pobj":
        return False
    preposition = token.head
    if preposition.lower_ in LOCATIVE_PREPS:
        return True
    return preposition.lower_ in MOTION_PREPS and preposition.head.lemma_.casefold() in MOTION_WORDS


def noun_sector(knowledge: ActorKnowledge, token: Any) -> tuple[str, bool] | None:
    """Sector of a noun from its lemma, a "modifier noun" pair or "noun of X"; bool: is a role noun."""
    lemma = token.lemma_.casefold()
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_:
        hyphenated = f"{doc[token.i - 2].lower_}-{lemma}"
        if hyphenated in knowledge.sector_nouns:
            return knowledge.sector_nouns[hyphenated], False
    modifiers = [c for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i]
    for child in sorted(modifiers, key=lambda c: -c.i):
        if child.i == token.i - 1 or child.pos_ == "ADJ":
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
