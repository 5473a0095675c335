from pathlib import Path

import pytest

from tacitus.actors import load_knowledge
from tacitus.errors import TacitusError


def test_builtin_knowledge_covers_countries_institutions_and_organisations() -> None:
    knowledge = load_knowledge()
    assert len(knowledge.countries) >= 249
    assert knowledge.names["turkish"].entry.code == "TUR"
    assert knowledge.names["ankara"].role == "capital"
    assert knowledge.names["u.s."].entry.code == "USA"
    pentagon = knowledge.names["pentagon"].entry
    assert (pentagon.country, pentagon.sector) == ("USA", "MIL")
    assert (knowledge.names["nato"].entry.code, knowledge.names["nato"].entry.sector) == ("IGONAT", "MIL")
    assert knowledge.sector_nouns["troop"] == "MIL"
    assert knowledge.role_nouns["spokesman"] == "GOV"


def test_every_country_has_a_name_and_unique_codes() -> None:
    knowledge = load_knowledge()
    named = {ref.entry.code for ref in knowledge.names.values() if ref.entry.kind == "country"}
    assert named == set(knowledge.countries)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("- names: [Acme Ministry]\n  country: TUR\n  sector: XYZ\n", "unknown sector 'XYZ'"),
        ("- names: [Acme Ministry]\n  country: ZZZ\n  sector: GOV\n", "unknown country 'ZZZ'"),
        ("- names: []\n  country: TUR\n  sector: GOV\n", "at least one name"),
        ("- names: [Acme]\n  country: TUR\n  sector: GOV\n- names: [Acme]\n  country: FRA\n  sector: GOV\n", "already"),
        ("- names: [Acme]\n  country: TUR\n  sector: GOV\n  colour: red\n", "unknown field(s) colour"),
        ("- names: [Acme\n", "not valid YAML"),
    ],
)
def test_bad_user_actor_files_name_file_and_line(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(TacitusError) as caught:
        load_knowledge([path])
    assert message in str(caught.value)
    assert str(path) in str(caught.value)


def test_user_file_overrides_builtin_names(tmp_path: Path) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text("- names: [Pentagon]\n  country: USA\n  sector: GOV\n", encoding="utf-8")
    assert load_knowledge([path]).names["pentagon"].entry.sector == "GOV"
