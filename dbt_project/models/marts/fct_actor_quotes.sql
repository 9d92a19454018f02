-- Quotes per actor: those the actor spoke, and those by others whose span mentions the actor.
-- Actors are those they count as (int_actor_identity: a linked one-word person is the full-name
-- person), like fct_quotes' speaker.
-- The actor profile reads one actor's rows; the table is ordered by actor so DuckDB's zone maps
-- skip the rest, and the dashboard's filter columns (date, outlet, canonical) are here too, so
-- no join with the whole quote table is needed per page view.
with quotes as (
    select * from {{ ref('fct_quotes') }}
),

mentioned as (
    select distinct ident.resolved_actor_id as actor_id, q.quote_id
    from quotes as q
    inner join {{ ref('stg_actor_mentions') }} as m
        on m.article_id = q.article_id
        and m.start_char >= q.start_char
        and m.end_char <= q.end_char
    inner join {{ ref('int_actor_identity') }} as ident on ident.actor_id = m.actor_id
    -- the speaker is resolved too: a one-word form of the speaker is still the speaker
    where ident.resolved_actor_id is distinct from q.speaker_actor_id
),

involvement as (
    select speaker_actor_id as actor_id, 'speaker' as role, quote_id
    from quotes
    where speaker_actor_id is not null
    union all
    select actor_id, 'mentioned' as role, quote_id
    from mentioned
)

select
    cast(i.actor_id as varchar) as actor_id,
    cast(i.role as varchar) as role,
    cast(q.quote_id as varchar) as quote_id,
    cast(q.article_id as varchar) as article_id,
    cast(q.published_date as date) as published_date,
    cast(q.outlet as varchar) as outlet,
    cast(q.is_canonical as boolean) as is_canonical,
    cast(q.title as varchar) as title,
    cast(q.text as varchar) as text,
    cast(q.kind as varchar) as kind,
    cast(q.cue as varchar) as cue,
    cast(q.speaker_name as varchar) as speaker_name,
    cast(q.speaker_kind as varchar) as speaker_kind,
    cast(q.anonymous_description as varchar) as anonymous_description,
    cast(q.start_char as integer) as start_char
from involvement as i
inner join quotes as q using (quote_id)
order by i.actor_id, i.role, q.published_date desc nulls last, q.article_id, q.start_char
