from typing import Any

import pytest

from tacitus.pipeline import DocumentCoder
from tacitus.types import Actor


def actors_of(coder: DocumentCoder, text: str, word: str) -> list[Actor]:
    doc = coder.parser.nlp(text)
    found = coder.actors.analyse(doc)
    token = next(t for t in doc if t.text == word)
    return found.resolve(token)


@pytest.mark.parametrize(
    ("text", "head", "code", "span"),
    [
        ("Turkey rejected the plan.", "Turkey", "TUR", "Turkey"),
        ("Ankara said it would respond.", "Ankara", "TURGOV", "Ankara"),
        ("The Pentagon warned Turkey.", "Pentagon", "USAMIL", "The Pentagon"),
        ("Turkish troops crossed the border.", "troops", "TURMIL", "Turkish troops"),
        ("Pentagon spokesman Eric Pahon said no.", "Pahon", "USAMIL", "Pentagon spokesman Eric Pahon"),
        ("Turkey's Foreign Minister Mevlut Cavusoglu spoke.", "Cavusoglu", "TURGOV", None),
        ("The foreign minister of Iran spoke.", "minister", "IRNGOV", None),
        ("NATO condemned the attack.", "NATO", "IGONAT", "NATO"),
        ("The Kremlin denied it.", "Kremlin", "RUSGOV", "The Kremlin"),
        ("Indian police arrested four men.", "police", "INDCOP", "Indian police"),
    ],
)
def test_noun_phrases_are_coded(document_coder: DocumentCoder, text: str, head: str, code: str, span: Any) -> None:
    (actor,) = actors_of(document_coder, text, head)
    assert actor.code == code
    if span is not None:
        assert actor.text == span
        assert text[actor.start : actor.end] == span


def test_modifiers_and_places_that_are_not_actors(document_coder: DocumentCoder) -> None:
    assert actors_of(document_coder, "US-made missiles fell on the town.", "missiles") == []
    assert actors_of(document_coder, "The talks were held in Ankara.", "talks") == []


def test_coordinated_adjectives_give_two_actors(document_coder: DocumentCoder) -> None:
    found = actors_of(document_coder, "Russian and Chinese diplomats condemned the vote.", "diplomats")
    assert sorted(a.code for a in found) == ["CHNGOV", "RUSGOV"]


def test_a_person_named_with_office_is_learned_for_the_document(document_coder: DocumentCoder) -> None:
    text = "Turkish Foreign Minister Mevlut Cavusoglu visited Baghdad. Cavusoglu praised Iraq."
    doc = document_coder.parser.nlp(text)
    found = document_coder.actors.analyse(doc)
    first, second = [t for t in doc if t.text == "Cavusoglu"]
    assert found.resolve(first)[0].code == "TURGOV"
    (later,) = found.resolve(second)
    assert (later.code, later.text) == ("TURGOV", "Cavusoglu")


def test_a_known_surname_after_another_given_name_is_someone_else(document_coder: DocumentCoder) -> None:
    assert not actors_of(document_coder, "Former Sen. Joe Lieberman told reporters on Tuesday.", "Lieberman")
    known = actors_of(document_coder, "Avigdor Lieberman told reporters on Tuesday.", "Lieberman")
    assert known and known[0].country == "ISR"


def test_the_country_an_expert_studies_is_not_theirs(document_coder: DocumentCoder) -> None:
    text = "“Prices are rising,” said Mireya Solis, a senior fellow and Japan expert at the Brookings Institution."
    assert not actors_of(document_coder, text, "Solis")
    assert not actors_of(document_coder, "An Iran analyst said the talks would fail.", "analyst")


def test_a_role_alone_is_coded_by_its_sector_only(document_coder: DocumentCoder) -> None:
    doc = document_coder.parser.nlp("A journalist was arrested.")
    actors = document_coder.actors.analyse(doc, None)
    head = next(t for t in doc if t.text == "journalist")
    assert actors.resolve(head) == []
    assert [(a.code, a.country, a.entry) for a in actors.sector_only(head)] == [("MED", None, "sector only")]
    officials = next(t for t in document_coder.parser.nlp("Officials said so.") if t.text == "Officials")
    assert actors.sector_only(officials) == []
