-- One row per canonical actor as extracted, with its top aliases and how often it appears, and
-- for a person named by one word only, the full-name person it is taken to be (int_actor_identity).
-- Counts and aliases are those of the actor it counts as, like every mart: a linked one-word
-- person shows none (its mentions are the full-name person's), and the full-name person shows
-- both. Counts use canonical articles only, so a near-duplicate story does not count twice.
with actors as (
    select * from {{ ref('stg_actors') }}
),

identity as (
    select actor_id, resolved_actor_id from {{ ref('int_actor_identity') }}
),

resolved_aliases as (
    -- one form can be written of both ("Kuleba"): its mentions add up
    select i.resolved_actor_id as actor_id, al.alias, sum(al.mentions) as mentions
    from {{ ref('stg_actor_aliases') }} as al
    inner join identity as i using (actor_id)
    group by i.resolved_actor_id, al.alias
),

aliases as (
    select
        actor_id,
        array_to_string(list(alias order by mentions desc, alias)[1:5], '; ') as aliases,
        count(*) as alias_count
    from resolved_aliases
    group by actor_id
),

-- The enriched models carry the actor each row counts as: a linked one-word person gets no row.
mentions as (
    select
        actor_id,
        count(*) as mention_count,
        count(distinct article_id) as article_count,
        min(published_date) as first_seen,
        max(published_date) as last_seen
    from {{ ref('int_mentions_enriched') }}
    where is_canonical
    group by actor_id
),

quotes as (
    select speaker_actor_id as actor_id, count(*) as quote_count
    from {{ ref('int_quotes_enriched') }}
    where is_canonical and speaker_actor_id is not null
    group by speaker_actor_id
),

events as (
    select actor_id, count(distinct event_id) as event_count
    from (
        select source_actor_id as actor_id, event_id from {{ ref('int_events_enriched') }} where is_canonical
        union all
        select target_actor_id as actor_id, event_id from {{ ref('int_events_enriched') }} where is_canonical
    )
    where actor_id is not null
    group by actor_id
)

select
    cast(a.actor_id as varchar) as actor_id,
    cast(a.name as varchar) as name,
    cast(a.kind as varchar) as kind,
    cast(a.country as varchar) as country,
    cast(a.sector as varchar) as sector,
    cast(a.title as varchar) as title,
    cast(al.aliases as varchar) as aliases,
    cast(coalesce(al.alias_count, 0) as bigint) as alias_count,
    cast(coalesce(m.mention_count, 0) as bigint) as mention_count,
    cast(coalesce(m.article_count, 0) as bigint) as article_count,
    cast(coalesce(q.quote_count, 0) as bigint) as quote_count,
    cast(m.first_seen as date) as first_seen,
    cast(m.last_seen as date) as last_seen,
    cast(a.canonical_key as varchar) as canonical_key,
    cast(coalesce(e.event_count, 0) as bigint) as event_count,
    cast(a.updated_at as timestamp) as updated_at,
    cast(nullif(i.resolved_actor_id, a.actor_id) as varchar) as same_as_actor_id
from actors as a
left join aliases as al using (actor_id)
left join mentions as m using (actor_id)
left join quotes as q using (actor_id)
left join events as e using (actor_id)
left join identity as i using (actor_id)
