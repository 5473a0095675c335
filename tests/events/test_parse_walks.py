from typing import Any

from tests.ingest.hostile import time_limit

from tacitus.events import background, syntax
from tacitus.pipeline import DocumentCoder


def test_walks_up_a_verbless_parse_stop_at_its_root(document_coder: DocumentCoder) -> None:
    doc = document_coder.parser.nlp("Talks with it in Vienna")
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert root.pos_ != "VERB" and root.head == root
    pronoun = next(t for t in doc if t.lower_ == "it")
    with time_limit(5, "a walk up the parse"):
        assert syntax.pronoun_antecedents(pronoun) == []
        assert background.in_background(pronoun) in (True, False)


def test_headline_fragments_code_in_bounded_time(code_text: Any) -> None:
    text = "Pressure on them over the deal\n\nTheir envoys and its allies in Geneva, without a vote"
    with time_limit(10, "a walk up the parse"):
        coded = code_text(text)
    assert coded.document.clean_text == text
