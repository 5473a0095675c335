"""The server's read-only hold on the database: opened on demand, shared by concurrent requests,
released after a short idle time so that `tacitus code` can take the file between visits."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from tacitus.errors import Errors, TacitusError
from tacitus.web import queries


class SharedReadOnly:
    """One read-only DuckDB connection for all requests, each on its own cursor.

    With `hold_seconds` 0 the file is opened and closed for every request; otherwise it stays
    open while requests keep coming and closes `hold_seconds` after the last one ends.
    """

    def __init__(self, path: Path, hold_seconds: float = 1.0) -> None:
        self.path = path
        self.hold_seconds = hold_seconds
        self._lock = threading.Lock()
        self._con: Any = None
        self._users = 0
        self._last_use = 0.0
        self._timer: threading.Timer | None = None

    @contextmanager
    def connect(self) -> Iterator[Any]:
        if self.hold_seconds <= 0:
            with queries.read_only(self.path) as con:
                yield con
            return
        with self._lock:
            if self._con is None:
                self._con = queries.open_read_only(self.path)
            self._users += 1
            cursor = self._con.cursor()
        try:
            yield cursor
        except duckdb.CatalogException as exc:
            raise TacitusError(Errors.E143, path=self.path) from exc
        finally:
            cursor.close()
            with self._lock:
                self._users -= 1
                self._last_use = time.monotonic()
                if self._users == 0:
                    self._schedule_release()

    def _schedule_release(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = threading.Timer(self.hold_seconds, self._release_if_idle)
        self._timer.daemon = True
        self._timer.start()

    def _release_if_idle(self) -> None:
        with self._lock:
            idle = time.monotonic() - self._last_use
            if self._users == 0 and self._con is not None and idle >= self.hold_seconds * 0.99:
                self._con.close()
                self._con = None

    def is_open(self) -> bool:
        with self._lock:
            return self._con is not None

    def close(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            if self._con is not None:
                self._con.close()
                self._con = None
