select
    source_key,
    article_id,
    source_path,
    source_line,
    source_kind,
    file_sha256,
    nullif(trim(outlet), '') as outlet,
    nullif(trim(url), '') as url,
    ingested_at
from {{ source('raw', 'article_sources') }}
