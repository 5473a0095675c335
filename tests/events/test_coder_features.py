"""Coder features, each on sentences and headlines written for these tests: nouns under a verb that
coded nothing, noun patterns with an infinitive, counting words, headlines read as noun phrases."""

import dataclasses
from collections.abc import Callable

import pytest
from tests.conftest import make_document

from tacitus.pipeline import DocumentCoder
from tacitus.types import CodedDocument, Event

Code = Callable[..., CodedDocument]


def coded_codes(coded: CodedDocument) -> set[tuple[str | None, str, str | None]]:
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None) for e in coded.events}


def by_trigger(coded: CodedDocument, word: str) -> list[Event]:
    return [e for e in coded.events if e.trigger.text == word]


def test_noun_under_a_verb_that_coded_nothing_is_still_tried(code_text: Code) -> None:
    # "killed" matches a pattern but finds no actor; the bombing it governs names its perpetrator.
    coded = code_text("Two soldiers were killed in a roadside bombing by Taliban insurgents.")
    bombings = by_trigger(coded, "bombing")
    assert bombings and bombings[0].cameo == "1833"
    assert bombings[0].source is not None and bombings[0].source.country == "AFG"


def test_noun_under_a_verb_that_coded_an_event_stays_silent(code_text: Code) -> None:
    coded = code_text("Taliban insurgents killed two Afghan soldiers in a roadside bombing.")
    assert by_trigger(coded, "killed")
    assert not by_trigger(coded, "bombing")


def test_hunger_strike_takes_the_purpose_of_its_infinitive(code_text: Code) -> None:
    coded = code_text(
        "Kurdish prisoners in Turkey staged a hunger strike to demand the resignation of the justice minister."
    )
    strikes = by_trigger(coded, "strike")
    assert [e.cameo for e in strikes] == ["1421"]
    assert strikes[0].entry == "nt-hunger-strike-1421"
    # The infinitive is part of the strike, not a demand of its own; the carrying verb codes nothing apart.
    assert not [e for e in coded.events if e.entry.startswith("demand")]
    assert not by_trigger(coded, "staged")


def test_hunger_strike_without_a_matching_purpose_keeps_its_plain_code(code_text: Code) -> None:
    coded = code_text("Kurdish prisoners in Turkey began a hunger strike on Monday.")
    assert {e.cameo for e in by_trigger(coded, "strike")} == {"142"}


def test_appeal_with_an_infinitive_on_the_noun(code_text: Code) -> None:
    coded = code_text("Rwanda renewed an appeal to Belgium to extradite the former mayor.")
    assert ("RWA", "0213", "BEL") in coded_codes(coded)
    assert not by_trigger(coded, "renewed")


def test_a_verb_of_another_root_keeps_its_event_over_the_noun(code_text: Code) -> None:
    coded = code_text("Belgium rejected an appeal from Rwanda to extradite the former mayor.")
    assert any(e.cameo.startswith("12") for e in by_trigger(coded, "rejected"))
    assert not by_trigger(coded, "appeal") and not by_trigger(coded, "extradite")


def test_counting_word_as_target_resolves_to_what_it_counts(code_text: Code) -> None:
    coded = code_text("Police in Kenya arrested two of the Ugandan students.")
    arrests = by_trigger(coded, "arrested")
    assert arrests and arrests[0].target is not None and arrests[0].target.country == "UGA"


def test_counting_word_as_passive_subject_and_as_object_pattern(code_text: Code) -> None:
    coded = code_text("Some of the Ugandan students were arrested by police in Kenya.")
    arrests = by_trigger(coded, "arrested")
    assert arrests and arrests[0].target is not None and arrests[0].target.country == "UGA"
    withdrawn = code_text("Israel withdrew some of its troops from Lebanon.")
    assert {e.entry for e in by_trigger(withdrawn, "withdrew")} == {"withdraw-troop"}


def test_counting_word_as_source(code_text: Code) -> None:
    coded = code_text("Dozens of Kenyan protesters attacked the Ugandan embassy.")
    attacks = by_trigger(coded, "attacked")
    assert attacks and attacks[0].source is not None and attacks[0].source.code.startswith("KEN")
    assert attacks[0].source.sector is not None


def headline_events(coder: DocumentCoder, title: str) -> set[tuple[str | None, str, str | None]]:
    document = dataclasses.replace(make_document("The ministry gave no further details."), title=title)
    events = [e for e in coder.process_batch([document])[0].events if e.headline or e.in_headline]
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None) for e in events}


def test_headline_verb_parsed_as_a_noun_takes_the_name_before_it(document_coder: DocumentCoder) -> None:
    found = headline_events(document_coder, "Estonia Summons Russian Ambassador")
    assert any(s and s.startswith("EST") and c.startswith("11") and t == "RUSGOV" for s, c, t in found)


def test_headline_capital_expels_a_foreign_envoy(document_coder: DocumentCoder) -> None:
    found = headline_events(document_coder, "Caracas Expels Dutch Ambassador")
    assert ("VENGOV", "161", "NLDGOV") in found
    found = headline_events(document_coder, "Moscow Expels Polish Diplomats")
    assert any(s == "RUSGOV" and t == "POLGOV" for s, _, t in found)


def test_sworn_to_fight_is_a_threat_not_a_fight(code_text: Callable[..., CodedDocument]) -> None:
    events = [e for e in code_text("Australian farmers have sworn to fight the new water law.").events if not e.negated]
    asserted_codes = {e.cameo for e in events if e.modality == "asserted"}
    assert "138" in asserted_codes and "190" not in asserted_codes


def test_declining_to_act_is_refusing_it(code_text: Callable[..., CodedDocument]) -> None:
    events = code_text("Moldova declined to extradite the Russian businessman.").events
    assert [e for e in events if e.cameo_root == "12" and e.source is not None and e.source.code == "MDA"]
    assert not [e for e in code_text("Exports declined sharply in March.").events if e.cameo_root == "12"]


def test_a_declaration_says_what_its_issuer_says(code_text: Callable[..., CodedDocument]) -> None:
    events = code_text("The Tamil Tigers issued a statement condemning Sri Lanka's air strikes.").events
    condemned = [e for e in events if e.cameo_root == "11"]
    assert condemned and condemned[0].source is not None and condemned[0].source.code.startswith("LKAREB")
    assert condemned[0].target is not None and condemned[0].target.code == "LKA"


def test_those_found_guilty_of_an_act_did_it(code_text: Callable[..., CodedDocument]) -> None:
    events = code_text("Both Eritrea and Ethiopia are guilty of violating the ceasefire agreement.").events
    assert {(e.source.code if e.source else None, e.cameo) for e in events} >= {("ERI", "196"), ("ETH", "196")}


def test_he_does_not_stand_for_a_country(code_text: Callable[..., CodedDocument]) -> None:
    text = "A senior British minister said that Libya must pay, as he flew to Rome to seek Italian support."
    seeking = [e for e in code_text(text).events if e.trigger.text == "seek"]
    assert seeking and all(e.source is not None and e.source.code.startswith("GBR") for e in seeking)


def test_a_noun_in_a_measure_takes_the_measure_s_light_verb(code_text: Callable[..., CodedDocument]) -> None:
    events = code_text("Israel and Jordan began three days of talks in Amman.").events
    assert any(e.cameo_root == "04" and e.source is not None and e.source.code == "ISR" for e in events)


def test_object_modifier_picks_the_more_specific_pattern(code_text: Callable[..., CodedDocument]) -> None:
    events = code_text("Armenian forces breached the ceasefire agreement near Martakert.").events
    assert "196" in {e.cameo for e in events}


def test_launching_a_war_is_not_investigating_war_crimes(code_text: Callable[..., CodedDocument]) -> None:
    events = code_text("Iraq launched a war against Iran in 1980.").events
    assert "094" not in {e.cameo for e in events}


def test_pressing_someone_to_act_is_demanding_it(code_text: Callable[..., CodedDocument]) -> None:
    events = code_text("The United States pressured Pakistan to release the detained journalist.").events
    assert {(e.source and e.source.code, e.cameo, e.target and e.target.code) for e in events} == {
        ("USA", "1053", "PAK")
    }


def test_seeking_asylum_is_demanding_it_of_the_country_sought(code_text: Callable[..., CodedDocument]) -> None:
    events = code_text("Twelve Cuban doctors sought asylum in Colombia.").events
    assert [(e.cameo, e.target and e.target.code) for e in events] == [("1033", "COL")]


def test_being_held_responsible_for_an_act_is_doing_it(code_text: Callable[..., CodedDocument]) -> None:
    events = code_text("Sudan's government is responsible for mass killings in the Darfur region.").events
    assert [(e.source and e.source.code, e.cameo) for e in events if e.cameo == "202"] == [("SDNGOV", "202")]


def test_a_demanded_act_is_not_reported_as_done(code_text: Callable[..., CodedDocument]) -> None:
    events = code_text("Shiite clerics demanded that control of the ministry be taken away from the army.").events
    assert not [e for e in events if e.cameo_root == "19" and e.modality == "asserted"]


def test_an_infinitive_on_a_noun_is_not_done(code_text: Callable[..., CodedDocument]) -> None:
    events = code_text("Yemen rejected a U.S. request to interrogate the detained men.").events
    assert not [e for e in events if e.cameo_root == "09" and e.modality == "asserted"]


def test_a_recalled_when_clause_is_background(code_text: Callable[..., CodedDocument]) -> None:
    text = (
        "Uganda paid compensation to British nationals for assets they lost when Idi Amin expelled them 18 years ago."
    )
    events = code_text(text).events
    assert [e.cameo for e in events] == ["080"]


def test_a_participle_used_as_a_noun_is_no_event(code_text: Callable[..., CodedDocument]) -> None:
    events = code_text("U.N. helicopters evacuated the wounded from Gorazde.").events
    assert [e.cameo for e in events] == ["073"]


def test_former_states_are_coded_as_their_successors(code_text: Callable[..., CodedDocument]) -> None:
    events = code_text("The Soviet Union threatened to stop negotiations with the United States.").events
    assert [(e.source and e.source.code, e.cameo, e.target and e.target.code) for e in events] == [
        ("RUS", "134", "USA")
    ]
    assert code_text("Yugoslav troops shelled Dubrovnik.").events[0].source.code == "SRBMIL"  # type: ignore[union-attr]


def test_a_permission_granted_is_yielding(code_text: Callable[..., CodedDocument]) -> None:
    events = code_text("Egypt allowed the opposition to hold a rally in Cairo.").events
    assert [(e.source and e.source.code, e.cameo) for e in events] == [("EGY", "080")]


def test_being_due_or_wanting_to_act_is_an_intention(code_text: Callable[..., CodedDocument]) -> None:
    for text in (
        "The foreign ministers of Iran and Britain are due to meet on Wednesday.",
        "Iran wants to meet the Saudi foreign minister.",
    ):
        events = code_text(text).events
        assert {e.cameo for e in events if e.modality == "asserted"} == {"036"}


def test_an_act_someone_debates_whether_to_do_is_not_done(code_text: Callable[..., CodedDocument]) -> None:
    events = code_text("Japan debated whether to impose sanctions on North Korea.").events
    assert not [e for e in events if e.cameo_root == "16" and e.modality == "asserted"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Kenyan president struck a conciliatory tone at the summit.", "010"),
        ("The Brazilian government will fight the court ruling.", "120"),
        ("Russia released a report on the crash on Monday.", "010"),
        ("Syrian troops fought rebels near Aleppo.", "190"),
    ],
)
def test_the_object_tells_the_sense_of_a_verb(code_text: Callable[..., CodedDocument], text: str, code: str) -> None:
    assert code in {e.cameo for e in code_text(text).events}
