"""Import the Phoenix / PETRARCH (TABARI-format) actor, international and agent dictionaries.

Actor records become tacitus actor entries: a record without date restrictions becomes a named
actor (names, country, sector, code); a record with dated codes becomes a person with roles.
Agent nouns become sector nouns. What cannot be represented is refused, with the reason counted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tacitus.actors.knowledge import CODE, ActorKnowledge
from tacitus.errors import Errors, TacitusError

ORGANIZATION_TYPES = {"IGO": "IGO", "NGO": "NGO", "IMG": "IMG", "MNC": "MNC", "NGM": "NGO"}
BRACKET = re.compile(r"\[([^\]]*)\]")
RESTRICTION = re.compile(r"^(?:<(\d{6,8})|>(\d{6,8})|(\d{6,8})-(\d{6,8}))$")
SUBSTITUTION = re.compile(r"^!(\w+)!\s*=\s*(.+)$")
LOWER_WORDS = {
    "of",
    "the",
    "and",
    "for",
    "in",
    "on",
    "al",
    "de",
    "du",
    "des",
    "la",
    "le",
    "el",
    "bin",
    "ibn",
    "van",
    "von",
}
CENTURY_PIVOT = 30
MAX_NOUN_WORDS = 3


@dataclass
class ImportReport:
    """What was read, what was imported and why the rest was refused."""

    records: Counter[str] = field(default_factory=Counter)
    actors: int = 0
    people: int = 0
    nouns: int = 0
    already_known: int = 0
    refused: Counter[str] = field(default_factory=Counter)

    @property
    def imported(self) -> int:
        return self.actors + self.people + self.nouns

    def summary(self) -> dict[str, Any]:
        return {
            "records_read": dict(self.records),
            "imported": {"actors": self.actors, "people": self.people, "agent_nouns": self.nouns},
            "names_already_built_in": self.already_known,
            "refused": dict(self.refused.most_common()),
        }


@dataclass
class PhoenixRecord:
    phrases: list[str]
    codes: list[str]
    line: int


class Refused(Exception):
    """A record that cannot be imported; the message is the reason counted in the report."""


def phrase_to_name(phrase: str) -> str:
    """AFGHAN_NATIONAL_ARMY_ → Afghan National Army; short all-capital words (UN, PKK) stay as written."""
    words = [w for w in re.split(r"[_\s]+", phrase.strip().strip("_")) if w]
    out = []
    for index, word in enumerate(words):
        letters = re.sub(r"[^A-Za-z]", "", word)
        if (
            "." in word
            or (len(letters) <= 4 and not re.search(r"[AEIOUY]", letters))
            or (len(letters) <= 2 and index == 0)
        ):
            out.append(word)
        elif index > 0 and word.lower() in LOWER_WORDS:
            out.append(word.lower())
        else:
            out.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(out)


def _written_forms(phrase: str) -> list[str]:
    name = phrase_to_name(phrase)
    forms = [name]
    acronym = phrase.strip().strip("_")
    if "_" not in acronym and " " not in acronym and acronym.isupper() and 2 <= len(acronym) <= 8 and acronym != name:
        forms.append(acronym)
    return forms


def _strip_comment(line: str) -> str:
    for marker in ("#", ";"):
        position = line.find(marker)
        if position >= 0:
            line = line[:position]
    return line.rstrip()


def read_records(path: Path) -> Iterator[PhoenixRecord]:
    """Records of a TABARI actor file: primary phrase, '+' synonyms, bracketed codes with date restrictions."""
    current: PhoenixRecord | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        line = _strip_comment(raw)
        if not line.strip() or line.lstrip().startswith("<!--"):
            continue
        codes = BRACKET.findall(line)
        text = BRACKET.sub(" ", line)
        if line[0] in " \t" and not text.strip():
            if current is not None:
                current.codes.extend(codes)
            continue
        if text.startswith("+"):
            if current is not None:
                current.phrases.append(text[1:].strip())
                current.codes.extend(codes)
            continue
        if current is not None:
            yield current
        current = PhoenixRecord([text.strip()], list(codes), number)
    if current is not None:
        yield current


def parse_day(value: str) -> dt.date:
    """YYYYMMDD or YYMMDD (years below 30 are 20YY); raises Refused when not a calendar day."""
    if len(value) == 6:
        year = int(value[:2])
        value = f"{2000 + year if year < CENTURY_PIVOT else 1900 + year}{value[2:]}"
    if len(value) != 8:
        raise Refused("malformed date restriction")
    try:
        return dt.date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError as exc:
        raise Refused("malformed date restriction") from exc


def split_code(code: str, knowledge: ActorKnowledge) -> dict[str, Any]:
    """A CAMEO code as a tacitus role: country and sector, or an organisation code."""
    head = code[:3]
    rest = code[3:]
    if head in ORGANIZATION_TYPES:
        if not CODE.match(code):
            raise Refused("code longer than 12 characters")
        return {"country": None, "sector": ORGANIZATION_TYPES[head], "code": code}
    if head in knowledge.countries:
        sector = knowledge.sector_code(rest[:3]) if rest else None
        if rest and sector is None:
            raise Refused("unknown sector code")
        return {"country": head, "sector": sector, "code": None}
    if head in knowledge.sectors or head in knowledge.sector_aliases:
        sector = knowledge.sector_code(head)
        return {"country": None, "sector": sector, "code": sector}
    raise Refused("unknown country or organisation code")


def convert_record(record: PhoenixRecord, knowledge: ActorKnowledge) -> dict[str, Any]:
    """One Phoenix actor record as a tacitus actor entry (named actor or person with roles)."""
    if not record.codes:
        raise Refused("no code")
    roles: list[dict[str, Any]] = []
    for bracket in record.codes:
        parts = bracket.split()
        if not parts:
            raise Refused("empty code")
        role = split_code(parts[0], knowledge)
        if len(parts) > 2:
            raise Refused("malformed date restriction")
        if len(parts) == 2:
            match = RESTRICTION.match(parts[1])
            if match is None:
                raise Refused("malformed date restriction")
            before, after, start, end = match.groups()
            role["start"] = parse_day(after or start).isoformat() if (after or start) else None
            role["end"] = parse_day(before or end).isoformat() if (before or end) else None
            if role["start"] and role["end"] and role["end"] < role["start"]:
                raise Refused("date range ends before it starts")
        roles.append(role)
    names = list(dict.fromkeys(form for phrase in record.phrases for form in _written_forms(phrase) if form))
    if not names:
        raise Refused("no name")
    dated = [r for r in roles if "start" in r or "end" in r]
    if not dated:
        if len({(r["country"], r["sector"], r["code"]) for r in roles}) > 1:
            raise Refused("several undated codes")
        role = roles[0]
        entry: dict[str, Any] = {"names": names, "country": role["country"]}
        if role["sector"] is not None:
            entry["sector"] = role["sector"]
        if role["code"] is not None:
            entry["code"] = role["code"]
        return entry
    unique: list[dict[str, Any]] = []
    for role in roles:
        cleaned = {key: value for key, value in role.items() if value is not None}
        if cleaned not in unique:
            unique.append(cleaned)
    if any(r.get("country") is None and r.get("code") is None for r in unique):
        raise Refused("unknown country or organisation code")
    _check_overlaps(unique)
    return {"name": names[0], "aliases": names[1:], "roles": unique}


def _check_overlaps(roles: list[dict[str, Any]]) -> None:
    dated = [r for r in roles if "start" in r or "end" in r]
    for index, first in enumerate(dated):
        for second in dated[index + 1 :]:
            if first.get("country") == second.get("country"):
                continue
            if first.get("start", "0000") <= second.get("end", "9999") and second.get("start", "0000") <= first.get(
                "end", "9999"
            ):
                raise Refused("overlapping dated codes of different countries")


def read_agents(path: Path) -> Iterator[tuple[int, list[str], str]]:
    """Agent records: (line, noun phrases after substitution, agent code)."""
    substitutions: dict[str, list[str]] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        line = _strip_comment(raw).strip()
        if not line or line.startswith("<!--"):
            continue
        match = SUBSTITUTION.match(line)
        if match:
            substitutions[match.group(1)] = [v.strip() for v in match.group(2).split(",") if v.strip()]
            continue
        codes = BRACKET.findall(line) or re.findall(r"\[([^\]}]*)\}", line)
        phrase = re.sub(r"\{[^}]*\}", " ", BRACKET.sub(" ", line)).strip()
        phrase = re.sub(r"\[[^\]}]*\}", " ", phrase).strip()
        if not codes or not phrase:
            yield number, [], ""
            continue
        phrases = [phrase]
        for name, values in substitutions.items():
            marker = f"!{name}!"
            phrases = [p.replace(marker, v) for p in phrases for v in values] if marker in phrase else phrases
        yield number, phrases, codes[0].strip()


def agent_sector(code: str, knowledge: ActorKnowledge) -> str:
    if code.startswith("~"):
        return _sector_or_refuse(code[1:4], knowledge)
    if code.endswith("~"):
        head = code[:3]
        if head in ORGANIZATION_TYPES:
            return ORGANIZATION_TYPES[head]
        return _sector_or_refuse(head, knowledge)
    raise Refused("agent code without ~")


def _sector_or_refuse(code: str, knowledge: ActorKnowledge) -> str:
    sector = knowledge.sector_code(code)
    if sector is None:
        raise Refused("unknown sector code")
    return sector


def agent_noun(phrase: str) -> str:
    words = [w for w in re.split(r"[_\s]+", phrase.strip("_ ")) if w]
    if not words or len(words) > MAX_NOUN_WORDS or (len(words) == MAX_NOUN_WORDS and words[1].upper() != "OF"):
        raise Refused("agent phrase longer than tacitus noun patterns (noun, modifier noun, noun of X)")
    if any(not re.fullmatch(r"[A-Za-z][A-Za-z'.-]*", w) for w in words):
        raise Refused("agent phrase with symbols")
    return " ".join(w.lower() for w in words)


def import_phoenix(folder: Path, knowledge: ActorKnowledge) -> tuple[list[dict[str, Any]], ImportReport]:
    """Convert every actor and agent dictionary in `folder`; built-in names are never overridden by an import."""
    actor_paths = sorted(folder.glob("*.actors.txt"))
    agent_paths = sorted(folder.glob("*agents.txt"))
    if not folder.is_dir() or not (actor_paths or agent_paths):
        raise TacitusError(Errors.E162, path=folder)
    report = ImportReport()
    nouns: dict[str, str] = {}
    for path in agent_paths:
        for _, phrases, code in read_agents(path):
            report.records[path.name] += 1
            try:
                if not phrases:
                    raise Refused("no code")
                sector = agent_sector(code, knowledge)
                for noun in (agent_noun(phrase) for phrase in phrases):
                    if noun in knowledge.sector_nouns or noun in knowledge.role_nouns:
                        report.already_known += 1
                    elif noun not in nouns:
                        nouns[noun] = sector
                        report.nouns += 1
            except Refused as exc:
                report.refused[f"agent: {exc}"] += 1
    entries: list[dict[str, Any]] = []
    taken: set[str] = set()
    for path in actor_paths:
        for record in read_records(path):
            report.records[path.name] += 1
            try:
                entry = convert_record(record, knowledge)
                _keep_new_names(entry, knowledge, taken, report)
            except Refused as exc:
                report.refused[f"actor: {exc}"] += 1
                continue
            entries.append(entry)
            if "roles" in entry:
                report.people += 1
            else:
                report.actors += 1
    by_sector: dict[str, list[str]] = {}
    for noun, sector in nouns.items():
        by_sector.setdefault(sector, []).append(noun)
    noun_entries: list[dict[str, Any]] = [{"sector": s, "nouns": by_sector[s]} for s in sorted(by_sector)]
    return noun_entries + entries, report


def _keep_new_names(entry: dict[str, Any], knowledge: ActorKnowledge, taken: set[str], report: ImportReport) -> None:
    names = entry["names"] if "names" in entry else [entry["name"], *entry["aliases"]]
    kept = []
    for name in names:
        key = name.casefold()
        if key in taken:
            continue
        if key in knowledge.names:
            report.already_known += 1
            continue
        kept.append(name)
        taken.add(key)
    if not kept:
        raise Refused("every name already built in or imported earlier")
    if "names" in entry:
        entry["names"] = kept
    else:
        entry["name"], entry["aliases"] = kept[0], kept[1:]
        if not entry["aliases"]:
            del entry["aliases"]


def write_actor_file(entries: list[dict[str, Any]], out: Path, header: str) -> None:
    """Write entries as a tacitus actor file; it is checked by loading it before it replaces `out`."""
    import yaml

    from tacitus.actors.knowledge import load_knowledge

    text = header + yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=120, default_flow_style=None)
    partial = out.with_name(out.name + ".partial")
    try:
        partial.write_text(text, encoding="utf-8")
        load_knowledge([partial])
        partial.replace(out)
    except OSError as exc:
        raise TacitusError(Errors.E163, path=out, reason=exc) from exc
    finally:
        partial.unlink(missing_ok=True)
