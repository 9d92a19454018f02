-- Offsets refer to the article text exactly as stored: the span should read as the quote's text.
-- Warn only: extraction may legitimately normalise white space inside a quote.
{{ config(severity='warn') }}
select q.quote_id, q.text, substring(a.text, q.start_char + 1, q.end_char - q.start_char) as span_text
from {{ ref('stg_quotes') }} as q
inner join {{ ref('stg_articles') }} as a using (article_id)
where regexp_replace(trim(substring(a.text, q.start_char + 1, q.end_char - q.start_char)), '\s+', ' ', 'g')
    <> regexp_replace(trim(q.text), '\s+', ' ', 'g')
