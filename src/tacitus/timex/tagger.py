"""Stage: a parsed document and its publication date → the time expressions in it, resolved."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from typing import Any

from tacitus.errors import Errors, TacitusError
from tacitus.parse import doc_text
from tacitus.timex import calendar as cal
from tacitus.timex.absolute import ABSOLUTE_RULES
from tacitus.timex.base import Context, Resolution, Rule
from tacitus.timex.rules import RELATIVE_RULES
from tacitus.timex.vocabulary import SIGNALS, alternation
from tacitus.types import Timex

FUTURE_AUX = {"will", "shall", "'ll", "wo"}
PAST_AUX = {"has", "have", "had", "was", "were", "did", "'ve", "'d"}
PRESENT_BE = {"is", "are", "am", "'s", "'re", "'m"}
PLAN_VERBS = {"plan", "expect", "schedule", "intend", "prepare", "aim", "hope", "due", "set", "seek", "want", "vow"}
SIGNAL_BEFORE = re.compile(r"\b(?P<signal>" + alternation(SIGNALS) + r")\s+$", re.IGNORECASE)
PERIOD_VALUE = re.compile(r"(?P<year>\d{4})-(?P<kind>[QH])(?P<number>[1-4])")
REPORTING_FOLLOWERS = {"ago", "year_ago", "the_quarter"}
REPORTING_REACH = 600
WINDOW_MARGIN = 80
TIME_WORD = re.compile(
    r"\d+|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC"
    r"|Mon|Tue|Wed|Thu|Fri|Sat|Sun|MON|TUE|WED|THU|FRI|SAT|SUN)"
    r"|\b(?:yesterday|today|tomorrow|tonight|night|morning|afternoon|evening|week|month|year|quarter|half"
    r"|spring|summer|fall|autumn|winter|now|current|recent|lately|past|present|future|centur|decade|days?\b"
    r"|ago|hence|these\s+days|coming\s+years)",
    re.IGNORECASE,
)


def parse_anchor(anchor: str | date | None) -> date | None:
    """The publication date as a date; a malformed one is a user error (E100)."""
    if anchor is None or isinstance(anchor, date):
        return anchor
    try:
        return date.fromisoformat(anchor.strip()[:10])
    except ValueError:
        raise TacitusError(Errors.E100, value=anchor) from None


def governing_verb(token: Any) -> Any | None:
    """The first verb at or above `token` in the dependency tree."""
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head == token:
            return None
        token = token.head
    return None


def tense_of(verb: Any) -> str:
    """past, present or future, from the verb's tag, its auxiliaries and verbs of planning above it."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    host = verb
    while host.dep_ in ("xcomp", "conj") and host.head != host:
        host = host.head
        auxes |= {c.lower_ for c in host.children if c.dep_ in ("aux", "auxpass")}
        if host.lemma_.lower() in PLAN_VERBS and verb.dep_ == "xcomp":
            return "future"
    if auxes & FUTURE_AUX or "going" in auxes:
        return "future"
    if verb.tag_ == "VBG" and auxes & PRESENT_BE:
        return "future"
    if auxes & PAST_AUX or verb.tag_ == "VBD" or host.tag_ == "VBD":
        return "past"
    return "present"


class TimeTagger:
    """Finds and resolves time expressions; cheap: regular expressions plus a look at the parse."""

    name = "timex"

    def __init__(self, date_order: str = "DMY") -> None:
        self.date_order = date_order
        self.rules: tuple[Rule, ...] = ()

    def setup(self) -> None:
        self.rules = RELATIVE_RULES + ABSOLUTE_RULES

    def __call__(self, doc: Any, anchor: str | date | None) -> list[Timex]:
        """Time expressions in `doc` (a spaCy Doc, or plain text: then tense is unknown), in text order."""
        if not self.rules:
            self.setup()
        text: str = doc if isinstance(doc, str) else doc_text(doc)
        parsed = None if isinstance(doc, str) else doc
        anchor_date = parse_anchor(anchor)
        candidates: list[tuple[int, int, int, Rule, re.Match[str]]] = []
        for window_start, window_end in _windows(text):
            for order, rule in enumerate(self.rules):
                for match in rule.pattern.finditer(text, window_start, window_end):
                    if match.end() > match.start():
                        candidates.append((match.start(), match.end(), order, rule, match))
        candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
        taken: list[tuple[int, int]] = []
        found: list[Timex] = []
        for start, end, _, rule, match in candidates:
            if any(start < b and a < end for a, b in taken):
                continue
            tense = None
            if parsed is not None:
                span = parsed.char_span(start, end, alignment_mode="expand")
                if span is not None and len(span):
                    verb = governing_verb(span.root)
                    tense = tense_of(verb) if verb is not None else None
            try:
                resolution = rule.resolve(match, Context(anchor_date, tense, self.date_order))
            except (ValueError, OverflowError) as exc:
                resolution = Resolution(problem=f"outside the calendar ({exc})", anchored=True)
            if resolution is None:
                continue
            taken.append((start, end))
            found.append(_timex(text, start, end, rule, resolution))
        return follow_reporting_period(sorted(found, key=lambda t: t.start), anchor_date)


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around the words every time expression contains; the rules run only there."""
    windows: list[tuple[int, int]] = []
    for hit in TIME_WORD.finditer(text):
        start, end = max(0, hit.start() - WINDOW_MARGIN), min(len(text), hit.end() + WINDOW_MARGIN)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _timex(text: str, start: int, end: int, rule: Rule, resolution: Resolution) -> Timex:
    signal = SIGNAL_BEFORE.search(text, max(0, start - 8), start)
    period = resolution.period
    last = resolution.until or period
    if period is not None:
        value: str | None = period.value
        precision: str | None = period.precision
    elif resolution.reference is not None:
        value, precision = resolution.reference, "reference"
    else:
        value, precision = None, None
    return Timex(
        text=text[start:end],
        start=start,
        end=end,
        value=value,
        precision=precision,
        first_day=period.first.isoformat() if period else None,
        last_day=last.last.isoformat() if last else None,
        end_value=resolution.until.value if resolution.until else None,
        mod=resolution.mod,
        signal=" ".join(signal["signal"].lower().split()) if signal else None,
        anchored=resolution.anchored,
        problem=resolution.problem,
        rule=rule.name,
    )


def follow_reporting_period(found: list[Timex], anchor: date | None) -> list[Timex]:
    """Results reports compare periods: after 'the third quarter', 'the quarter' is that quarter
    and 'a year earlier' or 'the year-ago period' is the same quarter a year before."""
    if anchor is None:
        return found
    followed: list[Timex] = []
    reference: re.Match[str] | None = None
    reference_end = -REPORTING_REACH
    for timex in found:
        if (
            reference is not None
            and timex.rule in REPORTING_FOLLOWERS
            and timex.value is not None
            and timex.start - reference_end <= REPORTING_REACH
            and (timex.rule != "ago" or timex.precision == "year")
        ):
            years = 0 if timex.rule == "the_quarter" else int(timex.value[:4]) - anchor.year
            build = cal.quarter if reference["kind"] == "Q" else cal.half
            period = build(int(reference["year"]) + years, int(reference["number"]))
            timex = dataclasses.replace(
                timex,
                value=period.value,
                precision=period.precision,
                first_day=period.first.isoformat(),
                last_day=period.last.isoformat(),
            )
        elif timex.value is not None and (match := PERIOD_VALUE.fullmatch(timex.value)) and timex.rule != "year_ago":
            reference, reference_end = match, timex.end
        followed.append(timex)
    return followed
