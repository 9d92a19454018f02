-- A quote's offsets lie inside its article's text, and the span is not empty.
select q.quote_id, q.article_id, q.start_char, q.end_char, a.text_length
from {{ ref('fct_quotes') }} as q
inner join {{ ref('dim_articles') }} as a using (article_id)
where q.start_char < 0
    or q.end_char <= q.start_char
    or q.end_char > a.text_length
