import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tacitus.cli import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def coded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("db") / "examples.duckdb"
    code, out, err = run("code", str(EXAMPLES), "--db", str(db))
    assert code == 0, err
    assert "8 coded" in out
    return db


def test_code_then_events_jsonl_gives_documented_records(coded_db: Path) -> None:
    code, out, _ = run("events", "--db", str(coded_db), "--format", "jsonl")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) > 40
    expected_keys = {
        "event_id", "doc_id", "sentence", "date", "date_precision", "date_text", "source", "target",
        "cameo", "cameo_root", "quad_class", "goldstein", "plover", "trigger", "location", "negated",
        "modality", "evidence",
    }  # fmt: skip
    assert all(expected_keys <= set(r) <= expected_keys | {"quote_id", "headline", "in_headline"} for r in records)
    assert all(not r["negated"] and r["modality"] == "asserted" for r in records)
    wire = [r for r in records if r["doc_id"] == "wire-0001"]
    assert any(r["source"]["code"] == "JPN" and r["cameo"] == "125" and r["target"]["code"] == "CHN" for r in wire)
    seized = [r for r in wire if r["trigger"]["text"] == "seized"]
    assert [(r["date"], r["date_precision"], r["date_text"].lower()) for r in seized] == [
        ("2019-07-16", "day", "on tuesday")
    ]
    assert all(r["date"] <= "2019-07-18" for r in wire if r["date_precision"] == "day")


def test_recoding_adds_nothing_and_replace_recodes(coded_db: Path) -> None:
    code, out, _ = run("code", str(EXAMPLES), "--db", str(coded_db))
    assert code == 0 and "0 coded, 8 already stored" in out
    code, out, _ = run("code", str(EXAMPLES / "kashmir.txt"), "--db", str(coded_db), "--replace")
    assert code == 0 and "1 coded" in out


def test_event_filters(coded_db: Path) -> None:
    def count(*args: str) -> int:
        code, out, _ = run("events", "--db", str(coded_db), "--format", "jsonl", *args)
        assert code == 0
        return len(out.splitlines())

    total = count()
    assert 0 < count("--actor", "IND") < total
    assert count("--dyad", "JPN", "CHN") >= 1
    assert count("--code", "19") >= 1
    assert count("--since", "2019-10-01") < total
    assert count("--until", "2019-03-05") >= 1
    assert count("--all") > total
    _code, out, _ = run("events", "--db", str(coded_db), "--format", "csv", "--code", "125")
    assert out.splitlines()[0].startswith("event_id,doc_id")


def test_show_highlights_a_document(coded_db: Path) -> None:
    code, out, _ = run("show", "wire-00", "--db", str(coded_db))
    assert code == 2
    code, out, _ = run("show", "wire-0003", "--db", str(coded_db))
    assert code == 0
    assert "Egypt urged Ethiopia" in out and "trigger" in out


def test_numeric_byline_and_ambiguity_are_stored(coded_db: Path) -> None:
    import duckdb

    with duckdb.connect(str(coded_db), read_only=True) as con:
        row = con.execute("SELECT date, date_ambiguous FROM documents WHERE origin LIKE '%kashmir.txt'").fetchone()
    assert row == ("2019-03-05", True)


def test_bad_inputs_are_reported_and_good_ones_still_coded(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXAMPLES / "sanctions.txt", folder / "good.txt")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.md").write_bytes(b"\x00\xff\x00")
    (folder / "bad-utf8.txt").write_bytes(b"Title\n\nFrance accused Italy \xff\xfe.")
    (folder / "lines.jsonl").write_text('{"id": "j1", "text": "France accused Italy of cheating."}\n{oops\n', "utf-8")
    db = tmp_path / "out.duckdb"
    code, out, err = run("code", str(folder), str(tmp_path / "nowhere.txt"), "--db", str(db))
    assert code == 0
    assert "2 coded" in out and "5 problems" in out
    for name in ("empty.txt", "binary.md", "bad-utf8.txt", "lines.jsonl:2", "nowhere.txt"):
        assert name in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["code", "{tmp}/nothing-here", "--db", "{tmp}/x.duckdb"], "matches no file"),
        (["code", "{examples}", "--db", "{tmp}/missing/x.duckdb"], "does not exist"),
        (["code", "{examples}", "--db", "{tmp}/x.duckdb", "--date", "05/04/2019"], "use YYYY-MM-DD"),
        (["events", "--db", "{tmp}/absent.duckdb"], "run `tacitus code"),
        (["events", "--db", "{tmp}/x.duckdb", "--since", "yesterday"], "use YYYY-MM-DD"),
    ],
)
def test_user_mistakes_exit_non_zero_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    filled = [a.format(tmp=tmp_path, examples=EXAMPLES) for a in args]
    code, _, err = run(*filled)
    assert code != 0
    assert message in err
    assert "Traceback" not in err


def test_empty_directory_fails(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, _, err = run("code", str(tmp_path / "empty"), "--db", str(tmp_path / "x.duckdb"))
    assert code == 2
    assert "contains no articles" in err and "nothing could be coded" in err


def test_an_error_naming_a_settings_section_prints_its_brackets(tmp_path: Path) -> None:
    settings = tmp_path / "bad.toml"
    settings.write_text('[read]\ndate_order = "XYZ"\n', encoding="utf-8")
    code, _, err = run("events", "--db", str(tmp_path / "none.duckdb"), "--config", str(settings))
    assert code == 2
    assert "[read] date_order" in " ".join(err.split())
