-- Question: Which quotes travelled furthest, carried by the most outlets and articles?
-- One row per quote fingerprint; first_seen is the earliest publication carrying it.
select
    any_value(text order by published_date, article_id) as quote,
    any_value(speaker_name order by published_date, article_id) as speaker,
    max(outlets_carrying) as outlets,
    max(articles_carrying) as articles,
    min(published_date) as first_seen,
    max(published_date) as last_seen,
    string_agg(distinct outlet, ', ' order by outlet) as carried_by
from marts.fct_quotes
group by fingerprint
having max(articles_carrying) > 1
order by outlets desc, articles desc, first_seen
limit 20;
