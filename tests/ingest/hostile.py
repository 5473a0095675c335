"""Hostile input for the readers and the cleaner: random bytes, broken HTML, huge lines, deep
nesting, odd encodings, corrupt archives. Used by tests/ingest/test_hostile_input.py (a bounded
number of examples) and by benchmarks/fuzz_readers.py (for minutes)."""

from __future__ import annotations

import gzip
import json
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import strategies as st

from tacitus.config import Settings
from tacitus.pipeline import CodeSummary, clean_articles

MAX_ARTICLE_BYTES = 2_000_000
SECONDS_PER_EXAMPLE = 60

WORDS = ["Estonia", "summoned", "the", "ambassador", "on", "Monday", "Russia", "denied", "it", "said", "talks"]
TAGS = ["div", "p", "span", "article", "script", "style", "table", "td", "a", "b", "i", "ul", "li", "h1", "body"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "latin-1", "cp1252", "shift_jis", "koi8-r"]


@dataclass
class HostileFile:
    name: str
    content: bytes
    # Lines of a JSONL file that hold a readable article: each must come out as a document or a problem.
    article_lines: list[int] = field(default_factory=list)


def _sentence(words: list[str]) -> str:
    return " ".join(words).capitalize() + "."


sentences = st.lists(st.sampled_from(WORDS), min_size=3, max_size=12).map(_sentence)
plain_text = st.lists(sentences, min_size=1, max_size=8).map(" ".join)
wild_text = st.text(min_size=0, max_size=2000)


@st.composite
def encoded_text(draw: st.DrawFn) -> bytes:
    text = draw(st.one_of(plain_text, wild_text))
    encoding = draw(st.sampled_from(ENCODINGS))
    return text.encode(encoding, errors="replace")


@st.composite
def broken_html(draw: st.DrawFn) -> bytes:
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 40))):
        kind = draw(st.integers(0, 6))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            parts.append(f"<{tag}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(f'<{tag} class="{draw(st.text(max_size=20))}')
        elif kind == 3:
            parts.append(draw(plain_text))
        elif kind == 4:
            parts.append("<!-- " + draw(st.text(max_size=50)))
        elif kind == 5:
            parts.append(draw(st.sampled_from(["&amp;", "&#0;", "&#x110000;", "&bogus;", "<![CDATA[", "<?xml"])))
        else:
            depth = draw(st.integers(10, 3000))
            parts.append(f"<{tag}>" * depth + draw(plain_text) + f"</{tag}>" * draw(st.integers(0, depth)))
    return "".join(parts).encode("utf-8", errors="replace")


@st.composite
def huge_line(draw: st.DrawFn) -> bytes:
    unit = draw(st.sampled_from(["word ", "**a", "_b_", "[x](", "](", "# ", "> ", "*", "`", "<b>", "a" * 50]))
    repeat = draw(st.integers(1_000, 40_000))
    return (draw(plain_text) + "\n" + unit * repeat + "\n" + draw(plain_text)).encode("utf-8")


def _deep_json(depth: int, kind: int) -> str:
    if kind == 0:
        return "[" * depth + "]" * depth
    if kind == 1:
        return (
            json.dumps({"id": "deep", "text": "Estonia summoned the envoy.", "extra": None})[:-1]
            + ', "n": '
            + ("[" * depth + "]" * depth)
            + "}"
        )
    return '{"text": ' + '{"a": ' * depth + "1" + "}" * depth + "}"


@st.composite
def hostile_jsonl(draw: st.DrawFn) -> HostileFile:
    lines: list[str] = []
    planted: list[int] = []
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.integers(0, 9))
        if kind <= 3:
            record = {"id": draw(st.one_of(st.none(), st.text(max_size=10), st.integers())), "text": draw(plain_text)}
            for key in draw(st.sets(st.sampled_from(["title", "date", "url", "source"]))):
                record[key] = draw(st.one_of(st.text(max_size=30), st.integers(), st.none(), st.lists(st.integers())))
            lines.append(json.dumps(record, ensure_ascii=draw(st.booleans())))
            planted.append(len(lines))
        elif kind == 4:
            lines.append(_deep_json(draw(st.integers(100, 200_000)), draw(st.integers(0, 2))))
        elif kind == 5:
            lines.append(draw(st.text(st.characters(blacklist_characters="\n\r"), max_size=200)))
        elif kind == 6:
            lines.append('{"text": "\\ud800 lone surrogate \\udfff", "id": "\\udc00"}')
            planted.append(len(lines))
        elif kind == 7:
            lines.append(json.dumps({"text": draw(st.one_of(st.none(), st.integers(), st.just("   ")))}))
        elif kind == 8:
            lines.append('{"text": "' + "9" * draw(st.integers(10, 10_000)) + '", "n": ' + "9" * 6000 + "}")
        else:
            lines.append("")
    content = "\n".join(lines).encode("utf-8", errors="surrogatepass")
    return HostileFile("feed.jsonl", content, planted)


@st.composite
def hostile_file(draw: st.DrawFn) -> HostileFile:
    kind = draw(st.integers(0, 6))
    if kind == 0:
        return HostileFile(
            draw(st.sampled_from(["a.txt", "a.md", "a.html", "a.jsonl"])), draw(st.binary(max_size=4000))
        )
    if kind == 1:
        return HostileFile(draw(st.sampled_from(["b.txt", "b.md"])), draw(encoded_text()))
    if kind == 2:
        return HostileFile("c.html", draw(broken_html()))
    if kind == 3:
        return HostileFile(draw(st.sampled_from(["d.txt", "d.md"])), draw(huge_line()))
    if kind == 4:
        return draw(hostile_jsonl())
    if kind == 5:
        inner = draw(hostile_jsonl())
        packed = gzip.compress(inner.content)
        cut = draw(st.integers(0, len(packed)))
        if draw(st.booleans()):
            return HostileFile("e.jsonl.gz", packed, inner.article_lines)
        return HostileFile("e.jsonl.gz", packed[:cut] + draw(st.binary(max_size=50)))
    return HostileFile("f.txt.gz", draw(st.binary(max_size=500)))


@contextmanager
def time_limit(seconds: int, what: str = "reading") -> Iterator[None]:
    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"{what} took more than {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def check_hostile_files(files: list[HostileFile], settings: Settings) -> None:
    """Read and clean the files: only documents and one-line problems, nothing raised, nothing lost."""
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number, item in enumerate(files):
            path = Path(folder) / f"{number:02d}-{item.name}"
            path.write_bytes(item.content)
            paths.append(path)
        summary = CodeSummary()
        bounded = settings.with_overrides(max_article_bytes=MAX_ARTICLE_BYTES)
        with time_limit(SECONDS_PER_EXAMPLE):
            documents = list(clean_articles([folder], bounded, summary))
        assert summary.articles_read == len(documents)
        for problem in summary.problems:
            described = problem.describe()
            assert "\n" not in problem.message and "Traceback" not in described
        outputs: set[tuple[str, int | None]] = set()
        for document in documents:
            origin, _, line = document.origin.rpartition(":")
            outputs.add((origin, int(line)) if line.isdigit() else (document.origin, None))
        outputs |= {(problem.origin, problem.line) for problem in summary.problems}
        for path, item in zip(paths, files, strict=True):
            assert any(origin == str(path) for origin, _ in outputs), (
                f"{path.name} gave neither an article nor a problem"
            )
            truncated = any(o == str(path) and line is None for o, line in outputs)
            for line in item.article_lines:
                assert truncated or (str(path), line) in outputs, f"{path.name}:{line} was lost"
