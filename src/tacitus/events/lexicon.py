"""The verb lexicon: patterns that turn a verb and its complements into a CAMEO code.

Patterns are compiled once into an index by trigger, most specific first, so coding a
sentence looks up each verb once and never scans the whole lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tacitus.datafiles import Entry, load_entries, package_data
from tacitus.events.ontology import CameoCode, load_ontology

PATTERN_KEYS = {"id", "verb", "code", "object", "prep", "then", "target"}
TRIGGER = re.compile(r"^[a-z][a-z'-]*( [a-z]+)?$")
WORD = re.compile(r"^[a-z][a-z'-]*$")
DEFAULT_TARGET_PREPS = ("with", "against", "to", "on", "at", "from", "toward", "towards", "into")


@dataclass(frozen=True)
class Pattern:
    pattern_id: str
    verb: str
    particle: str | None
    code: str
    objects: frozenset[str]
    prep: str | None
    then: frozenset[str]
    target_preps: tuple[str, ...]
    file: str
    line: int

    @property
    def specificity(self) -> int:
        return bool(self.objects) + bool(self.prep) + bool(self.then)

    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def signature(self) -> tuple[str, str | None, frozenset[str], str | None, frozenset[str]]:
        return (self.verb, self.particle, self.objects, self.prep, self.then)


@dataclass
class Lexicon:
    patterns: list[Pattern] = field(default_factory=list)
    by_trigger: dict[tuple[str, str | None], list[Pattern]] = field(default_factory=dict)
    verbs: frozenset[str] = frozenset()
    ontology: dict[str, CameoCode] = field(default_factory=dict)

    def candidates(self, lemma: str, particle: str | None) -> list[Pattern]:
        if particle is not None:
            found = self.by_trigger.get((lemma, particle))
            if found:
                return found
        return self.by_trigger.get((lemma, None), [])


def _words(entry: Entry, key: str) -> frozenset[str]:
    values = entry.get_list(key)
    if key in entry.fields and not values:
        raise entry.fail(f"'{key}' is an empty list, so the pattern can never match; remove the key or add words")
    for value in values:
        if not WORD.match(value) and not TRIGGER.match(value):
            raise entry.fail(f"'{value}' in '{key}' must be a lower-case lemma")
    return frozenset(values)


def _pattern(entry: Entry, ontology: dict[str, CameoCode]) -> Pattern:
    entry.check_keys(PATTERN_KEYS)
    pattern_id = entry.get_str("id")
    verb = entry.get_str("verb")
    code = entry.fields.get("code")
    assert pattern_id is not None and verb is not None
    if not TRIGGER.match(verb):
        raise entry.fail(f"'verb' must be a lower-case lemma, optionally with a particle ('pull out'), got '{verb}'")
    if not isinstance(code, str):
        raise entry.fail(f"'code' must be a quoted string such as \"125\", got {code!r}")
    if code not in ontology:
        raise entry.fail(f"unknown CAMEO code '{code}'; codes are listed in data/cameo.yaml")
    lemma, _, particle = verb.partition(" ")
    prep = entry.get_str("prep", required=False)
    if prep is not None and not WORD.match(prep):
        raise entry.fail(f"'prep' must be one lower-case preposition, got '{prep}'")
    targets = entry.get_list("target")
    for target in targets:
        if not WORD.match(target):
            raise entry.fail(f"'target' must list lower-case prepositions, got '{target}'")
    return Pattern(
        pattern_id=pattern_id,
        verb=lemma,
        particle=particle or None,
        code=code,
        objects=_words(entry, "object"),
        prep=prep,
        then=_words(entry, "then"),
        target_preps=tuple(targets) if targets else DEFAULT_TARGET_PREPS,
        file=entry.file,
        line=entry.line,
    )


def load_lexicon(extra_files: Iterable[str | Path] = ()) -> Lexicon:
    """The built-in verb patterns plus the user's lexicon files, validated and indexed."""
    ontology = load_ontology()
    lexicon = Lexicon(ontology=ontology)
    ids: dict[str, Pattern] = {}
    signatures: dict[tuple[str, str | None, frozenset[str], str | None, frozenset[str]], Pattern] = {}
    paths = [package_data("lexicon", "verbs.yaml"), *(Path(p) for p in extra_files)]
    for path in paths:
        for entry in load_entries(path):
            pattern = _pattern(entry, ontology)
            if pattern.pattern_id in ids:
                raise entry.fail(f"id '{pattern.pattern_id}' is already used at {ids[pattern.pattern_id].where()}")
            shadow = signatures.get(pattern.signature())
            if shadow is not None:
                raise entry.fail(
                    f"pattern '{pattern.pattern_id}' has the same trigger and constraints as '{shadow.pattern_id}' "
                    f"at {shadow.where()}, so it can never match"
                )
            ids[pattern.pattern_id] = pattern
            signatures[pattern.signature()] = pattern
            lexicon.patterns.append(pattern)
    for pattern in lexicon.patterns:
        lexicon.by_trigger.setdefault((pattern.verb, pattern.particle), []).append(pattern)
    for key, patterns in lexicon.by_trigger.items():
        lexicon.by_trigger[key] = sorted(patterns, key=lambda p: -p.specificity)
    lexicon.verbs = frozenset(verb for verb, _ in lexicon.by_trigger)
    return lexicon
