"""Time expressions of whole documents: read, clean, parse and tag, for the `timex` command."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from tacitus.timex.tagger import TimeTagger
from tacitus.types import Document, Timex


def tag_documents(
    documents: Iterable[Document], tagger: TimeTagger, parse: Any | None = None
) -> Iterator[tuple[Document, list[Timex]]]:
    """Each document with its time expressions; `parse` (texts → spaCy Docs) gives tense to resolve by."""
    batch = list(documents)
    texts = [d.clean_text for d in batch]
    parsed: Iterable[Any] = parse(texts) if parse is not None else texts
    for document, doc in zip(batch, parsed, strict=True):
        yield document, tagger(doc, document.date)


def timex_record(document: Document, timex: Timex) -> dict[str, Any]:
    return {"doc_id": document.doc_id, **timex.record()}
