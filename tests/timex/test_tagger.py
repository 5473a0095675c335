"""The tagger on awkward input: no anchor, impossible and far-off dates, numbers that are not years."""

from __future__ import annotations

from typing import Any

import pytest

from tacitus.errors import TacitusError
from tacitus.timex import TimeTagger


@pytest.fixture(scope="module")
def tagger() -> TimeTagger:
    tagger = TimeTagger()
    tagger.setup()
    return tagger


def test_without_anchor_relative_expressions_stay_unresolved(tagger: TimeTagger) -> None:
    found = tagger("The envoy left on Tuesday, returned last week and first arrived in 2002.", None)
    values = {t.text: (t.value, t.problem is not None) for t in found}
    assert values == {"Tuesday": (None, True), "last week": (None, True), "2002": ("2002", False)}


def test_impossible_day_is_unresolved_not_moved(tagger: TimeTagger) -> None:
    (timex,) = tagger("The vote was held on February 30.", "2019-04-05")
    assert timex.value is None and timex.problem and "no such day" in timex.problem
    (leap,) = tagger("It was signed on February 29, 2019.", "2019-04-05")
    assert leap.value is None


def test_far_future_date_is_unresolved(tagger: TimeTagger) -> None:
    (timex,) = tagger("The treaty expires on March 3, 2500.", "2019-04-05")
    assert timex.value is None and "years after" in (timex.problem or "")
    (plan,) = tagger("The target is to be met by 2050.", "2019-04-05")
    assert plan.value == "2050"


def test_two_digit_years_need_the_anchor(tagger: TimeTagger) -> None:
    (with_anchor,) = tagger("The accord dates from 06/14/97.", "2001-02-03")
    (without_anchor,) = tagger("The accord dates from 06/14/97.", None)
    assert with_anchor.value == "1997-06-14"
    assert without_anchor.value is None and "two-digit" in (without_anchor.problem or "")


def test_counts_and_names_are_not_dates(tagger: TimeTagger) -> None:
    text = "Some 2000 troops and 1500 soldiers arrived. Theresa May spoke. It may rain in March."
    assert [t.text for t in tagger(text, "2019-04-05")] == ["March"]


def test_bad_anchor_is_a_user_error(tagger: TimeTagger) -> None:
    with pytest.raises(TacitusError, match="E100"):
        tagger("On Monday.", "05/04/2019")


@pytest.mark.parametrize(
    "text",
    ["", "31/31/3131", "May 99, 2019", "Q9 2019", "the 0th century", "9999-99-99", "'00 and 0000", "March 0"],
)
def test_junk_never_crashes(tagger: TimeTagger, text: str) -> None:
    for anchor in ("2019-04-05", None, "9999-12-31", "0001-01-01"):
        for timex in tagger(text, anchor):
            assert text[timex.start : timex.end] == timex.text


def test_tense_from_the_parse_turns_weekdays_forward(tagger: TimeTagger, nlp: Any) -> None:
    doc = nlp("The ministers met on Tuesday. They will meet again on Tuesday. The council is meeting Thursday.")
    assert [t.value for t in tagger(doc, "2019-04-05")] == ["2019-04-02", "2019-04-09", "2019-04-11"]


def test_tense_chooses_the_year_of_a_month(tagger: TimeTagger, nlp: Any) -> None:
    doc = nlp("Elections were held in November. Elections will be held in March.")
    assert [t.value for t in tagger(doc, "2019-12-10")] == ["2019-11", "2020-03"]


def test_reporting_period_is_followed(tagger: TimeTagger) -> None:
    text = "Profit rose in the third quarter. Sales in the quarter fell from a year earlier."
    assert [t.value for t in tagger(text, "2019-10-25")] == ["2019-Q3", "2019-Q3", "2018-Q3"]
