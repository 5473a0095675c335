"""Readers: every supported input becomes RawArticle records; every failure a ReadProblem."""

from __future__ import annotations

import glob
import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

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


DEFAULT_MAX_BYTES = 20_000_000
READ_CHUNK = 1 << 20
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _open(path: Path) -> IO[bytes]:
    if path.suffix.lower() == ".gz":
        return gzip.GzipFile(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _read_bytes(path: Path, max_bytes: int) -> bytes | None:
    """The file's bytes (uncompressed), or None when there are more than max_bytes."""
    with _open(path) as handle:
        data = handle.read(max_bytes + 1)
    return None if len(data) > max_bytes else data


def _decode(path: Path, data: bytes, line: int | None = None) -> str | ReadProblem:
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            return ReadProblem(str(path), Errors.E004.value.format(path=path, offset=exc.start), line)
    if b"\x00" in data[:BINARY_PROBE]:
        return ReadProblem(str(path), Errors.E002.value.format(path=path), line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return ReadProblem(str(path), Errors.E004.value.format(path=path, offset=exc.start), line)
    return text.removeprefix("\ufeff")


def _repaired(text: str) -> str:
    """JSON may escape lone surrogates, which no UTF-8 text can hold: they become U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return text


def _optional_str(value: object) -> str | None:
    if value is None:
        return None
    text = _repaired(str(value)).strip()
    return text or None


def _lines(path: Path, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(number, line) for each line, streamed; None for a line longer than max_bytes (skipped)."""
    with _open(path) as handle:
        number = 0
        while True:
            line = handle.readline(max_bytes + 1)
            if not line:
                return
            number += 1
            if len(line) > max_bytes and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):
                    line = handle.readline(READ_CHUNK)
                yield number, None
                continue
            yield number, line


def _jsonl_record(path: Path, number: int, line: str) -> RawArticle | ReadProblem | None:
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except RecursionError:
        return ReadProblem(str(path), Errors.E005.value.format(reason="nested too deeply"), line=number)
    except ValueError as exc:
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        return ReadProblem(str(path), Errors.E005.value.format(reason=reason), line=number)
    if not isinstance(record, dict):
        return ReadProblem(str(path), Errors.E005.value.format(reason="not an object"), line=number)
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        return ReadProblem(str(path), Errors.E006.value, line=number)
    return RawArticle(
        origin=str(path),
        text=_repaired(body),
        fmt="jsonl",
        given_id=_optional_str(record.get("id")),
        title=_optional_str(record.get("title")),
        date=_optional_str(record.get("date")),
        url=_optional_str(record.get("url")),
        source=_optional_str(record.get("source")),
        line=number,
    )


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[RawArticle | ReadProblem]:
    seen_any = False
    for number, raw in _lines(path, max_bytes):
        if raw is None:
            seen_any = True
            size = f"more than {max_bytes}"
            yield ReadProblem(str(path), Errors.E225.value.format(path="line", size=size, limit=max_bytes), number)
            continue
        decoded = _decode(path, raw, number)
        if isinstance(decoded, ReadProblem):
            seen_any = True
            yield decoded
            continue
        item = _jsonl_record(path, number, decoded)
        if item is not None:
            seen_any = True
            yield item
    if not seen_any:
        yield ReadProblem(str(path), Errors.E003.value.format(path=path))


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawArticle | ReadProblem]:
    """Articles in one file, streamed line by line for JSONL; problems are yielded, not raised."""
    fmt = _format_of(path)
    if fmt is None:
        yield ReadProblem(str(path), Errors.E009.value.format(path=path))
        return
    try:
        if fmt == "jsonl":
            yield from _read_jsonl(path, max_bytes)
            return
        data = _read_bytes(path, max_bytes)
    except (OSError, EOFError, zlib.error) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
        yield ReadProblem(str(path), Errors.E001.value.format(path=path, reason=reason))
        return
    if data is None:
        size = f"more than {max_bytes}"
        yield ReadProblem(str(path), Errors.E225.value.format(path=path, size=size, limit=max_bytes))
        return
    decoded = _decode(path, data)
    if isinstance(decoded, ReadProblem):
        yield decoded
        return
    if not decoded.strip():
        yield ReadProblem(str(path), Errors.E003.value.format(path=path))
        return
    yield RawArticle(origin=str(path), text=decoded, fmt=fmt)


def read_articles(specs: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawArticle | ReadProblem]:
    """Every article under the given paths, directories and globs, streamed."""
    for item in expand_paths(specs):
        if isinstance(item, ReadProblem):
            yield item
        else:
            yield from read_file(item, max_bytes)
