select
    article_id,
    nullif(trim(title), '') as title,
    text,
    length(text) as text_length,
    nullif(trim(outlet), '') as outlet,
    nullif(trim(url), '') as url,
    nullif(trim(author), '') as author,
    published as published_date,
    coalesce(published_source, 'none') as published_source,
    language,
    skip_reason,
    word_count,
    boilerplate_chars,
    duplicate_of,
    similarity,
    ingested_at
from {{ source('raw', 'articles') }}
