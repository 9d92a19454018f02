-- fct_pipeline_status has exactly one row, and its counts match the marts.
select count(*) as status_rows
from {{ ref('fct_pipeline_status') }} as s
having count(*) <> 1
    or any_value(s.articles) <> (select count(*) from {{ ref('dim_articles') }})
    or any_value(s.quotes) <> (select count(*) from {{ ref('fct_quotes') }})
    or any_value(s.events) <> (select count(*) from {{ ref('fct_events') }})
