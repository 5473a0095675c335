"""Give the events of a synthetic database (benchmarks/synthetic_events.py) locations, for the map benchmark.

    python benchmarks/synthetic_events.py --events 1000000 --out /tmp/synthetic.duckdb
    python benchmarks/synthetic_places.py --db /tmp/synthetic.duckdb --share 0.6
    python benchmarks/web_latency.py --db /tmp/synthetic.duckdb --rounds 20

With a fixed seed, a share of the events is located at a real gazetteer place: in the source
country (70%) or the target country, at one of that country's 40 most populous places, the
bigger ones more often (Zipf); the record is the one the places stage writes.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import time
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from tacitus.places.index import IndexSpec, ensure_index

PLACES_PER_COUNTRY = 40


def gazetteer_places() -> dict[str, list[dict[str, object]]]:
    con = sqlite3.connect(f"file:{ensure_index(IndexSpec())}?mode=ro", uri=True)
    found = con.execute(
        "SELECT name, country, admin1, lat, lon, geonameid FROM ("
        "  SELECT *, row_number() OVER (PARTITION BY country ORDER BY population DESC) AS rank"
        "  FROM place WHERE kind = 'city' AND country IS NOT NULL) WHERE rank <= ?",
        (PLACES_PER_COUNTRY,),
    ).fetchall()
    con.close()
    by_country: dict[str, list[dict[str, object]]] = {}
    for name, country, admin1, lat, lon, geonameid in found:
        by_country.setdefault(country, []).append(
            {
                "text": name,
                "name": name,
                "country": country,
                "admin1": admin1,
                "lat": round(lat, 5),
                "lon": round(lon, 5),
                "geonameid": geonameid,
                "start": 0,
                "end": len(name),
                "precision": "city",
                "confidence": 0.9,
                "basis": "clause",
            }
        )
    return by_country


def add_locations(db: Path, share: float, seed: int = 7) -> int:
    rng = np.random.default_rng(seed)
    places = gazetteer_places()
    with duckdb.connect(str(db)) as con:
        events = con.execute("SELECT event_id, source_country, target_country FROM events ORDER BY rowid").fetchall()
        count = len(events)
        located = rng.random(count) < share
        use_source = rng.random(count) < 0.7
        draws = rng.random(count)
        records = {
            country: ([json.dumps(p) for p in found], np.cumsum(1.0 / np.arange(1, len(found) + 1) ** 1.2))
            for country, found in places.items()
        }
        ids, locations = [], []
        for i, (event_id, source, target) in enumerate(events):
            if not located[i]:
                continue
            country = source if (use_source[i] or not target) else target
            if country not in records:
                continue
            texts, cumulative = records[country]
            ids.append(event_id)
            locations.append(texts[int(np.searchsorted(cumulative, draws[i] * cumulative[-1]))])
        con.register("located", pa.table({"event_id": ids, "location": locations}))
        con.execute(
            "UPDATE events SET location = located.location FROM located WHERE events.event_id = located.event_id"
        )
        con.execute("CHECKPOINT")
    return len(ids)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--share", type=float, default=0.6, help="Share of events given a location.")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    started = time.perf_counter()
    located = add_locations(args.db, args.share, args.seed)
    print(f"{located} events located in {args.db} ({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
