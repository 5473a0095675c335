"""Dating coded events: each event takes the date of the expression that governs its clause."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tacitus.config import Settings
from tacitus.pipeline import CodeSummary, DocumentCoder, clean_articles
from tacitus.timex import TimeTagger, date_events
from tacitus.types import Event
from tests.conftest import EXAMPLES, make_document


@pytest.fixture(scope="module")
def tagger() -> TimeTagger:
    tagger = TimeTagger()
    tagger.setup()
    return tagger


def dated(document_coder: DocumentCoder, tagger: TimeTagger, text: str, anchor: str | None) -> list[Event]:
    document = make_document(text, date=anchor)
    coded = document_coder.process_batch([document])[0]
    doc = document_coder.parser.nlp(text)
    return date_events(coded.events, doc, tagger(doc, anchor), anchor)


def by_trigger(events: list[Event]) -> dict[str, tuple[str | None, str | None, str | None]]:
    return {e.trigger.text: (e.date, e.date_precision, e.date_text) for e in events}


def test_each_event_gets_its_own_day(document_coder: DocumentCoder, tagger: TimeTagger) -> None:
    text = (
        "Egypt accused Sudan of stalling on Wednesday. "
        "The Pentagon rejected the offer on Thursday. "
        "Germany met France in 2002."
    )
    dates = by_trigger(dated(document_coder, tagger, text, "2019-04-05"))
    assert dates["accused"] == ("2019-04-03", "day", "on Wednesday")
    assert dates["rejected"] == ("2019-04-04", "day", "on Thursday")
    assert dates["met"] == ("2002", "year", "in 2002")


def test_undated_clause_takes_the_publication_date(document_coder: DocumentCoder, tagger: TimeTagger) -> None:
    (event,) = dated(document_coder, tagger, "Egypt accused Ethiopia of stalling the negotiations.", "2019-04-05")
    assert (event.date, event.date_precision, event.date_text) == ("2019-04-05", "reported", None)


def test_main_clause_time_dates_the_reported_event(document_coder: DocumentCoder, tagger: TimeTagger) -> None:
    text = "Officials said on Tuesday that Russia had rejected the proposal."
    dates = by_trigger(dated(document_coder, tagger, text, "2019-04-05"))
    assert dates["rejected"] == ("2019-04-02", "day", "on Tuesday")


def test_paragraph_lead_sets_the_time(document_coder: DocumentCoder, tagger: TimeTagger) -> None:
    text = (
        "Border guards clashed near the river last week. Kenya accused Somalia of provoking the clash.\n\n"
        "Uganda condemned the violence."
    )
    dates = by_trigger(dated(document_coder, tagger, text, "2019-04-05"))
    assert dates["accused"] == ("2019-W13", "week", "last week")
    assert dates["condemned"] == ("2019-04-05", "reported", None)


def test_planned_event_keeps_its_future_date_and_modality(document_coder: DocumentCoder, tagger: TimeTagger) -> None:
    text = "Germany met France on Monday. Germany will meet France next Tuesday."
    events = dated(document_coder, tagger, text, "2019-04-05")
    future = [e for e in events if e.modality == "future"]
    assert future and all(e.date == "2019-04-09" and e.date_text == "next Tuesday" for e in future)
    past = [e for e in events if e.trigger.text == "met"]
    assert past and all(e.date == "2019-04-01" for e in past)


def test_no_publication_date_gives_no_date(document_coder: DocumentCoder, tagger: TimeTagger) -> None:
    text = "Japan rejected the proposal on Thursday.\n\nChina criticised Japan.\n\nGermany met France in 2002."
    dates = by_trigger(dated(document_coder, tagger, text, None))
    assert dates["rejected"] == (None, None, "on Thursday")
    assert dates["criticised"] == (None, None, None)
    assert dates["met"] == ("2002", "year", "in 2002")


def test_impossible_date_does_not_date_the_event(document_coder: DocumentCoder, tagger: TimeTagger) -> None:
    (event,) = dated(document_coder, tagger, "Egypt accused Ethiopia on February 30.", "2019-04-05")
    assert (event.date, event.date_precision) == ("2019-04-05", "reported")


EXPECTED_EXAMPLE_DAYS = {
    # (example file, trigger, first words of the sentence) → date
    ("baltic-airspace.html", "summoned", "Estonia summoned"): "2019-06-12",
    ("baltic-airspace.html", "deployed", "NATO deployed"): "2019-W23",
    ("baltic-airspace.html", "held", "Russia criticised"): "2019-06-10",
    ("baltic-airspace.html", "condemned", "Estonian Foreign"): "2019-06-12",
    ("kashmir.txt", "shelled", "Indian troops"): "2019-03-04",
    ("kashmir.txt", "struck", "Indian aircraft"): "2019-03-03",
    ("kashmir.txt", "arrested", "Indian police"): "2019-03-04",
    ("korea-talks.md", "agreed", "North Korea and"): "2019-10-22",
    ("korea-talks.md", "visited", "US Special"): "2019-10-21",
    ("korea-talks.md", "fired", "North Korea fired"): "2019-10-19",
    ("pentagon-turkey.md", "warned", "The Pentagon warned"): "2019-04-04",
    ("pentagon-turkey.md", "met", "Cavusoglu met"): "2019-04-03",
    ("pentagon-turkey.md", "urged", "Last week"): "2019-W13",
}


@pytest.mark.slow
def test_examples_carry_the_right_day(document_coder: DocumentCoder, settings: Settings, tagger: TimeTagger) -> None:
    found: dict[tuple[str, str, str], str | None] = {}
    for name in sorted({key[0] for key in EXPECTED_EXAMPLE_DAYS}):
        (document,) = list(clean_articles([str(Path(EXAMPLES) / name)], settings, CodeSummary()))
        coded = document_coder.process_batch([document])[0]
        doc: Any = document_coder.parser.nlp(document.clean_text)
        for event in date_events(coded.events, doc, tagger(doc, document.date), document.date):
            for key in EXPECTED_EXAMPLE_DAYS:
                if key[0] == name and event.trigger.text == key[1] and event.evidence.startswith(key[2]):
                    found[key] = event.date
    assert found == EXPECTED_EXAMPLE_DAYS
