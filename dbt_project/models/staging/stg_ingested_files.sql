select
    source_path,
    file_sha256,
    size_bytes,
    articles,
    rejected,
    ingested_at
from {{ source('raw', 'ingested_files') }}
