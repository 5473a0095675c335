"""Read-only queries for `tacitus export`: events joined with their documents, merged where the store merges them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tacitus.web.queries import EventQuery, event_where, order_by, table_columns

EXPORT_SQL = """
    SELECT * FROM (
        SELECT e.*, d.date AS doc_date, d.url AS doc_url, d.origin AS doc_origin,
               d.source AS doc_source, d.coded_at AS doc_coded_at
        FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id
    )
"""


def export_cursor(con: Any, query: EventQuery) -> Any:
    """A cursor over the selected events, each with its document's date, url, origin, source and coding time."""
    where, params = event_where(query)
    return con.execute(EXPORT_SQL + where + order_by(query, "event_id"), params)


MERGE_COLUMNS = {"group_id", "event_id", "num_mentions", "num_sources", "num_articles"}


def has_merged_events(con: Any) -> bool:
    """Whether the database groups mentions of one event reported by several documents."""
    merged, groups = table_columns(con, "merged_events"), table_columns(con, "event_groups")
    return merged >= MERGE_COLUMNS and groups >= {"group_id", "event_id"}


def merged_export_cursor(con: Any, query: EventQuery) -> Any:
    """One row per merged event (its first mention), with the mention, source and article counts of the group."""
    where, params = event_where(query)
    sql = f"""
        SELECT * FROM (
            SELECT x.*, m.num_mentions, m.num_sources, m.num_articles
            FROM ({EXPORT_SQL}) AS x
            JOIN event_groups AS g ON g.event_id = x.event_id
            JOIN merged_events AS m ON m.group_id = g.group_id AND m.event_id = x.event_id
        )
    """
    return con.execute(sql + where + order_by(query, "event_id"), params)


def export_relation(con: Any, query: EventQuery) -> Any:
    """The same rows as `export_cursor`, as a relation (streams to Arrow without a copy)."""
    where, params = event_where(query)
    return con.sql(EXPORT_SQL + where + order_by(query, "event_id"), params=params)


def iter_rows(cursor: Any, batch: int = 10_000) -> Iterator[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    while chunk := cursor.fetchmany(batch):
        for row in chunk:
            yield dict(zip(names, row, strict=True))
