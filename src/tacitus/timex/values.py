"""TIMEX3 date values as calendar days."""

from __future__ import annotations

import re
from datetime import date

SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
TIMEX_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
TIMEX_PART = re.compile(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)")


def first_day(value: str | None) -> date | None:
    """The first day of a TIMEX3 date value (2019-04-03, 2019-W14, 2019-W14-WE, 2019-03, 2019-Q1,
    2019-H1, 2019-SU, 2019, 199, 19); None for references such as PRESENT_REF or anything else."""
    text = (value or "").strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return date(int(text[:4]), int(text[5:]), 1)
        if week := TIMEX_WEEK.fullmatch(text):
            return date.fromisocalendar(int(week[1]), int(week[2]), 6 if week[3] else 1)
        if part := TIMEX_PART.fullmatch(text):
            year, which = int(part[1]), part[2]
            if which[0] == "Q":
                return date(year, 3 * int(which[1]) - 2, 1)
            if which[0] == "H":
                return date(year, 6 * int(which[1]) - 5, 1)
            return date(year, SEASON_MONTHS[which], 1)
        if re.fullmatch(r"\d{2,4}", text):
            return date(int(text.ljust(4, "0")), 1, 1)
    except ValueError:
        return None
    return None
