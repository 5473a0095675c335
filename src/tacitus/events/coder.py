"""The event coder: verb or event noun + complements → lexicon pattern; subject and object → actors."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from tacitus.actors.resolve import SECTOR_ONLY, DocumentActors
from tacitus.events import background, syntax
from tacitus.events.change import changed_code, without_protest_demands
from tacitus.events.lexicon import ANY_COMPLEMENT, DEFAULT_LIGHT_VERBS, GOVERNING_KIND, Lexicon, Pattern, load_lexicon
from tacitus.events.records import EventEvidence, make_event
from tacitus.events.roles import Choice, Roles, is_mutual, merged_with_agent_nouns, participle_targets
from tacitus.parse import doc_text
from tacitus.types import Actor, Document, Event, Sentence, TextSpan

HEADLINE_TRIGGER_POS = {"NOUN", "PROPN"}
# "allowed the return of inspectors": what the movement is of says what was allowed.
MOVEMENT_NOUNS = {"return", "entry", "deployment", "arrival", "presence", "access", "visit", "passage"}
NOUN_COMPLEMENT_PREPS = ("for", "of")
# How many words a refinement looks through for the action an appeal, demand or promise is about.
REFINE_DEPTH = 6
CARRIERS = DEFAULT_LIGHT_VERBS | {"provide", "keep", "maintain", "increase", "expand", "allow"}
# "Iran announced the release of …": a statement verb carries the event noun it announces.
PLAIN_STATEMENT = "010"
# Threats, demands, appeals and promises are made even when what they announce hangs on a condition.
SPEECH_ACT_ROOTS = ("02", "03", "10", "13")
# "accused Iraq of shelling", "praised X for releasing": the gerund is what is said, not an event.
CONTENT_ROOTS = ("01", "02", "05", "10", "11", "12", "13")
# Where a noun's infinitive hangs: on the noun ("an appeal to X to extradite"), or on the verb that
# carries it ("staged a hunger strike to demand …").
NOUN_INFINITIVE_DEPS = ("acl", "advcl", "xcomp")
STATEMENT_ROOT = "01"
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# How far up the parse an event noun looks for a coded word it belongs to ("denounced as a crime
# Serbia's suppression of the unrest": the unrest is what was denounced).
FIRED_REACH = 5


def _complement(verb: Any, then: frozenset[str]) -> Any | None:
    for child in syntax.complements(verb):
        if child.lemma_.lower() in then or (ANY_COMPLEMENT in then and child.pos_ in ("VERB", "AUX")):
            return child
    return None


def _noun_complement(noun: Any, then: frozenset[str]) -> Any | None:
    """The to-infinitive a noun pattern's `then` asks for, on the noun or on the verb it is the object of."""
    holders = [noun, noun.head] if noun.dep_ == "dobj" and noun.head != noun else [noun]
    for holder in holders:
        for child in holder.children:
            if child.dep_ not in NOUN_INFINITIVE_DEPS or child.lemma_.lower() not in then:
                continue
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                return child
    return None


def _paragraph(token: Any) -> tuple[int, int]:
    """Character bounds of the paragraph (or headline line) holding the token: a parse that runs a
    headline into the first sentence must not take actors across the blank line."""
    text = doc_text(token.doc)
    start = text.rfind("\n\n", 0, token.idx)
    end = text.find("\n\n", token.idx)
    return (start + 2 if start >= 0 else 0), (end if end >= 0 else len(text))


def _compound(noun: Any) -> str | None:
    """The word modifying an event noun ("hunger strike", else "military aid"), matched as a two-word trigger."""
    compound = next((c.lemma_.lower() for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"), None)
    return compound or next((c.lemma_.lower() for c in noun.children if c.dep_ == "amod" and c.pos_ == "ADJ"), None)


def _has_prep(hosts: list[Any], prep: str) -> bool:
    return any(c.dep_ in syntax.PREP_DEPS and c.lower_ == prep for host in hosts for c in host.children)


@dataclass
class VerbFacts:
    """What a verb (or its complement) governs, read once and matched against every pattern."""

    preps: set[str]
    objects: set[str]
    prep_objects: dict[str, set[str]]
    # Compound modifiers of the objects ("ceasefire" in "ceasefire agreement"): they say more than the head.
    modifiers: set[str]

    @staticmethod
    def of(host: Any, verb: Any, extra_hosts: tuple[Any, ...] = ()) -> VerbFacts:
        passive = host == verb and syntax.is_passive(verb)
        hosts = [verb, *(c for c in verb.children if c.dep_ in ("prt", "dobj")), *extra_hosts]
        preps = {c.lower_ for h in hosts for c in h.children if c.dep_ in syntax.PREP_DEPS}
        objects: set[str] = set()
        modifiers: set[str] = set()
        for head in syntax.object_heads(host, passive):
            objects |= _head_words(head)
            modifiers.update(c.lemma_.lower() for c in head.children if c.dep_ == "compound")
        prep_objects: dict[str, set[str]] = {}
        for holder in [host, *(c for c in host.children if c.dep_ in ("prt", "dobj"))]:
            for child in holder.children:
                if child.dep_ in syntax.PREP_DEPS:
                    words = prep_objects.setdefault(child.lower_, set())
                    for obj in child.children:
                        if obj.dep_ in ("pobj", "pcomp"):
                            words |= _head_words(obj)
        return VerbFacts(preps, objects, prep_objects, modifiers)


class VerbMatcher:
    """Matches the patterns of one verb, reading its parse only once."""

    def __init__(self, verb: Any) -> None:
        self.verb = verb
        self._facts: VerbFacts | None = None
        self._complements: dict[int, VerbFacts] = {}

    def facts(self, complement: Any | None) -> VerbFacts:
        if complement is None:
            if self._facts is None:
                self._facts = VerbFacts.of(self.verb, self.verb)
            return self._facts
        if complement.i not in self._complements:
            self._complements[complement.i] = VerbFacts.of(complement, self.verb, (complement,))
        return self._complements[complement.i]

    def match(self, pattern: Pattern) -> tuple[bool, Any | None]:
        complement = _complement(self.verb, pattern.then) if pattern.then else None
        if pattern.then and complement is None:
            return False, None
        facts = self.facts(complement)
        if pattern.prep and pattern.prep not in facts.preps:
            return False, None
        if pattern.objects:
            words = facts.objects | (facts.prep_objects.get(pattern.prep, set()) if pattern.prep else set())
            if not words & pattern.objects:
                return False, None
        return True, complement


def matches_verb(pattern: Pattern, verb: Any) -> tuple[bool, Any | None]:
    return VerbMatcher(verb).match(pattern)


def _head_words(head: Any) -> set[str]:
    """A noun's lemma and those of its compound modifiers: "mediation efforts" counts as mediation too;
    a measure word counts as what it measures: "25,000 tons of food aid"."""
    words = {head.lemma_.lower()}
    words.update(c.lemma_.lower() for c in head.children if c.dep_ in ("compound", "amod"))
    lemma = head.lemma_.lower()
    if lemma in syntax.MEASURE_NOUNS or lemma in MOVEMENT_NOUNS or syntax.counted(head) != head:
        for measured in syntax.preposition_objects(head, ("of",)):
            words |= _head_words(measured)
    return words


def matches_noun(pattern: Pattern, noun: Any) -> tuple[bool, Any | None]:
    """Whether the pattern holds at the noun, and the infinitive its `then` matched."""
    if pattern.prep and not _has_prep([noun], pattern.prep):
        return False, None
    complement = _noun_complement(noun, pattern.then) if pattern.then else None
    if pattern.then and complement is None:
        return False, None
    if pattern.objects:
        if complement is not None:
            facts = VerbFacts.of(complement, complement)
            words = facts.objects.union(*facts.prep_objects.values())
        else:
            heads = syntax.preposition_objects(noun, [pattern.prep] if pattern.prep else ["of"])
            words = set().union(*(_head_words(h) for h in heads))
        if not words & pattern.objects:
            return False, None
    return True, complement


@dataclass
class _Context:
    sent: Any
    index: int
    document: Document
    actors: DocumentActors
    roles: Roles


class EventCoder:
    """Stage: parsed document + its actors → sentences and events."""

    name = "events"

    def __init__(self, extra_lexicons: tuple[str, ...] = ()) -> None:
        self.extra_lexicons = extra_lexicons
        self.lexicon = Lexicon()

    def setup(self) -> None:
        self.lexicon = load_lexicon(self.extra_lexicons)

    def __call__(self, doc: Any, document: Document, actors: DocumentActors) -> tuple[list[Sentence], list[Event]]:
        sentences: list[Sentence] = []
        events: list[Event] = []
        roles = Roles(actors)
        for index, sent in enumerate(doc.sents):
            sentences.append(Sentence(document.doc_id, index, sent.start_char, sent.end_char, sent.text))
            context = _Context(sent, index, document, actors, roles)
            events.extend(self.code_sentence(context))
        return sentences, events

    def code_sentence(self, context: _Context) -> list[Event]:
        purposed = self._nouns_with_infinitive(context.sent)
        consumed = {c.complement.i for c in purposed.values() if c.complement is not None}
        fired: set[int] = set()
        fired_roots: dict[int, set[str]] = {}
        announcing: set[int] = set()
        events: list[Event] = []
        for token in context.sent:
            if token.i in consumed or not self._verb_like(token) or background.recalled(token):
                continue
            if background.described_state(token):
                continue
            if any(c.dep_ == "det" for c in token.children):
                continue  # a participle used as a noun: "evacuated the wounded"
            choice = self.choose_verb(token)
            if choice is None or self._carries(token, choice, purposed):
                continue
            if choice.complement is not None:
                consumed.add(choice.complement.i)
            if choice.code[:2] in CONTENT_ROOTS:
                consumed.update(c.i for c in syntax.preposition_objects(token, ("of", "for")) if c.dep_ == "pcomp")
            coded = self._code(choice, context)
            # A verb that codes nothing, or nothing with a source ("two soldiers were killed in a bombing
            # by …"), leaves the event nouns it governs to be tried.
            events += coded
            if not any(e.source is not None for e in coded):
                continue
            fired.add(token.i)
            fired_roots.setdefault(token.i, set()).update(e.cameo_root for e in coded)
            if choice.code == PLAIN_STATEMENT:
                announcing.add(token.i)
        for token in context.sent:
            if token.pos_ != "NOUN" or token.i in consumed or token.lemma_.lower() not in self.lexicon.nouns:
                continue
            if syntax.modifier_noun(token):
                continue
            noun_choice = purposed.get(token.i) or self.choose_noun(token)
            if noun_choice is None:
                continue
            light = noun_choice.light
            if light is None and self._under_fired_verb(token, fired, announcing):
                # "The deployment of peacekeepers arrived": a subject of another kind is an event of its own.
                own_kind = token.dep_ in SUBJECT_DEPS and noun_choice.code[:2] not in fired_roots.get(token.head.i, ())
                if not own_kind:
                    continue
            if light is None and background.in_background(token):
                continue
            if light is not None and (light.i in consumed or (light.i in fired and light.i not in announcing)):
                continue
            coded = self._code(noun_choice, context)
            if coded:
                # What a coded event noun is about ("a strike in protest of the refusal …") is not coded again.
                fired.add(token.i)
            events += coded
        events = merged_with_agent_nouns(events, context.sent)
        unique: dict[tuple[object, ...], Event] = {}
        for event in participle_targets(without_protest_demands(events, context.sent), context.sent):
            # An apposition names an actor twice ("the agency, the IAEA"): one event per trigger and dyad.
            key = (
                event.trigger.start,
                event.cameo,
                event.source and event.source.code,
                event.target and event.target.code,
            )
            unique.setdefault(key, event)
        return list(unique.values())

    def _nouns_with_infinitive(self, sent: Any) -> dict[int, Choice]:
        """Event nouns whose pattern matched an infinitive ("a hunger strike to demand …"): that
        infinitive is part of the noun's event and is not coded on its own."""
        found: dict[int, Choice] = {}
        for token in sent:
            if token.pos_ != "NOUN" or token.lemma_.lower() not in self.lexicon.nouns_with_then:
                continue
            choice = self.choose_noun(token)
            if choice is not None and choice.complement is not None and not syntax.modifier_noun(token):
                found[token.i] = choice
        return found

    @staticmethod
    def _carries(verb: Any, choice: Choice, purposed: dict[int, Choice]) -> bool:
        """The verb only carries a noun whose pattern matched an infinitive: a light verb of the noun, or
        a verb coding the same root ("renewed an appeal to X to extradite …", "staged a hunger strike to
        demand …"). The noun's more specific event is coded instead, with the verb as its light verb."""
        for index, noun_choice in purposed.items():
            noun = noun_choice.trigger
            if noun.head != verb or noun.dep_ != "dobj":
                continue
            if noun_choice.light == verb or noun_choice.code[:2] == choice.code[:2]:
                purposed[index] = replace(noun_choice, light=verb)
                return True
        return False

    def _verb_like(self, token: Any) -> bool:
        """A verb of the lexicon; in a headline also a word the parser took for a noun ("Iran Rejects Talks")."""
        if token.lemma_.lower() not in self.lexicon.verbs:
            return False
        if token.pos_ == "VERB":
            return True
        return token.pos_ in HEADLINE_TRIGGER_POS and token.dep_ == "ROOT" and syntax.is_headline(token)

    @staticmethod
    def _under_fired_verb(token: Any, fired: set[int], announcing: set[int]) -> bool:
        head = token.head
        for _ in range(FIRED_REACH):
            if head.i in fired and not (head.i in announcing and token.head == head and token.dep_ == "dobj"):
                return True
            if head.pos_ == "VERB" or head.head == head:
                return False
            head = head.head
        return False

    def _base_verb(self, verb: Any) -> tuple[Pattern, Any | None] | None:
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
        matcher = VerbMatcher(verb)
        found: tuple[Pattern, Any | None] | None = None
        for pattern in self.lexicon.candidates(verb.lemma_.lower(), particle):
            if found is not None and pattern.specificity < found[0].specificity:
                break
            ok, complement = matcher.match(pattern)
            if not ok:
                continue
            if found is None:
                found = (pattern, complement)
            if not pattern.objects or complement is not None or pattern.objects & matcher.facts(None).modifiers:
                return pattern, complement
        return found

    def _base_noun(self, noun: Any) -> Pattern | None:
        for pattern in self.lexicon.candidates(noun.lemma_.lower(), _compound(noun), "noun"):
            if matches_noun(pattern, noun)[0]:
                return pattern
        return None

    def choose_verb(self, verb: Any) -> Choice | None:
        base = self._base_verb(verb)
        if base is None:
            return None
        pattern, complement = base
        choice = Choice(pattern, verb, pattern.code, pattern.pattern_id, complement)
        kind = GOVERNING_KIND.get(pattern.code[:2])
        if (complement is None or ANY_COMPLEMENT in pattern.then) and kind is not None and not pattern.objects:
            refined = self._refine(choice, kind)
            if refined is not None:
                return refined
        return choice

    def _refine(self, choice: Choice, kind: str) -> Choice | None:
        """Urge/demand/threaten/agree/refuse + a coded action → the parallel code ("urged X to withdraw" → 0256)."""
        verb = choice.trigger
        candidates = [c for c in syntax.complements(verb) if c.pos_ in ("VERB", "AUX")]
        candidates += [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
        candidates += syntax.preposition_objects(verb, NOUN_COMPLEMENT_PREPS)
        kinds = ("intent", "threat") if kind == "intent" else (kind,)
        seen: set[int] = set()
        while candidates:
            candidate = candidates.pop(0)
            if candidate.i in seen:
                continue
            seen.add(candidate.i)
            if candidate.pos_ == "NOUN":
                pattern = self._base_noun(candidate)
            else:
                base = self._base_verb(candidate)
                pattern = base[0] if base else None
            if pattern is None:
                # "promised to continue military aid", "asked for the delivery of aid": look one step in.
                if len(seen) < REFINE_DEPTH:
                    candidates += syntax.carried_actions(candidate, CARRIERS)
                continue
            for wanted in kinds:
                code = self.lexicon.parallel(pattern.code, wanted)
                if code is not None:
                    entry = f"{choice.pattern.pattern_id}>{pattern.pattern_id}"
                    return Choice(choice.pattern, verb, code, entry, candidate)
        return None

    def choose_noun(self, noun: Any) -> Choice | None:
        carrier = syntax.carrying_verb(noun)
        for pattern in self.lexicon.candidates(noun.lemma_.lower(), _compound(noun), "noun"):
            ok, complement = matches_noun(pattern, noun)
            if not ok:
                continue
            light = carrier if carrier is not None and carrier.lemma_.lower() in pattern.light else None
            if pattern.light_required and light is None:
                continue
            return Choice(pattern, noun, pattern.code, pattern.pattern_id, complement, light)
        return None

    # --- events ------------------------------------------------------------------------------

    def _code(self, choice: Choice, context: _Context) -> list[Event]:
        roles = context.roles
        start, end = _paragraph(choice.trigger)
        sources = [a for a in roles.sources(choice) if start <= a.start and a.end <= end]
        targets = [a for a in roles.targets(choice, sources) if start <= a.start and a.end <= end]
        if choice.code[:2] == STATEMENT_ROOT:
            # A statement by "a journalist" or "a lawyer" of no known country says nothing about anyone.
            sources = [a for a in sources if a.entry != SECTOR_ONLY]
            targets = [a for a in targets if a.entry != SECTOR_ONLY]
        if not sources and (not targets or not self._may_lack_source(choice)):
            return []
        governor = choice.governor
        negated = syntax.negated([governor] + ([choice.complement] if choice.complement is not None else []))
        if choice.pattern.kind == "noun" and choice.light is None:
            mode = syntax.noun_modality(governor, context.sent)
        else:
            mode = syntax.modality(governor, context.sent, syntax.is_headline(governor))
        if mode == "conditional" and choice.code[:2] in SPEECH_ACT_ROOTS and not syntax.in_condition(governor):
            mode = "asserted"
        events = self._events(choice.code, choice.entry, choice, sources, targets, negated, mode, context)
        announced = mode in ("future", "conditional") and not syntax.in_condition(governor)
        if negated:
            code = self.lexicon.parallel(choice.code, "refuse") if announced else None
            if code is not None:
                entry = f"{choice.entry}+refuse"
                events += self._events(code, entry, choice, sources, targets, False, "asserted", context)
            return events
        reporter = syntax.is_reported(governor)
        if reporter is not None and syntax.obliged(governor):
            code = self.lexicon.parallel(choice.code, "demand")
            speakers = roles.resolve_all(syntax.subject_heads(reporter))
            doers = [a for a in sources if all(a.code != s.code for s in speakers)]
            if code is not None and speakers and doers:
                entry = f"{choice.entry}+demand"
                return events + self._events(code, entry, choice, speakers, doers, False, "asserted", context)
        if announced:
            for kind in ("intent", "threat"):
                code = self.lexicon.parallel(choice.code, kind)
                if code is not None:
                    entry = f"{choice.entry}+{kind}"
                    events += self._events(code, entry, choice, sources, targets, False, "asserted", context)
                    break
        return events

    @staticmethod
    def _may_lack_source(choice: Choice) -> bool:
        """Only a finite or passive verb codes an event with a target and no source ("X was arrested");
        "to assist the Afghan people", "consoling the survivors", "a meeting with him" do not."""
        if choice.pattern.kind == "noun":
            return choice.light is not None and not syntax.non_finite(choice.light)
        verb = choice.trigger
        return syntax.is_passive(verb) or not syntax.non_finite(verb)

    def _events(
        self,
        code: str,
        entry: str,
        choice: Choice,
        sources: list[Actor],
        targets: list[Actor],
        negated: bool,
        mode: str,
        context: _Context,
    ) -> list[Event]:
        changed = changed_code(self.lexicon.changes, code, choice.governor)
        if changed is not None:
            code, entry = changed, f"{entry}+change"
        cameo = self.lexicon.ontology[code]
        named_targets = [t for t in targets if not (t.entry or "").endswith("(place)")]
        if cameo.joint is not None and not named_targets and len({s.country for s in sources}) > 1:
            code, entry, targets = cameo.joint, f"{entry}+joint", []
            cameo = self.lexicon.ontology[code]
        trigger_token = choice.trigger
        pairs: list[tuple[Actor | None, Actor | None]] = []
        if not targets and len(sources) > 1 and (cameo.symmetric or is_mutual(code)):
            pairs = [(a, b) for a in sources for b in sources if a.code != b.code]
        else:
            source_options: list[Actor | None] = list(sources) or [None]
            target_options: list[Actor | None] = list(targets) or [None]
            pairs = [(s, t) for s in source_options for t in target_options]
        trigger = TextSpan(trigger_token.text, trigger_token.idx, trigger_token.idx + len(trigger_token.text))
        document = context.document
        events = []
        for source, target in pairs:
            if source is not None and target is not None and (source.start, source.code) == (target.start, target.code):
                continue
            evidence = EventEvidence(document, context.index, context.sent.text, trigger, negated, mode, entry)
            events.append(make_event(cameo, source, target, evidence))
        return events
