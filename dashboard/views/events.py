"""Events: who did what to whom — timeline by PLOVER type, dyads, places on a map."""

import streamlit as st

from dashboard import charts, data, ui

f = ui.page_intro("Events", "PLOVER events found in the articles")

facets = data.event_facets(f)
if not facets["types"]:
    st.info("No events in the selected period and outlets.")
    st.stop()

type_col, modality_col = st.columns([3, 2])
types = tuple(type_col.multiselect("Event types", facets["types"], key="events_types", placeholder="All types"))
default_modalities = [m for m in facets["modalities"] if m == "asserted"]
modalities = tuple(
    modality_col.multiselect(
        "Modality", facets["modalities"], default=default_modalities, key="events_modalities", placeholder="All modalities",
        help="Asserted events happened per the text; negated, future and hypothetical ones did not (yet).",
    )
)

timeline = data.events_timeline(f, types, modalities)
st.subheader("Timeline by type")
if timeline.empty:
    st.info("No events match these types and modalities.")
    st.stop()
st.altair_chart(charts.event_timeline(timeline), width="stretch")

dyad_col, map_col = st.columns([1, 1])
with dyad_col:
    st.subheader("Dyads")
    st.caption("Source → target pairs, coloured by mean score: red conflict, blue cooperation.")
    pairs = data.dyads(f, types, modalities)
    if pairs.empty:
        st.info("No event names both a source and a target.")
    else:
        st.altair_chart(charts.dyad_bars(pairs), width="stretch")
with map_col:
    st.subheader("Places")
    places = data.event_places(f, types, modalities)
    if places.empty:
        st.info("No event has a resolved place.")
    else:
        st.caption(f"{int(places['events'].sum()):,} events at {len(places):,} places; circle colour = mean score.")
        st.pydeck_chart(charts.event_map(places), height=420)

st.subheader("Events")
events = data.events_table(f, types, modalities)
picked = ui.table(
    events, on_select="rerun", selection_mode="single-row", key="events_table",
    column_order=["published_date", "outlet", "event_type", "mode", "score", "modality", "source_name", "target_name",
                  "event_date", "date_granularity", "location_name", "evidence"],
    column_config={"score": st.column_config.NumberColumn(format="%+.1f")},
)
st.caption(f"Newest {len(events):,} events. Select one to read its article.")
row = ui.picked_row(picked, events)
if row is not None:
    ui.open_article(row["article_id"])
