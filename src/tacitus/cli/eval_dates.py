"""`tacitus eval dates DIR`: the time tagger scored on TimeML (DCT as anchor, TIMEX3 DATE values as gold)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from tacitus.cli.common import ConfigOption, report_errors, settings_from
from tacitus.evaluation.dates import evaluate_dates, read_corpus, report_lines
from tacitus.parse import Parser
from tacitus.timex import TimeTagger


@report_errors
def command(
    folder: Path = typer.Argument(..., help="A folder of TimeML .tml files (searched recursively) or one file."),
    no_parse: bool = typer.Option(False, "--no-parse", help="Tag without the parse (weekdays ignore tense)."),
    date_order: str = typer.Option("MDY", "--date-order", help="Reading of numeric dates like 04/05/1998: MDY or DMY."),
    show: int = typer.Option(0, "--show", min=0, help="Print up to N missed, spurious and wrongly valued expressions."),
    config: Path | None = ConfigOption,
) -> None:
    """Detection precision/recall/F1 (overlap) and value accuracy of DATE expressions."""
    documents = read_corpus(folder)
    parse = None
    if not no_parse:
        settings = settings_from(config)
        parser = Parser(settings.model, settings.parse_batch_size)
        parser.setup()
        parse = parser.pipe
    scores = evaluate_dates(documents, TimeTagger(date_order.upper()), parse)
    console = Console(highlight=False)
    for line in report_lines(scores, show):
        console.print(line, markup=False, soft_wrap=True)
