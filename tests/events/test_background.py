"""What a sentence recalls rather than reports, on sentences written for these tests."""

from typing import Any

from tacitus.events import background


def token(doc: Any, text: str) -> Any:
    return next(t for t in doc if t.text == text)


def test_a_when_clause_dated_back_is_recalled(nlp: Any) -> None:
    doc = nlp("Kenya paid for the farms they lost when the army seized them 30 years ago.")
    assert background.recalled(token(doc, "seized"))
    assert not background.recalled(token(doc, "paid"))


def test_a_when_clause_of_the_day_is_not_recalled(nlp: Any) -> None:
    doc = nlp("Police fired tear gas when the protesters reached the palace on Monday.")
    assert not background.recalled(token(doc, "reached"))


def test_a_participle_without_agent_is_recalled_with_agent_is_not(nlp: Any) -> None:
    assert background.recalled(token(nlp("They mourned the soldiers killed at the border."), "killed"))
    assert not background.recalled(token(nlp("They found weapons smuggled by the rebels."), "smuggled"))


def test_an_event_noun_in_a_time_phrase_is_background(nlp: Any) -> None:
    doc = nlp("Since the invasion, Iraq has held three elections.")
    assert background.in_background(token(doc, "invasion"))
    assert not background.in_background(token(doc, "elections"))


def test_how_someone_felt_is_a_state_not_an_event(nlp: Any) -> None:
    assert background.described_state(token(nlp("Students in Florida felt silenced after the vote."), "silenced"))
    assert not background.described_state(token(nlp("Police silenced the protesters."), "silenced"))
