{#- Helpers for the article-keyed incremental models (delete+insert on article_id).

    A model's rows carry `changed_at`, the latest timestamp among the inputs that made them
    (article ingest, its extraction, the actors involved). Writers run one at a time and stamp
    rows with the time of writing, so everything that changed since the last build has
    changed_at >= the newest changed_at already in the model. `>=` re-reads the newest article
    once more, which is cheap and safe against equal timestamps. -#}

{% macro changed_since_last_build() -%}
    (select coalesce(max(changed_at), timestamp '1900-01-01') from {{ this }})
{%- endmacro %}


{#- Post-hook: delete rows whose key is gone upstream (an article re-extracted into fewer rows,
    or removed). delete+insert only replaces articles that still produce rows. -#}
{% macro delete_rows_missing_upstream(key, upstream) -%}
    {%- if is_incremental() -%}
    delete from {{ this }} as t
    where not exists (select 1 from {{ upstream }} as u where u.{{ key }} = t.{{ key }})
    {%- else -%}
    select 1
    {%- endif -%}
{%- endmacro %}

