from __future__ import annotations

import pytest

from tacitus.errors import TacitusError
from tacitus.places.query import check_country, check_radius, parse_near


def test_near_takes_lat_lon() -> None:
    assert parse_near(" 36.2, 38.0 ") == (36.2, 38.0)


@pytest.mark.parametrize("value", ["36.2", "north,east", "95,10", "10,190", "nan,1", "1,2,3"])
def test_bad_near_values_are_user_errors(value: str) -> None:
    with pytest.raises(TacitusError, match="E200"):
        parse_near(value)


def test_radius_needs_near_and_a_positive_distance() -> None:
    assert check_radius(None, None) is None
    assert check_radius(25.0, (1.0, 2.0)) == 25.0
    for radius, near in ((10.0, None), (0.0, (1.0, 2.0)), (-5.0, (1.0, 2.0))):
        with pytest.raises(TacitusError, match="E204"):
            check_radius(radius, near)


def test_country_is_iso3() -> None:
    assert check_country(" syr") == "SYR"
    with pytest.raises(TacitusError, match="E051"):
        check_country("Syria")
