"""Readable views of stored documents: clean text with the evidence of each event marked."""

from __future__ import annotations

from typing import Any

from rich.text import Text

STYLES = {"trigger": "bold red", "source": "bold blue", "target": "bold green"}
QUOTE_STYLES = {"quote": "italic magenta", "speaker": "underline", "cue": "underline magenta"}
QUOTE_LAYERS = ("quote", "speaker", "cue")


def marked_spans(events: list[dict[str, Any]]) -> list[tuple[int, int, str]]:
    """(start, end, role) for every trigger, source and target, without repeats."""
    spans: set[tuple[int, int, str]] = set()
    for event in events:
        spans.add((event["trigger"]["start"], event["trigger"]["end"], "trigger"))
        for role in ("source", "target"):
            actor = event.get(role)
            if actor:
                spans.add((actor["start"], actor["end"], role))
    return sorted(spans)


def quote_spans(quotes: list[dict[str, Any]]) -> list[tuple[int, int, str]]:
    """(start, end, role) for every quote, its cue and its speaker."""
    spans: set[tuple[int, int, str]] = set()
    for quote in quotes:
        spans.add((quote["start"], quote["end"], "quote"))
        for role in ("cue", "speaker"):
            part = quote.get(role)
            if part:
                spans.add((part["start"], part["end"], role))
    return sorted(spans, key=lambda span: (QUOTE_LAYERS.index(span[2]), span[0]))


def document_text(
    document: dict[str, Any], events: list[dict[str, Any]], quotes: list[dict[str, Any]] | None = None
) -> Text:
    """The clean text with quotes (italic), triggers (red), sources (blue) and targets (green) styled."""
    text = Text(document["clean_text"])
    for start, end, role in quote_spans(quotes or []):
        text.stylize(QUOTE_STYLES[role], start, end)
    for start, end, role in marked_spans(events):
        text.stylize(STYLES[role], start, end)
    return text


def document_header(document: dict[str, Any], event_count: int) -> Text:
    header = Text()
    header.append(document.get("title") or "(no title)", style="bold")
    header.append("\n")
    ambiguous = " (ambiguous day/month)" if document.get("date_ambiguous") else ""
    header.append(f"{document['doc_id']} · {document.get('date') or 'no date'}{ambiguous} · {document['origin']}")
    header.append(f" · {event_count} events\n")
    header.append("trigger", style=STYLES["trigger"])
    header.append(" · ")
    header.append("source", style=STYLES["source"])
    header.append(" · ")
    header.append("target", style=STYLES["target"])
    return header
