"""Readers: every supported input becomes RawArticle records; every failure a ReadProblem."""

from __future__ import annotations

import glob
import gzip
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from tacitus.errors import Errors
from tacitus.types import RawArticle, ReadProblem

TEXT_FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
GLOB_CHARS = set("*?[")
BINARY_PROBE = 8192


def _format_of(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    if not suffixes:
        return None
    last = suffixes[-1]
    if last in JSONL_SUFFIXES:
        return "jsonl"
    return TEXT_FORMATS.get(last)


def expand_paths(specs: Iterable[str]) -> Iterator[Path | ReadProblem]:
    """Files named by paths, directories (recursively) and globs, in a stable order."""
    for spec in specs:
        path = Path(spec)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _format_of(p) is not None)
            if not found:
                yield ReadProblem(spec, Errors.E008.value.format(path=spec))
            yield from found
        elif path.is_file():
            yield path
        elif GLOB_CHARS & set(spec):
            matches = sorted(Path(m) for m in glob.glob(spec, recursive=True) if Path(m).is_file())
            if not matches:
                yield ReadProblem(spec, Errors.E007.value.format(path=spec))
            yield from matches
        else:
            yield ReadProblem(spec, Errors.E007.value.format(path=spec))


def _read_bytes(path: Path) -> bytes:
    if path.suffix.lower() == ".gz":
        with gzip.open(path, "rb") as handle:
            return handle.read()
    return path.read_bytes()


def _decode(path: Path, data: bytes) -> str | ReadProblem:
    if b"\x00" in data[:BINARY_PROBE]:
        return ReadProblem(str(path), Errors.E002.value.format(path=path))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return ReadProblem(str(path), Errors.E004.value.format(path=path, offset=exc.start))
    return text.removeprefix("\ufeff")


def _optional_str(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _read_jsonl(path: Path, text: str) -> Iterator[RawArticle | ReadProblem]:
    seen_any = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        seen_any = True
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadProblem(str(path), Errors.E005.value.format(reason=exc.msg), line=number)
            continue
        if not isinstance(record, dict):
            yield ReadProblem(str(path), Errors.E005.value.format(reason="not an object"), line=number)
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            yield ReadProblem(str(path), Errors.E006.value, line=number)
            continue
        yield RawArticle(
            origin=str(path),
            text=body,
            fmt="jsonl",
            given_id=_optional_str(record.get("id")),
            title=_optional_str(record.get("title")),
            date=_optional_str(record.get("date")),
            url=_optional_str(record.get("url")),
            source=_optional_str(record.get("source")),
            line=number,
        )
    if not seen_any:
        yield ReadProblem(str(path), Errors.E003.value.format(path=path))


def read_file(path: Path) -> Iterator[RawArticle | ReadProblem]:
    """Articles in one file; problems are yielded, not raised."""
    fmt = _format_of(path)
    if fmt is None:
        yield ReadProblem(str(path), Errors.E009.value.format(path=path))
        return
    try:
        data = _read_bytes(path)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        yield ReadProblem(str(path), Errors.E001.value.format(path=path, reason=reason))
        return
    decoded = _decode(path, data)
    if isinstance(decoded, ReadProblem):
        yield decoded
        return
    if not decoded.strip():
        yield ReadProblem(str(path), Errors.E003.value.format(path=path))
        return
    if fmt == "jsonl":
        yield from _read_jsonl(path, decoded)
    else:
        yield RawArticle(origin=str(path), text=decoded, fmt=fmt)


def read_articles(specs: Iterable[str]) -> Iterator[RawArticle | ReadProblem]:
    """Every article under the given paths, directories and globs."""
    for item in expand_paths(specs):
        if isinstance(item, ReadProblem):
            yield item
        else:
            yield from read_file(item)
