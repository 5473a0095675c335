import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tacitus.actors import load_knowledge
from tacitus.actors.learned import summarise_learned
from tacitus.actors.user_file import actor_entry, add_to_user_file
from tacitus.cli import app
from tacitus.errors import TacitusError
from tacitus.pipeline import DocumentCoder
from tacitus.store import open_store
from tacitus.types import CodedDocument, Document

runner = CliRunner()
TEXTS = [
    "Pentagon spokesman Dale Fenwick said the offer was rejected. Fenwick gave no reason.",
    "Dale Fenwick, a Pentagon spokesman, said the drills would go ahead.",
]


def coded_documents(coder: DocumentCoder) -> list[CodedDocument]:
    coded = []
    for number, text in enumerate(TEXTS):
        document = Document(f"doc-{number}", "test", text, text, str(number), "txt", date=f"2019-04-0{number + 1}")
        doc = coder.parser.nlp(text)
        actors = coder.actors.analyse(doc, document.date)
        coded.append(CodedDocument(document, learned_actors=actors.learned_actors(document.doc_id)))
    return coded


@pytest.fixture()
def learned_db(tmp_path: Path, document_coder: DocumentCoder) -> Path:
    db = tmp_path / "learned.duckdb"
    with open_store(db) as store:
        store.write(coded_documents(document_coder), "test-model")
    return db


def test_learned_people_are_stored_with_evidence_and_summarised(learned_db: Path) -> None:
    with open_store(learned_db, read_only=True) as store:
        (summary,) = summarise_learned(store.con)
        assert summarise_learned(store.con, "Fenwick")[0].name == "Dale Fenwick"
        assert summarise_learned(store.con, min_documents=3) == []
    assert (summary.name, summary.code, summary.documents) == ("Dale Fenwick", "USAMIL", 2)
    assert (summary.first_date, summary.last_date) == ("2019-04-01", "2019-04-02")
    assert summary.evidence.startswith("Pentagon spokesman Dale Fenwick said")
    code, out, _ = run("actors", "learned", "--db", str(learned_db), "--format", "jsonl")
    assert code == 0
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert record["name"] == "Dale Fenwick" and record["documents"] == 2


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_promoting_a_learned_actor_writes_a_user_file_that_loads(learned_db: Path, tmp_path: Path) -> None:
    user_file = tmp_path / "mine.yaml"
    code, out, err = run(
        "actors", "add", "Dale Fenwick", "--learned", "--db", str(learned_db), "--file", str(user_file)
    )
    assert code == 0, err
    assert "added Dale Fenwick" in out
    person = load_knowledge([user_file]).names["dale fenwick"].person
    assert person is not None
    assert [(r.country, r.sector, r.title) for r in person.roles] == [("USA", "MIL", "spokesman")]
    code, _, err = run("actors", "add", "Nobody Known", "--learned", "--db", str(learned_db), "--file", str(user_file))
    assert code == 2 and "E164" in err


def test_a_user_entry_overrides_the_builtin_one_and_bad_entries_write_nothing(tmp_path: Path) -> None:
    user_file = tmp_path / "mine.yaml"
    assert add_to_user_file(user_file, actor_entry("Pentagon", "USA", "GOV")) is False
    assert load_knowledge([user_file]).names["pentagon"].entry.sector == "GOV"
    assert add_to_user_file(user_file, actor_entry("Pentagon", "USA", "MIL")) is True
    assert load_knowledge([user_file]).names["pentagon"].entry.sector == "MIL"
    before = user_file.read_text(encoding="utf-8")
    with pytest.raises(TacitusError, match="E165"):
        add_to_user_file(user_file, actor_entry("Acme Bureau", "USA", "XYZ"))
    with pytest.raises(TacitusError, match="E165"):
        add_to_user_file(
            user_file, actor_entry("Acme Envoy", "USA", "GOV", role="envoy", start="2020-01-01", end="2019-01-01")
        )
    assert user_file.read_text(encoding="utf-8") == before
    code, _, err = run("actors", "add", "Acme", "--file", str(user_file))
    assert code == 2 and "E166" in err


def test_cli_imports_phoenix_and_evaluates_with_the_imported_file(
    tmp_path: Path, code_text: Callable[..., object]
) -> None:
    folder = tmp_path / "phoenix"
    folder.mkdir()
    (folder / "Tiny.Countries.actors.txt").write_text(
        "ESTRAGON_VLADIMIRESCU_\n\t[ROUGOV 20100101-20141231]\n\t[ROUELI]\n", encoding="utf-8"
    )
    (folder / "Tiny.agents.txt").write_text("HARBOUR_PILOT [~BUS]\n", encoding="utf-8")
    out = tmp_path / "imported.yaml"
    code, stdout, err = run("dict", "import", "phoenix", str(folder), "--out", str(out), "--json")
    assert code == 0, err
    report = json.loads(stdout)
    assert report["imported"] == {"actors": 0, "people": 1, "agent_nouns": 1}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps(
            {
                "id": "t1",
                "text": "Estragon Vladimirescu criticised Romanian harbour pilots.",
                "plover": [
                    {
                        "type": "DISAPPROVE",
                        "source": [{"text": "Estragon Vladimirescu", "country": "ROU", "sector": "ELI"}],
                        "target": [{"text": "Romanian harbour pilots", "country": "ROU", "sector": "BUS"}],
                    }
                ],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    code, stdout, _ = run("eval", "actors", str(gold), "--json")
    assert code == 0 and json.loads(stdout)["country_accuracy"] == 0.5
    code, stdout, _ = run("eval", "actors", str(gold), "--actors", str(out), "--json")
    assert code == 0
    scores = json.loads(stdout)
    assert scores["country_accuracy"] == 1.0 and scores["sector_accuracy"] == 1.0
    code, _, err = run("dict", "import", "phoenix", str(tmp_path / "missing"), "--out", str(out))
    assert code == 2 and "E162" in err
