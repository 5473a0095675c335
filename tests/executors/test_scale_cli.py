from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.config import Settings
from tacitus.errors import TacitusError
from tacitus.executors.ray_data import code_with_ray
from tacitus.pipeline import code_paths

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_unknown_engine_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Estonia summoned the Russian ambassador.", encoding="utf-8")
    code, _, err = run("code", str(tmp_path), "--db", str(tmp_path / "x.duckdb"), "--engine", "spark")
    assert code == 2
    message = " ".join(err.split())
    assert message.startswith("error: [E224] unknown engine 'spark'") and "Traceback" not in err


def test_load_without_shards_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "none").mkdir()
    code, _, err = run("load", str(tmp_path / "none"), "--db", str(tmp_path / "x.duckdb"))
    assert code == 2
    assert "[E222]" in err and "no output shards" in " ".join(err.split())


def test_ray_engine_without_ray_says_how_to_install_it(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)
    (tmp_path / "a.txt").write_text("Estonia summoned the Russian ambassador.", encoding="utf-8")
    with pytest.raises(TacitusError, match=r"pip install 'tacitus\[ray\]'"):
        code_paths([str(tmp_path / "a.txt")], settings.with_overrides(engine="ray"), db=tmp_path / "x.duckdb")
    assert not (tmp_path / "x.duckdb.shards").exists()


def test_ray_with_nothing_new_to_code_does_not_start_ray(tmp_path: Path, settings: Settings) -> None:
    class NoCommit:
        pass

    pytest.importorskip("ray")
    workers = code_with_ray(iter([]), settings.with_overrides(shards=str(tmp_path / "s")), NoCommit())  # type: ignore[arg-type]
    assert workers == 0
    assert not any((tmp_path / "s").rglob("*.parquet"))
