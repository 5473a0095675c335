"""The `tacitus` command line: one module per command, each a thin layer over the library."""

from __future__ import annotations

import typer

from tacitus.cli import code, events, explain, show
from tacitus.cli import export as export_command
from tacitus.cli import load as load_command
from tacitus.cli import quotes as quotes_command
from tacitus.cli import serve as serve_command
from tacitus.cli import timex as timex_command
from tacitus.cli.actors import actors_app
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
app.command("explain")(explain.command)
app.command("quotes")(quotes_command.command)
app.command("load")(load_command.command)
app.command("serve")(serve_command.command)
app.command("export")(export_command.command)
app.command("timex")(timex_command.command)
app.add_typer(eval_app, name="eval")
app.add_typer(dict_app, name="dict")
app.add_typer(actors_app, name="actors")


def main() -> None:
    app()
