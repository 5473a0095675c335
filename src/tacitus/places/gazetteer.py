"""The gazetteer: place names → candidate places, read from the SQLite index."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from tacitus.errors import Errors, TacitusError
from tacitus.places.index import IndexSpec, ensure_index
from tacitus.places.names import name_key

PRECISION = {"city": "city", "admin1": "admin1", "region": "admin1", "country": "country", "continent": "continent"}


@dataclass(frozen=True)
class Place:
    """A gazetteer entry. `country` is ISO3 (None for seas and regions across borders);
    `admin1` is the GeoNames first-level division code (a US state's postal code)."""

    place_id: int
    geonameid: int | None
    name: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int
    kind: str
    capital: bool

    @property
    def precision(self) -> str:
        return PRECISION.get(self.kind, "city")


@dataclass(frozen=True)
class Candidate:
    """A place a name may stand for; `alternate` when only an alternate GeoNames name matched."""

    place: Place
    alternate: bool


def _place(row: Any) -> Place:
    return Place(
        place_id=row[0],
        geonameid=row[1],
        name=row[2],
        country=row[3],
        admin1=row[4],
        lat=row[5],
        lon=row[6],
        population=row[7],
        kind=row[8],
        capital=bool(row[9]),
    )


class Gazetteer:
    """Read-only lookups in the place index; load with `Gazetteer.open()`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            self.con.execute("SELECT count(*) FROM meta").fetchone()
        except sqlite3.Error as exc:
            raise TacitusError(Errors.E203, path=path, reason=exc) from exc
        self.lookup = lru_cache(maxsize=50_000)(self._lookup)

    @classmethod
    def open(cls, min_population: int = 500, folder: Path | None = None) -> Gazetteer:
        return cls(ensure_index(IndexSpec(min_population), folder))

    def close(self) -> None:
        self.con.close()

    def _lookup(self, key: str) -> tuple[Candidate, ...]:
        rows = self.con.execute(
            "SELECT p.id, p.geonameid, p.name, p.country, p.admin1, p.lat, p.lon, p.population, p.kind, p.capital, "
            "n.alternate FROM name n JOIN place p ON p.id = n.place WHERE n.key = ? "
            "ORDER BY n.alternate, p.population DESC LIMIT 60",
            (key,),
        ).fetchall()
        return tuple(Candidate(_place(row), bool(row[10])) for row in rows)

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        """Every place `name` may stand for (primary names first, then by population)."""
        key = name_key(name)
        return self.lookup(key) if key else ()

    def country(self, iso3: str) -> Place | None:
        row = self.con.execute(
            "SELECT id, geonameid, name, country, admin1, lat, lon, population, kind, capital FROM place "
            "WHERE kind = 'country' AND country = ?",
            (iso3,),
        ).fetchone()
        return _place(row) if row else None

    def size(self) -> tuple[int, int]:
        """Places and names in the index."""
        places = self.con.execute("SELECT count(*) FROM place").fetchone()[0]
        names = self.con.execute("SELECT count(*) FROM name").fetchone()[0]
        return int(places), int(names)
