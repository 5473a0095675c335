import json
from pathlib import Path

import pytest

from tacitus.errors import TacitusError
from tacitus.evaluation.events import evaluate_events, load_gold, plover_class, score
from tacitus.types import Actor, Event, Plover, TextSpan


def event(code: str, plover: str | None, source: str | None, target: str | None, **extra: object) -> Event:
    def actor(country: str | None) -> Actor | None:
        return Actor(country, 0, 3, country, None, country) if country else None

    fields: dict[str, object] = {
        "event_id": f"{code}{source}{target}",
        "doc_id": "d",
        "sentence": 0,
        "date": None,
        "date_precision": None,
        "date_text": None,
        "source": actor(source),
        "target": actor(target),
        "cameo": code,
        "cameo_root": code[:2],
        "quad_class": 1,
        "goldstein": 0.0,
        "plover": Plover(plover, None, None) if plover else None,
        "trigger": TextSpan("x", 0, 1),
        "negated": False,
        "modality": "asserted",
        "evidence": "",
        "entry": "test",
    }
    fields.update(extra)
    return Event(**fields)  # type: ignore[arg-type]


def write_gold(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


JAPAN = {"text": "Japan", "country": "JPN"}
CHINA = {"text": "China", "country": "CHN"}
GOLD = [
    {"id": "a", "text": "One.", "cameo": "125", "plover": [{"type": "REJECT", "source": [JAPAN], "target": [CHINA]}]},
    {"id": "b", "text": "Two.", "cameo": "0874", "plover": []},
    {"id": "c", "text": "Three.", "cameo": None, "plover": [{"type": "DEMAND", "source": [{"text": "Iran"}]}]},
]


def test_scores_follow_the_definitions(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path / "gold.jsonl", GOLD))
    predictions = [
        [event("125", "REJECT", "JPN", "KOR"), event("010", None, "JPN", None), event("190", "ASSAULT", "JPN", None)],
        [event("0871", "RETREAT", "SRB", None), event("087", "RETREAT", "SRB", None, negated=True)],
        [event("1053", "REQUEST", "IRN", None)],
    ]
    scores = score(gold, predictions)
    measures = scores.measures()
    assert measures["root_recall"] == 1.0
    assert measures["full_code_accuracy"] == 0.5
    assert measures["root_precision"] == 0.75
    assert measures["plover_type_accuracy"] == 1.0
    # sentence a: source right, target wrong; sentence c: the gold names Iran by text only, the
    # predicted actor's text is "IRN", so the source disagrees; a gold without target never counts against
    assert (scores.actor_checked, scores.source_right, scores.target_right, scores.both_right) == (2, 1, 1, 0)
    assert [r.gold.sentence_id for r in scores.worst()] == ["a"]
    per_root = {row["root"]: row for row in scores.as_dict()["per_root"]}
    assert per_root["19"]["precision"] == 0.0 and per_root["12"]["recall"] == 1.0


def test_plover_synonyms_compare_old_and_new_names() -> None:
    assert plover_class("demand") == "REQUEST" and plover_class("RETREAT") == plover_class("CONCEDE")


def test_bad_gold_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "text": "x", "cameo": null, "plover": []}\n{"id": "b"}\n', encoding="utf-8")
    with pytest.raises(TacitusError, match=r"gold.jsonl:2"):
        load_gold(path)


@pytest.mark.slow
def test_evaluate_events_codes_our_sentences(tmp_path: Path, document_coder: object) -> None:
    from tacitus.cli.eval_events import sentence_coder

    path = write_gold(
        tmp_path / "gold.jsonl",
        [
            {"id": "1", "text": "Japan rejected China's proposal to hold joint patrols.", "cameo": "125", "plover": []},
            {"id": "2", "text": "Indian troops shelled Pakistani positions.", "cameo": "194", "plover": [
                {"type": "ASSAULT", "source": [{"text": "Indian troops", "country": "IND"}],
                 "target": [{"text": "Pakistani positions", "country": "PAK"}]}]},
        ],
    )  # fmt: skip
    scores = evaluate_events(path, sentence_coder(document_coder))  # type: ignore[arg-type]
    assert scores.measures()["root_recall"] == 1.0
    assert scores.measures()["source_and_target_agreement"] == 1.0
