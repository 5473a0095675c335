"""`tacitus dict …`: import and check knowledge files. Each command is a module registered here."""

from __future__ import annotations

import typer

dict_app = typer.Typer(help="Import and check lexicon and actor dictionaries.", no_args_is_help=True)
import_app = typer.Typer(help="Convert dictionaries of other coders into tacitus files.", no_args_is_help=True)
dict_app.add_typer(import_app, name="import")
