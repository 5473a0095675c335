import pytest

from tacitus.actors.knowledge import NameRef
from tacitus.actors.spelling import SpellingIndex, allowed_edits, edit_distance
from tacitus.pipeline import DocumentCoder


def test_edit_distance_counts_inserts_deletes_substitutions_and_swaps() -> None:
    assert edit_distance("qatar", "quatar", 2) == 1
    assert edit_distance("israel", "isreal", 2) == 1
    assert edit_distance("kenya", "kenya", 1) == 0
    assert edit_distance("kenya", "bolivia", 1) == 2
    assert edit_distance("malawi", "makawi", 2) == 1
    assert edit_distance("malawi", "makawi", 2, substitution=2) == 2


def test_longer_words_tolerate_more_edits() -> None:
    assert allowed_edits(5) == 0
    assert allowed_edits(7) == 1
    assert allowed_edits(13) == 2


def test_an_ambiguous_or_distant_word_matches_nothing() -> None:
    index = SpellingIndex.of([("austria", "AUT"), ("australia", "AUS"), ("estonia", "EST")])
    assert index.match("Austrai") == "AUT"
    assert index.match("Estonai") == "EST"
    assert index.match("Astonia") is None
    assert index.match("Zimbawe") is None


@pytest.mark.parametrize(
    ("word", "code"),
    [("Afganistan", "AFG"), ("Phillippines", "PHL"), ("Quatar", "QAT"), ("Pakistn", "PAK"), ("Chenchen", "RUSCVL")],
)
def test_misspelt_countries_demonyms_and_groups(document_coder: DocumentCoder, word: str, code: str) -> None:
    ref = document_coder.actors.knowledge.spelling.match(word)
    assert isinstance(ref, NameRef)
    assert ref.entry.code == code


@pytest.mark.parametrize(
    "word",
    ["Indiana", "Christmas", "Franco", "Barbara", "Angela", "Nigel", "Frances", "Benign", "Irak", "Makawi", "Lakhta"],
)
def test_real_words_and_names_are_not_misspellings(document_coder: DocumentCoder, word: str) -> None:
    assert document_coder.actors.knowledge.spelling.match(word) is None


def test_a_misspelt_country_is_resolved_in_text(document_coder: DocumentCoder) -> None:
    doc = document_coder.parser.nlp("Pakistan rejected a fresh offer from Afganistan for talks.")
    actors = document_coder.actors.analyse(doc)
    (actor,) = actors.resolve(next(t for t in doc if t.text == "Afganistan"))
    assert (actor.country, actor.text) == ("AFG", "Afganistan")
