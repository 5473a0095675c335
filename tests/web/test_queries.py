from datetime import date
from pathlib import Path

import pytest

from tacitus.errors import TacitusError
from tacitus.web import charts, queries
from tacitus.web.highlight import Mark, segments


def test_values_are_checked_before_they_reach_sql() -> None:
    query = queries.event_query({"actor": " usa ", "code": "125", "since": "2019-01-01", "sort": "-goldstein"})
    assert (query.actor, query.code, query.since, query.sort, query.descending) == (
        "USA",
        "125",
        "2019-01-01",
        "goldstein",
        True,
    )
    assert queries.event_query({"dyad": "USA TUR"}).source == "USA"
    assert queries.event_query({"dyad": ("USA", "TUR")}).target == "TUR"
    for bad in (
        {"actor": "USA'--"},
        {"code": "1x"},
        {"quad_class": "5"},
        {"since": "2019-02-29"},
        {"modality": "maybe"},
        {"sort": "evidence"},
        {"per_page": "1000"},
        {"text": "x" * 300},
        {"dyad": "USA"},
    ):
        with pytest.raises(TacitusError, match="E140"):
            queries.event_query(bad)
    with pytest.raises(TacitusError, match="E141"):
        queries.event_query({"colour": "red"}, strict=True)
    assert queries.event_query({"colour": "red"}) == queries.EventQuery()


def test_where_clauses_carry_values_only_as_parameters() -> None:
    query = queries.event_query({"actor": "USA", "text": "50%_off", "modality": "future", "quad_class": "3"})
    sql, params = queries.event_where(query)
    assert "USA" not in sql and "50" not in sql and "future" not in sql
    assert params.count("USA") == 4 and "%50\\%\\_off%" in params and "future" in params and 3 in params


def test_count_and_page_agree_with_separate_queries(web_db: Path) -> None:
    with queries.read_only(web_db) as con:
        for values in ({"text": "the"}, {"text": "the", "page": "2", "per_page": "10"}, {"text": "zzzz"}, {}):
            query = queries.event_query(values)
            total, page = queries.count_and_page(con, query)
            assert total == queries.count_events(con, query)
            assert [e["event_id"] for e in page] == [e["event_id"] for e in queries.page_of_events(con, query)]


def test_segments_cover_the_text_once_with_every_role() -> None:
    text = "Greece rejected Turkey's offer."
    marks = [
        Mark(0, 6, "source"),
        Mark(7, 15, "trigger", "t-1"),
        Mark(16, 22, "target"),
        Mark(0, 31, "quote", "q-1"),
        Mark(40, 50, "trigger"),  # outside the text: ignored
    ]
    pieces = segments(text, marks)
    assert "".join(p.text for p in pieces) == text
    assert pieces[0].roles == ("quote", "source") and pieces[0].anchors == ["q-1"]
    trigger = next(p for p in pieces if "trigger" in p.roles)
    assert trigger.text == "rejected" and trigger.anchors == ["t-1"] and trigger.css == "hl-quote hl-trigger"


def _week(day: date, quad: int, goldstein: float) -> dict[str, object]:
    counts = {f"quad{q}": int(q == quad) for q in (1, 2, 3, 4)}
    return {"period": day, "events": 1, "goldstein_sum": goldstein, "goldstein_mean": goldstein, **counts}


def test_charts_keep_empty_periods_as_gaps() -> None:
    series = [_week(date(2020, 1, 6), 1, 3.0), _week(date(2020, 2, 3), 4, -10.0)]
    assert charts.slot_indexes([row["period"] for row in series], "week") == [0, 4]
    chart = charts.goldstein_chart(series, "t", "week")
    assert chart.points == 2 and len(chart.bars) == 2
    up, down = chart.bars
    assert up.fill == charts.QUAD_COLOURS[1] and down.fill == charts.QUAD_COLOURS[4]
    assert down.x - up.x == pytest.approx(4 * (charts.WIDTH - charts.MARGIN_LEFT - charts.MARGIN_RIGHT) / 5)
    assert chart.zero_y is not None and up.y < chart.zero_y and down.y == pytest.approx(chart.zero_y)
    counts = charts.quad_counts_chart(series, "t", "week")
    assert all(label == str(int(float(label))) for _, label in counts.y_ticks)


def test_long_series_are_drawn_as_paths() -> None:
    series = [_week(date(2000, 1, 3 + d), 1 + d % 4, 1.0) for d in range(0, 20)] * 10
    chart = charts.quad_counts_chart(series, "t", "day")
    assert not chart.bars and chart.paths and chart.points == 200


def test_goldstein_colours_run_from_conflict_to_cooperation() -> None:
    red, grey, green = (charts.goldstein_colour(v) for v in (-10, 0, 10))
    assert red == "#c0392b" and grey == "#969696" and green == "#2e8b57"


def test_network_layout_is_deterministic_and_inside_the_frame() -> None:
    edges = [
        {"source": "USA", "target": "TUR", "events": 9, "goldstein_mean": -4.0},
        {"source": "TUR", "target": "USA", "events": 3, "goldstein_mean": 1.0},
        {"source": "EGY", "target": "ETH", "events": 2, "goldstein_mean": -2.0},
    ]
    nodes, drawn = charts.network_layout(edges)
    again, _ = charts.network_layout(edges)
    assert [(n.x, n.y) for n in nodes] == [(n.x, n.y) for n in again]
    assert {n.name for n in nodes} == {"USA", "TUR", "EGY", "ETH"}
    assert all(0 <= n.x <= 760 and 0 <= n.y <= 560 for n in nodes)
    assert drawn[0].width > drawn[1].width and drawn[0].colour != drawn[1].colour
