"""The syntax the coder must get right, each case on sentences written for these tests."""

from collections.abc import Callable
from typing import Any

from tacitus.types import CodedDocument, Event

Code = Callable[..., CodedDocument]


def triples(events: list[Event]) -> set[tuple[str | None, str, str | None]]:
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None) for e in events}


def asserted(coded: CodedDocument) -> list[Event]:
    return [e for e in coded.events if not e.negated and e.modality == "asserted"]


def roots(events: list[Event]) -> set[tuple[str | None, str, str | None]]:
    return {
        (e.source.country if e.source else None, e.cameo_root, e.target.country if e.target else None) for e in events
    }


def test_passive_with_agent_swaps_roles(code_text: Code) -> None:
    coded = code_text("The Iranian ambassador was expelled by Germany on Friday.")
    assert ("DEU", "16", "IRN") in roots(asserted(coded))


def test_coordinated_actors_meet_both_ways(code_text: Code) -> None:
    coded = code_text("American and Turkish diplomats met in Ankara on Monday.")
    found = roots(asserted(coded))
    assert ("USA", "04", "TUR") in found and ("TUR", "04", "USA") in found


def test_coordinated_sources_each_get_the_event(code_text: Code) -> None:
    coded = code_text("France and Germany condemned Russia.")
    assert {("FRA", "11", "RUS"), ("DEU", "11", "RUS")} <= roots(asserted(coded))


def test_reported_speech_codes_the_reported_event_and_the_statement(code_text: Code) -> None:
    coded = code_text("Pakistan said Indian troops had shelled a border village.")
    shelling = [e for e in asserted(coded) if e.cameo_root == "19"]
    assert shelling and all(e.source and e.source.country == "IND" for e in shelling)
    # the statement is kept as a PAK statement event, or as the quote the reported event is tied to
    statements = [e for e in asserted(coded) if e.cameo_root == "01" and e.source and e.source.country == "PAK"]
    quotes = {q.quote_id: q for q in coded.quotes}
    tied = [quotes[e.quote_id] for e in shelling if e.quote_id in quotes]
    assert statements or any(q.speaker and q.speaker.country == "PAK" for q in tied)


def test_pronoun_in_reported_speech_takes_the_speaker(code_text: Code) -> None:
    coded = code_text("Iraq said it would release the Kuwaiti prisoners.")
    assert ("IRQ", "0353", "KWT") in {(s, c, t[:3] if t else None) for s, c, t in triples(asserted(coded))}


def test_obligation_in_reported_speech_is_a_demand(code_text: Code) -> None:
    coded = code_text("Britain said Iran must release the detained sailors.")
    assert any(e.cameo == "1053" and e.source and e.source.country == "GBR" for e in asserted(coded))


def test_relative_clause_subject(code_text: Code) -> None:
    coded = code_text("Peru welcomed the report of Chile, which accused Bolivia of smuggling.")
    assert any(s == "CHL" and r == "11" and t == "BOL" for s, r, t in roots(asserted(coded)))


def test_apposition_keeps_the_subject(code_text: Code) -> None:
    coded = code_text("Egypt, the most populous Arab country, condemned Israel.")
    assert ("EGY", "11", "ISR") in roots(asserted(coded))


def test_threat_with_unless_is_an_asserted_threat_and_the_condition_is_not_an_event(code_text: Code) -> None:
    coded = code_text("Iran threatened to close the border unless Iraq lifted its sanctions.")
    found = roots(asserted(coded))
    assert any(s == "IRN" and r == "13" for s, r, _ in found)
    assert not any(s == "IRQ" for s, _, _ in found)


def test_inverted_condition_is_conditional(code_text: Code) -> None:
    coded = code_text("Should Syria attack Turkey, Ankara will respond.")
    attack = [e for e in coded.events if e.cameo_root == "19"]
    assert attack and all(e.modality == "conditional" for e in attack)


def test_negation_gives_no_asserted_event(code_text: Code) -> None:
    coded = code_text("Japan did not accuse China of spying.")
    assert coded.events and all(e.negated for e in coded.events if e.cameo_root == "11")
    assert not [e for e in asserted(coded) if e.cameo_root == "11"]


def test_future_is_stored_with_modality_and_coded_as_a_threat(code_text: Code) -> None:
    coded = code_text("The United States will impose sanctions on Turkey.")
    future = [e for e in coded.events if e.cameo_root == "16"]
    assert future and all(e.modality == "future" for e in future)
    assert ("USA", "1312", "TUR") in triples(asserted(coded))


def test_question_is_not_asserted(code_text: Code) -> None:
    coded = code_text("Will Russia attack Ukraine?")
    assert coded.events and not asserted(coded)


def test_headline_infinitive_is_an_announced_action(code_text: Code) -> None:
    coded = code_text("Russia to expel British diplomats\n\nMoscow announced the step on Monday.")
    expel = [e for e in coded.events if e.cameo_root == "16" and e.sentence == 0]
    assert expel and all(e.modality == "future" for e in expel)


def test_headline_present_tense_is_asserted(code_text: Code) -> None:
    coded = code_text("Germany condemns Russian attack\n\nBerlin spoke out on Monday.")
    assert any(e.cameo_root == "11" and e.sentence == 0 for e in asserted(coded))


def test_light_verb_with_event_noun(code_text: Code) -> None:
    coded = code_text("Russia issued a stern warning to Ukraine.")
    assert ("RUS", "13", "UKR") in roots(asserted(coded))


def test_nominal_event_with_possessor(code_text: Code) -> None:
    coded = code_text("Kenya's invasion of Somalia surprised observers.")
    assert ("KEN", "19", "SOM") in roots(asserted(coded))


def test_nominal_object_of_a_coded_verb_is_not_coded_again(code_text: Code) -> None:
    coded = code_text("The Pentagon rejected Turkey's offer to create a working group.")
    assert {e.cameo_root for e in asserted(coded)} == {"12"}


def test_infinitival_chains_take_the_parallel_code(code_text: Code) -> None:
    refused = code_text("Iran refused to release the British sailors.")
    assert any(e.cameo == "1243" for e in asserted(refused))
    urged = code_text("Egypt urged Ethiopia to withdraw its troops.")
    assert ("EGY", "0256", "ETH") in {(s, c, t[:3] if t else None) for s, c, t in triples(asserted(urged))}
    agreed = code_text("Serbia agreed to release the Albanian prisoners.")
    assert any(e.cameo == "0353" for e in asserted(agreed))


def test_headline_participle_is_passive_and_keeps_to_its_line(code_text: Code) -> None:
    text = "Briton Killed In Chad Attack\n\nA senior Chadian official confirms that one Briton was killed on Tuesday."
    coded = code_text(text)
    headline_end = text.index("\n")
    in_headline = [e for e in coded.events if e.trigger.start < headline_end]
    assert in_headline and all(e.source is None and e.target and e.target.country == "GBR" for e in in_headline)
    for event in in_headline:
        for actor in (event.source, event.target):
            assert actor is None or actor.end <= headline_end


def test_event_ids_are_unique_within_a_document(code_text: Code) -> None:
    coded = code_text("France and Germany met Italy and Spain. France and Germany met Italy and Spain again.")
    ids = [e.event_id for e in coded.events]
    assert ids and len(ids) == len(set(ids))


def test_source_less_infinitive_is_not_an_event(code_text: Code) -> None:
    coded = code_text("Aid groups lack the capacity to assist the Afghan people.")
    assert not [e for e in coded.events if e.cameo_root == "07"]


def test_negation_of_the_governing_verb_reaches_its_complement(code_text: Code) -> None:
    coded = code_text("Peru never wanted Chilean troops to occupy the border town.")
    occupy = [e for e in coded.events if e.cameo_root == "19"]
    assert occupy and all(e.negated for e in occupy)
    allowed = code_text("Peru never allowed Chilean troops to occupy the border town.").events
    assert [(e.cameo, e.negated) for e in allowed] == [("080", True)]


def test_coder_itself_emits_the_statement_of_reported_speech(document_coder: Any) -> None:
    from tests.conftest import make_document

    document = make_document("Pakistan said Indian troops had shelled a border village.")
    doc = document_coder.parser.nlp(document.clean_text)
    _, events = document_coder.events(doc, document, document_coder.actors.analyse(doc))
    found = {(e.source.country if e.source else None, e.cameo_root) for e in events}
    assert {("PAK", "01"), ("IND", "19")} <= found
