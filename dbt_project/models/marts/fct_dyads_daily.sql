-- Directed actor pairs per day: asserted events only (a denied or planned attack did not happen),
-- canonical articles only, both actors resolved. One count column per PLOVER type; they sum to events.
{%- set plover_types = var('plover_event_types') %}
select
    cast(event_day as date) as day,
    cast(source_actor_id as varchar) as source_actor_id,
    cast(any_value(source_name) as varchar) as source_name,
    cast(target_actor_id as varchar) as target_actor_id,
    cast(any_value(target_name) as varchar) as target_name,
    cast(count(*) as bigint) as events,
    cast(sum(score) as double) as score_sum,
    cast(avg(score) as double) as score_mean,
    {%- for t in plover_types %}
    cast(count(*) filter (where event_type = '{{ t }}') as bigint) as n_{{ t | lower }},
    {%- endfor %}
    cast(any_value(source_country) as varchar) as source_country,
    cast(any_value(target_country) as varchar) as target_country
from {{ ref('fct_events') }}
where is_canonical
    and modality = 'asserted'
    and source_actor_id is not null
    and target_actor_id is not null
group by event_day, source_actor_id, target_actor_id
