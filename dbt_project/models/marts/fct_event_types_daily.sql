-- Events per PLOVER type per day (the event's own date when known to the day, else the article's
-- publication date), canonical articles only.
select
    cast(event_day as date) as day,
    cast(event_type as varchar) as event_type,
    cast(count(*) as bigint) as events,
    cast(count(distinct fingerprint) as bigint) as distinct_events,
    cast(avg(score) as double) as mean_score,
    cast(count(*) filter (where modality = 'asserted') as bigint) as asserted_events
from {{ ref('fct_events') }}
where is_canonical
group by event_day, event_type
