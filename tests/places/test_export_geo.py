"""Located events in the GDELT export: ActionGeo is the event location; ActorNGeo too, for an actor at home."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.export import GDELT_COLUMNS, gdelt_row
from tests.web.test_map import map_db  # noqa: F401  (the fixture: events we located by hand)


def exported(db: Path, tmp_path: Path) -> dict[str, dict[str, str]]:
    out = tmp_path / "events.tsv"
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "gdelt", "--out", str(out), "--all"])
    assert result.exit_code == 0, result.output
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in out.read_text().splitlines()]
    return {f"{r['Actor1Code']}>{r['Actor2Code']}@{r['SQLDATE']}": r for r in rows}


def geo(row: dict[str, str], prefix: str) -> tuple[str, ...]:
    return tuple(row[f"{prefix}_{name}"] for name in ("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long"))


def test_the_export_fills_the_geography_of_located_events(map_db: Path, tmp_path: Path) -> None:  # noqa: F811
    rows = exported(map_db, tmp_path)
    aleppo = rows["SYRMIL>SYRREB@20200301"]
    assert geo(aleppo, "ActionGeo") == ("4", "Aleppo, 09, SYR", "SY", "SY09", "36.2012", "37.1612")
    assert aleppo["ActionGeo_FeatureID"] == "170063"
    # both actors are Syrian and the event happened in Syria
    assert geo(aleppo, "Actor1Geo") == geo(aleppo, "Actor2Geo") == geo(aleppo, "ActionGeo")
    russian = rows["RUSMIL>SYRREB@20200410"]
    assert geo(russian, "Actor1Geo") == ("",) * 6 and geo(russian, "Actor2Geo") == geo(russian, "ActionGeo")
    geneva = rows["USAGOV>RUSGOV@20200601"]
    assert geo(geneva, "ActionGeo")[2:4] == ("SZ", "SZGE") and geneva["ActionGeo_Lat"] == "46.2022"
    assert geo(geneva, "Actor1Geo") == geo(geneva, "Actor2Geo") == ("",) * 6
    nowhere = rows["TURGOV>GRCGOV@20200521"]
    assert all(nowhere[name] == "" for name in GDELT_COLUMNS if "Geo_" in name)


def test_the_geography_type_follows_the_precision() -> None:
    base = {
        "event_id": "00000000000000a1", "doc_id": "d", "sentence": 0, "date": "2021-01-05", "doc_date": None,
        "source_text": "Texas officials", "source_country": "USA", "source_sector": "GOV", "source_code": "USAGOV",
        "target_text": None, "target_country": None, "target_sector": None, "target_code": None,
        "cameo": "010", "cameo_root": "01", "quad_class": 1, "goldstein": 0.0, "doc_coded_at": None,
    }  # fmt: skip
    places: dict[str, tuple[dict[str, Any], str, str]] = {
        "Texas": ({"name": "Texas", "country": "USA", "admin1": "TX", "lat": 31.2, "lon": -99.1, "precision": "admin1"},
                  "2", "USTX"),
        "Austin": ({"name": "Austin", "country": "USA", "admin1": "TX", "lat": 30.27, "lon": -97.74,
                    "precision": "city"}, "3", "USTX"),
        "Crimea": ({"name": "Crimea", "country": "UKR", "admin1": None, "lat": 45.3, "lon": 34.4,
                    "precision": "admin1"}, "5", "UP"),
        "Iraq": ({"name": "Iraq", "country": "IRQ", "admin1": None, "lat": 33.34, "lon": 44.4,
                  "precision": "country"}, "1", "IZ"),
    }  # fmt: skip
    for name, (location, geo_type, adm1) in places.items():
        fields = dict(zip(GDELT_COLUMNS, gdelt_row({**base, "location": json.dumps(location)}), strict=True))
        assert (fields["ActionGeo_Type"], fields["ActionGeo_ADM1Code"]) == (geo_type, adm1), name
        assert fields["Actor2Geo_Type"] == ""
        assert (fields["Actor1Geo_Type"] != "") == (location["country"] == "USA"), name
    unresolved = {"text": "Nowhere Creek", "name": None, "country": None, "lat": None, "lon": None}
    fields = dict(zip(GDELT_COLUMNS, gdelt_row({**base, "location": json.dumps(unresolved)}), strict=True))
    assert fields["ActionGeo_Type"] == fields["ActionGeo_FullName"] == ""
