-- The rollup the dashboard sums loses nothing: its mentions add up to every mention and its
-- articles to every (article, actor) pair, straight from staging.
with expected as (
    select count(*) as mentions, count(distinct (article_id, actor_id)) as pairs
    from {{ ref('stg_actor_mentions') }}
),

actual as (
    select coalesce(sum(mentions), 0) as mentions, coalesce(sum(articles), 0) as pairs
    from {{ ref('fct_actor_mentions_rollup') }}
)

select e.mentions as expected_mentions, a.mentions as actual_mentions, e.pairs as expected_pairs, a.pairs as actual_pairs
from expected as e cross join actual as a
where e.mentions <> a.mentions or e.pairs <> a.pairs
