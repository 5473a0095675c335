"""`tacitus load SHARDS`: bring the output shards of a Ray run into the database."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from tacitus.cli.common import ConfigOption, report_errors, settings_from
from tacitus.store import open_store
from tacitus.store.load import load_shards


@report_errors
def command(
    shards: Path = typer.Argument(..., help="Folder of output shards (the 'output' folder of a Ray run)."),
    db: Path | None = typer.Option(None, "--db", help="DuckDB file to write (default: tacitus.duckdb)."),
    replace: bool = typer.Option(False, "--replace", help="Overwrite documents already in the store."),
    config: Path | None = ConfigOption,
) -> None:
    """Load Parquet output shards into the database, a batch per transaction; loading twice adds nothing."""
    settings = settings_from(config, db=str(db) if db else None)
    with open_store(settings.db) as store:
        summary = load_shards(
            shards,
            store,
            batch_size=settings.code_batch_size,
            replace=replace,
            near_threshold=settings.near_duplicate_threshold,
        )
    Console().print(
        f"loaded {summary.shards} shards: {summary.documents_read} documents, {summary.documents_stored} new, "
        f"{summary.events} events → {settings.db}",
        soft_wrap=True,
    )
