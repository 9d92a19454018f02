-- Who an outlet quotes, per month: quotes by speaker country and sector and their share of the
-- outlet-month's quotes (shares of one outlet-month sum to 1). Unknown country or sector
-- (e.g. anonymous sources) is the value 'unknown'. Same article rule as fct_outlet_sourcing.
with quotes as (
    select
        q.outlet,
        cast(date_trunc('month', q.published_date) as date) as month,
        coalesce(q.speaker_country, 'unknown') as speaker_country,
        coalesce(q.speaker_sector, 'unknown') as speaker_sector
    from {{ ref('int_quotes_enriched') }} as q
    inner join {{ ref('int_articles_canonical') }} as a using (article_id)
    where a.is_outlet_canonical and a.extraction_status = 'extracted'
),

grouped as (
    select outlet, month, speaker_country, speaker_sector, count(*) as quotes
    from quotes
    group by all
)

select
    cast(outlet as varchar) as outlet,
    cast(month as date) as month,
    cast(speaker_country as varchar) as speaker_country,
    cast(speaker_sector as varchar) as speaker_sector,
    cast(quotes as bigint) as quotes,
    cast(quotes / sum(quotes) over (partition by outlet, month) as double) as share
from grouped
