"""The analyst's own actor file: entries promoted from what documents taught, or written by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tacitus.actors.knowledge import load_knowledge
from tacitus.errors import Errors, TacitusError

HEADER = (
    "# tacitus user actor file: loaded after the built-in knowledge, which it overrides.\n"
    "# Named actors: {names, country, sector, code}; people: {name, aliases, roles: [{country, sector, role,\n"
    "# start, end}]}. List it in [actors] extra_files or pass it with --actors.\n"
)


def actor_entry(
    name: str,
    country: str | None,
    sector: str | None,
    code: str | None = None,
    aliases: list[str] | None = None,
    role: str | None = None,
    start: str | None = None,
    end: str | None = None,
    person: bool = False,
) -> dict[str, Any]:
    """A user-file entry: a person when a role or dates are given, else a named actor."""
    if person or role or start or end:
        office: dict[str, Any] = {"country": country, "sector": sector}
        if code:
            office["code"] = code
        if role:
            office["role"] = role.lower()
        if start:
            office["start"] = start
        if end:
            office["end"] = end
        entry: dict[str, Any] = {"name": name}
        if aliases:
            entry["aliases"] = aliases
        entry["roles"] = [{k: v for k, v in office.items() if v is not None}]
        return entry
    named: dict[str, Any] = {"names": [name, *(aliases or [])], "country": country}
    if sector:
        named["sector"] = sector
    if code:
        named["code"] = code
    return named


def _names_of(entry: Any) -> set[str]:
    if not isinstance(entry, dict):
        return set()
    names = entry.get("names") or [entry.get("name")]
    return {n.casefold() for n in names if isinstance(n, str)}


def add_to_user_file(path: Path, entry: dict[str, Any]) -> bool:
    """Add `entry` to the user actor file (replacing an entry of the same name); checked before writing.

    Returns True when an earlier entry of that name was replaced.
    """
    existing = path.read_text(encoding="utf-8") if path.is_file() else ""
    wanted = _names_of(entry)
    current = yaml.safe_load(existing) if existing.strip() else []
    if not isinstance(current, list):
        current = []
    replaced = any(_names_of(item) & wanted for item in current)
    block = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, default_flow_style=None)
    if replaced:
        kept = [item for item in current if not _names_of(item) & wanted]
        text = HEADER + yaml.safe_dump([*kept, entry], sort_keys=False, allow_unicode=True, default_flow_style=None)
    else:
        text = (existing if existing.strip() else HEADER) + ("" if existing.endswith("\n") or not existing else "\n")
        text += block
    label = entry.get("name") or entry["names"][0]
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_text(text, encoding="utf-8")
        try:
            load_knowledge([partial])
        except TacitusError as exc:
            reason = str(exc).split(": ", 2)[-1]
            raise TacitusError(Errors.E165, name=label, reason=reason, path=path) from exc
        partial.replace(path)
    except OSError as exc:
        raise TacitusError(Errors.E163, path=path, reason=exc) from exc
    finally:
        partial.unlink(missing_ok=True)
    return replaced
