-- Events with their article's date, outlet and flags and both actors' canonical names and countries.
-- source_actor_id and target_actor_id are the actors they count as (int_actor_identity: a linked
-- one-word person is the full-name person), and the attributes are those actors'; the ids as
-- extracted are kept in extracted_source_actor_id and extracted_target_actor_id.
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
    -- an id stg_actors lacks has no identity row: it stays as extracted
    coalesce(src_ident.resolved_actor_id, e.source_actor_id) as source_actor_id,
    e.source_actor_id as extracted_source_actor_id,
    coalesce(src.name, e.source_name) as source_name,
    src.country as source_country,
    src.sector as source_sector,
    coalesce(tgt_ident.resolved_actor_id, e.target_actor_id) as target_actor_id,
    e.target_actor_id as extracted_target_actor_id,
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
left join {{ ref('int_actor_identity') }} as src_ident on src_ident.actor_id = e.source_actor_id
left join {{ ref('stg_actors') }} as src on src.actor_id = src_ident.resolved_actor_id
left join {{ ref('int_actor_identity') }} as tgt_ident on tgt_ident.actor_id = e.target_actor_id
left join {{ ref('stg_actors') }} as tgt on tgt.actor_id = tgt_ident.resolved_actor_id
