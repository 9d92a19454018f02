-- Events with their article's date, outlet and flags and both actors' canonical names and countries.
-- event_day is the day the daily marts count an event on: its own date when known to the day,
-- else the article's publication date.
select
    e.event_id,
    e.article_id,
    a.published_date,
    a.outlet,
    a.is_canonical,
    a.ingested_at as article_ingested_at,
    e.event_type,
    e.mode,
    e.score,
    e.modality,
    e.event_count,
    e.source_actor_id,
    coalesce(src.name, e.source_name) as source_name,
    src.country as source_country,
    src.sector as source_sector,
    e.target_actor_id,
    coalesce(tgt.name, e.target_name) as target_name,
    tgt.country as target_country,
    tgt.sector as target_sector,
    e.event_date,
    e.date_granularity,
    e.date_flag,
    case
        when e.date_granularity = 'day' and e.event_date is not null then e.event_date
        else a.published_date
    end as event_day,
    e.location_name,
    e.location_country,
    e.latitude,
    e.longitude,
    e.evidence,
    e.start_char,
    e.end_char,
    e.sentence_start,
    e.sentence_end,
    e.fingerprint,
    e.extractor_version,
    a.changed_at
from {{ ref('stg_events') }} as e
inner join {{ ref('int_articles_canonical') }} as a using (article_id)
left join {{ ref('stg_actors') }} as src on src.actor_id = e.source_actor_id
left join {{ ref('stg_actors') }} as tgt on tgt.actor_id = e.target_actor_id
