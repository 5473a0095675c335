import pytest

from tacitus.ingest.dates import find_date, parse_date_value


@pytest.mark.parametrize(
    ("text", "value", "ambiguous"),
    [
        ("April 5, 2019", "2019-04-05", False),
        ("Apr. 5, 2019", "2019-04-05", False),
        ("5 April 2019", "2019-04-05", False),
        ("2019-04-05", "2019-04-05", False),
        ("Published: 12 September 2019 | Staff", "2019-09-12", False),
        ("05/04/2019", "2019-04-05", True),
        ("25/04/2019", "2019-04-25", False),
        ("04/25/2019", "2019-04-25", False),
        ("05.04.2019", "2019-04-05", True),
        ("04/04/2019", "2019-04-04", False),
    ],
)
def test_byline_forms(text: str, value: str, ambiguous: bool) -> None:
    found = find_date(text, "DMY")
    assert found is not None
    assert found[0].value == value
    assert found[0].ambiguous is ambiguous


def test_month_first_order_setting() -> None:
    found = find_date("05/04/2019", "MDY")
    assert found is not None
    assert found[0].value == "2019-05-04"
    assert found[0].ambiguous


def test_impossible_dates_are_not_dates() -> None:
    assert find_date("February 30, 2019") is None
    assert find_date("31/31/2019") is None
    assert parse_date_value("not a date") is None


def test_metadata_value_must_start_with_the_date() -> None:
    parsed = parse_date_value("2019-04-05T10:00:00Z")
    assert parsed is not None and parsed.value == "2019-04-05"
    assert parse_date_value("sometime before 2019-04-05") is None
