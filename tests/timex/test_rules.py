"""The rule table, case by case: expression, anchor → value and precision (no parse, so no tense)."""

from __future__ import annotations

import pytest

from tacitus.timex import TimeTagger

# Anchor 2019-04-05 is a Friday in ISO week 14.
CASES = [
    ("on Wednesday", "2019-04-05", "Wednesday", "2019-04-03", "day"),
    ("on Friday", "2019-04-05", "Friday", "2019-04-05", "day"),
    ("on Saturday", "2019-04-05", "Saturday", "2019-03-30", "day"),
    ("next Tuesday", "2019-04-05", "next Tuesday", "2019-04-09", "day"),
    ("last Friday", "2019-04-05", "last Friday", "2019-03-29", "day"),
    ("Thursday night", "2019-04-05", "Thursday night", "2019-04-04", "day"),
    ("yesterday", "2019-04-05", "yesterday", "2019-04-04", "day"),
    ("today", "2019-04-05", "today", "2019-04-05", "day"),
    ("tomorrow", "2019-04-05", "tomorrow", "2019-04-06", "day"),
    ("last night", "2019-04-05", "last night", "2019-04-04", "day"),
    ("two days ago", "2019-04-05", "two days ago", "2019-04-03", "day"),
    ("3 weeks ago", "2019-04-05", "3 weeks ago", "2019-W11", "week"),
    ("a year ago", "2019-04-05", "a year ago", "2018", "year"),
    ("last week", "2019-04-05", "last week", "2019-W13", "week"),
    ("earlier this week", "2019-04-05", "earlier this week", "2019-W14", "week"),
    ("next week", "2019-12-30", "next week", "2020-W02", "week"),
    ("this weekend", "2019-04-05", "this weekend", "2019-W14-WE", "weekend"),
    ("this month", "2019-04-05", "this month", "2019-04", "month"),
    ("last month", "2019-01-10", "last month", "2018-12", "month"),
    ("late last month", "2019-04-05", "late last month", "2019-03", "month"),
    ("last year", "2019-04-05", "last year", "2018", "year"),
    ("early next year", "2019-04-05", "early next year", "2020", "year"),
    ("the end of the year", "2019-04-05", "the end of the year", "2019", "year"),
    ("last quarter", "2019-04-05", "last quarter", "2019-Q1", "quarter"),
    ("in the third quarter", "2019-11-05", "the third quarter", "2019-Q3", "quarter"),
    ("in the fourth quarter", "2019-04-05", "the fourth quarter", "2018-Q4", "quarter"),
    ("the second quarter of 2017", "2019-04-05", "the second quarter of 2017", "2017-Q2", "quarter"),
    ("the first half of 2018", "2019-04-05", "the first half of 2018", "2018-H1", "half"),
    ("last summer", "2019-04-05", "last summer", "2018-SU", "season"),
    ("this winter", "2019-01-20", "this winter", "2018-WI", "season"),
    ("the spring of 2016", "2019-04-05", "the spring of 2016", "2016-SP", "season"),
    ("in March", "2019-04-05", "March", "2019-03", "month"),
    ("in December", "2019-01-15", "December", "2018-12", "month"),
    ("in May 2018", "2019-04-05", "May 2018", "2018-05", "month"),
    ("June last year", "2019-04-05", "June last year", "2018-06", "month"),
    ("on March 3", "2019-04-05", "March 3", "2019-03-03", "day"),
    ("on Dec. 28", "2019-01-04", "Dec. 28", "2018-12-28", "day"),
    ("March 3-5", "2019-04-05", "March 3-5", "2019-03-03", "day"),
    ("on 14 July 2018", "2019-04-05", "14 July 2018", "2018-07-14", "day"),
    ("Sept. 11, 2001", "2019-04-05", "Sept. 11, 2001", "2001-09-11", "day"),
    ("on 2019-04-03", "2019-04-05", "2019-04-03", "2019-04-03", "day"),
    ("in 2002", "2019-04-05", "2002", "2002", "year"),
    ("since 2017", "2019-04-05", "2017", "2017", "year"),
    ("fiscal 2018", "2019-04-05", "fiscal 2018", "2018", "year"),
    ("the 1990s", "2019-04-05", "the 1990s", "199", "decade"),
    ("the '80s", "2019-04-05", "the '80s", "198", "decade"),
    ("the 20th century", "2019-04-05", "the 20th century", "19", "century"),
    ("this century", "2019-04-05", "this century", "20", "century"),
    ("in '98", "2019-04-05", "'98", "1998", "year"),
    ("on 11/20/98", "1999-01-04", "11/20/98", "1998-11-20", "day"),
    ("now", "2019-04-05", "now", "PRESENT_REF", "reference"),
    ("recently", "2019-04-05", "recently", "PAST_REF", "reference"),
]


@pytest.mark.parametrize(("phrase", "anchor", "text", "value", "precision"), CASES, ids=[c[0] for c in CASES])
def test_rule_table(phrase: str, anchor: str, text: str, value: str, precision: str) -> None:
    sentence = f"Officials spoke {phrase}."
    found = TimeTagger()(sentence, anchor)
    assert [(t.text, t.value, t.precision) for t in found] == [(text, value, precision)]
    timex = found[0]
    assert sentence[timex.start : timex.end] == timex.text


def test_range_keeps_its_last_day() -> None:
    (timex,) = TimeTagger()("The summit ran March 3-5, 2019.", "2019-04-05")
    assert (timex.value, timex.end_value, timex.first_day, timex.last_day) == (
        "2019-03-03",
        "2019-03-05",
        "2019-03-03",
        "2019-03-05",
    )


def test_signal_and_modifier_are_recorded() -> None:
    since, late = TimeTagger()("Talks stalled since 2017 and resumed late last year.", "2019-04-05")
    assert since.signal == "since"
    assert (late.text, late.mod) == ("late last year", "END")
