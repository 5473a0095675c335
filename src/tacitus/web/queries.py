"""Read-only queries behind the web app, the Python API and the exports.

Every value a user gives is checked here and reaches SQL only as a parameter; column names
come from fixed tables in this module.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import duckdb

from tacitus.errors import Errors, TacitusError
from tacitus.store.database import connect_quietly

QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
MODALITIES = ("asserted", "all", "negated", "future", "conditional", "hypothetical", "question")
SORT_COLUMNS = {
    "date": "date",
    "source": "source_code",
    "target": "target_code",
    "cameo": "cameo",
    "quad": "quad_class",
    "goldstein": "goldstein",
    "doc": "doc_id",
}
FREQUENCIES = {"day": "day", "week": "week", "month": "month", "D": "day", "W": "week", "M": "month", "MS": "month"}
PER_PAGE_CHOICES = (10, 25, 50, 100, 200)
MAX_PAGE = 100_000
MAX_TEXT = 200

ACTOR_PATTERN = re.compile(r"[A-Z0-9]{2,15}")
CAMEO_PATTERN = re.compile(r"\d{2,4}")
DATE_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}")
ISO3_PATTERN = re.compile(r"[A-Z]{3}")
DEFAULT_RADIUS_KM = 50.0
MAX_RADIUS_KM = 20_040.0

BUSY_ATTEMPTS = 6
BUSY_FIRST_WAIT = 0.05


@dataclass(frozen=True)
class EventQuery:
    """Filters, order and page of an events listing; build it with `event_query` to validate values."""

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    code: str | None = None
    quad_class: int | None = None
    since: str | None = None
    until: str | None = None
    modality: str = "asserted"
    text: str | None = None
    doc_id: str | None = None
    sort: str = "date"
    descending: bool = False
    page: int = 1
    per_page: int = 50
    country: str | None = None
    near: tuple[float, float] | None = None
    radius: float | None = None


FILTER_NAMES = tuple(f.name for f in fields(EventQuery))


def invalid(name: str, value: object, reason: str) -> TacitusError:
    return TacitusError(Errors.E140, name=name, value=str(value)[:80], reason=reason)


def actor_code(name: str, value: object) -> str | None:
    text = str(value).strip().upper() if value is not None else ""
    if not text:
        return None
    if not ACTOR_PATTERN.fullmatch(text):
        raise invalid(name, value, "an actor is a country code or actor code such as USA or USAGOV")
    return text


def _date(name: str, value: object) -> str | None:
    text = str(value).strip() if value is not None else ""
    if not text:
        return None
    if not DATE_PATTERN.fullmatch(text):
        raise invalid(name, value, "use YYYY-MM-DD")
    try:
        time.strptime(text, "%Y-%m-%d")
    except ValueError:
        raise invalid(name, value, "no such day") from None
    return text


def integer(name: str, value: object, low: int, high: int) -> int | None:
    if value is None or str(value).strip() == "":
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        raise invalid(name, value, f"give a whole number from {low} to {high}") from None
    if not low <= number <= high:
        raise invalid(name, value, f"give a whole number from {low} to {high}")
    return number


def location_country(value: object) -> str | None:
    text = str(value).strip().upper() if value is not None else ""
    if not text:
        return None
    if not ISO3_PATTERN.fullmatch(text):
        raise invalid("country", value, "the country where events happened is an ISO3 code such as SYR")
    return text


def near_point(value: object) -> tuple[float, float] | None:
    """ "36.2,37.15" (or a pair of numbers) → (lat, lon), checked to be a point on Earth."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    parts = list(value) if isinstance(value, tuple | list) else str(value).split(",")
    try:
        lat, lon = (float(p) for p in parts)
    except (TypeError, ValueError):
        raise invalid("near", value, "give a point as LAT,LON in degrees, e.g. 36.2,37.15") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise invalid("near", value, "latitude is -90 to 90 and longitude -180 to 180")
    return lat, lon


def radius_km(value: object, near: tuple[float, float] | None) -> float | None:
    if value is None or str(value).strip() == "":
        return DEFAULT_RADIUS_KM if near else None
    try:
        radius = float(str(value).strip())
    except ValueError:
        radius = float("nan")
    if near is None or not 0 < radius <= MAX_RADIUS_KM:
        raise invalid("radius", value, f"a radius is above 0 and at most {MAX_RADIUS_KM:.0f} km, with near=LAT,LON")
    return radius


def event_query(values: Mapping[str, Any], strict: bool = False) -> EventQuery:
    """An EventQuery from user values (query string, keyword arguments); bad values raise E140.

    `strict` rejects names that are not filters (E141); the web app ignores them instead.
    """
    if strict:
        for name in values:
            if name not in FILTER_NAMES and name != "dyad":
                raise TacitusError(Errors.E141, name=name, allowed=", ".join((*FILTER_NAMES, "dyad")))
    source, target = values.get("source"), values.get("target")
    if values.get("dyad") is not None:
        dyad = values["dyad"]
        if isinstance(dyad, str):
            dyad = re.split(r"[\s,>-]+", dyad.strip())
        if len(dyad) != 2:
            raise invalid("dyad", dyad, "give two actors, e.g. USA TUR")
        source, target = dyad
    code = str(values.get("code") or "").strip() or None
    if code is not None and not CAMEO_PATTERN.fullmatch(code):
        raise invalid("code", code, "a CAMEO code or root is 2 to 4 digits, e.g. 12 or 125")
    modality = str(values.get("modality") or "asserted").strip().lower()
    if modality not in MODALITIES:
        raise invalid("modality", modality, "use one of " + ", ".join(MODALITIES))
    text = str(values.get("text") or "").strip() or None
    if text is not None and len(text) > MAX_TEXT:
        raise invalid("text", text, f"search text is at most {MAX_TEXT} characters")
    sort = str(values.get("sort") or "date").strip()
    descending = sort.startswith("-")
    if sort.lstrip("-") not in SORT_COLUMNS:
        raise invalid("sort", sort, "sort by one of " + ", ".join(SORT_COLUMNS) + " (prefix - for descending)")
    per_page = integer("per_page", values.get("per_page"), 1, max(PER_PAGE_CHOICES)) or 50
    doc_id = str(values.get("doc_id") or "").strip() or None
    if doc_id is not None and len(doc_id) > 200:
        raise invalid("doc_id", doc_id, "document ids are at most 200 characters")
    descending = descending or str(values.get("descending") or "").lower() in ("1", "true", "yes")
    near = near_point(values.get("near"))
    return EventQuery(
        actor=actor_code("actor", values.get("actor")),
        source=actor_code("source", source),
        target=actor_code("target", target),
        code=code,
        quad_class=integer("quad_class", values.get("quad_class"), 1, 4),
        since=_date("since", values.get("since")),
        until=_date("until", values.get("until")),
        modality=modality,
        text=text,
        doc_id=doc_id,
        sort=sort.lstrip("-"),
        descending=descending,
        page=integer("page", values.get("page"), 1, MAX_PAGE) or 1,
        per_page=per_page,
        country=location_country(values.get("country")),
        near=near,
        radius=radius_km(values.get("radius"), near),
    )


def _actor_clause(prefix: str, value: str) -> tuple[str, list[Any]]:
    return f"({prefix}_country = ? OR {prefix}_code = ?)", [value, value]


def like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def event_where(query: EventQuery, table: str = "") -> tuple[str, list[Any]]:
    """The WHERE clause (with its parameters) selecting the events a query asks for."""
    prefix = f"{table}." if table else ""
    clauses: list[str] = []
    params: list[Any] = []
    if query.actor:
        source_sql, source_params = _actor_clause(f"{prefix}source", query.actor)
        target_sql, target_params = _actor_clause(f"{prefix}target", query.actor)
        clauses.append(f"({source_sql} OR {target_sql})")
        params += source_params + target_params
    for role, value in (("source", query.source), ("target", query.target)):
        if value:
            sql, values = _actor_clause(f"{prefix}{role}", value)
            clauses.append(sql)
            params += values
    if query.code:
        clauses.append(f"starts_with({prefix}cameo, ?)")
        params.append(query.code)
    if query.quad_class:
        clauses.append(f"{prefix}quad_class = ?")
        params.append(query.quad_class)
    if query.since:
        clauses.append(f"coalesce({prefix}date_start, {prefix}date) >= ?")
        params.append(query.since)
    if query.until:
        # a partial date such as 2019-04 sorts before 2019-04-01, so '~' keeps it in range
        clauses.append(f"coalesce({prefix}date_start, {prefix}date) <= ? || '~'")
        params.append(query.until)
    if query.modality == "asserted":
        clauses.append(f"NOT {prefix}negated AND {prefix}modality = 'asserted'")
    elif query.modality == "negated":
        clauses.append(f"{prefix}negated")
    elif query.modality != "all":
        clauses.append(f"{prefix}modality = ?")
        params.append(query.modality)
    if query.text:
        clauses.append(f"{prefix}evidence ILIKE ? ESCAPE '\\'")
        params.append(like(query.text))
    if query.doc_id:
        clauses.append(f"{prefix}doc_id = ?")
        params.append(query.doc_id)
    if query.country:
        clauses.append(f"json_extract_string({prefix}location, '$.country') = ?")
        params.append(query.country)
    if query.near:
        sql, values = near_clause(f"{prefix}location", *query.near, query.radius or DEFAULT_RADIUS_KM)
        clauses.append(sql)
        params += values
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def near_clause(column: str, lat: float, lon: float, radius: float) -> tuple[str, list[Any]]:
    """Events located within `radius` km of a point (great-circle distance on a sphere of the Earth's mean radius)."""
    event_lat = f"TRY_CAST(json_extract_string({column}, '$.lat') AS DOUBLE)"
    event_lon = f"TRY_CAST(json_extract_string({column}, '$.lon') AS DOUBLE)"
    distance = (
        f"2 * 6371.0088 * asin(sqrt(pow(sin(radians({event_lat} - ?) / 2), 2) + "
        f"cos(radians(?)) * cos(radians({event_lat})) * pow(sin(radians({event_lon} - ?) / 2), 2)))"
    )
    return f"({column} IS NOT NULL AND {distance} <= ?)", [lat, lat, lon, radius]


def order_by(query: EventQuery, row_key: str = "rowid") -> str:
    """Sorted by the chosen column; by date, events of one document keep their reading order.

    `row_key` breaks the remaining ties (the storage order, or event_id where rowid is not at hand);
    fewer tie-breaking columns make the sort of a large table markedly cheaper.
    """
    direction = "DESC" if query.descending else "ASC"
    column = SORT_COLUMNS[query.sort]
    if query.sort == "date":
        return f" ORDER BY date {direction} NULLS LAST, doc_id, sentence, {row_key}"
    return f" ORDER BY {column} {direction} NULLS LAST, {row_key}"


def rows(cursor: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def open_read_only(path: Path) -> Any:
    """A read-only connection; waits briefly while another process writes the file, then raises E142."""
    if not path.exists():
        raise TacitusError(Errors.E023, path=path)
    wait = BUSY_FIRST_WAIT
    for attempt in range(BUSY_ATTEMPTS):
        try:
            return connect_quietly(path, read_only=True)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise TacitusError(Errors.E022, path=path, reason=str(exc).splitlines()[0]) from exc
            if attempt == BUSY_ATTEMPTS - 1:
                raise TacitusError(Errors.E142, path=path) from exc
            time.sleep(wait)
            wait *= 2
        except duckdb.Error as exc:
            raise TacitusError(Errors.E022, path=path, reason=str(exc).splitlines()[0]) from exc
    raise AssertionError("unreachable")


@contextmanager
def read_only(path: Path) -> Iterator[Any]:
    """A short read-only connection, closed after use so that `tacitus code` can take the file."""
    con = open_read_only(path)
    try:
        yield con
    except duckdb.CatalogException as exc:
        raise TacitusError(Errors.E143, path=path) from exc
    finally:
        con.close()


def table_columns(con: Any, table: str) -> set[str]:
    found = con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = ?", [table]).fetchall()
    return {row[0] for row in found}


def count_events(con: Any, query: EventQuery) -> int:
    where, params = event_where(query)
    return int(con.execute("SELECT count(*) FROM events" + where, params).fetchone()[0])


def page_of_events(con: Any, query: EventQuery) -> list[dict[str, Any]]:
    """One page of events: the page's ids are found by sorting narrow columns, then their full rows fetched."""
    where, params = event_where(query)
    sql = "SELECT event_id FROM events" + where + order_by(query) + " LIMIT ? OFFSET ?"
    ids = [row[0] for row in con.execute(sql, [*params, query.per_page, (query.page - 1) * query.per_page]).fetchall()]
    return events_by_ids(con, ids)


SORT_KEYS = "rowid AS row_key, event_id, date, doc_id, sentence, source_code, target_code, cameo, quad_class, goldstein"


def count_and_page(con: Any, query: EventQuery) -> tuple[int, list[dict[str, Any]]]:
    """The number of events a query selects and its page of them.

    A text search reads every sentence, so it runs once into a narrow intermediate result that
    gives both the count and the page; other filters are cheap enough to run twice.
    """
    if not query.text:
        return count_events(con, query), page_of_events(con, query)
    where, params = event_where(query)
    sql = (
        f"WITH hits AS MATERIALIZED (SELECT {SORT_KEYS} FROM events{where}) "
        "SELECT (SELECT count(*) FROM hits) AS total, event_id FROM hits"
        + order_by(query, "row_key")
        + " LIMIT ? OFFSET ?"
    )
    found = con.execute(sql, [*params, query.per_page, (query.page - 1) * query.per_page]).fetchall()
    if not found:
        return count_events(con, query) if query.page > 1 else 0, []
    return int(found[0][0]), events_by_ids(con, [row[1] for row in found])


def events_by_ids(con: Any, ids: list[str]) -> list[dict[str, Any]]:
    """Full rows of the given events, in the given order, looked up through the primary-key index."""
    if not ids:
        return []
    # one placeholder per id: a constant IN list lets DuckDB use the index instead of scanning the table
    placeholders = ", ".join("?" * len(ids))
    found = rows(con.execute(f"SELECT * FROM events WHERE event_id IN ({placeholders})", ids))
    position = {event_id: i for i, event_id in enumerate(ids)}
    return sorted(found, key=lambda row: position[row["event_id"]])


def all_events(con: Any, query: EventQuery, limit: int | None = None) -> Any:
    """A cursor over every event the query selects, in its order (for exports and DataFrames)."""
    where, params = event_where(query)
    sql = "SELECT * FROM events" + where + order_by(query)
    if limit:
        sql += " LIMIT ?"
        params = [*params, limit]
    return con.execute(sql, params)


def event_by_id(con: Any, event_id: str, path: Path) -> dict[str, Any]:
    found = rows(con.execute("SELECT * FROM events WHERE event_id = ?", [event_id]))
    if not found:
        raise TacitusError(Errors.E144, event_id=event_id[:80], path=path)
    return found[0]


def document_by_id(con: Any, doc_id: str, path: Path) -> dict[str, Any]:
    found = rows(con.execute("SELECT * FROM documents WHERE doc_id = ?", [doc_id]))
    if not found:
        raise TacitusError(Errors.E060, doc_id=doc_id[:80], path=path)
    return found[0]


def dated_period(freq: str) -> str:
    if freq not in FREQUENCIES:
        raise invalid("freq", freq, "use day, week or month (D, W, M)")
    return FREQUENCIES[freq]


SERIES_COLUMNS = """count(*) AS events, sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean,
    count(*) FILTER (WHERE quad_class = 1) AS quad1, count(*) FILTER (WHERE quad_class = 2) AS quad2,
    count(*) FILTER (WHERE quad_class = 3) AS quad3, count(*) FILTER (WHERE quad_class = 4) AS quad4"""


def dyad_series(con: Any, source: str, target: str, freq: str, query: EventQuery | None = None) -> list[dict[str, Any]]:
    """Per period: event count, Goldstein sum and mean, counts by quad class, of source→target events.

    Only events with a day-precise date are counted; periods start on the 1st (month) or Monday (week).
    """
    unit = dated_period(freq)
    base = replace(query or EventQuery(), source=source, target=target, actor=None, doc_id=None, text=None)
    where, params = event_where(base)
    sql = f"""
        SELECT period, {SERIES_COLUMNS}
        FROM (SELECT CAST(date_trunc(?, TRY_CAST(date AS DATE)) AS DATE) AS period, goldstein, quad_class
              FROM events{where})
        WHERE period IS NOT NULL GROUP BY period ORDER BY period
    """
    return rows(con.execute(sql, [unit, *params]))


def dyad_series_both(
    con: Any, a: str, b: str, freq: str, query: EventQuery | None = None
) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """The series of a→b and b→a in one pass; a row with period None counts the events without a day-precise date."""
    unit = dated_period(freq)
    base = replace(query or EventQuery(), source=None, target=None, actor=None, doc_id=None, text=None)
    where, params = event_where(base)
    forward = "(source_country = ? OR source_code = ?) AND (target_country = ? OR target_code = ?)"
    pair = f"(({forward}) OR ({forward}))"
    where = (where + " AND " if where else " WHERE ") + pair
    sql = f"""
        SELECT forward, CAST(date_trunc(?, day) AS DATE) AS period, {SERIES_COLUMNS}
        FROM (
            SELECT TRY_CAST(date AS DATE) AS day, goldstein, quad_class,
                   (source_country = ? OR source_code = ?) AND (target_country = ? OR target_code = ?) AS forward
            FROM events{where}
        )
        GROUP BY forward, period ORDER BY forward, period NULLS LAST
    """
    found = rows(con.execute(sql, [unit, a, a, b, b, *params, a, a, b, b, b, b, a, a]))
    series: dict[tuple[str, str], list[dict[str, Any]]] = {(a, b): [], (b, a): []}
    for row in found:
        series[(a, b) if row.pop("forward") else (b, a)].append(row)
    return series


def dyad_events(con: Any, a: str, b: str, query: EventQuery, limit: int = 100) -> list[dict[str, Any]]:
    """The first events of a→b and b→a together, in the query's order."""
    base = replace(query, source=None, target=None, actor=None, per_page=limit, page=1)
    where, params = event_where(base)
    forward = "(source_country = ? OR source_code = ?) AND (target_country = ? OR target_code = ?)"
    where = (where + " AND " if where else " WHERE ") + f"(({forward}) OR ({forward}))"
    sql = "SELECT event_id FROM events" + where + order_by(base) + " LIMIT ?"
    ids = [row[0] for row in con.execute(sql, [*params, a, a, b, b, b, b, a, a, limit]).fetchall()]
    return events_by_ids(con, ids)


def network(con: Any, query: EventQuery, by_country: bool = True, max_edges: int = 120) -> list[dict[str, Any]]:
    """Directed actor pairs with their event count and mean Goldstein, the busiest first."""
    base = replace(query, source=None, target=None, page=1)
    where, params = event_where(base)
    if by_country:
        source, target = "coalesce(source_country, source_code)", "coalesce(target_country, target_code)"
    else:
        source, target = "source_code", "target_code"
    sql = f"""
        SELECT source, target, count(*) AS events, avg(goldstein) AS goldstein_mean
        FROM (SELECT {source} AS source, {target} AS target, goldstein FROM events{where})
        WHERE source IS NOT NULL AND target IS NOT NULL AND source <> target
        GROUP BY source, target ORDER BY events DESC, source, target LIMIT ?
    """
    return rows(con.execute(sql, [*params, max_edges]))
