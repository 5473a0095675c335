"""Resident memory of `tacitus code` over a long run: is it flat?

    python benchmarks/memory.py --articles 20000 --workers 1 ../shared/data/news/allsides-dev.jsonl.gz

Streams N articles (the input repeated as often as needed; each repeat gets an edition line
so its texts are new) through a coding process in a subprocess and samples the resident
memory (RSS) of that process and of each worker it starts, once a second. Prints RSS against
articles committed, each process's peak, and the growth from the first quarter of the run to
the end. Limit: under 1.5 GB per worker, and flat (the growth a small share of the peak).
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psutil

RUNNER = """
import sys
from tacitus.config import load_settings
from tacitus.pipeline import code_paths

source, db, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
done = 0
def progress(n):
    global done
    done += n
    print(done, flush=True)
code_paths([source], load_settings().with_overrides(workers=workers), db=db, on_progress=progress)
"""
LIMIT_BYTES = 1.5 * 1024**3


def articles(path: Path) -> Iterator[dict[str, object]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as source:
        for line in source:
            record = json.loads(line)
            if str(record.get("text") or "").strip():
                yield record


def write_input(path: Path, count: int, out: Path) -> None:
    written = 0
    edition = 0
    with out.open("w", encoding="utf-8") as target:
        while written < count:
            for record in articles(path):
                if edition:
                    record = {
                        **record,
                        "id": f"{record.get('id')}-e{edition}",
                        "text": f"Edition {edition}.\n\n{record['text']}",
                    }
                target.write(json.dumps(record) + "\n")
                written += 1
                if written == count:
                    return
            edition += 1


class Sampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.current: dict[int, int] = {}
        self.peak: dict[int, int] = {}
        self.peak_at: dict[int, int] = {}
        self.done = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(1.0):
            try:
                processes = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            current = {}
            for process in processes:
                try:
                    current[process.pid] = process.memory_info().rss
                except psutil.NoSuchProcess:
                    continue
            self.current = current
            for pid, rss in current.items():
                if rss > self.peak.get(pid, 0):
                    self.peak[pid] = rss
                    self.peak_at[pid] = self.done


def mb(value: float) -> str:
    return f"{value / 1024**2:7.0f} MB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path)
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--every", type=int, default=500, help="print a line every this many articles")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        write_input(args.path, args.articles, source)
        process = subprocess.Popen(
            [sys.executable, "-c", RUNNER, str(source), str(Path(tmp) / "memory.duckdb"), str(args.workers)],
            stdout=subprocess.PIPE,
            text=True,
        )
        sampler = Sampler(process.pid)
        sampler.start()
        start = time.monotonic()
        checkpoints: list[tuple[int, dict[int, int]]] = []
        next_mark = args.every
        assert process.stdout is not None
        for line in process.stdout:
            if not line.strip().isdigit():
                print(f"(coding process said: {line.rstrip()})", file=sys.stderr)
                continue
            done = int(line)
            sampler.done = done
            if done >= next_mark:
                checkpoints.append((done, dict(sampler.current)))
                rss = "  ".join(f"{pid}:{mb(v)}" for pid, v in sorted(sampler.current.items()))
                print(f"{done:7d} articles  {time.monotonic() - start:7.0f} s  {rss}", flush=True)
                next_mark += args.every
        process.wait()
        sampler.stop.set()
    if process.returncode != 0 or not checkpoints:
        print(f"the coding process failed (exit {process.returncode})")
        return 1
    quarter = next(c for c in checkpoints if c[0] >= checkpoints[-1][0] / 4)
    print(f"\n{checkpoints[-1][0]} articles, {args.workers} worker(s) requested")
    worst = 0
    for pid, peak in sorted(sampler.peak.items()):
        growth = checkpoints[-1][1].get(pid, 0) - quarter[1].get(pid, 0)
        role = "main" if pid == process.pid else "worker"
        print(
            f"  {role:>6} {pid}: peak {mb(peak)} (after {sampler.peak_at[pid]} articles), "
            f"from {quarter[0]} articles to the end {mb(growth)}"
        )
        worst = max(worst, peak)
    print(f"largest process: {mb(worst)} ({'under' if worst < LIMIT_BYTES else 'OVER'} the 1.5 GB limit)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
