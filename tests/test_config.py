from pathlib import Path

import pytest

from tacitus.config import load_settings
from tacitus.errors import TacitusError


def test_defaults_and_user_file(tmp_path: Path) -> None:
    defaults = load_settings()
    assert defaults.model == "en_core_web_sm"
    assert defaults.date_order == "DMY"
    user = tmp_path / "mine.toml"
    user.write_text('[read]\ndate_order = "MDY"\n[code]\nworkers = 2\n', encoding="utf-8")
    mine = load_settings(user)
    assert (mine.date_order, mine.workers, mine.model) == ("MDY", 2, "en_core_web_sm")
    assert mine.with_overrides(workers=None, db="x.duckdb").workers == 2


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[read]\ndate_order = 'YMD'\n", "date_order"),
        ("[code]\nworkers = -1\n", "workers"),
        ("[code]\nspeed = 3\n", "unknown setting [code] speed"),
        ("[code\n", "not valid TOML"),
        ("[store]\nmemory_limit = 'lots'\n", "memory_limit (section store)"),
        ("[store]\nmemory_limit = 512\n", "memory_limit (section store)"),
    ],
)
def test_bad_settings_name_file_and_setting(tmp_path: Path, body: str, message: str) -> None:
    user = tmp_path / "bad.toml"
    user.write_text(body, encoding="utf-8")
    with pytest.raises(TacitusError) as caught:
        load_settings(user)
    assert message in str(caught.value)
    assert "bad.toml" in str(caught.value)


def test_the_writer_keeps_the_store_memory_limit(tmp_path: Path) -> None:
    from tacitus.store import open_store

    with open_store(tmp_path / "capped.duckdb", memory_limit="256MB") as store:
        limit = store.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    assert limit == "244.1 MiB"  # 256 MB as DuckDB reports it, in binary units
