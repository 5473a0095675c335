"""Scoring the time tagger on TimeML (TimeBank, AQUAINT): detection and values of DATE expressions.

Each .tml file gives the document creation time (DCT), the anchor, and TIMEX3 tags in its
TEXT. Gold is every TIMEX3 of type DATE in TEXT. A found expression matches a gold one when
their spans overlap (one to one). A found expression that overlaps only gold TIME, DURATION or
SET tags is left out of precision: those are not dates in the sense scored here.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tacitus.errors import Errors, TacitusError
from tacitus.timex import TimeTagger
from tacitus.types import Timex

WORST_SHOWN = 12


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass(frozen=True)
class TimemlDocument:
    name: str
    text: str
    anchor: str | None
    timexes: tuple[GoldTimex, ...]


def _collect(element: ET.Element, parts: list[str], offset: int, found: list[GoldTimex]) -> int:
    """Append the element's text to `parts`, recording TIMEX3 spans; returns the new offset."""
    if element.text:
        parts.append(element.text)
        offset += len(element.text)
    for child in element:
        start = offset
        offset = _collect(child, parts, offset, found)
        if child.tag == "TIMEX3":
            text = "".join(parts)[start:offset]
            found.append(GoldTimex(start, offset, child.get("type", ""), child.get("value", ""), text))
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    return offset


def read_timeml(path: Path) -> TimemlDocument:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise TacitusError(Errors.E101, path=path, reason=exc) from exc
    text_element = root.find("TEXT")
    if text_element is None:
        raise TacitusError(Errors.E101, path=path, reason="no TEXT element")
    dct = root.find("DCT/TIMEX3")
    anchor = (dct.get("value") or "")[:10] if dct is not None else None
    parts: list[str] = []
    found: list[GoldTimex] = []
    _collect(text_element, parts, 0, found)
    return TimemlDocument(path.stem, "".join(parts), anchor or None, tuple(found))


def read_corpus(folder: Path) -> list[TimemlDocument]:
    paths = sorted(folder.rglob("*.tml")) if folder.is_dir() else [folder]
    if not paths or not all(p.exists() for p in paths):
        raise TacitusError(Errors.E102, path=folder)
    return [read_timeml(path) for path in paths]


@dataclass(frozen=True)
class Miss:
    """One mistake, for reading by eye: a missed, spurious or wrongly valued expression."""

    document: str
    kind: str
    text: str
    gold: str | None
    found: str | None


@dataclass
class DateScores:
    documents: int = 0
    gold: int = 0
    found: int = 0
    ignored: int = 0
    matched: int = 0
    value_correct: int = 0
    by_rule: Counter[str] = field(default_factory=Counter)
    wrong_by_rule: Counter[str] = field(default_factory=Counter)
    spurious_by_rule: Counter[str] = field(default_factory=Counter)
    mistakes: list[Miss] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def value_accuracy(self) -> float:
        """Share of matched expressions whose value equals the gold value."""
        return self.value_correct / self.matched if self.matched else 0.0

    @property
    def value_f1(self) -> float:
        """TempEval-3 style: an expression counts when found and correctly valued."""
        p = self.value_correct / self.found if self.found else 0.0
        r = self.value_correct / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def canonical_value(value: str | None) -> str | None:
    """One spelling per value: week numbers with two digits, no trailing X on decades and centuries."""
    if value is None:
        return None
    value = re.sub(r"-W(\d)(?!\d)", r"-W0\1", value)
    return re.sub(r"^(\d{2,3})X+$", r"\1", value)


def score_document(document: TimemlDocument, found: list[Timex], scores: DateScores) -> None:
    dates = [g for g in document.timexes if g.type == "DATE"]
    others = [g for g in document.timexes if g.type != "DATE"]
    scores.documents += 1
    scores.gold += len(dates)
    unmatched = list(dates)
    for timex in found:
        overlapping = [g for g in unmatched if g.start < timex.end and timex.start < g.end]
        if not overlapping:
            if any(g.start < timex.end and timex.start < g.end for g in others):
                scores.ignored += 1
                continue
            scores.found += 1
            scores.spurious_by_rule[timex.rule] += 1
            scores.mistakes.append(Miss(document.name, "spurious", timex.text, None, timex.value))
            continue
        gold = max(overlapping, key=lambda g: min(g.end, timex.end) - max(g.start, timex.start))
        unmatched.remove(gold)
        scores.found += 1
        scores.matched += 1
        scores.by_rule[timex.rule] += 1
        if canonical_value(timex.value) == canonical_value(gold.value):
            scores.value_correct += 1
        else:
            scores.wrong_by_rule[timex.rule] += 1
            scores.mistakes.append(Miss(document.name, "value", gold.text, gold.value, timex.value))
    for gold in unmatched:
        scores.mistakes.append(Miss(document.name, "missed", gold.text, gold.value, None))


def evaluate_dates(
    documents: Iterable[TimemlDocument],
    tagger: TimeTagger | None = None,
    parse: Callable[[list[str]], Iterable[Any]] | None = None,
) -> DateScores:
    """Tag every document (parsed with `parse` when given, for tense) and score it."""
    documents = list(documents)
    tagger = tagger or TimeTagger(date_order="MDY")
    tagger.setup()
    texts = [d.text for d in documents]
    parsed: Iterable[Any] = parse(texts) if parse is not None else texts
    scores = DateScores()
    for document, doc in zip(documents, parsed, strict=True):
        score_document(document, tagger(doc, document.anchor), scores)
    return scores


def report_lines(scores: DateScores, worst: int = WORST_SHOWN) -> list[str]:
    lines = [
        f"documents {scores.documents}, gold DATE expressions {scores.gold}, found {scores.found} "
        f"(+{scores.ignored} overlapping only TIME/DURATION/SET, not scored)",
        f"detection (overlap): precision {scores.precision:.3f}  recall {scores.recall:.3f}  F1 {scores.f1:.3f}",
        f"value accuracy of detected: {scores.value_accuracy:.3f} ({scores.value_correct}/{scores.matched})",
        f"value F1 (found and correctly valued): {scores.value_f1:.3f}",
        "by rule (matched / wrong value / spurious): "
        + ", ".join(
            f"{rule} {scores.by_rule[rule]}/{scores.wrong_by_rule[rule]}/{scores.spurious_by_rule[rule]}"
            for rule in sorted(set(scores.by_rule) | set(scores.spurious_by_rule))
        ),
    ]
    if worst:
        for kind in ("missed", "spurious", "value"):
            shown = [m for m in scores.mistakes if m.kind == kind][:worst]
            for miss in shown:
                lines.append(f"  {kind:8} {miss.document}: {miss.text!r} gold={miss.gold} found={miss.found}")
    return lines
