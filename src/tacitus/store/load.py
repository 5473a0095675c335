"""`tacitus load SHARDS`: output shards of a Ray run into the store, a batch per transaction."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tacitus.errors import Errors, TacitusError
from tacitus.store.database import DEFAULT_NEAR_DUPLICATE_THRESHOLD, DocumentRows, Store

TIMESTAMP_COLUMNS = {"documents": ("coded_at",)}


@dataclass
class LoadSummary:
    shards: int = 0
    documents_read: int = 0
    documents_stored: int = 0
    events: int = 0


def shard_files(folder: Path) -> list[Path]:
    if folder.is_file() and folder.suffix == ".parquet":
        return [folder]
    files = sorted(folder.rglob("*.parquet")) if folder.is_dir() else []
    if not files:
        raise TacitusError(Errors.E222, path=folder)
    return files


def _decoded(path: Path, payload: str) -> DocumentRows:
    try:
        rows = json.loads(payload)
        documents = rows["documents"]
        if not isinstance(documents, list) or len(documents) != 1 or "doc_id" not in documents[0]:
            raise ValueError("a row must hold exactly one document")
    except (ValueError, KeyError, TypeError) as exc:
        raise TacitusError(Errors.E223, path=path, reason=str(exc)) from exc
    for table, columns in TIMESTAMP_COLUMNS.items():
        for row in rows.get(table, []):
            for column in columns:
                if isinstance(row.get(column), str):
                    row[column] = datetime.fromisoformat(row[column])
    return dict(rows)


def read_shard(path: Path, batch_size: int) -> Iterator[list[DocumentRows]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        handle = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        raise TacitusError(Errors.E223, path=path, reason=str(exc).splitlines()[0]) from exc
    missing = [c for c in ("doc_id", "rows") if c not in handle.schema_arrow.names]
    if missing:
        raise TacitusError(Errors.E223, path=path, reason=f"no column {', '.join(missing)}")
    for batch in handle.iter_batches(batch_size=batch_size, columns=["rows"]):
        yield [_decoded(path, payload) for payload in batch.column(0).to_pylist()]


def load_shards(
    folder: Path,
    store: Store,
    batch_size: int = 64,
    replace: bool = False,
    near_threshold: float = DEFAULT_NEAR_DUPLICATE_THRESHOLD,
    on_progress: Callable[[int], None] | None = None,
) -> LoadSummary:
    """Load every output shard under `folder`; documents already stored are skipped unless `replace`."""
    summary = LoadSummary()
    for path in shard_files(folder):
        summary.shards += 1
        for documents in read_shard(path, batch_size):
            summary.documents_read += len(documents)
            ids = [d["documents"][0]["doc_id"] for d in documents]
            before = set() if replace else store.known(ids)
            summary.documents_stored += store.write_rows(documents, replace=replace, near_threshold=near_threshold)
            added = store.known(ids) - before
            summary.events += sum(len(d.get("events", [])) for d in documents if d["documents"][0]["doc_id"] in added)
            if on_progress is not None:
                on_progress(len(documents))
    return summary
