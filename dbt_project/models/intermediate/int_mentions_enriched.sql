-- Actor mentions with their article's date, outlet and canonical flags and the actor's attributes.
select
    m.mention_id,
    m.article_id,
    m.actor_id,
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
inner join {{ ref('stg_actors') }} as act using (actor_id)
