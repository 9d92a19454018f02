-- Pairs of actors mentioned in the same article (actor_a_id < actor_b_id), with the number of
-- sentences naming both. Quadratic in the actors per article, so built incrementally: only
-- articles ingested or (re-)extracted since the last build are recomputed.
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='article_id',
    on_schema_change='append_new_columns',
    post_hook="{% if is_incremental() %}delete from {{ this }} where actor_a_id is null{% else %}select 1{% endif %}",
) }}

with articles as (
    select article_id, changed_at
    from {{ ref('int_articles_canonical') }}
    {% if is_incremental() %}
    where changed_at >= {{ changed_since_last_build() }}
    {% endif %}
),

sentence_actors as (
    select distinct m.article_id, m.actor_id, m.sentence_index
    from {{ ref('stg_actor_mentions') }} as m
    inner join articles using (article_id)
),

article_actors as (
    select distinct article_id, actor_id from sentence_actors
),

pairs as (
    select a.article_id, a.actor_id as actor_a_id, b.actor_id as actor_b_id
    from article_actors as a
    inner join article_actors as b
        on a.article_id = b.article_id and a.actor_id < b.actor_id
),

sentence_pairs as (
    select a.article_id, a.actor_id as actor_a_id, b.actor_id as actor_b_id,
        count(distinct a.sentence_index) as sentences
    from sentence_actors as a
    inner join sentence_actors as b
        on a.article_id = b.article_id
        and a.sentence_index = b.sentence_index
        and a.actor_id < b.actor_id
    group by all
)

select
    p.article_id,
    p.actor_a_id,
    p.actor_b_id,
    coalesce(s.sentences, 0) as sentences,
    articles.changed_at
from pairs as p
inner join articles using (article_id)
left join sentence_pairs as s using (article_id, actor_a_id, actor_b_id)

{% if is_incremental() %}
-- A changed article left with no pair (re-extracted, or removed) still needs its old pairs gone:
-- a placeholder row (null actors) makes delete+insert clear them; the post-hook drops it.
-- Cheaper than checking every stored pair against the mentions.
union all
select a.article_id, null, null, 0, a.changed_at
from articles as a
where a.article_id not in (select article_id from pairs)
union all
select distinct t.article_id, null, null, 0, t.changed_at
from {{ this }} as t
where t.article_id not in (select article_id from {{ ref('int_articles_canonical') }})
{% endif %}
