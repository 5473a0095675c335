"""The lexicon: patterns that turn a verb or an event noun and its complements into a CAMEO code.

Patterns are compiled once into an index by trigger, most specific first, so coding a
sentence looks up each candidate word once and never scans the whole lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tacitus.datafiles import Entry, load_entries, package_data
from tacitus.events.change import ChangeKinds, load_change_kinds
from tacitus.events.ontology import CameoCode, load_ontology

PATTERN_KEYS = {"id", "verb", "noun", "code", "object", "prep", "then", "target", "light"}
TRIGGER = re.compile(r"^[a-z][a-z'-]*( [a-z]+)?$")
WORD = re.compile(r"^[a-z][a-z'-]*$")
DEFAULT_TARGET_PREPS = ("with", "against", "to", "on", "at", "from", "toward", "towards", "into")
NOUN_TARGET_PREPS = ("against", "on", "to", "with", "toward", "towards", "into", "of", "for")
# Verbs that carry an event noun as their object: "make an offer", "hold talks", "issue a warning".
DEFAULT_LIGHT_VERBS = frozenset(
    {
        "make", "issue", "hold", "give", "launch", "stage", "carry", "conduct", "deliver", "extend",
        "lodge", "file", "express", "voice", "level", "mount", "wage", "begin", "start", "resume",
        "open", "announce", "sign", "reach", "strike", "take", "pay", "send", "put", "continue",
        "step", "do", "hurl", "post", "submit", "register", "unleash", "offer", "have", "join", "lead",
        "head", "declare", "confirm", "order", "impose",
    }
)  # fmt: skip
PARALLEL_KINDS = ("intent", "threat", "appeal", "demand", "refuse")
PARALLEL_ROOTS = {"intent": "03", "threat": "13", "appeal": "02", "demand": "10", "refuse": "12"}
# The root of a governing pattern's code says which parallel its complement takes.
# `then: [any]`: any verb as the infinitive complement ("declined to resign"), refined by what that verb codes.
ANY_COMPLEMENT = "any"
GOVERNING_KIND = {"03": "intent", "13": "threat", "02": "appeal", "10": "demand", "12": "refuse"}


@dataclass(frozen=True)
class Pattern:
    pattern_id: str
    kind: str  # "verb" or "noun"
    lemma: str
    particle: str | None
    code: str
    objects: frozenset[str]
    prep: str | None
    then: frozenset[str]
    target_preps: tuple[str, ...]
    light: frozenset[str]
    file: str
    line: int

    @property
    def verb(self) -> str:
        return self.lemma

    light_required: bool = False

    @property
    def specificity(self) -> int:
        return bool(self.objects) + bool(self.prep) + bool(self.then) + self.light_required

    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def signature(self) -> tuple[object, ...]:
        light = self.light if self.light_required else frozenset()
        return (self.kind, self.lemma, self.particle, self.objects, self.prep, self.then, light)

    def describe(self) -> str:
        parts = [f"{self.kind} '{self.lemma}{' ' + self.particle if self.particle else ''}'"]
        if self.objects:
            parts.append(f"object in [{', '.join(sorted(self.objects))}]")
        if self.prep:
            parts.append(f"prep '{self.prep}'")
        if self.then:
            parts.append(f"then [{', '.join(sorted(self.then))}]")
        return ", ".join(parts)


@dataclass(frozen=True)
class Parallels:
    """For an action code: the code of expressing intent to do it, threatening it, appealing for it …"""

    action: str
    codes: dict[str, str]


@dataclass
class Lexicon:
    patterns: list[Pattern] = field(default_factory=list)
    by_trigger: dict[tuple[str, str, str | None], list[Pattern]] = field(default_factory=dict)
    verbs: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    # Event nouns with a pattern that needs an infinitive ("a hunger strike to demand …").
    nouns_with_then: frozenset[str] = frozenset()
    ontology: dict[str, CameoCode] = field(default_factory=dict)
    parallels: dict[str, Parallels] = field(default_factory=dict)
    by_id: dict[str, Pattern] = field(default_factory=dict)
    changes: ChangeKinds = field(default_factory=ChangeKinds)

    def candidates(self, lemma: str, particle: str | None, kind: str = "verb") -> list[Pattern]:
        if particle is not None:
            found = self.by_trigger.get((kind, lemma, particle))
            if found:
                return found
        return self.by_trigger.get((kind, lemma, None), [])

    def parallel(self, code: str, kind: str) -> str | None:
        """The code for `kind` (intent, threat, appeal, demand, refuse) of action `code`, from it or a parent."""
        for key in (code, code[:3], code[:2]):
            found = self.parallels.get(key)
            if found is not None and kind in found.codes:
                return found.codes[kind]
        return None


def _words(entry: Entry, key: str) -> frozenset[str]:
    values = entry.get_list(key)
    if key in entry.fields and not values:
        raise entry.fail(f"'{key}' is an empty list, so the pattern can never match; remove the key or add words")
    for value in values:
        if not WORD.match(value) and not TRIGGER.match(value):
            raise entry.fail(f"'{value}' in '{key}' must be a lower-case lemma")
    return frozenset(values)


def _check_code(entry: Entry, code: object, ontology: dict[str, CameoCode], key: str = "code") -> str:
    if not isinstance(code, str):
        raise entry.fail(f"'{key}' must be a quoted string such as \"125\", got {code!r}")
    if code not in ontology:
        raise entry.fail(f"unknown CAMEO code '{code}' in '{key}'; codes are listed in data/cameo.yaml")
    return code


def _pattern(entry: Entry, ontology: dict[str, CameoCode]) -> Pattern:
    entry.check_keys(PATTERN_KEYS)
    pattern_id = entry.get_str("id")
    assert pattern_id is not None
    if ("verb" in entry.fields) == ("noun" in entry.fields):
        raise entry.fail("give exactly one trigger: 'verb' (a verb lemma) or 'noun' (an event noun lemma)")
    kind = "verb" if "verb" in entry.fields else "noun"
    trigger = entry.get_str(kind)
    assert trigger is not None
    if not TRIGGER.match(trigger):
        raise entry.fail(
            f"'{kind}' must be a lower-case lemma, optionally with a particle ('pull out'), got '{trigger}'"
        )
    code = _check_code(entry, entry.fields.get("code"), ontology)
    lemma, _, particle = trigger.partition(" ")
    if kind == "noun" and particle:
        lemma, particle = particle, lemma  # "hunger strike": the head noun and its compound modifier
    prep = entry.get_str("prep", required=False)
    if prep is not None and not WORD.match(prep):
        raise entry.fail(f"'prep' must be one lower-case preposition, got '{prep}'")
    targets = entry.get_list("target")
    for target in targets:
        if not WORD.match(target):
            raise entry.fail(f"'target' must list lower-case prepositions, got '{target}'")
    then = _words(entry, "then")
    light = _words(entry, "light")
    if kind == "verb" and light:
        raise entry.fail("'light' applies to noun triggers only ('make' + offer); use 'noun:'")
    if ANY_COMPLEMENT in then and len(then) > 1:
        raise entry.fail(f"'{ANY_COMPLEMENT}' in 'then' already takes every verb; list it alone")
    if ANY_COMPLEMENT in then and kind == "noun":
        raise entry.fail(f"'then: [{ANY_COMPLEMENT}]' applies to verb triggers only; list the infinitives a noun takes")
    if lemma in then:
        raise entry.fail(f"'{lemma}' cannot be its own complement in 'then'; the pattern can never match")
    if prep is not None and particle == prep:
        raise entry.fail(f"'{prep}' is already the particle of '{trigger}'; drop 'prep'")
    default_targets = DEFAULT_TARGET_PREPS if kind == "verb" else NOUN_TARGET_PREPS
    return Pattern(
        pattern_id=pattern_id,
        kind=kind,
        lemma=lemma,
        particle=particle or None,
        code=code,
        objects=_words(entry, "object"),
        prep=prep,
        then=then,
        target_preps=tuple(targets) if targets else default_targets,
        light=light or (DEFAULT_LIGHT_VERBS if kind == "noun" else frozenset()),
        file=entry.file,
        line=entry.line,
        light_required=bool(light),
    )


def load_parallels(ontology: dict[str, CameoCode]) -> dict[str, Parallels]:
    """data/lexicon/parallels.yaml: action code → its intent/threat/appeal/demand/refuse codes."""
    found: dict[str, Parallels] = {}
    for entry in load_entries(package_data("lexicon", "parallels.yaml")):
        entry.check_keys({"action", *PARALLEL_KINDS})
        action = _check_code(entry, entry.fields.get("action"), ontology, "action")
        if action in found:
            raise entry.fail(f"action {action} is listed twice")
        codes = {}
        for kind in PARALLEL_KINDS:
            if kind in entry.fields:
                code = _check_code(entry, entry.fields[kind], ontology, kind)
                if code[:2] != PARALLEL_ROOTS[kind]:
                    raise entry.fail(f"'{kind}' must be a code of root {PARALLEL_ROOTS[kind]}, got {code}")
                codes[kind] = code
        if not codes:
            raise entry.fail(f"action {action} lists no parallel code; add intent, threat, appeal, demand or refuse")
        found[action] = Parallels(action, codes)
    return found


def builtin_lexicon_files() -> list[Path]:
    folder = package_data("lexicon")
    main = folder / "verbs.yaml"
    other_kinds = (main, folder / "parallels.yaml", folder / "changes.yaml")
    return [main, *sorted(p for p in folder.glob("*.yaml") if p not in other_kinds)]


def load_lexicon(extra_files: Iterable[str | Path] = ()) -> Lexicon:
    """The built-in patterns plus the user's lexicon files, validated and indexed."""
    ontology = load_ontology()
    lexicon = Lexicon(ontology=ontology, parallels=load_parallels(ontology), changes=load_change_kinds(ontology))
    signatures: dict[tuple[object, ...], Pattern] = {}
    for path in [*builtin_lexicon_files(), *(Path(p) for p in extra_files)]:
        for entry in load_entries(path):
            pattern = _pattern(entry, ontology)
            if pattern.pattern_id in lexicon.by_id:
                raise entry.fail(
                    f"id '{pattern.pattern_id}' is already used at {lexicon.by_id[pattern.pattern_id].where()}"
                )
            shadow = signatures.get(pattern.signature())
            if shadow is not None:
                raise entry.fail(
                    f"pattern '{pattern.pattern_id}' has the same trigger and constraints as '{shadow.pattern_id}' "
                    f"at {shadow.where()}, so it can never match"
                )
            lexicon.by_id[pattern.pattern_id] = pattern
            signatures[pattern.signature()] = pattern
            lexicon.patterns.append(pattern)
    for pattern in lexicon.patterns:
        lexicon.by_trigger.setdefault((pattern.kind, pattern.lemma, pattern.particle), []).append(pattern)
    for key, patterns in lexicon.by_trigger.items():
        lexicon.by_trigger[key] = sorted(patterns, key=lambda p: (-p.specificity, -len(p.code)))
    lexicon.verbs = frozenset(lemma for kind, lemma, _ in lexicon.by_trigger if kind == "verb")
    lexicon.nouns = frozenset(lemma for kind, lemma, _ in lexicon.by_trigger if kind == "noun")
    lexicon.nouns_with_then = frozenset(p.lemma for p in lexicon.patterns if p.kind == "noun" and p.then)
    return lexicon
