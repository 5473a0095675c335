"""`tacitus explain EVENT_ID`: why an event was coded."""

from __future__ import annotations

from pathlib import Path

import typer

from tacitus.cli.common import ConfigOption, ReadDbOption, report_errors, settings_from
from tacitus.events.explain import explain
from tacitus.events.lexicon import load_lexicon
from tacitus.parse import load_model
from tacitus.quotes.headlines import sentence_case
from tacitus.store import open_store


@report_errors
def command(
    event_id: str = typer.Argument(..., help="Event id (from `tacitus events --format jsonl`)."),
    db: Path | None = ReadDbOption,
    config: Path | None = ConfigOption,
) -> None:
    """Show the lexicon patterns (with file:line), trigger, parse paths and actor entries of an event."""
    settings = settings_from(config, db=str(db) if db else None)
    with open_store(settings.db, read_only=True) as store:
        row = store.event_row(event_id)
        document = store.document(row["doc_id"])
    lexicon = load_lexicon(settings.extra_lexicons)
    text = document["clean_text"]
    if row.get("headline"):
        text = sentence_case(document["title"] or "", lexicon.verbs, lexicon.nouns)
    explanation = explain(row, text, load_model(settings.model), lexicon)
    for line in explanation.lines():
        typer.echo(line)
