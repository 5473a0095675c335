"""Actors that documents taught: stored with their evidence, summarised across documents, promoted by an analyst."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tacitus.types import LearnedActor


def learned_row(learned: LearnedActor, date: str | None) -> dict[str, Any]:
    """One row of the `learned_actors` table."""
    return {
        "doc_id": learned.doc_id,
        "date": date,
        "name": learned.name,
        "country": learned.country,
        "sector": learned.sector,
        "code": learned.code,
        "title": learned.title,
        "evidence": learned.evidence,
        "start_char": learned.start,
        "end_char": learned.end,
    }


@dataclass(frozen=True)
class LearnedSummary:
    """One name with one coding, over every document that taught it."""

    name: str
    country: str | None
    sector: str | None
    code: str
    title: str | None
    documents: int
    first_date: str | None
    last_date: str | None
    evidence: str
    doc_id: str

    def record(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "code": self.code,
            "title": self.title,
            "documents": self.documents,
            "first_date": self.first_date,
            "last_date": self.last_date,
            "evidence": self.evidence,
            "doc_id": self.doc_id,
        }


def summarise_learned(con: Any, name: str | None = None, min_documents: int = 1) -> list[LearnedSummary]:
    """What documents taught, grouped by name and coding, most documents first; one example of evidence each."""
    clauses = []
    params: list[Any] = []
    if name:
        clauses.append("(lower(name) = lower(?) OR lower(name) LIKE '% ' || lower(?))")
        params += [name, name]
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    sql = f"""
        SELECT name, country, sector, code, mode(title) AS title,
            count(DISTINCT doc_id) AS documents, min(date), max(date),
            arg_min(evidence, coalesce(date, '~')), arg_min(doc_id, coalesce(date, '~'))
        FROM learned_actors {where}
        GROUP BY name, country, sector, code
        HAVING count(DISTINCT doc_id) >= ?
        ORDER BY documents DESC, name, code
    """
    rows = con.execute(sql, [*params, min_documents]).fetchall()
    return [LearnedSummary(*row) for row in rows]
