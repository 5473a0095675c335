"""`tacitus events`: list stored events with filters."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from tacitus.cli.common import (
    ActorOption,
    CodeOption,
    ConfigOption,
    DyadOption,
    ReadDbOption,
    SinceOption,
    UntilOption,
    check_iso_date,
    report_errors,
    settings_from,
)
from tacitus.export import write_csv, write_jsonl, write_table
from tacitus.places.query import check_country, check_radius, parse_near
from tacitus.store import EventFilter, open_store


class EventFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


@report_errors
def command(
    db: Path | None = ReadDbOption,
    actor: str | None = ActorOption,
    dyad: tuple[str, str] | None = DyadOption,
    code: str | None = CodeOption,
    since: str | None = SinceOption,
    until: str | None = UntilOption,
    doc: str | None = typer.Option(None, "--doc", help="Only events of this document id."),
    include_all: bool = typer.Option(
        False, "--all", help="Include negated, future, conditional, hypothetical and question events."
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many events."),
    near: str | None = typer.Option(None, "--near", help="Events located near LAT,LON, e.g. --near 36.2,38.0."),
    radius: float | None = typer.Option(None, "--radius", help="Distance in km for --near (default 50)."),
    country: str | None = typer.Option(None, "--country", help="Events located in this country (ISO3)."),
    fmt: EventFormat = typer.Option(EventFormat.table, "--format", help="table, csv or jsonl."),
    config: Path | None = ConfigOption,
) -> None:
    """List coded events (asserted ones unless --all)."""
    settings = settings_from(config, db=str(db) if db else None)
    where = EventFilter(
        actor=actor.upper() if actor else None,
        dyad=(dyad[0].upper(), dyad[1].upper()) if dyad else None,
        code=code,
        since=check_iso_date(since, "--since"),
        until=check_iso_date(until, "--until"),
        doc_id=doc,
        include_all=include_all,
        limit=limit,
        near=parse_near(near) if near else None,
        radius_km=check_radius(radius, parse_near(near) if near else None) or 50.0,
        location_country=check_country(country),
    )
    with open_store(settings.db, read_only=True) as store:
        if where.doc_id:
            where = EventFilter(**{**where.__dict__, "doc_id": store.resolve_doc_id(where.doc_id)})
        records = store.events(where)
    if fmt is EventFormat.jsonl:
        write_jsonl(records, sys.stdout)
    elif fmt is EventFormat.csv:
        write_csv(records, sys.stdout)
    else:
        write_table(records, sys.stdout, title=f"{len(records)} events in {settings.db}")
