"""The app in headless Chromium: pages load, a filter narrows the table, charts draw, screenshots are kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import HOSTILE_TITLE

pytestmark = pytest.mark.slow

PAGES = {
    "events": "/events",
    "dyad": "/dyad?a=IND&b=PAK&freq=day",
    "network": "/network",
    "document": "/documents/quoted-0001",
    "quotes": "/quotes",
    "hostile": "/documents/hostile-0001",
}


def visible_rows(browser: Any) -> int:
    from selenium.webdriver.common.by import By

    return len(browser.find_elements(By.CSS_SELECTOR, "#events tbody tr"))


def test_every_page_loads_and_is_screenshotted(live_server: str, browser: Any, screenshots: Path) -> None:
    from selenium.webdriver.common.by import By

    for name, path in PAGES.items():
        browser.get(live_server + path)
        assert browser.find_element(By.TAG_NAME, "h1").text.strip(), name
        assert "tacitus" in browser.title
        shot = screenshots / f"{name}.png"
        assert browser.save_screenshot(str(shot)), name
        assert shot.stat().st_size > 5_000, name


def test_a_filter_narrows_the_table(live_server: str, browser: Any, screenshots: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.expected_conditions import staleness_of
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(live_server + "/events?per_page=200")
    before = int(browser.find_element(By.ID, "total").text)
    assert visible_rows(browser) == min(before, 200)
    field = browser.find_element(By.NAME, "actor")
    field.clear()
    field.send_keys("IND")
    old_total = browser.find_element(By.ID, "total")
    browser.find_element(By.ID, "apply").click()
    WebDriverWait(browser, 20).until(staleness_of(old_total))
    after = int(browser.find_element(By.ID, "total").text)
    assert 0 < after < before
    assert visible_rows(browser) == after
    assert "actor=IND" in browser.current_url
    sources_and_targets = [cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "#events tbody td .actor")]
    assert any(code.startswith("IND") for code in sources_and_targets)
    browser.save_screenshot(str(screenshots / "events-filtered.png"))


def test_charts_render_with_data(live_server: str, browser: Any, screenshots: Path) -> None:
    from selenium.webdriver.common.by import By

    browser.get(live_server + "/dyad?a=IND&b=PAK&freq=day")
    charts = browser.find_elements(By.CSS_SELECTOR, "svg.chart-svg")
    assert len(charts) == 4
    for chart in charts:
        assert int(chart.get_attribute("data-points")) > 0
        bars = chart.find_elements(By.CSS_SELECTOR, "rect.bar")
        assert bars and all(bar.size["height"] > 0 and bar.size["width"] > 0 for bar in bars)
    browser.get(live_server + "/network")
    network = browser.find_element(By.ID, "network")
    assert network.size["width"] > 300
    assert len(network.find_elements(By.CSS_SELECTOR, "line.edge")) >= 5
    assert len(network.find_elements(By.CSS_SELECTOR, "circle.node")) >= 5
    browser.save_screenshot(str(screenshots / "network.png"))


def test_markup_in_an_article_does_not_run(live_server: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    browser.get(live_server + "/documents/hostile-0001")
    text = browser.find_element(By.ID, "text")
    assert "<script>" in text.text and "onerror" in text.text
    assert not text.find_elements(By.CSS_SELECTOR, "script, img, a")
    assert browser.title == f"{HOSTILE_TITLE} · tacitus"
    assert browser.execute_script("return document.scripts.length") == 0
