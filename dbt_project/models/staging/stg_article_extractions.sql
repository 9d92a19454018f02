select
    article_id,
    extractor_version,
    run_id,
    status as extraction_status,
    reason as extraction_reason,
    extracted_at
from {{ source('nlp', 'article_extractions') }}
