"""`tacitus serve` as a user starts it."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.web.server import allowed_hosts
from tests.web.conftest import free_port

runner = CliRunner()


@pytest.mark.slow
def test_serve_prints_the_address_and_answers(web_db: Path) -> None:
    port = free_port()
    tacitus_cli = Path(sys.executable).with_name("tacitus")
    server = subprocess.Popen(
        [str(tacitus_cli), "serve", "--db", str(web_db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in line
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/documents/wire-0001", timeout=10)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and server.poll() is None
                time.sleep(0.1)
        assert response.status_code == 200 and "Japan" in response.text
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_reports_a_port_in_use(web_db: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", "--db", str(web_db), "--port", str(port)])
    assert result.exit_code == 2
    assert "E145" in result.stderr and "Traceback" not in result.stderr


def test_serve_reports_a_missing_database(tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "E023" in result.stderr


def test_only_local_names_unless_listening_elsewhere() -> None:
    assert "127.0.0.1" in allowed_hosts("127.0.0.1") and "*" not in allowed_hosts("localhost")
    assert allowed_hosts("0.0.0.0") == ["*"]
