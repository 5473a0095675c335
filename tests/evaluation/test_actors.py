import json
from pathlib import Path

import pytest

from tacitus.actors import load_knowledge
from tacitus.errors import TacitusError
from tacitus.evaluation.actors import GoldActor, evaluate_actors, judge, locate, read_gold_actors
from tacitus.pipeline import DocumentCoder
from tacitus.types import Actor

GOLD = [
    {
        "id": "g1",
        "text": "Kenyan police arrested three protesters in Nairobi.",
        "cameo": "173",
        "plover": [
            {
                "type": "ARREST",
                "source": [{"text": "Kenyan police", "country": "KEN", "sector": "COP"}],
                "target": [{"text": "protesters", "country": "KEN", "sector": "CVL"}],
            }
        ],
    },
    {
        "id": "g2",
        "text": "NATO peacekeepers escorted the Norwegian ambassador.",
        "cameo": None,
        "plover": [
            {
                "type": "AID",
                "source": [{"text": "NATO peacekeepers", "country": "IGO", "sector": "MIL"}],
                "target": [{"text": "Norwegian ambassador", "country": "NOR", "sector": "GOVDIP"}],
            }
        ],
    },
    {
        "id": "g3",
        "text": "The Danish navy ... warned Iceland.",
        "cameo": None,
        "plover": [
            {
                "type": "THREATEN",
                "source": [{"text": "Danish navy ... fleet", "country": "DNK", "sector": "***"}],
                "target": [{"text": "Iceland", "country": "DNK", "sector": None}],
            }
        ],
    },
]


def write_gold(tmp_path: Path, records: list[dict[str, object]]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_gold_actors_are_read_and_located(tmp_path: Path) -> None:
    gold = read_gold_actors(write_gold(tmp_path, GOLD))
    assert [g.text for g in gold] == [
        "Kenyan police",
        "protesters",
        "NATO peacekeepers",
        "Norwegian ambassador",
        "Danish navy ... fleet",
        "Iceland",
    ]
    assert locate(GOLD[2]["text"], "Danish navy ... fleet") == (4, 15)  # type: ignore[arg-type]
    assert locate("A b c", "d") is None


@pytest.mark.parametrize(
    ("line", "message"),
    [("not json", "E160"), ('{"id": "x"}', "E160"), ('{"id": "x", "text": "t", "plover": []}', "E161")],
)
def test_bad_gold_files_are_reported(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(TacitusError, match=message):
        read_gold_actors(path)


def test_organisations_fill_the_country_slot_and_sector_aliases_count() -> None:
    knowledge = load_knowledge()
    gold = GoldActor("g", "s", "UN troops", "IGO", "MIL")
    predicted = Actor("UN troops", 0, 9, None, "MIL", "IGOUNOMIL")
    verdict = judge(knowledge, gold, predicted, True)
    assert (verdict.country, verdict.sector, verdict.country_correct, verdict.sector_correct) == (
        "IGO",
        "MIL",
        True,
        True,
    )
    journalist = judge(
        knowledge, GoldActor("g", "s", "x", "FRA", "JRN"), Actor("x", 0, 1, "FRA", "MED", "FRAMED"), True
    )
    assert journalist.sector_correct is True
    unknown = judge(knowledge, GoldActor("g", "s", "x", "FRA", "***"), None, True)
    assert (unknown.country_correct, unknown.sector_correct) == (False, None)


def test_scores_on_sentences_we_wrote(tmp_path: Path, document_coder: DocumentCoder) -> None:
    gold = read_gold_actors(write_gold(tmp_path, GOLD))
    scores = evaluate_actors(gold, document_coder.parser.nlp, document_coder.actors)
    summary = scores.summary()
    assert summary["gold_actors"] == 6 and summary["located"] == 6
    verdicts = {j.gold.text: j for j in scores.judgements}
    assert verdicts["Kenyan police"].country_correct and verdicts["Kenyan police"].sector_correct
    assert verdicts["NATO peacekeepers"].country_correct and verdicts["NATO peacekeepers"].sector_correct
    assert verdicts["Norwegian ambassador"].sector_correct
    assert verdicts["Danish navy ... fleet"].sector_correct is None
    assert not verdicts["Iceland"].country_correct
    assert 0 < scores.country_accuracy < 1
