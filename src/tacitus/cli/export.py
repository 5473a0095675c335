"""`tacitus export`: events in standard formats (GDELT 2.0, PLOVER JSON, Parquet, CSV, JSON lines)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from tacitus.cli.common import (
    ActorOption,
    CodeOption,
    ConfigOption,
    DyadOption,
    ReadDbOption,
    SinceOption,
    UntilOption,
    report_errors,
    settings_from,
)
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
    db: Path | None = ReadDbOption,
    actor: str | None = ActorOption,
    dyad: tuple[str, str] | None = DyadOption,
    code: str | None = CodeOption,
    since: str | None = SinceOption,
    until: str | None = UntilOption,
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
