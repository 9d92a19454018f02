-- In fct_dyads_daily the per-type counts add up to events (no event without a PLOVER column).
select day, source_actor_id, target_actor_id, events
from {{ ref('fct_dyads_daily') }}
where events <> (
    {%- for t in var('plover_event_types') %}
    n_{{ t | lower }}{{ ' +' if not loop.last }}
    {%- endfor %}
)
