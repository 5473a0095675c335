"""`tacitus code PATH...`: code articles into the store."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from tacitus.cli.common import ConfigOption, check_iso_date, err_console, report_errors, settings_from
from tacitus.errors import Errors, TacitusError
from tacitus.pipeline import code_paths


@report_errors
def command(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive) or globs: .txt .md .html .jsonl(.gz)."),
    db: Path | None = typer.Option(None, "--db", help="DuckDB file to write (default: tacitus.duckdb)."),
    date: str | None = typer.Option(None, "--date", help="Publication date YYYY-MM-DD for every article."),
    workers: int | None = typer.Option(
        None,
        "--workers",
        min=0,
        help="Worker processes (Ray actors with --engine ray). Default 0: automatic, a pool of one per core "
        "less one for runs of more than 200 articles.",
    ),
    engine: str | None = typer.Option(None, "--engine", help="local (default) or ray (pip install 'tacitus[ray]')."),
    address: str | None = typer.Option(None, "--address", help="Ray cluster address; default starts Ray here."),
    shards: Path | None = typer.Option(None, "--shards", help="Folder for Ray's shards (default: DB.shards)."),
    replace: bool = typer.Option(False, "--replace", help="Re-code documents already in the store."),
    actors: list[Path] | None = typer.Option(
        None, "--actors", help="Extra actor file (repeatable), added to the actors.extra_files setting."
    ),
    config: Path | None = ConfigOption,
) -> None:
    """Code news articles into events and store them. Stopped runs go on where they stopped when run again."""
    if engine is not None and engine not in ("local", "ray"):
        raise TacitusError(Errors.E224, engine=engine)
    settings = settings_from(
        config,
        workers=workers,
        db=str(db) if db else None,
        engine=engine,
        ray_address=address,
        shards=str(shards) if shards else None,
    )
    if actors:
        settings = settings.with_overrides(
            extra_actor_files=(*settings.extra_actor_files, *(str(path) for path in actors))
        )
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
        err_console.print(f"[yellow]skipped[/] {escape(problem.describe())}", markup=True, soft_wrap=True)
    Console().print(
        f"read {summary.articles_read} articles: {summary.documents_stored} coded, "
        f"{summary.documents_skipped} already stored ({summary.duplicates} exact duplicates of stored texts), "
        f"{summary.events} events, {len(summary.problems)} problems → {settings.db}",
        soft_wrap=True,
    )
    if summary.failed:
        raise TacitusError(Errors.E011, paths=" ".join(paths))
