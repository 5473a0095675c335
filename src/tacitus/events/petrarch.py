"""Converting PETRARCH (CAMEO.2.0) verb dictionaries into tacitus lexicon files.

A PETRARCH verb block (`--- NAME [code] ---`, its verbs, then `- … * … [code]` patterns)
becomes one tacitus pattern per verb and pattern. What tacitus cannot express (nouns before
the verb, codes outside CAMEO, pre-compounded verbs) is counted and left out.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tacitus.errors import Errors, TacitusError
from tacitus.events.lexicon import Lexicon

BLOCK = re.compile(r"^---\s+(.*?)\s*\[([^\]]*)\]\s*---")
VERB_LINE = re.compile(r"^(\+?[A-Z][A-Z_'+-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?")
PATTERN_LINE = re.compile(r"^-\s*(.*?)\s*\[([^\]]+)\]")
WORD = re.compile(r"^[a-z][a-z'-]*$")


@dataclass(frozen=True)
class ImportedPattern:
    verb: str
    code: str
    objects: tuple[str, ...] = ()
    prep: str | None = None
    line: int = 0

    def signature(self) -> tuple[object, ...]:
        return (self.verb, frozenset(self.objects), self.prep)


@dataclass
class Conversion:
    patterns: list[ImportedPattern] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    verbs: set[str] = field(default_factory=set)

    def report(self, lexicon: Lexicon) -> dict[str, object]:
        known_verbs = lexicon.verbs
        known_codes = {p.code for p in lexicon.patterns}
        new_verbs = sorted({p.verb for p in self.patterns} - known_verbs)
        return {
            "patterns": len(self.patterns),
            "verbs": len(self.verbs),
            "new_trigger_verbs": len(new_verbs),
            "new_trigger_examples": new_verbs[:25],
            "codes": len({p.code for p in self.patterns}),
            "codes_not_in_builtin_lexicon": sorted({p.code for p in self.patterns} - known_codes),
            "skipped": dict(self.skipped.most_common()),
        }


def _code(raw: str, ontology: Iterable[str]) -> str | None:
    first = raw.split(":")[0].strip()
    return first if first in ontology else None


def _verb_name(token: str) -> str | None:
    """'CONDEMN' → 'condemn'; '+BEEF_UP' → 'beef up'; pre-compounded 'WIRE_+TAP' → None."""
    words = token.lower().split("_")
    if len(words) == 1:
        return words[0].lstrip("+") if WORD.match(words[0].lstrip("+")) else None
    if not words[0].startswith("+") or len(words) != 2:
        return None
    verb, particle = words[0][1:], words[1]
    return f"{verb} {particle}" if WORD.match(verb) and WORD.match(particle) else None


def _heads(phrase: str, synsets: dict[str, list[str]]) -> list[str] | None:
    """A PETRARCH noun phrase as the head lemmas it stands for; None if tacitus cannot express it."""
    phrase = phrase.strip()
    if phrase.startswith("{") and phrase.endswith("}"):
        phrase = phrase[1:-1].split()[-1] if phrase[1:-1].split() else ""
    if phrase.startswith("&"):
        words = synsets.get(phrase.rstrip("_"))
        if words is None:
            return None
        heads = [w.split()[-1] for w in words]
    else:
        heads = [phrase.lower().rstrip("_")]
    heads = [_singular(h) for h in heads if WORD.match(h)]
    return sorted(set(heads)) or None


def _singular(noun: str) -> str:
    """Lexicon objects are lemmas: PETRARCH's plural phrases ("spare parts") become singular."""
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith("s") and not noun.endswith(("ss", "us", "is")) and len(noun) > 3:
        return noun[:-1]
    return noun


def _pattern_parts(body: str, synsets: dict[str, list[str]]) -> tuple[list[str], str | None] | str:
    """(objects, prep) for '* NOUN', '* (PREP NOUN)', '* (PREP)'; or the reason it is skipped."""
    before, star, after = body.partition("*")
    if not star:
        return "no verb marker"
    if before.strip():
        return "nouns before the verb"
    after = after.strip()
    prep: str | None = None
    objects: list[str] = []
    match = re.fullmatch(r"(?:(\{[^}]*\}|&?[A-Z_]+))?\s*(?:\(([A-Z]+)(?:\s+(\{[^}]*\}|&?[A-Z_]+))?\))?", after)
    if match is None:
        return "pattern shape"
    noun, preposition, pobj = match.groups()
    if noun and preposition:
        return "object and preposition together"
    if preposition:
        prep = preposition.lower()
        if pobj:
            heads = _heads(pobj, synsets)
            if heads is None:
                return "unknown synset or phrase"
            objects = heads
    elif noun:
        heads = _heads(noun, synsets)
        if heads is None:
            return "unknown synset or phrase"
        objects = heads
    return objects, prep


def convert_petrarch_verbs(text: str, ontology: Iterable[str]) -> Conversion:
    codes = set(ontology)
    conversion = Conversion()
    synsets: dict[str, list[str]] = {}
    current_synset: str | None = None
    block_code: str | None = None
    block_verbs: list[str] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("&"):
            current_synset = line.strip().rstrip("_")
            synsets[current_synset] = []
            continue
        if line.startswith("+") and current_synset is not None and not block_verbs and block_code is None:
            synsets[current_synset].append(line[1:].strip().replace("_", " ").lower())
            continue
        block = BLOCK.match(line)
        if block:
            current_synset = None
            block_code = _code(block.group(2), codes) or ""
            block_verbs = []
            continue
        if line.startswith("~"):
            conversion.skipped["verb transformation"] += 1
            continue
        pattern = PATTERN_LINE.match(line)
        if pattern:
            code = _code(pattern.group(2), codes)
            if code is None:
                conversion.skipped["code not in CAMEO or null"] += 1
                continue
            parts = _pattern_parts(pattern.group(1), synsets)
            if isinstance(parts, str):
                conversion.skipped[parts] += 1
                continue
            objects, prep = parts
            if not objects and prep is None:
                conversion.skipped["no constraint"] += 1
                continue
            for verb in block_verbs:
                own_prep = None if prep is not None and verb.endswith(f" {prep}") else prep
                conversion.patterns.append(ImportedPattern(verb, code, tuple(objects), own_prep, number))
            continue
        verb_line = VERB_LINE.match(line.strip())
        if verb_line and block_code is not None:
            name = _verb_name(verb_line.group(1))
            if name is None:
                conversion.skipped["pre-compounded verb"] += 1
                continue
            block_verbs.append(name)
            conversion.verbs.add(name)
            own = _code(verb_line.group(3)[1:-1], codes) if verb_line.group(3) else None
            default = own or block_code
            if default:
                conversion.patterns.append(ImportedPattern(name, default, (), None, number))
    return conversion


def without_duplicates(conversion: Conversion, lexicon: Lexicon) -> list[ImportedPattern]:
    """Patterns the built-in lexicon does not already have, each once."""
    taken = {
        (f"{p.lemma} {p.particle}" if p.particle else p.lemma, p.objects, p.prep)
        for p in lexicon.patterns
        if p.kind == "verb" and not p.then
    }
    kept: list[ImportedPattern] = []
    seen: set[tuple[object, ...]] = set()
    for pattern in conversion.patterns:
        key = (pattern.verb, frozenset(pattern.objects), pattern.prep)
        if key in taken:
            conversion.skipped["already in the built-in lexicon"] += 1
            continue
        if key in seen:
            conversion.skipped["repeated within the file"] += 1
            continue
        seen.add(key)
        kept.append(pattern)
    return kept


def lexicon_yaml(patterns: list[ImportedPattern], origin: str, prefix: str = "petrarch") -> str:
    lines = [
        f"# Converted from the PETRARCH verb dictionary {origin} by `tacitus dict import petrarch-verbs`.",
        "# Use it with `[events] extra_lexicons`; the comment after each pattern is its source line.",
    ]
    for number, pattern in enumerate(patterns, 1):
        lines.append(f"- id: {prefix}-{number}  # line {pattern.line}")
        lines.append(f"  verb: {pattern.verb}")
        lines.append(f'  code: "{pattern.code}"')
        if pattern.objects:
            lines.append(f"  object: [{', '.join(json.dumps(o) for o in pattern.objects)}]")
        if pattern.prep:
            lines.append(f'  prep: "{pattern.prep}"')
    return "\n".join(lines) + "\n"


def import_petrarch_verbs(source: Path, out: Path, lexicon: Lexicon) -> dict[str, object]:
    """Convert `source` into the lexicon file `out`; returns what the conversion adds."""
    try:
        text = source.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise TacitusError(Errors.E001, path=source, reason=exc) from exc
    conversion = convert_petrarch_verbs(text, lexicon.ontology)
    if not conversion.patterns:
        raise TacitusError(Errors.E185, path=source)
    kept = without_duplicates(conversion, lexicon)
    try:
        out.write_text(lexicon_yaml(kept, source.name, re.sub(r"[^a-z0-9]+", "-", out.stem.lower())), encoding="utf-8")
    except OSError as exc:
        raise TacitusError(Errors.E184, path=out, reason=exc) from exc
    report = conversion.report(lexicon)
    report["patterns_written"] = len(kept)
    return report
