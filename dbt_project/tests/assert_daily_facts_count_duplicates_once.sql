-- Daily facts count each story once: their totals equal counts over canonical articles, computed
-- here straight from staging (a near-duplicate's rows would make the mart total larger).
with canonical as (
    select article_id from {{ ref('stg_articles') }} where duplicate_of is null
),

expected as (
    select 'mentions' as fact, count(*) as n
    from {{ ref('stg_actor_mentions') }} inner join canonical using (article_id)
    union all
    select 'events', count(*)
    from {{ ref('stg_events') }} inner join canonical using (article_id)
    union all
    select 'dyad_events', count(*)
    from {{ ref('stg_events') }} inner join canonical using (article_id)
    where modality = 'asserted' and source_actor_id is not null and target_actor_id is not null
),

actual as (
    select 'mentions' as fact, coalesce(sum(mentions), 0) as n from {{ ref('fct_actor_mentions_daily') }}
    union all
    select 'events', coalesce(sum(events), 0) from {{ ref('fct_event_types_daily') }}
    union all
    select 'dyad_events', coalesce(sum(events), 0) from {{ ref('fct_dyads_daily') }}
)

select fact, e.n as expected, a.n as actual
from expected as e
full outer join actual as a using (fact)
where e.n is distinct from a.n
