"""Hostile input in bulk: random bytes, broken HTML, huge lines, deep nesting, odd encodings and
corrupt archives fed to the readers and the cleaner for as long as asked.

    python benchmarks/fuzz_readers.py --minutes 10

Every example must give documents and one-line problems only: an exception, a hang (more than
60 s for one example) or an article that comes out neither as a document nor as a problem
stops the run with hypothesis's smallest failing example. CI runs a bounded subset
(tests/ingest/test_hostile_input.py).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.ingest.hostile import HostileFile, check_hostile_files, hostile_file

from tacitus.config import load_settings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--examples-per-round", type=int, default=200)
    args = parser.parse_args()
    defaults = load_settings()
    examples = 0

    @settings(
        max_examples=args.examples_per_round,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.lists(hostile_file(), min_size=1, max_size=4))
    def one_round(files: list[HostileFile]) -> None:
        nonlocal examples
        examples += 1
        check_hostile_files(files, defaults)

    start = time.monotonic()
    rounds = 0
    while time.monotonic() - start < args.minutes * 60:
        one_round()
        rounds += 1
        print(f"round {rounds}: {examples} examples, {time.monotonic() - start:.0f} s, no failure", flush=True)
    print(f"{examples} hostile examples in {time.monotonic() - start:.0f} s: no crash, hang or lost article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
