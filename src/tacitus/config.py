"""Settings: the commented defaults in package data, overlaid by a user file and by flags."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tacitus.datafiles import package_data
from tacitus.errors import Errors, TacitusError

USER_FILE = "tacitus.toml"


@dataclass(frozen=True)
class Settings:
    model: str = "en_core_web_sm"
    parse_batch_size: int = 32
    date_order: str = "DMY"
    byline_lines: int = 6
    code_batch_size: int = 64
    workers: int = 0
    pool_min_articles: int = 200
    engine: str = "local"
    ray_address: str | None = None
    shards: str | None = None
    near_duplicate_threshold: float = 0.6
    max_article_bytes: int = 20_000_000
    db: str = "tacitus.duckdb"
    extra_actor_files: tuple[str, ...] = field(default_factory=tuple)
    extra_lexicons: tuple[str, ...] = field(default_factory=tuple)
    places_min_population: int = 500
    store_memory_limit: str = "1GB"

    def with_overrides(self, **overrides: Any) -> Settings:
        given = {key: value for key, value in overrides.items() if value is not None}
        return replace(self, **given)


MEMORY_SIZE = re.compile(r"\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)", re.IGNORECASE)

_KEYS: dict[tuple[str, str], str] = {
    ("parse", "model"): "model",
    ("parse", "batch_size"): "parse_batch_size",
    ("read", "date_order"): "date_order",
    ("read", "byline_lines"): "byline_lines",
    ("code", "batch_size"): "code_batch_size",
    ("code", "workers"): "workers",
    ("code", "db"): "db",
    ("code", "pool_min_articles"): "pool_min_articles",
    ("code", "engine"): "engine",
    ("code", "ray_address"): "ray_address",
    ("code", "shards"): "shards",
    ("dedup", "near_duplicate_threshold"): "near_duplicate_threshold",
    ("read", "max_article_bytes"): "max_article_bytes",
    ("actors", "extra_files"): "extra_actor_files",
    ("events", "extra_lexicons"): "extra_lexicons",
    ("places", "min_population"): "places_min_population",
    ("store", "memory_limit"): "store_memory_limit",
}


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise TacitusError(Errors.E052, path=path, reason=exc) from exc
    except tomllib.TOMLDecodeError as exc:
        raise TacitusError(Errors.E052, path=path, reason=f"not valid TOML: {exc}") from exc


def _apply(values: dict[str, Any], table: dict[str, Any], path: Path) -> None:
    for section, body in table.items():
        if not isinstance(body, dict):
            raise TacitusError(Errors.E052, path=path, reason=f"'{section}' must be a [section]")
        for key, value in body.items():
            name = _KEYS.get((section, key))
            if name is None:
                raise TacitusError(Errors.E052, path=path, reason=f"unknown setting [{section}] {key}")
            values[name] = tuple(value) if isinstance(value, list) else value


def _validate(settings: Settings, path: Path | str) -> Settings:
    if settings.date_order not in ("DMY", "MDY"):
        raise TacitusError(Errors.E052, path=path, reason='[read] date_order must be "DMY" or "MDY"')
    if not isinstance(settings.workers, int) or settings.workers < 0:
        reason = f"workers must be 0 (automatic) or more, got {settings.workers!r}"
        raise TacitusError(Errors.E052, path=path, reason=reason)
    if settings.engine not in ("local", "ray"):
        raise TacitusError(Errors.E052, path=path, reason='[code] engine must be "local" or "ray"')
    threshold = settings.near_duplicate_threshold
    if not isinstance(threshold, int | float) or not 0 < threshold <= 1:
        raise TacitusError(Errors.E052, path=path, reason="near_duplicate_threshold must be above 0 and at most 1")
    for name in ("parse_batch_size", "code_batch_size", "byline_lines", "pool_min_articles", "max_article_bytes"):
        value = getattr(settings, name)
        if not isinstance(value, int) or value < 1:
            raise TacitusError(Errors.E052, path=path, reason=f"{name} must be a positive integer, got {value!r}")
    limit = settings.store_memory_limit
    if not isinstance(limit, str) or not MEMORY_SIZE.fullmatch(limit.strip()):
        reason = f'memory_limit (section store) must be a size such as "1GB" or "512MB", got {limit!r}'
        raise TacitusError(Errors.E052, path=path, reason=reason)
    from tacitus.places.index import POPULATION_CUTOFFS

    population = settings.places_min_population
    if type(population) is not int or population not in POPULATION_CUTOFFS:
        choices = ", ".join(map(str, POPULATION_CUTOFFS))
        reason = f"min_population (section places) must be one of {choices} (GeoNames city lists), got {population!r}"
        raise TacitusError(Errors.E052, path=path, reason=reason)
    return settings


def load_settings(user_file: Path | None = None) -> Settings:
    """Defaults, then ./tacitus.toml or the given file (or $TACITUS_CONFIG)."""
    values: dict[str, Any] = {}
    default_path = package_data("settings.toml")
    _apply(values, _read_toml(default_path), default_path)
    if user_file is None and os.environ.get("TACITUS_CONFIG"):
        user_file = Path(os.environ["TACITUS_CONFIG"])
    if user_file is None and Path(USER_FILE).is_file():
        user_file = Path(USER_FILE)
    source: Path | str = default_path
    if user_file is not None:
        if not user_file.is_file():
            raise TacitusError(Errors.E052, path=user_file, reason="file not found")
        _apply(values, _read_toml(user_file), user_file)
        source = user_file
    return _validate(Settings(**values), source)
