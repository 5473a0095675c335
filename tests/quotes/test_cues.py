from pathlib import Path

import pytest

from tacitus.errors import TacitusError
from tacitus.quotes.cues import load_cues


def test_builtin_lexicon_has_cues_with_their_events() -> None:
    lexicon = load_cues()
    assert lexicon.verb("say") is not None and lexicon.verb("say").statement_code == "010"  # type: ignore[union-attr]
    assert lexicon.verb("warn").event == "130"  # type: ignore[union-attr]
    assert lexicon.verb("deny").event == "016"  # type: ignore[union-attr]
    assert lexicon.verb("insist").event == "010"  # type: ignore[union-attr]
    for lemma in ("tell", "reiterate", "emphasize"):
        assert lexicon.verb(lemma) is not None
    assert "according to" in lexicon.phrases


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("- cue: murmur\n- cue: mumble\n  event: '999'\n", "cues.yaml:2: event '999' is not a CAMEO code"),
        ("- cue: murmur\n- cue: murmur\n", "cues.yaml:2: cue 'murmur' is defined twice"),
        ("- cue: say\n", "cues.yaml:1: cue 'say' is defined twice"),
        ("- cue: murmur\n  tone: calm\n", "cues.yaml:1: unknown field(s) tone"),
        ("- cue: say-so\n", "cues.yaml:1: cue 'say-so' must be a lemma"),
        ("- cue: hint\n  object: sometimes\n", "cues.yaml:1: 'object' must be true or false"),
        ("- event: '010'\n", "cues.yaml:1: missing required field 'cue'"),
        ("- cue: murmur\n  event: [\n", "cues.yaml:3: not valid YAML"),
    ],
)
def test_bad_cue_files_name_file_and_line(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "cues.yaml"
    path.write_text(body)
    with pytest.raises(TacitusError) as error:
        load_cues((path,))
    assert message in str(error.value)
