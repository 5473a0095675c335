from __future__ import annotations

from pathlib import Path

import pytest

from tacitus.errors import TacitusError
from tacitus.places import Gazetteer
from tacitus.places import index as place_index
from tacitus.places.index import IndexSpec, build_index, ensure_index
from tacitus.places.names import is_latin_name, name_key

pytestmark = pytest.mark.slow


def test_name_keys_fold_accents_apostrophes_and_separators() -> None:
    assert name_key("Sāmarrā’") == name_key("Samarra") == "samarra"
    assert name_key("Al-Tabqa") == "al tabqa"
    assert name_key("  Washington,  D.C. ") == "washington d c"
    assert is_latin_name("Goražde") and not is_latin_name("Горажде")


def test_our_aliases_are_primary_names(gazetteer: Gazetteer) -> None:
    kiev = gazetteer.candidates("Kiev")
    assert kiev[0].place.name == "Kyiv" and kiev[0].place.country == "UKR"
    assert not kiev[0].alternate


def test_country_names_come_from_the_actor_knowledge(gazetteer: Gazetteer) -> None:
    found = gazetteer.candidates("U.S.")
    assert [(c.place.kind, c.place.country) for c in found] == [("country", "USA")]


def test_georgia_is_both_a_country_and_a_us_state(gazetteer: Gazetteer) -> None:
    kinds = {(c.place.kind, c.place.country) for c in gazetteer.candidates("Georgia")}
    assert {("country", "GEO"), ("admin1", "USA")} <= kinds
    state = next(c.place for c in gazetteer.candidates("Georgia") if c.place.kind == "admin1")
    assert state.admin1 == "GA" and 30 < state.lat < 35 and -86 < state.lon < -80


def test_regions_of_our_own_are_in_the_index(gazetteer: Gazetteer) -> None:
    crimea = gazetteer.candidates("Crimea")[0].place
    assert (crimea.kind, crimea.country, crimea.precision) == ("region", "UKR", "admin1")


def test_unknown_and_odd_names_find_nothing(gazetteer: Gazetteer) -> None:
    assert gazetteer.candidates("Zzyzxqville") == ()
    assert gazetteer.candidates("") == ()
    assert gazetteer.candidates("\u200b\u0301 ☃") == ()


def test_the_index_is_built_once_and_reused(tmp_path: Path) -> None:
    spec = IndexSpec(15000)
    path = ensure_index(spec, tmp_path)
    stamp = path.stat().st_mtime_ns
    assert ensure_index(spec, tmp_path) == path and path.stat().st_mtime_ns == stamp
    small = Gazetteer(path)
    places, names = small.size()
    assert 20_000 < places < 40_000 and names > places
    assert small.candidates("Kirkuk")[0].place.country == "IRQ"
    small.close()


def test_an_unknown_population_cutoff_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TacitusError, match="E202"):
        ensure_index(IndexSpec(2500), tmp_path)


def test_a_corrupt_index_says_how_to_fix_it(tmp_path: Path) -> None:
    broken = tmp_path / "places.sqlite"
    broken.write_bytes(b"not a database at all")
    with pytest.raises(TacitusError, match="E203"):
        Gazetteer(broken)


def test_a_bad_region_entry_names_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    regions = tmp_path / "regions.yaml"
    regions.write_text("- {name: Nowhere, names: [Nowhere], country: XXX, kind: region, lat: 1, lon: 2}\n")
    real = place_index.package_data
    monkeypatch.setattr(
        place_index, "package_data", lambda *parts: regions if parts[-1] == "regions.yaml" else real(*parts)
    )
    with pytest.raises(TacitusError, match=r"regions\.yaml:1: unknown country 'XXX'"):
        build_index(IndexSpec(15000), tmp_path / "out.sqlite")


def test_newspaper_abbreviations_name_us_states(gazetteer: Gazetteer) -> None:
    assert gazetteer.candidates("Fla.")[0].place.name == "Florida"
    assert gazetteer.candidates("D.C.")[0].place.kind == "city"


def test_an_alias_of_an_unknown_place_names_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text(
        "- place: Kyiv\n  country: UKR\n  aliases: [Kiev]\n- place: Atlantis\n  country: GRC\n  aliases: [X]\n"
    )
    real = place_index.package_data
    monkeypatch.setattr(
        place_index, "package_data", lambda *parts: aliases if parts[-1] == "aliases.yaml" else real(*parts)
    )
    with pytest.raises(TacitusError, match=r"aliases\.yaml:4: no place named 'Atlantis' in GRC"):
        build_index(IndexSpec(15000), tmp_path / "out.sqlite")
