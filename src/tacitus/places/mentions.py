"""Place mentions in a parsed document: entities, prepositional phrases, datelines.

Each mention gets a role from its syntax: `place` where the text says something happened
there ("in Raqqa", "near the Tabqa dam"), `actor` where the name stands for a government
("Ankara said", "Washington's decision"), `other` where it only tells the document's
geography. Resolving the names is the resolver's job.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from tacitus.parse import doc_text
from tacitus.places.gazetteer import Place
from tacitus.places.names import name_key

PLACE_LABELS = {"GPE", "LOC", "FAC"}
NOT_PLACE_LABELS = {"PERSON", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "WORK_OF_ART", "LAW", "EVENT"}
LOCATIVE_PREPS = {
    "in", "at", "near", "outside", "inside", "around", "across", "into", "through", "from", "to", "toward",
    "towards", "within", "throughout", "off", "along", "between", "over", "on", "beyond", "onto",
}  # fmt: skip
STRONG_PREPS = {"in", "near", "outside", "inside", "around"}
ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "csubj"}
DIRECTIONS = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "outskirts", "suburbs", "centre", "center", "heart", "edge", "part", "parts",
}  # fmt: skip
CITY_WORDS = {"city", "town", "village", "capital", "port", "enclave", "suburb", "neighbourhood", "neighborhood"}
REGION_WORDS = {
    "province", "governorate", "state", "region", "district", "oblast", "territory", "territories",
    "peninsula", "island", "islands", "valley", "desert", "prefecture", "municipality",
}  # fmt: skip
SITE_WORDS = {
    "dam", "bridge", "airport", "base", "camp", "crossing", "square", "palace", "prison", "hospital", "border",
    "checkpoint", "field", "refinery", "port", "harbour", "harbor", "mosque", "church", "market", "bazaar",
}  # fmt: skip
FEATURE_WORDS = CITY_WORDS | REGION_WORDS | SITE_WORDS
MOTION_VERBS = {
    "visit", "enter", "leave", "reach", "tour", "capture", "seize", "bomb", "shell", "storm", "invade", "occupy",
    "besiege", "raid", "liberate", "retake", "recapture", "evacuate", "overrun", "strike", "hit", "attack",
}  # fmt: skip
DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z'’.\- ]{1,40}?[A-Z.])(?:,[ \t]*(?P<region>[A-Z][A-Za-z.'’ ]{1,30}?))?"
    r"[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*(?:-{1,2}|–|—)[ \t]",
    re.MULTILINE,
)
DATELINE_REACH = 600
MAX_OF_CHAIN = 3


@dataclass
class PlaceMention:
    """A stretch of text naming a place; `lookup` is the name searched in the gazetteer."""

    text: str
    start: int
    end: int
    lookup: str
    role: str
    head: int | None = None
    sentence: int | None = None
    label: str | None = None
    feature: str | None = None
    qualifier: PlaceMention | None = None
    place: Place | None = None
    confidence: float = 0.0
    candidates: int = 0
    tokens: tuple[int, int] = (0, 0)
    qualifies: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return name_key(self.lookup)

    @property
    def feature_kind(self) -> str | None:
        if self.feature in CITY_WORDS:
            return "city"
        if self.feature in REGION_WORDS:
            return "region"
        return None


def _role(head: Any) -> str:
    """What the syntax says a place name is doing in its sentence."""
    token = head
    while token.dep_ in ("compound", "flat", "nmod", "appos", "conj") and token.head.i != token.i:
        feature_head = token.head.lower_ in FEATURE_WORDS
        if (
            token.dep_ in ("compound", "nmod")
            and not feature_head
            and token.head.ent_type_ in ("", "PERSON", "ORG", "NORP")
        ):
            return "actor" if token.head.dep_ in ACTOR_DEPS else "other"
        token = token.head
    dep = token.dep_
    if dep in ACTOR_DEPS:
        return "actor"
    if dep == "pobj":
        prep = token.head
        if prep.dep_ == "agent":
            return "actor"
        if prep.lower_ in LOCATIVE_PREPS:
            return "place"
        if prep.lower_ == "of" and (prep.head.lemma_.lower() in FEATURE_WORDS | DIRECTIONS or _in_locative(prep.head)):
            return "place"
        return "other"
    if dep in ("dobj", "obj"):
        return "object"
    if dep in ("npadvmod", "appos"):
        return "place"
    return "other"


def _in_locative(noun: Any, depth: int = 0) -> bool:
    """A noun inside a locative phrase: "in a district of X", "near the edge of X", and through
    a short chain of "of" ("in the battle zones of the southern sector of X")."""
    prep = noun.head
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj":
        return False
    if prep.lower_ in LOCATIVE_PREPS:
        return not (prep.lower_ == "to" and prep.head.lower_ == "according")
    return depth < MAX_OF_CHAIN and prep.lower_ == "of" and prep.head != prep and _in_locative(prep.head, depth + 1)


def _feature_of(span: Any) -> tuple[str | None, Any]:
    """The feature word around a name ("town of X", "X province", "X dam") and the span to look up."""
    last = span[-1]
    if len(span) > 1 and last.lower_ in FEATURE_WORDS:
        return last.lower_, span[:-1]
    root = span.root
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.lower_ in FEATURE_WORDS and root.head.i == after.i:
        return after.lower_, span
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in FEATURE_WORDS:
        return root.head.head.lower_, span
    return None, span


def _name_span(token: Any) -> Any:
    """The proper-noun phrase a token heads: its compound/flat proper nouns to the left."""
    start = token.i
    for child in token.lefts:
        if child.dep_ in ("compound", "flat") and child.pos_ == "PROPN":
            start = min(start, child.left_edge.i)
    return token.doc[start : token.i + 1]


def _make(doc: Any, span: Any, label: str | None, sentence_of: dict[int, int]) -> PlaceMention | None:
    while len(span) and span[0].lower_ in ("the", "a", "an"):
        span = span[1:]
    while len(span) and span[-1].lower_ in ("'s", "’s", "'", "’"):
        span = span[:-1]
    if not len(span):
        return None
    feature, lookup = _feature_of(span)
    if not len(lookup) or not any(ch.isalpha() for ch in lookup.text) or lookup.text.lower() in DIRECTIONS:
        return None
    head = lookup.root
    if span.end < len(doc) and doc[span.end].lower_ == feature and lookup.root.head.i == span.end:
        span = doc[span.start : span.end + 1]
    return PlaceMention(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        lookup=lookup.text,
        role=_role(span.root),
        head=head.i,
        sentence=sentence_of.get(head.i),
        label=label,
        feature=feature,
        tokens=(span.start, span.end),
    )


def find_mentions(doc: Any) -> list[PlaceMention]:
    """Place-like mentions: GPE/LOC/FAC entities, then proper nouns after locative prepositions."""
    sentence_of = {token.i: index for index, sent in enumerate(doc.sents) for token in sent}
    found: list[PlaceMention] = []
    covered: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        mention = _make(doc, ent, ent.label_, sentence_of)
        if mention is not None:
            found.append(mention)
            covered.update(range(ent.start, ent.end))
    for token in doc:
        if token.i in covered:
            continue
        prep = token.head
        named_feature = token.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in FEATURE_WORDS
        strong = token.dep_ == "pobj" and prep.lower_ in STRONG_PREPS and token.ent_type_ == "PERSON"
        if token.ent_type_ in NOT_PLACE_LABELS and not (named_feature or strong):
            continue
        if token.dep_ == "pobj":
            according = prep.lower_ == "to" and prep.head.lower_ == "according"
            cue = (
                named_feature
                or (prep.lower_ in LOCATIVE_PREPS and not according)
                or (prep.lower_ == "of" and (prep.head.lemma_.lower() in DIRECTIONS or _in_locative(prep.head)))
            )
        else:
            cue = token.dep_ == "dobj" and token.pos_ == "PROPN" and prep.lemma_.lower() in MOTION_VERBS
        if not cue:
            continue
        if token.pos_ == "PROPN" or (named_feature and token.text[:1].isupper()):
            span = _name_span(token)
        elif token.lower_ in FEATURE_WORDS and any(c.pos_ == "PROPN" and c.dep_ == "compound" for c in token.lefts):
            span = token.doc[_name_span(token).start : token.i + 1]
        else:
            continue
        if any(i in covered for i in range(span.start, span.end)):
            continue
        mention = _make(doc, span, None, sentence_of)
        if mention is not None:
            found.append(mention)
            covered.update(range(span.start, span.end))
    found.sort(key=lambda m: m.start)
    _link_qualifiers(doc, found)
    return found


def _link_qualifiers(doc: Any, mentions: list[PlaceMention]) -> None:
    """ "Akcakale, Turkey" and "El Paso, Texas": the second name qualifies the first."""
    text = doc_text(doc)
    for first, second in itertools.pairwise(mentions):
        between = text[first.end : second.start]
        if between.strip() == "," and len(between) <= 3:
            first.qualifier = second
            second.qualifies = True
            second.role = "other"


def find_dateline(text: str) -> PlaceMention | None:
    """The place of a dateline such as "KABUL, Afghanistan (Agency) — …" near the top."""
    for match in DATELINE.finditer(text[:DATELINE_REACH]):
        place = match.group("place").strip()
        if len(place) < 3 or not any(ch.isalpha() for ch in place):
            continue
        mention = PlaceMention(
            text=place,
            start=match.start("place"),
            end=match.start("place") + len(place),
            lookup=place.title(),
            role="dateline",
        )
        region = match.group("region")
        if region:
            start = match.start("region")
            mention.qualifier = PlaceMention(
                text=region.strip(), start=start, end=start + len(region.strip()), lookup=region.strip(), role="other"
            )
        return mention
    return None
