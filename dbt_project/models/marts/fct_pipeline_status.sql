-- One row describing the warehouse: how much is in it and when ingest and extraction last ran.
with latest_run as (
    select *
    from {{ ref('stg_extraction_runs') }}
    order by started_at desc, run_id desc
    limit 1
),

articles as (
    select
        count(*) as articles,
        count(*) filter (where is_canonical) as canonical_articles,
        -- an article without a date stands in with its ingest date; it must not pass for news
        coalesce(max(published_date) filter (where not published_date_estimated), max(published_date))
            as newest_article_date,
        max(ingested_at) as last_article_ingested_at
    from {{ ref('int_articles_canonical') }}
)

select
    cast(a.articles as bigint) as articles,
    cast(a.canonical_articles as bigint) as canonical_articles,
    cast((select count(*) from {{ ref('stg_rejected_inputs') }}) as bigint) as rejected_inputs,
    cast((select count(*) from {{ ref('stg_actors') }}) as bigint) as actors,
    cast((select count(*) from {{ ref('stg_actor_mentions') }}) as bigint) as mentions,
    cast((select count(*) from {{ ref('stg_quotes') }}) as bigint) as quotes,
    cast((select count(*) from {{ ref('stg_events') }}) as bigint) as events,
    cast(a.newest_article_date as date) as newest_article_date,
    cast(greatest(
        a.last_article_ingested_at,
        (select max(ingested_at) from {{ ref('stg_ingested_files') }}),
        (select max(rejected_at) from {{ ref('stg_rejected_inputs') }})
    ) as timestamp) as last_ingested_at,
    cast((select max(finished_at) from {{ ref('stg_extraction_runs') }}) as timestamp)
        as last_extraction_finished_at,
    cast((select status from latest_run) as varchar) as last_extraction_status,
    cast((select extractor_version from latest_run) as varchar) as extractor_version,
    cast((select count(*) from {{ ref('stg_article_extractions') }} where extraction_status = 'extracted') as bigint)
        as extracted_articles,
    cast((select count(*) from {{ ref('stg_ingested_files') }}) as bigint) as ingested_files
from articles as a
