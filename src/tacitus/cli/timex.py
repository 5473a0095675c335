"""`tacitus timex FILE --date D`: the time expressions of an article, resolved on its date."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tacitus.cli.common import ConfigOption, check_iso_date, err_console, report_errors, settings_from
from tacitus.errors import Errors, TacitusError
from tacitus.parse import Parser
from tacitus.pipeline import CodeSummary, clean_articles
from tacitus.timex import TimeTagger
from tacitus.timex.documents import tag_documents, timex_record


class TimexFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


@report_errors
def command(
    path: str = typer.Argument(..., help="An article: .txt, .md, .html or .jsonl(.gz) (every line is tagged)."),
    date: str | None = typer.Option(
        None, "--date", help="Publication date YYYY-MM-DD (default: the article's own byline or date field)."
    ),
    fmt: TimexFormat = typer.Option(TimexFormat.table, "--format", help="table or jsonl."),
    no_parse: bool = typer.Option(False, "--no-parse", help="Skip the parse: faster, but weekdays ignore tense."),
    config: Path | None = ConfigOption,
) -> None:
    """Print each time expression with its offsets in the clean text, value and precision."""
    settings = settings_from(config)
    summary = CodeSummary()
    documents = list(clean_articles([path], settings, summary, check_iso_date(date, "--date")))
    for problem in summary.problems:
        err_console.print(f"[yellow]skipped[/] {escape(problem.describe())}", markup=True, soft_wrap=True)
    if not documents:
        raise TacitusError(Errors.E011, paths=path)
    parse = None
    if not no_parse:
        parser = Parser(settings.model, settings.parse_batch_size)
        parser.setup()
        parse = parser.pipe
    tagger = TimeTagger(settings.date_order)
    tagger.setup()
    console = Console()
    for document, timexes in tag_documents(documents, tagger, parse):
        if document.date is None:
            err_console.print(
                f"[yellow]no publication date[/] for {document.doc_id}: relative expressions stay unresolved; "
                "give --date YYYY-MM-DD",
                markup=True,
            )
        if fmt is TimexFormat.jsonl:
            for timex in timexes:
                sys.stdout.write(json.dumps(timex_record(document, timex), ensure_ascii=False) + "\n")
            continue
        table = Table(title=f"{document.doc_id}: {len(timexes)} time expressions, anchor {document.date or 'none'}")
        for column in ("start", "end", "text", "value", "precision", "note"):
            table.add_column(column)
        for timex in timexes:
            note = timex.problem or " ".join(filter(None, [timex.signal and f"after '{timex.signal}'", timex.mod]))
            table.add_row(
                str(timex.start), str(timex.end), timex.text, timex.value or "-", timex.precision or "-", note
            )
        console.print(table)
