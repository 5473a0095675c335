"""`tacitus show DOC_ID`: a document's clean text with its events' evidence highlighted; the headline's
events and quotes are shown on the title."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.text import Text

from tacitus.cli.common import ConfigOption, ReadDbOption, report_errors, settings_from
from tacitus.export import event_table
from tacitus.quotes.export import quote_table
from tacitus.store import EventFilter, open_store
from tacitus.store.database import QuoteFilter
from tacitus.views import document_header, document_text


@report_errors
def command(
    doc_id: str = typer.Argument(..., help="Document id, or an unambiguous prefix of it."),
    db: Path | None = ReadDbOption,
    config: Path | None = ConfigOption,
) -> None:
    """Print a document with triggers, sources and targets highlighted, then its events."""
    settings = settings_from(config, db=str(db) if db else None)
    with open_store(settings.db, read_only=True) as store:
        full_id = store.resolve_doc_id(doc_id)
        document = store.document(full_id)
        events = store.events(EventFilter(doc_id=full_id, include_all=True))
        quotes = store.quotes(QuoteFilter(doc_id=full_id))
    body_events = [e for e in events if not e.get("headline")]
    title_events = [e for e in events if e.get("headline")]
    title_quotes = [q for q in quotes if q.get("headline")]
    console = Console()
    console.print(document_header(document, len(events)))
    console.print()
    if title_events or title_quotes:
        title = {"clean_text": document.get("title") or ""}
        console.print(Text("headline: ", style="bold") + document_text(title, title_events, title_quotes))
        console.print()
    console.print(document_text(document, body_events, [q for q in quotes if not q.get("headline")]))
    console.print()
    console.print(event_table(body_events))
    if title_events:
        console.print()
        console.print(event_table(title_events, title="headline events (offsets in the title)"))
    if quotes:
        console.print()
        console.print(quote_table(quotes, title=f"{len(quotes)} quotes"))
