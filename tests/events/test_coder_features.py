"""Coder features, each on sentences and headlines written for these tests: nouns under a verb that
coded nothing, noun patterns with an infinitive, counting words, headlines read as noun phrases."""

import dataclasses
from collections.abc import Callable

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
