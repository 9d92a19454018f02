select
    article_id,
    actor_id,
    name,
    kind,
    nullif(upper(trim(country)), '') as country,
    nullif(upper(trim(sector)), '') as sector,
    nullif(trim(title), '') as title,
    extractor_version
from {{ source('nlp', 'article_actors') }}
