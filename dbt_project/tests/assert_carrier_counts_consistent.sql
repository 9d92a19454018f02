-- articles_carrying and is_first_report agree with the rows actually in fct_quotes / fct_events.
-- Catches an incremental build that updated one article but not the others sharing a fingerprint.
with quote_carriers as (
    select fingerprint, count(distinct article_id) as n from {{ ref('fct_quotes') }} group by fingerprint
),

event_carriers as (
    select
        fingerprint,
        count(distinct article_id) as n,
        count(distinct article_id) filter (where is_first_report) as first_reports
    from {{ ref('fct_events') }}
    group by fingerprint
)

select 'quote' as row_kind, q.quote_id as row_id, q.articles_carrying, c.n as actual, null as first_reports
from {{ ref('fct_quotes') }} as q
inner join quote_carriers as c using (fingerprint)
where q.articles_carrying <> c.n
union all
select 'event', e.event_id, e.articles_carrying, c.n, c.first_reports
from {{ ref('fct_events') }} as e
inner join event_carriers as c using (fingerprint)
where e.articles_carrying <> c.n or c.first_reports <> 1
