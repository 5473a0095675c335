"""`tacitus eval places GOLD.jsonl`: event locations against gold locations."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from tacitus.cli.common import ConfigOption, report_errors, settings_from
from tacitus.evaluation.places import PlacesScore, evaluate_places
from tacitus.pipeline import DocumentCoder
from tacitus.places import PlaceResolver


def report(score: PlacesScore, show_misses: bool) -> Table:
    table = Table(title="Event locations against gold", show_lines=False)
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("gold events with a location", str(score.total))
    table.add_row("sentences where tacitus coded an event", str(len(score.with_events)))
    table.add_row("located at the gold place", str(score.correct))
    table.add_row("accuracy (all gold locations)", f"{score.accuracy:.3f}")
    table.add_row("accuracy (where an event was coded)", f"{score.accuracy_given_event:.3f}")
    table.add_row("accuracy (places stage alone: uncoded sentences at their main verb)", f"{score.stage_accuracy:.3f}")
    if show_misses:
        for verdict in score.verdicts:
            if verdict.correct:
                continue
            got = verdict.predicted
            said = f"{got.get('text')} → {got.get('name')} {got.get('country')}" if got else "no location"
            if not verdict.coded_events:
                said = "no event coded" + (" (main verb located right)" if verdict.stage_alone else "")
            table.add_row(f"miss {verdict.gold.item_id}: {verdict.gold.name}", said)
    return table


@report_errors
def command(
    gold: Path = typer.Argument(..., help="Gold JSONL (id, text, plover[].location {name, country_iso2})."),
    show_misses: bool = typer.Option(False, "--misses", help="List the gold locations tacitus missed."),
    config: Path | None = ConfigOption,
) -> None:
    """Whether each gold event's location is the place tacitus gives the sentence's event."""
    settings = settings_from(config)
    coder = DocumentCoder(settings)
    coder.setup()
    resolver = PlaceResolver(settings.places_min_population)
    resolver.setup()
    score = evaluate_places(gold, coder, resolver)
    Console().print(report(score, show_misses))
