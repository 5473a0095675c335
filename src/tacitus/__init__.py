"""tacitus: political event data from news reports."""

__version__ = "0.1.0"


from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tacitus.api import open as open


def __getattr__(name: str) -> object:
    # `tacitus.open` loads pandas only when used, so the command line starts fast
    if name == "open":
        from tacitus.api import open

        return open
    raise AttributeError(f"module 'tacitus' has no attribute {name!r}")
