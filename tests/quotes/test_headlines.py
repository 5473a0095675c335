import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.pipeline import DocumentCoder
from tacitus.quotes.headlines import merge_headline, sentence_case, verb_forms
from tacitus.store import open_store
from tacitus.types import Actor, CodedDocument, Event, TextSpan
from tests.conftest import make_document

BODY = (
    "The Turkish defence minister spoke in Ankara on Tuesday. He said the purchase was final.\n\n"
    "Officials in Washington declined to comment."
)


def code_with_title(coder: DocumentCoder, title: str, body: str = BODY, doc_id: str = "h") -> CodedDocument:
    document = replace(make_document(body, doc_id=doc_id), title=title, content_hash=doc_id)
    return coder.process_batch([document])[0]


def test_sentence_case_lowers_verbs_and_function_words_and_keeps_names() -> None:
    verbs = {"recall", "warn"}
    title = "Pakistan Recalls Envoy As Talks With US Stall"
    cased = sentence_case(title, verbs, {"talk"})
    assert len(cased) == len(title)
    assert cased == "Pakistan recalls Envoy as Talks with US Stall"
    assert sentence_case("Pakistan recalls its envoy", verbs, set()) == "Pakistan recalls its envoy"
    assert "recall" in verb_forms("recalls") and "push" in verb_forms("pushes") and "carry" in verb_forms("carries")


def test_a_quoted_headline_with_says_is_a_headline_quote(document_coder: DocumentCoder) -> None:
    title = '"We will not back down," says Turkish defence minister'
    coded = code_with_title(document_coder, title)
    quotes = [q for q in coded.quotes if q.headline]
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.text == "We will not back down" and title[quote.start : quote.end] == quote.text
    assert quote.kind == "direct" and quote.cue is not None and quote.cue.text == "says"
    assert quote.speaker is not None and quote.speaker.country == "TUR"
    assert quote.quote_id not in {q.quote_id for q in coded.quotes if not q.headline}
    events = [e for e in coded.events if e.headline]
    assert events and all(e.quote_id == quote.quote_id and e.evidence == title for e in events)
    assert not any(e.cameo == "010" for e in events)


def test_x_says_y_takes_the_whole_clause(document_coder: DocumentCoder) -> None:
    title = "Turkish Defence Minister Says Turkey Will Not Cancel Missile Deal"
    quote = next(q for q in code_with_title(document_coder, title).quotes if q.headline)
    assert quote.text == "Turkey Will Not Cancel Missile Deal" and quote.kind == "indirect"
    assert quote.speaker is not None and quote.speaker.country == "TUR"


def test_colon_introduces_a_speaker_but_not_a_section_label(document_coder: DocumentCoder) -> None:
    coded = code_with_title(document_coder, "Lavrov: Moscow will answer any new sanctions", date_body())
    quote = next(q for q in coded.quotes if q.headline)
    assert quote.text == "Moscow will answer any new sanctions" and quote.cue is None
    assert quote.speaker is not None and quote.speaker.country == "RUS"
    coded = code_with_title(document_coder, "Syria: Rebels Seize Town Near the Border")
    assert not any(q.headline for q in coded.quotes)
    assert all(e.source is None or e.source.text != "Syria" for e in coded.events if e.headline)


def date_body() -> str:
    return "Russian Foreign Minister Sergei Lavrov spoke in Moscow on Tuesday."


def test_headline_infinitive_is_a_planned_event(document_coder: DocumentCoder) -> None:
    coded = code_with_title(document_coder, "Japan to Impose Sanctions on North Korea")
    events = [e for e in coded.events if e.headline and e.cameo.startswith("16")]
    assert events and all(e.modality == "future" for e in events)
    assert events[0].trigger.text == "Impose" and events[0].source is not None and events[0].source.country == "JPN"


def test_a_headline_repeating_the_body_marks_the_body_event(document_coder: DocumentCoder) -> None:
    body = "The Pentagon warned Turkey on Thursday about the missiles."
    coded = code_with_title(document_coder, "Pentagon Warns Turkey Over Russian Missiles", body)
    warnings = [e for e in coded.events if e.cameo == "130"]
    assert len(warnings) == 1
    assert warnings[0].in_headline and not warnings[0].headline and warnings[0].trigger.text == "warned"
    assert warnings[0].record()["in_headline"] is True and "headline" not in warnings[0].record()


def _event(cameo: str, source: str, start: int, headline: bool = False) -> Event:
    actor = Actor(source, 0, 3, source, None, source)
    return Event(
        f"{cameo}{start}{headline}", "d", 0, None, None, None, actor, None, cameo, cameo[:2], 1, 0.0, None,
        TextSpan("x", start, start + 1), False, "asserted", "", "e", headline=headline,
    )  # fmt: skip


def test_merge_keeps_body_events_and_new_headline_events() -> None:
    body = [_event("130", "USA", 40)]
    headline = [_event("130", "USA", 5, headline=True), _event("163", "USA", 9, headline=True)]
    merged = merge_headline(body, headline)
    assert [(e.cameo, e.headline, e.in_headline) for e in merged] == [("130", False, True), ("163", True, False)]


@pytest.fixture(scope="module")
def headline_db(document_coder: DocumentCoder, tmp_path_factory: pytest.TempPathFactory) -> Path:
    coded = code_with_title(document_coder, '"We will not back down," says Turkish defence minister')
    db = tmp_path_factory.mktemp("headlines") / "h.duckdb"
    with open_store(db) as store:
        store.write([coded], "test")
    return db


def test_quotes_and_show_mark_headline_quotes(headline_db: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["quotes", "--db", str(headline_db), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    marked = [r for r in records if r.get("headline")]
    assert [r["text"] for r in marked] == ["We will not back down"]
    assert all("headline" not in r for r in records if r not in marked)
    result = runner.invoke(app, ["quotes", "--db", str(headline_db), "--format", "csv"])
    assert "headline" in result.stdout.splitlines()[0] and "True" in result.stdout
    result = runner.invoke(app, ["quotes", "--db", str(headline_db)])
    assert "(headline)" in result.stdout
    result = runner.invoke(app, ["show", "h", "--db", str(headline_db)])
    assert result.exit_code == 0, result.stderr
    assert "headline:" in result.stdout and "headline events" in result.stdout
    with open_store(headline_db, read_only=True) as store:
        row = store.con.execute("SELECT count(*) FROM events WHERE headline").fetchone()
    assert row is not None and row[0] >= 1
