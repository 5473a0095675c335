"""What the commands share: settings from flags, one-line errors, output helpers."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from tacitus.config import Settings, load_settings
from tacitus.errors import Errors, TacitusError
from tacitus.ingest.dates import ISO_DATE

F = TypeVar("F", bound=Callable[..., Any])

err_console = Console(stderr=True, highlight=False)


def report_errors(function: F) -> F:
    """Print a TacitusError as one line on stderr and exit 2, never a traceback."""

    @wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except TacitusError as exc:
            err_console.print(f"[bold red]error[/]: {escape(str(exc))}", markup=True)
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            err_console.print("interrupted; every batch committed before this point is stored")
            raise typer.Exit(130) from None
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(0) from None

    return wrapper  # type: ignore[return-value]


def settings_from(config: Path | None, **overrides: Any) -> Settings:
    return load_settings(config).with_overrides(**overrides)


def check_iso_date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    match = ISO_DATE.fullmatch(value.strip())
    if match is None:
        raise TacitusError(Errors.E050, value=value, option=option)
    return value.strip()


ConfigOption = typer.Option(None, "--config", help="Settings file (TOML) overriding the defaults.")
ReadDbOption = typer.Option(None, "--db", help="DuckDB file to read (default: tacitus.duckdb).")
ActorOption = typer.Option(None, "--actor", help="Source or target country (ISO3) or actor code.")
DyadOption = typer.Option(None, "--dyad", help="Source and target, e.g. --dyad USA TUR.")
CodeOption = typer.Option(None, "--code", help="CAMEO code prefix, e.g. 12 or 125.")
SinceOption = typer.Option(None, "--since", help="Events on or after YYYY-MM-DD.")
UntilOption = typer.Option(None, "--until", help="Events on or before YYYY-MM-DD.")
