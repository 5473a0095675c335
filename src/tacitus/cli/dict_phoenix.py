"""`tacitus dict import phoenix DIR --out FILE`: Phoenix/PETRARCH dictionaries → a tacitus actor file."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from tacitus.actors.knowledge import load_knowledge
from tacitus.actors.phoenix import import_phoenix, write_actor_file
from tacitus.cli.common import report_errors

HEADER = (
    "# tacitus actor file imported from Phoenix/PETRARCH dictionaries in {folder}.\n"
    "# Load it with `--actors FILE` or [actors] extra_files. Built-in names were left out.\n"
)


@report_errors
def command(
    folder: Path = typer.Argument(..., help="Folder holding Phoenix.*.actors.txt and Phoenix.agents.txt."),
    out: Path = typer.Option(..., "--out", help="tacitus actor file (YAML) to write."),
    as_json: bool = typer.Option(False, "--json", help="Print the import report as JSON."),
) -> None:
    """Convert actor, international and agent dictionaries (with their date restrictions)."""
    knowledge = load_knowledge()
    entries, report = import_phoenix(folder, knowledge)
    write_actor_file(entries, out, HEADER.format(folder=folder.name))
    summary = report.summary()
    if as_json:
        typer.echo(json.dumps(summary))
        return
    typer.echo(f"read {sum(report.records.values())} records from {len(report.records)} files")
    typer.echo(
        f"imported {report.actors} actors, {report.people} people with dated roles, {report.nouns} agent nouns → {out}"
    )
    typer.echo(f"{report.already_known} names or nouns left out as already built in")
    typer.echo(f"refused {sum(report.refused.values())}:")
    for reason, count in report.refused.most_common():
        typer.echo(f"  {count:6d}  {reason}")
