-- Question: Who are the most quoted named speakers, and how widely are they quoted?
-- Canonical articles only (a near-duplicate story does not quote anyone twice).
select
    speaker_name,
    country,
    sector,
    quotes,
    articles,
    outlets,
    first_quoted,
    last_quoted
from marts.fct_top_speakers
order by quotes desc, articles desc, speaker_name
limit 20;
