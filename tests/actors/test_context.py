from typing import Any

from tacitus.pipeline import DocumentCoder
from tacitus.types import Actor


def analyse(coder: DocumentCoder, text: str, date: str | None = "2019-04-05") -> tuple[Any, Any]:
    doc = coder.parser.nlp(text)
    return doc, coder.actors.analyse(doc, date)


def resolved(actors: Any, doc: Any, word: str, nth: int = 0) -> list[Actor]:
    token = [t for t in doc if t.text == word][nth]
    found: list[Actor] = actors.resolve(token)
    return found


def test_a_minister_named_once_is_followed_through_surname_title_and_pronoun(document_coder: DocumentCoder) -> None:
    text = (
        "Turkey's Foreign Minister Halil Ozturan arrived in Washington on Monday. "
        "Ozturan met his American counterpart. The minister said the talks were useful. "
        "He added that Ankara would reply within a week."
    )
    doc, actors = analyse(document_coder, text)
    assert [a.code for a in resolved(actors, doc, "Ozturan")] == ["TURGOV"]
    (surname,) = resolved(actors, doc, "Ozturan", 1)
    assert (surname.text, surname.code) == ("Ozturan", "TURGOV")
    (minister,) = resolved(actors, doc, "minister")
    assert (minister.text, minister.code) == ("The minister", "TURGOV")
    assert minister.entry is not None and "Halil Ozturan" in minister.entry
    (he,) = resolved(actors, doc, "He")
    assert he.code == "TURGOV"
    assert [a.code for a in resolved(actors, doc, "Ankara")] == ["TURGOV"]
    assert resolved(actors, doc, "Washington") == []


def test_an_institution_title_codes_the_person_and_is_learned(document_coder: DocumentCoder) -> None:
    doc, actors = analyse(document_coder, "Pentagon spokesman Dale Fenwick said no. Fenwick declined to elaborate.")
    (first,) = resolved(actors, doc, "Fenwick")
    assert (first.text, first.code) == ("Pentagon spokesman Dale Fenwick", "USAMIL")
    assert [a.code for a in resolved(actors, doc, "Fenwick", 1)] == ["USAMIL"]
    (learned,) = actors.learned_actors("doc-1")
    assert (learned.doc_id, learned.name, learned.code, learned.country, learned.sector) == (
        "doc-1",
        "Dale Fenwick",
        "USAMIL",
        "USA",
        "MIL",
    )
    assert learned.title == "spokesman"
    assert "Pentagon spokesman Dale Fenwick said no." in learned.evidence
    assert doc.text[learned.start : learned.end] == "Pentagon spokesman Dale Fenwick"


def test_a_person_in_apposition_after_the_title_is_learned(document_coder: DocumentCoder) -> None:
    text = "The French president, Claire Duvalon, visited Berlin. Duvalon said she was pleased."
    doc, actors = analyse(document_coder, text)
    assert [a.code for a in resolved(actors, doc, "Duvalon", 1)] == ["FRAGOV"]
    assert [a.code for a in resolved(actors, doc, "she")] == ["FRAGOV"]
    assert [(a.name, a.code) for a in actors.learned_actors("d")] == [("Claire Duvalon", "FRAGOV")]


def test_places_and_modifiers_are_not_actors_but_a_capital_that_speaks_is(document_coder: DocumentCoder) -> None:
    doc, actors = analyse(document_coder, "US-made missiles hit a depot. Talks were held in Ankara. Ankara said no.")
    assert resolved(actors, doc, "missiles") == []
    assert resolved(actors, doc, "Ankara") == []
    assert [a.code for a in resolved(actors, doc, "Ankara", 1)] == ["TURGOV"]


def test_the_two_countries_refers_to_both_named_before(document_coder: DocumentCoder) -> None:
    doc, actors = analyse(
        document_coder, "Greece and Turkey held talks on Tuesday. The two countries agreed to meet again."
    )
    found = resolved(actors, doc, "countries")
    assert [a.code for a in found] == ["GRC", "TUR"]
    assert {a.text for a in found} == {"The two countries"}
    doc, actors = analyse(document_coder, "Only Chile was named. Both countries said nothing.")
    assert resolved(actors, doc, "countries") == []


def test_a_pronoun_without_a_person_before_it_is_not_coded(document_coder: DocumentCoder) -> None:
    doc, actors = analyse(document_coder, "He said the plan would fail.")
    assert resolved(actors, doc, "He") == []


def test_rebels_in_a_country_take_its_code_and_a_region_is_a_place(document_coder: DocumentCoder) -> None:
    doc, actors = analyse(document_coder, "Rebels in Mali attacked a convoy near Timbuktu.")
    assert [a.code for a in resolved(actors, doc, "Rebels")] == ["MLIREB"]
    assert resolved(actors, doc, "Timbuktu") == []
