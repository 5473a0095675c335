"""Country codes of other systems, from the GeoNames country list the gazetteer is built from."""

from __future__ import annotations

from functools import lru_cache

from tacitus.places.index import _geonames_file


@lru_cache(maxsize=1)
def fips_codes() -> dict[str, str]:
    """ISO3 → FIPS 10-4 country code (the code GDELT's geography fields use), where GeoNames gives one."""
    return {row["iso3"]: row["fips"] for row in _geonames_file("countries.json").values() if row.get("fips")}
