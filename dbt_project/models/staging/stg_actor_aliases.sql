select
    actor_id,
    alias,
    mentions
from {{ source('nlp', 'actor_aliases') }}
