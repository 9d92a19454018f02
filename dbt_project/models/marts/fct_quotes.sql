-- One row per quote, with its article, speaker and how many articles carry the same quote.
-- The speaker is the actor it counts as (int_actor_identity: a linked one-word person is the
-- full-name person); extracted_speaker_actor_id keeps the id as extracted.
--
-- Incremental per article (delete+insert on article_id). Recomputed each build: articles ingested
-- or (re-)extracted since the last build, articles whose stored article fields or speaker
-- identity and attributes no longer match (ingest re-points duplicates in place; actors are
-- refined and one-word persons linked across articles), and every article sharing a fingerprint
-- with those, since their articles_carrying moves too. A full refresh gives the same rows.
-- depends_on: {{ ref('stg_quotes') }}
-- depends_on: {{ ref('stg_actors') }}
-- depends_on: {{ ref('int_actor_identity') }}
-- depends_on: {{ ref('stg_articles') }}
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='article_id',
    on_schema_change='append_new_columns',
    post_hook=[
        "{{ delete_rows_missing_upstream('quote_id', ref('stg_quotes')) }}",
        "{{ delete_rows_missing_upstream('article_id', ref('stg_articles')) }}",
    ],
) }}

with articles as (
    select * from {{ ref('int_articles_canonical') }}
),

{% if is_incremental() %}
changed_articles as (
    {{ articles_to_recompute(
        ['published_date', 'outlet', 'title', 'is_canonical', 'is_outlet_canonical'], ['speaker']
    ) }}
),
{% endif %}

{{ fingerprint_batch(ref('stg_quotes'), ref('int_quotes_enriched'), 'changed_articles') }},

carriers as (
    select
        q.fingerprint,
        count(distinct q.article_id) as articles_carrying,
        count(distinct a.outlet) as outlets_carrying
    from {{ ref('stg_quotes') }} as q
    inner join articles as a using (article_id)
    where q.fingerprint in (select fingerprint from batch)
    group by q.fingerprint
)

select
    cast(b.quote_id as varchar) as quote_id,
    cast(b.article_id as varchar) as article_id,
    cast(b.published_date as date) as published_date,
    cast(b.outlet as varchar) as outlet,
    cast(b.title as varchar) as title,
    cast(b.text as varchar) as text,
    cast(b.kind as varchar) as kind,
    cast(b.cue as varchar) as cue,
    cast(b.speaker_actor_id as varchar) as speaker_actor_id,
    cast(b.speaker_name as varchar) as speaker_name,
    cast(b.speaker_kind as varchar) as speaker_kind,
    cast(b.is_anonymous as boolean) as is_anonymous,
    cast(b.anonymous_description as varchar) as anonymous_description,
    cast(b.speaker_country as varchar) as speaker_country,
    cast(b.speaker_sector as varchar) as speaker_sector,
    cast(b.fingerprint as varchar) as fingerprint,
    cast(c.articles_carrying as bigint) as articles_carrying,
    cast(b.start_char as integer) as start_char,
    cast(b.end_char as integer) as end_char,
    cast(b.is_canonical as boolean) as is_canonical,
    cast(c.outlets_carrying as bigint) as outlets_carrying,
    cast(b.is_outlet_canonical as boolean) as is_outlet_canonical,
    cast(b.extractor_version as varchar) as extractor_version,
    cast(b.changed_at as timestamp) as changed_at,
    cast(b.extracted_speaker_actor_id as varchar) as extracted_speaker_actor_id
from batch as b
inner join carriers as c using (fingerprint)
