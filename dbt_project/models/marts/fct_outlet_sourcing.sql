-- How each outlet sources its stories, per month: quotes per article and the share of quotes
-- from unnamed sources. An outlet's own second copy of a story is not counted; its reprint of
-- another outlet's story is (see is_outlet_canonical). Articles are those extraction processed.
with articles as (
    select article_id, outlet, cast(date_trunc('month', published_date) as date) as month
    from {{ ref('int_articles_canonical') }}
    where is_outlet_canonical and extraction_status = 'extracted'
),

quotes as (
    select q.article_id, q.speaker_kind
    from {{ ref('int_quotes_enriched') }} as q
    inner join articles using (article_id)
),

per_article as (
    select
        a.outlet,
        a.month,
        a.article_id,
        count(q.article_id) as quotes,
        count(q.article_id) filter (where q.speaker_kind = 'anonymous') as anonymous_quotes,
        count(q.article_id) filter (where q.speaker_kind = 'named') as named_quotes
    from articles as a
    left join quotes as q using (article_id)
    group by all
)

select
    cast(outlet as varchar) as outlet,
    cast(month as date) as month,
    cast(count(*) as bigint) as articles,
    cast(sum(quotes) as bigint) as quotes,
    cast(sum(quotes) / count(*) as double) as quotes_per_article,
    cast(sum(anonymous_quotes) as bigint) as anonymous_quotes,
    cast(sum(anonymous_quotes) / nullif(sum(quotes), 0) as double) as anonymous_share,
    cast(sum(named_quotes) as bigint) as named_quotes
from per_article
group by outlet, month
