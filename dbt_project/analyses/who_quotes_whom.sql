-- Question: Which outlet quotes which speaker most often?
-- Each outlet's own articles count (its reprint of another outlet's story too, its second copy
-- of its own story not); named speakers resolved to an actor only.
select
    outlet,
    speaker_name,
    speaker_country,
    count(*) as quotes,
    count(distinct article_id) as articles,
    round(count(*) / sum(count(*)) over (partition by outlet), 3) as share_of_outlet_named_quotes
from marts.fct_quotes
where is_outlet_canonical
    and speaker_kind = 'named'
    and speaker_actor_id is not null
group by outlet, speaker_name, speaker_country
order by quotes desc, outlet, speaker_name
limit 30;
