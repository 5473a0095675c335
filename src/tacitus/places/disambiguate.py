"""Choosing among the places a name may stand for, by what the document says around it."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from tacitus.places.gazetteer import Candidate, Gazetteer, Place
from tacitus.places.mentions import PlaceMention
from tacitus.places.names import name_key

# Regions are our own curated list (data/places/regions.yaml): a well-known name, not a hamlet that shares it.
KIND_PRIOR = {"continent": 2.0, "country": 1.5, "admin1": 0.5, "region": 3.0, "city": 0.0}
POPULATION_WEIGHT = 0.6
PRIMARY_NAME = 1.0
EXACT_NAME = 0.7
CAPITAL = 0.5
CAPITAL_NAMED_AS_SUCH = 0.8
SAME_SENTENCE = 2.0
FEATURE_MATCH = 1.5
FEATURE_KINDS = {("city", "city"), ("region", "admin1"), ("region", "region")}
QUALIFIER_MATCH = 5.0
CONTEXT_SHARE = 3.0
CONTEXT_REPEAT = 0.5
CONTEXT_CAP = 3.0
STATE_SHARE = 0.5
MAIN_CITY_SHARE = 4
NOTABLE_POPULATION = 1_000_000
DIRECTION_WORDS = re.compile(
    r"^(?:(?:north|south|east|west)(?:ern)?|(?:north|south)(?:east|west)(?:ern)?|central|greater|mainland)\s+",
    re.IGNORECASE,
)
SMALL_ALTERNATE = 1000
CONFIDENT = 0.6
UNCONTESTED = 4.0
UNLABELLED_MIN = 5000
DATELINE_WEIGHT = 2.0


@dataclass
class Context:
    """Countries and US states the document speaks of, each contribution under the name that made it,
    so that a name never counts as evidence for itself."""

    contributions: list[tuple[str, str | None, str | None, float, int | None]] = field(default_factory=list)
    capital_names: set[str] = field(default_factory=set)
    countries: dict[str, float] = field(default_factory=dict)
    states: dict[str, float] = field(default_factory=dict)

    def add(self, key: str, country: str | None, state: str | None, weight: float, sentence: int | None) -> None:
        self.contributions.append((key, country, state, weight, sentence))

    def for_name(self, key: str, sentence: int | None = None) -> Context:
        """The context of one mention: what other names say, those of its own sentence counting double."""
        countries: dict[str, float] = {}
        states: dict[str, float] = {}
        for other, country, state, weight, where in self.contributions:
            if other == key:
                continue
            if sentence is not None and where == sentence:
                weight *= SAME_SENTENCE
            if country:
                countries[country] = countries.get(country, 0.0) + weight
            if state:
                states[state] = states.get(state, 0.0) + weight
        return Context(self.contributions, self.capital_names, countries, states)


def _score(candidate: Candidate, mention: PlaceMention, context: Context) -> float:
    place = candidate.place
    population = place.population or (NOTABLE_POPULATION if place.geonameid is None else 0)
    score = POPULATION_WEIGHT * math.log10(population + 1) + KIND_PRIOR.get(place.kind, 0.0)
    if not candidate.alternate:
        score += PRIMARY_NAME
    if name_key(place.name) == mention.key:
        score += EXACT_NAME
    if place.capital:
        score += CAPITAL
        if mention.key in context.capital_names:
            score += CAPITAL_NAMED_AS_SUCH
    wanted = mention.feature_kind
    if (wanted, place.kind) in FEATURE_KINDS:
        score += FEATURE_MATCH
    qualifier = mention.qualifier.place if mention.qualifier is not None else None
    if qualifier is not None:
        same_country = qualifier.country == place.country
        same_state = qualifier.kind != "admin1" or qualifier.admin1 == place.admin1
        score += QUALIFIER_MATCH if same_country and same_state else -QUALIFIER_MATCH
    if place.country:
        score += _support(context.countries, place.country)
    if place.country == "USA" and place.kind == "city" and place.admin1:
        score += STATE_SHARE * _support(context.states, place.admin1)
    return score


def _support(weights: dict[str, float], code: str) -> float:
    """How much the document speaks of `code`: its share of the context, plus a little for repetition."""
    own = max(0.0, weights.get(code, 0.0))
    total = sum(max(0.0, w) for w in weights.values())
    if own <= 0 or total <= 0:
        return 0.0
    return CONTEXT_SHARE * own / total + CONTEXT_REPEAT * math.log2(1 + min(own, CONTEXT_CAP))


def choose(candidates: tuple[Candidate, ...], mention: PlaceMention, context: Context) -> tuple[Place, float] | None:
    """The best place for a mention and the confidence in it (a softmax share of the scores)."""
    usable = [c for c in candidates if not (c.alternate and c.place.population < SMALL_ALTERNATE)]
    if not usable:
        return None
    scored = sorted(((_score(c, mention, context), c) for c in usable), key=lambda sc: -sc[0])
    best_score, best = scored[0]
    if best.place.kind == "admin1" and mention.feature_kind != "region":
        best = _main_city(best, [c for _, c in scored])
    runner_up = scored[1][0] if len(scored) > 1 else best_score - UNCONTESTED
    confidence = 1.0 / (1.0 + math.exp(runner_up - best_score))
    if mention.label is None and mention.feature is None and (best.alternate or best.place.population < UNLABELLED_MIN):
        return None
    return best.place, round(confidence, 3)


def _main_city(state: Candidate, candidates: list[Candidate]) -> Candidate:
    """ "in New York" means the city when a state shares its name with a city holding much of its
    people; "New York state" keeps the state."""
    for candidate in candidates:
        place = candidate.place
        if (
            place.kind == "city"
            and place.country == state.place.country
            and place.admin1 == state.place.admin1
            and place.population * MAIN_CITY_SHARE >= state.place.population
        ):
            return candidate
    return state


def resolve_mentions(
    gazetteer: Gazetteer, mentions: list[PlaceMention], base: Context, dateline: PlaceMention | None
) -> None:
    """Resolve every mention in place: qualifiers and the dateline first, then the rest twice,
    the second time with the countries the first pass found as context."""
    ordered = [m for m in mentions if m.qualifies]
    if dateline is not None:
        if dateline.qualifier is not None:
            ordered.append(dateline.qualifier)
        ordered.append(dateline)
    ordered += [m for m in mentions if not m.qualifies]
    for mention in ordered:
        _resolve(gazetteer, mention, base.for_name(mention.key, mention.sentence))
    context = Context(list(base.contributions), base.capital_names)
    for mention in ordered:
        place = mention.place
        if place is not None and mention.confidence >= CONFIDENT:
            weight = DATELINE_WEIGHT if mention.role == "dateline" else 1.0
            state = place.admin1 if place.kind == "admin1" else None
            context.add(mention.key, place.country, state, weight, mention.sentence)
    for mention in ordered:
        if not mention.qualifies and mention.role != "dateline":
            _resolve(gazetteer, mention, context.for_name(mention.key, mention.sentence))


def _resolve(gazetteer: Gazetteer, mention: PlaceMention, context: Context) -> None:
    """Resolve by the whole text ("Oklahoma City"), else without its feature word ("Tabqa dam"),
    else without a direction ("northern Syria")."""
    candidates = gazetteer.candidates(mention.text)
    if not candidates and mention.lookup != mention.text:
        candidates = gazetteer.candidates(mention.lookup)
    if not candidates and DIRECTION_WORDS.match(mention.lookup):
        candidates = gazetteer.candidates(DIRECTION_WORDS.sub("", mention.lookup))
    mention.candidates = len(candidates)
    chosen = choose(candidates, mention, context)
    if chosen is None:
        mention.place, mention.confidence = None, 0.0
    else:
        mention.place, mention.confidence = chosen
