"""A database of the bundled examples plus two documents we wrote for the web app: one with quotes,
one whose text carries markup that must stay inert; a live server; a headless Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tacitus.cli import app as cli_app
from tacitus.pipeline import DocumentCoder
from tacitus.store import open_store
from tacitus.types import Actor, Document, Quote, TextSpan

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

QUOTED_TEXT = (
    "Greece rejected Turkey's proposal for joint patrols on Tuesday. "
    '"We will not accept patrols in our waters," said Foreign Minister Nikos Dendias. '
    "Turkish officials said the talks would continue next month."
)
HOSTILE_TEXT = (
    "France accused Italy of hiding border data. "
    "<script>document.title='pwned'</script> "
    "The statement <img src=x onerror=\"document.title='pwned'\"> was posted with a "
    "<a href=\"javascript:document.title='pwned'\">link</a>. "
    "Italy rejected the French proposal."
)
HOSTILE_TITLE = "<script>document.title='pwned'</script>Border row"


def _document(doc_id: str, text: str, title: str) -> Document:
    return Document(
        doc_id=doc_id,
        origin=f"tests/{doc_id}",
        raw_text=text,
        clean_text=text,
        content_hash=doc_id,
        fmt="txt",
        title=title,
        date="2020-05-12",
    )


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def quotes_for(doc_id: str) -> list[Quote]:
    said = '"We will not accept patrols in our waters,"'
    start, end = _span(QUOTED_TEXT, said)
    speaker_start, speaker_end = _span(QUOTED_TEXT, "Nikos Dendias")
    cue_start, _ = _span(QUOTED_TEXT, "said Foreign")
    later_cue, _ = _span(QUOTED_TEXT, "said the talks")
    indirect = "the talks would continue next month"
    i_start, i_end = _span(QUOTED_TEXT, indirect)
    officials = _span(QUOTED_TEXT, "Turkish officials")
    return [
        Quote(
            quote_id=f"{doc_id}-q1",
            doc_id=doc_id,
            text=said.strip('"').rstrip(","),
            start=start,
            end=end,
            kind="direct",
            speaker=Actor("Nikos Dendias", speaker_start, speaker_end, "GRC", "GOV", "GRCGOV"),
            cue=TextSpan("said", cue_start, cue_start + 4),
        ),
        Quote(
            quote_id=f"{doc_id}-q2",
            doc_id=doc_id,
            text=indirect,
            start=i_start,
            end=i_end,
            kind="indirect",
            speaker=Actor("Turkish officials", officials[0], officials[1], "TUR", "GOV", "TURGOV"),
            cue=TextSpan("said", later_cue, later_cue + 4),
        ),
    ]


_BUILT: dict[str, Path] = {}


def shared_web_db(tmp_path_factory: pytest.TempPathFactory, document_coder: DocumentCoder) -> Path:
    """The examples coded as `make demo` does, plus the quoted and the hostile documents; built once a session."""
    if "db" not in _BUILT:
        _BUILT["db"] = _build_web_db(tmp_path_factory.mktemp("web") / "web.duckdb", document_coder)
    return _BUILT["db"]


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, document_coder: DocumentCoder) -> Path:
    return shared_web_db(tmp_path_factory, document_coder)


def _build_web_db(db: Path, document_coder: DocumentCoder) -> Path:
    result = CliRunner().invoke(cli_app, ["code", str(EXAMPLES), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    quoted, hostile = document_coder.process_batch(
        [_document("quoted-0001", QUOTED_TEXT, "Patrol talks"), _document("hostile-0001", HOSTILE_TEXT, HOSTILE_TITLE)]
    )
    quoted.quotes = quotes_for("quoted-0001")
    with open_store(db) as store:
        store.write([quoted, hostile], model="test", replace=True)
    return db


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_server(db: Path) -> Iterator[str]:
    """The web app on `db`, served on a free local port in a thread, for as long as the block runs."""
    import uvicorn

    from tacitus.web.app import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(web_db: Path) -> Iterator[str]:
    with running_server(web_db) as url:
        yield url


def browser_available() -> bool:
    return Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium through selenium, with the system chromedriver (nothing downloaded)."""
    if not browser_available():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} and {CHROMEDRIVER} are needed: apt-get install chromium chromium-driver")
        pytest.skip("Chromium is not installed (apt-get install chromium chromium-driver)")
    os.environ["SE_OFFLINE"] = "true"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-dev-shm-usage", "--window-size=1280,1000"):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    """The test's own output folder for screenshots (under pytest's tmp folder)."""
    folder = tmp_path / "screenshots"
    folder.mkdir()
    return folder


def copy_db(source: Path, folder: Path) -> Path:
    target = folder / source.name
    shutil.copy(source, target)
    return target
