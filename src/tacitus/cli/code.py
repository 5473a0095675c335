"""`tacitus code PATH...`: code articles into the store."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from tacitus.cli.common import ConfigOption, check_iso_date, err_console, report_errors, settings_from
from tacitus.errors import Errors, TacitusError
from tacitus.pipeline import code_paths


@report_errors
def command(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive) or globs: .txt .md .html .jsonl(.gz)."),
    db: Path | None = typer.Option(None, "--db", help="DuckDB file to write (default: tacitus.duckdb)."),
    date: str | None = typer.Option(None, "--date", help="Publication date YYYY-MM-DD for every article."),
    workers: int | None = typer.Option(None, "--workers", min=1, help="Worker processes (default 1)."),
    replace: bool = typer.Option(False, "--replace", help="Re-code documents already in the store."),
    config: Path | None = ConfigOption,
) -> None:
    """Code news articles into events and store them."""
    settings = settings_from(config, workers=workers, db=str(db) if db else None)
    override = check_iso_date(date, "--date")
    console = Console(stderr=True)
    with Progress(
        TextColumn("coding"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("documents"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("code", total=None)
        summary = code_paths(
            paths,
            settings,
            date_override=override,
            replace=replace,
            on_progress=lambda n: progress.advance(task, n),
        )
    for problem in summary.problems:
        err_console.print(f"[yellow]skipped[/] {problem.describe()}", markup=True, soft_wrap=True)
    Console().print(
        f"read {summary.articles_read} articles: {summary.documents_stored} coded, "
        f"{summary.documents_skipped} already stored, {summary.events} events, "
        f"{len(summary.problems)} problems → {settings.db}",
        soft_wrap=True,
    )
    if summary.failed:
        raise TacitusError(Errors.E011, paths=" ".join(paths))
