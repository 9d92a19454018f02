select
    mention_id,
    article_id,
    actor_id,
    start_char,
    end_char,
    surface,
    mention_kind,
    sentence_index,
    sentence_start,
    sentence_end,
    extractor_version
from {{ source('nlp', 'actor_mentions') }}
