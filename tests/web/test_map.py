"""The map: event locations counted by place in SQL, the place filters of the events listing, the SVG page."""

from __future__ import annotations

import dataclasses
import re
import warnings
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tacitus.errors import TacitusError
from tacitus.places.land import LandCells
from tacitus.store import open_store
from tacitus.types import Actor, CodedDocument, Event, TextSpan
from tacitus.web import map_queries, queries
from tacitus.web.app import create_app
from tacitus.web.map import HEIGHT, WIDTH, circle_radius, draw_map, fit_view, land_path, world_view
from tests.conftest import make_document

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

ALEPPO = {"name": "Aleppo", "country": "SYR", "admin1": "09", "lat": 36.20124, "lon": 37.16117, "geonameid": 170063}
DAMASCUS = {"name": "Damascus", "country": "SYR", "admin1": "13", "lat": 33.5102, "lon": 36.29128, "geonameid": 170654}
GENEVA = {"name": "Geneva", "country": "CHE", "admin1": "GE", "lat": 46.20222, "lon": 6.14569, "geonameid": 2660646}
KHAN_YUNIS = {"name": "Khan Yunis", "country": "PSE", "admin1": "GZ", "lat": 31.34018, "lon": 34.30627,
              "geonameid": 281133}  # fmt: skip

# (source, target, cameo, goldstein, date, place, negated)
EVENTS: list[tuple[str, str, str, float, str, dict[str, Any] | None, bool]] = [
    ("SYRMIL", "SYRREB", "190", -10.0, "2020-03-01", ALEPPO, False),
    ("SYRMIL", "SYRREB", "195", -10.0, "2020-03-02", ALEPPO, False),
    ("RUSMIL", "SYRREB", "195", -10.0, "2020-04-10", ALEPPO, False),
    ("SYRGOV", "IRNGOV", "040", 1.0, "2020-03-05", DAMASCUS, False),
    ("USAGOV", "RUSGOV", "036", 4.0, "2020-06-01", GENEVA, False),
    ("RUSGOV", "USAGOV", "036", 4.0, "2020-06-02", GENEVA, False),
    ("ISRMIL", "PSE", "195", -10.0, "2020-05-20", KHAN_YUNIS, False),
    ("TURGOV", "GRCGOV", "111", -2.0, "2020-05-21", None, False),
    ("SYRMIL", "SYRREB", "190", -10.0, "2020-03-09", ALEPPO, True),
]


def _actor(code: str) -> Actor:
    return Actor(code, 0, 3, code[:3], code[3:] or None, code)


def _event(number: int, spec: tuple[str, str, str, float, str, dict[str, Any] | None, bool]) -> Event:
    source, target, cameo, goldstein, day, place, negated = spec
    location = None if place is None else {**place, "text": place["name"], "precision": "city", "basis": "clause"}
    return Event(
        event_id=f"{number:016x}", doc_id=f"map-{number}", sentence=0, date=day, date_precision="day",
        date_text=None, source=_actor(source), target=_actor(target), cameo=cameo, cameo_root=cameo[:2],
        quad_class=4 if goldstein <= -9 else 1, goldstein=goldstein, plover=None,
        trigger=TextSpan("did", 4, 7), negated=negated, modality="asserted",
        evidence=f"Report {number} of what {source} did to {target}.", entry="test", location=location,
    )  # fmt: skip


@pytest.fixture(scope="module")
def map_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    coded = []
    for number, spec in enumerate(EVENTS):
        event = _event(number, spec)
        document = dataclasses.replace(make_document(event.evidence, doc_id=event.doc_id), content_hash=event.doc_id)
        coded.append(CodedDocument(document, [], [event]))
    path = tmp_path_factory.mktemp("map") / "map.duckdb"
    with open_store(path) as store:
        store.write(coded, "test")
    return path


@pytest.fixture
def con(map_db: Path) -> Any:
    connection = duckdb.connect(str(map_db), read_only=True)
    yield connection
    connection.close()


def counts(con: Any, **filters: Any) -> dict[str, int]:
    found = map_queries.place_counts(con, queries.event_query(filters))
    return {row["name"]: row["events"] for row in found.places}


def test_events_are_counted_by_place(con: Any) -> None:
    found = map_queries.place_counts(con, queries.event_query({}))
    assert [(p["name"], p["country"], p["events"]) for p in found.places] == [
        ("Aleppo", "SYR", 3), ("Geneva", "CHE", 2), ("Damascus", "SYR", 1), ("Khan Yunis", "PSE", 1)
    ]  # fmt: skip
    assert (found.total_places, found.located_events, found.events) == (4, 7, 8)
    aleppo = found.places[0]
    assert (aleppo["lat"], aleppo["lon"]) == (36.20124, 37.16117) and aleppo["goldstein_mean"] == -10.0
    assert counts(con, modality="all")["Aleppo"] == 4


def test_the_events_filters_apply_to_the_map(con: Any) -> None:
    assert counts(con, actor="USA") == {"Geneva": 2}
    assert counts(con, code="19") == {"Aleppo": 3, "Khan Yunis": 1}
    assert counts(con, since="2020-04-01", until="2020-05-31") == {"Aleppo": 1, "Khan Yunis": 1}
    assert counts(con, country="syr") == {"Aleppo": 3, "Damascus": 1}
    assert counts(con, actor="GRC") == {}
    limited = map_queries.place_counts(con, queries.event_query({}), limit=2)
    assert len(limited.places) == 2 and limited.total_places == 4


def test_near_and_country_filter_the_events_listing(con: Any) -> None:
    def listed(**filters: Any) -> set[str]:
        return {e["location"] and e["doc_id"] for e in queries.page_of_events(con, queries.event_query(filters))}

    assert listed(near="36.20124,37.16117", radius="0.1") == {"map-0", "map-1", "map-2"}
    # Damascus is about 310 km from Aleppo
    assert listed(near="36.20124,37.16117", radius="250") == {"map-0", "map-1", "map-2"}
    assert listed(near="36.20124,37.16117", radius="400") == {"map-0", "map-1", "map-2", "map-3"}
    assert listed(country="PSE") == {"map-6"}
    assert queries.event_query({"near": "36.2,37.1"}).radius == queries.DEFAULT_RADIUS_KM


@pytest.mark.parametrize(
    "values",
    [{"country": "SY"}, {"country": "S1R"}, {"near": "91,0"}, {"near": "36.2"}, {"near": "north,east"},
     {"near": "36,37", "radius": "0"}, {"near": "36,37", "radius": "-5"}, {"radius": "10"},
     {"near": "nan,37"}],
)  # fmt: skip
def test_bad_place_filters_are_refused(values: dict[str, str]) -> None:
    with pytest.raises(TacitusError, match="E140"):
        queries.event_query(values)


def test_a_country_view_frames_its_places_with_the_maps_proportions() -> None:
    places = [ALEPPO, DAMASCUS]
    view = fit_view(places)
    assert view.west < 36.29 and view.east > 37.17 and view.south < 33.51 and view.north > 36.21
    assert (view.east - view.west) / (view.north - view.south) == pytest.approx(WIDTH / HEIGHT)
    assert view.degrees_wide < 20 and not view.world
    assert fit_view([]).world and world_view().world
    far = fit_view([{"lat": 70.0, "lon": -170.0}, {"lat": -50.0, "lon": 175.0}])
    assert far.west >= -180 and far.east <= 180.0001 and far.south >= -90 and far.north <= 90


def test_circle_area_follows_the_event_count() -> None:
    assert circle_radius(160, 160) == pytest.approx(4 * circle_radius(10, 160))
    assert circle_radius(160, 160) > circle_radius(40, 160) > circle_radius(1, 10_000) > 0


def test_land_is_drawn_in_runs_and_clipped_to_the_view() -> None:
    land = LandCells(0.5, frozenset({(72, 72), (72, 73), (72, 74), (0, -10)}), 500)
    world, size = land_path(land, world_view())
    assert size == 1.0 and world.count("M") == 2
    zoomed, fine = land_path(land, fit_view([ALEPPO]))
    # cells of row 72 span 36° to 36.5° N, so their top edge is at y = 90 - 36.5
    assert fine == 0.5 and zoomed == "M216 53.5h1.5v0.5h-1.5z"
    drawing = draw_map([{**ALEPPO, "events": 3, "goldstein_mean": -10.0}], land, fit_view([ALEPPO]))
    assert drawing.points == 1 and drawing.graticule and drawing.circles[0].x == pytest.approx(217.16117)


@pytest.fixture(scope="module")
def client(map_db: Path) -> TestClient:
    return TestClient(create_app(map_db), base_url="http://127.0.0.1")


def circles(html: str) -> list[str]:
    return re.findall(r"<circle [^>]*><title>([^<]*)</title>", html)


@pytest.mark.slow
def test_the_map_page_draws_a_circle_per_place(client: TestClient) -> None:
    response = client.get("/map")
    assert response.status_code == 200 and "script-src 'none'" in response.headers["content-security-policy"]
    html = response.text
    assert '<a href="/map">Map</a>' in html
    assert sorted(circles(html)) == [
        "Aleppo, SYR: 3 events, mean Goldstein -10.0", "Damascus, SYR: 1 event, mean Goldstein 1.0",
        "Geneva, CHE: 2 events, mean Goldstein 4.0", "Khan Yunis, PSE: 1 event, mean Goldstein -10.0",
    ]  # fmt: skip
    assert 'class="land" d="M' in html and "GeoNames populated place" in html
    assert re.search(r'viewBox="0\.000 6\.000 360\.000 142\.000"', html)
    link = re.search(r'<a href="(/events\?near=36\.20124%2C37\.16117[^"]*)"><circle', html)
    assert link is not None
    listing = client.get(link.group(1).replace("&amp;", "&")).text
    assert re.search(r'<span id="total">3</span>', listing) and "within" in listing


@pytest.mark.slow
def test_the_map_filters_and_zooms_to_a_country(client: TestClient) -> None:
    syria = client.get("/map?country=SYR&since=2020-03-01").text
    assert sorted(circles(syria)) == [
        "Aleppo, SYR: 3 events, mean Goldstein -10.0", "Damascus, SYR: 1 event, mean Goldstein 1.0"
    ]  # fmt: skip
    box = [float(v) for v in re.search(r'<svg id="map"[^>]* viewBox="([^"]+)"', syria).group(1).split()]  # type: ignore[union-attr]
    assert box[2] < 20 and box[0] < 36.29 + 180 < 37.17 + 180 < box[0] + box[2]
    assert "zoomed to the events located in SYR" in syria
    assert circles(client.get("/map?actor=USA").text) == ["Geneva, CHE: 2 events, mean Goldstein 4.0"]
    assert "no located events" in client.get("/map?actor=GRC").text
    bad = client.get("/map?country=Syria")
    assert bad.status_code == 400 and "E140" in bad.text
