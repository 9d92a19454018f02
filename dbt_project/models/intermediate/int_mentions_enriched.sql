-- Actor mentions with their article's date, outlet and canonical flags and the actor's attributes.
-- actor_id is the actor the mention counts as (int_actor_identity: a linked one-word person is
-- the full-name person), and the attributes are that actor's; the id as extracted is kept.
select
    m.mention_id,
    m.article_id,
    ident.resolved_actor_id as actor_id,
    m.actor_id as extracted_actor_id,
    m.start_char,
    m.end_char,
    m.surface,
    m.mention_kind,
    m.sentence_index,
    m.sentence_start,
    m.sentence_end,
    a.published_date,
    a.outlet,
    a.is_canonical,
    a.is_outlet_canonical,
    act.name as actor_name,
    act.kind as actor_kind,
    act.country as actor_country,
    act.sector as actor_sector
from {{ ref('stg_actor_mentions') }} as m
inner join {{ ref('int_articles_canonical') }} as a using (article_id)
inner join {{ ref('int_actor_identity') }} as ident on ident.actor_id = m.actor_id
inner join {{ ref('stg_actors') }} as act on act.actor_id = ident.resolved_actor_id
