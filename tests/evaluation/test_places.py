from __future__ import annotations

import json
from pathlib import Path

import pytest

from tacitus.errors import TacitusError
from tacitus.evaluation.places import evaluate_places, name_matches, read_gold_locations
from tacitus.pipeline import DocumentCoder
from tacitus.places import PlaceResolver


def _gold(tmp_path: Path, rows: list[dict[str, object]]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_names_match_when_equal_or_contained() -> None:
    assert name_matches("province of Herat", {"name": "Herāt", "text": "Herat"})
    assert name_matches("Raqqa", {"name": "Ar Raqqah", "text": "Raqqa"})
    assert not name_matches("Basra", {"name": "Baghdad", "text": "Baghdad"})
    assert not name_matches("Rat", {"name": "Herat", "text": "Herat"})


def test_gold_locations_are_read_and_bad_lines_named(tmp_path: Path) -> None:
    path = _gold(
        tmp_path,
        [
            {
                "id": "a",
                "text": "x",
                "plover": [{"type": "ASSAULT", "location": {"name": "Hama", "country_iso2": "SY"}}],
            },
            {"id": "b", "text": "y", "plover": [{"type": "ACCUSE"}]},
        ],
    )
    golds = list(read_gold_locations(path))
    assert [(g.item_id, g.name, g.country_iso2) for g in golds] == [("a", "Hama", "SY")]
    path.write_text('{"id": "a", "text": "x"}\nnot json\n', encoding="utf-8")
    with pytest.raises(TacitusError, match=r"E205.*gold\.jsonl:2"):
        list(read_gold_locations(path))


@pytest.mark.slow
def test_evaluation_scores_our_own_sentences(tmp_path: Path, document_coder: DocumentCoder) -> None:
    path = _gold(
        tmp_path,
        [
            {
                "id": "one",
                "text": "Syrian troops shelled rebel positions near Homs on Sunday.",
                "plover": [{"type": "ASSAULT", "location": {"name": "Homs", "country_iso2": "SY"}}],
            },
            {
                "id": "two",
                "text": "Turkish jets bombed Kurdish positions in Hasakah on Monday.",
                "plover": [{"type": "ASSAULT", "location": {"name": "Qamishli", "country_iso2": None}}],
            },
        ],
    )
    resolver = PlaceResolver()
    resolver.setup()
    score = evaluate_places(path, document_coder, resolver)
    assert score.total == 2
    by_id = {v.gold.item_id: v for v in score.verdicts}
    assert by_id["one"].correct and not by_id["two"].correct
    assert score.accuracy == pytest.approx(0.5)


@pytest.mark.slow
def test_the_eval_command_prints_the_scores(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from tacitus.cli import app

    path = _gold(
        tmp_path,
        [
            {
                "id": "one",
                "text": "Syrian troops shelled rebel positions near Homs on Sunday.",
                "plover": [{"type": "ASSAULT", "location": {"name": "Homs", "country_iso2": "SY"}}],
            }
        ],
    )
    result = CliRunner().invoke(app, ["eval", "places", str(path), "--misses"])
    assert result.exit_code == 0, result.output
    assert "accuracy (all gold locations)" in result.output and "1.000" in result.output
    missing = CliRunner().invoke(app, ["eval", "places", str(tmp_path / "absent.jsonl")])
    assert missing.exit_code == 2 and "E001" in missing.output
