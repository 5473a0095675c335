"""The quote finder: quoted segments and speech-cue clauses → quotes with speaker and cue."""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any

from tacitus.actors.resolve import DocumentActors
from tacitus.parse import doc_text
from tacitus.quotes.cues import Cue, CueLexicon, load_cues
from tacitus.quotes.marks import QUOTE_CHARS, Segment, find_segments
from tacitus.quotes.speakers import Speakers, subject_of
from tacitus.types import Actor, Document, Quote, TextSpan

CUE_POS = {"VERB"}
MAX_ANCESTOR_STEPS = 6
WINDOW_TOKENS = 10
MAX_COMPLEMENT_TOKENS = 150
SENTENCE_ENDS = ".!?"
MAX_INTERRUPTION_CHARS = 80
MAX_LEAD_CHARS = 8
TOPIC_PREPS = {"of", "about", "on"}
LISTENER_LEMMAS = {"reporter", "journalist", "audience", "crowd", "supporter", "people", "voter", "viewer", "reader"}
ACTOR_ENTITIES = {"PERSON", "ORG", "GPE", "NORP"}
BLOCKING_DEPS = {"nsubj", "nsubjpass", "csubj", "pobj"}


@dataclass
class Attribution:
    """A quote as found, with the speaker mention as written next to it (for evaluation)."""

    start: int
    end: int
    kind: str
    cue: TextSpan | None
    cue_entry: Cue | None
    cue_token: int | None
    mention: TextSpan | None
    speaker: Actor | None
    group: int
    negated: bool = False

    def quote(self, doc_id: str, text: str) -> Quote:
        key = f"{doc_id}|{self.start}|{self.end}|{self.kind}"
        quote_id = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
        return Quote(
            quote_id, doc_id, text[self.start : self.end], self.start, self.end, self.kind, self.speaker, self.cue
        )


def quote_id_of(quote: Quote) -> str:
    return quote.quote_id


class _Finder:
    """Quote finding over one parsed document."""

    def __init__(self, doc: Any, lexicon: CueLexicon, actors: DocumentActors) -> None:
        self.doc = doc
        self.text: str = doc_text(doc)
        self.lexicon = lexicon
        self.speakers = Speakers(actors)
        self.token_starts = [token.idx for token in doc]
        self.quoted = bytearray(len(doc))
        self.used_cues: set[int] = set()
        self.groups = 0
        self.last_segment: Segment | None = None

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        return bisect_left(self.token_starts, start), bisect_left(self.token_starts, end)

    def cue_at(self, token: Any) -> Cue | None:
        if token.pos_ not in CUE_POS or self.quoted[token.i]:
            return None
        return self.lexicon.verb(token.lemma_)

    def run(self) -> list[Attribution]:
        segments = find_segments(self.text)
        for segment in segments:
            first, last = self.token_range(segment.start, segment.end)
            for index in range(first, last):
                self.quoted[index] = 1
        for entity in self.doc.ents:
            if entity.label_ == "PERSON" and not self.quoted[entity.root.i]:
                self.speakers.remember(entity.root)
        found: list[Attribution] = []
        by_segment: dict[int, Attribution] = {}
        previous: Attribution | None = None
        previous_paragraph = -2
        for segment in segments:
            attribution = self.attribute(segment, by_segment, previous, previous_paragraph)
            self.last_segment = segment
            if attribution is None:
                continue
            by_segment[id(segment)] = attribution
            found.append(attribution)
            if attribution.kind == "direct":
                previous, previous_paragraph = attribution, segment.paragraph
        self.fill_chains(segments, by_segment)
        found.extend(self.indirect(found))
        found.sort(key=lambda a: (a.start, a.end))
        return [a for a in found if a.end > a.start]

    def attribute(
        self, segment: Segment, by_segment: dict[int, Attribution], previous: Attribution | None, last_paragraph: int
    ) -> Attribution | None:
        first, last = self.token_range(segment.start, segment.end)
        if first >= last:
            return None
        direct = self.is_sentential(segment)
        if not direct and self.is_title(segment):
            return None
        cue_token, complement = self.governing_cue(first, last, segment)
        if cue_token is None and direct:
            cue_token = self.window_cue(segment, first, last)
        start, end = segment.start, segment.end
        if cue_token is not None:
            cue_entry = (
                self.cue_at(cue_token) if cue_token.lower_ != "according" else self.lexicon.phrases.get("according to")
            )
            if not direct and complement is not None:
                start, end = self.complement_span(complement, start, end)
            subject = self.according_object(cue_token) if cue_token.lower_ == "according" else subject_of(cue_token)
            if subject is None:
                subject = self.nearby_name(cue_token, last)
            mention, speaker = self.speakers.speaker(subject) if subject is not None else (None, None)
            self.used_cues.add(cue_token.i)
            return self.make(start, end, "direct" if direct else "mixed", cue_token, cue_entry, mention, speaker)
        if not direct:
            return None
        colon_head = self.colon_speaker(segment)
        if colon_head is not None:
            mention, speaker = self.speakers.speaker(colon_head)
            return self.make(start, end, "direct", None, None, mention, speaker)
        earlier = by_segment.get(id(segment.previous)) if segment.previous is not None else None
        if (
            earlier is None
            and previous is not None
            and segment.paragraph == last_paragraph + 1
            and self.opens_paragraph(segment)
        ):
            earlier = previous
        if earlier is not None:
            attribution = self.make(start, end, "direct", None, None, earlier.mention, earlier.speaker)
            attribution.cue, attribution.cue_entry, attribution.cue_token = (
                earlier.cue,
                earlier.cue_entry,
                earlier.cue_token,
            )
            attribution.group = earlier.group
            return attribution
        if segment.previous is not None or segment.following is not None:
            return self.make(start, end, "direct", None, None, None, None)
        return None

    def make(
        self,
        start: int,
        end: int,
        kind: str,
        cue_token: Any | None,
        cue_entry: Cue | None,
        mention: TextSpan | None,
        speaker: Actor | None,
    ) -> Attribution:
        text = self.text
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        cue = None
        if cue_token is not None:
            cue_end = cue_token.idx + len(cue_token.text)
            if cue_token.lower_ == "according" and cue_token.i + 1 < len(self.doc):
                cue_end = self.doc[cue_token.i + 1].idx + len(self.doc[cue_token.i + 1].text)
            cue = TextSpan(text[cue_token.idx : cue_end], cue_token.idx, cue_end)
        negated = cue_token is not None and any(c.dep_ == "neg" for c in cue_token.children)
        self.groups += 1
        return Attribution(
            start, end, kind, cue, cue_entry, cue_token.i if cue_token is not None else None,
            mention, speaker, self.groups, negated,
        )  # fmt: skip

    def is_sentential(self, segment: Segment) -> bool:
        """Whether the quoted words stand as speech on their own rather than inside the reporter's clause."""
        text = self.text
        position = segment.open_mark - 1
        while position >= 0 and text[position] in " \t\u00a0":
            position -= 1
        if position < 0 or text[position] == "\n":
            return True
        before = text[position]
        if before in SENTENCE_ENDS + ":;—–(" or (
            before in QUOTE_CHARS and position > 0 and text[position - 1] in SENTENCE_ENDS + ","
        ):
            return True
        if before != ",":
            return False
        first_letter = next((c for c in text[segment.start : segment.start + 40] if c.isalpha()), "")
        earlier = self.last_segment
        interrupted = (
            earlier is not None
            and earlier.paragraph == segment.paragraph
            and earlier.close_mark is not None
            and 0 < segment.open_mark - earlier.close_mark <= MAX_INTERRUPTION_CHARS
        )
        return first_letter.isupper() or interrupted

    def is_title(self, segment: Segment) -> bool:
        """A name of a work or a programme ("Face the Nation"), not words someone said."""
        words = [w for w in self.text[segment.start : segment.end].split() if w[:1].isalpha()]
        long_words = [w for w in words if len(w) > 3]
        return bool(long_words) and len(words) <= 8 and all(w[0].isupper() for w in long_words)

    def governing_cue(self, first: int, last: int, segment: Segment) -> tuple[Any | None, Any | None]:
        """The cue verb the quoted tokens hang from, and the child of it that holds them."""
        doc = self.doc
        for index in range(first, last):
            token = doc[index]
            if first <= token.head.i < last:
                continue
            child, node = token, token.head
            for _ in range(MAX_ANCESTOR_STEPS):
                if not segment.para_start <= node.idx < segment.para_end:
                    break
                if node.i < first or node.i >= last:
                    if self.cue_at(node) is not None or self.is_according(node):
                        return node, child
                    if child.dep_ in BLOCKING_DEPS:
                        break
                if node.head == node:
                    break
                child, node = node, node.head
        return None, None

    def nearby_name(self, cue: Any, quote_end: int) -> Any | None:
        """A name between the quotation and its cue, or just after the cue, when the parse gave no subject."""
        doc = self.doc
        if cue.i >= quote_end:
            candidates = range(quote_end, min(len(doc), cue.i + 1 + WINDOW_TOKENS // 2))
        else:
            candidates = range(cue.i + 1, min(len(doc), cue.i + 1 + WINDOW_TOKENS // 2))
        for index in candidates:
            token = doc[index]
            if self.quoted[index] or token.text in SENTENCE_ENDS:
                break
            if token.i != cue.i and (token.pos_ == "PROPN" or token.ent_type_ == "PERSON"):
                while token.dep_ in ("compound", "flat") and token.head != token and token.head.pos_ == "PROPN":
                    token = token.head
                return token
        return None

    def is_according(self, token: Any) -> bool:
        return (
            token.lower_ == "according"
            and token.i + 1 < len(self.doc)
            and self.doc[token.i + 1].lower_ == "to"
            and "according to" in self.lexicon.phrases
            and not self.quoted[token.i]
        )

    def according_object(self, token: Any) -> Any | None:
        to = self.doc[token.i + 1]
        return next((c for c in to.children if c.dep_ == "pobj"), None)

    def window_cue(self, segment: Segment, first: int, last: int) -> Any | None:
        """A cue next to the quotation: '"…," the minister said' or 'She warned: "…"'."""
        doc = self.doc
        for index in range(last, min(len(doc), last + WINDOW_TOKENS)):
            token = doc[index]
            if token.idx >= segment.para_end or self.quoted[index]:
                break
            if token.is_punct and token.text in SENTENCE_ENDS and index > last + 1:
                break
            if self.cue_at(token) is not None or self.is_according(token):
                return token
        for index in range(first - 1, max(-1, first - 1 - WINDOW_TOKENS), -1):
            token = doc[index]
            if token.idx < segment.para_start or self.quoted[index]:
                break
            if token.text in SENTENCE_ENDS and index < first - 2:
                break
            if self.cue_at(token) is not None or self.is_according(token):
                return token
        return None

    def colon_speaker(self, segment: Segment) -> Any | None:
        """'Erdogan: "We will not step back"' — a name before a colon introducing the quotation."""
        first, _ = self.token_range(segment.open_mark, segment.open_mark + 1)
        index = first - 1
        if index < 1 or self.doc[index].text != ":":
            return None
        head = self.doc[index - 1]
        while head.head != head and head.head.i < index and head.dep_ in ("compound", "flat", "appos"):
            head = head.head
        if head.pos_ in ("PROPN", "NOUN") or head.ent_type_ in ACTOR_ENTITIES:
            return head
        return None

    def opens_paragraph(self, segment: Segment) -> bool:
        lead = segment.open_mark - segment.para_start
        return lead <= MAX_LEAD_CHARS and not self.text[segment.para_start : segment.open_mark].strip()

    def complement_span(self, complement: Any, start: int, end: int) -> tuple[int, int]:
        left, right = complement.left_edge, complement.right_edge
        if right.i - left.i > MAX_COMPLEMENT_TOKENS:
            return start, end
        span_start = min(start, left.idx)
        span_end = max(end, right.idx + len(right.text))
        return span_start, span_end

    def fill_chains(self, segments: list[Segment], by_segment: dict[int, Attribution]) -> None:
        """A quotation over several paragraphs takes the attribution found in any of them."""
        for segment in reversed(segments):
            attribution = by_segment.get(id(segment))
            later = by_segment.get(id(segment.following)) if segment.following is not None else None
            if attribution is not None and attribution.speaker is None and later is not None:
                attribution.mention, attribution.speaker = later.mention, later.speaker
                attribution.cue, attribution.cue_entry, attribution.cue_token = (
                    later.cue,
                    later.cue_entry,
                    later.cue_token,
                )
                attribution.group = later.group

    def indirect(self, found: list[Attribution]) -> list[Attribution]:
        """'X said that …', 'X reiterated its support for …', '…, according to X'."""
        covered = sorted((a.start, a.end) for a in found)
        starts = [s for s, _ in covered]
        result = []
        for token in self.doc:
            if token.i in self.used_cues:
                continue
            if self.is_according(token):
                attribution = self.according(token)
            else:
                cue = self.cue_at(token)
                attribution = self.reported(token, cue) if cue is not None else None
            if attribution is None:
                continue
            index = bisect_right(starts, attribution.end) - 1
            if index >= 0 and covered[index][1] > attribution.start:
                continue
            result.append(attribution)
        return [a for a in result if a.speaker is not None]

    def reported(self, verb: Any, cue: Cue) -> Attribution | None:
        if any(c.dep_ == "neg" for c in verb.children):
            return None
        span = self.reported_span(verb, cue)
        if span is None:
            return None
        start, end, inside = span
        subject = subject_of(verb)
        if subject is None or (start <= subject.idx < end and subject.i not in inside):
            return None
        mention, speaker = self.speakers.speaker(subject)
        return self.make(start, end, "indirect", verb, cue, mention, speaker)

    def reported_span(self, verb: Any, cue: Cue) -> tuple[int, int, set[int]] | None:
        """What was said: the clause, infinitive, object or "of/about" phrase of the cue, or the
        clause a parenthetical cue interrupts ("The talks, he said, will resume")."""
        children = list(verb.children)
        complement = next((c for c in children if c.dep_ == "ccomp"), None)
        if complement is None:
            complement = next(
                (c for c in children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)), None
            )
        if complement is None:
            objects = [c for c in children if c.dep_ == "dobj" and (cue.object_content or _is_said(c))]
            predicate = next((c for c in children if c.dep_ == "oprd"), None)
            if objects and predicate is not None:
                return self.bounded(objects[0].left_edge, predicate.right_edge, set())
            complement = objects[0] if objects else None
        if complement is None:
            for child in children:
                if child.dep_ == "prep" and child.lower_ in TOPIC_PREPS:
                    complement = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                    if complement is not None:
                        break
        if complement is not None:
            return self.bounded(complement.left_edge, complement.right_edge, set())
        if verb.dep_ == "parataxis" and verb.head != verb:
            head = verb.head
            parenthetical = {t.i for t in verb.subtree}
            return self.bounded(head.left_edge, head.right_edge, parenthetical)
        return None

    def bounded(self, first: Any, last: Any, inside: set[int]) -> tuple[int, int, set[int]] | None:
        if last.i - first.i > MAX_COMPLEMENT_TOKENS or last.i < first.i:
            return None
        return first.idx, last.idx + len(last.text), inside

    def according(self, token: Any) -> Attribution | None:
        source = self.according_object(token)
        if source is None:
            return None
        sentence = token.sent
        phrase_end = source.right_edge.i + 1
        while phrase_end < sentence.end and self.doc[phrase_end].is_punct:
            phrase_end += 1
        if token.i - sentence.start <= 1:
            start, end = self.doc[phrase_end].idx if phrase_end < sentence.end else sentence.end_char, sentence.end_char
        else:
            start, end = sentence.start_char, token.idx
        if end - start < 3:
            return None
        mention, speaker = self.speakers.speaker(source)
        cue = self.lexicon.phrases.get("according to")
        return self.make(start, end, "indirect", token, cue, mention, speaker)


class QuoteFinder:
    """Stage: parsed document + its actors → quotes with speaker and cue."""

    name = "quotes"

    def __init__(self, extra_cue_files: tuple[str, ...] = ()) -> None:
        self.extra_cue_files = extra_cue_files
        self.lexicon = CueLexicon()

    def setup(self) -> None:
        self.lexicon = load_cues(self.extra_cue_files)

    def attributions(self, doc: Any, actors: DocumentActors) -> list[Attribution]:
        return _Finder(doc, self.lexicon, actors).run()

    def __call__(self, doc: Any, document: Document, actors: DocumentActors) -> list[Quote]:
        text = doc_text(doc)
        quotes: dict[str, Quote] = {}
        for attribution in self.attributions(doc, actors):
            quote = attribution.quote(document.doc_id, text)
            quotes.setdefault(quote.quote_id, quote)
        return list(quotes.values())


def _is_said(obj: Any) -> bool:
    """Whether a direct object can be what was said rather than whom it was said to or about."""
    return (
        obj.pos_ not in ("PRON", "PROPN")
        and obj.ent_type_ not in ACTOR_ENTITIES
        and obj.lemma_.casefold() not in LISTENER_LEMMAS
    )
