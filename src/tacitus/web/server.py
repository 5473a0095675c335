"""Running the app with uvicorn, after checking the database and the address."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

from tacitus.errors import Errors, TacitusError
from tacitus.web import queries

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def check_address(host: str, port: int) -> None:
    """Raise E145 if `host:port` cannot be listened on (in use, or not an address of this machine)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise TacitusError(Errors.E145, host=host, port=port, reason=str(exc)) from exc
    family, _kind, _proto, _name, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise TacitusError(Errors.E145, host=host, port=port, reason=exc.strerror or str(exc)) from exc


def allowed_hosts(host: str) -> list[str]:
    """Host names the app answers to: local names only, unless it listens on another address."""
    if host in LOCAL_HOSTS:
        return ["127.0.0.1", "localhost", "::1", "[::1]"]
    return ["*"]


def serve(
    db: Path, host: str, port: int, on_ready: Callable[[str], None] | None = None, hold_seconds: float = 1.0
) -> None:
    import uvicorn

    from tacitus.web.app import create_app

    with queries.read_only(db) as con:
        if not queries.table_columns(con, "events"):
            raise TacitusError(Errors.E143, path=db)
    check_address(host, port)
    app = create_app(db, allowed_hosts=allowed_hosts(host), hold_seconds=hold_seconds)
    shown = f"[{host}]" if ":" in host else host
    if on_ready:
        on_ready(f"http://{shown}:{port}/")
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
