"""Overview: how much came in, how fresh it is, who is in the news and who gets quoted."""

import streamlit as st

from dashboard import charts, data, ui

f = ui.page_intro("Overview", "What the pipeline has read and found")

status = data.pipeline_status() or {}
version_published = ui.snapshot_published_at()
st.subheader("Data freshness")
fresh = st.columns(4)
fresh[0].metric(
    "Last successful run", ui.fmt_age(version_published),
    help="When the pipeline last published a snapshot; it publishes only after a successful run.",
)
fresh[1].metric("Newest article", ui.fmt_date(status.get("newest_article_date")))
extraction = status.get("last_extraction_status") or "none"
fresh[2].metric(
    "Last extraction", extraction,
    help=f"Finished {ui.fmt_date(status.get('last_extraction_finished_at'), with_time=True)} "
    f"with extractor {status.get('extractor_version') or '?'}.",
)
fresh[3].metric("Rejected inputs", ui.fmt_int(status.get("rejected_inputs")), help="Inputs that could not become articles; see Quality.")
if extraction not in ("succeeded", "none"):
    st.warning(f"The last extraction run ended as **{ui.md_escape(extraction)}**; numbers may lag behind the inputs.")

counts = data.overview_counts(f)
st.subheader("In the selected period")
cols = st.columns(5)
cols[0].metric("Articles", ui.fmt_int(counts.get("articles")))
cols[1].metric("Outlets", ui.fmt_int(counts.get("outlets")))
cols[2].metric("Actors mentioned", ui.fmt_int(counts.get("actors")))
cols[3].metric("Quotes", ui.fmt_int(counts.get("quotes")))
cols[4].metric("Events", ui.fmt_int(counts.get("events")))

trend = data.daily_trend(f)
if trend.empty:
    st.info("No articles in the selected period and outlets.")
else:
    st.altair_chart(charts.daily_trend(trend), width="stretch")

left, right = st.columns(2)
with left:
    st.subheader("Most mentioned actors")
    actors = data.top_actors(f)
    picked = ui.table(
        actors, on_select="rerun", selection_mode="single-row", key="overview_actors",
        column_order=["name", "kind", "country", "sector", "mentions", "articles"],
        column_config={"mentions": st.column_config.ProgressColumn("mentions", format="%d", max_value=int(actors["mentions"].max() or 1) if len(actors) else 1)},
    )
    st.caption("Select a row to open the actor's profile.")
    row = ui.picked_row(picked, actors)
    if row is not None:
        ui.open_actor(row["actor_id"])
with right:
    st.subheader("Most quoted speakers")
    speakers = data.top_speakers(f)
    picked = ui.table(
        speakers, on_select="rerun", selection_mode="single-row", key="overview_speakers",
        column_order=["speaker", "country", "sector", "quotes", "articles", "last_quoted"],
        column_config={"quotes": st.column_config.ProgressColumn("quotes", format="%d", max_value=int(speakers["quotes"].max() or 1) if len(speakers) else 1)},
    )
    st.caption("Select a row to open the speaker's profile.")
    row = ui.picked_row(picked, speakers)
    if row is not None:
        ui.open_actor(row["actor_id"])
