"""`tacitus serve`: the local web app over a database, read-only."""

from __future__ import annotations

from pathlib import Path

import typer

from tacitus.cli.common import ConfigOption, report_errors, settings_from
from tacitus.web.server import serve


@report_errors
def command(
    db: Path | None = typer.Option(None, "--db", help="DuckDB file to explore (default: tacitus.duckdb)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; only this machine by default."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    hold: float = typer.Option(
        1.0,
        "--hold",
        min=0,
        help="Seconds the database stays open after the last request (faster pages); "
        "0 opens it for each request so `tacitus code` can write at any moment.",
    ),
    config: Path | None = ConfigOption,
) -> None:
    """Explore coded events in a browser: events, dyads, the actor network, documents and quotes."""
    settings = settings_from(config, db=str(db) if db else None)
    serve(
        Path(settings.db),
        host,
        port,
        on_ready=lambda url: typer.echo(f"tacitus is serving {settings.db} at {url} (Ctrl+C stops)"),
        hold_seconds=hold,
    )
