"""Misspelt country names, demonyms and group names: "Afganistan", "Phillippines", "Quatar".

Only a capitalised word the knowledge base does not know is looked up, and only against known
names of one word with the same first letter and a length within two letters, so a lookup
compares a handful of strings. The allowed edit distance grows with the word's length: none below
six letters, one up to eleven, two from twelve; below nine letters a changed letter counts as two
edits, so only a letter doubled, dropped, added or two letters swapped ("Quatar", "Isreal") pass.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

MIN_LENGTH = 6
CACHE_SIZE = 50_000
LONG_WORD = 12
SUBSTITUTION_LENGTH = 9
LENGTH_SLACK = 2


def allowed_edits(length: int) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) tolerated in a word of this length."""
    if length < MIN_LENGTH:
        return 0
    return 2 if length >= LONG_WORD else 1


def edit_distance(left: str, right: str, limit: int, substitution: int = 1) -> int:
    """Optimal string alignment distance, giving up (returning limit + 1) once it exceeds `limit`;
    `substitution` is what changing one letter costs."""
    if abs(len(left) - len(right)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(right) + 1))
    for i, char in enumerate(left, start=1):
        current = [i] + [0] * len(right)
        for j, other in enumerate(right, start=1):
            cost = 0 if char == other else substitution
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char == right[j - 2] and left[i - 2] == other:
                best = min(best, before[j - 2] + 1)
            current[j] = best
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]


@dataclass
class SpellingIndex:
    """Known one-word names by (first letter, length); finds the one name a misspelt word stands for."""

    buckets: dict[tuple[str, int], list[tuple[str, Any]]] = field(default_factory=dict)
    lookalikes: frozenset[str] = frozenset()
    known_words: frozenset[str] = frozenset()
    cache: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, names: Iterable[tuple[str, Any]]) -> SpellingIndex:
        index = cls()
        for key, value in names:
            if len(key) >= MIN_LENGTH - LENGTH_SLACK and key.replace("-", "").isalpha():
                index.buckets.setdefault((key[0], len(key)), []).append((key, value))
        return index

    def match(self, word: str) -> Any | None:
        """The known name `word` is a misspelling of, if exactly one is close enough; else None."""
        key = word.casefold()
        if key in self.cache:
            return self.cache[key]
        found = None
        limit = allowed_edits(len(key))
        if limit and key not in self.lookalikes and key not in self.known_words and key.isalpha():
            best = limit + 1
            values: list[Any] = []
            for length in range(len(key) - LENGTH_SLACK, len(key) + LENGTH_SLACK + 1):
                for name, value in self.buckets.get((key[0], length), ()):
                    distance = edit_distance(key, name, limit, 1 if len(key) >= SUBSTITUTION_LENGTH else 2)
                    if distance < best:
                        best, values = distance, [value]
                    elif distance == best and value not in values:
                        values.append(value)
            found = values[0] if best <= limit and len(values) == 1 else None
        if len(self.cache) >= CACHE_SIZE:
            self.cache.clear()
        self.cache[key] = found
        return found
