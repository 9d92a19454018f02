select
    run_id,
    extractor_version,
    spacy_model,
    started_at,
    finished_at,
    articles,
    skipped,
    mentions,
    quotes,
    events,
    words,
    status
from {{ source('nlp', 'extraction_runs') }}
