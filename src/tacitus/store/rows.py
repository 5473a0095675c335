"""Conversion between record types and flat table rows."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from tacitus.store.schema import ACTOR_COLUMNS
from tacitus.timex.values import first_day
from tacitus.types import Actor, CodedDocument, Event, Quote


def _actor_columns(prefix: str, actor: Actor | None) -> dict[str, Any]:
    if actor is None:
        return {f"{prefix}_{name}": None for name in ACTOR_COLUMNS}
    return {
        f"{prefix}_text": actor.text,
        f"{prefix}_country": actor.country,
        f"{prefix}_sector": actor.sector,
        f"{prefix}_code": actor.code,
        f"{prefix}_start": actor.start,
        f"{prefix}_end": actor.end,
        f"{prefix}_entry": actor.entry,
    }


def document_row(coded: CodedDocument, model: str) -> dict[str, Any]:
    doc = coded.document
    return {
        "doc_id": doc.doc_id,
        "origin": doc.origin,
        "fmt": doc.fmt,
        "title": doc.title,
        "date": doc.date,
        "date_ambiguous": doc.date_ambiguous,
        "date_text": doc.date_text,
        "url": doc.url,
        "source": doc.source,
        "raw_text": doc.raw_text,
        "clean_text": doc.clean_text,
        "content_hash": doc.content_hash,
        "model": model,
        "coded_at": datetime.now(UTC).replace(tzinfo=None),
    }


def _first_day_text(value: str | None) -> str | None:
    """The first day of the event's date, so that weeks, months and years sort among days."""
    day = first_day(value)
    return day.isoformat() if day else None


def event_row(event: Event) -> dict[str, Any]:
    row: dict[str, Any] = {
        "event_id": event.event_id,
        "doc_id": event.doc_id,
        "sentence": event.sentence,
        "date": event.date,
        "date_precision": event.date_precision,
        "date_text": event.date_text,
        "date_start": _first_day_text(event.date),
        "cameo": event.cameo,
        "cameo_root": event.cameo_root,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "plover_type": event.plover.type if event.plover else None,
        "plover_mode": event.plover.mode if event.plover else None,
        "plover_context": ", ".join(event.plover.context) if event.plover and event.plover.context else None,
        "trigger_text": event.trigger.text,
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "location": json.dumps(event.location) if event.location else None,
        "negated": event.negated,
        "modality": event.modality,
        "evidence": event.evidence,
        "entry": event.entry,
        "quote_id": event.quote_id,
        "headline": event.headline,
        "in_headline": event.in_headline,
    }
    row.update(_actor_columns("source", event.source))
    row.update(_actor_columns("target", event.target))
    return row


def quote_row(quote: Quote) -> dict[str, Any]:
    row: dict[str, Any] = {
        "quote_id": quote.quote_id,
        "doc_id": quote.doc_id,
        "text": quote.text,
        "start_char": quote.start,
        "end_char": quote.end,
        "kind": quote.kind,
        "cue_text": quote.cue.text if quote.cue else None,
        "cue_start": quote.cue.start if quote.cue else None,
        "cue_end": quote.cue.end if quote.cue else None,
        "headline": quote.headline,
    }
    row.update(_actor_columns("speaker", quote.speaker))
    return row


def _actor_record(row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    if row.get(f"{prefix}_text") is None:
        return None
    return {
        "text": row[f"{prefix}_text"],
        "country": row[f"{prefix}_country"],
        "sector": row[f"{prefix}_sector"],
        "code": row[f"{prefix}_code"],
        "start": row[f"{prefix}_start"],
        "end": row[f"{prefix}_end"],
    }


def event_record(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event row as the documented JSON event record."""
    plover = None
    if row.get("plover_type"):
        plover = {"type": row["plover_type"], "mode": row["plover_mode"], "context": row["plover_context"]}
    record = {
        "event_id": row["event_id"],
        "doc_id": row["doc_id"],
        "sentence": row["sentence"],
        "date": row["date"],
        "date_precision": row["date_precision"],
        "date_text": row["date_text"],
        "source": _actor_record(row, "source"),
        "target": _actor_record(row, "target"),
        "cameo": row["cameo"],
        "cameo_root": row["cameo_root"],
        "quad_class": row["quad_class"],
        "goldstein": row["goldstein"],
        "plover": plover,
        "trigger": {"text": row["trigger_text"], "start": row["trigger_start"], "end": row["trigger_end"]},
        "location": json.loads(row["location"]) if row.get("location") else None,
        "negated": row["negated"],
        "modality": row["modality"],
        "evidence": row["evidence"],
    }
    if row.get("quote_id"):
        record["quote_id"] = row["quote_id"]
    for flag in ("headline", "in_headline"):
        if row.get(flag):
            record[flag] = True
    return record


def quote_record(row: dict[str, Any]) -> dict[str, Any]:
    """A stored quote row as the documented JSON quote record."""
    speaker = _actor_record(row, "speaker")
    if speaker is not None:
        speaker.pop("code", None)
    cue = None
    if row.get("cue_text") is not None:
        cue = {"text": row["cue_text"], "start": row["cue_start"], "end": row["cue_end"]}
    record = {
        "quote_id": row["quote_id"],
        "doc_id": row["doc_id"],
        "text": row["text"],
        "start": row["start_char"],
        "end": row["end_char"],
        "kind": row["kind"],
        "speaker": speaker,
        "cue": cue,
    }
    if row.get("headline"):
        record["headline"] = True
    return record
