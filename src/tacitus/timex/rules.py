"""The relative rules: time expressions resolved on the publication date (the anchor).

Each rule is a regular expression and a resolver. A resolver reads the match, the anchor and
the tense of the clause the expression sits in, and returns the period the expression names,
or says why it cannot be resolved. Partly written dates ("March 3", "in March") are here too:
which year they mean depends on the anchor.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tacitus.timex import calendar as cal
from tacitus.timex.base import (
    MOD,
    MODS,
    RELATIONS,
    Context,
    Resolution,
    anchored_to,
    checked,
    closest,
    mod_of,
    rule,
    shifted,
    unanchored,
    written_year,
)
from tacitus.timex.vocabulary import (
    COUNT,
    DAY_NUMBER,
    FULL_MONTH,
    MONTH,
    PART,
    SEASON,
    SEASON_CODES,
    WEEKDAY,
    WEEKDAY_NAMES,
    YEAR4,
    alternation,
    count_value,
    month_number,
)

# --- days -----------------------------------------------------------------------------------

DAY_WORDS = {
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
    "yesterday": -1,
    "last night": -1,
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "tomorrow": 1,
}


@rule("day_word", r"\b(?P<word>" + alternation(DAY_WORDS) + r")(?:\s+(?P<part>" + PART + r"))?\b")
def day_word(match: re.Match[str], ctx: Context) -> Resolution:
    if ctx.anchor is None:
        return unanchored()
    offset = DAY_WORDS[" ".join(match["word"].lower().split())]
    return anchored_to(cal.day(ctx.anchor + timedelta(days=offset)), ctx)


WEEKDAY_RELATIONS = r"this\s+coming|this\s+past|last|next|this|coming|past"


@rule(
    "weekday",
    r"\b(?:(?P<rel>" + WEEKDAY_RELATIONS + r")\s+)?(?P<weekday>" + WEEKDAY + r")(?:\s+(?P<part>" + PART + r"))?\b",
)
def weekday(match: re.Match[str], ctx: Context) -> Resolution:
    if ctx.anchor is None:
        return unanchored()
    number = WEEKDAY_NAMES.index(match["weekday"].capitalize())
    relation = " ".join((match["rel"] or "").lower().split())
    if relation in ("next", "this coming", "coming"):
        found = cal.next_weekday(ctx.anchor, number, strictly_after=True)
    elif relation in ("last", "this past", "past"):
        found = cal.latest_weekday(ctx.anchor - timedelta(days=1), number)
    elif ctx.tense == "future":
        found = cal.next_weekday(ctx.anchor, number)
    else:
        found = cal.latest_weekday(ctx.anchor, number)
    return anchored_to(cal.day(found), ctx)


# --- this/last/next week, month, quarter, year … ----------------------------------------------


@rule(
    "unit_relative",
    r"\b"
    + MOD
    + r"(?<!\bthe\s)(?P<rel>"
    + alternation(RELATIONS)
    + r")\s+(?P<unit>weekend|week|month|quarter|year|decade|century)\b(?!\s+(?:old|long))",
)
def unit_relative(match: re.Match[str], ctx: Context) -> Resolution:
    if ctx.anchor is None:
        return unanchored()
    unit = match["unit"].lower()
    delta = RELATIONS[" ".join(match["rel"].lower().split())]
    if unit == "weekend" and delta == 0 and ctx.tense == "past" and ctx.anchor.weekday() < 5:
        delta = -1
    return anchored_to(shifted(unit, ctx.anchor, delta), ctx, mod_of(match))


@rule(
    "unit_current",
    r"\b(?P<mod>(?:the\s+)?(?:end|beginning|start|middle|rest|remainder)\s+of|earlier\s+in|later\s+in)"
    r"\s+the\s+(?P<unit>week|month|year)\b",
)
def unit_current(match: re.Match[str], ctx: Context) -> Resolution:
    if ctx.anchor is None:
        return unanchored()
    return anchored_to(shifted(match["unit"].lower(), ctx.anchor, 0), ctx, mod_of(match))


UNIT_WORDS = {"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year", "decade": "decade"}


@rule(
    "ago",
    r"\b(?P<count>" + COUNT + r")\s+(?P<unit>days?|weeks?|months?|quarters?|years?|decades?)"
    r"\s+(?P<dir>ago|earlier|from\s+now|hence)\b",
)
def ago(match: re.Match[str], ctx: Context) -> Resolution:
    direction = 1 if match["dir"].lower() in ("hence",) or match["dir"].lower().startswith("from") else -1
    count = count_value(match["count"])
    if count is None:
        return Resolution(reference="PAST_REF" if direction < 0 else "FUTURE_REF", anchored=True)
    if ctx.anchor is None:
        return unanchored()
    unit = UNIT_WORDS[match["unit"].lower().rstrip("s")]
    try:
        return anchored_to(shifted(unit, ctx.anchor, direction * count), ctx)
    except (ValueError, OverflowError):
        return Resolution(problem="outside the calendar", anchored=True)


@rule("the_weekend", r"\bthe\s+weekend\b")
def the_weekend(match: re.Match[str], ctx: Context) -> Resolution:
    if ctx.anchor is None:
        return unanchored()
    delta = -1 if ctx.tense == "past" and ctx.anchor.weekday() < 5 else 0
    return anchored_to(shifted("weekend", ctx.anchor, delta), ctx)


# --- quarters, halves, seasons ------------------------------------------------------------------

QUARTER_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


@rule(
    "quarter",
    r"\b(?:the\s+)?(?:(?P<year1>"
    + YEAR4
    + r")\s+|(?P<rel_year>this|last|next)\s+year['’]s\s+)?(?P<ord>"
    + alternation([*QUARTER_ORDINALS, "final"])
    + r")"
    r"[-\s]+(?:fiscal\s+)?(?P<unit>quarter|half)"
    r"(?:\s+of\s+(?:(?:fiscal\s+)?(?P<year2>" + YEAR4 + r")|(?P<rel>this|last|next)\s+year))?\b",
)
def quarter(match: re.Match[str], ctx: Context) -> Resolution | None:
    half = match["unit"].lower() == "half"
    word = match["ord"].lower()
    number = (2 if half else 4) if word == "final" else QUARTER_ORDINALS[word]
    if half and number > 2:
        return None
    build = cal.half if half else cal.quarter
    written = match["year1"] or match["year2"]
    if written:
        return checked(build(int(written), number), ctx)
    if ctx.anchor is None:
        return unanchored()
    if match["rel"] or match["rel_year"]:
        year = ctx.anchor.year + RELATIONS[(match["rel"] or match["rel_year"]).lower()]
        return anchored_to(build(year, number), ctx)
    candidates = [build(ctx.anchor.year + delta, number) for delta in (-1, 0, 1)]
    if ctx.tense == "future":
        recent = ctx.anchor - timedelta(days=92)
        return anchored_to(min((p for p in candidates if p.last >= recent), key=lambda p: p.first), ctx)
    return anchored_to(max((p for p in candidates if p.first <= ctx.anchor), key=lambda p: p.first), ctx)


@rule("quarter_code", r"\bQ(?P<number>[1-4])(?:\s+(?P<year>" + YEAR4 + r"))?\b", 0)
def quarter_code(match: re.Match[str], ctx: Context) -> Resolution:
    number = int(match["number"])
    if match["year"]:
        return checked(cal.quarter(int(match["year"]), number), ctx)
    if ctx.anchor is None:
        return unanchored()
    year = ctx.anchor.year if cal.quarter(ctx.anchor.year, number).first <= ctx.anchor else ctx.anchor.year - 1
    return anchored_to(cal.quarter(year, number), ctx)


@rule("the_quarter", r"\bthe\s+(?:latest\s+|same\s+|current\s+)?(?:fiscal\s+)?quarter(?![-\w])")
def the_quarter(match: re.Match[str], ctx: Context) -> Resolution:
    """'the quarter' of a results report: the last quarter mentioned, else the latest finished one."""
    if ctx.anchor is None:
        return unanchored()
    delta = 0 if "current" in match[0].lower() else -1
    return anchored_to(shifted("quarter", ctx.anchor, delta), ctx)


@rule(
    "year_ago",
    r"\b(?:the\s+)?(?:comparable\s+|same\s+)?year-(?:earlier|ago)"
    r"(?:\s+(?P<ord>first|second|third|fourth))?(?:\s+(?:fiscal\s+)?(?P<unit>quarter|period|half))?\b",
)
def year_ago(match: re.Match[str], ctx: Context) -> Resolution:
    """'the year-earlier quarter': the period under discussion, a year back (refined by the tagger)."""
    if ctx.anchor is None:
        return unanchored()
    if match["ord"] and match["unit"] == "quarter":
        number = QUARTER_ORDINALS[match["ord"].lower()]
        year = ctx.anchor.year if cal.quarter(ctx.anchor.year, number).first <= ctx.anchor else ctx.anchor.year - 1
        return anchored_to(cal.quarter(year - 1, number), ctx)
    return anchored_to(shifted("year", ctx.anchor, -1), ctx)


SEASON_RELATIONS = r"this\s+coming|this\s+past|this|last|next|early|late|mid-?|the"


@rule(
    "season",
    r"\b(?:(?P<rel>" + SEASON_RELATIONS + r")\s*)?(?P<season>" + SEASON + r")(?:\s+(?:of\s+)?(?P<year>" + YEAR4 + r"))?"
    r"\b(?!\s+(?:olympics|games|session|term|offensive|storm|months|weather|wheat|crop|solstice)\b)",
)
def season(match: re.Match[str], ctx: Context) -> Resolution | None:
    code = SEASON_CODES[match["season"].lower()]
    relation = " ".join((match["rel"] or "").lower().split()).rstrip("-")
    mod = MODS.get(relation)
    if match["year"]:
        return checked(cal.season(int(match["year"]), code), ctx, mod=mod)
    if not relation:
        return None
    if ctx.anchor is None:
        return unanchored()
    candidates = [cal.season(ctx.anchor.year + delta, code) for delta in (-2, -1, 0, 1)]
    before = [p for p in candidates if p.last < ctx.anchor]
    after = [p for p in candidates if p.first > ctx.anchor]
    containing = [p for p in candidates if p.first <= ctx.anchor <= p.last]
    if relation in ("last", "this past"):
        found = before[-1]
    elif relation in ("next", "this coming"):
        found = after[0]
    elif containing:
        found = containing[0]
    elif ctx.tense == "past":
        found = before[-1]
    elif ctx.tense == "future":
        found = after[0]
    else:
        found = cal.season(ctx.anchor.year, code)
    return anchored_to(found, ctx, mod)


# --- months and dates written without (or with) their year --------------------------------------

MONTH_RELATIONS = r"this\s+coming|this\s+past|last|next|this"
SIGNAL_BEFORE = re.compile(
    r"(?:\b(?:in|since|by|until|till|through|during|from|to|of|early|late|mid|last|next|this|before|after)[\s-]*)$",
    re.IGNORECASE,
)


def month_period(month: int, year_text: str | None, match: re.Match[str], ctx: Context) -> Resolution:
    year, problem = written_year(year_text, ctx)
    if problem:
        return Resolution(problem=problem, anchored=True)
    if year is not None:
        return checked(cal.month(year, month), ctx, anchored=len(year_text or "") < 4, mod=mod_of(match))
    if ctx.anchor is None:
        return unanchored()
    relation = " ".join((match.groupdict().get("rel") or "").lower().split())
    candidates = [cal.month(ctx.anchor.year + delta, month) for delta in (-1, 0, 1)]
    if relation in ("last", "this past"):
        found = max((p for p in candidates if p.last < ctx.anchor.replace(day=1)), key=lambda p: p.first)
    elif relation in ("next", "this coming"):
        found = min((p for p in candidates if p.first > ctx.anchor), key=lambda p: p.first)
    else:
        found = closest(candidates, ctx.anchor, ctx.tense)
    return anchored_to(found, ctx, mod_of(match))


@rule(
    "month",
    r"\b" + MOD + r"(?:(?P<rel>" + MONTH_RELATIONS + r")\s+)?(?P<month>" + MONTH + r")"
    r"(?:,?\s+(?:of\s+)?(?P<year>" + YEAR4 + r"|['’]\d\d)(?!\d)|\s+(?P<rel_year>last|this|next)\s+year)?\b",
)
def month(match: re.Match[str], ctx: Context) -> Resolution | None:
    number = month_number(match["month"])
    if match["rel_year"]:
        if ctx.anchor is None:
            return unanchored()
        year = ctx.anchor.year + RELATIONS[match["rel_year"].lower()]
        return anchored_to(cal.month(year, number), ctx, mod_of(match))
    if match["month"] == "May" and not (match["year"] or match["mod"] or match["rel"]):
        before = match.string[max(0, match.start() - 12) : match.start()]
        if not SIGNAL_BEFORE.search(before):
            return None
    return month_period(number, match["year"], match, ctx)


def day_in_month(month: int, day: int, year_text: str | None, ctx: Context) -> Resolution:
    year, problem = written_year(year_text, ctx)
    if problem:
        return Resolution(problem=problem, anchored=True)
    if year is not None:
        try:
            written = date(year, month, day)
        except ValueError:
            return Resolution(
                problem=f"no such day: {day} in month {month} of {year}", anchored=len(year_text or "") < 4
            )
        return checked(cal.day(written), ctx, anchored=len(year_text or "") < 4)
    if ctx.anchor is None:
        return unanchored()
    anchor = ctx.anchor
    candidates = []
    for delta in (-1, 0, 1):
        try:
            candidates.append(cal.day(date(anchor.year + delta, month, day)))
        except ValueError:
            continue
    if not candidates:
        return Resolution(problem=f"no such day: {day} in month {month}", anchored=True)
    if not any(p.first.year == anchor.year for p in candidates):
        return Resolution(problem=f"no such day: {day} in month {month} of {anchor.year}", anchored=True)
    return anchored_to(closest(candidates, anchor, ctx.tense, slack=30), ctx)


def _day_range(match: re.Match[str], ctx: Context) -> Resolution:
    number = month_number(match["month"])
    first = day_in_month(number, int(match["day"].rstrip("stndrh")), match["year"], ctx)
    if match.groupdict().get("day2") and first.period is not None:
        try:
            last_day = date(first.period.first.year, number, int(match["day2"].rstrip("stndrh")))
        except ValueError:
            return first
        if last_day > first.period.first:
            return Resolution(first.period, anchored=first.anchored, until=cal.day(last_day))
    return first


@rule(
    "month_day",
    r"\b(?:(?:" + WEEKDAY + r"),?\s+)?(?P<month>" + MONTH + r")\s+(?P<day>" + DAY_NUMBER + r")(?![\d:])"
    r"(?:\s*(?:-|–|to|through|and)\s*(?P<day2>" + DAY_NUMBER + r")(?![\d:]))?"
    r"(?:,?\s+(?P<year>" + YEAR4 + r"|['’]\d\d)(?![\d:]))?",
)
def month_day(match: re.Match[str], ctx: Context) -> Resolution:
    return _day_range(match, ctx)


@rule(
    "day_month",
    r"\b(?:(?:" + WEEKDAY + r"),?\s+)?(?:the\s+)?(?P<day>" + DAY_NUMBER + r")(?!\d)\s+(?:of\s+)?"
    r"(?P<month>" + FULL_MONTH + r"|" + MONTH + r")(?:,?\s+(?P<year>" + YEAR4 + r")(?!\d))?\b",
)
def day_month(match: re.Match[str], ctx: Context) -> Resolution:
    return _day_range(match, ctx)


RELATIVE_RULES = (
    day_word,
    weekday,
    unit_relative,
    unit_current,
    ago,
    the_weekend,
    the_quarter,
    year_ago,
    quarter,
    quarter_code,
    season,
    month,
    month_day,
    day_month,
)
