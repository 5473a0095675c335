"""`tacitus eval actors GOLD.jsonl`: country and sector resolved for every gold source and target actor."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console

from tacitus.cli.common import ConfigOption, report_errors, settings_from
from tacitus.evaluation.actors import ActorScores, evaluate_actors, read_gold_actors

ActorsOption = typer.Option(None, "--actors", help="Extra actor file (repeatable), added to [actors] extra_files.")


def print_scores(scores: ActorScores, misses: int) -> None:
    console = Console(highlight=False)
    summary = scores.summary()
    console.print(
        f"{summary['gold_actors']} gold actors, {summary['located']} found in their sentence, {summary['coded']} coded"
    )
    console.print(f"country accuracy {summary['country_accuracy']:.3f}")
    console.print(
        f"sector accuracy  {summary['sector_accuracy']:.3f} (over {summary['sector_scored']} with a known sector)"
    )
    wrong = [j for j in scores.located if not j.country_correct or j.sector_correct is False][:misses]
    for item in wrong:
        got = f"{item.country or '-'} {item.sector or '-'}" if item.actor else "nothing"
        console.print(
            f"- {item.gold.sentence_id}: '{item.gold.text.strip()}' gold {item.gold.country or '-'} "
            f"{item.gold.sector or '-'}, got {got}",
            markup=False,
        )


@report_errors
def command(
    gold: Path = typer.Argument(..., help="Gold JSONL: id, text, plover with source/target actors."),
    actors: list[Path] = ActorsOption,
    misses: int = typer.Option(0, "--misses", min=0, help="List this many wrongly coded actors."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as one JSON object."),
    config: Path | None = ConfigOption,
) -> None:
    """Score actor resolution: country and sector accuracy over the gold actor spans."""
    from tacitus.actors import ActorCoder
    from tacitus.parse import Parser

    settings = settings_from(config)
    extra = (*settings.extra_actor_files, *(str(p) for p in actors or []))
    items = read_gold_actors(gold)
    parser = Parser(settings.model, settings.parse_batch_size)
    parser.setup()
    coder = ActorCoder(extra)
    coder.setup(parser.nlp)
    scores = evaluate_actors(items, parser.nlp, coder)
    if as_json:
        typer.echo(json.dumps(scores.summary()))
    else:
        print_scores(scores, misses)
