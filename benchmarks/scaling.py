"""Articles per second by executor on the same articles: 1 and 2 local workers, and Ray Data.

    python benchmarks/scaling.py --articles 2000 --workers 1 2 --ray 2 ../shared/data/news/allsides-dev.jsonl.gz

Each configuration codes the same sample (the first N articles with text) into a fresh
DuckDB file with the whole `tacitus code` path, model loading included. `--workers 1` codes in
this process; N > 1 uses the local process pool; `--ray N` runs Ray Data with N actors on
this machine. Prints articles/s per configuration and the speed-up over one worker, and
the per-core rate that docs/scaling.md projects from. Timing figures need a quiet machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import sample

from tacitus.config import load_settings
from tacitus.pipeline import code_paths


def run(articles: Path, workdir: Path, label: str, engine: str, workers: int) -> tuple[float, int, int]:
    settings = load_settings().with_overrides(
        engine=engine, workers=workers, shards=str(workdir / f"shards-{label}") if engine == "ray" else None
    )
    db = workdir / f"{label}.duckdb"
    start = time.perf_counter()
    summary = code_paths([str(articles)], settings, db=db)
    elapsed = time.perf_counter() - start
    db.unlink()
    return elapsed, summary.documents_stored, summary.events


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path, help="JSONL or JSONL.gz articles (id, text, ...)")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="local worker counts to time")
    parser.add_argument("--ray", type=int, nargs="*", default=[], help="Ray actor counts to time")
    parser.add_argument("--repeat", type=int, default=1, help="runs per configuration (median counts)")
    args = parser.parse_args()
    configurations = [(f"local-{n}", "local", n) for n in args.workers]
    configurations += [(f"ray-{n}", "ray", n) for n in args.ray]
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        articles = workdir / "articles.jsonl"
        count = sample(args.path, args.articles, articles)
        results: dict[str, tuple[float, int, int]] = {}
        for repeat in range(args.repeat):
            for label, engine, workers in configurations:
                elapsed, stored, events = run(articles, workdir, f"{label}-{repeat}", engine, workers)
                previous = results.get(label)
                times = [elapsed] if previous is None else [previous[0], elapsed]
                results[label] = (statistics.median(times), stored, events)
    print(f"articles: {count}  model: {load_settings().model}")
    baseline = results.get("local-1")
    for label, _engine, workers in configurations:
        elapsed, stored, events = results[label]
        rate = count / elapsed
        speedup = f"{baseline[0] / elapsed:5.2f}x" if baseline else "  -  "
        print(
            f"{label:>9}: {elapsed:8.1f} s  {rate:7.2f} articles/s  {rate / workers:6.2f} per worker  "
            f"speed-up {speedup}  ({stored} documents, {events} events)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
