from collections.abc import Callable
from typing import Any

import pytest

from tacitus.pipeline import DocumentCoder
from tacitus.quotes import QuoteFinder, tie_events
from tacitus.types import Event, Quote
from tests.conftest import make_document

Coded = tuple[list[Event], list[Quote], Any, Any]


@pytest.fixture(scope="module")
def code(document_coder: DocumentCoder) -> Callable[[str], Coded]:
    finder = QuoteFinder()
    finder.setup()

    def run(text: str) -> Coded:
        doc = document_coder.parser.nlp(text)
        document = make_document(text)
        actors = document_coder.actors.analyse(doc)
        _, events = document_coder.events(doc, document, actors)
        return events, finder(doc, document, actors), doc, document

    return run


def test_events_inside_a_quote_belong_to_it_and_replace_the_plain_statement(code: Callable[[str], Coded]) -> None:
    events, quotes, doc, document = code('"We will impose sanctions on Iran," the German foreign minister said.')
    tied = tie_events(events, quotes, doc, document)
    quote = quotes[0]
    inside = [e for e in tied if quote.start <= e.trigger.start < quote.end]
    assert inside and all(e.quote_id == quote.quote_id for e in inside)
    assert any(e.cameo.startswith("16") and e.source and e.source.code == "DEUGOV" for e in inside)
    assert not any(e.cameo == "010" for e in tied)
    assert all(e.record().get("quote_id") == quote.quote_id for e in inside)


def test_statement_without_other_event_is_a_statement_event(code: Callable[[str], Coded]) -> None:
    events, quotes, doc, document = code('"The weather was pleasant," the Japanese prime minister said.')
    tied = tie_events(events, quotes, doc, document)
    statements = [e for e in tied if e.cameo == "010"]
    assert len(statements) == 1
    assert statements[0].quote_id == quotes[0].quote_id
    assert statements[0].source is not None and statements[0].source.code == "JPNGOV"


@pytest.mark.parametrize(
    ("text", "code_expected"),
    [
        ('"The weather was pleasant," the Japanese prime minister said.', "010"),
        ('"Any attack will be answered," the Iranian defence minister warned.', "130"),
        ("The Chinese foreign ministry denied that its ships entered the zone.", "016"),
    ],
)
def test_quotes_alone_give_the_event_their_cue_implies(
    code: Callable[[str], Coded], text: str, code_expected: str
) -> None:
    _, quotes, doc, document = code(text)
    tied = tie_events([], quotes, doc, document)
    assert len(tied) == 1
    event = tied[0]
    assert event.cameo == code_expected and event.quote_id == quotes[0].quote_id
    assert event.source == quotes[0].speaker
    assert event.trigger == quotes[0].cue
    assert event.evidence == text and event.date == document.date
    assert event.entry.startswith("quote:") and "cues.yaml:" in event.entry


def test_one_statement_for_a_quote_over_several_paragraphs(code: Callable[[str], Coded]) -> None:
    text = "“We have waited since March.\n\n“Our patience is not endless,” the Indian foreign secretary said."
    _, quotes, doc, document = code(text)
    assert len(quotes) == 2
    tied = tie_events([], quotes, doc, document)
    assert len(tied) == 1 and tied[0].source is not None and tied[0].source.country == "IND"


def test_uncoded_speakers_and_no_quotes_change_nothing(code: Callable[[str], Coded]) -> None:
    events, quotes, doc, document = code('"It was a long night," said Tomas Verhoeven.')
    assert quotes and tie_events(events, quotes, doc, document) == events
    events, quotes, doc, document = code("Japan rejected the proposal on Monday.")
    assert quotes == [] and tie_events(events, quotes, doc, document) == events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Colombian rebels dismissed the appeal, saying they had lost trust in the government.", ["010"]),
        ("German Chancellor Angela Merkel condemned the attack, saying it was barbaric.", ["111"]),
        ("The Chinese government accused Japan of provoking tension, saying it would respond.", ["112"]),
    ],
)
def test_one_statement_event_per_statement_and_none_beside_a_more_specific_one(
    document_coder: DocumentCoder, text: str, expected: list[str]
) -> None:
    events = document_coder.process_batch([make_document(text)])[0].events
    assert sorted(e.cameo for e in events if e.cameo_root in ("01", "11")) == expected


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The Iranian foreign minister told Iran's parliament that the talks would continue.", "IRN"),
        ("Russia said in a letter to the United Nations that the strikes were illegal.", "IGOUNO"),
        ("The Russian foreign minister said to reporters that Moscow would respond.", None),
        ("The Pakistani foreign ministry told the BBC that the ceasefire held.", None),
    ],
)
def test_statement_events_are_addressed_where_the_text_says_to_whom(
    document_coder: DocumentCoder, text: str, target: str | None
) -> None:
    events = document_coder.process_batch([make_document(text)])[0].events
    statements = [e for e in events if e.cameo == "010"]
    assert len(statements) == 1
    found = statements[0].target
    assert (found.code if target == "IGOUNO" else found.country) == target if found else target is None


def test_coded_cue_inside_a_reported_statement_gives_no_second_statement(
    code_text: Callable[..., Any],
) -> None:
    events = code_text("Iran threatened to cut off gas supplies to Armenia, the official news agency reported.").events
    threats = [e for e in events if e.trigger.text == "threatened"]
    assert [e.cameo for e in threats] == ["131"]


def test_demand_a_protest_is_made_for_gives_no_statement(code_text: Callable[..., Any]) -> None:
    events = code_text("Kenyan nurses began a hunger strike outside parliament to demand higher pay.").events
    assert [e.cameo for e in events] == ["1422"]
