-- Mentions per actor, publication day, outlet and canonical flag. The dashboard's filters
-- (period, outlets, near-duplicates) are columns here, so its actor rankings and timelines
-- sum a table bounded by days x outlets x actors instead of scanning every mention.
-- `articles` adds up exactly across rows: an article has one day, one outlet and one flag.
select
    cast(published_date as date) as published_date,
    cast(outlet as varchar) as outlet,
    cast(is_canonical as boolean) as is_canonical,
    cast(actor_id as varchar) as actor_id,
    cast(count(*) as bigint) as mentions,
    cast(count(distinct article_id) as bigint) as articles
from {{ ref('int_mentions_enriched') }}
group by published_date, outlet, is_canonical, actor_id
