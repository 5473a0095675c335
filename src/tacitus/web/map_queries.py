"""Read-only queries behind the map: event locations aggregated by place, in SQL."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from tacitus.web.queries import EventQuery, count_events, event_where, rows

MAX_PLACES = 1000


@dataclass(frozen=True)
class PlaceCounts:
    """The busiest places of a query (at most `limit`), how many places and located events there are in all,
    and how many events the query selects, located or not."""

    places: list[dict[str, Any]]
    total_places: int
    located_events: int
    events: int


def place_counts(con: Any, query: EventQuery, limit: int = MAX_PLACES) -> PlaceCounts:
    """Events per place (name, country, lat, lon, events, mean Goldstein), the busiest first.

    A place is a gazetteer point: events resolved to the same entry share its name and coordinates.
    Each location is parsed once: one JSON extraction for the four fields, materialized, since an inlined
    common table expression would extract again for every use of a field.
    """
    base = replace(query, page=1)
    where, params = event_where(base)
    where = (where + " AND " if where else " WHERE ") + "location IS NOT NULL"
    sql = f"""
        WITH located AS MATERIALIZED (
            SELECT json_extract_string(location, ['$.name', '$.country', '$.lat', '$.lon']) AS field, goldstein
            FROM events{where}
        ), places AS MATERIALIZED (
            SELECT field[1] AS name, field[2] AS country, TRY_CAST(field[3] AS DOUBLE) AS lat,
                   TRY_CAST(field[4] AS DOUBLE) AS lon, count(*) AS events, avg(goldstein) AS goldstein_mean
            FROM located WHERE field[3] IS NOT NULL AND field[4] IS NOT NULL
            GROUP BY ALL
        )
        SELECT *, count(*) OVER () AS total_places, sum(events) OVER () AS located_events
        FROM places WHERE lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180
        ORDER BY events DESC, name, country, lat, lon LIMIT ?
    """
    found = rows(con.execute(sql, [*params, limit]))
    total_places = int(found[0]["total_places"]) if found else 0
    located = int(found[0]["located_events"]) if found else 0
    for row in found:
        del row["total_places"], row["located_events"]
        row["events"] = int(row["events"])
    return PlaceCounts(found, total_places, located, count_events(con, base))


def database_stamp(db: Path) -> tuple[int, ...]:
    """Changes whenever the database (or its write-ahead log) is written."""
    stamp: list[int] = []
    for path in (db, db.with_name(db.name + ".wal")):
        try:
            found = path.stat()
            stamp += [found.st_mtime_ns, found.st_size]
        except OSError:
            stamp += [0, 0]
    return tuple(stamp)


CacheKey = tuple[EventQuery, tuple[int, ...]]


class PlaceCountCache:
    """The place counts of recent queries, keyed by the query and the database's stamp when it was read."""

    def __init__(self, size: int = 32) -> None:
        self.size = size
        self.found: OrderedDict[CacheKey, PlaceCounts] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: CacheKey) -> PlaceCounts | None:
        with self.lock:
            counts = self.found.get(key)
            if counts is not None:
                self.found.move_to_end(key)
            return counts

    def put(self, key: CacheKey, counts: PlaceCounts) -> None:
        with self.lock:
            self.found[key] = counts
            while len(self.found) > self.size:
                self.found.popitem(last=False)
