"""Merged events: the mentions of one happening across documents, counted like GDELT.

`num_mentions` counts every article that carried a mention (an exact duplicate counts
again), `num_articles` the distinct articles, `num_sources` the distinct outlets (the
article's source, else its URL's host), `num_documents` the distinct stored texts and
`num_clusters` the distinct near-duplicate clusters. `event_ids` lists every mention, so
each keeps its evidence in the events table.
"""

from __future__ import annotations

from typing import Any

from tacitus.store import Store

COUNTS = ("num_mentions", "num_articles", "num_sources", "num_documents", "num_clusters")


def _actor(row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    if row[f"{prefix}_code"] is None and row[f"{prefix}_text"] is None:
        return None
    return {name: row[f"{prefix}_{name}"] for name in ("text", "country", "sector", "code")}


def merged_record(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "group_id": row["group_id"],
        "event_id": row["event_id"],
        "date": row["date"],
        "source": _actor(row, "source"),
        "target": _actor(row, "target"),
        "cameo": row["cameo"],
        "cameo_root": row["cameo_root"],
        "quad_class": row["quad_class"],
        "goldstein": row["goldstein"],
        "plover_type": row["plover_type"],
        "negated": row["negated"],
        "modality": row["modality"],
        **{name: int(row[name]) for name in COUNTS},
        "event_ids": list(row["event_ids"]),
    }


def merged_events(store: Store, include_all: bool = False, limit: int | None = None) -> list[dict[str, Any]]:
    """Merged events, most reported first within each date; asserted ones only unless `include_all`."""
    sql = "SELECT * FROM merged_events"
    if not include_all:
        sql += " WHERE NOT negated AND modality = 'asserted'"
    sql += " ORDER BY date NULLS LAST, num_mentions DESC, group_id"
    params: list[Any] = []
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    cursor = store.con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [merged_record(dict(zip(names, row, strict=True))) for row in cursor.fetchall()]
