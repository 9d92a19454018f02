select
    actor_id,
    canonical_key,
    name,
    kind,
    nullif(upper(trim(country)), '') as country,
    nullif(upper(trim(sector)), '') as sector,
    nullif(trim(title), '') as title,
    extractor_version,
    updated_at
from {{ source('nlp', 'actors') }}
