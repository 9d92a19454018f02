-- Event evidence spans and actor mentions lie inside their article's text.
select 'event' as row_kind, e.event_id as row_id, e.start_char, e.end_char, a.text_length
from {{ ref('fct_events') }} as e
inner join {{ ref('dim_articles') }} as a using (article_id)
where e.start_char < 0 or e.end_char <= e.start_char or e.end_char > a.text_length
union all
select 'mention', m.mention_id, m.start_char, m.end_char, a.text_length
from {{ ref('stg_actor_mentions') }} as m
inner join {{ ref('dim_articles') }} as a using (article_id)
where m.start_char < 0 or m.end_char <= m.start_char or m.end_char > a.text_length
