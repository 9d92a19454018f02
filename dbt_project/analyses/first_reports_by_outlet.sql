-- Question: Which outlets report events first, among events that more than one article carries?
select
    outlet,
    count(*) as shared_events,
    count(*) filter (where is_first_report) as first_reports,
    round(count(*) filter (where is_first_report) / count(*), 3) as first_report_share
from marts.fct_events
where articles_carrying > 1
group by outlet
order by first_report_share desc, shared_events desc, outlet;
