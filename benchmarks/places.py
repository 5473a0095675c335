"""The places stage: gazetteer load time and memory, its share of the pipeline, and a sample to read.

    python benchmarks/places.py load
    python benchmarks/places.py share --articles 200 PATH.jsonl.gz
    python benchmarks/places.py sample --articles 100 --mentions 100 PATH.jsonl.gz

`load` opens the gazetteer in a fresh process (building it first if it is not cached) and
prints the seconds and the process's peak memory. `share` codes the articles (parse, actors,
events) and times the places stage on the same documents. `sample` prints place mentions
with their sentence and resolution, spread over the articles, for reading by eye.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

LOAD_PROBE = """
import resource, time
start = time.perf_counter()
from tacitus.places import Gazetteer
gazetteer = Gazetteer.open({population})
gazetteer.candidates("Aleppo")
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{{seconds:.3f}} {{peak:.1f}} {{gazetteer.size()[0]}} {{gazetteer.size()[1]}}")
"""


def read_articles(path: Path, count: int) -> list[dict[str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    articles = []
    with opener(path, "rt", encoding="utf-8") as source:
        for line in source:
            record = json.loads(line)
            if str(record.get("text") or "").strip():
                articles.append(record)
            if len(articles) == count:
                break
    return articles


def run_load(population: int) -> None:
    from tacitus.places.index import IndexSpec, ensure_index

    ensure_index(IndexSpec(population))
    output = subprocess.run(
        [sys.executable, "-c", LOAD_PROBE.format(population=population)], capture_output=True, text=True, check=True
    ).stdout.split()
    print(f"cities >= {population}: load {output[0]} s, peak RSS {output[1]} MB, {output[2]} places, {output[3]} names")


def _coded(path: Path, count: int) -> tuple[object, list[tuple[object, object, object, list[object]]], float]:
    from tacitus.config import load_settings
    from tacitus.pipeline import DocumentCoder
    from tacitus.types import Document

    coder = DocumentCoder(load_settings())
    coder.setup()
    documents = [
        Document(a["id"], str(path), a["text"], a["text"], a["id"], "jsonl", a.get("title"), a.get("date"))
        for a in read_articles(path, count)
    ]
    start = time.perf_counter()
    coded = []
    for document, doc in zip(documents, coder.parser.pipe(d.clean_text for d in documents), strict=True):
        actors = coder.actors.analyse(doc)
        _, events = coder.events(doc, document, actors)
        coded.append((doc, document, actors, events))
    return coder, coded, time.perf_counter() - start


def run_share(path: Path, count: int) -> None:
    from tacitus.places import PlaceResolver

    _, coded, pipeline_seconds = _coded(path, count)
    resolver = PlaceResolver()
    resolver.setup()
    start = time.perf_counter()
    located = 0
    for doc, document, actors, events in coded:
        located += sum(e.location is not None for e in resolver(doc, document, actors, events))  # type: ignore[arg-type, attr-defined]
    places_seconds = time.perf_counter() - start
    events = sum(len(c[3]) for c in coded)
    print(f"{len(coded)} articles, {events} events, {located} located")
    print(f"parse+actors+events {pipeline_seconds:.2f} s, places {places_seconds:.2f} s")
    print(f"places share of the pipeline: {places_seconds / (pipeline_seconds + places_seconds):.3%}")


def run_sample(path: Path, count: int, mentions: int) -> None:
    from tacitus.places import PlaceResolver

    _, coded, _ = _coded(path, count)
    resolver = PlaceResolver()
    resolver.setup()
    rows = []
    for doc, _document, actors, events in coded:
        found = resolver.places(doc, actors, events)  # type: ignore[arg-type]
        for mention in [*found.mentions, *([found.dateline] if found.dateline else [])]:
            rows.append((doc, mention))
    step = max(1, len(rows) // mentions)
    for number, (doc, mention) in enumerate(rows[::step][:mentions], start=1):
        text = doc.text  # type: ignore[attr-defined]
        context = text[max(0, mention.start - 70) : mention.end + 50].replace("\n", " ")
        place = mention.place
        resolved = (
            f"{place.name} ({place.country} {place.admin1 or ''} {place.kind}) conf {mention.confidence}"
            if place
            else "unresolved"
        )
        print(f"{number:3d}. [{mention.text}] role={mention.role} -> {resolved}\n     …{context}…")
    print(f"{len(rows)} mentions in {len(coded)} articles; every {step}th shown")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["load", "share", "sample"])
    parser.add_argument("path", nargs="?", type=Path)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--mentions", type=int, default=100)
    parser.add_argument("--population", type=int, default=500)
    args = parser.parse_intermixed_args()
    if args.what == "load":
        run_load(args.population)
    elif args.path is None:
        parser.error("share and sample need the articles' PATH")
    elif args.what == "share":
        run_share(args.path, args.articles)
    else:
        run_sample(args.path, args.articles, args.mentions)


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    main()
