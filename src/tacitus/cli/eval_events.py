"""`tacitus eval events GOLD.jsonl`: event coding scored against gold sentences."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from tacitus.cli.common import ConfigOption, report_errors, settings_from
from tacitus.evaluation.events import EventScores, evaluate_events
from tacitus.pipeline import DocumentCoder
from tacitus.types import Document, Event


class ScoreFormat(StrEnum):
    table = "table"
    json = "json"


def sentence_coder(coder: DocumentCoder) -> Callable[[list[str]], list[list[Event]]]:
    def code(texts: list[str]) -> list[list[Event]]:
        documents = [
            Document(doc_id=f"gold-{n}", origin="gold", raw_text=t, clean_text=t, content_hash="", fmt="txt")
            for n, t in enumerate(texts)
        ]
        return [coded.events for coded in coder.process_batch(documents)]

    return code


def print_scores(scores: EventScores, worst: int) -> None:
    console = Console()
    data = scores.as_dict(worst)
    summary = Table(title=f"{data['sentences']} gold sentences, {data['predicted_events']} scored events")
    summary.add_column("measure")
    summary.add_column("value", justify="right")
    for key, value in scores.measures().items():
        summary.add_row(key.replace("_", " "), "-" if value is None else f"{value:.3f}")
    console.print(summary)
    roots = Table(title="per root")
    for column in ("root", "gold", "recall", "predicted", "precision"):
        roots.add_column(column, justify="right")
    for row in data["per_root"]:
        roots.add_row(
            *("-" if row[k] is None else str(row[k]) for k in ("root", "gold", "recall", "predicted", "precision"))
        )
    console.print(roots)
    console.print(f"[bold]worst {len(data['worst'])} sentences[/]")
    for item in data["worst"]:
        console.print(f"- {item['id']}: gold {item['gold_cameo'] or '-'} {'/'.join(item['gold_plover']) or ''}")
        console.print(f"  {item['text']}", highlight=False, markup=False)
        console.print(f"  predicted: {'; '.join(item['predicted']) or 'nothing'}", highlight=False, markup=False)


@report_errors
def command(
    gold: Path = typer.Argument(..., help="Gold JSONL: id, text, cameo, plover per line."),
    fmt: ScoreFormat = typer.Option(ScoreFormat.table, "--format", help="table or json."),
    worst: int = typer.Option(15, "--worst", min=0, help="How many of the worst sentences to list."),
    config: Path | None = ConfigOption,
) -> None:
    """Root recall and precision, full-code and PLOVER accuracy, actor agreement, per root."""
    settings = settings_from(config)
    coder = DocumentCoder(settings)
    coder.setup()
    scores = evaluate_events(gold, sentence_coder(coder))
    if fmt is ScoreFormat.json:
        json.dump(scores.as_dict(worst), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print_scores(scores, worst)
