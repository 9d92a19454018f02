-- Question: Which actors are most often in the news together?
-- Pairs named in the same canonical article; sentences counts how often they share a sentence.
select
    actor_a_name,
    actor_b_name,
    articles,
    sentences,
    first_seen,
    last_seen
from marts.fct_actor_cooccurrence
order by articles desc, sentences desc, actor_a_name, actor_b_name
limit 25;
