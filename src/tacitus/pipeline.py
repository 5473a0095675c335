"""The pipeline: read → clean → parse → actors → events → store, on any executor.

Reading and cleaning stream in this process; batches of `[code] batch_size` new documents
go to an executor (this process, a local process pool, or Ray Data) and each coded batch
is committed to the store in one transaction, so a run killed at any point and started
again with the same command ends with the same database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tacitus.actors import ActorCoder
from tacitus.actors.resolve import DocumentActors
from tacitus.clean import Cleaner
from tacitus.config import Settings
from tacitus.dedup.intake import Intake
from tacitus.errors import Errors
from tacitus.events import EventCoder
from tacitus.events.roles import with_place_targets
from tacitus.executors import open_local_executor, plan_workers
from tacitus.ingest import read_articles
from tacitus.parse import Parser
from tacitus.places import PlaceResolver
from tacitus.quotes import QuoteFinder, tie_events
from tacitus.quotes.headlines import (
    Headline,
    headline_events,
    headline_of,
    headline_quotes,
    merge_headline,
    section_label_end,
)
from tacitus.store import Store, open_store
from tacitus.timex import TimeTagger, date_events
from tacitus.types import CodedDocument, Document, Event, Quote, ReadProblem


class DocumentCoder:
    """Parse, actors, events and quotes for batches of clean documents and their headlines; loads its models
    once in setup()."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.parser = Parser(settings.model, settings.parse_batch_size)
        self.actors = ActorCoder(settings.extra_actor_files)
        self.events = EventCoder(settings.extra_lexicons)
        self.timex = TimeTagger(settings.date_order)
        self.quotes = QuoteFinder()
        self.places = PlaceResolver(settings.places_min_population)

    def setup(self) -> None:
        self.parser.setup()
        self.actors.setup(self.parser.nlp)
        self.events.setup()
        self.timex.setup()
        self.quotes.setup()
        self.places.setup()

    def process_batch(self, documents: list[Document]) -> list[CodedDocument]:
        headlines = [headline_of(d, self.events.lexicon.verbs, self.events.lexicon.nouns) for d in documents]
        texts = (text for d, h in zip(documents, headlines, strict=True) for text in _texts(d, h))
        docs = self.parser.pipe(texts)
        coded = []
        for document, headline in zip(documents, headlines, strict=True):
            doc = next(docs)
            actors = self.actors.analyse(doc, document.date)
            sentences, events = self.events(doc, document, actors)
            events = with_place_targets(self.places(doc, document, actors, events))
            quotes = self.quotes(doc, document, actors)
            events = tie_events(events, quotes, doc, document, actors)
            events = date_events(events, doc, self.timex(doc, document.date), document.date)
            if headline is not None:
                title_events, title_quotes = self.code_headline(next(docs), headline, actors)
                events = merge_headline(events, title_events)
                quotes = quotes + title_quotes
            learned = actors.learned_actors(document.doc_id)
            unique: dict[str, Event] = {}
            for event in events:
                unique.setdefault(event.event_id, event)
            coded.append(CodedDocument(document, sentences, list(unique.values()), quotes, learned_actors=learned))
        return coded

    def code_headline(self, doc: Any, headline: Headline, body: DocumentActors) -> tuple[list[Event], list[Quote]]:
        """Events and quotes of the title, read as a headline; names the body taught are known."""
        document = headline.document
        actors = self.actors.analyse(doc, document.date)
        for name, coding in body.learned.items():
            actors.learned.setdefault(name, coding)
        _, events = self.events(doc, document, actors)
        quotes = headline_quotes(self.quotes(doc, document, actors), doc, headline, actors)
        events = tie_events(events, quotes, doc, document, actors)
        events = date_events(events, doc, self.timex(doc, document.date), document.date)
        return headline_events(events, doc, headline, section_label_end(doc, actors)), quotes


def _texts(document: Document, headline: Headline | None) -> tuple[str, ...]:
    return (document.clean_text,) if headline is None else (document.clean_text, headline.document.clean_text)


@dataclass
class CodeSummary:
    articles_read: int = 0
    documents_stored: int = 0
    documents_skipped: int = 0
    duplicates: int = 0
    events: int = 0
    problems: list[ReadProblem] = field(default_factory=list)
    engine: str = "local"
    workers: int = 1

    @property
    def failed(self) -> bool:
        """Nothing could be coded and something went wrong."""
        return self.articles_read == 0 and bool(self.problems)


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
    for item in read_articles(specs, settings.max_article_bytes):
        if isinstance(item, ReadProblem):
            summary.problems.append(item)
            continue
        try:
            cleaned = cleaner(item, date_override)
        except (ValueError, TypeError, LookupError, ArithmeticError, RecursionError, MemoryError) as exc:
            reason = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
            cleaned = ReadProblem(item.origin, Errors.E226.value.format(reason=reason), item.line)
        if isinstance(cleaned, ReadProblem):
            summary.problems.append(cleaned)
            continue
        summary.articles_read += 1
        yield cleaned


class Committer:
    """Writes coded batches and the sightings that became ready with them, one transaction each."""

    def __init__(
        self,
        store: Store,
        intake: Intake,
        settings: Settings,
        summary: CodeSummary,
        replace: bool,
        on_progress: Callable[[int], None] | None,
    ) -> None:
        self.store = store
        self.intake = intake
        self.settings = settings
        self.summary = summary
        self.replace = replace
        self.on_progress = on_progress

    def __call__(self, coded: list[CodedDocument]) -> None:
        ready = self.intake.committed([c.document for c in coded])
        self.summary.documents_stored += self.store.write(
            coded,
            self.settings.model,
            replace=self.replace,
            sightings=ready,
            near_threshold=self.settings.near_duplicate_threshold,
        )
        self.summary.events += sum(len(c.events) for c in coded)
        if self.on_progress is not None:
            self.on_progress(len(coded))

    def finish(self) -> None:
        ready = self.intake.committed([])
        if ready:
            self.store.write([], self.settings.model, sightings=ready)


def code_paths(
    specs: Iterable[str],
    settings: Settings,
    db: str | Path | None = None,
    date_override: str | None = None,
    replace: bool = False,
    on_progress: Callable[[int], None] | None = None,
) -> CodeSummary:
    """Code every article under `specs` into the store; each batch is committed atomically."""
    summary = CodeSummary(engine=settings.engine)
    with open_store(db or settings.db, memory_limit=settings.store_memory_limit) as store:
        intake = Intake(store, replace)
        documents = clean_articles(specs, settings, summary, date_override)
        admitted = map(intake.admit, _batches(documents, settings.code_batch_size))
        batches: Iterator[list[Document]] = (batch for batch in admitted if batch)
        commit = Committer(store, intake, settings, summary, replace, on_progress)
        if settings.engine == "ray":
            from tacitus.executors.ray_data import code_with_ray

            summary.workers = code_with_ray(batches, settings, commit)
        else:
            summary.workers, batches = plan_workers(settings, batches)
            with open_local_executor(settings, summary.workers) as executor:
                for coded in executor.map(batches):
                    commit(coded)
        commit.finish()
        summary.documents_skipped = intake.counts.skipped
        summary.duplicates = intake.counts.duplicates
    return summary
