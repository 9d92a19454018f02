-- Named speakers (resolved to a canonical actor) ranked by quotes, canonical articles only.
select
    cast(speaker_actor_id as varchar) as speaker_actor_id,
    cast(any_value(speaker_name) as varchar) as speaker_name,
    cast(any_value(speaker_country) as varchar) as country,
    cast(any_value(speaker_sector) as varchar) as sector,
    cast(count(*) as bigint) as quotes,
    cast(count(distinct article_id) as bigint) as articles,
    cast(min(published_date) as date) as first_quoted,
    cast(max(published_date) as date) as last_quoted,
    cast(count(distinct outlet) as bigint) as outlets,
    cast(any_value(speaker_actor_kind) as varchar) as kind
from {{ ref('int_quotes_enriched') }}
where is_canonical
    and speaker_kind = 'named'
    and speaker_actor_id is not null
group by speaker_actor_id
