"""Latency of the web app's events page (with filters) and of the dyad series, on a given database.

    python benchmarks/synthetic_events.py --events 1000000 --out /tmp/synthetic.duckdb
    python benchmarks/web_latency.py --db /tmp/synthetic.duckdb --rounds 20

Starts `tacitus serve` on a free loopback port and requests, round after round, a fixed set
of events pages (actor, dyad, CAMEO code, quad class, dates, modality, text search, sorting,
deep pages) and dyad pages (the series of both directions with their charts and events);
then map pages (events counted by place), first each once, then repeated (the app keeps the
counts of recent map queries while the database is unchanged); then calls the Python API's
`dyad_series` and the map's `place_counts` query. For the map, give the synthetic events places
first (benchmarks/synthetic_places.py). Prints the median and 95th percentile per kind.
Requests go only to 127.0.0.1 and stop after the given rounds.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import httpx

import tacitus
from tacitus.web import map_queries, queries

EVENTS_PAGES = [
    "/events",
    "/events?actor=USA",
    "/events?source=USA&target=CHN",
    "/events?code=19",
    "/events?code=125&since=2018-01-01&until=2019-12-31",
    "/events?quad_class=4&actor=RUS&sort=-goldstein",
    "/events?since=2020-03-01&until=2020-03-31&modality=all",
    "/events?modality=future&actor=TUR",
    "/events?text=sanctions",
    "/events?actor=IRN&text=military&per_page=100",
    "/events?sort=target&page=500",
    "/events?actor=DEU&sort=-date&page=20",
]
DYAD_PAGES = [
    "/dyad?a=USA&b=CHN&freq=week",
    "/dyad?a=RUS&b=UKR&freq=month",
    "/dyad?a=TUR&b=GRC&freq=day&since=2019-01-01&until=2019-12-31",
    "/dyad?a=IND&b=PAK&freq=week&since=2020-01-01",
]
MAP_PAGES = [
    "/map",
    "/map?country=SYR",
    "/map?actor=RUS&code=19",
    "/map?since=2019-01-01&until=2019-12-31&modality=all",
    "/map?country=USA&quad_class=1",
]
API_DYADS = [("USA", "CHN", "W"), ("RUS", "UKR", "M"), ("ISR", "IRN", "D"), ("GBR", "FRA", "W")]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def summary(name: str, times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (
        f"{name:<30} n={len(times):<5} median {statistics.median(times) * 1000:7.1f} ms"
        f"   p95 {p95 * 1000:7.1f} ms   max {ordered[-1] * 1000:7.1f} ms"
    )


def timed_requests(client: httpx.Client, urls: list[str], rounds: int, by_url: dict[str, list[float]]) -> list[float]:
    times = []
    for _ in range(rounds):
        for url in urls:
            started = time.perf_counter()
            response = client.get(url)
            took = time.perf_counter() - started
            times.append(took)
            by_url.setdefault(url, []).append(took)
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--per-url", action="store_true", help="Also print the figures of each address.")
    parser.add_argument("--hold", type=float, default=1.0, help="`tacitus serve --hold` (0: open per request).")
    args = parser.parse_args()
    port = free_port()
    tacitus_cli = Path(sys.executable).with_name("tacitus")
    command = [str(tacitus_cli), "serve", "--db", str(args.db), "--port", str(port), "--hold", str(args.hold)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    client.get("/static/tacitus.css")
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit("the server did not start") from None
                    time.sleep(0.2)
            timed_requests(client, EVENTS_PAGES + DYAD_PAGES, 1, {})  # warm-up: file cache, templates
            client.get("/map?actor=ZZZ")  # warm-up: the map's land cells, without filling its cache
            by_url: dict[str, list[float]] = {}
            events = timed_requests(client, EVENTS_PAGES, args.rounds, by_url)
            dyads = timed_requests(client, DYAD_PAGES, args.rounds, by_url)
            maps_first = timed_requests(client, MAP_PAGES, 1, by_url)
            maps_again = timed_requests(client, MAP_PAGES, args.rounds, by_url)
    finally:
        server.terminate()
        server.wait(timeout=10)
    database = tacitus.open(args.db)
    series = []
    for _ in range(args.rounds):
        for a, b, freq in API_DYADS:
            started = time.perf_counter()
            database.dyad_series(a, b, freq=freq)
            series.append(time.perf_counter() - started)
    place_counts = []
    with queries.read_only(args.db) as con:
        for _ in range(args.rounds):
            for url in MAP_PAGES:
                query = queries.event_query(dict(parse_qsl(urlsplit(url).query)))
                started = time.perf_counter()
                map_queries.place_counts(con, query)
                place_counts.append(time.perf_counter() - started)
    counts = database.counts()
    print(f"{args.db}: {counts['events']:,} events in {counts['documents']:,} documents")
    print(summary("events page (filtered)", events))
    print(summary("dyad page (2 series+charts)", dyads))
    print(summary("API dyad_series", series))
    print(summary("map page, first request", maps_first))
    print(summary("map page, repeated (cached)", maps_again))
    print(summary("map place_counts (SQL)", place_counts))
    if args.per_url:
        for url, times in by_url.items():
            print(summary(url, times))


if __name__ == "__main__":
    main()
