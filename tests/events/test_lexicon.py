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
