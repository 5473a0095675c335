"""Parsing the place filters of the query commands (--near LAT,LON, --radius KM, --country ISO3)."""

from __future__ import annotations

import math
import re

from tacitus.errors import Errors, TacitusError

ISO3 = re.compile(r"^[A-Za-z]{3}$")


def parse_near(value: str) -> tuple[float, float]:
    """ "36.2,38.0" → (36.2, 38.0), checked to be a point on Earth."""
    parts = [p.strip() for p in value.split(",")]
    if len(parts) != 2:
        raise TacitusError(Errors.E200, value=value, reason="expected two numbers separated by a comma")
    try:
        lat, lon = float(parts[0]), float(parts[1])
    except ValueError as exc:
        raise TacitusError(Errors.E200, value=value, reason="latitude and longitude must be numbers") from exc
    if not (math.isfinite(lat) and -90 <= lat <= 90):
        raise TacitusError(Errors.E200, value=value, reason="latitude must be between -90 and 90")
    if not (math.isfinite(lon) and -180 <= lon <= 180):
        raise TacitusError(Errors.E200, value=value, reason="longitude must be between -180 and 180")
    return lat, lon


def check_radius(radius: float | None, near: tuple[float, float] | None) -> float | None:
    """The radius in km, which needs --near and must be positive."""
    if radius is None:
        return None
    if near is None or not math.isfinite(radius) or radius <= 0:
        raise TacitusError(Errors.E204, value=radius)
    return radius


def check_country(value: str | None) -> str | None:
    if value is None:
        return None
    if not ISO3.match(value.strip()):
        raise TacitusError(Errors.E051, value=value, option="--country", reason="use an ISO3 code such as SYR")
    return value.strip().upper()
