"""Where people live, as grid cells: the land background of the map, derived from the gazetteer.

A cell is `resolution` degrees square and counts as land when at least one GeoNames populated
place of the index lies in it. Cells are computed once from the index and kept in the cache
folder beside it (a small JSON file named after the index), then in memory.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tacitus.errors import Errors, TacitusError
from tacitus.places.index import POPULATION_CUTOFFS, IndexSpec, cache_folder, ensure_index, index_path

FINE = 0.5
CELLS_FORMAT = 1


@dataclass(frozen=True)
class LandCells:
    """Grid cells holding populated places: (row, column) with row = floor(lat / resolution)."""

    resolution: float
    cells: frozenset[tuple[int, int]]
    min_population: int

    def coarsen(self, factor: int) -> LandCells:
        """The same land on a grid `factor` times coarser."""
        cells = frozenset((row // factor, column // factor) for row, column in self.cells)
        return LandCells(self.resolution * factor, cells, self.min_population)

    def runs(self) -> list[tuple[int, int, int]]:
        """Horizontal runs of adjacent cells (row, first column, length), so a row draws as few shapes."""
        by_row: dict[int, list[int]] = {}
        for row, column in self.cells:
            by_row.setdefault(row, []).append(column)
        found = []
        for row in sorted(by_row):
            columns = sorted(by_row[row])
            start = previous = columns[0]
            for column in columns[1:]:
                if column != previous + 1:
                    found.append((row, start, previous - start + 1))
                    start = column
                previous = column
            found.append((row, start, previous - start + 1))
        return found


def _available_spec(folder: Path) -> IndexSpec:
    """The most detailed index already in the cache folder, else the default one (built on first use)."""
    for population in POPULATION_CUTOFFS:
        spec = IndexSpec(population)
        if index_path(spec, folder).exists():
            return spec
    return IndexSpec()


def compute_cells(index: Path, resolution: float = FINE) -> frozenset[tuple[int, int]]:
    try:
        con = sqlite3.connect(f"file:{index}?mode=ro", uri=True)
        try:
            found = con.execute(
                "SELECT DISTINCT CAST(floor(lat / ?) AS INTEGER), CAST(floor(lon / ?) AS INTEGER) "
                "FROM place WHERE kind = 'city'",
                (resolution, resolution),
            ).fetchall()
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise TacitusError(Errors.E203, path=index, reason=exc) from exc
    return frozenset((int(row), int(column)) for row, column in found)


def _write_atomically(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(prefix=".land-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@lru_cache(maxsize=4)
def _land_cells(folder: Path) -> LandCells:
    spec = _available_spec(folder)
    index = index_path(spec, folder)
    cached = index.with_name(f"land-{CELLS_FORMAT}-{FINE}-{index.stem}.json")
    if cached.exists():
        try:
            stored = json.loads(cached.read_text(encoding="utf-8"))
            return LandCells(FINE, frozenset((int(r), int(c)) for r, c in stored["cells"]), spec.min_population)
        except (OSError, ValueError, KeyError, TypeError):
            cached.unlink(missing_ok=True)
    cells = compute_cells(ensure_index(spec, folder), FINE)
    try:
        _write_atomically(cached, json.dumps({"resolution": FINE, "cells": sorted(cells)}, separators=(",", ":")))
    except OSError as exc:
        raise TacitusError(Errors.E201, folder=folder, reason=exc) from exc
    return LandCells(FINE, cells, spec.min_population)


def land_cells(folder: Path | None = None) -> LandCells:
    """The land cells (0.5°) of the most detailed place index in the cache folder, computed on first use."""
    return _land_cells((folder or cache_folder()).resolve())
