"""Quality: how much of the extraction is usable, what was rejected, and the latest eval scores."""

import pandas as pd
import streamlit as st

from dashboard import charts, data, ui

f = ui.page_intro("Quality", "How complete and trustworthy the extraction is")

summary = data.quality_summary(f)
quotes, events = summary.get("quotes") or 0, summary.get("events") or 0
cols = st.columns(4)
cols[0].metric("Quotes with a resolved speaker", ui.fmt_share(summary.get("resolved_quotes"), quotes),
               help=f"{ui.fmt_int(summary.get('resolved_quotes'))} of {ui.fmt_int(quotes)} quotes name a known actor.")
cols[1].metric("Anonymous quotes", ui.fmt_share(summary.get("anonymous_quotes"), quotes),
               help=f"{ui.fmt_int(summary.get('anonymous_quotes'))} quotes credit an unnamed source.")
cols[2].metric("Events without a date", ui.fmt_share(summary.get("undated_events"), events),
               help=f"{ui.fmt_int(summary.get('undated_events'))} of {ui.fmt_int(events)} events.")
cols[3].metric("Events with a place", ui.fmt_share(summary.get("located_events"), events))

left, right = st.columns(2)
with left:
    st.subheader("Speakers by kind")
    kinds = data.speaker_kinds(f)
    if kinds.empty:
        st.caption("No quotes in this period.")
    else:
        st.altair_chart(charts.count_bars(kinds, "speaker_kind", "quotes"), width="stretch")
    st.subheader("Extraction status")
    ui.table(data.extraction_statuses(f))
with right:
    st.subheader("Rejected inputs by reason")
    reasons = data.rejected_by_reason()
    if reasons.empty:
        st.success("No input has been rejected.")
    else:
        st.altair_chart(charts.count_bars(reasons, "reason", "inputs"), width="stretch")
        with st.expander("Latest rejections"):
            ui.table(data.recent_rejections())

st.subheader("Sourcing by outlet")
st.caption("Per outlet over the months the period touches: quotes per article and the share credited to anonymous sources.")
sourcing = data.outlet_sourcing(f)
ui.table(
    sourcing,
    column_config={
        "quotes_per_article": st.column_config.NumberColumn("quotes / article", format="%.2f"),
        "anonymous_share": st.column_config.ProgressColumn("anonymous share", format="percent", min_value=0.0, max_value=1.0),
    },
)

mix = data.outlet_speaker_mix(f)
if not mix.empty:
    st.markdown("**Who gets quoted** — each outlet's quotes by the speaker's sector")
    st.altair_chart(charts.speaker_mix(mix), width="stretch")

st.subheader("Latest evaluation scores")
try:
    scores = data.eval_results()
except ValueError as exc:
    st.error(f"Could not read the evaluation results: {exc}")
    scores = None
if scores is None:
    st.info(f"No evaluation results yet — run `make eval` (it writes `{data.eval_results_path()}`).")
else:
    table = pd.DataFrame(scores["rows"])
    for column in ("set", "metric", "value", "goal"):
        if column not in table.columns:
            table[column] = None
    value = pd.to_numeric(table["value"], errors="coerce")
    goal = pd.to_numeric(table["goal"], errors="coerce")
    # Every presswatch metric is higher-is-better (precision, recall, F1, accuracy, shares right).
    table["value"], table["goal"] = value, goal
    table["meets goal"] = [("–" if pd.isna(g) or pd.isna(v) else ("yes" if v >= g else "no")) for v, g in zip(value, goal)]
    st.caption(f"Generated {ui.md_escape(scores.get('generated_at') or '?')}.")
    ui.table(
        table[["set", "metric", "value", "goal", "meets goal"]],
        column_config={"value": st.column_config.NumberColumn(format="%.3f"), "goal": st.column_config.NumberColumn(format="%.3f")},
    )
