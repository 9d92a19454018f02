-- The actor each extracted actor counts as in the marts: for a person named by one word only
-- and linked to the full-name person (int_person_same_as), that person; else the actor itself.
-- One row per actor of stg_actors, so the enriched models can join it without losing rows.
-- A link never chains: its target is a full-name person, who is never linked in turn.
--
-- A table, not a view: the enriched views, several marts and the incremental facts' change
-- check all read it, and int_person_same_as (cross-article co-mentions) is not cheap to redo.
{{ config(materialized='table') }}

select
    a.actor_id,
    coalesce(sa.same_as_actor_id, a.actor_id) as resolved_actor_id
from {{ ref('stg_actors') }} as a
left join {{ ref('int_person_same_as') }} as sa using (actor_id)
