"""Targets, background clauses and pattern choice, each case on sentences written for these tests."""

from collections.abc import Callable

from tacitus.types import CodedDocument, Event

Code = Callable[..., CodedDocument]


def asserted(coded: CodedDocument) -> list[Event]:
    return [e for e in coded.events if not e.negated and e.modality == "asserted"]


def dyads(events: list[Event]) -> set[tuple[str | None, str, str | None]]:
    return {
        (e.source.country if e.source else None, e.cameo_root, e.target.country if e.target else None) for e in events
    }


def test_demand_targets_the_subject_of_its_clause(code_text: Code) -> None:
    coded = code_text("Chile demanded on Monday that Peru return the seized fishing boats to their owners.")
    assert ("CHL", "10", "PER") in dyads(asserted(coded))


def test_disapproval_targets_what_it_is_about_not_its_audience(code_text: Code) -> None:
    coded = code_text("Ghana complained to the United Nations about Togolese border raids.")
    found = dyads(asserted(coded))
    assert ("GHA", "11", "TGO") in found
    assert ("GHA", "11", "IGO") not in found


def test_purpose_infinitive_after_an_object_keeps_the_subject_and_shares_the_target(code_text: Code) -> None:
    coded = code_text("Norway summoned the Russian ambassador to complain about the fishing dispute.")
    complaints = [e for e in asserted(coded) if e.trigger.text == "complain"]
    assert complaints and all(e.source and e.source.country == "NOR" for e in complaints)
    assert any(e.target and e.target.country == "RUS" for e in complaints)


def test_action_takes_the_target_of_its_purpose(code_text: Code) -> None:
    coded = code_text("Kenyan police fired tear gas to disperse Somali protesters.")
    assert any(e.cameo_root in ("17", "18", "19") and e.target and e.target.country == "SOM" for e in coded.events)


def test_conjunct_of_a_passive_takes_the_patient(code_text: Code) -> None:
    coded = code_text("The Bolivian minister was dismissed by the Peruvian court and will resign.")
    resigns = [e for e in coded.events if e.trigger.text == "resign"]
    assert resigns and all(e.source and e.source.country == "BOL" for e in resigns)


def test_material_action_in_a_place_on_its_object_targets_the_place(code_text: Code) -> None:
    coded = code_text("Turkey lifted the curfew in Cyprus on Tuesday.")
    assert any(e.source and e.source.country == "TUR" and e.target and e.target.country == "CYP" for e in coded.events)


def test_second_hop_through_for(code_text: Code) -> None:
    coded = code_text("Egypt mobilized its reserve units for a campaign against Libya.")
    assert any(e.target and e.target.country == "LBY" for e in asserted(coded))


def test_agreement_among_actors_named_together_is_mutual(code_text: Code) -> None:
    coded = code_text("Norway and Iceland agreed to share their fishing data.")
    found = dyads(asserted(coded))
    assert ("NOR", "03", "ISL") in found and ("ISL", "03", "NOR") in found


def test_participle_without_agent_describes_its_noun(code_text: Code) -> None:
    coded = code_text("Chile paid compensation to the families of Peruvian miners killed in the 1990 flood.")
    assert not [e for e in coded.events if e.trigger.text == "killed"]


def test_relative_clause_dated_back_is_background(code_text: Code) -> None:
    coded = code_text("Ghana returned a truck that was seized by Togolese police last year.")
    assert not [e for e in coded.events if e.trigger.text == "seized"]
    coded = code_text("Ghana returned a truck that Togolese police seized in 1998.")
    assert not [e for e in coded.events if e.trigger.text == "seized"]


def test_relative_clause_with_its_own_agent_and_no_past_time_is_coded(code_text: Code) -> None:
    coded = code_text("Ghana condemned the raid, which was carried out by Togolese soldiers.")
    assert any(e.trigger.text == "condemned" for e in coded.events)


def test_event_noun_modifying_another_noun_is_no_event(code_text: Code) -> None:
    coded = code_text("Chilean riot police guarded the Peruvian embassy.")
    assert not [e for e in coded.events if e.trigger.text == "riot"]


def test_apposition_gives_one_event_per_dyad(code_text: Code) -> None:
    coded = code_text("Iran expelled inspectors of the International Atomic Energy Agency, the IAEA, on Monday.")
    keys = [(e.trigger.start, e.cameo, e.source and e.source.code, e.target and e.target.code) for e in coded.events]
    assert len(keys) == len(set(keys))


def test_promise_reaches_the_action_a_carrying_verb_holds(code_text: Code) -> None:
    coded = code_text("Japan promised to continue food aid to Haiti.")
    assert any(e.cameo.startswith("033") and e.target and e.target.country == "HTI" for e in asserted(coded))


def test_a_verb_that_ends_an_action_does_not_carry_it(code_text: Code) -> None:
    coded = code_text("Chad and Niger agreed to a truce to end months of fighting.")
    assert not [e for e in asserted(coded) if e.cameo_root == "13"]


def test_a_capital_named_as_the_scene_of_a_material_act_is_the_target_country(code_text: Code) -> None:
    coded = code_text("Ethiopian troops lifted the curfew in Mogadishu on Sunday.")
    found = [e for e in asserted(coded) if e.target is not None]
    assert ("ETH", "SOM") in {(e.source.country if e.source else None, e.target.country) for e in found}
    assert all(e.target.sector is None for e in found if e.target.country == "SOM")


def test_a_preposition_on_the_object_selects_the_specific_code(code_text: Code) -> None:
    coded = code_text("Ghana rejected calls for military aid from Togo on Friday.")
    assert "1222" in {e.cameo for e in asserted(coded)}
