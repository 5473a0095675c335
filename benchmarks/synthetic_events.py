"""Build a tacitus database of synthetic events for the web app and API latency benchmark.

    python benchmarks/synthetic_events.py --events 1000000 --out /tmp/synthetic.duckdb

Events are drawn, with a fixed seed, from the real CAMEO ontology (codes, Goldstein weights,
quad classes, PLOVER types) between ~60 countries whose activity follows a Zipf law, with
sectors, dates over ten years, the modality mix of coded news and sentences made from the
actors and the event name; about ten events per document. The schema is the store's own
(created by `open_store`); rows are bulk-loaded with Arrow, which is the point of a generator.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

from tacitus.events.ontology import load_ontology
from tacitus.store import open_store

COUNTRY_LIST = """
    USA CHN RUS GBR FRA DEU TUR IRN ISR IND PAK JPN KOR PRK SAU EGY SYR IRQ UKR POL
    ITA ESP BRA MEX CAN AUS NGA ZAF ETH KEN SDN LBY AFG VEN COL ARG GRC NLD BEL SWE
    NOR FIN DNK EST LVA LTU BLR GEO ARM AZE KAZ UZB IDN PHL VNM THA MMR BGD LKA QAT
"""
COUNTRIES = COUNTRY_LIST.split()
SECTORS = [None, None, None, "GOV", "GOV", "MIL", "OPP", "REB", "BUS", "MED", "CVL", "JUD", "COP"]
MODALITIES = ["asserted"] * 88 + ["future"] * 4 + ["conditional"] * 3 + ["hypothetical"] * 2 + ["question"] * 3
EVENTS_PER_DOCUMENT = 10
FIRST_DAY = np.datetime64("2015-01-01")
DAYS = 3653


def zipf_weights(n: int, exponent: float = 1.1) -> np.ndarray:
    weights = 1.0 / np.arange(1, n + 1) ** exponent
    return np.asarray(weights / weights.sum())


def event_table(count: int, rng: np.random.Generator) -> pa.Table:
    ontology = list(load_ontology().values())
    codes = np.array([e.code for e in ontology])
    code_weights = zipf_weights(len(codes), 0.8)
    rng.shuffle(code_weights)
    picked = rng.choice(len(codes), size=count, p=code_weights)
    country_weights = zipf_weights(len(COUNTRIES))
    source_country = np.array(COUNTRIES)[rng.choice(len(COUNTRIES), size=count, p=country_weights)]
    target_country = np.array(COUNTRIES)[rng.choice(len(COUNTRIES), size=count, p=country_weights)]
    same = source_country == target_country
    target_country[same] = np.array(COUNTRIES)[rng.integers(0, len(COUNTRIES), same.sum())]
    source_sector = np.array(SECTORS, dtype=object)[rng.integers(0, len(SECTORS), count)]
    target_sector = np.array(SECTORS, dtype=object)[rng.integers(0, len(SECTORS), count)]
    no_target = rng.random(count) < 0.15
    days = FIRST_DAY + rng.integers(0, DAYS, count).astype("timedelta64[D]")
    doc_index = np.arange(count) // EVENTS_PER_DOCUMENT
    negated = rng.random(count) < 0.04
    modality = np.array(MODALITIES)[rng.integers(0, len(MODALITIES), count)]

    entries = [ontology[i] for i in picked]
    rows: dict[str, list[object]] = {name: [] for name in ("event_id", "doc_id", "date", "cameo", "cameo_root")}
    extra: dict[str, list[object]] = {name: [] for name in ("quad_class", "goldstein", "plover_type", "evidence")}
    columns: dict[str, list[object]] = {}
    for role in ("source", "target"):
        for name in ("text", "country", "sector", "code", "start", "end"):
            columns[f"{role}_{name}"] = []
    for i in range(count):
        entry = entries[i]
        rows["event_id"].append(f"{i:016x}")
        rows["doc_id"].append(f"synthetic-{doc_index[i]:07d}")
        rows["date"].append(str(days[i]))
        rows["cameo"].append(entry.code)
        rows["cameo_root"].append(entry.root)
        extra["quad_class"].append(entry.quad_class)
        extra["goldstein"].append(entry.goldstein)
        extra["plover_type"].append(entry.plover.type if entry.plover else None)
        parts: list[str] = []
        for role, country, sector in (
            ("source", source_country[i], source_sector[i]),
            ("target", target_country[i], target_sector[i]),
        ):
            if role == "target" and no_target[i]:
                for name in ("text", "country", "sector", "code", "start", "end"):
                    columns[f"{role}_{name}"].append(None)
                continue
            text = f"{country} {sector.lower()}" if sector else str(country)
            start = 0 if role == "source" else len(parts[0]) + len(entry.name) + 2
            columns[f"{role}_text"].append(text)
            columns[f"{role}_country"].append(str(country))
            columns[f"{role}_sector"].append(sector)
            columns[f"{role}_code"].append(f"{country}{sector or ''}")
            columns[f"{role}_start"].append(start)
            columns[f"{role}_end"].append(start + len(text))
            parts.append(text)
        sentence = f"{parts[0]} {entry.name.lower()}" + (f" {parts[1]}." if len(parts) > 1 else ".")
        extra["evidence"].append(sentence)
    trigger_start = [len(str(t)) + 1 for t in columns["source_text"]]
    table = {
        **rows,
        "sentence": (np.arange(count) % EVENTS_PER_DOCUMENT).astype("int32"),
        "date_precision": ["day"] * count,
        "date_text": [None] * count,
        **columns,
        **extra,
        "plover_mode": [None] * count,
        "plover_context": [None] * count,
        "trigger_text": [e.name.split()[0].lower() for e in entries],
        "trigger_start": trigger_start,
        "trigger_end": [s + len(e.name.split()[0]) for s, e in zip(trigger_start, entries, strict=True)],
        "location": [None] * count,
        "negated": negated,
        "modality": modality,
        "entry": ["synthetic"] * count,
    }
    return pa.table(table)


def document_table(events: pa.Table) -> pa.Table:
    by_doc: dict[str, list[str]] = {}
    first_date: dict[str, str] = {}
    for doc_id, evidence, day in zip(
        events.column("doc_id").to_pylist(),
        events.column("evidence").to_pylist(),
        events.column("date").to_pylist(),
        strict=True,
    ):
        by_doc.setdefault(doc_id, []).append(evidence)
        first_date.setdefault(doc_id, day)
    ids = list(by_doc)
    texts = [" ".join(by_doc[i]) for i in ids]
    return pa.table(
        {
            "doc_id": ids,
            "origin": ["synthetic"] * len(ids),
            "fmt": ["txt"] * len(ids),
            "title": [f"Synthetic report {i}" for i in ids],
            "date": [first_date[i] for i in ids],
            "date_ambiguous": [False] * len(ids),
            "raw_text": texts,
            "clean_text": texts,
            "content_hash": ids,
            "model": ["synthetic"] * len(ids),
        }
    )


def build(path: Path, count: int, seed: int = 7) -> None:
    if path.exists():
        sys.exit(f"{path} exists; give a new --out")
    started = time.perf_counter()
    with open_store(path):
        pass
    events = event_table(count, np.random.default_rng(seed))
    documents = document_table(events)
    import duckdb

    with duckdb.connect(str(path)) as con:
        for name, table in (("documents", documents), ("events", events)):
            con.register("incoming", table)
            con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM incoming")
            con.unregister("incoming")
        con.execute("CHECKPOINT")
    took = time.perf_counter() - started
    print(f"{count} events in {documents.num_rows} documents → {path} ({took:.0f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    build(args.out, args.events, args.seed)


if __name__ == "__main__":
    main()
