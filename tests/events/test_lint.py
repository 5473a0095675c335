from pathlib import Path

from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.events.lint import check_files

runner = CliRunner()


def test_check_reports_good_and_bad_files(tmp_path: Path) -> None:
    good = tmp_path / "verbs.yaml"
    good.write_text('- id: my-snub\n  verb: snub\n  code: "111"\n', encoding="utf-8")
    bad = tmp_path / "broken.yaml"
    bad.write_text(
        '- id: my-scold\n  verb: scold\n  code: "111"\n\n- id: my-x\n  verb: scold\n  code: "999"\n', encoding="utf-8"
    )
    actors = tmp_path / "actors.yaml"
    actors.write_text("- names: [Ministry of Silly Walks]\n  country: GBR\n  sector: GOV\n", encoding="utf-8")
    results = {Path(r.path).name: r for r in check_files([good, bad, actors])}
    assert results["verbs.yaml"].problem is None and results["verbs.yaml"].kind == "lexicon"
    assert results["verbs.yaml"].entries == 1
    assert results["actors.yaml"].problem is None and results["actors.yaml"].kind == "actors"
    problem = results["broken.yaml"].problem
    assert problem is not None and f"{bad}:5" in problem and "unknown CAMEO code '999'" in problem


def test_dict_check_command_fails_with_one_line_per_problem(tmp_path: Path) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text('- id: x\n  noun: warning\n  code: "13"\n', encoding="utf-8")
    result = runner.invoke(app, ["dict", "check", str(bad)])
    assert result.exit_code == 2
    assert f"{bad}:1" in result.stderr and "E186" in result.stderr
    ok = runner.invoke(app, ["dict", "check"])
    assert ok.exit_code == 0 and "ok   built-in" in ok.stdout
