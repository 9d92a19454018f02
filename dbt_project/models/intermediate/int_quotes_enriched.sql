-- Quotes with their article's date, outlet and flags. A resolved speaker takes the canonical
-- actor's name, country and sector (actors are refined across articles); an unresolved one keeps
-- what extraction recorded. speaker_actor_id is the actor the speaker counts as
-- (int_actor_identity: a linked one-word person is the full-name person); the id as extracted
-- is kept in extracted_speaker_actor_id.
select
    q.quote_id,
    q.article_id,
    a.published_date,
    a.outlet,
    a.title,
    a.is_canonical,
    a.is_outlet_canonical,
    a.ingested_at as article_ingested_at,
    q.text,
    q.kind,
    q.cue,
    -- an id stg_actors lacks has no identity row: it stays as extracted
    coalesce(ident.resolved_actor_id, q.speaker_actor_id) as speaker_actor_id,
    q.speaker_actor_id as extracted_speaker_actor_id,
    coalesce(act.name, q.speaker_name) as speaker_name,
    q.speaker_kind,
    q.speaker_kind = 'anonymous' as is_anonymous,
    q.anonymous_description,
    case when act.actor_id is null then q.speaker_country else act.country end as speaker_country,
    case when act.actor_id is null then q.speaker_sector else act.sector end as speaker_sector,
    act.kind as speaker_actor_kind,
    q.fingerprint,
    q.start_char,
    q.end_char,
    q.extractor_version,
    a.changed_at
from {{ ref('stg_quotes') }} as q
inner join {{ ref('int_articles_canonical') }} as a using (article_id)
left join {{ ref('int_actor_identity') }} as ident on ident.actor_id = q.speaker_actor_id
left join {{ ref('stg_actors') }} as act on act.actor_id = ident.resolved_actor_id
