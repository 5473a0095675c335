"""Rules for expressions that name their own period: years, decades, centuries, numeric dates,
and the vague references ('now', 'recently') TimeML files as PRESENT_REF, PAST_REF, FUTURE_REF."""

from __future__ import annotations

import re
from datetime import date

from tacitus.timex import calendar as cal
from tacitus.timex.base import MOD, Context, Resolution, checked, mod_of, rule, two_digit_year, unanchored
from tacitus.timex.vocabulary import ORDINAL, ORDINALS, REFERENCES, YEAR4, alternation


@rule("iso_date", r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d:-])")
def iso_date(match: re.Match[str], ctx: Context) -> Resolution:
    try:
        found = date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return Resolution(problem=f"no such date: {match[0]}")
    return checked(cal.day(found), ctx)


@rule("numeric_date", r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4}|\d{2})(?![\d/])")
def numeric_date(match: re.Match[str], ctx: Context) -> Resolution:
    anchored = len(match["year"]) == 2
    year = int(match["year"]) if not anchored else two_digit_year(match["year"], ctx.anchor)
    if year is None:
        return Resolution(problem="two-digit year and no publication date", anchored=True)
    readings = []
    for month_number, day_number in ((int(match["b"]), int(match["a"])), (int(match["a"]), int(match["b"]))):
        try:
            readings.append(date(year, month_number, day_number))
        except ValueError:
            continue
    if not readings:
        return Resolution(problem=f"no such date: {match[0]}", anchored=anchored)
    chosen = readings[0] if ctx.date_order == "DMY" or len(readings) == 1 else readings[-1]
    return checked(cal.day(chosen), ctx, anchored=anchored)


FISCAL = r"(?:(?P<fiscal>fiscal(?:\s+year)?|FY|calendar(?:\s+year)?|the\s+year|model\s+year)\s*)?"
NOT_A_YEAR_AFTER = r"(?![\d,.%]\d|\s*%|\s*(?:-|–|/)\s*\d|\s+(?:percent|per\s+cent|GMT|hours?|hrs)\b|\w)"


APPROXIMATELY = re.compile(r"\b(?:about|some|nearly|over|than|almost|around|approximately|least|up\s+to)\s+$", re.I)
NEXT_WORD = re.compile(r"\s+(?P<word>[a-z]+)\b")
FUNCTION_WORDS = {"and", "or", "to", "the", "a", "an", "when", "as", "was", "is", "were", "had", "has", "but", "after"}
FUNCTION_WORDS |= {"before", "until", "through", "with", "for", "in", "on", "at", "that", "which", "while", "of"}


def _is_quantity(match: re.Match[str]) -> bool:
    """'some 2000 troops', '1500 people': a count, not a year."""
    text, start, end = match.string, match.start("year"), match.end("year")
    if APPROXIMATELY.search(text, max(0, start - 20), start):
        return True
    following = NEXT_WORD.match(text, end)
    return match["year"].endswith("00") and following is not None and following["word"] not in FUNCTION_WORDS


@rule("year", r"(?<![\w$£€.,/-])" + MOD + FISCAL + r"(?P<year>" + YEAR4 + r")" + NOT_A_YEAR_AFTER)
def year(match: re.Match[str], ctx: Context) -> Resolution | None:
    if not (match["fiscal"] or match["mod"]) and _is_quantity(match):
        return None
    return checked(cal.year(int(match["year"])), ctx, mod=mod_of(match))


@rule(
    "short_year",
    r"(?<![\w$£€.,/-])(?:(?P<fiscal>fiscal(?:\s+year)?|FY)\s*|(?<=\bin\s)|(?<=\bsince\s))(?P<digits>['’]\d\d)\b",
)
def short_year(match: re.Match[str], ctx: Context) -> Resolution:
    found = two_digit_year(match["digits"].lstrip("'’"), ctx.anchor)
    if found is None:
        return Resolution(problem="two-digit year and no publication date", anchored=True)
    return checked(cal.year(found), ctx, anchored=True)


@rule("decade", r"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[-\s]?)?(?P<digits>(?:1[5-9]|20)\d0|['’]\d0|\d0)s\b")
def decade(match: re.Match[str], ctx: Context) -> Resolution:
    digits = match["digits"].lstrip("'’")
    if len(digits) == 4:
        return checked(cal.decade(int(digits)), ctx, mod=mod_of(match))
    if ctx.anchor is None:
        return unanchored()
    century_start = ctx.anchor.year - ctx.anchor.year % 100
    first = century_start + int(digits)
    if first > ctx.anchor.year:
        first -= 100
    return checked(cal.decade(first), ctx, anchored=True, mod=mod_of(match))


@rule("century", r"\b(?:the\s+)?" + MOD + r"(?P<ord>" + ORDINAL + r"|\d{1,2}(?:st|nd|rd|th))\s+century\b")
def century(match: re.Match[str], ctx: Context) -> Resolution | None:
    word = match["ord"].lower()
    number = ORDINALS.get(word) or (int(word[:-2]) if word[:-2].isdigit() else None)
    if not number:
        return None
    return checked(cal.century(number), ctx, mod=mod_of(match))


@rule("reference", r"\b(?P<word>" + alternation(REFERENCES) + r")\b")
def reference(match: re.Match[str], ctx: Context) -> Resolution:
    return Resolution(reference=REFERENCES[" ".join(match["word"].lower().split())], anchored=True)


ABSOLUTE_RULES = (iso_date, numeric_date, year, short_year, decade, century, reference)
