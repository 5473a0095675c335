import datetime as dt
from pathlib import Path

import pytest

from tacitus.actors import ActorCoder, load_knowledge
from tacitus.actors.people import parse_day
from tacitus.errors import TacitusError

PEOPLE = """\
- name: Ayla Demirtas
  aliases: [Demirtas]
  roles:
    - {country: TUR, sector: GOV, role: foreign minister, start: 2014-08-29, end: 2015-08-28}
    - {country: TUR, sector: GOV, role: foreign minister, start: "2015-11-24", end: null}
- name: Jonas Lindqvist
  roles:
    - {country: SWE, sector: MIL, role: chief of defence, start: 2001-01-01, end: 2004-12-31}
    - {country: SWE, sector: GOV, role: defence minister, start: 2006-10-06, end: 2010-01-01}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "people.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_person_is_coded_by_the_office_held_on_the_day(tmp_path: Path) -> None:
    knowledge = load_knowledge([write(tmp_path, PEOPLE)])
    ref = knowledge.names["demirtas"]
    assert ref.person is not None
    person = ref.person
    in_office = person.holding_on(dt.date(2015, 1, 10))
    assert (in_office.code, in_office.note) == ("TURGOV", None)
    still_in_office = person.holding_on(dt.date(2024, 5, 1))
    assert still_in_office.role.start == dt.date(2015, 11, 24) and still_in_office.note is None
    between = person.holding_on(dt.date(2015, 10, 1))
    assert between.code == "TURELI"
    assert between.note is not None and "not in office on 2015-10-01" in between.note
    undated = person.holding_on(None)
    assert undated.role.start == dt.date(2015, 11, 24) and undated.note == "undated article: latest role"
    soldier = knowledge.names["jonas lindqvist"].person
    assert soldier is not None
    assert soldier.holding_on(dt.date(2003, 6, 1)).code == "SWEMIL"
    assert soldier.holding_on(dt.date(2008, 6, 1)).code == "SWEGOV"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("- name: A B\n  roles:\n    - {country: ZZZ, sector: GOV, start: 2001-01-01}\n", "unknown country 'ZZZ'"),
        ("- name: A B\n  roles:\n    - {country: TUR, sector: XYZ, start: 2001-01-01}\n", "unknown sector 'XYZ'"),
        (
            "- name: A B\n  roles:\n    - {country: TUR, sector: GOV, start: 2005-01-01, end: 2004-01-01}\n",
            "A B: role 1: ends 2004-01-01 before it starts 2005-01-01",
        ),
        ("- name: A B\n  roles:\n    - {country: TUR, sector: GOV, start: 2001-02-30}\n", "month"),
        ("- name: A B\n  roles:\n    - {country: TUR, sector: GOV, start: soon}\n", "'start' must be a date"),
        ("- name: A B\n  roles:\n    - {country: TUR, sector: GOV, role: Foreign Minister}\n", "lower-case title"),
        ("- name: A B\n  roles: []\n", "non-empty list"),
        (
            "- name: A B\n  roles:\n    - {country: TUR, sector: GOV, start: 2001-01-01}\n"
            "    - {country: TUR, sector: GOV, start: 2001-01-01}\n",
            "listed twice",
        ),
        (
            "- name: A B\n  roles:\n"
            "    - {country: TUR, sector: GOV, role: envoy, start: 2001-01-01, end: 2005-01-01}\n"
            "    - {country: TUR, sector: MIL, role: envoy, start: 2004-01-01, end: 2006-01-01}\n",
            "overlaps",
        ),
        (
            "- name: A B\n  roles:\n    - {country: TUR, sector: GOV}\n"
            "- name: A B\n  roles:\n    - {country: TUR, sector: GOV}\n",
            "already defined",
        ),
        ("- name: A B\n  roles:\n    - {country: TUR, sector: GOV, office: x}\n", "unknown field(s) office"),
    ],
)
def test_bad_people_entries_name_file_line_and_entry(tmp_path: Path, body: str, message: str) -> None:
    path = write(tmp_path, "# people\n" + body)
    with pytest.raises(TacitusError) as caught:
        load_knowledge([path])
    text = str(caught.value)
    assert message in text
    assert f"{path}:" in text
    assert f"{path}:1:" not in text


def test_article_dates_are_read_leniently() -> None:
    assert parse_day("2019-04-05") == dt.date(2019, 4, 5)
    assert parse_day("2019-04-05T10:00:00") == dt.date(2019, 4, 5)
    assert parse_day("April 2019") is None
    assert parse_day(None) is None


def test_people_are_resolved_by_the_article_date(tmp_path: Path, nlp: object) -> None:
    coder = ActorCoder((str(write(tmp_path, PEOPLE)),))
    coder.setup(nlp)
    text = "Jonas Lindqvist criticised the plan. Lindqvist said he would resign."
    doc = nlp(text)  # type: ignore[operator]
    heads = [t for t in doc if t.text == "Lindqvist"]
    for date, code in (("2003-02-01", "SWEMIL"), ("2008-02-01", "SWEGOV"), ("2012-02-01", "SWEELI")):
        actors = coder.analyse(doc, date)
        assert [a.code for a in actors.resolve(heads[0])] == [code]
        assert [a.code for a in actors.resolve(heads[1])] == [code]
        he = next(t for t in doc if t.lower_ == "he")
        assert [a.code for a in actors.resolve(he)] == [code]
    assert coder.analyse(doc).resolve(heads[0])[0].code == "SWEGOV"


def test_a_title_written_with_the_name_picks_the_office_when_the_date_does_not(tmp_path: Path, nlp: object) -> None:
    coder = ActorCoder((str(write(tmp_path, PEOPLE)),))
    coder.setup(nlp)
    doc = nlp("General Jonas Lindqvist inspected the base.")  # type: ignore[operator]
    head = next(t for t in doc if t.text == "Lindqvist")
    (undated,) = coder.analyse(doc).resolve(head)
    assert undated.code == "SWEMIL"
    assert undated.entry is not None and "sector from the title in the text" in undated.entry
    assert coder.analyse(doc, "2008-01-01").resolve(head)[0].code == "SWEGOV"
