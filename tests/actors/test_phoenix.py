from pathlib import Path

import pytest

from tacitus.actors import ActorCoder, load_knowledge
from tacitus.actors.phoenix import (
    Refused,
    convert_record,
    import_phoenix,
    phrase_to_name,
    read_records,
    write_actor_file,
)
from tacitus.errors import TacitusError

COUNTRY_ACTORS = """\
# a country file in the TABARI layout
SUBLIME_PORTE_  [TUR]
+THE_PORTE_

ERIK_VALBERG_  ; sample
+PRESIDENT_VALBERG_
\t[TURELI 880101-951231]
\t[TURGOV 960101-031231]
\t[TURELI]

MARTA_OSKARSDOTTIR_  # still serving
\t[SWEGOVJUD >150301]

KARL_BENTE_
\t[XYZGOV 990101-001231]

NILS_BROKEN_
\t[SWEGOV 20050101-20040101]

TURKEY_  [TUR]
"""

INTERNATIONAL = """\
NORTHERN_FISHERIES_COUNCIL_\t[IGOFSH] # a made-up body
+NFC_
UNKNOWN_BODY_
GREEN_HARBOUR_FOUNDATION_ [NGO]
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES
HARBOUR_PILOT [~BUS] # jap 1 Jan 2001
DOCK!PERSON! [~LAB]
LIGHTHOUSE_KEEPER_OF_THE_NORTH [~CVL]
FISHERIES_!MINIST! [~GOV]
TROOP {} [~MIL]
SHIPWRIGHT [~ZZZ]
"""


@pytest.fixture()
def phoenix_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "phoenix"
    folder.mkdir()
    (folder / "Sample.Countries.actors.txt").write_text(COUNTRY_ACTORS, encoding="utf-8")
    (folder / "Sample.International.actors.txt").write_text(INTERNATIONAL, encoding="utf-8")
    (folder / "Sample.agents.txt").write_text(AGENTS, encoding="utf-8")
    return folder


def test_records_keep_synonyms_and_dated_codes(phoenix_dir: Path) -> None:
    records = list(read_records(phoenix_dir / "Sample.Countries.actors.txt"))
    valberg = records[1]
    assert valberg.phrases == ["ERIK_VALBERG_", "PRESIDENT_VALBERG_"]
    assert valberg.codes == ["TURELI 880101-951231", "TURGOV 960101-031231", "TURELI"]
    assert phrase_to_name("ERIK_VALBERG_") == "Erik Valberg"
    assert phrase_to_name("NFC_") == "NFC"
    assert phrase_to_name("ORGANIZATION_OF_THE_ISLAMIC_CONFERENCE") == "Organization of the Islamic Conference"


def test_dated_codes_become_roles_and_undated_codes_named_actors(phoenix_dir: Path) -> None:
    knowledge = load_knowledge()
    records = list(read_records(phoenix_dir / "Sample.Countries.actors.txt"))
    valberg = convert_record(records[1], knowledge)
    assert valberg["name"] == "Erik Valberg" and valberg["aliases"] == ["President Valberg"]
    assert valberg["roles"] == [
        {"country": "TUR", "sector": "ELI", "start": "1988-01-01", "end": "1995-12-31"},
        {"country": "TUR", "sector": "GOV", "start": "1996-01-01", "end": "2003-12-31"},
        {"country": "TUR", "sector": "ELI"},
    ]
    oskarsdottir = convert_record(records[2], knowledge)
    assert oskarsdottir["roles"] == [{"country": "SWE", "sector": "GOV", "start": "2015-03-01"}]
    with pytest.raises(Refused, match="unknown country"):
        convert_record(records[3], knowledge)
    with pytest.raises(Refused, match="ends before it starts"):
        convert_record(records[4], knowledge)


def test_import_reports_what_was_imported_and_refused(phoenix_dir: Path, tmp_path: Path) -> None:
    knowledge = load_knowledge()
    entries, report = import_phoenix(phoenix_dir, knowledge)
    assert report.people == 2
    assert report.actors == 3
    assert report.refused["actor: unknown country or organisation code"] == 1
    assert report.refused["actor: date range ends before it starts"] == 1
    assert report.refused["actor: no code"] == 1
    assert report.refused["actor: every name already built in or imported earlier"] == 1
    assert report.refused["agent: unknown sector code"] == 1
    assert report.refused["agent: agent phrase longer than tacitus noun patterns (noun, modifier noun, noun of X)"] == 1
    nouns = {noun: entry["sector"] for entry in entries if "nouns" in entry for noun in entry["nouns"]}
    assert nouns["harbour pilot"] == "BUS"
    assert nouns["dockwoman"] == "LAB"
    assert nouns["fisheries ministry"] == "GOV"
    assert "troop" not in nouns
    organisations = [e for e in entries if e.get("code") == "IGOFSH"]
    assert organisations == [
        {"names": ["Northern Fisheries Council", "NFC"], "country": None, "sector": "IGO", "code": "IGOFSH"}
    ]
    out = tmp_path / "imported.yaml"
    write_actor_file(entries, out, "# test import\n")
    loaded = load_knowledge([out])
    assert loaded.names["nfc"].entry.code == "IGOFSH"
    porte = loaded.names["the porte"].entry
    assert (porte.country, porte.sector, porte.code) == ("TUR", None, "TUR")


def test_imported_people_are_coded_by_date(phoenix_dir: Path, tmp_path: Path, nlp: object) -> None:
    entries, _ = import_phoenix(phoenix_dir, load_knowledge())
    out = tmp_path / "imported.yaml"
    write_actor_file(entries, out, "")
    coder = ActorCoder((str(out),))
    coder.setup(nlp)
    doc = nlp("Erik Valberg met the Northern Fisheries Council.")  # type: ignore[operator]
    head = next(t for t in doc if t.text == "Valberg")
    assert coder.analyse(doc, "1999-05-01").resolve(head)[0].code == "TURGOV"
    assert coder.analyse(doc, "1990-05-01").resolve(head)[0].code == "TURELI"
    assert coder.analyse(doc, "2010-05-01").resolve(head)[0].code == "TURELI"
    council = next(t for t in doc if t.text == "Council")
    assert coder.analyse(doc).resolve(council)[0].code == "IGOFSH"


def test_a_folder_without_dictionaries_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TacitusError, match="E162"):
        import_phoenix(tmp_path, load_knowledge())
