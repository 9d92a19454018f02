-- One row per article: metadata, canonical flags, extraction state and what was extracted from it.
with articles as (
    select * from {{ ref('int_articles_canonical') }}
),

mentions as (
    select article_id, count(*) as mention_count, count(distinct actor_id) as actor_count
    from {{ ref('stg_actor_mentions') }}
    group by article_id
),

quotes as (
    select article_id, count(*) as quote_count
    from {{ ref('stg_quotes') }}
    group by article_id
),

events as (
    select article_id, count(*) as event_count
    from {{ ref('stg_events') }}
    group by article_id
)

select
    cast(a.article_id as varchar) as article_id,
    cast(a.title as varchar) as title,
    cast(a.outlet as varchar) as outlet,
    cast(a.url as varchar) as url,
    cast(a.author as varchar) as author,
    cast(a.published_date as date) as published_date,
    cast(a.published_source as varchar) as published_source,
    cast(a.language as varchar) as language,
    cast(a.word_count as integer) as word_count,
    cast(a.duplicate_of as varchar) as duplicate_of,
    cast(a.similarity as double) as similarity,
    cast(a.is_canonical as boolean) as is_canonical,
    cast(a.source_count as bigint) as source_count,
    cast(a.ingested_at as timestamp) as ingested_at,
    cast(a.extractor_version as varchar) as extractor_version,
    cast(a.extraction_status as varchar) as extraction_status,
    cast(coalesce(m.mention_count, 0) as bigint) as mention_count,
    cast(coalesce(q.quote_count, 0) as bigint) as quote_count,
    cast(coalesce(e.event_count, 0) as bigint) as event_count,
    cast(a.canonical_article_id as varchar) as canonical_article_id,
    cast(a.is_outlet_canonical as boolean) as is_outlet_canonical,
    cast(a.published_date_estimated as boolean) as published_date_estimated,
    cast(a.skip_reason as varchar) as skip_reason,
    cast(a.extraction_reason as varchar) as extraction_reason,
    cast(a.extracted_at as timestamp) as extracted_at,
    cast(a.text_length as bigint) as text_length,
    cast(coalesce(m.actor_count, 0) as bigint) as actor_count
from articles as a
left join mentions as m using (article_id)
left join quotes as q using (article_id)
left join events as e using (article_id)
