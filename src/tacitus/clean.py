"""Clean: article text → the text that is coded, plus title and publication date.

Markdown syntax and boilerplate lines are removed; paragraphs are separated by one blank
line and wrapped lines joined. Every offset stored later refers to this clean text.
"""

from __future__ import annotations

import hashlib
import re

from tacitus.datafiles import load_entries, package_data
from tacitus.errors import Errors
from tacitus.ingest.dates import find_date, parse_date_value
from tacitus.types import Document, PublicationDate, RawArticle, ReadProblem

IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
LINK = re.compile(r"\[([^\]\n]+)\]\((?:[^()\n]|\([^)\n]*\))*\)")
REFERENCE_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
REFERENCE_DEFINITION = re.compile(r"^\s*\[[^\]\n]+\]:\s*\S+.*$")
BARE_ANGLE_URL = re.compile(r"<(https?://[^>\s]+)>")
STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
INLINE_CODE = re.compile(r"`([^`\n]+)`")
HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
BLOCKQUOTE = re.compile(r"^\s{0,3}>\s?")
LIST_MARKER = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")
RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
HTML_TAG = re.compile(r"</?[a-zA-Z][^>\n]{0,200}>")
SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
BYLINE_MAX_CHARS = 100
BYLINE_MAX_EXTRA_WORDS = 7
TITLE_MAX_CHARS = 200


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Cleaner:
    """Stage: RawArticle → Document (or a ReadProblem when nothing is left to code)."""

    name = "clean"

    def __init__(self, date_order: str = "DMY", byline_lines: int = 6) -> None:
        self.date_order = date_order
        self.byline_lines = byline_lines
        self.boilerplate: list[re.Pattern[str]] = []

    def setup(self) -> None:
        entries = load_entries(package_data("boilerplate.yaml"))
        patterns = []
        for entry in entries:
            entry.check_keys({"id", "pattern"})
            entry.get_str("id")
            source = entry.get_str("pattern")
            try:
                patterns.append(re.compile(rf"(?:{source})\Z", re.IGNORECASE))
            except re.error as exc:
                raise entry.fail(f"pattern is not a valid regular expression: {exc}") from exc
        self.boilerplate = patterns

    def is_boilerplate(self, line: str) -> bool:
        return any(pattern.match(line) for pattern in self.boilerplate)

    def __call__(self, article: RawArticle, date_override: str | None = None) -> Document | ReadProblem:
        title = article.title
        text = article.text.replace("\r\n", "\n").replace("\r", "\n")
        html_date: str | None = None
        if article.fmt == "html":
            extracted = _extract_html(text)
            if extracted is None:
                return ReadProblem(article.origin, Errors.E010.value.format(path=article.origin), article.line)
            text, html_title, html_date = extracted
            title = title or html_title
        lines = self._strip_markup(text.split("\n"), article.fmt)
        if title is None and article.fmt in ("md", "txt"):
            title = _take_title(lines, markdown=article.fmt == "md")
        elif title is not None:
            _drop_leading_title(lines, title)
        byline = self._take_byline(lines)
        kept = [line if line.strip() == "" else SPACES.sub(" ", line).strip() for line in lines]
        kept = [line for line in kept if not line or not self.is_boilerplate(line)]
        clean = _paragraphs(kept)
        if not clean:
            return ReadProblem(article.origin, Errors.E010.value.format(path=article.origin), article.line)
        published = self._publication_date(article, date_override, html_date, byline)
        digest = content_hash(clean)
        return Document(
            doc_id=article.given_id or digest[:16],
            origin=article.origin if article.line is None else f"{article.origin}:{article.line}",
            raw_text=article.text,
            clean_text=clean,
            content_hash=digest,
            fmt=article.fmt,
            title=SPACES.sub(" ", title).strip() if title else None,
            date=published.value if published else None,
            date_ambiguous=published.ambiguous if published else False,
            date_text=published.text if published else None,
            url=article.url,
            source=article.source,
        )

    def _strip_markup(self, lines: list[str], fmt: str) -> list[str]:
        stripped: list[str] = []
        for line in lines:
            if REFERENCE_DEFINITION.match(line) or (RULE.match(line) and fmt == "md"):
                stripped.append("")
                continue
            if fmt == "md" and SETEXT.match(line) and stripped and stripped[-1].strip():
                stripped[-1] = "# " + stripped[-1]
                stripped.append("")
                continue
            line = IMAGE.sub("", line)
            line = LINK.sub(r"\1", line)
            line = REFERENCE_LINK.sub(r"\1", line)
            line = BARE_ANGLE_URL.sub(r"\1", line)
            if fmt == "md":
                line = BLOCKQUOTE.sub("", line)
                line = LIST_MARKER.sub("", line)
                line = STRONG.sub(r"\2", line)
                line = EMPHASIS.sub(r"\2", line)
                line = INLINE_CODE.sub(r"\1", line)
                line = HTML_TAG.sub("", line)
            stripped.append(line)
        return stripped

    def _take_byline(self, lines: list[str]) -> PublicationDate | None:
        seen = 0
        for index, line in enumerate(lines):
            if not line.strip():
                continue
            seen += 1
            if seen > self.byline_lines:
                return None
            candidate = HEADING.sub(r"\1", line).strip()
            if len(candidate) > BYLINE_MAX_CHARS:
                continue
            found = find_date(candidate, self.date_order)
            if found is None:
                continue
            published, (start, end) = found
            rest = (candidate[:start] + " " + candidate[end:]).split()
            if len(rest) <= BYLINE_MAX_EXTRA_WORDS:
                lines[index] = ""
                return published
        return None

    def _publication_date(
        self,
        article: RawArticle,
        override: str | None,
        html_date: str | None,
        byline: PublicationDate | None,
    ) -> PublicationDate | None:
        for value in (override, article.date, html_date):
            if value:
                parsed = parse_date_value(value, self.date_order)
                if parsed is not None:
                    return parsed
        return byline


def _extract_html(html: str) -> tuple[str, str | None, str | None] | None:
    import trafilatura

    result = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True, favor_precision=True
    )
    body = getattr(result, "text", None)
    if not body:
        return None
    text = "\n\n".join(str(body).split("\n"))
    return text, getattr(result, "title", None), getattr(result, "date", None)


def _take_title(lines: list[str], markdown: bool) -> str | None:
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        heading = HEADING.match(line)
        if heading:
            lines[index] = ""
            return heading.group(1)
        if markdown:
            return None
        has_body = any(other.strip() for other in lines[index + 1 :])
        if has_body and len(line) <= TITLE_MAX_CHARS and not line.rstrip().endswith((".", ":", '"')):
            lines[index] = ""
            return line.strip()
        return None
    return None


def _drop_leading_title(lines: list[str], title: str) -> None:
    wanted = SPACES.sub(" ", title).strip().lower()
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if SPACES.sub(" ", HEADING.sub(r"\1", line)).strip().lower() == wanted:
            lines[index] = ""
        return


def _paragraphs(lines: list[str]) -> str:
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(HEADING.sub(r"\1", line))
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)
