"""Record types shared by every stage of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RawArticle:
    """An article as read from its file, before cleaning."""

    origin: str
    text: str
    fmt: str
    given_id: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class ReadProblem:
    """A file or line that could not be read; reported, never raised."""

    origin: str
    message: str
    line: int | None = None

    def describe(self) -> str:
        where = f"{self.origin}:{self.line}" if self.line is not None else self.origin
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class PublicationDate:
    value: str
    ambiguous: bool = False
    text: str | None = None


@dataclass
class Document:
    """A cleaned article; every offset in later records refers to `clean_text`."""

    doc_id: str
    origin: str
    raw_text: str
    clean_text: str
    content_hash: str
    fmt: str
    title: str | None = None
    date: str | None = None
    date_ambiguous: bool = False
    date_text: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Sighting:
    """One article that carried a stored document's clean text: the document itself or an exact duplicate."""

    doc_id: str
    seen_id: str
    origin: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    date: str | None = None

    @classmethod
    def of(cls, document: Document, doc_id: str | None = None) -> Sighting:
        return cls(
            doc_id or document.doc_id,
            document.doc_id,
            document.origin,
            document.url,
            document.source,
            document.title,
            document.date,
        )


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Actor:
    """A coded actor mention: a span of the clean text and its code."""

    text: str
    start: int
    end: int
    country: str | None
    sector: str | None
    code: str
    entry: str | None = None

    def record(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "country": self.country,
            "sector": self.sector,
            "code": self.code,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class LearnedActor:
    """A person a document named with title and nationality; `evidence` is the sentence that taught it."""

    doc_id: str
    name: str
    country: str | None
    sector: str | None
    code: str
    title: str | None
    evidence: str
    start: int
    end: int


@dataclass(frozen=True)
class TextSpan:
    text: str
    start: int
    end: int

    def record(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Plover:
    type: str
    mode: str | None
    context: tuple[str, ...] | None

    def record(self) -> dict[str, Any]:
        context = ", ".join(self.context) if self.context else None
        return {"type": self.type, "mode": self.mode, "context": context}


@dataclass(frozen=True)
class Event:
    """One coded event with the evidence that produced it."""

    event_id: str
    doc_id: str
    sentence: int
    date: str | None
    date_precision: str | None
    date_text: str | None
    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_root: str
    quad_class: int
    goldstein: float
    plover: Plover | None
    trigger: TextSpan
    negated: bool
    modality: str
    evidence: str
    entry: str
    location: dict[str, Any] | None = None
    quote_id: str | None = None
    # Read from the title (offsets refer to the title), or a body event the title reports too.
    headline: bool = False
    in_headline: bool = False

    def record(self) -> dict[str, Any]:
        """The event as the documented JSON record (with `quote_id` when it was said in a quote)."""
        record: dict[str, Any] = {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence": self.sentence,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "source": self.source.record() if self.source else None,
            "target": self.target.record() if self.target else None,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": self.plover.record() if self.plover else None,
            "trigger": self.trigger.record(),
            "location": self.location,
            "negated": self.negated,
            "modality": self.modality,
            "evidence": self.evidence,
        }
        if self.quote_id is not None:
            record["quote_id"] = self.quote_id
        if self.headline:
            record["headline"] = True
        if self.in_headline:
            record["in_headline"] = True
        return record


@dataclass(frozen=True)
class Timex:
    """A time expression in the clean text, resolved on the publication date (docs/time.md)."""

    text: str
    start: int
    end: int
    value: str | None
    precision: str | None
    first_day: str | None = None
    last_day: str | None = None
    end_value: str | None = None
    mod: str | None = None
    signal: str | None = None
    anchored: bool = False
    problem: str | None = None
    rule: str = ""

    def record(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "precision": self.precision,
            "end_value": self.end_value,
            "mod": self.mod,
            "signal": self.signal,
            "anchored": self.anchored,
            "problem": self.problem,
        }


@dataclass(frozen=True)
class Quote:
    quote_id: str
    doc_id: str
    text: str
    start: int
    end: int
    kind: str
    speaker: Actor | None = None
    cue: TextSpan | None = None
    headline: bool = False  # found in the title; offsets refer to the title


@dataclass
class CodedDocument:
    """Everything the pipeline produced for one document."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    learned_actors: list[LearnedActor] = field(default_factory=list)
