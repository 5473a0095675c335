"""Checking lexicon and actor files: every problem with its file and line, without coding anything."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tacitus.actors.knowledge import load_knowledge
from tacitus.datafiles import load_entries
from tacitus.errors import TacitusError
from tacitus.events.lexicon import load_lexicon

LEXICON_KEYS = {"verb", "noun"}


@dataclass(frozen=True)
class FileCheck:
    path: str
    kind: str
    entries: int
    problem: str | None


def file_kind(path: Path) -> str:
    """'lexicon' when the entries have verb/noun triggers, else 'actors'."""
    entries = load_entries(path)
    if any(LEXICON_KEYS & set(entry.fields) for entry in entries):
        return "lexicon"
    return "actors"


def check_files(paths: Iterable[str | Path]) -> list[FileCheck]:
    """Load each file the way the pipeline would (with the built-in files) and report its first problem."""
    results = [FileCheck("built-in lexicon and actor files", "builtin", 0, None)]
    try:
        lexicon = load_lexicon()
        load_knowledge()
        results[0] = FileCheck(results[0].path, "builtin", len(lexicon.patterns), None)
    except TacitusError as exc:
        results[0] = FileCheck(results[0].path, "builtin", 0, str(exc))
    for raw in paths:
        path = Path(raw)
        try:
            kind = file_kind(path)
            if kind == "lexicon":
                before = len(load_lexicon().patterns)
                count = len(load_lexicon([path]).patterns) - before
            else:
                load_knowledge([path])
                count = len(load_entries(path))
            results.append(FileCheck(str(path), kind, count, None))
        except TacitusError as exc:
            results.append(FileCheck(str(path), "unknown", 0, str(exc)))
    return results
