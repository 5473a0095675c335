"""The map in headless Chromium: the SVG renders its land and circles, and a circle leads to its events."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import running_server
from tests.web.test_map import map_db  # noqa: F401  (the fixture)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def map_server(map_db: Path) -> Iterator[str]:  # noqa: F811
    with running_server(map_db) as url:
        yield url


def test_the_map_renders_circles_that_link_to_their_events(map_server: str, browser: Any, screenshots: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.expected_conditions import staleness_of
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(map_server + "/map")
    svg = browser.find_element(By.ID, "map")
    assert svg.size["width"] > 600 and svg.size["height"] > 250
    assert int(svg.get_attribute("data-points")) == 4
    land = svg.find_element(By.CSS_SELECTOR, "path.land")
    assert land.size["width"] > 300 and land.size["height"] > 100
    circles = svg.find_elements(By.CSS_SELECTOR, "g.places circle")
    assert len(circles) == 4 and all(c.size["width"] > 3 for c in circles)
    sizes = {c.find_element(By.TAG_NAME, "title").get_attribute("textContent").split(":")[0]: c.size["width"]
             for c in circles}  # fmt: skip
    assert sizes["Aleppo, SYR"] > sizes["Geneva, CHE"] > sizes["Damascus, SYR"]
    assert browser.save_screenshot(str(screenshots / "map.png"))
    browser.get(map_server + "/map?country=SYR")
    zoomed = browser.find_elements(By.CSS_SELECTOR, "#map g.places circle")
    assert len(zoomed) == 2
    browser.save_screenshot(str(screenshots / "map-syria.png"))
    aleppo = next(c for c in zoomed if "Aleppo" in c.find_element(By.TAG_NAME, "title").get_attribute("textContent"))
    aleppo.click()
    WebDriverWait(browser, 20).until(staleness_of(aleppo))
    assert "/events?" in browser.current_url and "near=" in browser.current_url
    assert browser.find_element(By.ID, "total").text == "3"
