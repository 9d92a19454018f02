-- A stand-in for the dbt marts, for dashboard tests only: the same schema, table names and
-- columns as the marts contract, derived from the raw.* / nlp.* rows a test wrote.
CREATE SCHEMA IF NOT EXISTS marts;

CREATE OR REPLACE TABLE marts.dim_articles AS
SELECT
    a.article_id, a.title, a.outlet, a.url, a.author,
    a.published AS published_date, a.published_source, a.language, a.word_count,
    a.duplicate_of, a.similarity, a.duplicate_of IS NULL AS is_canonical,
    (SELECT count(*) FROM raw.article_sources s WHERE s.article_id = a.article_id) AS source_count,
    a.ingested_at, x.extractor_version, x.status AS extraction_status,
    (SELECT count(*) FROM nlp.actor_mentions m WHERE m.article_id = a.article_id) AS mention_count,
    (SELECT count(*) FROM nlp.quotes q WHERE q.article_id = a.article_id) AS quote_count,
    (SELECT count(*) FROM nlp.events e WHERE e.article_id = a.article_id) AS event_count
FROM raw.articles a
LEFT JOIN nlp.article_extractions x ON x.article_id = a.article_id;

CREATE OR REPLACE TABLE marts.dim_actors AS
WITH seen AS (
    SELECT m.actor_id, count(*) AS mention_count, count(DISTINCT m.article_id) AS article_count,
           min(a.published_date) AS first_seen, max(a.published_date) AS last_seen
    FROM nlp.actor_mentions m JOIN marts.dim_articles a ON a.article_id = m.article_id
    GROUP BY m.actor_id
),
said AS (
    SELECT speaker_actor_id AS actor_id, count(*) AS quote_count FROM nlp.quotes
    WHERE speaker_actor_id IS NOT NULL GROUP BY 1
),
aliases AS (
    SELECT actor_id, string_agg(alias, '; ' ORDER BY mentions DESC, alias) AS aliases, count(*) AS alias_count
    FROM nlp.actor_aliases GROUP BY 1
)
SELECT t.actor_id, t.name, t.kind, t.country, t.sector, t.title,
       aliases.aliases, coalesce(aliases.alias_count, 0) AS alias_count,
       coalesce(seen.mention_count, 0) AS mention_count, coalesce(seen.article_count, 0) AS article_count,
       coalesce(said.quote_count, 0) AS quote_count, seen.first_seen, seen.last_seen,
       CAST(NULL AS VARCHAR) AS same_as_actor_id  -- no one-word person in the fixture corpus
FROM nlp.actors t
LEFT JOIN seen USING (actor_id) LEFT JOIN said USING (actor_id) LEFT JOIN aliases USING (actor_id);

CREATE OR REPLACE TABLE marts.fct_actor_mentions_daily AS
SELECT a.published_date AS day, m.actor_id, d.name AS actor_name, d.country, d.sector,
       count(*) AS mentions, count(DISTINCT m.article_id) AS articles
FROM nlp.actor_mentions m
JOIN marts.dim_articles a ON a.article_id = m.article_id
JOIN marts.dim_actors d ON d.actor_id = m.actor_id
WHERE a.is_canonical
GROUP BY ALL;

CREATE OR REPLACE TABLE marts.fct_actor_mentions_rollup AS
SELECT a.published_date, a.outlet, a.is_canonical, m.actor_id,
       count(*) AS mentions, count(DISTINCT m.article_id) AS articles
FROM nlp.actor_mentions m
JOIN marts.dim_articles a ON a.article_id = m.article_id
GROUP BY ALL;

CREATE OR REPLACE TABLE marts.fct_quotes AS
SELECT q.quote_id, q.article_id, a.published_date, a.outlet, a.title, q.text, q.kind, q.cue,
       q.speaker_actor_id, q.speaker_name, coalesce(q.speaker_kind, 'unknown') AS speaker_kind,
       coalesce(q.speaker_kind = 'anonymous', FALSE) AS is_anonymous, q.anonymous_description,
       q.speaker_country, q.speaker_sector, q.fingerprint,
       count(DISTINCT q.article_id) OVER (PARTITION BY q.fingerprint) AS articles_carrying,
       q.start_char, q.end_char, a.is_canonical
FROM nlp.quotes q JOIN marts.dim_articles a ON a.article_id = q.article_id;

CREATE OR REPLACE TABLE marts.fct_actor_quotes AS
SELECT t.actor_id, CASE WHEN q.speaker_actor_id = t.actor_id THEN 'speaker' ELSE 'mentioned' END AS role,
       q.quote_id, q.article_id, q.published_date, q.outlet, q.is_canonical, q.title, q.text, q.kind, q.cue,
       q.speaker_name, q.speaker_kind, q.anonymous_description, q.start_char
FROM nlp.actors t JOIN marts.fct_quotes q
  ON q.speaker_actor_id = t.actor_id OR EXISTS (
      SELECT 1 FROM nlp.actor_mentions m
      WHERE m.article_id = q.article_id AND m.actor_id = t.actor_id
        AND m.start_char >= q.start_char AND m.end_char <= q.end_char);

CREATE OR REPLACE TABLE marts.fct_top_speakers AS
SELECT speaker_actor_id, any_value(speaker_name) AS speaker_name, any_value(speaker_country) AS country,
       any_value(speaker_sector) AS sector, count(*) AS quotes, count(DISTINCT article_id) AS articles,
       min(published_date) AS first_quoted, max(published_date) AS last_quoted
FROM marts.fct_quotes WHERE speaker_actor_id IS NOT NULL GROUP BY speaker_actor_id;

CREATE OR REPLACE TABLE marts.fct_events AS
SELECT e.event_id, e.article_id, a.published_date, a.outlet, e.event_type, e.mode, e.score, e.modality,
       e.event_count, e.source_actor_id, e.source_name, s.country AS source_country,
       e.target_actor_id, e.target_name, t.country AS target_country,
       e.event_date, e.date_granularity, e.date_flag, e.location_name, e.location_country,
       e.latitude, e.longitude, e.evidence, e.start_char, e.end_char, e.fingerprint,
       row_number() OVER (PARTITION BY e.fingerprint ORDER BY a.published_date, e.article_id) = 1 AS is_first_report,
       a.is_canonical
FROM nlp.events e
JOIN marts.dim_articles a ON a.article_id = e.article_id
LEFT JOIN nlp.actors s ON s.actor_id = e.source_actor_id
LEFT JOIN nlp.actors t ON t.actor_id = e.target_actor_id;

CREATE OR REPLACE TABLE marts.fct_actor_events AS
SELECT t.actor_id, CASE WHEN e.source_actor_id = t.actor_id THEN 'as source' ELSE 'as target' END AS role,
       e.event_id, e.article_id, e.published_date, e.outlet, e.is_canonical, e.event_type, e.mode, e.score,
       e.modality, e.source_name, e.target_name, e.event_date, e.location_name, e.evidence, e.start_char
FROM nlp.actors t JOIN marts.fct_events e ON t.actor_id IN (e.source_actor_id, e.target_actor_id);

CREATE OR REPLACE TABLE marts.fct_event_types_daily AS
SELECT coalesce(event_date, published_date) AS day, event_type, count(*) AS events,
       count(DISTINCT fingerprint) AS distinct_events, avg(score) AS mean_score
FROM marts.fct_events GROUP BY ALL;

CREATE OR REPLACE TABLE marts.fct_dyads_daily AS
SELECT coalesce(event_date, published_date) AS day, source_actor_id, any_value(source_name) AS source_name,
       target_actor_id, any_value(target_name) AS target_name, count(*) AS events,
       sum(score) AS score_sum, avg(score) AS score_mean,
       count(*) FILTER (WHERE event_type = 'AGREE') AS n_agree,
       count(*) FILTER (WHERE event_type = 'CONSULT') AS n_consult,
       count(*) FILTER (WHERE event_type = 'SUPPORT') AS n_support,
       count(*) FILTER (WHERE event_type = 'CONCEDE') AS n_concede,
       count(*) FILTER (WHERE event_type = 'COOPERATE') AS n_cooperate,
       count(*) FILTER (WHERE event_type = 'AID') AS n_aid,
       count(*) FILTER (WHERE event_type = 'RETREAT') AS n_retreat,
       count(*) FILTER (WHERE event_type = 'REQUEST') AS n_request,
       count(*) FILTER (WHERE event_type = 'ACCUSE') AS n_accuse,
       count(*) FILTER (WHERE event_type = 'REJECT') AS n_reject,
       count(*) FILTER (WHERE event_type = 'THREATEN') AS n_threaten,
       count(*) FILTER (WHERE event_type = 'PROTEST') AS n_protest,
       count(*) FILTER (WHERE event_type = 'SANCTION') AS n_sanction,
       count(*) FILTER (WHERE event_type = 'MOBILIZE') AS n_mobilize,
       count(*) FILTER (WHERE event_type = 'COERCE') AS n_coerce,
       count(*) FILTER (WHERE event_type = 'ASSAULT') AS n_assault
FROM marts.fct_events
WHERE source_actor_id IS NOT NULL AND target_actor_id IS NOT NULL
GROUP BY coalesce(event_date, published_date), source_actor_id, target_actor_id;

CREATE OR REPLACE TABLE marts.fct_actor_cooccurrence AS
WITH sentence_actors AS (
    SELECT DISTINCT m.article_id, m.actor_id, m.sentence_index
    FROM nlp.actor_mentions m JOIN marts.dim_articles a ON a.article_id = m.article_id
    WHERE a.is_canonical
),
article_pairs AS (
    SELECT DISTINCT x.article_id, x.actor_id AS actor_a_id, y.actor_id AS actor_b_id
    FROM sentence_actors x JOIN sentence_actors y ON x.article_id = y.article_id AND x.actor_id < y.actor_id
),
sentence_pairs AS (
    SELECT x.actor_id AS actor_a_id, y.actor_id AS actor_b_id, count(*) AS sentences
    FROM sentence_actors x JOIN sentence_actors y
      ON x.article_id = y.article_id AND x.sentence_index = y.sentence_index AND x.actor_id < y.actor_id
    GROUP BY ALL
)
SELECT p.actor_a_id, a.name AS actor_a_name, p.actor_b_id, b.name AS actor_b_name,
       count(DISTINCT p.article_id) AS articles, coalesce(any_value(s.sentences), 0) AS sentences
FROM article_pairs p
JOIN nlp.actors a ON a.actor_id = p.actor_a_id
JOIN nlp.actors b ON b.actor_id = p.actor_b_id
LEFT JOIN sentence_pairs s ON s.actor_a_id = p.actor_a_id AND s.actor_b_id = p.actor_b_id
GROUP BY p.actor_a_id, a.name, p.actor_b_id, b.name;

CREATE OR REPLACE TABLE marts.fct_outlet_sourcing AS
SELECT a.outlet, date_trunc('month', a.published_date)::DATE AS month,
       count(DISTINCT a.article_id) AS articles, count(q.quote_id) AS quotes,
       count(q.quote_id) / count(DISTINCT a.article_id) AS quotes_per_article,
       count(q.quote_id) FILTER (WHERE q.is_anonymous) AS anonymous_quotes,
       coalesce(count(q.quote_id) FILTER (WHERE q.is_anonymous) / nullif(count(q.quote_id), 0), 0) AS anonymous_share,
       count(q.quote_id) FILTER (WHERE q.speaker_actor_id IS NOT NULL) AS named_quotes
FROM marts.dim_articles a LEFT JOIN marts.fct_quotes q ON q.article_id = a.article_id
WHERE a.is_canonical
GROUP BY ALL;

CREATE OR REPLACE TABLE marts.fct_outlet_speaker_mix AS
WITH counted AS (
    SELECT outlet, date_trunc('month', published_date)::DATE AS month, speaker_country, speaker_sector,
           count(*) AS quotes
    FROM marts.fct_quotes GROUP BY ALL
)
SELECT *, quotes / sum(quotes) OVER (PARTITION BY outlet, month) AS share FROM counted;

CREATE OR REPLACE TABLE marts.fct_pipeline_status AS
SELECT
    (SELECT count(*) FROM marts.dim_articles) AS articles,
    (SELECT count(*) FROM marts.dim_articles WHERE is_canonical) AS canonical_articles,
    (SELECT count(*) FROM raw.rejected_inputs) AS rejected_inputs,
    (SELECT count(*) FROM marts.dim_actors) AS actors,
    (SELECT count(*) FROM nlp.actor_mentions) AS mentions,
    (SELECT count(*) FROM nlp.quotes) AS quotes,
    (SELECT count(*) FROM nlp.events) AS events,
    (SELECT max(published_date) FROM marts.dim_articles) AS newest_article_date,
    (SELECT max(ingested_at) FROM raw.articles) AS last_ingested_at,
    r.finished_at AS last_extraction_finished_at,
    r.status AS last_extraction_status,
    r.extractor_version
FROM (SELECT 1) AS one
LEFT JOIN (SELECT * FROM nlp.extraction_runs ORDER BY started_at DESC LIMIT 1) AS r ON TRUE;
