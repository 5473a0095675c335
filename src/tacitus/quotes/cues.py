"""The speech-cue lexicon: cue verbs and phrases, with the CAMEO event a statement implies."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tacitus.datafiles import load_entries, package_data
from tacitus.events.ontology import load_ontology

CUE_KEYS = {"cue", "event", "object"}
STATEMENT_CODE = "010"


@dataclass(frozen=True)
class Cue:
    """One cue: a lemma ("warn") or a phrase ("according to") and what saying it amounts to."""

    cue: str
    event: str | None
    object_content: bool
    where: str

    @property
    def statement_code(self) -> str:
        return self.event or STATEMENT_CODE


@dataclass
class CueLexicon:
    verbs: dict[str, Cue] = field(default_factory=dict)
    phrases: dict[str, Cue] = field(default_factory=dict)

    def verb(self, lemma: str) -> Cue | None:
        return self.verbs.get(lemma.casefold())


def load_cues(extra_files: tuple[str | Path, ...] = ()) -> CueLexicon:
    """The cue lexicon from data/quotes/cues.yaml (and extra files), checked entry by entry."""
    ontology = load_ontology()
    lexicon = CueLexicon()
    for path in (package_data("quotes", "cues.yaml"), *map(Path, extra_files)):
        for entry in load_entries(path):
            entry.check_keys(CUE_KEYS)
            text = entry.get_str("cue")
            assert text is not None
            words = text.casefold().split()
            if not all(word.isalpha() for word in words):
                raise entry.fail(f"cue '{text}' must be a lemma or a phrase of words (letters only)")
            code = entry.get_str("event", required=False)
            if code is not None and code not in ontology:
                raise entry.fail(f"event '{code}' is not a CAMEO code in cameo.yaml")
            object_content = entry.fields.get("object", False)
            if not isinstance(object_content, bool):
                raise entry.fail(f"'object' must be true or false, got {object_content!r}")
            key = " ".join(words)
            table = lexicon.phrases if len(words) > 1 else lexicon.verbs
            if key in table:
                raise entry.fail(f"cue '{key}' is defined twice")
            table[key] = Cue(key, code, object_content, f"{entry.file}:{entry.line}")
    return lexicon
