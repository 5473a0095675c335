"""The `tacitus` command line: one module per command, each a thin layer over the library."""

from __future__ import annotations

import typer

from tacitus.cli import code, events, show
from tacitus.cli.dictionary import dict_app
from tacitus.cli.evaluate import eval_app

app = typer.Typer(
    name="tacitus",
    help="Political event data from news reports: who did what to whom, when, with the evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("code")(code.command)
app.command("events")(events.command)
app.command("show")(show.command)
app.add_typer(eval_app, name="eval")
app.add_typer(dict_app, name="dict")


def main() -> None:
    app()
