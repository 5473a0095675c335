import re
import warnings
from pathlib import Path

import pytest

from tacitus.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient


@pytest.fixture(scope="module")
def client(web_db: Path) -> TestClient:
    return TestClient(create_app(web_db), base_url="http://127.0.0.1")


def rows(html: str) -> int:
    return html.count('class="event-row"')


def cameo_codes(html: str) -> list[str]:
    return re.findall(r'class="cameo quad\d"[^>]*>(\d+)<', html)


def total(html: str) -> int:
    match = re.search(r'<span id="total">(\d+)</span>', html)
    assert match, "the page shows no total"
    return int(match.group(1))


@pytest.mark.parametrize(
    "url",
    ["/events", "/dyad?a=IND&b=PAK", "/network", "/documents/wire-0001", "/quotes", "/static/tacitus.css"],
)
def test_pages_load(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert response.text.strip()


def test_root_redirects_to_events(client: TestClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 302 and response.headers["location"] == "/events"


def test_each_filter_narrows_the_events(client: TestClient) -> None:
    everything = total(client.get("/events").text)
    assert everything > 40
    narrower = {
        "actor=IND": lambda html: "IND" in html,
        "source=JPN&target=CHN": lambda html: "JPN" in html and "CHN" in html,
        "code=19": lambda html: all(c.startswith("19") for c in cameo_codes(html)) and bool(cameo_codes(html)),
        "code=12&quad_class=3": lambda html: "quad3" in html,
        "since=2019-10-01": lambda html: "2019-03-05" not in html,
        "until=2019-03-05": lambda html: "2019-03-05" in html,
        "text=troops": lambda html: "troops" in html.lower(),
    }
    for params, check in narrower.items():
        html = client.get(f"/events?{params}").text
        assert 0 < total(html) < everything, params
        assert check(html), params
    assert total(client.get("/events?modality=all").text) > everything
    assert total(client.get("/events?modality=conditional").text) >= 1


def test_sorting_and_pages(client: TestClient) -> None:
    html = client.get("/events?sort=-goldstein&per_page=10").text
    scores = [float(s) for s in re.findall(r'<td class="num">(-?\d+\.\d)</td>', html)]
    assert len(scores) == 10 and scores == sorted(scores, reverse=True)
    ascending = [
        float(s) for s in re.findall(r'<td class="num">(-?\d+\.\d)</td>', client.get("/events?sort=goldstein").text)
    ]
    assert ascending == sorted(ascending)
    first = client.get("/events?per_page=10").text
    second = client.get("/events?per_page=10&page=2").text
    assert rows(first) == rows(second) == 10
    ids = lambda html: set(re.findall(r"#t-([0-9a-f]+)", html))  # noqa: E731
    assert not ids(first) & ids(second)
    assert 'rel="next"' in first and 'rel="prev"' in second


def test_rows_link_to_their_evidence(client: TestClient) -> None:
    html = client.get("/events?source=JPN&target=CHN").text
    doc_id, event_id = re.search(r'href="/documents/([^"#]+)#t-([0-9a-f]+)"', html).groups()
    document = client.get(f"/documents/{doc_id}").text
    assert f'id="t-{event_id}"' in document
    assert client.get(f"/events/{event_id}").status_code == 200


def test_dyad_page_charts_both_directions(client: TestClient) -> None:
    html = client.get("/dyad?a=IND&b=PAK&freq=day").text
    assert "IND → PAK" in html and "PAK → IND" in html
    points = [int(n) for n in re.findall(r'data-points="(\d+)"', html)]
    assert len(points) == 4 and all(n > 0 for n in points)
    assert html.count('<rect class="bar"') >= 4 and "<polyline" in html
    assert rows(html) >= 3
    for freq in ("week", "month"):
        assert client.get(f"/dyad?a=IND&b=PAK&freq={freq}").status_code == 200


def test_network_has_weighted_coloured_edges(client: TestClient) -> None:
    html = client.get("/network").text
    edges = re.findall(r'<line class="edge"[^>]*stroke="(#[0-9a-f]{6})" stroke-width="([\d.]+)"', html)
    assert len(edges) >= 5
    assert len({colour for colour, _ in edges}) > 1 and len({width for _, width in edges}) > 1
    later = client.get("/network?since=2019-10-01").text
    assert 0 < later.count('class="edge"') < len(edges)


def test_document_page_highlights_events_and_quotes(client: TestClient) -> None:
    html = client.get("/documents/quoted-0001").text
    for role in ("trigger", "source", "target", "quote", "speaker"):
        assert f"hl-{role}" in html, role
    assert "We will not accept patrols in our waters" in html
    assert 'id="q-quoted-0001-q1"' in html and rows(html) >= 1


def test_quotes_page_by_speaker(client: TestClient, web_db: Path) -> None:
    import duckdb

    with duckdb.connect(str(web_db), read_only=True) as con:
        stored = con.execute("SELECT count(*) FROM quotes").fetchone()[0]
        turkish = con.execute(
            "SELECT count(*) FROM quotes WHERE speaker_country = 'TUR' OR speaker_code = 'TUR'"
        ).fetchone()[0]
    html = client.get("/quotes?per_page=200").text
    assert total(html) == stored and "Nikos Dendias" in html and "Turkish officials" in html
    one = client.get("/quotes", params={"speaker": "Nikos Dendias"}).text
    assert total(one) == 1 and "We will not accept" in one and "talks would continue" not in one
    assert total(client.get("/quotes?actor=TUR").text) == turkish >= 1


def test_markup_in_an_article_is_inert(client: TestClient) -> None:
    html = client.get("/documents/hostile-0001").text
    assert "&lt;script&gt;" in html
    assert "<script" not in html.lower()
    assert not re.search(r"<[^>]*\sonerror\s*=", html, re.IGNORECASE)
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", html, re.IGNORECASE)
    for url in ("/events?text=accused", "/events?modality=all"):
        assert "<script" not in client.get(url).text.lower()


def test_every_response_forbids_scripts(client: TestClient) -> None:
    headers = client.get("/events").headers
    assert "script-src 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/documents/no-such-document", 404),
        ("/events/0000000000000000", 404),
        ("/nowhere", 404),
        ("/events?since=2019-02-30", 400),
        ("/events?quad_class=7", 400),
        ("/events?actor=US%27%3B%20DROP%20TABLE%20events", 400),
        ("/events?code=abc", 400),
        ("/events?sort=evidence%3B", 400),
        ("/events?page=-1", 400),
        ("/events?per_page=100000", 400),
        ("/dyad?a=IND&b=PAK&freq=decade", 400),
        ("/quotes?page=x", 400),
    ],
)
def test_unknown_ids_and_bad_parameters(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert 'id="error"' in response.text


def test_text_search_is_literal(client: TestClient) -> None:
    assert total(client.get("/events", params={"text": "%"}).text) == 0
    assert total(client.get("/events", params={"text": "' OR 1=1 --"}).text) == 0


def test_other_host_names_are_refused(web_db: Path) -> None:
    other = TestClient(create_app(web_db), base_url="http://attacker.example")
    assert other.get("/events").status_code == 400


def test_headline_events_are_marked_in_the_title_not_the_body(client: TestClient, web_db: Path) -> None:
    import duckdb

    with duckdb.connect(str(web_db), read_only=True) as con:
        found = con.execute(
            "SELECT doc_id, event_id, trigger_start, trigger_end FROM events WHERE headline LIMIT 1"
        ).fetchone()
        assert found, "the examples carry at least one headline-only event"
        doc_id, event_id, start, end = found
        title = con.execute("SELECT title FROM documents WHERE doc_id = ?", [doc_id]).fetchone()[0]
    html = client.get(f"/documents/{doc_id}").text
    heading = html[html.index("<h1>") : html.index("</h1>")]
    assert f'id="t-{event_id}"' in heading
    assert f">{title[start:end]}</mark>" in heading
    body = html[html.index('id="text"') :]
    assert f'id="t-{event_id}"' not in body
