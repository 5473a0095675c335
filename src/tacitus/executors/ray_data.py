"""Ray Data executor: input shards in, Parquet output shards out, loaded into the store.

The driver (this process) reads, cleans and deduplicates as for the local executors and
writes each batch of new documents as one Parquet input shard. Ray Data reads the input
shards, codes them with one DocumentCoder per actor (the models load once per actor) and
writes output shards: one row per document, holding the rows it adds to each store table
(JSON). Those are then loaded into DuckDB in batches, each in one transaction — the same
step as `tacitus load SHARDS`, which also takes shards written by a run on a cluster.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tacitus.config import Settings
from tacitus.errors import Errors, TacitusError
from tacitus.executors.local import release_memory, usable_cpus
from tacitus.store.database import table_rows
from tacitus.types import Document

if TYPE_CHECKING:
    import pyarrow as pa

    from tacitus.pipeline import Committer, DocumentCoder

SHARD_COLUMNS = ("doc_id", "rows")
LOCAL_OBJECT_STORE_BYTES = 512 * 1024 * 1024


def shards_folder(settings: Settings) -> Path:
    return Path(settings.shards) if settings.shards else Path(f"{settings.db}.shards")


def _clear(folder: Path) -> None:
    if folder.is_dir():
        shutil.rmtree(folder)


def write_input_shards(batches: Iterator[list[Document]], folder: Path) -> int:
    """One Parquet shard per batch; returns the number of documents written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for number, batch in enumerate(batches):
        table = pa.Table.from_pylist([dataclasses.asdict(d) for d in batch])
        pq.write_table(table, folder / f"part-{number:06d}.parquet")
        written += len(batch)
    return written


class RayDocumentCoder:
    """A Ray Data actor: loads the models once, then maps input shard batches to output rows."""

    def __init__(self, settings: Settings) -> None:
        from tacitus.pipeline import DocumentCoder

        self.settings = settings
        self.coder: DocumentCoder = DocumentCoder(settings)
        self.coder.setup()

    def __call__(self, batch: pa.Table) -> pa.Table:
        import pyarrow as pa

        documents = [Document(**row) for row in batch.to_pylist()]
        coded = self.coder.process_batch(documents)
        release_memory()
        return pa.table(
            {
                "doc_id": [c.document.doc_id for c in coded],
                "rows": [json.dumps(table_rows(c, self.settings.model), default=str) for c in coded],
            }
        )


def _import_ray() -> Any:
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise TacitusError(Errors.E220) from exc
    return ray


def _start_ray(settings: Settings, workers: int) -> Any:
    ray = _import_ray()
    where = f" at {settings.ray_address}" if settings.ray_address else ""
    try:
        if settings.ray_address:
            ray.init(address=settings.ray_address, log_to_driver=False, logging_level=logging.WARNING)
        else:
            # One logical CPU more than the actors use, for Ray Data's read and write tasks.
            ray.init(
                num_cpus=workers + 1,
                include_dashboard=False,
                log_to_driver=False,
                logging_level=logging.WARNING,
                object_store_memory=LOCAL_OBJECT_STORE_BYTES,
            )
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        logging.getLogger("ray.data").setLevel(logging.WARNING)
    except Exception as exc:
        raise TacitusError(Errors.E221, where=where, reason=str(exc).splitlines()[0] if str(exc) else exc) from exc
    return ray


def ray_workers(settings: Settings) -> int:
    if settings.workers >= 1:
        return settings.workers
    return max(1, usable_cpus() - 1)


def code_with_ray(batches: Iterator[list[Document]], settings: Settings, commit: Committer) -> int:
    """Code the batches on Ray Data and load the output shards; returns the number of actors."""
    from tacitus.store.load import load_shards

    _import_ray()
    folder = shards_folder(settings)
    inputs, outputs = folder / "input", folder / "output"
    _clear(inputs)
    _clear(outputs)
    if not write_input_shards(batches, inputs):
        return 0
    workers = ray_workers(settings)
    ray = _start_ray(settings, workers)
    try:
        if settings.ray_address:
            workers = settings.workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        dataset = ray.data.read_parquet(str(inputs))
        coded = dataset.map_batches(
            RayDocumentCoder,
            fn_constructor_kwargs={"settings": settings},
            batch_size=settings.code_batch_size,
            batch_format="pyarrow",
            compute=ray.data.ActorPoolStrategy(size=workers),
            num_cpus=1,
        )
        coded.write_parquet(str(outputs))
    except TacitusError:
        raise
    except Exception as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise TacitusError(Errors.E227, reason=reason, path=outputs) from exc
    finally:
        ray.shutdown()
    loaded = load_shards(
        outputs,
        commit.store,
        batch_size=settings.code_batch_size,
        replace=commit.replace,
        near_threshold=settings.near_duplicate_threshold,
        on_progress=commit.on_progress,
    )
    commit.summary.documents_stored += loaded.documents_stored
    commit.summary.events += loaded.events
    # Everything handed to Ray is now stored (or was a copy of a stored text).
    commit.intake.in_flight_ids.clear()
    commit.intake.in_flight_hashes.clear()
    ready = commit.intake.committed([])
    if ready:
        commit.store.write([], settings.model, sightings=ready)
    _clear(inputs)
    _clear(outputs)
    if not settings.shards and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
    return workers
