"""`tacitus dict …`: import and check knowledge files. Each command is a module registered here."""

from __future__ import annotations

import typer

dict_app = typer.Typer(help="Import and check lexicon and actor dictionaries.", no_args_is_help=True)
import_app = typer.Typer(help="Convert dictionaries of other coders into tacitus files.", no_args_is_help=True)
dict_app.add_typer(import_app, name="import")

from tacitus.cli import dict_check, dict_petrarch  # noqa: E402

dict_app.command("check")(dict_check.command)
import_app.command("petrarch-verbs")(dict_petrarch.command)

from tacitus.cli import dict_phoenix  # noqa: E402

import_app.command("phoenix")(dict_phoenix.command)
