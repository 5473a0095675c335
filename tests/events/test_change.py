"""The kind of political change a protest, demand or promise is about: data checks and coding."""

from collections.abc import Callable
from pathlib import Path

import pytest

from tacitus.errors import TacitusError
from tacitus.events.change import load_change_kinds
from tacitus.events.ontology import load_ontology
from tacitus.types import CodedDocument, Event

Code = Callable[..., CodedDocument]


def asserted(coded: CodedDocument) -> list[Event]:
    return [e for e in coded.events if not e.negated and e.modality == "asserted"]


def test_builtin_change_kinds_load_and_cover_the_four_digits() -> None:
    kinds = load_change_kinds(load_ontology())
    assert {digit for digit, _ in kinds.kinds} == {"1", "2", "3", "4"}
    assert {"141", "145", "104"} <= kinds.refines
    assert kinds.generic["100"] == "104"
    assert kinds.digit_for(["the", "resignation", "constitution"]) == "1"
    assert kinds.digit_for(["weather"]) is None


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('- kind: rights\n  digit: "3"\n  words: [right]\n', "first entry must be 'refines"),
        ('- refines: ["010"]\n', "cannot take a fourth digit"),
        ('- refines: ["141"]\n  generic: {"100": "024"}\n', "the second one of 'refines'"),
        ('- refines: ["141"]\n- kind: rights\n  digit: "7"\n  words: [right]\n', "'digit' must be one of"),
        (
            '- refines: ["141"]\n- kind: a\n  digit: "1"\n  words: [x]\n- kind: b\n  digit: "2"\n  words: [x]\n',
            "already",
        ),
    ],
)
def test_bad_change_file_names_file_and_line(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "changes.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(TacitusError) as caught:
        load_change_kinds(load_ontology(), path)
    assert message in str(caught.value)
    assert f"{path}:" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Thousands of Georgian students rallied in Tbilisi to demand the resignation of the interior minister.",
            "1411",
        ),
        ("Chilean miners staged a hunger strike to demand higher wages from the Chilean government.", "1432"),
        ("Kurdish protesters marched through Diyarbakir, calling for autonomy from Turkey.", "1414"),
        ("Hungarian students protested in Budapest for academic freedom.", "1413"),
        ("Ghana demanded the resignation of the Togolese foreign minister.", "1041"),
    ],
)
def test_what_is_asked_for_gives_the_fourth_digit(code_text: Code, text: str, code: str) -> None:
    codes = {e.cameo for e in asserted(code_text(text))}
    assert code in codes, codes


def test_a_protest_in_a_named_square_is_not_about_independence(code_text: Code) -> None:
    codes = {e.cameo for e in asserted(code_text("Ukrainian students rallied in Independence Square on Sunday."))}
    assert "141" in codes, codes


def test_the_demand_a_protest_is_made_for_is_not_coded_again(code_text: Code) -> None:
    events = asserted(code_text("Chilean miners staged a hunger strike to demand higher wages from the government."))
    assert not [e for e in events if e.cameo_root in ("02", "10")], [(e.cameo, e.entry) for e in events]
