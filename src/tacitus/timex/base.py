"""What every time-expression rule shares: its context, its result and calendar checks."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from tacitus.timex import calendar as cal
from tacitus.timex.calendar import Period

FAR_FUTURE_YEARS = 100
NEEDS_ANCHOR = "relative expression and no publication date"


@dataclass(frozen=True)
class Context:
    """What a resolver knows besides the text: the anchor and the clause's tense."""

    anchor: date | None
    tense: str | None = None
    date_order: str = "DMY"


@dataclass(frozen=True)
class Resolution:
    period: Period | None = None
    reference: str | None = None
    problem: str | None = None
    anchored: bool = False
    mod: str | None = None
    until: Period | None = None


Resolver = Callable[[re.Match[str], Context], Resolution | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Resolver


def rule(name: str, pattern: str, flags: int = re.IGNORECASE) -> Callable[[Resolver], Rule]:
    def wrap(resolve: Resolver) -> Rule:
        return Rule(name, re.compile(pattern, flags), resolve)

    return wrap


MODS = {"early": "START", "late": "END", "mid": "MID", "end": "END", "beginning": "START", "start": "START"}
MOD = r"(?:(?P<mod>early|earlier|late|later|mid-?|the\s+(?:end|beginning|start|middle)\s+of)\s*)?"


def mod_of(match: re.Match[str]) -> str | None:
    word = (match.groupdict().get("mod") or "").lower().replace("the", "").replace("of", "").strip(" -")
    word = word.split()[0] if word else ""
    return MODS.get("mid" if word == "middle" else word)


def anchored_to(period: Period | None, ctx: Context, mod: str | None = None, until: Period | None = None) -> Resolution:
    return checked(period, ctx, anchored=True, mod=mod, until=until)


def checked(
    period: Period | None, ctx: Context, anchored: bool = False, mod: str | None = None, until: Period | None = None
) -> Resolution:
    limit = (ctx.anchor or date.today()).year + FAR_FUTURE_YEARS
    if period is not None and period.first.year > limit:
        return Resolution(problem=f"more than {FAR_FUTURE_YEARS} years after the publication date", anchored=anchored)
    return Resolution(period, anchored=anchored, mod=mod, until=until)


def safe(build: Callable[[], Period], ctx: Context, anchored: bool = False, mod: str | None = None) -> Resolution:
    try:
        return checked(build(), ctx, anchored=anchored, mod=mod)
    except (ValueError, OverflowError) as exc:
        return Resolution(problem=f"no such date ({exc})", anchored=anchored)


def unanchored() -> Resolution:
    return Resolution(problem=NEEDS_ANCHOR, anchored=True)


def closest(candidates: list[Period], anchor: date, tense: str | None, slack: int = 0) -> Period:
    """The candidate nearest the anchor that the tense allows (past: not after it, future: not before)."""
    allowed = candidates
    if tense == "past":
        allowed = [p for p in candidates if p.first <= anchor + timedelta(days=slack)] or candidates
    elif tense == "future":
        allowed = [p for p in candidates if p.last >= anchor - timedelta(days=slack)] or candidates

    def distance(p: Period) -> int:
        return 0 if p.first <= anchor <= p.last else min(abs((p.first - anchor).days), abs((p.last - anchor).days))

    return min(allowed, key=distance)


def two_digit_year(digits: str, anchor: date | None) -> int | None:
    """'98 → 1998 for an anchor in 2001: the century that puts the year nearest the anchor."""
    if anchor is None:
        return None
    number = int(digits)
    base = anchor.year - anchor.year % 100
    return min((base - 100 + number, base + number, base + 100 + number), key=lambda y: abs(y - anchor.year))


def written_year(text: str | None, ctx: Context) -> tuple[int | None, str | None]:
    """A written year and, if it cannot be read, why."""
    if not text:
        return None, None
    digits = text.lstrip("'’")
    if len(digits) == 2:
        found = two_digit_year(digits, ctx.anchor)
        return found, None if found is not None else "two-digit year and no publication date"
    return int(digits), None


RELATIONS = {
    "this": 0,
    "current": 0,
    "the current": 0,
    "last": -1,
    "this past": -1,
    "the latest": -1,
    "next": 1,
    "coming": 1,
    "the coming": 1,
    "this coming": 1,
    "the next": 1,
}


def shifted(unit: str, anchor: date, delta: int) -> Period:
    """The week, month, quarter, year, decade or century `delta` steps from the anchor's."""
    if unit == "week":
        return cal.week(anchor + timedelta(weeks=delta))
    if unit == "weekend":
        return cal.weekend(anchor + timedelta(weeks=delta))
    if unit == "month":
        return cal.month(*cal.add_months(anchor.year, anchor.month, delta))
    if unit == "quarter":
        return cal.quarter(*cal.add_quarters(anchor.year, cal.quarter_of(anchor), delta))
    if unit == "year":
        return cal.year(anchor.year + delta)
    if unit == "decade":
        return cal.decade(anchor.year + 10 * delta)
    if unit == "century":
        return cal.century(anchor.year // 100 + 1 + delta)
    if unit == "day":
        return cal.day(anchor + timedelta(days=delta))
    raise ValueError(f"unknown unit {unit}")
