"""`tacitus actors learned|add`: what documents taught about actors, and promoting it into a user actor file."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from tacitus.actors.learned import summarise_learned
from tacitus.actors.user_file import actor_entry, add_to_user_file
from tacitus.cli.common import ConfigOption, check_iso_date, report_errors, settings_from
from tacitus.errors import Errors, TacitusError
from tacitus.store import open_store

actors_app = typer.Typer(help="Actors documents taught, and the user actor file.", no_args_is_help=True)
DEFAULT_USER_FILE = "tacitus-actors.yaml"


@actors_app.command("learned")
@report_errors
def learned(
    db: Path | None = typer.Option(None, "--db", help="DuckDB file (default: tacitus.duckdb)."),
    name: str | None = typer.Option(None, "--name", help="Only this name (full name or surname)."),
    min_documents: int = typer.Option(1, "--min-docs", min=1, help="Only names taught by at least N documents."),
    fmt: str = typer.Option("table", "--format", help="table or jsonl."),
    config: Path | None = ConfigOption,
) -> None:
    """People documents named with title and nationality, with how many documents and one piece of evidence."""
    settings = settings_from(config, db=str(db) if db else None)
    with open_store(settings.db, read_only=True) as store:
        rows = summarise_learned(store.con, name, min_documents)
    if fmt == "jsonl":
        for row in rows:
            typer.echo(json.dumps(row.record(), ensure_ascii=False))
        return
    table = Table(title=f"{len(rows)} learned actors")
    for column in ("name", "code", "title", "docs", "dates", "evidence"):
        table.add_column(column)
    for row in rows:
        dates = f"{row.first_date or '?'}..{row.last_date or '?'}"
        table.add_row(row.name, row.code, row.title or "", str(row.documents), dates, row.evidence[:120])
    Console().print(table)


@actors_app.command("add")
@report_errors
def add(
    name: str = typer.Argument(..., help="The actor's name as written in the text."),
    country: str | None = typer.Option(None, "--country", help="ISO3 country code."),
    sector: str | None = typer.Option(None, "--sector", help="Sector code (see docs/actors.md)."),
    code: str | None = typer.Option(None, "--code", help="Organisation code, e.g. NGOXYZ."),
    alias: list[str] = typer.Option(None, "--alias", help="Another written form (repeatable)."),
    role: str | None = typer.Option(None, "--role", help="Office title, e.g. 'foreign minister' (makes a person)."),
    start: str | None = typer.Option(None, "--start", help="Office start YYYY-MM-DD."),
    end: str | None = typer.Option(None, "--end", help="Office end YYYY-MM-DD."),
    from_learned: bool = typer.Option(
        False, "--learned", help="Take country, sector and title from what documents taught."
    ),
    db: Path | None = typer.Option(None, "--db", help="DuckDB file read by --learned."),
    file: Path | None = typer.Option(None, "--file", help="User actor file (default: first [actors] extra file)."),
    config: Path | None = ConfigOption,
) -> None:
    """Add an actor to the user actor file, which overrides the built-in knowledge."""
    settings = settings_from(config, db=str(db) if db else None)
    target = file or Path(settings.extra_actor_files[0] if settings.extra_actor_files else DEFAULT_USER_FILE)
    person = False
    if from_learned:
        with open_store(settings.db, read_only=True) as store:
            found = summarise_learned(store.con, name)
        if not found:
            raise TacitusError(Errors.E164, name=name, path=settings.db)
        best = found[0]
        country, sector = country or best.country, sector or best.sector
        role = role or best.title
        person = True
    if country is None and code is None:
        raise TacitusError(Errors.E166, name=name)
    entry = actor_entry(
        name,
        country.upper() if country else None,
        sector.upper() if sector else None,
        code,
        list(alias or []),
        role,
        check_iso_date(start, "--start"),
        check_iso_date(end, "--end"),
        person,
    )
    replaced = add_to_user_file(target, entry)
    typer.echo(f"{'replaced' if replaced else 'added'} {name} in {target}")
    if str(target) not in settings.extra_actor_files:
        typer.echo(f"load it with `--actors {target}` or list it in [actors] extra_files")
