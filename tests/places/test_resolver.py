from __future__ import annotations

from collections.abc import Callable

import pytest

from tacitus.places import DocumentPlaces
from tacitus.types import Event

pytestmark = pytest.mark.slow

LOCATION_KEYS = {"text", "name", "country", "admin1", "lat", "lon", "geonameid", "start", "end"}


def _located(events: list[Event], trigger: str) -> dict[str, object]:
    event = next(e for e in events if e.trigger.text == trigger)
    assert event.location is not None, f"{trigger} has no location"
    return event.location


def test_a_capital_as_speaker_is_an_actor_not_the_place(
    locate: Callable[[str], list[Event]], places: Callable[[str], DocumentPlaces]
) -> None:
    text = "Ankara said on Monday that Turkish troops had shelled positions south of Raqqa."
    found = {m.text: m for m in places(text).mentions}
    assert found["Ankara"].role == "actor"
    shelled = _located(locate(text), "shelled")
    assert (shelled["text"], shelled["country"], shelled["precision"]) == ("Raqqa", "SYR", "city")
    assert all(e.location is None or e.location["text"] != "Ankara" for e in locate(text))


def test_a_capital_warning_is_an_actor_and_a_site_is_the_place(locate: Callable[[str], list[Event]]) -> None:
    warned = _located(locate("Washington warned Moscow against new strikes near the Tabqa dam."), "warned")
    assert warned["text"] == "Tabqa dam" and warned["country"] == "SYR" and warned["basis"] == "clause"
    assert set(warned) >= LOCATION_KEYS
    assert isinstance(warned["geonameid"], int) and 35 < float(warned["lat"]) < 37  # type: ignore[arg-type]


def test_georgia_the_country_by_its_neighbours(places: Callable[[str], DocumentPlaces]) -> None:
    found = places("Georgian troops clashed with separatists in Georgia near Tbilisi.")
    georgia = next(m for m in found.mentions if m.text == "Georgia")
    assert georgia.place is not None and (georgia.place.kind, georgia.place.country) == ("country", "GEO")


def test_georgia_the_us_state_by_its_cities(places: Callable[[str], DocumentPlaces]) -> None:
    found = places("The governor of Georgia met voters in Atlanta and Savannah.")
    georgia = next(m for m in found.mentions if m.text == "Georgia")
    assert georgia.place is not None and (georgia.place.kind, georgia.place.country) == ("admin1", "USA")
    atlanta = next(m for m in found.mentions if m.text == "Atlanta")
    assert atlanta.place is not None and atlanta.place.admin1 == "GA"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Libyan militias clashed with government forces in Tripoli.", "LBY"),
        ("Syrian officers ended mediation efforts between rival militias in Tripoli, the Lebanese port.", "LBN"),
    ],
)
def test_the_documents_countries_choose_between_namesakes(
    places: Callable[[str], DocumentPlaces], text: str, country: str
) -> None:
    tripoli = next(m for m in places(text).mentions if m.text == "Tripoli")
    assert tripoli.place is not None and tripoli.place.country == country


def test_a_qualifying_name_after_a_comma_decides(places: Callable[[str], DocumentPlaces]) -> None:
    found = places("Mortars landed in Paris, Texas, on Friday.")
    paris = next(m for m in found.mentions if m.text == "Paris")
    assert paris.place is not None and (paris.place.country, paris.place.admin1) == ("USA", "TX")


def test_old_spellings_resolve_through_our_aliases(places: Callable[[str], DocumentPlaces]) -> None:
    kiev = next(m for m in places("Russian troops attacked positions outside Kiev.").mentions if m.text == "Kiev")
    assert kiev.place is not None and kiev.place.name == "Kyiv"


def test_each_event_takes_the_place_of_its_own_clause(locate: Callable[[str], list[Event]]) -> None:
    events = locate(
        "The Syrian army shelled villages near Idlib, while Turkish diplomats met Russian officials in Geneva."
    )
    assert _located(events, "shelled")["name"] == "Idlib"
    assert _located(events, "met")["name"] == "Geneva"


def test_the_dateline_places_events_the_sentence_does_not(locate: Callable[[str], list[Event]]) -> None:
    located = _located(
        locate("KABUL, Afghanistan (Wire) — Taliban fighters attacked a police post on Monday."), "attacked"
    )
    assert (located["name"], located["country"], located["basis"]) == ("Kabul", "AFG", "dateline")


def test_no_place_no_location(locate: Callable[[str], list[Event]]) -> None:
    events = locate("Turkey rejected the Russian proposal on Tuesday.")
    assert events and all(e.location is None for e in events)


def test_unknown_places_keep_their_text_unresolved(places: Callable[[str], DocumentPlaces]) -> None:
    found = places("Rebels attacked an army post in the town of Qarzum Dabir on Sunday.")
    unknown = next(m for m in found.mentions if m.text == "Qarzum Dabir")
    assert unknown.place is None and unknown.confidence == 0.0 and unknown.feature == "town"


def test_ambiguous_places_carry_a_lower_confidence(places: Callable[[str], DocumentPlaces]) -> None:
    alone = next(m for m in places("Protesters clashed with police in Georgia.").mentions if m.text == "Georgia")
    clear = next(m for m in places("Syrian troops clashed with rebels in Aleppo.").mentions if m.text == "Aleppo")
    assert alone.place is not None and 0.5 < alone.confidence < clear.confidence


@pytest.mark.parametrize(
    "text",
    [
        "Syrian troops attacked a post in Ẕ̶a͟l̃gorrrath ☃ on Monday.",
        "Turkey condemned strikes in \u200b\u200b on Sunday.",
        "ISTANBUL — ",
        "Iraq protested strikes in Sāmarrā’ and in Goražde, and near 東京.",
    ],
)
def test_odd_unicode_does_not_break_anything(locate: Callable[[str], list[Event]], text: str) -> None:
    for event in locate(text):
        assert event.location is None or isinstance(event.location["text"], str)


def test_a_state_named_like_its_main_city_means_the_city(places: Callable[[str], DocumentPlaces]) -> None:
    city = next(m for m in places("He teaches at a university in New York.").mentions if m.text == "New York")
    assert city.place is not None and city.place.kind == "city"
    state = places("The governor of New York state met voters in Albany.").mentions[0]
    assert state.place is not None and (state.place.kind, state.place.admin1) == ("admin1", "NY")


def test_a_place_at_the_end_of_a_chain_of_of_phrases_is_the_place(locate: Callable[[str], list[Event]]) -> None:
    text = "Pakistani troops shelled Indian posts in the forward areas of the northern sector of the Kashmir valley."
    shelled = _located(locate(text), "shelled")
    assert shelled["country"] in ("IND", "PAK") and "Kashmir" in str(shelled["text"])


def test_a_known_person_is_no_place(places: Callable[[str], DocumentPlaces]) -> None:
    found = places("Obama visited Hiroshima in 2016, and Obama later wrote about it.")
    assert [(m.text, m.place.country if m.place else None) for m in found.mentions] == [("Hiroshima", "JPN")]


def test_a_curated_region_wins_over_a_namesake_hamlet(places: Callable[[str], DocumentPlaces]) -> None:
    found = places("U.S. officials said the militants were defeated in the Middle East.")
    regions = [m for m in found.mentions if m.text.endswith("Middle East")]
    assert regions and regions[0].place is not None and regions[0].place.kind == "region"
