-- Actor pairs mentioned in the same canonical article (actor_a_id < actor_b_id): in how many
-- articles, and in how many sentences naming both.
with pairs as (
    select p.*, a.published_date
    from {{ ref('int_actor_pairs_by_article') }} as p
    inner join {{ ref('int_articles_canonical') }} as a using (article_id)
    where a.is_canonical
),

actors as (
    select actor_id, name from {{ ref('stg_actors') }}
)

select
    cast(p.actor_a_id as varchar) as actor_a_id,
    cast(any_value(a.name) as varchar) as actor_a_name,
    cast(p.actor_b_id as varchar) as actor_b_id,
    cast(any_value(b.name) as varchar) as actor_b_name,
    cast(count(distinct p.article_id) as bigint) as articles,
    cast(sum(p.sentences) as bigint) as sentences,
    cast(min(p.published_date) as date) as first_seen,
    cast(max(p.published_date) as date) as last_seen
from pairs as p
inner join actors as a on a.actor_id = p.actor_a_id
inner join actors as b on b.actor_id = p.actor_b_id
group by p.actor_a_id, p.actor_b_id
