"""Writing quote records: flat rows for CSV and a readable table; headline quotes are marked
(their offsets refer to the document's title)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from rich.table import Table

QUOTE_CSV_COLUMNS = [
    "quote_id", "doc_id", "kind", "speaker_text", "speaker_country", "speaker_sector",
    "cue", "start", "end", "text", "headline",
]  # fmt: skip


def flat_quote(record: dict[str, Any]) -> dict[str, Any]:
    """One quote record as a flat row."""
    speaker = record.get("speaker") or {}
    cue = record.get("cue") or {}
    return {
        "quote_id": record["quote_id"],
        "doc_id": record["doc_id"],
        "kind": record["kind"],
        "speaker_text": speaker.get("text"),
        "speaker_country": speaker.get("country"),
        "speaker_sector": speaker.get("sector"),
        "cue": cue.get("text"),
        "start": record["start"],
        "end": record["end"],
        "text": record["text"],
        "headline": bool(record.get("headline")),
    }


def write_quotes_csv(records: Iterable[dict[str, Any]], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=QUOTE_CSV_COLUMNS)
    writer.writeheader()
    for record in records:
        writer.writerow(flat_quote(record))


def speaker_label(record: dict[str, Any]) -> str:
    speaker = record.get("speaker")
    if not speaker:
        return ""
    code = "".join(part for part in (speaker.get("country"), speaker.get("sector")) if part)
    return f"{speaker['text']} ({code})" if code else str(speaker["text"])


def quote_table(records: list[dict[str, Any]], title: str | None = None, width: int = 160) -> Table:
    table = Table(title=title, show_lines=False, expand=False)
    for name in ("speaker", "cue", "kind", "quote", "doc"):
        table.add_column(name, overflow="fold")
    for record in records:
        text = record["text"] if len(record["text"]) <= width else record["text"][: width - 1] + "…"
        cue = (record.get("cue") or {}).get("text") or ""
        kind = f"{record['kind']} (headline)" if record.get("headline") else record["kind"]
        table.add_row(speaker_label(record), cue, kind, text, record["doc_id"])
    return table
