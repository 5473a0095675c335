"""`tacitus eval …`: scores against gold data. Each measure is a command module registered here."""

from __future__ import annotations

import typer

eval_app = typer.Typer(help="Measure tacitus against gold data.", no_args_is_help=True)

from tacitus.cli import eval_events  # noqa: E402

eval_app.command("events")(eval_events.command)

from tacitus.cli import eval_places  # noqa: E402

eval_app.command("places")(eval_places.command)

from tacitus.cli import eval_quotes  # noqa: E402

eval_app.command("quotes")(eval_quotes.command)

from tacitus.cli import eval_dates  # noqa: E402

eval_app.command("dates")(eval_dates.command)

from tacitus.cli import eval_actors  # noqa: E402

eval_app.command("actors")(eval_actors.command)
