"""Words time expressions are built from, as regular-expression fragments and lookup tables."""

from __future__ import annotations

from collections.abc import Iterable

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_ABBREVIATIONS = {
    "Jan": 1,
    "Feb": 2,
    "Mar": 3,
    "Apr": 4,
    "Jun": 6,
    "Jul": 7,
    "Aug": 8,
    "Sep": 9,
    "Sept": 9,
    "Oct": 10,
    "Nov": 11,
    "Dec": 12,
}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "fifty": 50,
    "hundred": 100,
}
VAGUE_COUNTS = ("a few", "a couple of", "several", "some", "many", "a number of")
ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}
SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PART_OF_DAY = ("morning", "afternoon", "evening", "night")
REFERENCES = {
    "now": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "recent years": "PAST_REF",
    "the future": "FUTURE_REF",
    "the coming years": "FUTURE_REF",
}
# Words before a time expression that tell how an event relates to it.
SIGNALS = ("as of", "since", "until", "till", "through", "during", "before", "after", "from", "by", "on", "in", "at")


def alternation(words: Iterable[str]) -> str:
    """A regex group matching any of the words, longest first."""
    items = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(w.replace(".", r"\.").replace(" ", r"\s+") for w in items) + ")"


def month_number(word: str) -> int:
    cleaned = word.rstrip(".").capitalize()
    for number, name in enumerate(MONTH_NAMES, start=1):
        if cleaned == name:
            return number
    return MONTH_ABBREVIATIONS[cleaned]


def count_value(word: str) -> int | None:
    """A count written as digits or a number word; None for vague counts ('several')."""
    lowered = " ".join(word.lower().split())
    if lowered.isdigit():
        return int(lowered)
    return NUMBER_WORDS.get(lowered)


# Case-sensitive: 'May' and 'march' are words too, so month names must be capitalised.
MONTH = (
    "(?-i:"
    + "|".join(MONTH_NAMES + tuple(n.upper() for n in MONTH_NAMES))
    + "|"
    + "|".join(rf"{a}\.|{a}(?=\.?\s+\d)" for a in sorted(MONTH_ABBREVIATIONS, key=len, reverse=True))
    + ")"
)
FULL_MONTH = "(?-i:" + "|".join(MONTH_NAMES) + ")"
WEEKDAY = "(?-i:" + "|".join(WEEKDAY_NAMES + tuple(n.upper() for n in WEEKDAY_NAMES)) + ")"
COUNT = alternation([*NUMBER_WORDS, *VAGUE_COUNTS]) + r"|\d{1,3}"
ORDINAL = alternation(ORDINALS)
SEASON = alternation(SEASON_CODES)
PART = alternation(PART_OF_DAY)
YEAR4 = r"(?:1[5-9]\d\d|20\d\d|2[1-9]\d\d)"
DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
