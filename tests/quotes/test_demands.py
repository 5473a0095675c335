"""An obligation laid on another actor in a statement is coded as a demand of that actor."""

from collections.abc import Callable

from tacitus.types import CodedDocument

Code = Callable[..., CodedDocument]


def dyads(coded: CodedDocument) -> set[tuple[str | None, str, str | None]]:
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None) for e in coded.events}


def test_must_laid_on_another_actor_is_a_demand_of_it(code_text: Code) -> None:
    coded = code_text("Germany said Iran should return to the negotiating table soon.")
    assert ("DEU", "100", "IRN") in dyads(coded)
    assert not any(e.cameo == "010" for e in coded.events)


def test_coordinated_obliged_actors_each_get_the_demand(code_text: Code) -> None:
    coded = code_text("The Red Cross operating in Iraq said US and British forces must ensure security.")
    found = dyads(coded)
    assert ("NGOICR", "100", "USAMIL") in found and ("NGOICR", "100", "GBRMIL") in found


def test_an_obligation_the_speaker_lays_on_itself_stays_a_statement(code_text: Code) -> None:
    coded = code_text("Poland said we must remain vigilant.")
    assert dyads(coded) == {("POL", "010", None)}


def test_a_denied_obligation_is_not_a_demand(code_text: Code) -> None:
    coded = code_text("Germany said Iran should not be punished for the delay.")
    assert not any(e.cameo == "100" for e in coded.events)
