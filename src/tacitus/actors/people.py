"""People with dated offices: a person is coded by the office held on the article's date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from tacitus.datafiles import Entry

PERSON_KEYS = {"name", "aliases", "roles"}
ROLE_KEYS = {"country", "sector", "role", "start", "end", "code"}
ORG_CODE = re.compile(r"^[A-Z0-9]{3,12}$")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
OUT_OF_OFFICE_SECTOR = "ELI"


@dataclass(frozen=True)
class Role:
    """One office held between two dates; `start`/`end` None means open on that side."""

    country: str | None
    sector: str | None
    title: str | None
    start: dt.date | None
    end: dt.date | None
    code: str | None = None

    @property
    def undated(self) -> bool:
        return self.start is None and self.end is None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def distance(self, day: dt.date) -> int:
        if self.start is not None and day < self.start:
            return (self.start - day).days
        if self.end is not None and day > self.end:
            return (day - self.end).days
        return 0

    def actor_code(self, sector: str | None = None) -> str:
        if self.code is not None:
            return self.code
        return f"{self.country or ''}{sector if sector is not None else self.sector or ''}"

    def describe(self) -> str:
        start = self.start.isoformat() if self.start else "…"
        end = self.end.isoformat() if self.end else "…"
        return f"{self.title or self.actor_code()} {start}..{end}"


@dataclass(frozen=True)
class Holding:
    """What a person is on a given day: the role, the sector to code, and how it was chosen."""

    role: Role
    sector: str | None
    note: str | None

    @property
    def country(self) -> str | None:
        return self.role.country

    @property
    def code(self) -> str:
        return self.role.actor_code(self.sector)


@dataclass(frozen=True)
class Person:
    name: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    file: str
    line: int

    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def holding_on(self, day: dt.date | None) -> Holding:
        """The office held on `day`.

        Several roles on that day (a head of state of several realms, a minister holding two
        offices): the first listed. Undated article: the latest role, noted. Out of office on that
        day: the nearest role's country with sector ELI (CAMEO's code for former officials and other
        prominent people), noted; a role without dates (a default code) is used before that.
        """
        if day is None:
            latest = max(self.roles, key=_latest_key)
            return Holding(latest, latest.sector, "undated article: latest role")
        for role in sorted(self.roles, key=lambda role: role.undated):
            if role.covers(day):
                return Holding(role, role.sector, None)
        nearest = min(self.roles, key=lambda role: role.distance(day))
        sector = OUT_OF_OFFICE_SECTOR if nearest.code is None else nearest.sector
        return Holding(nearest, sector, f"not in office on {day.isoformat()}; nearest role {nearest.describe()}")


def _latest_key(role: Role) -> tuple[dt.date, dt.date]:
    return (role.end or dt.date.max, role.start or dt.date.min)


def parse_day(value: str | None) -> dt.date | None:
    """An article date (YYYY-MM-DD, possibly with a time after it) as a date; None if absent or invalid."""
    if not value or not ISO_DAY.match(value):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _role_date(entry: Entry, index: int, fields: dict[str, Any], key: str) -> dt.date | None:
    value = fields.get(key)
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise entry.fail(f"role {index + 1}: '{key}' must be a date YYYY-MM-DD or null, got {value!r}")


def parse_person(
    entry: Entry, countries: set[str], sectors: set[str], organization_codes: set[str] | None = None
) -> Person:
    """Check one people-file entry and build the Person; every problem names file, line and entry."""
    entry.check_keys(PERSON_KEYS)
    name = entry.get_str("name")
    assert name is not None
    aliases = tuple(entry.get_list("aliases"))
    raw_roles = entry.fields.get("roles")
    if not isinstance(raw_roles, list) or not raw_roles:
        raise entry.fail(f"{name}: 'roles' must be a non-empty list of offices")
    roles: list[Role] = []
    for index, fields in enumerate(raw_roles):
        label = f"{name}: role {index + 1}"
        if not isinstance(fields, dict):
            raise entry.fail(f"{label} must be a mapping such as {{country: TUR, sector: GOV, start: 2014-08-29}}")
        unknown = sorted(set(fields) - ROLE_KEYS)
        if unknown:
            raise entry.fail(f"{label}: unknown field(s) {', '.join(unknown)}; allowed: {', '.join(sorted(ROLE_KEYS))}")
        country = fields.get("country")
        code = fields.get("code")
        if code is not None and (not isinstance(code, str) or not ORG_CODE.match(code)):
            raise entry.fail(f"{label}: 'code' must be 3 to 12 capital letters or digits, got {code!r}")
        if country is None and code is None:
            raise entry.fail(f"{label}: needs a 'country' (ISO3) or an organisation 'code'")
        if country is not None and (not isinstance(country, str) or country not in countries):
            raise entry.fail(f"{label}: unknown country {country!r}; countries are listed in countries.yaml")
        if (
            code is not None
            and organization_codes is not None
            and country is None
            and code not in organization_codes
            and code[:3] not in sectors
        ):
            raise entry.fail(
                f"{label}: unknown organisation code {code!r}; use a code from organizations.yaml "
                "or one starting with a sector such as IGO or NGO"
            )
        sector = fields.get("sector")
        if sector is not None and (not isinstance(sector, str) or sector not in sectors):
            raise entry.fail(f"{label}: unknown sector {sector!r}; known sectors: {', '.join(sorted(sectors))}")
        title = fields.get("role")
        if title is not None and (not isinstance(title, str) or not title.strip() or title != title.lower()):
            raise entry.fail(f"{label}: 'role' must be a lower-case title such as 'foreign minister', got {title!r}")
        start = _role_date(entry, index, fields, "start")
        end = _role_date(entry, index, fields, "end")
        if start is not None and end is not None and end < start:
            raise entry.fail(f"{label}: ends {end.isoformat()} before it starts {start.isoformat()}")
        role = Role(country, sector, title.strip() if title else None, start, end, code)
        for other in roles:
            if other == role:
                raise entry.fail(f"{label} is listed twice")
            if (
                not (role.undated or other.undated)
                and _overlap(other, role)
                and role.title is not None
                and (other.country, other.title) == (role.country, role.title)
                and (other.sector, other.code) != (role.sector, role.code)
            ):
                raise entry.fail(
                    f"{label} ({role.describe()}) overlaps {other.describe()} in {role.country} with another "
                    f"sector ({other.sector} vs {role.sector}); one office has one sector at a time"
                )
        roles.append(role)
    return Person(name, aliases, tuple(roles), entry.file, entry.line)


def _overlap(first: Role, second: Role) -> bool:
    first_start, first_end = first.start or dt.date.min, first.end or dt.date.max
    second_start, second_end = second.start or dt.date.min, second.end or dt.date.max
    return first_start <= second_end and second_start <= first_end
