"""`tacitus export`: events in standard formats (GDELT 2.0, PLOVER JSON, Parquet, CSV, JSON lines)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from tacitus.cli.common import ConfigOption, report_errors, settings_from
from tacitus.export import export_database
from tacitus.web.queries import event_query


class ExportFormat(StrEnum):
    gdelt = "gdelt"
    plover = "plover"
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


@report_errors
def command(
    fmt: ExportFormat = typer.Option(..., "--format", help="gdelt, plover, parquet, csv or jsonl."),
    out: str = typer.Option(..., "--out", help="File to write; - writes to standard output (not for parquet)."),
    db: Path | None = typer.Option(None, "--db", help="DuckDB file to read (default: tacitus.duckdb)."),
    actor: str | None = typer.Option(None, "--actor", help="Source or target country (ISO3) or actor code."),
    dyad: tuple[str, str] | None = typer.Option(None, "--dyad", help="Source and target, e.g. --dyad USA TUR."),
    code: str | None = typer.Option(None, "--code", help="CAMEO code prefix, e.g. 12 or 125."),
    since: str | None = typer.Option(None, "--since", help="Events on or after YYYY-MM-DD."),
    until: str | None = typer.Option(None, "--until", help="Events on or before YYYY-MM-DD."),
    include_all: bool = typer.Option(
        False, "--all", help="Include negated, future, conditional, hypothetical and question events."
    ),
    config: Path | None = ConfigOption,
) -> None:
    """Export coded events (asserted ones unless --all) for other tools and warehouses."""
    settings = settings_from(config, db=str(db) if db else None)
    query = event_query(
        {
            "actor": actor,
            "dyad": list(dyad) if dyad else None,
            "code": code,
            "since": since,
            "until": until,
            "modality": "all" if include_all else "asserted",
        }
    )
    target = None if out == "-" else Path(out)
    count = export_database(Path(settings.db), fmt.value, target, query)
    if target is not None:
        Console(stderr=True, highlight=False).print(f"wrote {count} events as {fmt.value} to {target}")
