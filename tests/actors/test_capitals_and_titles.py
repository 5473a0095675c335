import pytest

from tacitus.pipeline import DocumentCoder
from tacitus.types import Actor


def actors_of(coder: DocumentCoder, text: str, word: str, place: bool = False) -> list[Actor]:
    doc = coder.parser.nlp(text)
    found = coder.actors.analyse(doc)
    token = next(t for t in doc if t.text == word)
    return found.resolve_place(token) if place else found.resolve(token)


def codes(coder: DocumentCoder, text: str, word: str) -> list[str]:
    return [a.code for a in actors_of(coder, text, word)]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Kabul accused Islamabad of harbouring militants.", "Kabul", ["AFGGOV"]),
        ("Kabul accused Islamabad of harbouring militants.", "Islamabad", ["PAKGOV"]),
        ("The envoy held talks with Baghdad on Monday.", "Baghdad", ["IRQGOV"]),
        ("Washington sent a message to Tehran.", "Tehran", ["IRNGOV"]),
        ("Protesters gathered in Baghdad on Monday.", "Baghdad", []),
        ("The envoy flew to Baghdad on Monday.", "Baghdad", []),
        ("Bombs exploded in the capital Kabul.", "capital", []),
    ],
)
def test_capitals_are_governments_unless_they_are_places(
    document_coder: DocumentCoder, text: str, word: str, expected: list[str]
) -> None:
    assert codes(document_coder, text, word) == expected


def test_a_place_can_still_be_taken_as_an_actor_on_request(document_coder: DocumentCoder) -> None:
    (actor,) = actors_of(document_coder, "Protesters gathered in Baghdad on Monday.", "Baghdad", place=True)
    assert (actor.country, actor.sector, actor.text) == ("IRQ", None, "Baghdad")


def test_an_unknown_titled_person_takes_the_one_country_the_text_names(document_coder: DocumentCoder) -> None:
    text = "President Tomas Okafo said the Zambian economy would grow."
    assert codes(document_coder, text, "Okafo") == ["ZMBGOV"]
    assert codes(document_coder, "Judge Anna Ruvira questioned Chilean officials.", "Ruvira") == ["CHLJUD"]
    assert codes(document_coder, "President Tomas Okafo met French and German envoys.", "Okafo") == []


def test_international_forces_and_modifiers(document_coder: DocumentCoder) -> None:
    assert codes(document_coder, "A regional peacekeeping force arrived.", "force") == ["IGOMIL"]
    assert codes(document_coder, "Turkish peacekeepers arrived.", "peacekeepers") == ["TURMIL"]
    assert codes(document_coder, "Vietnamese-led forces shelled the camps.", "forces") == ["VNMMIL"]
    assert codes(document_coder, "Egyptian demonstrators rioted in the square.", "Egyptian") == ["EGYCVL"]
    assert codes(document_coder, "An official Syrian newspaper called for unity.", "newspaper") == ["SYRGOV"]
    assert codes(document_coder, "The European Community gave aid to Chad.", "Community") == ["IGOEEC"]


def test_a_stance_prefix_is_not_the_country(document_coder: DocumentCoder) -> None:
    assert codes(document_coder, "An anti-Syria journalist was arrested.", "journalist") == []
    assert codes(document_coder, "A pro-Moscow leader was arrested.", "Moscow") == []


def test_former_office_holders_are_elites(document_coder: DocumentCoder) -> None:
    assert codes(document_coder, "Former Greek prime minister Yannis Koravos spoke.", "Koravos") == ["GRCELI"]
