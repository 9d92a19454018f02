select
    quote_id,
    article_id,
    start_char,
    end_char,
    text,
    kind,
    nullif(trim(cue), '') as cue,
    speaker_actor_id,
    nullif(trim(speaker_name), '') as speaker_name,
    coalesce(speaker_kind, 'unknown') as speaker_kind,
    speaker_start,
    speaker_end,
    nullif(trim(anonymous_description), '') as anonymous_description,
    nullif(upper(trim(speaker_country)), '') as speaker_country,
    nullif(upper(trim(speaker_sector)), '') as speaker_sector,
    fingerprint,
    extractor_version
from {{ source('nlp', 'quotes') }}
