"""The actor knowledge base: countries, institutions, organisations, people and sector nouns.

Files are schema-checked on load; any problem names file, line and entry, and nothing is
used from a knowledge base that failed to load.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tacitus.actors.people import Person, parse_person
from tacitus.actors.spelling import SpellingIndex
from tacitus.datafiles import Entry, package_data
from tacitus.datafiles import load_entries as _load_yaml_entries
from tacitus.errors import Errors, TacitusError

ISO3 = re.compile(r"^[A-Z]{3}$")
ISO2 = re.compile(r"^[A-Z]{2}$")
CODE = re.compile(r"^[A-Z0-9]{3,12}$")

COUNTRY_KEYS = {"code", "iso2", "name", "names", "adjectives", "demonyms", "capitals", "regions", "lookalikes"}
INSTITUTION_KEYS = {"names", "country", "sector", "code"}
ORGANIZATION_KEYS = {"code", "names", "country", "sector"}
SECTOR_KEYS = {"sector", "name", "nouns", "roles", "aliases", "international"}
GROUP_KEYS = {"names", "country", "sector", "lookalikes"}
GROUP_SECTOR = "CVL"
SPELLING_ROLES = {"name", "adjective", "demonym", "group"}
SPELLING_GROUP_LENGTH = 7


@dataclass(frozen=True)
class ActorEntry:
    """A knowledge-base actor: what a name in the text stands for."""

    kind: str
    code: str
    country: str | None
    sector: str | None
    label: str
    file: str
    line: int

    def where(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class NameRef:
    """A name, adjective, demonym, capital or person's name pointing at an actor entry."""

    entry: ActorEntry
    role: str
    person: Person | None = None


@dataclass
class ActorKnowledge:
    names: dict[str, NameRef] = field(default_factory=dict)
    countries: dict[str, ActorEntry] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)
    sector_nouns: dict[str, str] = field(default_factory=dict)
    role_nouns: dict[str, str] = field(default_factory=dict)
    forms: dict[str, set[str]] = field(default_factory=dict)
    sector_aliases: dict[str, str] = field(default_factory=dict)
    organization_codes: dict[str, ActorEntry] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    lookalikes: set[str] = field(default_factory=set)
    international_nouns: set[str] = field(default_factory=set)
    spelling: SpellingIndex = field(default_factory=SpellingIndex)

    def sector_code(self, code: str | None) -> str | None:
        """A tacitus sector for a sector code, including the CAMEO/Phoenix codes listed as aliases."""
        if code is None:
            return None
        code = code.upper()
        if code in self.sectors:
            return code
        return self.sector_aliases.get(code)

    def add_name(self, name: str, ref: NameRef, entry: Entry, override: bool) -> None:
        key = name.casefold()
        existing = self.names.get(key)
        if existing is not None and existing.entry == ref.entry:
            self.forms[key].add(name)
            return
        if existing is not None and (not override or existing.entry.file == entry.file):
            raise entry.fail(
                f"name '{name}' is already defined for {existing.entry.label} at {existing.entry.where()}; "
                "each name may stand for one actor only"
            )
        self.names[key] = ref
        self.forms.setdefault(key, set()).add(name)


def load_entries(path: Path) -> list[Entry]:
    """Entries of a YAML file; a value YAML itself cannot build (such as a date 2001-13-01) is a file error too."""
    try:
        return _load_yaml_entries(path)
    except (ValueError, TypeError) as exc:
        raise TacitusError(Errors.E031, file=path, reason=f"a value cannot be read: {exc}") from exc


def _country_code(entry: Entry, key: str, countries: dict[str, ActorEntry], required: bool) -> str | None:
    value = entry.get_str(key, required=required)
    if value is None:
        return None
    if not ISO3.match(value):
        raise entry.fail(f"'{key}' must be an ISO 3166 alpha-3 code such as TUR, got '{value}'")
    if countries and value not in countries:
        raise entry.fail(f"unknown country '{value}' in '{key}'; countries are listed in countries.yaml")
    return value


def _sector(entry: Entry, knowledge: ActorKnowledge, required: bool) -> str | None:
    value = entry.get_str("sector", required=required)
    if value is None:
        return None
    if value not in knowledge.sectors:
        raise entry.fail(f"unknown sector '{value}'; known sectors: {', '.join(sorted(knowledge.sectors))}")
    return value


def _load_sectors(knowledge: ActorKnowledge, path: Path) -> None:
    for entry in load_entries(path):
        entry.check_keys(SECTOR_KEYS)
        sector = entry.get_str("sector")
        assert sector is not None
        if not re.match(r"^[A-Z]{3}$", sector):
            raise entry.fail(f"sector code must be three capital letters, got '{sector}'")
        if sector in knowledge.sectors:
            raise entry.fail(f"sector '{sector}' is defined twice")
        knowledge.sectors[sector] = entry.get_str("name") or sector
        for alias in entry.get_list("aliases"):
            if alias in knowledge.sector_aliases or alias in knowledge.sectors:
                raise entry.fail(f"sector alias '{alias}' is already used")
            knowledge.sector_aliases[alias] = sector
        for noun in entry.get_list("international"):
            knowledge.international_nouns.add(noun.casefold())
        for table, key in ((knowledge.sector_nouns, "nouns"), (knowledge.role_nouns, "roles")):
            for noun in entry.get_list(key):
                noun_key = noun.casefold()
                if noun_key in knowledge.sector_nouns or noun_key in knowledge.role_nouns:
                    raise entry.fail(f"noun '{noun}' already carries another sector")
                table[noun_key] = sector
        missing = [noun for noun in entry.get_list("international") if noun.casefold() not in knowledge.sector_nouns]
        if missing:
            raise entry.fail(f"'international' nouns must also be in 'nouns': {', '.join(missing)}")


def _load_countries(knowledge: ActorKnowledge, path: Path, override: bool) -> None:
    for entry in load_entries(path):
        entry.check_keys(COUNTRY_KEYS)
        code = _country_code(entry, "code", {}, required=True)
        assert code is not None
        iso2 = entry.get_str("iso2", required=False)
        if iso2 is not None and not ISO2.match(iso2):
            raise entry.fail(f"'iso2' must be two capital letters, got '{iso2}'")
        if code in knowledge.countries and not override:
            raise entry.fail(f"country {code} is already defined at {knowledge.countries[code].where()}")
        label = entry.get_str("name") or code
        actor = ActorEntry("country", code, code, None, label, entry.file, entry.line)
        knowledge.countries[code] = actor
        for key, role in (
            ("names", "name"),
            ("adjectives", "adjective"),
            ("demonyms", "demonym"),
            ("capitals", "capital"),
            ("regions", "region"),
        ):
            for name in entry.get_list(key):
                knowledge.add_name(name, NameRef(actor, role), entry, override)
        knowledge.lookalikes.update(name.casefold() for name in entry.get_list("lookalikes"))


def _load_named_actors(knowledge: ActorKnowledge, path: Path, kind: str, override: bool) -> None:
    for entry in load_entries(path):
        _add_named_actor(knowledge, entry, kind, override)


def _add_named_actor(knowledge: ActorKnowledge, entry: Entry, kind: str, override: bool) -> None:
    entry.check_keys(ORGANIZATION_KEYS if kind == "organization" else INSTITUTION_KEYS)
    names = entry.get_list("names")
    if not names:
        raise entry.fail("an actor needs at least one name in 'names'")
    country = _country_code(entry, "country", knowledge.countries, required=kind == "institution")
    sector = _sector(entry, knowledge, required=not override or kind == "organization")
    code = entry.get_str("code", required=kind == "organization")
    if code is None and sector is None:
        assert country is not None
        code = country
    elif code is None:
        code = f"{country}{sector}"
    elif not CODE.match(code):
        raise entry.fail(f"'code' must be 3 to 12 capital letters or digits, got '{code}'")
    actor = ActorEntry(kind, code, country, sector, names[0], entry.file, entry.line)
    if kind == "organization":
        if code in knowledge.organization_codes and not override:
            raise entry.fail(f"code {code} is already used at {knowledge.organization_codes[code].where()}")
        knowledge.organization_codes[code] = actor
    for name in names:
        knowledge.add_name(name, NameRef(actor, kind), entry, override)


def load_groups(knowledge: ActorKnowledge, path: Path) -> None:
    """Ethnic and religious groups: a home country (or none) and the sector the group has on its own."""
    for entry in load_entries(path):
        entry.check_keys(GROUP_KEYS)
        names = entry.get_list("names")
        if not names:
            raise entry.fail("a group needs at least one name in 'names'")
        country = _country_code(entry, "country", knowledge.countries, required=False)
        sector = _sector(entry, knowledge, required=False) or GROUP_SECTOR
        actor = ActorEntry("group", f"{country or ''}{sector}", country, sector, names[0], entry.file, entry.line)
        for name in names:
            knowledge.add_name(name, NameRef(actor, "group"), entry, override=False)
        knowledge.lookalikes.update(name.casefold() for name in entry.get_list("lookalikes"))


def _add_person(knowledge: ActorKnowledge, entry: Entry, override: bool) -> None:
    person = parse_person(entry, set(knowledge.countries), set(knowledge.sectors), set(knowledge.organization_codes))
    latest = person.holding_on(None)
    actor = ActorEntry("person", latest.code, latest.country, latest.sector, person.name, entry.file, entry.line)
    ref = NameRef(actor, "person", person)
    names = [person.name, *person.aliases]
    if len(set(names)) != len(names):
        raise entry.fail(f"{person.name}: a name is listed twice among 'name' and 'aliases'")
    for name in names:
        knowledge.add_name(name, ref, entry, override)
    knowledge.people.append(person)


def _load_people(knowledge: ActorKnowledge, path: Path, override: bool) -> None:
    for entry in load_entries(path):
        _add_person(knowledge, entry, override)


def _add_user_nouns(knowledge: ActorKnowledge, entry: Entry) -> None:
    """Extra sector nouns in a user file; they may not redefine a noun the built-in sectors carry."""
    entry.check_keys({"sector", "nouns"})
    sector = _sector(entry, knowledge, required=True)
    assert sector is not None
    for noun in entry.get_list("nouns"):
        key = noun.casefold()
        if key in knowledge.role_nouns or knowledge.sector_nouns.get(key, sector) != sector:
            raise entry.fail(f"noun '{noun}' already carries another sector")
        knowledge.sector_nouns[key] = sector


def _load_user_file(knowledge: ActorKnowledge, path: Path) -> None:
    """A user actor file may mix named actors (names/country/sector/code) and people (name/aliases/roles)."""
    for entry in load_entries(path):
        if "nouns" in entry.fields:
            _add_user_nouns(knowledge, entry)
        elif "roles" in entry.fields or ("name" in entry.fields and "names" not in entry.fields):
            _add_person(knowledge, entry, override=True)
        else:
            kind = (
                "institution"
                if entry.fields.get("country") is not None or "code" not in entry.fields
                else "organization"
            )
            _add_named_actor(knowledge, entry, kind, override=True)


BUILTIN_FILES = (
    ("countries", "countries.yaml"),
    ("institution", "institutions.yaml"),
    ("organization", "organizations.yaml"),
    ("group", "groups.yaml"),
)


PEOPLE_FILE = "people.yaml"
PEOPLE_FOLDER = "people"


def builtin_people_files() -> list[Path]:
    """people.yaml, then every YAML file of the people/ folder (one file per region or period)."""
    files = [package_data("actors", PEOPLE_FILE)]
    folder = package_data("actors", PEOPLE_FOLDER)
    if folder.is_dir():
        files.extend(sorted(folder.glob("*.yaml")))
    return [path for path in files if path.is_file()]


def load_knowledge(extra_files: Iterable[str | Path] = ()) -> ActorKnowledge:
    """The built-in knowledge base, then the user's actor files, which override it."""
    knowledge = ActorKnowledge()
    _load_sectors(knowledge, package_data("actors", "sectors.yaml"))
    for kind, filename in BUILTIN_FILES:
        path = package_data("actors", filename)
        if kind == "countries":
            _load_countries(knowledge, path, override=False)
        elif kind == "group":
            load_groups(knowledge, path)
        else:
            _load_named_actors(knowledge, path, kind, override=False)
    for people in builtin_people_files():
        _load_people(knowledge, people, override=False)
    for extra in extra_files:
        _load_user_file(knowledge, Path(extra))
    knowledge.spelling = SpellingIndex.of(
        (key, ref)
        for key, ref in knowledge.names.items()
        if ref.role in SPELLING_ROLES and (ref.role != "group" or len(key) >= SPELLING_GROUP_LENGTH)
    )
    knowledge.spelling.lookalikes = frozenset(knowledge.lookalikes)
    return knowledge
