-- One row per article with the fields every mart shares: a publication date that is never null,
-- a best-known outlet, the canonical flags, source counts and the article's extraction state.
with articles as (
    select * from {{ ref('stg_articles') }}
),

sources as (
    select
        article_id,
        count(*) as source_count,
        count(distinct source_path) as source_files,
        arg_min(outlet, ingested_at) filter (where outlet is not null) as first_source_outlet,
        arg_min(url, ingested_at) filter (where url is not null) as first_source_url
    from {{ ref('stg_article_sources') }}
    group by article_id
),

extractions as (
    select * from {{ ref('stg_article_extractions') }}
),

resolved as (
    select
        a.*,
        coalesce(a.url, s.first_source_url) as best_url,
        coalesce(s.source_count, 0) as source_count,
        coalesce(s.source_files, 0) as source_files,
        s.first_source_outlet,
        x.extractor_version,
        x.extraction_status,
        x.extraction_reason,
        x.extracted_at
    from articles as a
    left join sources as s using (article_id)
    left join extractions as x using (article_id)
),

with_outlet as (
    select
        *,
        -- Outlet as ingestion saw it, else as a source named it, else the URL's host.
        coalesce(
            outlet,
            first_source_outlet,
            nullif(regexp_extract(lower(best_url), '^[a-z][a-z0-9+.-]*://(?:www\.)?([^/:?#]+)', 1), ''),
            'unknown'
        ) as resolved_outlet
    from resolved
)

select
    a.article_id,
    a.title,
    a.text,
    a.text_length,
    a.resolved_outlet as outlet,
    a.best_url as url,
    a.author,
    coalesce(a.published_date, cast(a.ingested_at as date)) as published_date,
    a.published_date is null as published_date_estimated,
    a.published_source,
    a.language,
    a.skip_reason,
    a.word_count,
    a.duplicate_of,
    a.similarity,
    coalesce(a.duplicate_of, a.article_id) as canonical_article_id,
    a.duplicate_of is null as is_canonical,
    -- Per-outlet counts keep an outlet's own reprint of another outlet's story, but not the
    -- outlet's second copy of its own story.
    (a.duplicate_of is null or c.resolved_outlet is distinct from a.resolved_outlet) as is_outlet_canonical,
    a.source_count,
    a.source_files,
    a.ingested_at,
    a.extractor_version,
    a.extraction_status,
    a.extraction_reason,
    a.extracted_at,
    -- Latest change to the article row or its extraction: drives incremental marts.
    greatest(a.ingested_at, a.extracted_at) as changed_at
from with_outlet as a
left join with_outlet as c on c.article_id = a.duplicate_of
