-- Question: How many events of each PLOVER type happened per month, and how conflictual were they?
-- Distinct events by fingerprint (the same event told twice counts once), canonical articles.
select
    cast(date_trunc('month', day) as date) as month,
    event_type,
    sum(events)::bigint as event_mentions,
    sum(distinct_events)::bigint as distinct_events,
    sum(asserted_events)::bigint as asserted_events,
    round(sum(mean_score * events) / sum(events), 2) as mean_score
from marts.fct_event_types_daily
group by month, event_type
order by month, distinct_events desc, event_type;
