-- Actor pairs mentioned in the same canonical article (actor_a_id < actor_b_id): in how many
-- articles, and in how many sentences naming both. Actors are those they count as
-- (int_actor_identity: a linked one-word person is the full-name person). The per-article pairs
-- stay on the extracted ids (int_person_same_as reads them to make the links), so they are
-- mapped here: a pair that collapses onto one actor is dropped, and pairs that merge into one
-- count their article once.
with identity as (
    select actor_id, resolved_actor_id from {{ ref('int_actor_identity') }}
),

canonical_pairs as (
    select
        p.article_id,
        a.published_date,
        least(ia.resolved_actor_id, ib.resolved_actor_id) as actor_a_id,
        greatest(ia.resolved_actor_id, ib.resolved_actor_id) as actor_b_id,
        p.sentences
    from {{ ref('int_actor_pairs_by_article') }} as p
    inner join {{ ref('int_articles_canonical') }} as a using (article_id)
    inner join identity as ia on ia.actor_id = p.actor_a_id
    inner join identity as ib on ib.actor_id = p.actor_b_id
    where a.is_canonical
        and ia.resolved_actor_id <> ib.resolved_actor_id
),

article_pairs as (
    select
        article_id,
        actor_a_id,
        actor_b_id,
        any_value(published_date) as published_date,
        count(*) as extracted_pairs,
        sum(sentences) as summed_sentences
    from canonical_pairs
    group by article_id, actor_a_id, actor_b_id
),

-- An article naming a linked one-word person and its full-name person both merges two
-- extracted pairs into one; a sentence naming both forms would be summed twice, so such pairs
-- (rare) are counted again from the mentions.
merged_pairs as (
    select article_id, actor_a_id, actor_b_id from article_pairs where extracted_pairs > 1
),

merged_article_mentions as (
    select distinct m.article_id, i.resolved_actor_id as actor_id, m.sentence_index
    from {{ ref('stg_actor_mentions') }} as m
    inner join identity as i on i.actor_id = m.actor_id
    where m.article_id in (select article_id from merged_pairs)
),

merged_sentences as (
    select mp.article_id, mp.actor_a_id, mp.actor_b_id, count(*) as sentences
    from merged_pairs as mp
    inner join merged_article_mentions as ma
        on ma.article_id = mp.article_id and ma.actor_id = mp.actor_a_id
    inner join merged_article_mentions as mb
        on mb.article_id = mp.article_id and mb.actor_id = mp.actor_b_id
        and mb.sentence_index = ma.sentence_index
    group by all
),

per_article as (
    select
        p.article_id,
        p.actor_a_id,
        p.actor_b_id,
        p.published_date,
        case
            when p.extracted_pairs = 1 then p.summed_sentences
            else coalesce(ms.sentences, 0)
        end as sentences
    from article_pairs as p
    left join merged_sentences as ms using (article_id, actor_a_id, actor_b_id)
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
from per_article as p
inner join actors as a on a.actor_id = p.actor_a_id
inner join actors as b on b.actor_id = p.actor_b_id
group by p.actor_a_id, p.actor_b_id
