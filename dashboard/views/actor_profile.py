"""Actor profile: who an actor is, when they are mentioned, what they said and what was said
about them, what they did and had done to them, and who they appear with."""

import streamlit as st

from dashboard import charts, data, ui

f = ui.page_intro("Actor profile", "Search any person, organisation, country or group")

wanted = st.query_params.get("actor_id")
if wanted:
    # a one-word person counted as a full-name person (an older link): show that person
    same_as = (data.actor(wanted) or {}).get("same_as_actor_id")
    if same_as:
        wanted = st.query_params["actor_id"] = same_as
term = st.text_input("Search actors", placeholder="a name or an alias, e.g. a surname", key="actor_search")
matches = data.search_actors(term)
ids = list(matches["actor_id"])
labels = {
    row["actor_id"]: " · ".join(str(part) for part in (row["name"], ui.clean(row["kind"]), ui.clean(row["country"])) if part)
    for row in matches.to_dict("records")
}
if wanted and wanted not in labels and not term.strip():  # a link, not a search
    linked = data.actor(wanted)
    if linked is not None:
        ids.insert(0, wanted)
        labels[wanted] = " · ".join(str(p) for p in (linked["name"], linked["kind"], linked["country"]) if p)
if not ids:
    st.info("No actor matches that search." if term.strip() else "No actors in the warehouse yet.")
    st.stop()

chosen = st.selectbox(
    "Actor", ids, index=ids.index(wanted) if wanted in ids else 0, format_func=lambda actor_id: labels.get(actor_id, actor_id),
)
if chosen != wanted:
    st.query_params["actor_id"] = chosen

person = data.actor(chosen)
if person is None:
    st.warning("That actor is not in the current snapshot.")
    st.stop()

st.header(ui.md_escape(person["name"]))
facts = [
    ("kind", person.get("kind")), ("country", person.get("country")),
    ("sector", person.get("sector")), ("title", person.get("title")),
]
st.caption(" · ".join(f"{name}: **{ui.md_escape(value)}**" for name, value in facts if ui.clean(value)))
if ui.clean(person.get("aliases")):
    st.caption(f"Also written as: {ui.md_escape(person['aliases'])}")
cols = st.columns(5)
cols[0].metric("Mentions", ui.fmt_int(person.get("mention_count")), help="All time, all outlets.")
cols[1].metric("Articles", ui.fmt_int(person.get("article_count")))
cols[2].metric("Quotes by them", ui.fmt_int(person.get("quote_count")))
cols[3].metric("First seen", ui.fmt_date(person.get("first_seen")))
cols[4].metric("Last seen", ui.fmt_date(person.get("last_seen")))

mentions_tab, quotes_tab, events_tab, network_tab = st.tabs(["Mentions", "Quotes", "Events", "Network"])

with mentions_tab:
    daily = data.actor_mentions_daily(chosen, f)
    if daily.empty:
        st.info("Not mentioned in the selected period and outlets.")
    else:
        st.altair_chart(charts.mentions_per_day(daily), width="stretch")

with quotes_tab:
    said_by, said_about = st.columns(2)
    with said_by:
        own = data.quotes_by_speaker(chosen, f)
        st.subheader(f"Quotes by them ({len(own)})")
        if own.empty:
            st.caption("No quotes attributed to them in this period.")
        for row in own.head(15).to_dict("records"):
            ui.quote_card(row, show_speaker=False)
        if len(own) > 15:
            st.caption(f"{len(own) - 15} more on the Quotes page.")
    with said_about:
        about = data.quotes_about(chosen, f)
        st.subheader(f"What others said about them ({len(about)})")
        if about.empty:
            st.caption("No quote by someone else mentions them in this period.")
        for row in about.head(15).to_dict("records"):
            ui.quote_card(row)
        if len(about) > 15:
            st.caption(f"Showing 15 of {len(about)}.")

with events_tab:
    events = data.actor_events(chosen, f)
    if events.empty:
        st.info("No events with this actor as source or target in the selected period.")
    else:
        st.markdown("**Cooperation–conflict trend** — mean PLOVER score per day (−10 conflict … +10 cooperation)")
        st.altair_chart(charts.score_trend(events), width="stretch")
        summary = events.groupby(["role", "event_type"], as_index=False).agg(events=("event_id", "count"), mean_score=("score", "mean"))
        ui.table(summary, column_config={"mean_score": st.column_config.NumberColumn(format="%.1f")})
        picked = ui.table(
            events, on_select="rerun", selection_mode="single-row", key="actor_events_table",
            column_order=["published_date", "role", "event_type", "score", "modality", "source_name", "target_name", "event_date", "location_name", "evidence"],
        )
        st.caption("Select an event to read its article.")
        row = ui.picked_row(picked, events)
        if row is not None:
            ui.open_article(row["article_id"])

with network_tab:
    network = data.cooccurrence_network(chosen)
    if network["edges"].empty:
        st.info("No other actor appears in the same articles.")
    else:
        st.caption("Actors named in the same articles (all dates and outlets); thicker lines = more shared articles. Click a node to open that actor.")
        clicked = st.plotly_chart(
            charts.cooccurrence_network(network["nodes"], network["edges"], chosen),
            on_select="rerun", selection_mode="points", key="actor_network", config={"displayModeBar": False},
        )
        points = getattr(getattr(clicked, "selection", None), "points", None) or []
        target = next((p.get("customdata") for p in points if p.get("customdata") not in (None, chosen)), None)
        if isinstance(target, list):
            target = target[0] if target else None
        if target:
            ui.open_actor(target)
