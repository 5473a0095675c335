"""Writing event records: JSON lines, CSV and a readable table."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

from tacitus.events.ontology import load_ontology

CSV_COLUMNS = [
    "event_id", "doc_id", "sentence", "date", "date_precision", "date_text",
    "source_text", "source_country", "source_sector", "source_code",
    "cameo", "cameo_name", "cameo_root", "quad_class", "goldstein", "plover_type",
    "target_text", "target_country", "target_sector", "target_code",
    "trigger", "negated", "modality", "evidence",
]  # fmt: skip


def flat_event(record: dict[str, Any]) -> dict[str, Any]:
    """One event record as a flat row (CSV, tables)."""
    ontology = load_ontology()
    row: dict[str, Any] = {key: record.get(key) for key in CSV_COLUMNS}
    for role in ("source", "target"):
        actor = record.get(role) or {}
        for key in ("text", "country", "sector", "code"):
            row[f"{role}_{key}"] = actor.get(key)
    cameo = ontology.get(record["cameo"])
    row["cameo_name"] = cameo.name if cameo else None
    row["plover_type"] = (record.get("plover") or {}).get("type")
    row["trigger"] = record["trigger"]["text"]
    return row


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> None:
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def write_csv(records: Iterable[dict[str, Any]], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for record in records:
        writer.writerow(flat_event(record))


def _actor_label(actor: dict[str, Any] | None) -> str:
    if not actor:
        return ""
    return f"{actor['code']} ({actor['text']})"


def event_table(records: list[dict[str, Any]], title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False, expand=False)
    for name in ("date", "source", "event", "target", "trigger", "doc"):
        table.add_column(name, overflow="fold")
    for record in records:
        row = flat_event(record)
        event = f"{record['cameo']} {row['cameo_name'] or ''}"
        if record["negated"]:
            event += " [negated]"
        if record["modality"] != "asserted":
            event += f" [{record['modality']}]"
        table.add_row(
            record["date"] or "",
            _actor_label(record.get("source")),
            event,
            _actor_label(record.get("target")),
            record["trigger"]["text"],
            record["doc_id"][:16],
        )
    return table


def write_table(records: list[dict[str, Any]], out: TextIO, title: str | None = None) -> None:
    console = Console(file=out, width=max(Console().width, 140))
    console.print(event_table(records, title))
