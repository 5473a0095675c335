"""`tacitus timex FILE`: offsets into the clean text, the anchor from the byline or --date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tacitus.cli import app

runner = CliRunner()
ARTICLE = "Border Talks Resume\nApril 5, 2019\n\nThe envoys met on Wednesday and will meet again next Tuesday.\n"


@pytest.mark.slow
def test_timex_jsonl_uses_the_byline_date(tmp_path: Path) -> None:
    path = tmp_path / "talks.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["timex", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [(r["text"], r["value"], r["precision"]) for r in records] == [
        ("Wednesday", "2019-04-03", "day"),
        ("next Tuesday", "2019-04-09", "day"),
    ]
    assert all({"start", "end", "text", "value", "precision"} <= set(r) for r in records)


def test_timex_without_a_date_says_so(tmp_path: Path) -> None:
    path = tmp_path / "undated.txt"
    path.write_text("The envoys met on Wednesday.\n", encoding="utf-8")
    result = runner.invoke(app, ["timex", str(path), "--format", "jsonl", "--no-parse"])
    assert result.exit_code == 0
    assert "no publication date" in result.output
    record = json.loads(next(line for line in result.stdout.splitlines() if line.startswith("{")))
    assert record["value"] is None and record["problem"]


def test_timex_bad_date_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The envoys met on Wednesday.\n", encoding="utf-8")
    result = runner.invoke(app, ["timex", str(path), "--date", "5 April"])
    assert result.exit_code == 2 and "E050" in result.output
