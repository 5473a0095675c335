"""Table definitions of the DuckDB store."""

SCHEMA_VERSION = 1

ACTOR_COLUMNS = ("text", "country", "sector", "code", "start", "end", "entry")

TABLES = {
    "meta": """
        CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)
    """,
    "documents": """
        CREATE TABLE IF NOT EXISTS documents (
            doc_id VARCHAR PRIMARY KEY,
            origin VARCHAR,
            fmt VARCHAR,
            title VARCHAR,
            date VARCHAR,
            date_ambiguous BOOLEAN,
            date_text VARCHAR,
            url VARCHAR,
            source VARCHAR,
            raw_text VARCHAR,
            clean_text VARCHAR,
            content_hash VARCHAR,
            model VARCHAR,
            coded_at TIMESTAMP
        )
    """,
    "sentences": """
        CREATE TABLE IF NOT EXISTS sentences (
            doc_id VARCHAR,
            sentence INTEGER,
            start_char INTEGER,
            end_char INTEGER,
            text VARCHAR,
            PRIMARY KEY (doc_id, sentence)
        )
    """,
    "events": """
        CREATE TABLE IF NOT EXISTS events (
            event_id VARCHAR PRIMARY KEY,
            doc_id VARCHAR,
            sentence INTEGER,
            date VARCHAR,
            date_precision VARCHAR,
            date_text VARCHAR,
            source_text VARCHAR, source_country VARCHAR, source_sector VARCHAR, source_code VARCHAR,
            source_start INTEGER, source_end INTEGER, source_entry VARCHAR,
            target_text VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_code VARCHAR,
            target_start INTEGER, target_end INTEGER, target_entry VARCHAR,
            cameo VARCHAR,
            cameo_root VARCHAR,
            quad_class INTEGER,
            goldstein DOUBLE,
            plover_type VARCHAR, plover_mode VARCHAR, plover_context VARCHAR,
            trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
            location VARCHAR,
            negated BOOLEAN,
            modality VARCHAR,
            evidence VARCHAR,
            entry VARCHAR
        )
    """,
    "quotes": """
        CREATE TABLE IF NOT EXISTS quotes (
            quote_id VARCHAR PRIMARY KEY,
            doc_id VARCHAR,
            text VARCHAR,
            start_char INTEGER,
            end_char INTEGER,
            kind VARCHAR,
            speaker_text VARCHAR, speaker_country VARCHAR, speaker_sector VARCHAR, speaker_code VARCHAR,
            speaker_start INTEGER, speaker_end INTEGER, speaker_entry VARCHAR,
            cue_text VARCHAR, cue_start INTEGER, cue_end INTEGER
        )
    """,
}
