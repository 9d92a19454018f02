-- Across articles, a person named by one word only ("Kuleba") is the person of that surname
-- named in full elsewhere ("Dmytro Kuleba"): when exactly one such person has a country that
-- does not contradict it, that one; when several do, the one that shares the most co-mentioned
-- actors with it, if it leads. People who share a surname but not a country, or who tie, stay
-- apart. Dictionary names are resolved at extraction already; this links the rest.
with persons as (
    select actor_id, country, split_part(canonical_key, ':', 2) as folded
    from {{ ref('stg_actors') }}
    where kind = 'person'
),

lone as (
    select actor_id, country, folded as surname from persons where folded not like '% %'
),

named as (
    select actor_id, country, regexp_extract(folded, '(\S+)$', 1) as surname
    from persons
    where folded like '% %'
),

candidates as (
    select l.actor_id, n.actor_id as candidate_id
    from lone as l
    inner join named as n using (surname)
    where l.country is null or n.country is null or l.country = n.country
),

neighbours as (
    select actor_a_id as actor_id, actor_b_id as other_id from {{ ref('int_actor_pairs_by_article') }}
    union
    select actor_b_id as actor_id, actor_a_id as other_id from {{ ref('int_actor_pairs_by_article') }}
),

shared as (
    select
        c.actor_id,
        c.candidate_id,
        count(distinct nc.other_id) as shared_actors
    from candidates as c
    left join neighbours as nl on nl.actor_id = c.actor_id
    left join neighbours as nc on nc.actor_id = c.candidate_id and nc.other_id = nl.other_id
    group by c.actor_id, c.candidate_id
),

ranked as (
    select
        *,
        count(*) over (partition by actor_id) as candidate_count,
        row_number() over (partition by actor_id order by shared_actors desc, candidate_id) as pick,
        lead(shared_actors) over (partition by actor_id order by shared_actors desc, candidate_id) as runner_up
    from shared
)

select
    actor_id,
    candidate_id as same_as_actor_id,
    shared_actors,
    candidate_count
from ranked
where pick = 1 and (candidate_count = 1 or shared_actors > runner_up)
