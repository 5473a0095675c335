"""Publication dates: from metadata fields and byline lines at the top of an article."""

from __future__ import annotations

import re
from datetime import date

from tacitus.types import PublicationDate

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>\d{4})"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"

ISO_DATE = re.compile(r"\b" + _YEAR + r"-(?P<mm>\d{1,2})-(?P<dd>\d{1,2})(?!\d)")
MONTH_FIRST = re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", re.IGNORECASE)
DAY_FIRST = re.compile(r"\b" + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + r"\b", re.IGNORECASE)
NUMERIC = re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})\b")


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _numeric(match: re.Match[str], date_order: str) -> tuple[date, bool] | None:
    a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
    day_month = _make(year, b, a)
    month_day = _make(year, a, b)
    if day_month and month_day and day_month != month_day:
        return (day_month if date_order == "DMY" else month_day), True
    found = day_month or month_day
    return (found, False) if found else None


def find_date(text: str, date_order: str = "DMY") -> tuple[PublicationDate, tuple[int, int]] | None:
    """The first date written in `text`, with the span it was read from."""
    candidates: list[tuple[int, int, date, bool]] = []
    for match in ISO_DATE.finditer(text):
        found = _make(int(match["year"]), int(match["mm"]), int(match["dd"]))
        if found:
            candidates.append((match.start(), match.end(), found, False))
    for pattern in (MONTH_FIRST, DAY_FIRST):
        for match in pattern.finditer(text):
            found = _make(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]))
            if found:
                candidates.append((match.start(), match.end(), found, False))
    for match in NUMERIC.finditer(text):
        numeric = _numeric(match, date_order)
        if numeric:
            candidates.append((match.start(), match.end(), numeric[0], numeric[1]))
    if not candidates:
        return None
    start, end, found, ambiguous = min(candidates, key=lambda c: c[0])
    return PublicationDate(found.isoformat(), ambiguous, text[start:end]), (start, end)


def parse_date_value(value: str, date_order: str = "DMY") -> PublicationDate | None:
    """A metadata or command-line date: the whole value must be one date (a time part may follow)."""
    stripped = value.strip()
    result = find_date(stripped, date_order)
    if result is None:
        return None
    parsed, (start, _end) = result
    if start != 0:
        return None
    return parsed
