"""Read-only queries over the quotes table, with values checked before they reach SQL."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from tacitus.errors import Errors, TacitusError
from tacitus.web.queries import MAX_PAGE, MAX_TEXT, PER_PAGE_CHOICES, actor_code, integer, invalid, like, rows


@dataclass(frozen=True)
class QuoteQuery:
    speaker: str | None = None
    actor: str | None = None
    text: str | None = None
    doc_id: str | None = None
    page: int = 1
    per_page: int = 50


QUOTE_FILTER_NAMES = tuple(f.name for f in fields(QuoteQuery))


def quote_query(values: Mapping[str, Any], strict: bool = False) -> QuoteQuery:
    if strict:
        for name in values:
            if name not in QUOTE_FILTER_NAMES:
                raise TacitusError(Errors.E141, name=name, allowed=", ".join(QUOTE_FILTER_NAMES))
    speaker = str(values.get("speaker") or "").strip() or None
    text = str(values.get("text") or "").strip() or None
    for name, value in (("speaker", speaker), ("text", text)):
        if value is not None and len(value) > MAX_TEXT:
            raise invalid(name, value, f"at most {MAX_TEXT} characters")
    doc_id = str(values.get("doc_id") or "").strip() or None
    return QuoteQuery(
        speaker=speaker,
        actor=actor_code("actor", values.get("actor")),
        text=text,
        doc_id=doc_id,
        page=integer("page", values.get("page"), 1, MAX_PAGE) or 1,
        per_page=integer("per_page", values.get("per_page"), 1, max(PER_PAGE_CHOICES)) or 50,
    )


def quote_where(query: QuoteQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if query.speaker:
        clauses.append("speaker_text = ?")
        params.append(query.speaker)
    if query.actor:
        clauses.append("(speaker_country = ? OR speaker_code = ?)")
        params += [query.actor, query.actor]
    if query.text:
        clauses.append("text ILIKE ? ESCAPE '\\'")
        params.append(like(query.text))
    if query.doc_id:
        clauses.append("doc_id = ?")
        params.append(query.doc_id)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def quotes(con: Any, query: QuoteQuery, paged: bool = True) -> list[dict[str, Any]]:
    where, params = quote_where(query)
    sql = "SELECT * FROM quotes" + where + " ORDER BY speaker_text NULLS LAST, doc_id, start_char, quote_id"
    if paged:
        sql += " LIMIT ? OFFSET ?"
        params += [query.per_page, (query.page - 1) * query.per_page]
    return rows(con.execute(sql, params))


def count_quotes(con: Any, query: QuoteQuery) -> int:
    where, params = quote_where(query)
    return int(con.execute("SELECT count(*) FROM quotes" + where, params).fetchone()[0])


def speakers(con: Any, limit: int = 200) -> list[dict[str, Any]]:
    sql = """
        SELECT speaker_text AS speaker, any_value(speaker_code) AS code, count(*) AS quotes
        FROM quotes WHERE speaker_text IS NOT NULL
        GROUP BY speaker_text ORDER BY quotes DESC, speaker LIMIT ?
    """
    return rows(con.execute(sql, [limit]))
