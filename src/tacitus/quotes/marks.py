"""Quotation marks → quoted segments, in one pass over the text.

Paragraphs (lines) bound every segment, so a mark that is never closed ends its segment
at the end of its paragraph and never swallows the rest of the article. A paragraph that
ends inside a quotation and is followed by one opening with a mark continues it (the
news convention for quotations running over several paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARK = re.compile(r"''|``|[\"“”„«»‘’']")
DOUBLE_OPENERS = {"“", "„", "«", "``"}
DOUBLE_CLOSERS = {"”", "»"}
DOUBLE_EITHER = {'"', "''"}
SINGLE_OPENERS = {"‘"}
SINGLE_CLOSERS = {"’"}
SINGLE_EITHER = {"'"}
OPENING_CONTEXT = set(" \t\n([{—–-/:;") | {"\u00a0"}
CLOSING_CONTEXT = set(" \t\n)]}—–-/.,;:!?…") | {"\u00a0"}
QUOTE_CHARS = "\"“”„«»‘’'`"
MAX_SEGMENT_CHARS = 6000
MAX_UNCLOSED_CHARS = 1500
MAX_SINGLE_CHARS = 400
MAX_LEAD_CHARS = 8


@dataclass
class Segment:
    """Text between an opening and a closing mark; start/end exclude the marks."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None
    paragraph: int
    para_start: int
    para_end: int
    single: bool = False
    previous: Segment | None = None
    following: Segment | None = None

    @property
    def closed(self) -> bool:
        return self.close_mark is not None


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    kind: str  # "open", "close" or "either"
    single: bool


def _classify(text: str, start: int, end: int, mark: str) -> _Mark | None:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    opens = before in OPENING_CONTEXT or before in QUOTE_CHARS
    closes = after in CLOSING_CONTEXT or after in QUOTE_CHARS
    single = mark in SINGLE_OPENERS or mark in SINGLE_CLOSERS or mark in SINGLE_EITHER
    if single:
        if before.isalnum() and after.isalnum():
            return None  # an apostrophe: don't, O’Malley
        if after.isdigit() and not before.isalnum():
            return None  # ’90s
        if mark in SINGLE_OPENERS:
            return _Mark(start, end, "open", True)
        if mark in SINGLE_CLOSERS:
            return _Mark(start, end, "close", True) if closes or not after.isalpha() else None
        if opens and not after.isspace():
            return _Mark(start, end, "open", True)
        if closes and not before.isspace():
            return _Mark(start, end, "close", True)
        return None
    if mark in DOUBLE_OPENERS:
        kind = "close" if closes and not opens and not before.isspace() else "open"
    elif mark in DOUBLE_CLOSERS:
        kind = "open" if opens and not closes and not after.isspace() else "close"
    elif opens and not closes:
        kind = "open"
    elif closes and not opens:
        kind = "close"
    else:
        kind = "either"
    return _Mark(start, end, kind, False)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in re.finditer(r"\n", text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _pair(marks: list[_Mark], paragraph: int, para_start: int, para_end: int, single: bool) -> list[Segment]:
    segments: list[Segment] = []
    opening: _Mark | None = None
    for mark in marks:
        if opening is None:
            if mark.kind in ("open", "either"):
                opening = mark
            continue
        if mark.kind == "open":
            opening = mark  # the earlier opener was stray
            continue
        segments.append(
            Segment(opening.end, mark.start, opening.start, mark.start, paragraph, para_start, para_end, single)
        )
        opening = None
    if opening is not None:
        segments.append(Segment(opening.end, para_end, opening.start, None, paragraph, para_start, para_end, single))
    limit = MAX_SINGLE_CHARS if single else MAX_SEGMENT_CHARS
    return [s for s in segments if 0 < s.end - s.start <= limit]


def find_segments(text: str) -> list[Segment]:
    """Every quoted segment of `text`, in order; paragraphs continuing a quote are linked."""
    paragraphs = _paragraphs(text)
    found: list[Segment] = []
    matches = MARK.finditer(text)
    pending = next(matches, None)
    for index, (para_start, para_end) in enumerate(paragraphs):
        double: list[_Mark] = []
        single: list[_Mark] = []
        while pending is not None and pending.start() < para_end:
            if pending.start() >= para_start:
                mark = _classify(text, pending.start(), pending.end(), pending.group())
                if mark is not None:
                    (single if mark.single else double).append(mark)
            pending = next(matches, None)
        segments = _pair(double, index, para_start, para_end, single=False)
        outside = _outside(single, segments)
        if outside and len(outside) < 64:
            segments.extend(s for s in _pair(outside, index, para_start, para_end, single=True) if s.closed)
            segments.sort(key=lambda s: s.start)
        found.extend(segments)
    return _link_paragraphs(text, found)


def _outside(marks: list[_Mark], segments: list[Segment]) -> list[_Mark]:
    """The marks not inside any segment (both lists in text order)."""
    kept = []
    index = 0
    for mark in marks:
        while index < len(segments) and (segments[index].close_mark or segments[index].end) <= mark.start:
            index += 1
        if index < len(segments) and segments[index].open_mark <= mark.start:
            continue
        kept.append(mark)
    return kept


def _link_paragraphs(text: str, segments: list[Segment]) -> list[Segment]:
    kept: list[Segment] = []
    for segment in segments:
        last = kept[-1] if kept else None
        if (
            last is not None
            and not last.closed
            and not last.single
            and segment.paragraph == last.paragraph + 1
            and segment.open_mark - segment.para_start <= MAX_LEAD_CHARS
            and not text[segment.para_start : segment.open_mark].strip()
        ):
            last.following = segment
            segment.previous = last
        kept.append(segment)
    return [s for s in kept if s.closed or s.following is not None or s.end - s.start <= MAX_UNCLOSED_CHARS]
