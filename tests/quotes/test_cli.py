import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.pipeline import DocumentCoder
from tacitus.quotes import QuoteFinder, tie_events
from tacitus.store import open_store
from tacitus.store.database import QuoteFilter
from tacitus.types import CodedDocument
from tests.conftest import make_document

runner = CliRunner()

ARTICLES = {
    "quotes-1": (
        "Turkish Foreign Minister Mevlut Cavusoglu arrived in Berlin on Tuesday.\n\n"
        '"We came to listen," he told reporters.\n\n'
        'Russia said the new missiles "will not be a threat" to its neighbours.'
    ),
    "quotes-2": (
        '"The border is closed," the Polish interior minister said. "It was a long night," said Tomas Verhoeven.'
    ),
}


@pytest.fixture(scope="module")
def quotes_db(document_coder: DocumentCoder, tmp_path_factory: pytest.TempPathFactory) -> Path:
    finder = QuoteFinder()
    finder.setup()
    coded = []
    for doc_id, text in ARTICLES.items():
        document = replace(make_document(text, doc_id=doc_id), content_hash=doc_id)
        doc = document_coder.parser.nlp(text)
        actors = document_coder.actors.analyse(doc)
        sentences, events = document_coder.events(doc, document, actors)
        quotes = finder(doc, document, actors)
        coded.append(CodedDocument(document, sentences, tie_events(events, quotes, doc, document), quotes))
    db = tmp_path_factory.mktemp("quotes") / "quotes.duckdb"
    with open_store(db) as store:
        assert store.write(coded, "test") == 2
    return db


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_quotes_jsonl_gives_the_documented_records(quotes_db: Path) -> None:
    code, out, _ = run("quotes", "--db", str(quotes_db), "--format", "jsonl")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 4
    assert all(set(r) == {"quote_id", "doc_id", "text", "start", "end", "kind", "speaker", "cue"} for r in records)
    first = records[0]
    assert first["text"] == "We came to listen" and first["kind"] == "direct"
    assert first["speaker"] == {
        "text": "Turkish Foreign Minister Mevlut Cavusoglu", "country": "TUR", "sector": "GOV",
        "start": 0, "end": len("Turkish Foreign Minister Mevlut Cavusoglu"),
    }  # fmt: skip
    assert first["cue"]["text"] == "told"
    assert {r["kind"] for r in records} == {"direct", "mixed"}


def test_quote_filters(quotes_db: Path) -> None:
    def texts(*args: str) -> list[str]:
        code, out, err = run("quotes", "--db", str(quotes_db), "--format", "jsonl", *args)
        assert code == 0, err
        return [json.loads(line)["text"] for line in out.splitlines()]

    assert texts("--actor", "pol") == ["The border is closed"]
    assert texts("--speaker", "verhoeven") == ["It was a long night"]
    assert texts("--speaker", "CAVUSOGLU") == ["We came to listen"]
    assert texts("--kind", "mixed") == ['the new missiles "will not be a threat" to its neighbours']
    assert len(texts("--doc", "quotes-2")) == 2
    assert texts("--limit", "1") == ["We came to listen"]


def test_quotes_csv_and_table(quotes_db: Path) -> None:
    code, out, _ = run("quotes", "--db", str(quotes_db), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 4 and rows[0]["speaker_country"] == "TUR" and rows[0]["cue"] == "told"
    code, out, _ = run("quotes", "--db", str(quotes_db))
    assert code == 0 and "4 quotes" in out and "We came to listen" in out


def test_show_lists_and_highlights_quotes(quotes_db: Path) -> None:
    code, out, _ = run("show", "quotes-2", "--db", str(quotes_db))
    assert code == 0
    assert "2 quotes" in out and "Tomas Verhoeven" in out


def test_statement_events_are_stored_with_their_quote(quotes_db: Path) -> None:
    with open_store(quotes_db, read_only=True) as store:
        quote_ids = {q["quote_id"] for q in store.quotes(QuoteFilter())}
        events = store.con.execute("SELECT quote_id, source_code FROM events WHERE quote_id IS NOT NULL").fetchall()
    assert events and {q for q, _ in events} <= quote_ids
    assert ("POLGOV" in {code for _, code in events}) or any(code and code.startswith("POL") for _, code in events)


def test_missing_database_is_a_one_line_error(tmp_path: Path) -> None:
    code, _, err = run("quotes", "--db", str(tmp_path / "none.duckdb"))
    assert code == 2 and "E023" in err and "Traceback" not in err


@pytest.mark.slow
def test_eval_quotes_command(tmp_path: Path) -> None:
    from tests.evaluation.test_quotes import brat_folder

    folder = brat_folder(tmp_path / "gold")
    code, out, err = run("eval", "quotes", str(folder), "--format", "json")
    assert code == 0, err
    scores = json.loads(out)
    assert scores["documents"] == 1
    assert scores["direct"]["gold"] == 1 and scores["direct"]["f1"] == 1.0
    assert scores["direct"]["speaker_accuracy"] == 1.0
    code, out, _ = run("eval", "quotes", str(folder))
    assert code == 0 and "speech cue" in out
    code, _, err = run("eval", "quotes", str(tmp_path))
    assert code == 2 and "E120" in err
