"""Who did it to whom: the source and target actors of a chosen pattern, read from the parse."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tacitus.actors.resolve import DocumentActors
from tacitus.events import syntax
from tacitus.events.lexicon import Pattern
from tacitus.types import Actor

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
PLACE_TARGET_CODES = ("042",)
# "mobilized reservists for a war against Iraq": the target two prepositions away.
SECOND_HOP_PREPS = ("against", "on", "with", "toward", "towards")
BRIDGE_PREPS = ("for",)
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
            found.extend(resolved)
        return same_span_once(found)

    def first_actors(self, heads: list[Any]) -> list[Actor]:
        for head in map(syntax.counted, syntax.with_conjuncts(heads)):
            if self.actors.resolve(head):
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
            found = self.actors.resolve(noun)
            return same_span_once(found) or self.resolve_all(syntax.preposition_objects(noun, AGENT_PREPS))
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
            hosts = [choice.trigger] + ([choice.light] if choice.light is not None else [])
            found = self.first_actors([h for host in hosts for h in syntax.preposition_objects(host, preps)])
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
            heads += [c for c in host.children if c.dep_ in ("dative", "iobj")]
            found = self.first_actors(heads)
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
                for obj in syntax.object_heads(host, host == verb and passive):
                    candidates += syntax.preposition_objects(obj, (*wanted, "by"))
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
