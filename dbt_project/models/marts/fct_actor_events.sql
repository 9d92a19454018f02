-- Events per actor, as source or as target (an event an actor does to itself counts once, as
-- source). Ordered by actor for the actor profile, like fct_actor_quotes.
with events as (
    select * from {{ ref('fct_events') }}
),

involvement as (
    select source_actor_id as actor_id, 'as source' as role, event_id
    from events
    where source_actor_id is not null
    union all
    select target_actor_id as actor_id, 'as target' as role, event_id
    from events
    where target_actor_id is not null and target_actor_id is distinct from source_actor_id
)

select
    cast(i.actor_id as varchar) as actor_id,
    cast(i.role as varchar) as role,
    cast(e.event_id as varchar) as event_id,
    cast(e.article_id as varchar) as article_id,
    cast(e.published_date as date) as published_date,
    cast(e.outlet as varchar) as outlet,
    cast(e.is_canonical as boolean) as is_canonical,
    cast(e.event_type as varchar) as event_type,
    cast(e.mode as varchar) as mode,
    cast(e.score as double) as score,
    cast(e.modality as varchar) as modality,
    cast(e.source_name as varchar) as source_name,
    cast(e.target_name as varchar) as target_name,
    cast(e.event_date as date) as event_date,
    cast(e.location_name as varchar) as location_name,
    cast(e.evidence as varchar) as evidence,
    cast(e.start_char as integer) as start_char
from involvement as i
inner join events as e using (event_id)
order by i.actor_id, e.published_date desc nulls last, e.article_id, e.start_char
