"""Throughput of the whole `tacitus code` path against bare spaCy, in one run on the same texts.

    python benchmarks/throughput.py --articles 500 PATH.jsonl.gz

(a) loads the same spaCy model and runs nlp.pipe over the articles' clean texts;
(b) runs the whole coding path (read, clean, parse, actors, events, store) into a fresh
DuckDB file. Both include loading the model. Prints articles/s, words/s and the ratio
of (b)'s time to (a)'s; the runs alternate when --repeat is above 1 and the medians count.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tacitus.clean import Cleaner
from tacitus.config import load_settings
from tacitus.ingest import read_articles
from tacitus.parse import load_model
from tacitus.pipeline import code_paths
from tacitus.types import Document, ReadProblem


def sample(path: Path, count: int, out: Path) -> int:
    """Copy the first `count` articles with text into a JSONL file; returns how many."""
    opener = gzip.open if path.suffix == ".gz" else open
    written = 0
    with opener(path, "rt", encoding="utf-8") as source, out.open("w", encoding="utf-8") as target:
        for line in source:
            record = json.loads(line)
            if not str(record.get("text") or "").strip():
                continue
            target.write(json.dumps(record) + "\n")
            written += 1
            if written == count:
                break
    return written


def clean_texts(path: Path) -> list[str]:
    settings = load_settings()
    cleaner = Cleaner(settings.date_order, settings.byline_lines)
    cleaner.setup()
    texts = []
    for article in read_articles([str(path)]):
        cleaned = cleaner(article) if not isinstance(article, ReadProblem) else None
        if isinstance(cleaned, Document):
            texts.append(cleaned.clean_text)
    return texts


def run_bare(texts: list[str], model: str, batch_size: int) -> float:
    start = time.perf_counter()
    nlp = load_model(model)
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def run_full(path: Path, workdir: Path, run: int, workers: int) -> tuple[float, int]:
    settings = load_settings().with_overrides(workers=workers)
    db = workdir / f"bench-{run}.duckdb"
    start = time.perf_counter()
    summary = code_paths([str(path)], settings, db=db)
    return time.perf_counter() - start, summary.events


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path, help="JSONL or JSONL.gz articles (id, text, ...)")
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--workers", type=int, default=1, help="workers for the full path")
    args = parser.parse_args()
    settings = load_settings()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        articles = workdir / "articles.jsonl"
        count = sample(args.path, args.articles, articles)
        texts = clean_texts(articles)
        words = sum(len(t.split()) for t in texts)
        bare_times, full_times, events = [], [], 0
        for run in range(args.repeat):
            bare_times.append(run_bare(texts, settings.model, settings.parse_batch_size))
            elapsed, events = run_full(articles, workdir, run, args.workers)
            full_times.append(elapsed)
    bare, full = statistics.median(bare_times), statistics.median(full_times)
    print(f"articles: {count}  words: {words}  model: {settings.model}  workers(full): {args.workers}")
    print(f"(a) bare nlp.pipe : {bare:8.1f} s  {count / bare:7.2f} articles/s  {words / bare:9.0f} words/s")
    print(f"(b) tacitus code  : {full:8.1f} s  {count / full:7.2f} articles/s  {words / full:9.0f} words/s")
    print(f"events coded: {events}")
    print(f"ratio b/a: {full / bare:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
