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


def test_material_act_without_target_is_aimed_at_the_place_of_its_clause(code_text: Code) -> None:
    coded = code_text("Lebanese gunmen detonated a bomb in the capital Beirut on Tuesday.")
    bombings = [e for e in asserted(coded) if e.cameo_root == "18"]
    assert bombings and all(e.target is not None and e.target.code == "LBN" for e in bombings)
    assert bombings[0].target is not None and bombings[0].target.sector is None


def test_a_statement_takes_no_target_from_its_place(code_text: Code) -> None:
    coded = code_text("The Turkish foreign minister said in Ankara that talks would continue.")
    assert all(e.target is None for e in asserted(coded) if e.cameo_root == "01")


def test_protest_is_aimed_at_whom_its_clause_names(code_text: Code) -> None:
    coded = code_text("Algerian doctors staged a hunger strike against abuses by Algerian security forces.")
    strikes = [e for e in asserted(coded) if e.cameo_root == "14"]
    assert strikes and strikes[0].target is not None and strikes[0].target.code.startswith("DZA")


def test_whose_act_the_object_is_is_the_target(code_text: Code) -> None:
    assert ("ARG", "11", "GBR") in dyads(
        asserted(code_text("Argentina condemned Britain's expansion of the fishing zone."))
    )


def test_forces_the_source_owns_are_not_its_target(code_text: Code) -> None:
    found = dyads(asserted(code_text("Russia withdrew its troops from Moldova.")))
    assert ("RUS", "08", "MDA") in found


def test_parties_between_whom_something_is_hosted_are_the_targets(code_text: Code) -> None:
    coded = code_text("Qatar hosted a meeting between Sudan and Chad.")
    assert {("QAT", "04", "SDN"), ("QAT", "04", "TCD")} <= dyads(asserted(coded))
    assert all(e.location is None for e in coded.events)


def test_participle_acts_share_the_target_of_the_act_they_follow(code_text: Code) -> None:
    coded = code_text("Iraqi police opened fire on Shiite protesters, killing two people and arresting 15.")
    by_trigger = {e.trigger.text: e for e in asserted(coded)}
    assert by_trigger["killing"].target is not None and by_trigger["killing"].target.code == "IRQCVL"
    assert by_trigger["arresting"].target is not None and by_trigger["arresting"].target.code == "IRQCVL"


def test_target_of_a_counted_object(code_text: Code) -> None:
    found = dyads(asserted(code_text("Jordanian troops launched a series of raids on Syrian smugglers.")))
    assert ("JOR", "19", "SYR") in found


def test_a_role_without_a_country_takes_the_country_of_the_event_s_place(code_text: Code) -> None:
    coded = code_text("A Kenyan police officer said a journalist was shot dead in Mombasa on Friday.")
    shootings = [e for e in asserted(coded) if e.cameo_root == "19"]
    assert shootings and shootings[0].target is not None
    assert (shootings[0].target.code, shootings[0].target.entry) == ("KENMED", "sector only, placed")


def test_roles_without_any_country_keep_their_sector(code_text: Code) -> None:
    events = asserted(code_text("The army killed three rebels."))
    assert [(e.source and e.source.code, e.cameo, e.target and e.target.code) for e in events] == [
        ("MIL", "190", "REB")
    ]
    assert events[0].source is not None and events[0].source.country is None


def test_vague_roles_and_statements_take_no_sector_only_actor(code_text: Code) -> None:
    assert not asserted(code_text("Officials said the talks would continue."))


def test_a_sea_named_after_a_country_is_not_its_target(code_text: Code) -> None:
    events = asserted(code_text("Russian and Chinese warships held naval exercises in the Sea of Japan."))
    assert {(e.source and e.source.code, e.cameo, e.target and e.target.code) for e in events} == {
        ("RUSMIL", "062", "CHNMIL"),
        ("CHNMIL", "062", "RUSMIL"),
    }


def test_exercises_of_one_country_show_power(code_text: Code) -> None:
    assert {e.cameo for e in asserted(code_text("China held naval exercises near Taiwan."))} == {"150"}


def test_forces_moving_are_the_source_of_the_movement(code_text: Code) -> None:
    events = asserted(code_text("The withdrawal of Russian troops from Moldova began on Monday."))
    assert [(e.source and e.source.code, e.cameo, e.target and e.target.code) for e in events] == [
        ("RUSMIL", "0874", "MDA")
    ]


def test_an_event_noun_as_subject_is_coded_with_its_verb_s_place(code_text: Code) -> None:
    events = asserted(code_text("The first deployment of Turkish peacekeepers arrived in Kabul on Tuesday."))
    deployments = [e for e in events if e.cameo == "074"]
    assert deployments and deployments[0].target is not None and deployments[0].target.code == "AFG"


def test_a_sourceless_act_and_the_act_by_someone_it_happened_in_are_one(code_text: Code) -> None:
    events = asserted(code_text("Two soldiers were killed in a roadside bombing by Taliban insurgents."))
    assert len(events) == 1 and events[0].source is not None and events[0].target is not None
    assert events[0].trigger.text == "bombing" and events[0].target.sector == "MIL"
