"""The built-in people lists code a named person by the office held on the article's date."""

from collections.abc import Callable

import pytest

from tacitus.actors import ActorCoder, load_knowledge
from tacitus.types import CodedDocument

TEXT = "Raul Castro met Alberto Fujimori in Havana. Stjepan Mesic later spoke with Thaksin Shinawatra."


@pytest.fixture(scope="module")
def builtin_coder(nlp: object) -> ActorCoder:
    coder = ActorCoder(())
    coder.setup(nlp)
    return coder


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        # 1992: a Cuban defence minister, a sitting Peruvian president, a Thai businessman not yet in office.
        ("1992-03-01", {"Castro": "CUBMIL", "Fujimori": "PERGOV", "Shinawatra": "THAELI"}),
        # 1991: Mesic heads the Yugoslav presidency, coded with the successor state's code.
        ("1991-09-01", {"Castro": "CUBMIL", "Fujimori": "PERGOV", "Mesic": "SRBGOV"}),
        # 2012: Castro is head of state, Fujimori a former president, Mesic a former Croatian president.
        ("2012-03-01", {"Castro": "CUBGOV", "Fujimori": "PERELI", "Mesic": "HRVELI", "Shinawatra": "THAELI"}),
        ("2003-06-01", {"Castro": "CUBMIL", "Fujimori": "PERELI", "Mesic": "HRVGOV", "Shinawatra": "THAGOV"}),
    ],
)
def test_office_holders_are_coded_by_the_article_date(
    builtin_coder: ActorCoder, nlp: object, date: str, expected: dict[str, str]
) -> None:
    doc = nlp(TEXT)  # type: ignore[operator]
    actors = builtin_coder.analyse(doc, date)
    found = {}
    for surname in expected:
        head = next(token for token in doc if token.text == surname)
        found[surname] = [actor.code for actor in actors.resolve(head)]
    assert found == {surname: [code] for surname, code in expected.items()}


def test_historical_offices_load_without_clashing_names() -> None:
    knowledge = load_knowledge()
    people = {person.name: person for person in knowledge.people}
    kohl = people["Helmut Kohl"]
    assert {(role.country, role.title) for role in kohl.roles} == {("DEU", "head of government")}
    gorbachev = knowledge.names["gorbachev"].person
    assert gorbachev is not None and {role.country for role in gorbachev.roles} == {"RUS"}
    vucic = knowledge.names["aleksandar vucic"].person
    assert vucic is not None and [role.title for role in vucic.roles] == ["head of government", "head of state"]


def test_a_1992_article_codes_the_president_in_an_event(code_text: Callable[..., CodedDocument]) -> None:
    coded = code_text("Alberto Fujimori criticised Raul Castro on Tuesday.", date="1992-04-07")
    pairs = {(e.source.code if e.source else None, e.target.code if e.target else None) for e in coded.events}
    assert ("PERGOV", "CUBMIL") in pairs
