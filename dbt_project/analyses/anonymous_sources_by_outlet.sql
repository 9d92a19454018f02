-- Question: Which outlets lean most on anonymous sources?
-- Share of each outlet's quotes credited to unnamed sources ("a senior official"), over the
-- whole period; outlets with fewer than min_quotes quotes are left out as too small to judge.
with params as (
    select 3 as min_quotes
)

select
    outlet,
    sum(articles)::bigint as articles,
    sum(quotes)::bigint as quotes,
    sum(anonymous_quotes)::bigint as anonymous_quotes,
    round(sum(anonymous_quotes) / sum(quotes), 3) as anonymous_share,
    round(sum(quotes) / sum(articles), 2) as quotes_per_article
from marts.fct_outlet_sourcing
group by outlet
having sum(quotes) >= (select min_quotes from params)
order by anonymous_share desc, quotes desc;
