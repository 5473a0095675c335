import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.errors import TacitusError
from tacitus.export import GDELT_COLUMNS, export_database, first_day, gdelt_event_id, gdelt_row
from tacitus.pipeline import DocumentCoder
from tacitus.web.queries import EventQuery
from tests.web.conftest import shared_web_db


@pytest.fixture(scope="module")
def web_db(tmp_path_factory: pytest.TempPathFactory, document_coder: DocumentCoder) -> Path:
    return shared_web_db(tmp_path_factory, document_coder)


runner = CliRunner()


def export(db: Path, fmt: str, out: Path, *args: str) -> str:
    result = runner.invoke(app, ["export", "--db", str(db), "--format", fmt, "--out", str(out), *args])
    assert result.exit_code == 0, result.stderr
    return result.stderr


def test_gdelt_table_has_the_61_columns(web_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.gdelt.tsv"
    message = export(web_db, "gdelt", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert f"wrote {len(lines)} events" in message and len(GDELT_COLUMNS) == 61
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    japan = next(r for r in rows if r["Actor1Code"] == "JPN" and r["EventCode"] == "125")
    assert japan["Actor2CountryCode"] == "CHN"
    assert japan["SQLDATE"] == "20190718" and japan["MonthYear"] == "201907" and japan["Year"] == "2019"
    assert japan["EventBaseCode"] == "125" and japan["EventRootCode"] == "12"
    assert japan["QuadClass"] == "3" and float(japan["GoldsteinScale"]) == -5.0
    assert japan["FractionDate"] == f"{2019 + (7 * 30 + 18) / 365:.4f}"
    assert all(int(r[name]) >= 1 for r in rows for name in ("NumMentions", "NumSources", "NumArticles"))
    assert len({r["GLOBALEVENTID"] for r in rows}) == len(rows)
    assert all(r["SOURCEURL"] and len(r["DATEADDED"]) == 14 for r in rows)


def test_gdelt_row_maps_sectors_groups_and_places() -> None:
    row = {
        "event_id": "0000000000000ff0", "doc_id": "d", "sentence": 5, "date": "2020-02", "doc_date": "2020-02-09",
        "source_text": "NATO", "source_country": None, "source_sector": "IGO", "source_code": "IGONAT",
        "target_text": "Russian troops", "target_country": "RUS", "target_sector": "MIL", "target_code": "RUSMIL",
        "cameo": "1721", "cameo_root": "17", "quad_class": 4, "goldstein": -7.0, "doc_coded_at": None,
        "location": json.dumps({"name": "Narva", "country": "EST", "admin1": "Ida-Viru", "lat": 59.38, "lon": 28.19,
                                "geonameid": 590031}),
        "doc_url": "https://example.org/a", "num_mentions": 3, "num_sources": 2, "num_articles": 3,
    }  # fmt: skip
    fields = dict(zip(GDELT_COLUMNS, gdelt_row(row), strict=True))
    assert fields["GLOBALEVENTID"] == "255" == str(gdelt_event_id("0000000000000ff0"))
    assert fields["SQLDATE"] == "20200201" and fields["IsRootEvent"] == "0"
    assert fields["Actor1KnownGroupCode"] == "NAT" and fields["Actor1Type1Code"] == "IGO"
    assert fields["Actor2Name"] == "RUSSIAN TROOPS" and fields["Actor2Type1Code"] == "MIL"
    assert fields["EventBaseCode"] == "172"
    assert fields["ActionGeo_Type"] == "4" and fields["ActionGeo_FullName"] == "Narva, Ida-Viru, EST"
    assert fields["ActionGeo_Lat"] == "59.3800" and fields["ActionGeo_FeatureID"] == "590031"
    assert (fields["NumMentions"], fields["NumSources"], fields["NumArticles"]) == ("3", "2", "3")


def test_plover_json(web_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.json"
    export(web_db, "plover", out, "--dyad", "JPN", "CHN")
    records = json.loads(out.read_text(encoding="utf-8"))
    assert records and all(r["actor_country"] == "JPN" and r["recipient_country"] == "CHN" for r in records)
    reject = next(r for r in records if r["cameo"] == "125")
    assert reject["event_type"] == "REJECT" and reject["event_date"] == "2019-07-18"
    assert reject["story_id"] == "wire-0001" and reject["event_text"]


def test_parquet_csv_and_jsonl_agree(web_db: Path, tmp_path: Path) -> None:
    export(web_db, "parquet", tmp_path / "e.parquet", "--all")
    export(web_db, "csv", tmp_path / "e.csv", "--all")
    export(web_db, "jsonl", tmp_path / "e.jsonl", "--all")
    table = pq.read_table(tmp_path / "e.parquet")
    with (tmp_path / "e.csv").open(encoding="utf-8") as handle:
        csv_rows = list(csv.DictReader(handle))
    records = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()]
    assert table.num_rows == len(csv_rows) == len(records) > 100
    assert {"event_id", "cameo", "goldstein", "doc_url", "doc_date"} <= set(table.column_names)
    assert table.column("event_id").to_pylist() == [r["event_id"] for r in records]
    assert any(r["negated"] or r["modality"] != "asserted" for r in records)


def test_filters_and_standard_output(web_db: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(web_db), "--format", "csv", "--out", "-", "--code", "19"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and all(r["cameo"].startswith("19") for r in rows)


def test_export_mistakes(web_db: Path, tmp_path: Path) -> None:
    with pytest.raises(TacitusError, match="E146"):
        export_database(web_db, "jsonl", tmp_path / "missing" / "out.jsonl", EventQuery())
    with pytest.raises(TacitusError, match="E140"):
        export_database(web_db, "parquet", None)
    result = runner.invoke(app, ["export", "--db", str(web_db), "--format", "gdelt", "--out", "x", "--since", "1 May"])
    assert result.exit_code == 2 and "E140" in result.stderr and "Traceback" not in result.stderr


def test_gdelt_counts_mentions_of_merged_events(web_db: Path, tmp_path: Path) -> None:
    from tacitus.web import export_queries, queries

    with queries.read_only(web_db) as con:
        if not export_queries.has_merged_events(con):
            pytest.skip("this database has no merged events")
        asserted = con.execute("SELECT count(*) FROM events WHERE NOT negated AND modality = 'asserted'").fetchone()[0]
        groups = con.execute(
            "SELECT count(*) FROM merged_events WHERE NOT negated AND modality = 'asserted'"
        ).fetchone()[0]
    out = tmp_path / "merged.tsv"
    export(web_db, "gdelt", out)
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in out.read_text("utf-8").splitlines()]
    assert len(rows) == groups
    assert sum(int(r["NumMentions"]) for r in rows) == asserted
    assert all(int(r["NumArticles"]) <= int(r["NumMentions"]) for r in rows)


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2019-04-03", "2019-04-03"),
        ("2019-W14", "2019-04-01"),
        ("2019-W14-WE", "2019-04-06"),
        ("2019-03", "2019-03-01"),
        ("2019-Q3", "2019-07-01"),
        ("2018-H2", "2018-07-01"),
        ("2018-SU", "2018-06-01"),
        ("2002", "2002-01-01"),
        ("199", "1990-01-01"),
        ("19", "1900-01-01"),
        ("PRESENT_REF", None),
        ("2019-02-30", None),
        (None, None),
    ],
)
def test_first_day_of_timex_values(value: str | None, day: str | None) -> None:
    found = first_day(value)
    assert (found.isoformat() if found else None) == day
