import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tacitus.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def coded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("explain")
    article = folder / "note.txt"
    article.write_text(
        "Border talks\n\nEgypt urged Ethiopia to withdraw its troops from the border on Monday.\n", encoding="utf-8"
    )
    db = folder / "events.duckdb"
    result = runner.invoke(app, ["code", str(article), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    return db


@pytest.mark.slow
def test_explain_shows_pattern_place_trigger_paths_and_actor_entries(coded_db: Path) -> None:
    listed = runner.invoke(app, ["events", "--db", str(coded_db), "--format", "jsonl"])
    records = [json.loads(line) for line in listed.stdout.splitlines()]
    appeal = next(r for r in records if r["cameo"] == "0256")
    result = runner.invoke(app, ["explain", appeal["event_id"], "--db", str(coded_db)])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "0256 Appeal for de-escalation of military engagement" in out
    assert "pattern: urge-deescalate (verb 'urge', then [" in out and "verbs.yaml:" in out
    assert "trigger: 'urged'" in out
    assert "source path: urged ↓nsubj:Egypt" in out
    assert "target path: urged ↓dobj:Ethiopia" in out
    assert "countries.yaml:" in out


def test_explain_unknown_event_is_one_line_error(coded_db: Path) -> None:
    result = runner.invoke(app, ["explain", "0000", "--db", str(coded_db)])
    assert result.exit_code == 2
    assert "E182" in result.stderr and "Traceback" not in result.stderr


def test_combined_entries_name_every_pattern_and_how_they_combined() -> None:
    from tacitus.events.explain import entry_patterns
    from tacitus.events.lexicon import load_lexicon

    patterns, how = entry_patterns("urge>withdraw-troop+intent", load_lexicon())
    assert [p.pattern_id for p in patterns] == ["urge", "withdraw-troop"]
    assert how is not None and "parallel" in how and "intent" in how


@pytest.mark.slow
def test_explain_reads_a_headline_event_against_the_title(tmp_path: Path) -> None:
    article = tmp_path / "expel.txt"
    article.write_text(
        "Egypt Expels Ethiopian Ambassador Over Dam Dispute\n\nThe two governments met on Monday to discuss water.\n",
        encoding="utf-8",
    )
    db = tmp_path / "headline.duckdb"
    assert runner.invoke(app, ["code", str(article), "--db", str(db)]).exit_code == 0
    listed = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl"])
    expel = next(json.loads(line) for line in listed.stdout.splitlines() if json.loads(line)["cameo"] == "166")
    assert expel["headline"] is True
    result = runner.invoke(app, ["explain", expel["event_id"], "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert "sentence: Egypt Expels Ethiopian Ambassador Over Dam Dispute" in result.stdout
    assert "source path: expels ↓nsubj:Egypt" in result.stdout


def test_explain_names_each_derivation_of_an_entry() -> None:
    from tacitus.events.explain import entry_patterns
    from tacitus.events.lexicon import load_lexicon

    patterns, how = entry_patterns("stage-strike-stag+change", load_lexicon())
    assert [p.pattern_id for p in patterns] == ["stage-strike-stag"]
    assert how is not None and "changes.yaml" in how
    _, joint = entry_patterns("hold-exercise+intent+joint", load_lexicon())
    assert joint is not None and "intent" in joint and "several countries" in joint
