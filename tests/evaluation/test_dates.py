"""The TimeML reader and the date scores, on a small TimeML file written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.errors import TacitusError
from tacitus.evaluation.dates import canonical_value, evaluate_dates, read_corpus, read_timeml

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>sample</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2019-04-05" functionInDocument="CREATION_TIME">2019-04-05</TIMEX3></DCT>
<TEXT>
The envoy <EVENT eid="e1">arrived</EVENT> <TIMEX3 tid="t1" type="DATE" value="2019-04-03">Wednesday</TIMEX3> for
talks that lasted <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>. Trade fell
<TIMEX3 tid="t3" type="DATE" value="2018">last year</TIMEX3> and the accord dates from
<TIMEX3 tid="t4" type="DATE" value="2002">2002</TIMEX3>, before <TIMEX3 tid="t5" type="DATE" value="FUTURE_REF">the
future</TIMEX3> of <TIMEX3 tid="t6" type="DATE" value="2019-W14">this week</TIMEX3>'s plan.
A meeting is set for <TIMEX3 tid="t7" type="DATE" value="2019-XX-XX">later</TIMEX3> and 3 days ago.
</TEXT>
</TimeML>
"""


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "sample.tml").write_text(TIMEML, encoding="utf-8")
    return tmp_path


def test_reader_keeps_offsets_and_anchor(corpus: Path) -> None:
    document = read_timeml(corpus / "sample.tml")
    assert document.anchor == "2019-04-05"
    assert [(g.text, g.type) for g in document.timexes][:2] == [("Wednesday", "DATE"), ("three days", "DURATION")]
    for gold in document.timexes:
        assert document.text[gold.start : gold.end] == gold.text


def test_scores_count_overlaps_values_and_ignore_other_types(corpus: Path) -> None:
    scores = evaluate_dates(read_corpus(corpus))
    # gold DATE: 6; found: Wednesday, last year, 2002, the future (FUTURE_REF), this week, 3 days ago (spurious)
    assert (scores.gold, scores.found, scores.matched) == (6, 6, 5)
    assert scores.value_correct == 5
    assert scores.precision == pytest.approx(5 / 6)
    assert scores.recall == pytest.approx(5 / 6)
    assert scores.value_accuracy == 1.0


def test_canonical_values() -> None:
    assert canonical_value("2000-W7") == "2000-W07"
    assert canonical_value("199X") == "199"
    assert canonical_value("2019-04-05") == "2019-04-05"


def test_bad_corpus_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(TacitusError, match="E102"):
        read_corpus(tmp_path)
    (tmp_path / "broken.tml").write_text("<TimeML><TEXT>unclosed", encoding="utf-8")
    with pytest.raises(TacitusError, match="E101"):
        read_corpus(tmp_path)


def test_eval_dates_command(corpus: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "dates", str(corpus), "--no-parse", "--show", "3"])
    assert result.exit_code == 0, result.output
    assert "F1 0.833" in result.output and "value accuracy of detected: 1.000" in result.output
