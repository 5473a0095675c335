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
            date_start VARCHAR,
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
            entry VARCHAR,
            quote_id VARCHAR
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

# Duplicates: every article that carried a stored text (the document itself and its exact
# duplicates), MinHash signatures and LSH band keys of stored texts, and the near-duplicate
# cluster of every document (named by its smallest doc_id).
TABLES |= {
    "document_sightings": """
        CREATE TABLE IF NOT EXISTS document_sightings (
            seen_id VARCHAR,
            origin VARCHAR,
            doc_id VARCHAR,
            url VARCHAR,
            source VARCHAR,
            title VARCHAR,
            date VARCHAR,
            PRIMARY KEY (seen_id, origin)
        )
    """,
    "document_minhash": """
        CREATE TABLE IF NOT EXISTS document_minhash (doc_id VARCHAR PRIMARY KEY, minhash UINTEGER[128])
    """,
    "document_bands": """
        CREATE TABLE IF NOT EXISTS document_bands (band SMALLINT, bucket BIGINT, doc_id VARCHAR)
    """,
    "document_clusters": """
        CREATE TABLE IF NOT EXISTS document_clusters (doc_id VARCHAR PRIMARY KEY, cluster_id VARCHAR)
    """,
}

INDEXES = {
    "documents_by_hash": "CREATE INDEX IF NOT EXISTS documents_by_hash ON documents (content_hash)",
    "sightings_by_doc": "CREATE INDEX IF NOT EXISTS sightings_by_doc ON document_sightings (doc_id)",
    "clusters_by_cluster": "CREATE INDEX IF NOT EXISTS clusters_by_cluster ON document_clusters (cluster_id)",
}

# Merged events (docs/scaling.md, "Duplicates"): each event mention belongs to one group.
# Mentions with both actors and a day-precise date merge across all documents on
# (source, target, CAMEO code, date, negation, modality); the others merge only within
# their near-duplicate cluster. A date taken from publication ("reported") counts as the
# cluster's first publication date, so a story republished a day later stays one event.
VIEWS = {
    "event_groups": """
        CREATE OR REPLACE VIEW event_groups AS
        WITH cluster_dates AS (
            SELECT c.cluster_id, coalesce(min(d.date) FILTER (WHERE length(d.date) = 10), min(d.date)) AS first_date
            FROM document_clusters AS c JOIN documents AS d USING (doc_id)
            GROUP BY c.cluster_id
        ), mentions AS (
            SELECT e.event_id, e.doc_id, coalesce(c.cluster_id, e.doc_id) AS cluster_id,
                CASE WHEN e.date_precision = 'reported' THEN coalesce(cd.first_date, e.date) ELSE e.date END
                    AS happened,
                e.source_code, e.target_code, e.cameo, e.negated, e.modality
            FROM events AS e
            LEFT JOIN document_clusters AS c ON c.doc_id = e.doc_id
            LEFT JOIN cluster_dates AS cd ON cd.cluster_id = c.cluster_id
        )
        SELECT event_id, doc_id, cluster_id, happened,
            md5(CASE
                WHEN source_code IS NOT NULL AND target_code IS NOT NULL AND length(happened) = 10
                THEN concat_ws('|', 'dyad', source_code, target_code, cameo, happened, negated, modality)
                ELSE concat_ws('|', 'cluster', cluster_id, coalesce(source_code, '-'), coalesce(target_code, '-'),
                               cameo, coalesce(happened, '-'), negated, modality)
            END) AS group_id
        FROM mentions
    """,
    "merged_events": """
        CREATE OR REPLACE VIEW merged_events AS
        WITH counted AS (
            SELECT g.group_id,
                min(g.event_id) AS event_id,
                min(g.happened) AS date,
                count(*) AS num_mentions,
                count(DISTINCT coalesce(s.seen_id || chr(31) || s.origin, g.doc_id)) AS num_articles,
                count(DISTINCT coalesce(s.source, regexp_extract(s.url, '^[A-Za-z][A-Za-z0-9+.-]*://([^/?#]+)', 1), ''))
                    AS num_sources,
                count(DISTINCT g.doc_id) AS num_documents,
                count(DISTINCT g.cluster_id) AS num_clusters,
                array_sort(list(DISTINCT g.event_id)) AS event_ids
            FROM event_groups AS g
            LEFT JOIN document_sightings AS s ON s.doc_id = g.doc_id
            GROUP BY g.group_id
        )
        SELECT c.group_id, c.event_id, c.date,
            e.source_text, e.source_country, e.source_sector, e.source_code,
            e.target_text, e.target_country, e.target_sector, e.target_code,
            e.cameo, e.cameo_root, e.quad_class, e.goldstein, e.plover_type, e.negated, e.modality,
            c.num_mentions, c.num_articles, c.num_sources, c.num_documents, c.num_clusters, c.event_ids
        FROM counted AS c JOIN events AS e ON e.event_id = c.event_id
    """,
}

# Columns added after a table was first released: (table, column, type), added to older files on open.
ADDED_COLUMNS = [("events", "quote_id", "VARCHAR"), ("events", "date_start", "VARCHAR")]
# Headlines (docs/formats.md): events and quotes read from the title, offsets relative to it.
ADDED_COLUMNS += [
    ("events", "headline", "BOOLEAN DEFAULT false"),
    ("events", "in_headline", "BOOLEAN DEFAULT false"),
    ("quotes", "headline", "BOOLEAN DEFAULT false"),
]

# People documents taught (title and nationality named with them), one row per document and name.
TABLES |= {
    "learned_actors": """
        CREATE TABLE IF NOT EXISTS learned_actors (
            doc_id VARCHAR,
            date VARCHAR,
            name VARCHAR,
            country VARCHAR,
            sector VARCHAR,
            code VARCHAR,
            title VARCHAR,
            evidence VARCHAR,
            start_char INTEGER,
            end_char INTEGER
        )
    """,
}
