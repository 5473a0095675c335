"""Parse: spaCy over clean texts, batched with nlp.pipe."""

from __future__ import annotations

import importlib
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import Any

from tacitus.datafiles import load_entries, package_data
from tacitus.errors import Errors, TacitusError


def model_candidates(name: str) -> list[str]:
    """Import names to try for a model setting; unknown names are tried as given."""
    for entry in load_entries(package_data("models.yaml")):
        entry.check_keys({"name", "load"})
        if entry.get_str("name") == name:
            return entry.get_list("load")
    return [name]


def load_model(name: str) -> Any:
    """The first installed spaCy pipeline among the candidates for `name`."""
    import spacy

    tried = model_candidates(name)
    for candidate in tried:
        try:
            return spacy.load(candidate)
        except OSError:
            pass
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        loader = getattr(module, "load", None)
        if callable(loader):
            return loader()
    raise TacitusError(Errors.E040, name=name, tried=", ".join(tried))


class Parser:
    """Stage: clean texts → spaCy Docs."""

    name = "parse"

    def __init__(self, model: str = "en_core_web_sm", batch_size: int = 32) -> None:
        self.model = model
        self.batch_size = batch_size
        self.nlp: Any = None

    def setup(self) -> None:
        self.nlp = load_model(self.model)
        self.nlp.max_length = max(self.nlp.max_length, 3_000_000)

    def pipe(self, texts: Iterable[str]) -> Iterator[Any]:
        for doc in self.nlp.pipe(texts, batch_size=self.batch_size):
            index_sentences(doc)
            yield doc


TEXT_KEY = "tacitus.text"


def doc_text(doc: Any) -> str:
    """The document's text; spaCy joins every token again on each `doc.text`, so keep it once."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return str(text)


def index_sentences(doc: Any) -> None:
    """Answer `doc.sents`, `span.sent` and `token.sent` from one pass over the parse.

    Without this, spaCy checks the whole document for sentence boundaries on every call,
    which makes per-token sentence look-ups quadratic in the document's length.
    """
    sentences = list(doc.sents)
    starts = [sentence.start for sentence in sentences]

    def sentence_at(position: int) -> Any:
        return sentences[max(0, bisect_right(starts, position) - 1)]

    doc.user_hooks["sents"] = lambda _doc: iter(sentences)
    doc.user_span_hooks["sent"] = lambda span: sentence_at(span.start)
    doc.user_token_hooks["sent"] = lambda token: sentence_at(token.i)
