-- The rollup the dashboard sums loses nothing: its mentions add up to every mention and its
-- articles to every (article, actor) pair, straight from staging. Actors are those they count
-- as (int_actor_identity), as in the rollup: an article naming a linked one-word person and its
-- full-name person both is one pair.
with expected as (
    select count(*) as mentions, count(distinct (m.article_id, i.resolved_actor_id)) as pairs
    from {{ ref('stg_actor_mentions') }} as m
    inner join {{ ref('int_actor_identity') }} as i using (actor_id)
),

actual as (
    select coalesce(sum(mentions), 0) as mentions, coalesce(sum(articles), 0) as pairs
    from {{ ref('fct_actor_mentions_rollup') }}
)

select e.mentions as expected_mentions, a.mentions as actual_mentions, e.pairs as expected_pairs, a.pairs as actual_pairs
from expected as e cross join actual as a
where e.mentions <> a.mentions or e.pairs <> a.pairs
