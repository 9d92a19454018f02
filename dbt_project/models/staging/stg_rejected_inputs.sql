select
    rejection_id,
    source_path,
    source_line,
    file_sha256,
    reason,
    detail,
    rejected_at
from {{ source('raw', 'rejected_inputs') }}
