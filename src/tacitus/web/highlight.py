"""A document's clean text cut into segments, each with the roles (trigger, source, target, quote) covering it.

Templates escape every segment, so markup inside an article stays text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

ROLES = ("quote", "speaker", "source", "target", "trigger")


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    role: str
    anchor: str | None = None
    label: str = ""


@dataclass
class Segment:
    text: str
    roles: tuple[str, ...] = ()
    anchors: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)

    @property
    def css(self) -> str:
        return " ".join(f"hl-{role}" for role in self.roles)


def event_marks(event: dict[str, Any]) -> list[Mark]:
    label = f"{event.get('cameo')} {event.get('source_code') or '?'}→{event.get('target_code') or '?'}"
    marks = [Mark(event["trigger_start"], event["trigger_end"], "trigger", f"t-{event['event_id']}", label)]
    for role in ("source", "target"):
        start, end = event.get(f"{role}_start"), event.get(f"{role}_end")
        if start is not None and end is not None:
            marks.append(Mark(start, end, role, None, f"{role}: {event.get(f'{role}_code')}"))
    return marks


def quote_marks(quote: dict[str, Any]) -> list[Mark]:
    marks = [Mark(quote["start_char"], quote["end_char"], "quote", f"q-{quote['quote_id']}", "quote")]
    start, end = quote.get("speaker_start"), quote.get("speaker_end")
    if start is not None and end is not None:
        marks.append(Mark(start, end, "speaker", None, f"speaker: {quote.get('speaker_code') or ''}"))
    return marks


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Split `text` at every mark boundary; overlapping marks give a segment several roles."""
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    pieces: list[Segment] = []
    for start, end in pairwise(cuts):
        covering = [m for m in valid if m.start <= start and end <= m.end]
        roles = tuple(role for role in ROLES if any(m.role == role for m in covering))
        anchors = sorted({m.anchor for m in covering if m.anchor and m.start == start})
        labels = sorted({m.label for m in covering if m.label})
        pieces.append(Segment(text[start:end], roles, anchors, labels))
    return pieces
