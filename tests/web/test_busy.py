"""The server while another process writes the database: a clear 503, never a crash, then the new data."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path

import pytest

from tacitus.web import queries
from tacitus.web.app import create_app
from tests.web.conftest import copy_db

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

HOLD_LOCK = """
import sys, time, duckdb
for attempt in range(100):  # the server may still hold the file for its idle time
    try:
        con = duckdb.connect(sys.argv[1])
        break
    except duckdb.IOException:
        time.sleep(0.1)
con.execute("BEGIN TRANSACTION")
con.execute("DELETE FROM events WHERE false")
print("locked", flush=True)
sys.stdin.readline()
con.execute("COMMIT")
con.close()
"""


def total(html: str) -> int:
    match = re.search(r'<span id="total">(\d+)</span>', html)
    assert match
    return int(match.group(1))


def test_a_writer_holding_the_file_gives_503_then_the_page(web_db: Path, tmp_path: Path) -> None:
    db = copy_db(web_db, tmp_path)
    client = TestClient(create_app(db, hold_seconds=0.3), base_url="http://127.0.0.1")
    before = client.get("/events")
    assert before.status_code == 200
    time.sleep(0.8)  # the server lets go of the file once idle, so a writer can take it
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        busy = client.get("/events")
        assert busy.status_code == 503
        assert busy.headers["retry-after"] == "2"
        assert "being written by another process" in busy.text
        assert client.get("/documents/wire-0001").status_code == 503
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=30)
    after = client.get("/events")
    assert after.status_code == 200 and total(after.text) == total(before.text)


def test_read_only_waits_briefly_for_a_writer_to_finish(web_db: Path, tmp_path: Path) -> None:
    db = copy_db(web_db, tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"

    def release() -> None:
        time.sleep(0.3)
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()

    threading.Thread(target=release).start()
    with queries.read_only(db) as con:
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] > 0
    holder.wait(timeout=30)


@pytest.mark.slow
def test_serving_while_tacitus_code_writes(web_db: Path, tmp_path: Path) -> None:
    db = copy_db(web_db, tmp_path)
    client = TestClient(create_app(db, hold_seconds=0), base_url="http://127.0.0.1")
    before = total(client.get("/events").text)
    articles = tmp_path / "new"
    articles.mkdir()
    (articles / "ports.txt").write_text(
        "Port dispute\n\nChile accused Peru of blocking the port of Arica on Monday. "
        "Peru rejected the accusation and Bolivia urged both governments to negotiate.\n",
        encoding="utf-8",
    )
    tacitus_cli = Path(sys.executable).with_name("tacitus")
    command = [str(tacitus_cli), "code", str(articles), "--db", str(db)]
    writer = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    statuses: list[int] = []
    while writer.poll() is None:
        statuses.append(client.get("/events").status_code)
        time.sleep(0.05)
    assert statuses and set(statuses) <= {200, 503}
    _, errors = writer.communicate()
    if writer.returncode != 0:
        # the writer met a request holding the file: a one-line error, nothing stored is lost; run it again
        assert writer.returncode == 2 and "E021" in errors and "Traceback" not in errors
        again = subprocess.run(command, capture_output=True, text=True, check=False)
        assert again.returncode == 0, again.stderr
    after = client.get("/events")
    assert after.status_code == 200 and total(after.text) > before


def test_the_shared_connection_serves_concurrent_requests_and_lets_go(web_db: Path, tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from tacitus.web.connection import SharedReadOnly

    db = copy_db(web_db, tmp_path)
    shared = SharedReadOnly(db, hold_seconds=0.2)

    def count(_: int) -> int:
        with shared.connect() as con:
            return int(con.execute("SELECT count(*) FROM events").fetchone()[0])

    with ThreadPoolExecutor(4) as pool:
        counts = list(pool.map(count, range(40)))
    assert len(set(counts)) == 1 and counts[0] > 0
    deadline = time.monotonic() + 10
    while shared.is_open():
        assert time.monotonic() < deadline, "the connection was not released when idle"
        time.sleep(0.05)
    import duckdb

    with duckdb.connect(str(db)) as writer:  # a writer can take the file now
        writer.execute("SELECT 1")
