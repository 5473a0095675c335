"""Writing event records: JSON lines, CSV and a readable table."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from rich.console import Console
from rich.table import Table

from tacitus.errors import Errors, TacitusError
from tacitus.events.ontology import load_ontology
from tacitus.places.countries import fips_codes
from tacitus.timex.values import first_day

if TYPE_CHECKING:
    from tacitus.web.queries import EventQuery

CSV_COLUMNS = [
    "event_id", "doc_id", "sentence", "date", "date_precision", "date_text",
    "source_text", "source_country", "source_sector", "source_code",
    "cameo", "cameo_name", "cameo_root", "quad_class", "goldstein", "plover_type",
    "target_text", "target_country", "target_sector", "target_code",
    "trigger", "negated", "modality", "evidence",
]  # fmt: skip


def flat_event(record: dict[str, Any]) -> dict[str, Any]:
    """One event record as a flat row (CSV, tables)."""
    ontology = load_ontology()
    row: dict[str, Any] = {key: record.get(key) for key in CSV_COLUMNS}
    for role in ("source", "target"):
        actor = record.get(role) or {}
        for key in ("text", "country", "sector", "code"):
            row[f"{role}_{key}"] = actor.get(key)
    cameo = ontology.get(record["cameo"])
    row["cameo_name"] = cameo.name if cameo else None
    row["plover_type"] = (record.get("plover") or {}).get("type")
    row["trigger"] = record["trigger"]["text"]
    return row


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> None:
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def write_csv(records: Iterable[dict[str, Any]], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for record in records:
        writer.writerow(flat_event(record))


def _actor_label(actor: dict[str, Any] | None) -> str:
    if not actor:
        return ""
    return f"{actor['code']} ({actor['text']})"


def event_table(records: list[dict[str, Any]], title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False, expand=False)
    for name in ("date", "source", "event", "target", "trigger", "doc"):
        table.add_column(name, overflow="fold")
    for record in records:
        row = flat_event(record)
        event = f"{record['cameo']} {row['cameo_name'] or ''}"
        if record["negated"]:
            event += " [negated]"
        if record["modality"] != "asserted":
            event += f" [{record['modality']}]"
        table.add_row(
            record["date"] or "",
            _actor_label(record.get("source")),
            event,
            _actor_label(record.get("target")),
            record["trigger"]["text"],
            record["doc_id"][:16],
        )
    return table


def write_table(records: list[dict[str, Any]], out: TextIO, title: str | None = None) -> None:
    console = Console(file=out, width=max(Console().width, 140))
    console.print(event_table(records, title))


# --- exports of a whole database: `tacitus export` ---

EXPORT_FORMATS = ("gdelt", "plover", "parquet", "csv", "jsonl")

GDELT_ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
    "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
GDELT_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{name}" for name in GDELT_ACTOR_FIELDS),
    *(f"Actor2{name}" for name in GDELT_ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{name}" for name in GDELT_GEO_FIELDS),
    *(f"Actor2Geo_{name}" for name in GDELT_GEO_FIELDS),
    *(f"ActionGeo_{name}" for name in GDELT_GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
]  # fmt: skip
LEAD_SENTENCES = 3
US_CODES = ("US", "USA")


def gdelt_event_id(event_id: str) -> int:
    """A positive 60-bit integer from the hexadecimal event id (GDELT ids are integers)."""
    try:
        return int(event_id[:15], 16)
    except ValueError:
        import hashlib

        return int(hashlib.sha1(event_id.encode()).hexdigest()[:15], 16)


def _day(row: dict[str, Any]) -> date | None:
    """The event's date for GDELT: the first day of an imprecise date; undated events take the publication day."""
    return first_day(row.get("date")) or first_day(row.get("doc_date"))


def _gdelt_actor(row: dict[str, Any], role: str) -> list[str]:
    code = row.get(f"{role}_code")
    if not code:
        return [""] * len(GDELT_ACTOR_FIELDS)
    country = row.get(f"{role}_country") or ""
    sector = row.get(f"{role}_sector") or ""
    known_group = code[len(sector) :] if not country and sector and code.startswith(sector) else ""
    name = (row.get(f"{role}_text") or "").upper()
    return [code, name, country, known_group, "", "", "", sector, "", ""]


def _gdelt_geo_type(location: dict[str, Any], us: bool) -> int:
    """GDELT's resolution: 1 country, 2 US state, 3 US city, 4 world city, 5 world first-level division."""
    precision = location.get("precision")
    if precision is None:  # records written before `precision` was stored
        precision = "city" if location.get("admin1") else "country"
    if precision == "country":
        return 1
    if precision == "admin1":
        return 2 if us else 5
    return 3 if us else 4


def _gdelt_geo(location: dict[str, Any] | None) -> list[str]:
    """A resolved location as GDELT's eight geography fields; country codes are FIPS 10-4, as in GDELT."""
    if not location or location.get("lat") is None:
        return [""] * len(GDELT_GEO_FIELDS)
    country = str(location.get("country") or "")
    fips = fips_codes().get(country.upper(), "")
    admin1 = str(location.get("admin1") or "")
    name = str(location.get("name") or location.get("text") or "")
    full_name = ", ".join(part for part in (name, admin1, country) if part)
    lat, lon = location.get("lat"), location.get("lon")
    return [
        str(_gdelt_geo_type(location, country.upper() in US_CODES)),
        full_name,
        fips,
        f"{fips}{admin1}" if fips and admin1 else fips,
        "",
        "" if lat is None else f"{float(lat):.4f}",
        "" if lon is None else f"{float(lon):.4f}",
        str(location.get("geonameid") or ""),
    ]


def _actor_location(row: dict[str, Any], role: str, location: dict[str, Any] | None) -> dict[str, Any] | None:
    """An actor's place: the event's, when the event happened in the actor's own country; else unknown."""
    country = row.get(f"{role}_country")
    if location and country and location.get("country") == country:
        return location
    return None


def gdelt_row(row: dict[str, Any]) -> list[str]:
    """One stored event (joined with its document) as the 61 GDELT 2.0 event table fields."""
    day = _day(row)
    if day:
        dates = [day.strftime("%Y%m%d"), day.strftime("%Y%m"), f"{day.year:04d}"]
        dates.append(f"{day.year + (day.month * 30 + day.day) / 365:.4f}")
    else:
        dates = ["", "", "", ""]
    cameo = row["cameo"]
    location = json.loads(row["location"]) if row.get("location") else None
    coded_at = row.get("doc_coded_at")
    return [
        str(gdelt_event_id(row["event_id"])),
        *dates,
        *_gdelt_actor(row, "source"),
        *_gdelt_actor(row, "target"),
        "1" if (row.get("sentence") or 0) < LEAD_SENTENCES else "0",
        cameo,
        cameo[:3],
        row["cameo_root"],
        str(row["quad_class"]),
        f"{row['goldstein']:.1f}",
        # without merged events in the database, each event is one mention in one article
        str(row.get("num_mentions") or 1),
        str(row.get("num_sources") or 1),
        str(row.get("num_articles") or 1),
        "",
        *_gdelt_geo(_actor_location(row, "source", location)),
        *_gdelt_geo(_actor_location(row, "target", location)),
        *_gdelt_geo(location),
        coded_at.strftime("%Y%m%d%H%M%S") if coded_at else "",
        row.get("doc_url") or row.get("doc_origin") or "",
    ]


def write_gdelt(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """GDELT 2.0 event table: tab-separated, no header, columns in GDELT_COLUMNS order."""
    count = 0
    for row in rows:
        fields = [value.replace("\t", " ").replace("\n", " ") for value in gdelt_row(row)]
        out.write("\t".join(fields) + "\n")
        count += 1
    return count


def _sectors(sector: str | None) -> list[str]:
    return [sector] if sector else []


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One stored event as a PLOVER/POLECAT-style record."""
    location = json.loads(row["location"]) if row.get("location") else None
    contexts = [c.strip() for c in (row.get("plover_context") or "").split(",") if c.strip()]
    return {
        "event_id": row["event_id"],
        "event_date": row.get("date"),
        "event_type": row.get("plover_type"),
        "event_mode": row.get("plover_mode"),
        "contexts": contexts,
        "actor_name": row.get("source_text"),
        "actor_code": row.get("source_code"),
        "actor_country": row.get("source_country"),
        "actor_sectors": _sectors(row.get("source_sector")),
        "recipient_name": row.get("target_text"),
        "recipient_code": row.get("target_code"),
        "recipient_country": row.get("target_country"),
        "recipient_sectors": _sectors(row.get("target_sector")),
        "place_name": location.get("name") if location else None,
        "place_country": location.get("country") if location else None,
        "place_admin1": location.get("admin1") if location else None,
        "latitude": location.get("lat") if location else None,
        "longitude": location.get("lon") if location else None,
        "geonameid": location.get("geonameid") if location else None,
        "cameo": row["cameo"],
        "goldstein": row["goldstein"],
        "quad_class": row["quad_class"],
        "negated": row["negated"],
        "modality": row["modality"],
        "trigger": row["trigger_text"],
        "event_text": row["evidence"],
        "story_id": row["doc_id"],
        "publication_date": row.get("doc_date"),
        "source_url": row.get("doc_url"),
    }


def write_plover(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """A JSON array of PLOVER/POLECAT-style records, one per line inside the array."""
    count = 0
    out.write("[")
    for row in rows:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(plover_record(row), ensure_ascii=False, default=str))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def export_database(db: Path, fmt: str, out: Path | None, query: EventQuery | None = None) -> int:
    """Write the selected events of database `db` to `out` (None: standard output) as `fmt`; returns the count."""
    from tacitus.store.rows import event_record
    from tacitus.web import export_queries, queries

    if fmt not in EXPORT_FORMATS:
        raise TacitusError(Errors.E140, name="--format", value=fmt, reason="use one of " + ", ".join(EXPORT_FORMATS))
    if fmt == "parquet" and out is None:
        raise TacitusError(Errors.E140, name="--out", value="-", reason="Parquet needs a file; give --out FILE")
    query = query or queries.EventQuery()
    with queries.read_only(db) as con:
        try:
            if fmt == "parquet":
                assert out is not None
                return _write_parquet(export_queries.export_relation(con, query), out)
            if fmt == "gdelt" and export_queries.has_merged_events(con):
                cursor = export_queries.merged_export_cursor(con, query)
            else:
                cursor = export_queries.export_cursor(con, query)
            stream = sys.stdout if out is None else open(out, "w", encoding="utf-8", newline="")  # noqa: SIM115
            try:
                rows = export_queries.iter_rows(cursor)
                if fmt == "gdelt":
                    return write_gdelt(rows, stream)
                if fmt == "plover":
                    return write_plover(rows, stream)
                records = (event_record(row) for row in rows)
                counted = _Counter(records)
                if fmt == "csv":
                    write_csv(counted, stream)
                else:
                    write_jsonl(counted, stream)
                return counted.count
            finally:
                if stream is not sys.stdout:
                    stream.close()
        except OSError as exc:
            raise TacitusError(Errors.E146, path=out, reason=exc.strerror or str(exc)) from exc


class _Counter:
    def __init__(self, items: Iterable[dict[str, Any]]) -> None:
        self.items = items
        self.count = 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for item in self.items:
            self.count += 1
            yield item


def _write_parquet(relation: Any, out: Path) -> int:
    import pyarrow.parquet as pq

    reader = relation.to_arrow_reader(100_000)
    count = 0
    with pq.ParquetWriter(str(out), reader.schema, compression="zstd") as writer:
        for batch in reader:
            writer.write_batch(batch)
            count += batch.num_rows
    return count
