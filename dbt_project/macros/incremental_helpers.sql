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



{#- Body of the `changed_articles` CTE of a fingerprint-keyed fact (incremental runs only): the
    articles it must recompute. Those ingested or (re-)extracted since the last build, those gone
    from the sources, those whose stored `article_columns` no longer match int_articles_canonical
    (ingest re-points duplicates in place), and, for each of `actor_roles`, those whose stored
    `<role>_actor_id` is no longer the actor its `extracted_<role>_actor_id` counts as in
    int_actor_identity (an article naming a person in full links an older one-word mention) or
    whose stored `<role>_name`, `_country`, `_sector` no longer match that actor in stg_actors
    (actors are refined across articles). A table built before `extracted_<role>_actor_id`
    existed is recomputed whole, once. Expects an `articles` CTE over int_articles_canonical. -#}
{% macro articles_to_recompute(article_columns, actor_roles) -%}
    select article_id from articles where changed_at >= {{ changed_since_last_build() }}
    union
    select article_id from {{ this }} where article_id not in (select article_id from articles)
    union
    select t.article_id
    from {{ this }} as t
    inner join articles as a using (article_id)
    where
    {%- for column in article_columns %}
        {{ 'or ' if not loop.first }}t.{{ column }} is distinct from a.{{ column }}
    {%- endfor %}
    {%- set stored_columns = adapter.get_columns_in_relation(this) | map(attribute='name') | map('lower') | list %}
    {%- for role in actor_roles %}
    union
    {%- if ('extracted_' ~ role ~ '_actor_id') in stored_columns %}
    -- The identity is looked up by the id as extracted: the stored role id is already resolved,
    -- and a link made, moved or undone since shows only from the extracted side.
    select t.article_id
    from {{ this }} as t
    left join {{ ref('int_actor_identity') }} as ident on ident.actor_id = t.extracted_{{ role }}_actor_id
    left join {{ ref('stg_actors') }} as act on act.actor_id = ident.resolved_actor_id
    where t.{{ role }}_actor_id is not null
        and (
            act.actor_id is null
            or t.{{ role }}_actor_id is distinct from act.actor_id
            or t.{{ role }}_name is distinct from act.name
            or t.{{ role }}_country is distinct from act.country
            or t.{{ role }}_sector is distinct from act.sector
        )
    {%- else %}
    -- built before the extracted id was stored: no row can be checked, so all are rebuilt once
    select article_id from {{ this }}
    {%- endif %}
    {%- endfor %}
{%- endmacro %}


{#- The `batch` CTE (plus its helpers when incremental) of a fact whose rows count the articles
    sharing a fingerprint (fct_quotes, fct_events): the enriched rows to (re)write. Incremental:
    the articles in the `changed_articles_cte` CTE plus every article sharing a fingerprint with
    them, old or new, since their carrier counts and first reports move too. Full refresh: every
    row. The caller adds the comma after it. -#}
{% macro fingerprint_batch(staging_model, enriched_model, changed_articles_cte='changed_articles') -%}
{%- if is_incremental() -%}
touched_fingerprints as (
    select fingerprint from {{ staging_model }}
    where article_id in (select article_id from {{ changed_articles_cte }})
    union
    select fingerprint from {{ this }}
    where article_id in (select article_id from {{ changed_articles_cte }})
),

batch_articles as (
    select article_id from {{ changed_articles_cte }}
    union
    select article_id from {{ staging_model }}
    where fingerprint in (select fingerprint from touched_fingerprints)
),

batch as (
    select * from {{ enriched_model }}
    where article_id in (select article_id from batch_articles)
)
{%- else -%}
batch as (
    select * from {{ enriched_model }}
)
{%- endif -%}
{%- endmacro %}
