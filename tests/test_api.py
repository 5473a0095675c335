from pathlib import Path

import pandas as pd
import pytest

import tacitus
from tacitus.api import EventDatabase
from tacitus.errors import TacitusError
from tacitus.pipeline import DocumentCoder
from tests.web.conftest import shared_web_db


@pytest.fixture(scope="module")
def web_db(tmp_path_factory: pytest.TempPathFactory, document_coder: DocumentCoder) -> Path:
    return shared_web_db(tmp_path_factory, document_coder)


@pytest.fixture(scope="module")
def database(web_db: Path) -> EventDatabase:
    return tacitus.open(web_db)


def test_events_as_a_dataframe_with_filters(database: EventDatabase) -> None:
    every = database.events()
    assert isinstance(every, pd.DataFrame) and len(every) > 40
    assert {"event_id", "doc_id", "date", "source_code", "target_code", "cameo", "goldstein", "evidence"} <= set(every)
    assert (every["modality"] == "asserted").all() and not every["negated"].any()
    dyad = database.events(dyad=("JPN", "CHN"))
    assert len(dyad) >= 1
    assert (dyad["source_country"] == "JPN").all() and (dyad["target_country"] == "CHN").all()
    india = database.events(actor="ind", code="19")
    assert 0 < len(india) < len(every)
    assert india["cameo"].str.startswith("19").all()
    assert len(database.events(modality="all")) > len(every)
    assert len(database.events(limit=5)) == 5
    assert database.events(since="2019-10-01")["date"].min() >= "2019-10-01"
    assert len(database.events(text="troops")) >= 1


def test_quotes_as_a_dataframe(database: EventDatabase) -> None:
    quotes = database.quotes()
    assert {"quote_id", "doc_id", "text", "speaker_text", "speaker_code", "kind"} <= set(quotes)
    by_speaker = database.quotes(speaker="Nikos Dendias")
    assert by_speaker["text"].tolist() == ["We will not accept patrols in our waters"]
    turkish = database.quotes(actor="TUR")
    assert len(turkish) >= 1 and ((turkish["speaker_country"] == "TUR") | (turkish["speaker_code"] == "TUR")).all()
    assert len(database.quotes(limit=1)) == 1
    assert database.quotes(text="no such words at all").empty


def test_dyad_series_per_day_week_and_month(database: EventDatabase) -> None:
    daily = database.dyad_series("IND", "PAK", freq="D")
    assert list(daily.columns) == ["events", "goldstein_sum", "goldstein_mean", "quad1", "quad2", "quad3", "quad4"]
    assert daily.index.name == "period" and isinstance(daily.index, pd.DatetimeIndex)
    events = database.events(dyad=("IND", "PAK"))
    assert daily["events"].sum() == len(events)
    assert daily["goldstein_sum"].sum() == pytest.approx(events["goldstein"].sum())
    assert (daily[["quad1", "quad2", "quad3", "quad4"]].sum(axis=1) == daily["events"]).all()
    weekly = database.dyad_series("IND", "PAK")
    assert (weekly.index.day_of_week == 0).all()
    assert weekly["events"].sum() == daily["events"].sum()
    monthly = database.dyad_series("IND", "PAK", freq="M")
    assert (monthly.index.day == 1).all()
    assert database.dyad_series("IND", "PAK", freq="D", since="2030-01-01").empty


def test_mistakes_are_one_line_errors(database: EventDatabase, tmp_path: Path) -> None:
    with pytest.raises(TacitusError, match="E141"):
        database.events(colour="red")
    with pytest.raises(TacitusError, match="E140"):
        database.events(since="yesterday")
    with pytest.raises(TacitusError, match="E140"):
        database.dyad_series("IND", "PAK", freq="fortnight")
    with pytest.raises(TacitusError, match="E023"):
        tacitus.open(tmp_path / "missing.duckdb")
