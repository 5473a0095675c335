"""Store: coded documents in one DuckDB file, and queries over it."""

from tacitus.store.database import EventFilter, Store, open_store

__all__ = ["EventFilter", "Store", "open_store"]
