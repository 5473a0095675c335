"""`tacitus quotes`: list stored quotes with their speakers and cues."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from tacitus.cli.common import ConfigOption, ReadDbOption, report_errors, settings_from
from tacitus.export import write_jsonl
from tacitus.quotes.export import quote_table, write_quotes_csv
from tacitus.store import open_store
from tacitus.store.database import QuoteFilter


class QuoteFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


class QuoteKind(StrEnum):
    direct = "direct"
    mixed = "mixed"
    indirect = "indirect"


@report_errors
def command(
    db: Path | None = ReadDbOption,
    speaker: str | None = typer.Option(None, "--speaker", help="Speakers whose name contains this (any case)."),
    actor: str | None = typer.Option(None, "--actor", help="Speaker country (ISO3) or actor code."),
    doc: str | None = typer.Option(None, "--doc", help="Only quotes of this document id."),
    kind: QuoteKind | None = typer.Option(None, "--kind", help="direct, mixed or indirect."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many quotes."),
    fmt: QuoteFormat = typer.Option(QuoteFormat.table, "--format", help="table, csv or jsonl."),
    config: Path | None = ConfigOption,
) -> None:
    """List quotes: who said what, with the cue that introduced it."""
    settings = settings_from(config, db=str(db) if db else None)
    with open_store(settings.db, read_only=True) as store:
        doc_id = store.resolve_doc_id(doc) if doc else None
        where = QuoteFilter(
            speaker=speaker,
            actor=actor.upper() if actor else None,
            doc_id=doc_id,
            kind=kind.value if kind else None,
            limit=limit,
        )
        records = store.quotes(where)
    if fmt is QuoteFormat.jsonl:
        write_jsonl(records, sys.stdout)
    elif fmt is QuoteFormat.csv:
        write_quotes_csv(records, sys.stdout)
    else:
        Console(width=200).print(quote_table(records, title=f"{len(records)} quotes in {settings.db}"))
