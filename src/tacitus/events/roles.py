"""Who did it to whom: the source and target actors of a chosen pattern, read from the parse."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from tacitus.actors.resolve import SECTOR_ONLY, DocumentActors
from tacitus.events import syntax
from tacitus.events.lexicon import Pattern
from tacitus.events.ontology import load_ontology
from tacitus.events.records import with_actors, with_code
from tacitus.types import Actor, Event

COMPLEMENT_DEPS = ("xcomp", "ccomp")
AGENT_PREPS = ("by", "from")
STATEMENT_ROOT = "01"
# "X threatened … unless Y …": Y is the one threatened.
THREAT_ROOT = "13"
# "demanded that Iraq release …", "urged that talks resume": the complement's doer is the one asked.
ASKING_ROOTS = ("02", "10")
# Disapproval is addressed "to" an audience but aimed "over/about/against" someone: the audience comes last.
DISAPPROVE_ROOT = "11"
AUDIENCE_PREPS = ("to",)
DISAPPROVE_PREPS = ("over", "about")
# Material cooperation, yielding and material conflict done "in" a place target that place when nothing
# else is named ("lifted the curfew in Gaza", "shelled positions in Idlib"); so does travel ("arrived in Amman").
PLACE_TARGET_ROOTS = ("06", "07", "08", "14", "15", "16", "17", "18", "19", "20")
# Asylum is sought from the country it is sought in (the CAMEO codebook codes it as the target).
PLACE_TARGET_CODES = ("042", "1033")
# A threat of such an act is aimed at the place too ("threatened to impose a curfew in Algiers").
LOCATED_TARGET_ROOTS = (*PLACE_TARGET_ROOTS, "13")
# "mobilized reservists for a war against Iraq": the target two prepositions away.
SECOND_HOP_PREPS = ("against", "on", "with", "toward", "towards")
BRIDGE_PREPS = ("for",)
# "hosted a meeting between X and Y", "a mediation effort between X and Y": the parties are the targets.
BETWEEN = "between"
# "the withdrawal of Russian troops from Moldova": the forces named after "of" move.
FORCE_MOVEMENT_NOUNS = {
    "deployment", "redeployment", "withdrawal", "pullout", "arrival", "departure", "buildup", "incursion"
}  # fmt: skip
# A protest with no target of its own is aimed at whom its clause names (its purpose, what it opposes).
PROTEST_ROOT = "14"
SUBJECT_DEPS = ("nsubj", "nsubjpass")
NOMINAL_POS = ("NOUN", "PROPN", "PRON")
# "withdrew its troops from Chad": what the source owns is not its target.
OWN_DETERMINERS = ("its", "their", "our", "his", "her")
# An agreement among actors named together is made with each other: "Jordan and Britain agreed to …".
MUTUAL_ROOTS = ("03",)


@dataclass(frozen=True)
class Choice:
    """A pattern that matched at a trigger, and the code it gives there."""

    pattern: Pattern
    trigger: Any
    code: str
    entry: str
    complement: Any | None = None
    light: Any | None = None

    @property
    def governor(self) -> Any:
        """The verb whose subject, negation and modality the event takes."""
        return self.light if self.light is not None else self.trigger


def with_place_targets(events: list[Event]) -> list[Event]:
    """Events placed by their own clause: actors known by their sector only take the place's country
    ("a journalist was killed in Beirut" → LBNJRN), and events of LOCATED_TARGET_ROOTS with no target
    take the place as target ("exploded bombs in the capital Kabul" → AFG). A dateline or a place
    elsewhere in the sentence does neither."""
    found = []
    for event in events:
        place = event.location
        if place is None or place.get("basis") != "clause" or not place.get("country"):
            found.append(event)
            continue
        country = str(place["country"])
        source, target = (_placed(a, country) for a in (event.source, event.target))
        if (
            target is None
            and (event.cameo_root in LOCATED_TARGET_ROOTS or event.cameo in PLACE_TARGET_CODES)
            and not _overlaps(source, place)
        ):
            target = Actor(str(place["text"]), int(place["start"]), int(place["end"]), country, None, country, "place")
        if (source, target) != (event.source, event.target):
            event = with_actors(event, source, target)
        found.append(event)
    return found


def _placed(actor: Actor | None, country: str) -> Actor | None:
    if actor is None or actor.country is not None or actor.entry != SECTOR_ONLY:
        return actor
    return dataclasses.replace(
        actor, country=country, code=f"{country}{actor.sector or ''}", entry=f"{SECTOR_ONLY}, placed"
    )


def _overlaps(actor: Actor | None, place: dict[str, Any]) -> bool:
    return actor is not None and actor.start < place["end"] and place["start"] < actor.end


def participle_targets(events: list[Event], sent: Any) -> list[Event]:
    """An act told as a participle of another act by the same source shares its target: "opened fire on
    the crowd, killing one person and arresting 12" → the killing and the arrests are of the crowd."""
    by_start = {token.idx: token for token in sent}
    by_trigger: dict[int, list[Event]] = {}
    for event in events:
        by_trigger.setdefault(event.trigger.start, []).append(event)
    shared = []
    for event in events:
        token = by_start.get(event.trigger.start)
        if event.target is None and event.source is not None and token is not None:
            while token.dep_ == "conj" and token.head != token:
                token = token.head
            if token.dep_ == "advcl" and token.tag_ == "VBG":
                donors = [
                    d
                    for d in by_trigger.get(token.head.idx, [])
                    if d.target is not None and d.source is not None and d.source.code == event.source.code
                ]
                if donors:
                    event = with_actors(event, event.source, donors[0].target)
        shared.append(event)
    return shared


def merged_with_agent_nouns(events: list[Event], sent: Any) -> list[Event]:
    """ "Two soldiers were killed in a roadside bombing by Taliban insurgents": the killing without a
    source and the bombing by the Taliban under it are one event, the bombing's, aimed at the soldiers."""
    by_start = {token.idx: token for token in sent}
    sourceless = {e.trigger.start: e for e in events if e.source is None and e.target is not None}
    if not sourceless:
        return events
    merged: list[Event] = []
    absorbed: set[str] = set()
    for event in events:
        token = by_start.get(event.trigger.start)
        if event.source is None or event.target is not None or token is None or token.pos_ != "NOUN":
            merged.append(event)
            continue
        verb_event = sourceless.get(token.head.head.idx) if token.dep_ == "pobj" else None
        if verb_event is not None and verb_event.cameo_root == event.cameo_root:
            absorbed.add(verb_event.event_id)
            deeper = verb_event if len(verb_event.cameo) > len(event.cameo) else event
            event = with_code(with_actors(event, event.source, verb_event.target), load_ontology()[deeper.cameo])
        merged.append(event)
    return [e for e in merged if e.event_id not in absorbed]


def is_mutual(code: str) -> bool:
    return code[:2] in MUTUAL_ROOTS


def same_span_once(found: list[Actor]) -> list[Actor]:
    """One actor per mention and country: "the UN refugee agency" read as two UN bodies is one target."""
    seen: set[tuple[int, int, str]] = set()
    kept = []
    for actor in found:
        key = (actor.start, actor.end, actor.code[:3])
        if key not in seen:
            seen.add(key)
            kept.append(actor)
    return kept


class Roles:
    """Reads the source and target actors of coded triggers within one document."""

    def __init__(self, actors: DocumentActors) -> None:
        self.actors = actors

    def resolve_all(self, heads: list[Any]) -> list[Actor]:
        found: list[Actor] = []
        for head in map(syntax.counted, syntax.with_conjuncts(heads)):
            resolved = self.actors.resolve(head)
            pronoun = head if head.pos_ == "PRON" else syntax.possessive_pronoun(head)
            if not resolved and pronoun is not None:
                for antecedent in syntax.pronoun_antecedents(pronoun):
                    resolved.extend(self.actors.resolve(antecedent))
            found.extend(resolved or self.actors.sector_only(head))
        return same_span_once(found)

    def first_actors(self, heads: list[Any]) -> list[Actor]:
        """The actors of the first head that names one; a role without a country only when no head names one."""
        candidates = list(map(syntax.counted, syntax.with_conjuncts(heads)))
        for head in candidates:
            if self.actors.resolve(head):
                return self.resolve_all([head])
        for head in candidates:
            if self.actors.sector_only(head):
                return self.resolve_all([head])
        return []

    def first_places(self, heads: list[Any]) -> list[Actor]:
        """The first place named "in X" as a target ("lifted the curfew in Gaza"): its country, no sector."""
        for head in syntax.with_conjuncts(heads):
            found = self.actors.resolve_place(head)
            if found:
                return found
        return []

    def sources(self, choice: Choice) -> list[Actor]:
        if choice.pattern.kind == "noun" and choice.light is None:
            noun = choice.trigger
            if noun.lemma_.lower() in FORCE_MOVEMENT_NOUNS:
                # "the deployment of NATO troops", "the withdrawal of Russian forces": the forces move.
                found = self.resolve_all(syntax.preposition_objects(noun, ("of",)))
                if found:
                    return found
            found = same_span_once(self.actors.resolve(noun))
            found = found or self.resolve_all(syntax.preposition_objects(noun, AGENT_PREPS))
            if not found and syntax.culpable(noun):
                # "is responsible for mass killings": who is held responsible did them.
                found = self.resolve_all(syntax.subject_heads(noun.head.head.head))
            return found
        return self.resolve_all(syntax.subject_heads(choice.governor))

    def targets(self, choice: Choice, sources: list[Actor]) -> list[Actor]:
        found = self._own_targets(choice, sources)
        if found:
            return found
        # "summoned the envoy to complain", "opened fire to disperse the crowd": an action and its
        # purpose share the target named on either of them.
        governor = choice.governor
        if syntax.is_purpose(governor) or syntax.purpose_of_object(governor):
            found = self._shared_target(governor.head, sources)
            if found:
                return found
        for purpose in syntax.purpose_clauses(governor):
            found = self._shared_target(purpose, sources)
            if found:
                return found
        if choice.code[:2] == PROTEST_ROOT:
            return self._protested(governor, sources)
        return []

    def _protested(self, governor: Any, sources: list[Actor]) -> list[Actor]:
        """A protest is aimed at the first other actor its clause names: "staged a hunger strike against
        violations by the security forces", "rallied, calling for the removal of President X"."""
        skipped = {t.i for c in governor.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
        nouns = [t for t in governor.subtree if t.i not in skipped and t.pos_ in NOMINAL_POS and t.i != governor.i]
        for noun in nouns:
            found = [a for a in self.actors.resolve(noun) if all(a.code != s.code for s in sources)]
            if found:
                return same_span_once(found)
        return []

    def _shared_target(self, verb: Any, sources: list[Actor]) -> list[Actor]:
        heads = syntax.object_heads(verb, syntax.is_passive(verb))
        heads += [c for c in verb.children if c.dep_ in ("dative", "iobj")]
        heads += syntax.preposition_objects(verb, ("against", "to", "with", "on", "at", "toward", "towards"))
        heads += [o for h in list(heads) for o in syntax.preposition_objects(h, SECOND_HOP_PREPS)]
        return [a for a in self.first_actors(heads) if all(a.code != s.code for s in sources)]

    def _own_targets(self, choice: Choice, sources: list[Actor]) -> list[Actor]:
        preps = choice.pattern.target_preps
        root = choice.code[:2]
        if choice.pattern.kind == "noun":
            if choice.trigger.lemma_.lower() in FORCE_MOVEMENT_NOUNS:
                preps = tuple(p for p in preps if p != "of")
            hosts = [choice.trigger] + ([choice.light] if choice.light is not None else [])
            found = self.first_actors(
                [h for host in hosts for h in syntax.preposition_objects(host, (*preps, BETWEEN))]
            )
            if found or choice.complement is None:
                return found
            # "a hunger strike to demand the resignation of the minister": the target named in its purpose.
            complement = choice.complement
            heads = syntax.object_heads(complement, False) + syntax.preposition_objects(complement, preps)
            heads += [o for h in list(heads) for o in syntax.preposition_objects(h, preps)]
            return [a for a in self.first_actors(heads) if all(a.code != s.code for s in sources)]
        verb = choice.trigger
        hosts = [verb] + ([choice.complement] if choice.complement is not None else [])
        passive = syntax.is_passive(verb)
        for host in hosts:
            # A noun complement has no object; a headline verb the parser took for a noun has.
            heads = syntax.object_heads(host, host == verb and passive) if host.pos_ != "NOUN" or host == verb else []
            heads = [h for h in heads if not self._owned(h, sources)]
            heads += [c for c in host.children if c.dep_ in ("dative", "iobj")]
            found = self.first_actors(heads)
            if found:
                return found
            # "denounced Serbia's suppression of …": whose act the object is.
            owners = [c for h in heads for c in h.children if c.dep_ == "poss" and c.pos_ != "PRON"]
            found = [a for a in self.first_actors(owners) if all(a.code != s.code for s in sources)]
            if found:
                return found
            if host == verb and root in ASKING_ROOTS:
                found = self._asked(verb, sources)
                if found:
                    return found
        if root != STATEMENT_ROOT:
            hosts += [c for c in verb.children if c.dep_ in COMPLEMENT_DEPS and c.pos_ == "VERB" and c not in hosts]
        order = [preps]
        if root == DISAPPROVE_ROOT:
            aimed = tuple(p for p in preps if p not in AUDIENCE_PREPS) + DISAPPROVE_PREPS
            order = [aimed, tuple(p for p in preps if p in AUDIENCE_PREPS)]
        every: list[Any] = []
        for wanted in order:
            for host in hosts:
                candidates = syntax.preposition_objects(host, wanted)
                for obj in map(syntax.counted, syntax.object_heads(host, host == verb and passive)):
                    candidates += syntax.preposition_objects(obj, (*wanted, "by", BETWEEN))
                if host != verb:
                    candidates += syntax.object_heads(host, False)
                every += candidates
                found = self.first_actors(candidates)
                if found:
                    return found
        bridges = every + [
            b
            for host in (hosts if not passive else [])
            for obj in [host, *syntax.object_heads(host, host == verb and passive)]
            for b in syntax.preposition_objects(obj, BRIDGE_PREPS)
        ]
        found = self.first_actors([o for c in bridges for o in syntax.second_hop(c, SECOND_HOP_PREPS)])
        if found:
            return found
        if root == THREAT_ROOT:
            found = self.resolve_all(syntax.condition_subjects(verb))
            if found:
                return found
        if (root in PLACE_TARGET_ROOTS or choice.code in PLACE_TARGET_CODES) and not passive:
            holders = hosts + [o for host in hosts for o in syntax.object_heads(host, False)] + every
            found = self.first_places([p for h in holders for p in syntax.preposition_objects(h, ("in",))])
            if found:
                return found
        complement = choice.complement
        if complement is not None and complement.pos_ in ("VERB", "AUX") and root in ASKING_ROOTS:
            doers = self.resolve_all(syntax.subject_heads(complement))
            return [a for a in doers if all(a.code != s.code for s in sources)]
        return []

    def _owned(self, head: Any, sources: list[Actor]) -> bool:
        """An object the source owns ("its troops", "their peacekeeping force"), named as its own."""
        if not sources or not any(c.dep_ == "poss" and c.lower_ in OWN_DETERMINERS for c in head.children):
            return False
        found = self.actors.resolve(head)
        countries = {s.country for s in sources}
        return all(a.country is None or a.country in countries for a in found)

    def _asked(self, verb: Any, sources: list[Actor]) -> list[Actor]:
        """The subject of a demand's or appeal's clause: "demanded that Iraq release …" → Iraq."""
        for clause in verb.children:
            if clause.dep_ not in COMPLEMENT_DEPS or clause.pos_ not in ("VERB", "AUX"):
                continue
            heads = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"]
            found = [a for a in self.first_actors(heads) if all(a.code != s.code for s in sources)]
            if found:
                return found
        return []
