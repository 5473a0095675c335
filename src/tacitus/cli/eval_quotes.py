"""`tacitus eval quotes DIR`: quote finding and speakers scored on brat attribution annotations."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from tacitus.cli.common import ConfigOption, report_errors, settings_from
from tacitus.evaluation.quotes import QuoteEvaluation, Score, evaluate_directory
from tacitus.pipeline import DocumentCoder


class ScoreFormat(StrEnum):
    table = "table"
    json = "json"


def score_dict(score: Score) -> dict[str, Any]:
    return {
        "gold": score.gold,
        "found": score.found,
        "predicted": score.predicted,
        "correct_predictions": score.correct_predictions,
        "recall": round(score.recall, 4),
        "precision": round(score.precision, 4),
        "f1": round(score.f1, 4),
        "speaker_checked": score.speaker_checked,
        "speaker_accuracy": round(score.speaker_accuracy, 4),
    }


def evaluation_dict(evaluation: QuoteEvaluation) -> dict[str, Any]:
    return {
        "documents": evaluation.documents,
        "direct": score_dict(evaluation.direct),
        "speech": score_dict(evaluation.speech),
    }


def evaluation_table(evaluation: QuoteEvaluation) -> Table:
    table = Table(title=f"quotes in {evaluation.documents} articles (match: overlap ≥ 50% of the shorter span)")
    for column in ("gold", "recall", "predicted", "precision", "F1", "speaker accuracy"):
        table.add_column(column, justify="right")
    table.add_column("quotes")
    for name, score in (
        ("direct (opening with a mark)", evaluation.direct),
        ("all with a speech cue", evaluation.speech),
    ):
        table.add_row(
            str(score.gold), f"{score.recall:.3f}", str(score.predicted), f"{score.precision:.3f}",
            f"{score.f1:.3f}", f"{score.speaker_accuracy:.3f} of {score.speaker_checked}", name,
        )  # fmt: skip
    return table


@report_errors
def command(
    directory: Path = typer.Argument(..., help="brat folder with text/*.txt and attributions/*.ann."),
    fmt: ScoreFormat = typer.Option(ScoreFormat.table, "--format", help="table or json."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Only the first N articles."),
    config: Path | None = ConfigOption,
) -> None:
    """Direct-quote and speech-attribution recall, precision, F1 and speaker accuracy."""
    settings = settings_from(config)
    coder = DocumentCoder(settings)
    coder.setup()
    evaluation = evaluate_directory(directory, coder, limit)
    if fmt is ScoreFormat.json:
        json.dump(evaluation_dict(evaluation), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        Console().print(evaluation_table(evaluation))
