-- Question: How has the balance of cooperation and conflict between two countries moved, month by month?
-- Change the two ISO 3166 alpha-3 codes in params. Asserted events in canonical articles, both
-- directions; PLOVER scores run from -10 (most conflictual) to +10 (most cooperative).
with params as (
    select 'USA' as country_a, 'RUS' as country_b
),

dyad_events as (
    select e.*
    from marts.fct_events as e, params as p
    where e.is_canonical
        and e.modality = 'asserted'
        and (
            (e.source_country = p.country_a and e.target_country = p.country_b)
            or (e.source_country = p.country_b and e.target_country = p.country_a)
        )
)

select
    cast(date_trunc('month', event_day) as date) as month,
    count(*) as events,
    count(*) filter (where score > 0) as cooperative_events,
    count(*) filter (where score < 0) as conflictual_events,
    round(avg(score), 2) as mean_score,
    string_agg(distinct event_type, ', ' order by event_type) as event_types
from dyad_events
group by month
order by month;
