"""The kind of political change an event is about: CAMEO's fourth digit for protests and for
appeals, demands, promises, concessions and refusals of political reform (data/lexicon/changes.yaml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tacitus.datafiles import Entry, load_entries, package_data
from tacitus.events.ontology import CameoCode
from tacitus.types import Event

DIGITS = ("1", "2", "3", "4")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")
# Named things ("Independence Square", "the Democratic Party") are not what is asked for.
NAME_TAGS = ("PROPN",)
PROTEST_ROOT = "14"
# Appeals and demands that a protest is made for ("rallied to demand …", "marched, calling for …").
ASKING_ROOTS = ("02", "10")
PURPOSE_DEPS = ("xcomp", "advcl", "acl", "relcl")


@dataclass(frozen=True)
class ChangeKinds:
    """Codes that take a fourth digit, and the digit each word gives, in the file's order."""

    refines: frozenset[str] = frozenset()
    generic: dict[str, str] = field(default_factory=dict)
    kinds: tuple[tuple[str, frozenset[str]], ...] = ()

    def digit_for(self, lemmas: list[str]) -> str | None:
        for digit, words in self.kinds:
            if any(lemma in words for lemma in lemmas):
                return digit
        return None


def changes_file() -> Path:
    return package_data("lexicon", "changes.yaml")


def _refines(entry: Entry, ontology: dict[str, CameoCode]) -> tuple[frozenset[str], dict[str, str]]:
    entry.check_keys({"refines", "generic"})
    codes = entry.get_list("refines")
    for code in codes:
        if len(code) != 3 or code not in ontology:
            raise entry.fail(f"'{code}' in 'refines' is not a three-digit CAMEO code")
        missing = [code + d for d in DIGITS if code + d not in ontology]
        if missing:
            raise entry.fail(f"code {code} has no child {', '.join(missing)}; it cannot take a fourth digit")
    generic = entry.fields.get("generic") or {}
    if not isinstance(generic, dict):
        raise entry.fail('\'generic\' must map a general code to its political-reform code, as {"100": "104"}')
    for general, reform in generic.items():
        if str(general) not in ontology or str(reform) not in codes:
            raise entry.fail(
                f"'generic' maps {general!r} to {reform!r}: both must be codes, the second one of 'refines'"
            )
    return frozenset(codes), {str(k): str(v) for k, v in generic.items()}


def load_change_kinds(ontology: dict[str, CameoCode], path: Path | None = None) -> ChangeKinds:
    """The refined codes and change kinds, checked: known codes, digits 1-4, each word in one kind."""
    location = path or changes_file()
    entries = load_entries(location)
    if not entries or "refines" not in entries[0].fields:
        line = entries[0].line if entries else 1
        raise Entry({}, str(location), line).fail("the first entry must be 'refines: [codes]'")
    refines, generic = _refines(entries[0], ontology)
    kinds: list[tuple[str, frozenset[str]]] = []
    owner: dict[str, str] = {}
    for entry in entries[1:]:
        entry.check_keys({"kind", "digit", "words"})
        name = entry.get_str("kind")
        digit = entry.get_str("digit")
        if digit not in DIGITS:
            raise entry.fail(f"'digit' must be one of {', '.join(DIGITS)}, got {digit!r}")
        words = [w.lower() for w in entry.get_list("words")]
        if not words:
            raise entry.fail(f"kind '{name}' lists no words")
        for word in words:
            if word in owner:
                raise entry.fail(f"'{word}' is already a word of kind '{owner[word]}'")
            owner[word] = str(name)
        kinds.append((str(digit), frozenset(words)))
    return ChangeKinds(refines, generic, tuple(kinds))


def _outside_clause(token: Any) -> set[int]:
    """The subject and the coordinated verbs of a word: not part of what it is about."""
    return {t.i for c in token.children if c.dep_ in SUBJECT_DEPS or c.dep_ == "conj" for t in c.subtree}


def changed_code(kinds: ChangeKinds, code: str, governor: Any) -> str | None:
    """The political-change code for `code` read from the clause of its governing word, or None."""
    family = kinds.generic.get(code, code)
    if family not in kinds.refines:
        return None
    skipped = _outside_clause(governor)
    lemmas = [
        t.lemma_.lower()
        for t in governor.subtree
        if t.i not in skipped and t.i != governor.i and t.pos_ not in NAME_TAGS
    ]
    digit = kinds.digit_for(lemmas)
    return family + digit if digit is not None else None


def without_protest_demands(events: list[Event], sent: Any) -> list[Event]:
    """Drop the appeal or demand a protest is made for: the protest's code already says what it asks
    ("staged a hunger strike to demand the minister's resignation" is 1421, not 1421 and 1041)."""
    by_start = {token.idx: token for token in sent}
    protests = {e.trigger.start for e in events if e.cameo_root == PROTEST_ROOT and not e.negated}
    if not protests:
        return events
    kept = []
    for event in events:
        token = by_start.get(event.trigger.start)
        if event.cameo_root in ASKING_ROOTS and token is not None and _serves_protest(token, protests):
            continue
        kept.append(event)
    return kept


def _serves_protest(token: Any, protests: set[int]) -> bool:
    if token.dep_ not in PURPOSE_DEPS:
        return False
    head = token.head
    return head.idx in protests or any(c.idx in protests for c in head.children if c.dep_ == "dobj")
