import signal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tacitus.events import syntax
from tacitus.pipeline import DocumentCoder


@contextmanager
def at_most(seconds: int) -> Iterator[None]:
    def expired(signum: int, frame: Any) -> None:
        raise TimeoutError("a walk up the parse did not stop at the root")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_walks_up_a_verbless_parse_stop_at_its_root(document_coder: DocumentCoder) -> None:
    doc = document_coder.parser.nlp("Talks with it in Vienna")
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert root.pos_ != "VERB" and root.head == root
    pronoun = next(t for t in doc if t.lower_ == "it")
    with at_most(5):
        assert syntax.pronoun_antecedents(pronoun) == []
        assert syntax.in_background(pronoun) in (True, False)


def test_headline_fragments_code_in_bounded_time(code_text: Any) -> None:
    text = "Pressure on them over the deal\n\nTheir envoys and its allies in Geneva, without a vote"
    with at_most(10):
        coded = code_text(text)
    assert coded.document.clean_text == text
