"""The DuckDB store: batches written atomically, idempotent by document id, queried with parameters."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from tacitus.actors.learned import learned_row
from tacitus.dedup.clusters import forget_documents, link_documents
from tacitus.errors import Errors, TacitusError
from tacitus.store.rows import document_row, event_record, event_row, quote_record, quote_row
from tacitus.store.schema import ADDED_COLUMNS, INDEXES, SCHEMA_VERSION, TABLES, VIEWS
from tacitus.types import CodedDocument, Sighting

CHILD_TABLES = ("events", "sentences", "quotes", "learned_actors")
DEFAULT_NEAR_DUPLICATE_THRESHOLD = 0.6

# The rows one document adds to each table, keyed by table name.
DocumentRows = dict[str, list[dict[str, Any]]]


def table_rows(coded: CodedDocument, model: str) -> DocumentRows:
    """Everything one coded document adds to the store, as rows per table."""
    return {
        "documents": [document_row(coded, model)],
        "sentences": [
            {"doc_id": s.doc_id, "sentence": s.index, "start_char": s.start, "end_char": s.end, "text": s.text}
            for s in coded.sentences
        ],
        "events": [event_row(e) for e in coded.events],
        "quotes": [quote_row(q) for q in coded.quotes],
        "learned_actors": [learned_row(item, coded.document.date) for item in coded.learned_actors],
    }


def sighting_row(sighting: Sighting) -> dict[str, Any]:
    return {
        "seen_id": sighting.seen_id,
        "origin": sighting.origin,
        "doc_id": sighting.doc_id,
        "url": sighting.url,
        "source": sighting.source,
        "title": sighting.title,
        "date": sighting.date,
    }


def _own_sighting(document: dict[str, Any]) -> dict[str, Any]:
    return {
        "seen_id": document["doc_id"],
        "origin": document["origin"],
        "doc_id": document["doc_id"],
        "url": document.get("url"),
        "source": document.get("source"),
        "title": document.get("title"),
        "date": document.get("date"),
    }


@dataclass(frozen=True)
class QuoteFilter:
    speaker: str | None = None
    actor: str | None = None
    doc_id: str | None = None
    kind: str | None = None
    limit: int | None = None


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None
    dyad: tuple[str, str] | None = None
    code: str | None = None
    since: str | None = None
    until: str | None = None
    doc_id: str | None = None
    include_all: bool = False
    limit: int | None = None
    near: tuple[float, float] | None = None
    radius_km: float = 50.0
    location_country: str | None = None


def _near_clause(lat: float, lon: float, radius_km: float) -> tuple[str, list[Any]]:
    """Events whose location lies within `radius_km` of a point (great-circle distance)."""
    event_lat = "TRY_CAST(json_extract_string(location, '$.lat') AS DOUBLE)"
    event_lon = "TRY_CAST(json_extract_string(location, '$.lon') AS DOUBLE)"
    distance = (
        f"2 * 6371.0088 * asin(sqrt(pow(sin(radians({event_lat} - ?) / 2), 2) + "
        f"cos(radians(?)) * cos(radians({event_lat})) * pow(sin(radians({event_lon} - ?) / 2), 2)))"
    )
    return f"({event_lat} IS NOT NULL AND {distance} <= ?)", [lat, lat, lon, radius_km]


def _actor_clause(prefix: str, value: str) -> tuple[str, list[Any]]:
    return f"({prefix}_country = ? OR {prefix}_code = ?)", [value, value]


def connect_quietly(path: Path, read_only: bool) -> Any:
    """A DuckDB connection that never draws its progress bar on the user's terminal."""
    con = duckdb.connect(str(path), read_only=read_only)
    con.execute("SET enable_progress_bar = false")
    return con


def _connect(path: Path, read_only: bool) -> Any:
    if str(path) != ":memory:":
        if not path.parent.exists():
            raise TacitusError(Errors.E020, folder=path.parent, path=path)
        if read_only and not path.exists():
            raise TacitusError(Errors.E023, path=path)
    try:
        return connect_quietly(path, read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise TacitusError(Errors.E021, path=path) from exc
        raise TacitusError(Errors.E022, path=path, reason=str(exc).splitlines()[0]) from exc
    except duckdb.Error as exc:
        raise TacitusError(Errors.E022, path=path, reason=str(exc).splitlines()[0]) from exc


class Store:
    """One open DuckDB database of coded documents."""

    def __init__(self, path: Path, read_only: bool = False, memory_limit: str | None = None) -> None:
        self.path = path
        self.read_only = read_only
        self.con = _connect(path, read_only)
        if memory_limit:
            self.con.execute(f"SET memory_limit = '{memory_limit.strip()}'")
        if not read_only:
            self._create()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def _create(self) -> None:
        for ddl in TABLES.values():
            self.con.execute(ddl)
        for table, column, kind in ADDED_COLUMNS:
            self.con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} {kind}")
        for ddl in (*INDEXES.values(), *VIEWS.values()):
            self.con.execute(ddl)
        self.con.execute(
            "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT (key) DO NOTHING", [str(SCHEMA_VERSION)]
        )

    def known(self, doc_ids: Iterable[str]) -> set[str]:
        ids = list(doc_ids)
        if not ids:
            return set()
        rows = self.con.execute("SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))", [ids]).fetchall()
        return {row[0] for row in rows}

    def canonical_ids(self, content_hashes: Iterable[str]) -> dict[str, str]:
        """For each clean-text hash already stored, the doc_id of the document that holds it."""
        hashes = list(content_hashes)
        if not hashes:
            return {}
        rows = self.con.execute(
            "SELECT content_hash, min(doc_id) FROM documents WHERE content_hash IN (SELECT unnest(?)) "
            "GROUP BY content_hash",
            [hashes],
        ).fetchall()
        return {row[0]: row[1] for row in rows}

    def _without_copies(self, documents: list[DocumentRows]) -> tuple[list[DocumentRows], list[dict[str, Any]]]:
        """Documents whose clean text is stored (or earlier in the batch) under another id become sightings."""
        owners = self.canonical_ids({rows["documents"][0]["content_hash"] for rows in documents})
        kept: list[DocumentRows] = []
        copies: list[dict[str, Any]] = []
        for rows in documents:
            document = rows["documents"][0]
            owner = owners.setdefault(document["content_hash"], document["doc_id"])
            if owner == document["doc_id"]:
                kept.append(rows)
            else:
                copies.append({**_own_sighting(document), "doc_id": owner})
        return kept, copies

    def write(
        self,
        batch: Sequence[CodedDocument],
        model: str,
        replace: bool = False,
        sightings: Sequence[Sighting] = (),
        near_threshold: float = DEFAULT_NEAR_DUPLICATE_THRESHOLD,
    ) -> int:
        """Store a batch in one transaction; documents already stored are skipped unless `replace`."""
        return self.write_rows(
            [table_rows(coded, model) for coded in batch], replace, [sighting_row(s) for s in sightings], near_threshold
        )

    def write_rows(
        self,
        documents: Sequence[DocumentRows],
        replace: bool = False,
        sightings: Sequence[dict[str, Any]] = (),
        near_threshold: float = DEFAULT_NEAR_DUPLICATE_THRESHOLD,
    ) -> int:
        """Store the rows of a batch of documents, their sightings and near-duplicate links in one transaction."""
        import pyarrow as pa

        if not documents and not sightings:
            return 0
        ids = [rows["documents"][0]["doc_id"] for rows in documents]
        self.con.execute("BEGIN TRANSACTION")
        try:
            if replace and ids:
                for table in (*CHILD_TABLES, "documents"):
                    self.con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))", [ids])
                forget_documents(self.con, ids)
                fresh = list(documents)
            else:
                stored = self.known(ids)
                unknown = [rows for rows in documents if rows["documents"][0]["doc_id"] not in stored]
                fresh, copies = self._without_copies(unknown)
                sightings = [*sightings, *copies]
            tables: dict[str, list[dict[str, Any]]] = {}
            for rows in fresh:
                for table, table_rows_ in rows.items():
                    tables.setdefault(table, []).extend(table_rows_)
            for table, rows_ in tables.items():
                if rows_:
                    arrow = pa.Table.from_pylist(rows_)
                    self.con.register("incoming", arrow)
                    self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming")
                    self.con.unregister("incoming")
            new_documents = [rows["documents"][0] for rows in fresh]
            seen = [_own_sighting(document) for document in new_documents] + list(sightings)
            if seen:
                self.con.register("incoming", pa.Table.from_pylist(seen))
                self.con.execute("INSERT OR IGNORE INTO document_sightings BY NAME SELECT DISTINCT * FROM incoming")
                self.con.unregister("incoming")
            link_documents(self.con, [(d["doc_id"], d["clean_text"]) for d in new_documents], near_threshold)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return len(fresh)

    def events(self, where: EventFilter) -> list[dict[str, Any]]:
        """Stored events as documented JSON records, in date and text order."""
        clauses: list[str] = []
        params: list[Any] = []
        if where.actor:
            source_sql, source_params = _actor_clause("source", where.actor)
            target_sql, target_params = _actor_clause("target", where.actor)
            clauses.append(f"({source_sql} OR {target_sql})")
            params += source_params + target_params
        if where.dyad:
            for prefix, value in zip(("source", "target"), where.dyad, strict=True):
                sql, values = _actor_clause(prefix, value)
                clauses.append(sql)
                params += values
        if where.code:
            clauses.append("starts_with(cameo, ?)")
            params.append(where.code)
        if where.since:
            clauses.append("coalesce(date_start, date) >= ?")
            params.append(where.since)
        if where.until:
            clauses.append("coalesce(date_start, date) <= ? || '~'")
            params.append(where.until)
        if where.doc_id:
            clauses.append("doc_id = ?")
            params.append(where.doc_id)
        if where.near:
            near_sql, near_params = _near_clause(*where.near, where.radius_km)
            clauses.append(near_sql)
            params += near_params
        if where.location_country:
            clauses.append("json_extract_string(location, '$.country') = ?")
            params.append(where.location_country)
        if not where.include_all:
            clauses.append("NOT negated AND modality = 'asserted'")
        order = "date NULLS LAST, doc_id, sentence, trigger_start, event_id"
        return [event_record(row) for row in self._select("events", clauses, params, order, where.limit)]

    def quotes(self, where: QuoteFilter) -> list[dict[str, Any]]:
        """Stored quotes as documented JSON records, in document and text order."""
        clauses: list[str] = []
        params: list[Any] = []
        if where.speaker:
            clauses.append("contains(lower(speaker_text), lower(?))")
            params.append(where.speaker)
        if where.actor:
            clauses.append("(speaker_country = ? OR speaker_code = ?)")
            params += [where.actor, where.actor]
        if where.doc_id:
            clauses.append("doc_id = ?")
            params.append(where.doc_id)
        if where.kind:
            clauses.append("kind = ?")
            params.append(where.kind)
        order = "doc_id, start_char, end_char, quote_id"
        return [quote_record(row) for row in self._select("quotes", clauses, params, order, where.limit)]

    def _select(
        self, table: str, clauses: list[str], params: list[Any], order: str, limit: int | None
    ) -> list[dict[str, Any]]:
        """Rows of one table as dicts; `clauses` hold only placeholders, values go in `params`."""
        sql = f"SELECT * FROM {table}"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += f" ORDER BY {order}"
        if limit:
            sql += " LIMIT ?"
            params = [*params, limit]
        cursor = self.con.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def event_row(self, event_id: str) -> dict[str, Any]:
        """One stored event as its database row (with the lexicon entry and actor KB entries)."""
        cursor = self.con.execute("SELECT * FROM events WHERE event_id = ?", [event_id])
        names = [d[0] for d in cursor.description]
        row = cursor.fetchone()
        if row is None:
            raise TacitusError(Errors.E182, event_id=event_id, path=self.path)
        return dict(zip(names, row, strict=True))

    def resolve_doc_id(self, prefix: str) -> str:
        rows = self.con.execute(
            "SELECT doc_id FROM documents WHERE starts_with(doc_id, ?) ORDER BY doc_id LIMIT 3", [prefix]
        ).fetchall()
        exact = [r[0] for r in rows if r[0] == prefix]
        if exact:
            return str(exact[0])
        if not rows:
            raise TacitusError(Errors.E060, doc_id=prefix, path=self.path)
        if len(rows) > 1:
            count = self.con.execute(
                "SELECT count(*) FROM documents WHERE starts_with(doc_id, ?)", [prefix]
            ).fetchone()[0]
            raise TacitusError(Errors.E061, doc_id=prefix, count=count, path=self.path)
        return str(rows[0][0])

    def document(self, doc_id: str) -> dict[str, Any]:
        cursor = self.con.execute("SELECT * FROM documents WHERE doc_id = ?", [doc_id])
        names = [d[0] for d in cursor.description]
        row = cursor.fetchone()
        if row is None:
            raise TacitusError(Errors.E060, doc_id=doc_id, path=self.path)
        return dict(zip(names, row, strict=True))

    def counts(self) -> dict[str, int]:
        return {
            table: int(self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in ("documents", "sentences", "events", "quotes")
        }


def open_store(path: str | Path, read_only: bool = False, memory_limit: str | None = None) -> Store:
    return Store(Path(path), read_only=read_only, memory_limit=memory_limit)
