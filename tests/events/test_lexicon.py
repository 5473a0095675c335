from pathlib import Path

import pytest

from tacitus.errors import TacitusError
from tacitus.events import load_lexicon, load_ontology


def test_ontology_covers_every_root_with_weights_and_quad_classes() -> None:
    ontology = load_ontology()
    roots = {f"{n:02d}" for n in range(1, 21)}
    assert roots <= set(ontology)
    assert len(ontology) > 300
    assert ontology["125"].quad_class == 3 and ontology["125"].goldstein == -5.0
    assert ontology["190"].quad_class == 4 and ontology["057"].quad_class == 1
    assert ontology["0874"].plover is not None


def test_builtin_lexicon_covers_all_roots_with_60_verbs() -> None:
    lexicon = load_lexicon()
    assert {p.code[:2] for p in lexicon.patterns} == {f"{n:02d}" for n in range(1, 21)}
    assert len(lexicon.verbs) >= 60
    assert all(p.code in lexicon.ontology for p in lexicon.patterns)


def test_most_specific_pattern_is_tried_first() -> None:
    lexicon = load_lexicon()
    candidates = lexicon.candidates("reject", None)
    assert candidates[0].specificity >= candidates[-1].specificity
    assert any(p.objects and p.code == "125" for p in candidates)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('- id: x\n  verb: reject\n  code: "999"\n', "unknown CAMEO code '999'"),
        ("- id: x\n  verb: reject\n  code: 120\n", "quoted string"),
        ('- id: x\n  verb: Reject now\n  code: "120"\n', "lower-case lemma"),
        ('- id: x\n  verb: reject\n  code: "120"\n  objects: [plan]\n', "unknown field(s) objects"),
        ('- id: x\n  verb: reject\n  code: "120"\n  object: []\n', "can never match"),
        ('- id: x\n  verb: reject\n  code: "120"\n  prep: on\n', "non-empty string"),
        ('- id: say\n  verb: state\n  code: "010"\n', "already used"),
        ('- id: x\n  verb: say\n  code: "010"\n', "can never match"),
        ('- id: x\n  verb: reject\n  code: "120"\n  object: [plan\n', "not valid YAML"),
        ('- id: x\n  verb: decline\n  code: "120"\n  then: [any, resign]\n', "list it alone"),
        ('- id: x\n  noun: appeal\n  code: "020"\n  then: [any]\n', "verb triggers only"),
    ],
)
def test_bad_extra_lexicon_names_file_and_line(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("# my patterns\n" + body, encoding="utf-8")
    with pytest.raises(TacitusError) as caught:
        load_lexicon([path])
    assert message in str(caught.value)
    assert f"{path}:" in str(caught.value)


def test_extra_lexicon_adds_patterns(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text('- id: my-snub\n  verb: snub\n  code: "111"\n', encoding="utf-8")
    lexicon = load_lexicon([path])
    assert lexicon.candidates("snub", None)[0].pattern_id == "my-snub"


def test_every_cameo_code_has_a_pattern() -> None:
    lexicon = load_lexicon()
    coded = {p.code for p in lexicon.patterns}
    missing = sorted(set(lexicon.ontology) - coded)
    assert missing == []


def test_ontology_maps_appeals_to_request_and_leaves_statements_unmapped() -> None:
    ontology = load_ontology()
    assert all(c.plover and c.plover.type == "REQUEST" for code, c in ontology.items() if code.startswith("02"))
    assert all(c.plover is None for code, c in ontology.items() if code.startswith("01"))
    assert all(c.plover is not None for code, c in ontology.items() if not code.startswith("01"))
    assert ontology["046"].symmetric and not ontology["112"].symmetric


def test_parallels_point_to_codes_of_the_right_root() -> None:
    lexicon = load_lexicon()
    assert lexicon.parallel("0874", "appeal") == "0256"
    assert lexicon.parallel("0841", "demand") == "1053"
    assert lexicon.parallel("163", "threat") == "1312"
    assert lexicon.parallel("042", "intent") == "036"
    assert lexicon.parallel("111", "intent") is None


def test_noun_patterns_are_indexed_apart_from_verbs() -> None:
    lexicon = load_lexicon()
    assert "invasion" in lexicon.nouns and "invasion" not in lexicon.verbs
    hunger = lexicon.candidates("strike", "hunger", "noun")
    assert hunger and all(p.particle == "hunger" for p in hunger)
    assert lexicon.candidates("strike", None, "noun")[0].particle is None


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('- id: x\n  noun: offer\n  verb: offer\n  code: "030"\n', "exactly one trigger"),
        ('- id: x\n  noun: appeal\n  code: "020"\n  then: [appeal]\n', "its own complement"),
        ('- id: x\n  verb: offer\n  code: "030"\n  light: [make]\n', "noun triggers only"),
        ('- id: x\n  verb: agree\n  code: "030"\n  then: [agree]\n', "its own complement"),
        ('- id: x\n  verb: call for\n  code: "020"\n  prep: "for"\n', "already the particle"),
        ('- id: x\n  noun: warning\n  code: "13"\n', "can never match"),
    ],
)
def test_pattern_language_errors_name_file_and_line(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("# mine\n\n" + body, encoding="utf-8")
    with pytest.raises(TacitusError) as caught:
        load_lexicon([path])
    assert message in str(caught.value)
    assert f"{path}:3" in str(caught.value)
