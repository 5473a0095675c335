"""The Python API: a coded database as pandas DataFrames.

import tacitus
db = tacitus.open("tacitus.duckdb")
db.events(dyad=("USA", "TUR"), since="2019-01-01")
db.dyad_series("USA", "TUR", freq="W")
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from tacitus.errors import Errors, TacitusError
from tacitus.web import queries, quote_queries

SERIES_COLUMNS = ["events", "goldstein_sum", "goldstein_mean", "quad1", "quad2", "quad3", "quad4"]
PANDAS_FREQ = {"day": "D", "week": "W-MON", "month": "MS"}


class EventDatabase:
    """A tacitus database, read-only; each call opens and closes the file, so coding can go on beside it."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise TacitusError(Errors.E023, path=self.path)

    def __repr__(self) -> str:
        return f"EventDatabase({str(self.path)!r})"

    def events(self, limit: int | None = None, **filters: Any) -> pd.DataFrame:
        """Events as a DataFrame, one row per event, columns as stored (see docs/formats.md).

        Filters: actor, source, target, dyad=(source, target), code (CAMEO code or root prefix),
        quad_class, since, until (YYYY-MM-DD), modality (asserted by default; all, negated, future,
        conditional, hypothetical, question), text (words in the sentence), doc_id, sort.
        """
        for name in ("page", "per_page"):
            if name in filters:
                raise TacitusError(Errors.E141, name=name, allowed="limit and the filters listed in help(events)")
        query = queries.event_query(filters, strict=True)
        with queries.read_only(self.path) as con:
            cursor = queries.all_events(con, query, limit)
            frame = cursor.fetch_df()
        return _clean(frame)

    def quotes(self, limit: int | None = None, **filters: Any) -> pd.DataFrame:
        """Quotes as a DataFrame. Filters: speaker (as written), actor (speaker's code), text, doc_id."""
        for name in ("page", "per_page"):
            if name in filters:
                raise TacitusError(Errors.E141, name=name, allowed="limit, speaker, actor, text, doc_id")
        query = quote_queries.quote_query(filters, strict=True)
        with queries.read_only(self.path) as con:
            found = quote_queries.quotes(con, replace(query, per_page=limit or 1), paged=limit is not None)
            columns = sorted(queries.table_columns(con, "quotes"), key=_quote_column_order)
        return pd.DataFrame(found, columns=columns if not found else None)

    def dyad_series(self, source: str, target: str, freq: str = "W", fill: bool = True, **filters: Any) -> pd.DataFrame:
        """Events from `source` to `target` per day ("D"), week ("W", from Monday) or month ("M").

        Columns: events, goldstein_sum, goldstein_mean, quad1..quad4 (event counts by quad class);
        the index is the first day of each period. With `fill`, periods without events appear with 0.
        Only events with a day-precise date are counted. Filters as in `events` (since, until, code, modality).
        """
        unit = queries.dated_period(freq)
        a = queries.actor_code("source", source)
        b = queries.actor_code("target", target)
        if a is None or b is None:
            raise TacitusError(Errors.E140, name="dyad", value=f"{source} {target}", reason="give two actors")
        query = queries.event_query(filters, strict=True)
        with queries.read_only(self.path) as con:
            found = queries.dyad_series(con, a, b, unit, query)
        frame = pd.DataFrame(found, columns=["period", *SERIES_COLUMNS])
        frame["period"] = pd.to_datetime(frame["period"])
        frame = frame.set_index("period")
        if fill and len(frame):
            full = pd.date_range(frame.index.min(), frame.index.max(), freq=PANDAS_FREQ[unit], name="period")
            frame = frame.reindex(full)
            counts = [c for c in SERIES_COLUMNS if c != "goldstein_mean"]
            frame[counts] = frame[counts].fillna(0)
        for column in ("events", "quad1", "quad2", "quad3", "quad4"):
            frame[column] = frame[column].astype("int64")
        frame["goldstein_sum"] = frame["goldstein_sum"].astype("float64")
        frame["goldstein_mean"] = frame["goldstein_mean"].astype("float64")
        return frame

    def counts(self) -> dict[str, int]:
        with queries.read_only(self.path) as con:
            return {
                table: int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                for table in ("documents", "events", "quotes")
            }


def _quote_column_order(name: str) -> tuple[int, str]:
    first = ["quote_id", "doc_id", "speaker_text", "speaker_code", "text", "kind", "start_char", "end_char"]
    return (first.index(name), name) if name in first else (len(first), name)


def _clean(frame: pd.DataFrame) -> pd.DataFrame:
    for column in ("quad_class", "sentence"):
        if column in frame and frame[column].notna().all():
            frame[column] = frame[column].astype("int64")
    return frame.reset_index(drop=True)


def open(path: str | Path) -> EventDatabase:
    """Open a tacitus database for reading."""
    return EventDatabase(path)
