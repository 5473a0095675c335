from pathlib import Path

import pytest

from tacitus.errors import TacitusError
from tacitus.evaluation.quotes import (
    GoldAttribution,
    evaluate_directory,
    gold_pairs,
    matches,
    opens_with_mark,
    read_brat,
    speaker_correct,
)
from tacitus.pipeline import DocumentCoder
from tacitus.quotes.finder import Attribution
from tacitus.types import Actor, TextSpan

TEXT = (
    '"The port will reopen next week," said harbour chief Ana Ruiz.\n\n'
    "The mayor believes that tourism will recover.\n\n"
    'Officials said the ferry "was never at risk" during the storm.\n'
)


def brat_folder(root: Path) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "harbour.txt").write_text(TEXT, encoding="utf-8")

    def span(part: str, occurrence: int = 0) -> str:
        start = TEXT.index(part)
        for _ in range(occurrence):
            start = TEXT.index(part, start + 1)
        return f"{start} {start + len(part)}\t{part}"

    def offsets(part: str) -> str:
        return span(part).split("\t")[0]

    quote = '"The port will reopen next week,"'
    lines = [
        f"T1\tContent {span(quote)}",
        f"T2\tCue {span('said')}",
        f"T3\tSource {span('harbour chief Ana Ruiz')}",
        "T4\tAttribution " + span("said"),
        "E1\tAttribution:T4 Content:T1 Cue:T2 Source:T3",
        f"T5\tSource {span('The mayor')}",
        f"T6\tCue {span('believes')}",
        f"T7\tContent {span('that tourism will recover')}",
        "E2\tAttribution:T6 Content:T7 Cue:T6 Source:T5",
        f"T8\tSource {span('Officials')}",
        f"T9\tCue {span('said', 1)}",
        f"T10\tContent {offsets('the ferry')};{offsets(chr(34) + 'was never at risk' + chr(34))}\tthe ferry …",
        "E3\tAttribution:T9 Content:T10 Cue:T9 Source:T8",
        "#1\tAnnotatorNotes T1\ta note brat keeps",
    ]
    (root / "attributions" / "harbour_ab12.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_read_brat_ties_parts_and_skips_notes(tmp_path: Path) -> None:
    folder = brat_folder(tmp_path / "gold")
    [(text_path, ann_path)] = list(gold_pairs(folder))
    assert text_path.name == "harbour.txt"
    gold = read_brat(ann_path)
    assert len(gold) == 3
    assert TEXT[gold[0].content[0][0] : gold[0].content[0][1]].startswith('"The port')
    assert len(gold[2].content) == 2
    assert opens_with_mark(TEXT, gold[0].content[0][0]) and not opens_with_mark(TEXT, gold[1].content[0][0])


def test_overlap_of_half_the_shorter_span() -> None:
    assert matches(((0, 10),), ((5, 100),))
    assert not matches(((0, 10),), ((6, 100),))
    assert matches(((0, 4), (10, 14)), ((2, 12),))
    assert not matches(((0, 0),), ((0, 10),))


def test_speaker_by_overlap_or_by_name() -> None:
    text = "Ana Ruiz spoke. Later she said more."
    gold = GoldAttribution(content=((30, 35),), source=((22, 25),), cue=())
    actor = Actor("Ana Ruiz", 0, 8, None, None, "")
    same_span = Attribution(30, 35, "direct", None, None, None, TextSpan("she", 22, 25), actor, 1)
    assert speaker_correct(text, gold, same_span)
    named = GoldAttribution(content=((30, 35),), source=((0, 8),), cue=())
    elsewhere = Attribution(30, 35, "direct", None, None, None, None, Actor("Ms. Ruiz", 40, 48, None, None, ""), 1)
    assert speaker_correct(text, named, elsewhere)
    wrong = Attribution(30, 35, "direct", None, None, None, None, Actor("Mr. Lopez", 40, 49, None, None, ""), 1)
    assert not speaker_correct(text, named, wrong)


def test_not_a_brat_folder(tmp_path: Path) -> None:
    with pytest.raises(TacitusError, match="E120"):
        list(gold_pairs(tmp_path))


@pytest.mark.slow
def test_evaluate_directory_scores_quotes_and_speakers(tmp_path: Path, document_coder: DocumentCoder) -> None:
    evaluation = evaluate_directory(brat_folder(tmp_path / "gold"), document_coder)
    assert evaluation.documents == 1
    direct = evaluation.direct
    assert (direct.gold, direct.found, direct.speaker_checked, direct.speaker_correct) == (1, 1, 1, 1)
    assert direct.precision == 1.0 and direct.f1 == 1.0
    speech = evaluation.speech
    assert speech.gold == 2  # "believes" is not a speech cue
    assert speech.found == 2 and speech.speaker_accuracy == 1.0
