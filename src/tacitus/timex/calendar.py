"""Calendar arithmetic and TIMEX3-style values for the periods time expressions name."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

SEASONS = ("SP", "SU", "FA", "WI")
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True)
class Period:
    """A named stretch of the calendar: its value, precision and first and last day."""

    value: str
    precision: str
    first: date
    last: date


def day(d: date) -> Period:
    return Period(d.isoformat(), "day", d, d)


def week(d: date) -> Period:
    year, number, _ = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return Period(f"{year:04d}-W{number:02d}", "week", monday, monday + timedelta(days=6))


def weekend(d: date) -> Period:
    current = week(d)
    saturday = current.first + timedelta(days=5)
    return Period(current.value + "-WE", "weekend", saturday, saturday + timedelta(days=1))


def month(year: int, number: int) -> Period:
    first = date(year, number, 1)
    following = date(year + 1, 1, 1) if number == 12 else date(year, number + 1, 1)
    return Period(f"{year:04d}-{number:02d}", "month", first, following - timedelta(days=1))


def quarter(year: int, number: int) -> Period:
    first = date(year, 3 * number - 2, 1)
    last = month(year, 3 * number).last
    return Period(f"{year:04d}-Q{number}", "quarter", first, last)


def half(year: int, number: int) -> Period:
    first = date(year, 6 * number - 5, 1)
    return Period(f"{year:04d}-H{number}", "half", first, month(year, 6 * number).last)


def season(year: int, code: str) -> Period:
    """Meteorological seasons; winter starts in December of `year`."""
    start = SEASON_START_MONTH[code]
    first = date(year, start, 1)
    end_year, end_month = (year + 1, 2) if code == "WI" else (year, start + 2)
    return Period(f"{year:04d}-{code}", "season", first, month(end_year, end_month).last)


def year(number: int) -> Period:
    return Period(f"{number:04d}", "year", date(number, 1, 1), date(number, 12, 31))


def decade(first_year: int) -> Period:
    start = first_year - first_year % 10
    return Period(f"{start // 10:03d}", "decade", date(start, 1, 1), date(start + 9, 12, 31))


def century(number: int) -> Period:
    """The n-th century in the everyday sense: the 20th century is 1900–1999."""
    start = (number - 1) * 100
    return Period(f"{number - 1:02d}", "century", date(max(start, 1), 1, 1), date(start + 99, 12, 31))


def add_months(year_number: int, month_number: int, delta: int) -> tuple[int, int]:
    index = year_number * 12 + (month_number - 1) + delta
    return index // 12, index % 12 + 1


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def add_quarters(year_number: int, quarter_number: int, delta: int) -> tuple[int, int]:
    index = year_number * 4 + (quarter_number - 1) + delta
    return index // 4, index % 4 + 1


def season_of(d: date) -> tuple[int, str]:
    """The season containing `d` and the year it is filed under (January is last year's winter)."""
    if d.month == 12:
        return d.year, "WI"
    if d.month <= 2:
        return d.year - 1, "WI"
    return d.year, SEASONS[(d.month - 3) // 3]


def latest_weekday(anchor: date, weekday: int) -> date:
    """The latest day with this weekday (Monday = 0) on or before `anchor`."""
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def next_weekday(anchor: date, weekday: int, strictly_after: bool = False) -> date:
    """The first day with this weekday on or after (or strictly after) `anchor`."""
    ahead = (weekday - anchor.weekday()) % 7
    if strictly_after and ahead == 0:
        ahead = 7
    return anchor + timedelta(days=ahead)
