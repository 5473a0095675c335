from pathlib import Path

import pytest

from tacitus.actors.knowledge import load_groups, load_knowledge
from tacitus.errors import TacitusError
from tacitus.pipeline import DocumentCoder
from tacitus.types import Actor


def actors_of(coder: DocumentCoder, text: str, word: str) -> list[Actor]:
    doc = coder.parser.nlp(text)
    found = coder.actors.analyse(doc)
    token = next(t for t in doc if t.text == word)
    return found.resolve(token)


def codes(coder: DocumentCoder, text: str, word: str) -> list[tuple[str | None, str | None]]:
    return [(a.country, a.sector) for a in actors_of(coder, text, word)]


def test_groups_file_covers_peoples_and_religions_worldwide() -> None:
    knowledge = load_knowledge()
    groups = {ref.entry for ref in knowledge.names.values() if ref.role == "group"}
    assert len(groups) >= 300
    assert knowledge.names["yoruba"].entry.country == "NGA"
    assert knowledge.names["ibo"].entry == knowledge.names["igbo"].entry
    assert knowledge.names["uyghurs"].entry.country == "CHN"
    assert knowledge.names["kurds"].entry.country is None
    assert knowledge.names["moslems"].entry.sector == "REL"
    assert knowledge.names["rohingya"].entry.sector == "CVL"


def test_a_bad_group_entry_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "groups.yaml"
    bad.write_text("- {names: [Valemi], country: VLM}\n", encoding="utf-8")
    with pytest.raises(TacitusError) as error:
        load_groups(load_knowledge(), bad)
    assert f"{bad}:1" in str(error.value)
    assert "VLM" in str(error.value)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Yoruba leaders met the governor on Monday.", "leaders", ("NGA", "ELI")),
        ("Hausa politicians walked out of the meeting.", "politicians", ("NGA", "ELI")),
        ("Karen guerrillas attacked a border post.", "guerrillas", ("MMR", "REB")),
        ("Tamil refugees crossed the strait by boat.", "refugees", ("LKA", "REF")),
        ("Iraqi Kurds marched to the square.", "Kurds", ("IRQ", "CVL")),
        ("Turkish Kurd refugees who lived in Iraq went home.", "refugees", ("TUR", "REF")),
        ("Uighurs protested outside the consulate.", "Uighurs", ("CHN", "CVL")),
    ],
)
def test_groups_with_sector_nouns(
    document_coder: DocumentCoder, text: str, word: str, expected: tuple[str, str]
) -> None:
    assert codes(document_coder, text, word) == [expected]


def test_a_group_without_a_home_takes_the_country_the_text_names(document_coder: DocumentCoder) -> None:
    assert codes(document_coder, "Kurdish rebels attacked a Turkish army post.", "rebels") == [("TUR", "REB")]
    assert codes(document_coder, "Thousands of Muslims prayed in Cairo.", "Muslims") == [("EGY", "REL")]
    assert codes(document_coder, "Kurds marched through the streets.", "Kurds") == []
    assert codes(document_coder, "Kurds in Syria and Iraq met Turkish envoys.", "Kurds") == [("SYR", "CVL")]


def test_an_ethnic_minority_is_coded_where_it_lives(document_coder: DocumentCoder) -> None:
    assert codes(document_coder, "Ethnic Albanians in Macedonia demanded more rights.", "Albanians") == [("MKD", "CVL")]
    text = "Ethnic Albanians demanded more rights from the Serbian government."
    assert codes(document_coder, text, "Albanians") == [("SRB", "CVL")]
    assert codes(document_coder, "Albanians voted on Sunday.", "Albanians") == [("ALB", "CVL")]


def test_a_group_name_inside_a_persons_name_is_not_the_group(document_coder: DocumentCoder) -> None:
    doc = document_coder.parser.nlp("Karen Miller said the talks failed.")
    actors = document_coder.actors.analyse(doc)
    assert all(ref.role != "group" for ref, _start, _end in actors.names.values())


def test_a_homeless_group_with_a_government_noun_is_not_one_state(document_coder: DocumentCoder) -> None:
    assert codes(document_coder, "Arab states condemned the Iraqi decision.", "states") == []
    assert codes(document_coder, "Iran warned the Jewish state again.", "state") == [("ISR", None)]
