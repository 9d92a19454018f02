-- Mentions per actor per publication day, canonical articles only (a near-duplicate of a story
-- is not counted again).
select
    cast(published_date as date) as day,
    cast(actor_id as varchar) as actor_id,
    cast(any_value(actor_name) as varchar) as actor_name,
    cast(any_value(actor_country) as varchar) as country,
    cast(any_value(actor_sector) as varchar) as sector,
    cast(count(*) as bigint) as mentions,
    cast(count(distinct article_id) as bigint) as articles,
    cast(any_value(actor_kind) as varchar) as kind
from {{ ref('int_mentions_enriched') }}
where is_canonical
group by published_date, actor_id
