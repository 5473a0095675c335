"""Local executors: in this process, or a pool of spawned worker processes.

Automatic worker count (`[code] workers = 0`): a run of more than `pool_min_articles`
articles uses one worker per usable CPU core less one (that core reads, cleans and stores);
smaller runs, and machines where that leaves a single worker, code in this process.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import cache
from itertools import chain
from types import TracebackType
from typing import TYPE_CHECKING, Protocol, Self

from tacitus.config import Settings
from tacitus.errors import Errors, TacitusError
from tacitus.types import CodedDocument, Document

if TYPE_CHECKING:
    from tacitus.pipeline import DocumentCoder


class BatchExecutor(Protocol):
    """Codes batches of documents, yielding results in the order the batches were given."""

    name: str
    workers: int

    def __enter__(self) -> Self: ...

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None: ...

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[CodedDocument]]: ...


@cache
def _libc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim: Callable[[int], int] = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None
    return trim


def release_memory() -> None:
    """Give memory freed after a batch back to the system, so resident memory stays flat between batches."""
    trim = _libc_trim()
    if trim is not None:
        trim(0)


def usable_cpus() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def plan_workers(settings: Settings, batches: Iterator[list[Document]]) -> tuple[int, Iterator[list[Document]]]:
    """The number of workers to use and the batches (looked ahead into, none lost)."""
    if settings.workers >= 1:
        return settings.workers, batches
    automatic = usable_cpus() - 1
    if automatic < 2:
        return 1, batches
    head: list[list[Document]] = []
    articles = 0
    for batch in batches:
        head.append(batch)
        articles += len(batch)
        if articles > settings.pool_min_articles:
            return automatic, chain(head, batches)
    return 1, iter(head)


def _make_coder(settings: Settings) -> DocumentCoder:
    from tacitus.pipeline import DocumentCoder

    coder = DocumentCoder(settings)
    coder.setup()
    return coder


class InProcessExecutor:
    name = "in-process"
    workers = 1

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.coder: DocumentCoder | None = None

    def __enter__(self) -> Self:
        self.coder = _make_coder(self.settings)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.coder = None

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[CodedDocument]]:
        assert self.coder is not None, "use the executor in a with block"
        for batch in batches:
            coded = self.coder.process_batch(batch)
            release_memory()
            yield coded


_WORKER: DocumentCoder | None = None


def _worker_setup(settings: Settings) -> None:
    global _WORKER
    _WORKER = _make_coder(settings)


def _worker_process(documents: list[Document]) -> list[CodedDocument]:
    assert _WORKER is not None
    coded = _WORKER.process_batch(documents)
    release_memory()
    return coded


def split_batch(batch: list[Document], pieces: int) -> list[list[Document]]:
    """The batch cut into up to `pieces` contiguous parts of nearly equal size, in order."""
    pieces = max(1, min(pieces, len(batch)))
    size, extra = divmod(len(batch), pieces)
    parts = []
    start = 0
    for index in range(pieces):
        end = start + size + (1 if index < extra else 0)
        parts.append(batch[start:end])
        start = end
    return parts


class PoolExecutor:
    """Spawned worker processes, each loading the models once.

    Each batch is cut into one part per worker, so every worker codes a share of every
    batch (no worker idles while another finishes the last batch of a run); two batches
    are in flight, and a batch's parts are joined again, in order, before it is yielded
    and committed as one.
    """

    name = "process-pool"

    def __init__(self, settings: Settings, workers: int) -> None:
        self.settings = settings
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Self:
        self.pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_worker_setup,
            initargs=(self.settings,),
        )
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        assert self.pool is not None
        self.pool.shutdown(wait=kind is None, cancel_futures=True)
        self.pool = None

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[CodedDocument]]:
        assert self.pool is not None, "use the executor in a with block"
        pool = self.pool
        in_flight: deque[list[Future[list[CodedDocument]]]] = deque()

        def joined(parts: list[Future[list[CodedDocument]]]) -> list[CodedDocument]:
            return [coded for part in parts for coded in part.result()]

        try:
            for batch in batches:
                in_flight.append([pool.submit(_worker_process, part) for part in split_batch(batch, self.workers)])
                if len(in_flight) >= 2:
                    yield joined(in_flight.popleft())
            while in_flight:
                yield joined(in_flight.popleft())
        except BrokenProcessPool as exc:
            raise TacitusError(Errors.E228, reason=str(exc) or "a worker died") from exc


def open_local_executor(settings: Settings, workers: int) -> BatchExecutor:
    if workers <= 1:
        return InProcessExecutor(settings)
    return PoolExecutor(settings, workers)
