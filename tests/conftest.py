from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tacitus.config import Settings, load_settings
from tacitus.pipeline import DocumentCoder
from tacitus.types import CodedDocument, Document

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings()


@pytest.fixture(scope="session")
def document_coder(settings: Settings) -> DocumentCoder:
    coder = DocumentCoder(settings)
    coder.setup()
    return coder


@pytest.fixture(scope="session")
def nlp(document_coder: DocumentCoder) -> Any:
    return document_coder.parser.nlp


def make_document(text: str, doc_id: str = "test", date: str | None = "2019-04-05") -> Document:
    return Document(
        doc_id=doc_id, origin="test", raw_text=text, clean_text=text, content_hash="0", fmt="txt", date=date
    )


@pytest.fixture(scope="session")
def code_text(document_coder: DocumentCoder) -> Callable[..., CodedDocument]:
    def run(text: str, date: str | None = "2019-04-05") -> CodedDocument:
        return document_coder.process_batch([make_document(text, date=date)])[0]

    return run
