"""The DuckDB store: batches written atomically, idempotent by document id, queried with parameters."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from tacitus.errors import Errors, TacitusError
from tacitus.store.rows import document_row, event_record, event_row, quote_row
from tacitus.store.schema import SCHEMA_VERSION, TABLES
from tacitus.types import CodedDocument

CHILD_TABLES = ("events", "sentences", "quotes")


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


def _actor_clause(prefix: str, value: str) -> tuple[str, list[Any]]:
    return f"({prefix}_country = ? OR {prefix}_code = ?)", [value, value]


def _connect(path: Path, read_only: bool) -> Any:
    if str(path) != ":memory:":
        if not path.parent.exists():
            raise TacitusError(Errors.E020, folder=path.parent, path=path)
        if read_only and not path.exists():
            raise TacitusError(Errors.E023, path=path)
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise TacitusError(Errors.E021, path=path) from exc
        raise TacitusError(Errors.E022, path=path, reason=str(exc).splitlines()[0]) from exc
    except duckdb.Error as exc:
        raise TacitusError(Errors.E022, path=path, reason=str(exc).splitlines()[0]) from exc


class Store:
    """One open DuckDB database of coded documents."""

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self.con = _connect(path, read_only)
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
        self.con.execute(
            "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT (key) DO NOTHING", [str(SCHEMA_VERSION)]
        )

    def known(self, doc_ids: Iterable[str]) -> set[str]:
        ids = list(doc_ids)
        if not ids:
            return set()
        rows = self.con.execute("SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))", [ids]).fetchall()
        return {row[0] for row in rows}

    def write(self, batch: Sequence[CodedDocument], model: str, replace: bool = False) -> int:
        """Store a batch in one transaction; documents already stored are skipped unless `replace`."""
        import pyarrow as pa

        if not batch:
            return 0
        ids = [coded.document.doc_id for coded in batch]
        self.con.execute("BEGIN TRANSACTION")
        try:
            if replace:
                for table in (*CHILD_TABLES, "documents"):
                    self.con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))", [ids])
                fresh = list(batch)
            else:
                stored = self.known(ids)
                fresh = [coded for coded in batch if coded.document.doc_id not in stored]
            tables = {
                "documents": [document_row(coded, model) for coded in fresh],
                "sentences": [
                    {"doc_id": s.doc_id, "sentence": s.index, "start_char": s.start, "end_char": s.end, "text": s.text}
                    for coded in fresh
                    for s in coded.sentences
                ],
                "events": [event_row(e) for coded in fresh for e in coded.events],
                "quotes": [quote_row(q) for coded in fresh for q in coded.quotes],
            }
            for table, rows in tables.items():
                if rows:
                    arrow = pa.Table.from_pylist(rows)
                    self.con.register("incoming", arrow)
                    self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming")
                    self.con.unregister("incoming")
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
            clauses.append("date >= ?")
            params.append(where.since)
        if where.until:
            clauses.append("date <= ? || '~'")
            params.append(where.until)
        if where.doc_id:
            clauses.append("doc_id = ?")
            params.append(where.doc_id)
        if not where.include_all:
            clauses.append("NOT negated AND modality = 'asserted'")
        sql = "SELECT * FROM events"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY date NULLS LAST, doc_id, sentence, trigger_start, event_id"
        if where.limit:
            sql += " LIMIT ?"
            params.append(where.limit)
        cursor = self.con.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [event_record(dict(zip(names, row, strict=True))) for row in cursor.fetchall()]

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


def open_store(path: str | Path, read_only: bool = False) -> Store:
    return Store(Path(path), read_only=read_only)
