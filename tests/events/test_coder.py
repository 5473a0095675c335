from collections.abc import Callable

import pytest

from tacitus.types import CodedDocument, Event

Code = Callable[..., CodedDocument]


def dyads(coded: CodedDocument) -> set[tuple[str | None, str, str | None]]:
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None) for e in coded.events}


def only(coded: CodedDocument, root: str) -> Event:
    (event,) = [e for e in coded.events if e.cameo_root == root]
    return event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("France accused Italy of violating the fishing agreement.", ("FRA", "112", "ITA")),
        ("Japan rejected China's proposal to hold joint patrols.", ("JPN", "125", "CHN")),
        ("Estonia summoned the Russian ambassador.", ("EST", "11", "RUSGOV")),
        ("The United States imposed sanctions on Iran.", ("USA", "163", "IRN")),
        ("Venezuela expelled the German ambassador.", ("VEN", "161", "DEUGOV")),
        ("Egypt urged Ethiopia to delay filling the dam.", ("EGY", "02", "ETH")),
        ("Indian troops shelled Pakistani positions.", ("INDMIL", "19", "PAK")),
        ("Pakistan released twenty Indian fishermen.", ("PAK", "084", "IND")),
        ("South Korea offered food aid to North Korea.", ("KOR", "03", "PRK")),
        ("China and Japan held talks in Beijing.", ("CHN", "04", "JPN")),
        ("The Kremlin praised the agreement.", ("RUSGOV", "05", None)),
        ("Russia denied the accusation.", ("RUS", "016", None)),
    ],
)
def test_plain_sentences(code_text: Code, text: str, expected: tuple[str, str, str | None]) -> None:
    source, code, target = expected
    coded = code_text(text)
    assert any(
        (e.source.code if e.source else None) == source
        and e.cameo.startswith(code)
        and (e.target.code if e.target else None)
        in (target, (target or "") + (e.target.sector or "") if e.target else None)
        for e in coded.events
    ), dyads(coded)


def test_passive_voice_swaps_roles(code_text: Code) -> None:
    event = only(code_text("Turkey was warned by the Pentagon."), "13")
    assert (event.source.code if event.source else None, event.target.code if event.target else None) == (
        "USAMIL",
        "TUR",
    )


def test_infinitival_chain_codes_the_complement_once(code_text: Code) -> None:
    coded = code_text("Iran and the European Union agreed to resume talks.")
    codes = sorted(e.cameo for e in coded.events)
    assert codes == ["036", "036"]
    assert {e.source.code for e in coded.events if e.source} == {"IRN", "IGOEUR"}


def test_reported_speech_codes_the_embedded_event(code_text: Code) -> None:
    coded = code_text("Pakistan said Indian troops had shelled its positions.")
    assert ("INDMIL", "19") in {(e.source.code if e.source else None, e.cameo_root) for e in coded.events}


def test_negation_and_modality_are_recorded(code_text: Code) -> None:
    negated = only(code_text("Turkey did not reject the American proposal."), "12")
    assert negated.negated and negated.modality == "asserted"
    future = only(code_text("The United States will impose sanctions on Turkey."), "16")
    assert future.modality == "future"
    conditional = only(code_text("The United States will impose sanctions on Turkey if the missiles arrive."), "16")
    assert conditional.modality == "conditional"
    question = only(code_text("Will Russia attack Ukraine?"), "19")
    assert question.modality == "question"


def test_relative_clause_subject_is_the_modified_noun(code_text: Code) -> None:
    coded = code_text("The report was welcomed by Egypt, which accused Ethiopia of stalling.")
    assert ("EGY", "112", "ETH") in dyads(coded)


def test_event_record_carries_its_evidence(code_text: Code) -> None:
    text = "Talks stalled. Japan rejected China's proposal to hold joint patrols."
    event = only(code_text(text, date="2019-07-18"), "12")
    record = event.record()
    assert record["sentence"] == 1
    assert record["date"] == "2019-07-18" and record["date_precision"] == "reported"
    assert text[record["trigger"]["start"] : record["trigger"]["end"]] == "rejected"
    assert text[record["source"]["start"] : record["source"]["end"]] == "Japan"
    assert text[record["target"]["start"] : record["target"]["end"]] == "China"
    assert record["evidence"] == "Japan rejected China's proposal to hold joint patrols."
    assert record["quad_class"] == 3 and record["goldstein"] == -5.0
    assert record["plover"]["type"] == "REJECT"
    assert event.entry


def test_no_publication_date_gives_no_event_date(code_text: Code) -> None:
    event = only(code_text("France accused Italy of cheating.", date=None), "11")
    assert event.date is None and event.date_precision is None


def test_sentences_without_actors_give_no_events(code_text: Code) -> None:
    assert code_text("The weather rejected every forecast.").events == []
