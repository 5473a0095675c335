"""The pipeline: read → clean → parse → actors → events → store, in one process or a pool."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tacitus.actors import ActorCoder
from tacitus.clean import Cleaner
from tacitus.config import Settings
from tacitus.events import EventCoder
from tacitus.ingest import read_articles
from tacitus.parse import Parser
from tacitus.store import open_store
from tacitus.types import CodedDocument, Document, ReadProblem


class DocumentCoder:
    """Parse, actors and events for batches of clean documents; loads its models once in setup()."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.parser = Parser(settings.model, settings.parse_batch_size)
        self.actors = ActorCoder(settings.extra_actor_files)
        self.events = EventCoder(settings.extra_lexicons)

    def setup(self) -> None:
        self.parser.setup()
        self.actors.setup(self.parser.nlp)
        self.events.setup()

    def process_batch(self, documents: list[Document]) -> list[CodedDocument]:
        coded = []
        for document, doc in zip(documents, self.parser.pipe(d.clean_text for d in documents), strict=True):
            actors = self.actors.analyse(doc)
            sentences, events = self.events(doc, document, actors)
            coded.append(CodedDocument(document, sentences, events))
        return coded


@dataclass
class CodeSummary:
    articles_read: int = 0
    documents_stored: int = 0
    documents_skipped: int = 0
    events: int = 0
    problems: list[ReadProblem] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """Nothing could be coded and something went wrong."""
        return self.articles_read == 0 and bool(self.problems)


_WORKER: DocumentCoder | None = None


def _worker_setup(settings: Settings) -> None:
    global _WORKER
    _WORKER = DocumentCoder(settings)
    _WORKER.setup()


def _worker_process(documents: list[Document]) -> list[CodedDocument]:
    assert _WORKER is not None
    return _WORKER.process_batch(documents)


def _batches(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def clean_articles(
    specs: Iterable[str], settings: Settings, summary: CodeSummary, date_override: str | None = None
) -> Iterator[Document]:
    """Read and clean every article; problems go to the summary, documents are yielded."""
    cleaner = Cleaner(settings.date_order, settings.byline_lines)
    cleaner.setup()
    for item in read_articles(specs):
        if isinstance(item, ReadProblem):
            summary.problems.append(item)
            continue
        cleaned = cleaner(item, date_override)
        if isinstance(cleaned, ReadProblem):
            summary.problems.append(cleaned)
            continue
        summary.articles_read += 1
        yield cleaned


def code_paths(
    specs: Iterable[str],
    settings: Settings,
    db: str | Path | None = None,
    date_override: str | None = None,
    replace: bool = False,
    on_progress: Callable[[int], None] | None = None,
) -> CodeSummary:
    """Code every article under `specs` into the store; each batch is committed atomically."""
    summary = CodeSummary()
    with open_store(db or settings.db) as store:
        seen: set[str] = set()

        def pending() -> Iterator[Document]:
            for document in clean_articles(specs, settings, summary, date_override):
                if document.doc_id in seen:
                    summary.documents_skipped += 1
                    continue
                seen.add(document.doc_id)
                yield document

        def novel(batch: list[Document]) -> list[Document]:
            if replace:
                return batch
            stored = store.known(d.doc_id for d in batch)
            summary.documents_skipped += len(stored)
            return [d for d in batch if d.doc_id not in stored]

        def commit(coded: list[CodedDocument]) -> None:
            summary.documents_stored += store.write(coded, settings.model, replace=replace)
            summary.events += sum(len(c.events) for c in coded)
            if on_progress is not None:
                on_progress(len(coded))

        batches = (b for b in (novel(batch) for batch in _batches(pending(), settings.code_batch_size)) if b)
        if settings.workers <= 1:
            coder = DocumentCoder(settings)
            coder.setup()
            for batch in batches:
                commit(coder.process_batch(batch))
        else:
            _code_in_pool(batches, settings, commit)
    return summary


def _code_in_pool(
    batches: Iterator[list[Document]], settings: Settings, commit: Callable[[list[CodedDocument]], None]
) -> None:
    context = multiprocessing.get_context("spawn")
    in_flight: list[Future[list[CodedDocument]]] = []
    with ProcessPoolExecutor(
        max_workers=settings.workers, mp_context=context, initializer=_worker_setup, initargs=(settings,)
    ) as pool:
        for batch in batches:
            in_flight.append(pool.submit(_worker_process, batch))
            if len(in_flight) >= settings.workers * 2:
                commit(in_flight.pop(0).result())
        for future in in_flight:
            commit(future.result())
