"""A run killed with SIGKILL halfway and started again ends with the database of an uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.executors.corpus import corpus_records, write_corpus
from tests.executors.dbcompare import database_contents

RUNNER = """
import sys
from tacitus.config import load_settings
from tacitus.pipeline import code_paths

source, db, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
settings = load_settings().with_overrides(code_batch_size=2, workers=workers)
summary = code_paths([source], settings, db=db, on_progress=lambda n: print("committed", n, flush=True))
print("done", summary.documents_stored, flush=True)
"""
TIMEOUT = 240


def run(tmp_path: Path, source: Path, db: Path, workers: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", RUNNER, str(source), str(db), str(workers)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        cwd=tmp_path,
        check=True,
    )


def run_and_kill(tmp_path: Path, source: Path, db: Path, workers: int, after_commits: int) -> int:
    """Start a run, SIGKILL its whole process group once `after_commits` batches are committed."""
    process = subprocess.Popen(
        [sys.executable, "-c", RUNNER, str(source), str(db), str(workers)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=tmp_path,
        start_new_session=True,
    )
    deadline = time.monotonic() + TIMEOUT
    commits = 0
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("committed"):
                commits += 1
            if commits >= after_commits or time.monotonic() > deadline:
                break
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(30)
    assert process.returncode == -signal.SIGKILL
    return commits


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_killed_run_resumed_gives_the_uninterrupted_database(tmp_path: Path, workers: int) -> None:
    source = write_corpus(tmp_path / "corpus.jsonl")
    reference = tmp_path / "reference.duckdb"
    resumed = tmp_path / "resumed.duckdb"
    run(tmp_path, source, reference, 1)
    commits = run_and_kill(tmp_path, source, resumed, workers, after_commits=2)
    assert commits == 2
    partial = database_contents(resumed)
    assert 0 < len(partial["documents"]) < len(corpus_records()) - 1
    finished = run(tmp_path, source, resumed, workers)
    assert "done" in finished.stdout
    expected = database_contents(reference)
    assert database_contents(resumed) == expected
    assert len(expected["documents"]) == len(corpus_records()) - 1
    assert len(expected["events"]) > 0
