"""`tacitus eval …`: scores against gold data. Each measure is a command module registered here."""

from __future__ import annotations

import typer

eval_app = typer.Typer(help="Measure tacitus against gold data.", no_args_is_help=True)
