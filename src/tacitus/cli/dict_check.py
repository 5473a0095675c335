"""`tacitus dict check [FILE...]`: lint lexicon and actor files (and the configured extra files)."""

from __future__ import annotations

from pathlib import Path

import typer

from tacitus.cli.common import ConfigOption, err_console, report_errors, settings_from
from tacitus.errors import Errors, TacitusError
from tacitus.events.lint import check_files


@report_errors
def command(
    files: list[Path] = typer.Argument(None, help="Lexicon or actor YAML files; default: the configured extra files."),
    config: Path | None = ConfigOption,
) -> None:
    """Check every file as the pipeline would load it; problems are listed with file and line."""
    settings = settings_from(config)
    paths: list[str | Path] = list(files or []) or [*settings.extra_lexicons, *settings.extra_actor_files]
    results = check_files(paths)
    problems = 0
    for result in results:
        if result.problem is None:
            typer.echo(f"ok   {result.path} ({result.kind}, {result.entries} entries)")
        else:
            problems += 1
            err_console.print(f"FAIL {result.problem}", markup=False, highlight=False)
    if problems:
        raise TacitusError(Errors.E186, count=problems)
