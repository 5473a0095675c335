import datetime as dt

import pytest

from tacitus.actors import ActorCoder, load_knowledge
from tacitus.actors.people import Person

# fmt: off
AFRICA = [
    "AGO", "BEN", "BWA", "BFA", "BDI", "CPV", "CMR", "CAF", "TCD", "COM", "COD", "COG", "CIV", "DJI", "EGY", "ERI",
    "GNQ", "ETH", "GAB", "GMB", "GHA", "GIN", "GNB", "KEN", "LSO", "LBR", "LBY", "MDG", "MWI", "MLI", "MRT", "MAR",
    "MOZ", "NAM", "NER", "NGA", "RWA", "STP", "SEN", "SYC", "SLE", "SOM", "SDN", "SWZ", "TZA", "TGO", "TUN", "UGA",
    "ZMB", "ZWE", "ZAF", "DZA",
]
MIDDLE_EAST = ["AFG", "ARE", "BHR", "IRN", "IRQ", "ISR", "JOR", "KWT", "LBN", "OMN", "QAT", "SAU", "SYR", "TUR", "YEM"]
CENTRAL_ASIA_CAUCASUS = ["KAZ", "UZB", "TKM", "KGZ", "TJK", "AZE", "ARM", "GEO"]
# fmt: on
NOT_YET_STATES_IN_1990 = {"ARM", "GEO", "TJK", "KGZ", "TKM"}


@pytest.fixture(scope="module")
def people() -> list[Person]:
    return load_knowledge().people


def heads_of_state_on(people: list[Person], day: dt.date) -> dict[str, list[str]]:
    holders: dict[str, list[str]] = {}
    for person in people:
        for role in person.roles:
            if role.title == "head of state" and role.country is not None and role.covers(day):
                holders.setdefault(role.country, []).append(person.name)
    return holders


@pytest.mark.parametrize(
    ("day", "countries"),
    [
        (dt.date(2005, 6, 1), AFRICA + MIDDLE_EAST + CENTRAL_ASIA_CAUCASUS),
        (dt.date(2015, 6, 1), ["SSD"]),
        # Eritrea was not yet independent; Comoros (interim president) and Mauritius (a monarchy
        # until 1992) have no holder listed.
        (
            dt.date(1990, 6, 1),
            [c for c in AFRICA + MIDDLE_EAST + ["KAZ", "UZB", "AZE"] if c not in {"ERI", "COM", "MUS"}],
        ),
    ],
)
def test_every_state_of_the_regions_has_a_dated_head_of_state(
    people: list[Person], day: dt.date, countries: list[str]
) -> None:
    holders = heads_of_state_on(people, day)
    missing = [country for country in countries if not holders.get(country)]
    assert missing == []
    assert not NOT_YET_STATES_IN_1990 & set(heads_of_state_on(people, dt.date(1990, 6, 1)))


@pytest.fixture(scope="module")
def coder(nlp: object) -> ActorCoder:
    coder = ActorCoder()
    coder.setup(nlp)
    return coder


def codes_on(coder: ActorCoder, nlp: object, text: str, names: list[str], date: str) -> list[str]:
    doc = nlp(text)  # type: ignore[operator]
    actors = coder.analyse(doc, date)
    codes = []
    for name in names:
        head = next(token for token in doc if token.text == name)
        (actor,) = actors.resolve(head)
        codes.append(actor.code)
    return codes


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("1996-06-01", ["KAZGOV", "DZAGOV"]),  # foreign minister; prime minister
        ("2001-06-01", ["KAZGOV", "DZAELI"]),  # prime minister; between two premierships
        ("2015-06-01", ["KAZELI", "DZAELI"]),  # neither holds a listed office
        ("2020-06-01", ["KAZGOV", "DZAELI"]),  # president
    ],
)
def test_office_holders_of_two_regions_are_coded_by_the_article_date(
    coder: ActorCoder, nlp: object, date: str, expected: list[str]
) -> None:
    text = "Kassym-Jomart Tokayev held talks with Ahmed Ouyahia on gas prices."
    assert codes_on(coder, nlp, text, ["Tokayev", "Ouyahia"], date) == expected


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("1998-03-01", ["RWAMIL", "KENELI"]),  # Kagame as defence minister; Omamo not yet in office
        ("2015-03-01", ["RWAGOV", "KENMIL"]),  # president; defence minister
        ("2021-03-01", ["RWAGOV", "KENGOV"]),  # president; foreign minister
    ],
)
def test_defence_and_foreign_ministers_change_sector_with_the_office(
    coder: ActorCoder, nlp: object, date: str, expected: list[str]
) -> None:
    text = "Paul Kagame met Raychelle Omamo in Kigali."
    assert codes_on(coder, nlp, text, ["Kagame", "Omamo"], date) == expected


@pytest.mark.parametrize(("date", "expected"), [("1982-07-01", "ISRMIL"), ("1985-07-01", "ISRELI")])
def test_earlier_offices_of_people_listed_for_later_ones(
    coder: ActorCoder, nlp: object, date: str, expected: str
) -> None:
    assert codes_on(coder, nlp, "Ariel Sharon visited the border.", ["Sharon"], date) == [expected]
