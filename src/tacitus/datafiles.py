"""Loading knowledge files (YAML) with line numbers, so errors can name file and line."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from tacitus.errors import Errors, TacitusError

FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Entry:
    """One mapping from a YAML list, with where it was written."""

    fields: dict[str, Any]
    file: str
    line: int

    def fail(self, message: str) -> TacitusError:
        return TacitusError(Errors.E030, file=self.file, line=self.line, message=message)

    def get_str(self, key: str, required: bool = True) -> str | None:
        value = self.fields.get(key)
        if value is None:
            if required:
                raise self.fail(f"missing required field '{key}'")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"field '{key}' must be a non-empty string, got {value!r}")
        return value.strip()

    def get_list(self, key: str) -> list[str]:
        value = self.fields.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(f"field '{key}' must be a list of non-empty strings, got {value!r}")
        return [v.strip() for v in value]

    def check_keys(self, allowed: set[str]) -> None:
        unknown = sorted(set(self.fields) - allowed)
        if unknown:
            raise self.fail(f"unknown field(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}")


def package_data(*parts: str) -> Path:
    """Path of a file shipped in tacitus/data."""
    return Path(str(resources.files("tacitus").joinpath("data", *parts)))


def load_entries(path: Path) -> list[Entry]:
    """Read a YAML file holding a list of mappings, keeping each mapping's line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TacitusError(Errors.E001, path=path, reason=exc) from exc
    try:
        root = yaml.compose(text, Loader=FAST_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            raise TacitusError(
                Errors.E030, file=path, line=mark.line + 1, message=f"not valid YAML: {getattr(exc, 'problem', exc)}"
            ) from exc
        raise TacitusError(Errors.E031, file=path, reason=exc) from exc
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise TacitusError(Errors.E030, file=path, line=root.start_mark.line + 1, message="expected a list of entries")
    constructor = yaml.SafeLoader("")
    entries = []
    for node in root.value:
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode):
            raise TacitusError(Errors.E030, file=path, line=line, message="each entry must be a mapping (key: value)")
        fields = constructor.construct_document(node)
        entries.append(Entry(fields=fields, file=str(path), line=line))
    return entries
