"""Everything a database holds, for comparing two runs (the time a row was written left out)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tacitus.store import open_store

VARYING_COLUMNS = {"coded_at"}


def database_contents(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    contents: dict[str, list[tuple[Any, ...]]] = {}
    with open_store(path, read_only=True) as store:
        tables = [
            row[0]
            for row in store.con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name"
            ).fetchall()
        ]
        for table in tables:
            columns = [
                row[0]
                for row in store.con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                    [table],
                ).fetchall()
                if row[0] not in VARYING_COLUMNS
            ]
            selected = ", ".join(f'"{c}"' for c in columns)
            rows = store.con.execute(f'SELECT {selected} FROM "{table}"').fetchall()
            contents[table] = sorted(rows, key=repr)
    return contents
