"""The map's land background: grid cells holding populated places, computed once from the index and cached."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tacitus.places import land
from tacitus.places.index import SCHEMA, IndexSpec, index_path
from tacitus.places.land import LandCells, compute_cells, land_cells

# name, lat, lon, kind: two towns in one 0.5° cell, one in the next cell east, one south of the equator
# and west of Greenwich, and a country point that is not a populated place
PLACES = [
    ("Riverton", 36.20, 37.16, "city"),
    ("Hillbury", 36.45, 37.40, "city"),
    ("Eastmoor", 36.10, 37.60, "city"),
    ("Southport", -0.30, -78.50, "city"),
    ("Somewhere", 10.0, 10.0, "country"),
]


def fake_index(path: Path) -> Path:
    con = sqlite3.connect(path)
    con.executescript(SCHEMA)
    for number, (name, lat, lon, kind) in enumerate(PLACES, 1):
        con.execute(
            "INSERT INTO place VALUES (?, NULL, ?, 'XXX', NULL, ?, ?, 1000, ?, 0)", (number, name, lat, lon, kind)
        )
    con.commit()
    con.close()
    return path


def test_cells_hold_the_populated_places(tmp_path: Path) -> None:
    cells = compute_cells(fake_index(tmp_path / "index.sqlite"), 0.5)
    assert cells == {(72, 74), (72, 75), (-1, -157)}
    assert compute_cells(tmp_path / "index.sqlite", 1.0) == {(36, 37), (-1, -79)}


def test_runs_join_neighbouring_cells_and_coarsen_merges_them() -> None:
    cells = LandCells(0.5, frozenset({(72, 74), (72, 75), (72, 77), (-1, -157)}), 500)
    assert cells.runs() == [(-1, -157, 1), (72, 74, 2), (72, 77, 1)]
    coarse = cells.coarsen(2)
    assert coarse.resolution == 1.0 and coarse.cells == {(36, 37), (36, 38), (-1, -79)}


def test_land_is_computed_once_then_read_from_the_cache_folder(tmp_path: Path) -> None:
    index = fake_index(index_path(IndexSpec(15000), tmp_path))
    land._land_cells.cache_clear()
    first = land_cells(tmp_path)
    assert first.min_population == 15000 and first.cells == {(72, 74), (72, 75), (-1, -157)}
    cached = list(tmp_path.glob("land-*.json"))
    assert len(cached) == 1 and index.stem in cached[0].name
    stored = json.loads(cached[0].read_text())
    stored["cells"] = [[1, 2]]
    cached[0].write_text(json.dumps(stored))
    land._land_cells.cache_clear()
    assert land_cells(tmp_path).cells == {(1, 2)}
    cached[0].write_text("{broken")
    land._land_cells.cache_clear()
    assert land_cells(tmp_path).cells == first.cells
    land._land_cells.cache_clear()
