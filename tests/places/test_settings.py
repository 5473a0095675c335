"""The [places] setting: which population cut-off builds the place index the places stage uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from tacitus.config import load_settings
from tacitus.errors import TacitusError
from tacitus.pipeline import DocumentCoder
from tacitus.places import PlaceResolver
from tacitus.places.index import IndexSpec, index_path


def settings_file(tmp_path: Path, value: str) -> Path:
    path = tmp_path / "tacitus.toml"
    path.write_text(f"[places]\nmin_population = {value}\n")
    return path


def test_the_default_is_every_place_of_500_inhabitants() -> None:
    assert load_settings().places_min_population == 500


def test_the_setting_reaches_the_places_stage(tmp_path: Path) -> None:
    settings = load_settings(settings_file(tmp_path, "15000"))
    assert settings.places_min_population == 15000
    assert DocumentCoder(settings).places.min_population == 15000


@pytest.mark.parametrize("value", ["0", "-500", "2500", "500.5", '"500"', "true"])
def test_a_bad_cutoff_is_a_clear_error(tmp_path: Path, value: str) -> None:
    with pytest.raises(
        TacitusError,
        match=r"E052.*tacitus\.toml: min_population \(section places\) must be one of 500, 1000, 5000, 15000",
    ):
        load_settings(settings_file(tmp_path, value))


def test_each_cutoff_has_its_own_index_file(tmp_path: Path) -> None:
    small, full = index_path(IndexSpec(15000), tmp_path), index_path(IndexSpec(500), tmp_path)
    assert small != full and small.name.startswith("places-15000-") and full.name.startswith("places-500-")


@pytest.mark.slow
def test_a_larger_cutoff_builds_and_uses_a_smaller_index(tmp_path: Path) -> None:
    resolver = PlaceResolver(15000, cache_dir=tmp_path)
    resolver.setup()
    assert resolver.gazetteer is not None
    assert resolver.gazetteer.path == index_path(IndexSpec(15000), tmp_path)
    assert [p.name for p in tmp_path.glob("places-*.sqlite")] == [resolver.gazetteer.path.name]
    places, _ = resolver.gazetteer.size()
    assert 20_000 < places < 40_000
    assert resolver.gazetteer.candidates("Aleppo")[0].place.country == "SYR"
    resolver.gazetteer.close()
