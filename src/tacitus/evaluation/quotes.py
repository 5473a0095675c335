"""Quote attribution measured on brat standoff annotations (PolNeAR's format).

Gold: `T` lines `Source|Cue|Content start end[;start end…]`, `E` lines tying one
attribution's parts. A gold quote is *direct* when its content opens with a quotation
mark. A prediction matches a gold span when they overlap by at least half of the shorter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tacitus.errors import Errors, TacitusError
from tacitus.quotes.cues import CueLexicon
from tacitus.quotes.finder import Attribution

QUOTE_MARKS = "\"“”„«»‘’'`"
TEXT_BOUND = re.compile(r"^(T\d+)\t(\w[\w-]*) (\d+ \d+(?:;\d+ \d+)*)\t")
EVENT_LINE = re.compile(r"^E\d+\t(.+)$")
NAME_STOPWORDS = {
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "the", "said", "says", "minister", "foreign",
    "spokesman", "spokeswoman", "secretary", "senator", "former", "republican", "democratic", "state",
}  # fmt: skip

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldAttribution:
    content: Spans
    source: Spans
    cue: Spans


@dataclass
class Score:
    """Counts for one kind of quote; precision, recall, F1 and speaker accuracy derive from them."""

    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct_predictions: int = 0
    speaker_checked: int = 0
    speaker_correct: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.correct_predictions / self.predicted if self.predicted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_correct / self.speaker_checked if self.speaker_checked else 0.0

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class QuoteEvaluation:
    documents: int = 0
    direct: Score = field(default_factory=Score)
    speech: Score = field(default_factory=Score)


def _spans(field_text: str) -> Spans:
    return tuple((int(a), int(b)) for a, b in (part.split() for part in field_text.split(";")))


def read_brat(path: Path) -> list[GoldAttribution]:
    """The attributions of one .ann file; lines it cannot use (notes, continuations) are skipped."""
    bounds: dict[str, tuple[str, Spans]] = {}
    relations: list[dict[str, str]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise TacitusError(Errors.E001, path=path, reason=exc) from exc
    for line in lines:
        match = TEXT_BOUND.match(line)
        if match:
            bounds[match.group(1)] = (match.group(2), _spans(match.group(3)))
            continue
        event = EVENT_LINE.match(line)
        if event:
            relations.append(dict(part.split(":", 1) for part in event.group(1).split() if ":" in part))
    found = []
    for relation in relations:
        parts = {role: bounds[ref][1] for role, ref in relation.items() if ref in bounds}
        if "Content" in parts:
            found.append(GoldAttribution(parts["Content"], parts.get("Source", ()), parts.get("Cue", ())))
    return found


def gold_pairs(directory: Path) -> Iterator[tuple[Path, Path]]:
    """(text, annotation) per article of a brat folder (text/, attributions/); the first annotator's file."""
    texts = directory / "text"
    annotations = directory / "attributions"
    if not texts.is_dir() or not annotations.is_dir():
        raise TacitusError(Errors.E120, path=directory)
    by_article: dict[str, Path] = {}
    for ann in sorted(annotations.glob("*.ann")):
        article = ann.stem.rsplit("_", 1)[0]
        if (texts / f"{article}.txt").exists():
            by_article.setdefault(article, ann)
        elif (texts / f"{ann.stem}.txt").exists():
            by_article.setdefault(ann.stem, ann)
    for article, ann in sorted(by_article.items()):
        yield texts / f"{article}.txt", ann


def _length(spans: Iterable[tuple[int, int]]) -> int:
    return sum(b - a for a, b in spans)


def _overlap(first: Spans, second: Spans) -> int:
    return sum(max(0, min(b, d) - max(a, c)) for a, b in first for c, d in second)


def matches(first: Spans, second: Spans) -> bool:
    shorter = min(_length(first), _length(second))
    return shorter > 0 and _overlap(first, second) * 2 >= shorter


def opens_with_mark(text: str, start: int) -> bool:
    return (start < len(text) and text[start] in QUOTE_MARKS) or (start > 0 and text[start - 1] in QUOTE_MARKS)


def _name_words(text: str) -> set[str]:
    words = re.findall(r"[A-Z][\w’'-]+", text)
    return {w.casefold().rstrip("’'s") for w in words} - NAME_STOPWORDS


def speaker_correct(text: str, gold: GoldAttribution, predicted: Attribution) -> bool:
    """The predicted speaker (as written or as resolved) overlaps the gold source or names the same person."""
    candidates = [span for span in (predicted.mention, predicted.speaker) if span is not None]
    for span in candidates:
        if _overlap(((span.start, span.end),), gold.source) > 0:
            return True
    source_names = set().union(*(_name_words(text[a:b]) for a, b in gold.source)) if gold.source else set()
    return any(source_names & _name_words(span.text) for span in candidates)


def is_speech(doc: Any, cue: Spans, lexicon: CueLexicon) -> bool:
    text = doc.text.casefold()
    for start, end in cue:
        if "according to" in text[start:end]:
            return True
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and any(lexicon.verb(token.lemma_) is not None for token in span):
            return True
    return False


def score_document(
    doc: Any, gold: list[GoldAttribution], predicted: list[Attribution], lexicon: CueLexicon
) -> tuple[Score, Score]:
    """Direct-quote and speech-attribution scores for one article."""
    text = doc.text
    spans = {id(p): ((p.start, p.end),) for p in predicted}
    quoted = [p for p in predicted if p.kind != "indirect" and opens_with_mark(text, p.start)]
    direct_gold = [g for g in gold if g.content and opens_with_mark(text, g.content[0][0])]
    speech_gold = [g for g in gold if is_speech(doc, g.cue, lexicon)]
    all_contents = [g.content for g in gold]

    def score(golds: list[GoldAttribution], predictions: list[Attribution]) -> Score:
        result = Score(gold=len(golds), predicted=len(predictions))
        result.correct_predictions = sum(any(matches(spans[id(p)], c) for c in all_contents) for p in predictions)
        for item in golds:
            hits = [p for p in predictions if matches(spans[id(p)], item.content)]
            if not hits:
                continue
            result.found += 1
            if item.source:
                best = max(hits, key=lambda p: _overlap(spans[id(p)], item.content))
                result.speaker_checked += 1
                result.speaker_correct += speaker_correct(text, item, best)
        return result

    return score(direct_gold, quoted), score(speech_gold, predicted)


def evaluate_directory(directory: Path, coder: Any, limit: int | None = None) -> QuoteEvaluation:
    """Parse every annotated article of `directory` with `coder` (a set-up DocumentCoder: its parser
    and actors), find its quotes and score them."""
    from tacitus.quotes import QuoteFinder

    pairs = list(gold_pairs(directory))[:limit]
    if not pairs:
        raise TacitusError(Errors.E121, path=directory)
    finder = QuoteFinder()
    finder.setup()
    evaluation = QuoteEvaluation()
    texts = (text_path.read_text(encoding="utf-8") for text_path, _ in pairs)
    for (_, ann_path), doc in zip(pairs, coder.parser.pipe(texts), strict=True):
        predicted = finder.attributions(doc, coder.actors.analyse(doc))
        direct, speech = score_document(doc, read_brat(ann_path), predicted, finder.lexicon)
        evaluation.documents += 1
        evaluation.direct.add(direct)
        evaluation.speech.add(speech)
    return evaluation
