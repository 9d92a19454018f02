-- The warehouse's raw and extracted tables: the contract between ingestion, extraction and dbt.
-- Every statement is idempotent; pipelines.warehouse.schema.ensure_schema runs them in order.

CREATE SCHEMA IF NOT EXISTS raw;
CREATE SCHEMA IF NOT EXISTS nlp;

-- One row per distinct article body (article_id = hash of the normalised body).
CREATE TABLE IF NOT EXISTS raw.articles (
    article_id        VARCHAR PRIMARY KEY,
    title             VARCHAR,
    text              VARCHAR NOT NULL,      -- the article body after boilerplate is cut
    outlet            VARCHAR,
    url               VARCHAR,
    author            VARCHAR,
    published         DATE,
    published_source  VARCHAR,               -- metadata | page | url | none
    language          VARCHAR,
    skip_reason       VARCHAR,               -- why extraction skips it (e.g. not English), else NULL
    word_count        INTEGER NOT NULL,
    boilerplate_chars INTEGER NOT NULL,      -- characters cut as boilerplate
    duplicate_of      VARCHAR,               -- canonical article for near-duplicates, else NULL
    similarity        DOUBLE,                -- similarity to duplicate_of
    ingested_at       TIMESTAMP NOT NULL
);

-- Every place an article was seen: the same body from two files is one article, two sources.
CREATE TABLE IF NOT EXISTS raw.article_sources (
    source_key   VARCHAR PRIMARY KEY,        -- hash(source_path, line, article_id)
    article_id   VARCHAR NOT NULL,
    source_path  VARCHAR NOT NULL,
    source_line  INTEGER,                    -- line number in JSONL, else NULL
    source_kind  VARCHAR NOT NULL,           -- txt | json | jsonl | html | feed | sample
    file_sha256  VARCHAR NOT NULL,
    outlet       VARCHAR,
    url          VARCHAR,
    ingested_at  TIMESTAMP NOT NULL
);

-- Every input that could not become an article, with the reason. Nothing is dropped silently.
CREATE TABLE IF NOT EXISTS raw.rejected_inputs (
    rejection_id VARCHAR PRIMARY KEY,        -- hash(source_path, line, file_sha256, reason)
    source_path  VARCHAR NOT NULL,
    source_line  INTEGER,
    file_sha256  VARCHAR,
    reason       VARCHAR NOT NULL,           -- short code: empty, binary, too_large, bad_json, ...
    detail       VARCHAR,
    rejected_at  TIMESTAMP NOT NULL
);

-- Files already read, by content hash: an unchanged file is not read twice.
CREATE TABLE IF NOT EXISTS raw.ingested_files (
    source_path  VARCHAR NOT NULL,
    file_sha256  VARCHAR NOT NULL,
    size_bytes   BIGINT NOT NULL,
    articles     INTEGER NOT NULL,
    rejected     INTEGER NOT NULL,
    ingested_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (source_path, file_sha256)
);

-- One row per extraction pass.
CREATE TABLE IF NOT EXISTS nlp.extraction_runs (
    run_id            VARCHAR PRIMARY KEY,
    extractor_version VARCHAR NOT NULL,
    spacy_model       VARCHAR NOT NULL,
    started_at        TIMESTAMP NOT NULL,
    finished_at       TIMESTAMP,
    articles          INTEGER,
    skipped           INTEGER,
    mentions          INTEGER,
    quotes            INTEGER,
    events            INTEGER,
    words             BIGINT,
    status            VARCHAR NOT NULL        -- running | succeeded | failed
);

-- Which version extracted which article: the work list for re-extraction.
CREATE TABLE IF NOT EXISTS nlp.article_extractions (
    article_id        VARCHAR PRIMARY KEY,
    extractor_version VARCHAR NOT NULL,
    run_id            VARCHAR NOT NULL,
    status            VARCHAR NOT NULL,      -- extracted | skipped | failed
    reason            VARCHAR,
    extracted_at      TIMESTAMP NOT NULL
);

-- Canonical actors across articles (actor_id = hash of the canonical key), coded by the
-- majority of the articles that mention them (see writer.recode_actors).
CREATE TABLE IF NOT EXISTS nlp.actors (
    actor_id          VARCHAR PRIMARY KEY,
    canonical_key     VARCHAR NOT NULL,      -- e.g. person:emmanuel macron, country:FRA
    name              VARCHAR NOT NULL,
    kind              VARCHAR NOT NULL,      -- person | organization | country | group
    country           VARCHAR,               -- ISO 3166 alpha-3, IGO, WST
    sector            VARCHAR,               -- GOV, MIL, IGO, NGO, MED, BUS, OPP, REB, ...
    title             VARCHAR,
    extractor_version VARCHAR NOT NULL,
    updated_at        TIMESTAMP NOT NULL
);

-- How each article coded each actor it mentions. nlp.actors is recomputed from these rows
-- (majority over articles), so an actor's coding never depends on the order or batching of
-- extraction; the per-article rows keep coding that changes over time (a minister who left office).
CREATE TABLE IF NOT EXISTS nlp.article_actors (
    article_id        VARCHAR NOT NULL,
    actor_id          VARCHAR NOT NULL,
    canonical_key     VARCHAR NOT NULL,
    name              VARCHAR NOT NULL,
    kind              VARCHAR NOT NULL,
    country           VARCHAR,
    sector            VARCHAR,
    title             VARCHAR,
    extractor_version VARCHAR NOT NULL,
    PRIMARY KEY (article_id, actor_id)
);

CREATE TABLE IF NOT EXISTS nlp.actor_aliases (
    actor_id  VARCHAR NOT NULL,
    alias     VARCHAR NOT NULL,
    mentions  INTEGER NOT NULL,
    PRIMARY KEY (actor_id, alias)
);

CREATE TABLE IF NOT EXISTS nlp.actor_mentions (
    mention_id        VARCHAR PRIMARY KEY,   -- hash(article_id, start, end, 'mention')
    article_id        VARCHAR NOT NULL,
    actor_id          VARCHAR NOT NULL,
    start_char        INTEGER NOT NULL,
    end_char          INTEGER NOT NULL,
    surface           VARCHAR NOT NULL,
    mention_kind      VARCHAR NOT NULL,      -- name | title | pronoun | demonym
    sentence_index    INTEGER NOT NULL,
    sentence_start    INTEGER NOT NULL,
    sentence_end      INTEGER NOT NULL,
    extractor_version VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS nlp.quotes (
    quote_id              VARCHAR PRIMARY KEY,  -- hash(article_id, start, end, 'quote')
    article_id            VARCHAR NOT NULL,
    start_char            INTEGER NOT NULL,
    end_char              INTEGER NOT NULL,
    text                  VARCHAR NOT NULL,
    kind                  VARCHAR NOT NULL,     -- direct | mixed | indirect
    cue                   VARCHAR,
    speaker_actor_id      VARCHAR,
    speaker_name          VARCHAR,
    speaker_kind          VARCHAR,              -- named | pronoun | anonymous | unknown
    speaker_start         INTEGER,
    speaker_end           INTEGER,
    anonymous_description VARCHAR,
    speaker_country       VARCHAR,
    speaker_sector        VARCHAR,
    fingerprint           VARCHAR NOT NULL,
    extractor_version     VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS nlp.events (
    event_id          VARCHAR PRIMARY KEY,   -- hash(article_id, start, end, type, 'event')
    article_id        VARCHAR NOT NULL,
    start_char        INTEGER NOT NULL,      -- evidence span
    end_char          INTEGER NOT NULL,
    evidence          VARCHAR NOT NULL,
    sentence_start    INTEGER NOT NULL,
    sentence_end      INTEGER NOT NULL,
    event_type        VARCHAR NOT NULL,      -- PLOVER 2.0 type
    mode              VARCHAR,
    score             DOUBLE,                -- PLOVER conflict–cooperation score (-10 .. +10)
    source_actor_id   VARCHAR,
    source_name       VARCHAR,
    target_actor_id   VARCHAR,
    target_name       VARCHAR,
    modality          VARCHAR NOT NULL,      -- asserted | negated | future | hypothetical
    event_count       INTEGER,
    event_date        DATE,
    date_granularity  VARCHAR,               -- day | month | year | NULL when unresolved
    date_text         VARCHAR,
    date_flag         VARCHAR,               -- unresolved | from_text | ...
    location_name     VARCHAR,
    location_country  VARCHAR,
    latitude          DOUBLE,
    longitude         DOUBLE,
    fingerprint       VARCHAR NOT NULL,      -- hash(source, type, target, date)
    extractor_version VARCHAR NOT NULL
);

-- MinHash LSH bands of each article body: near-duplicate candidates across runs without
-- loading every stored text (see pipelines/ingest/dedupe.py).
CREATE TABLE IF NOT EXISTS raw.article_signatures (
    article_id VARCHAR NOT NULL,
    band       INTEGER NOT NULL,
    band_hash  UBIGINT NOT NULL,
    PRIMARY KEY (article_id, band)
);
