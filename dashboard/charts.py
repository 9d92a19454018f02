"""Chart builders: data frames in, Altair / Plotly / pydeck objects out. No queries here."""

from __future__ import annotations

import html
import math

import altair as alt
import networkx as nx
import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk

# PLOVER's conflict–cooperation score runs from -10 (most conflictual) to +10 (most cooperative).
SCORE_DOMAIN = [-10, 0, 10]
SCORE_COLOURS = ["#c0392b", "#d9d9d9", "#2166ac"]
SCORE_SCALE = alt.Scale(domain=SCORE_DOMAIN, range=SCORE_COLOURS, clamp=True)
COUNT_AXIS = alt.Axis(tickMinStep=1, format="d")
PERIPHERAL_EDGES = 30  # co-occurrence edges drawn between the centre's neighbours


def _day(field: str = "day") -> alt.X:
    """A per-day time axis: bars one day wide, labels without hours."""
    return alt.X(f"yearmonthdate({field}):T", title=None, axis=alt.Axis(format="%b %d", labelOverlap=True))


def daily_trend(frame: pd.DataFrame) -> alt.Chart:
    """Articles, quotes and events per day as lines."""
    long = frame.melt(id_vars="day", value_vars=["articles", "quotes", "events"], var_name="series", value_name="count")
    return (
        alt.Chart(long)
        .mark_line(point=True)
        .encode(
            x=_day(),
            y=alt.Y("count:Q", title="per day", axis=COUNT_AXIS),
            color=alt.Color("series:N", title=None, legend=alt.Legend(orient="top")),
            tooltip=[alt.Tooltip("day:T", format="%Y-%m-%d"), "series:N", "count:Q"],
        )
        .properties(height=260)
    )


def mentions_per_day(frame: pd.DataFrame) -> alt.Chart:
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=_day(),
            y=alt.Y("mentions:Q", title="mentions", axis=COUNT_AXIS),
            tooltip=[alt.Tooltip("day:T", format="%Y-%m-%d"), "mentions:Q", "articles:Q"],
        )
        .properties(height=220)
    )


def score_trend(events: pd.DataFrame) -> alt.Chart:
    """Mean conflict–cooperation score per day, one line per role, points sized by event count."""
    daily = (
        events.dropna(subset=["published_date"])
        .groupby(["published_date", "role"], as_index=False)
        .agg(mean_score=("score", "mean"), events=("event_id", "count"))
    )
    base = alt.Chart(daily).encode(x=_day("published_date"))
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="#888", strokeDash=[4, 4]).encode(y="y:Q")
    lines = base.mark_line().encode(
        y=alt.Y("mean_score:Q", title="mean score (conflict − / cooperation +)", scale=alt.Scale(domain=[-10, 10])),
        color=alt.Color("role:N", title=None, legend=alt.Legend(orient="top")),
    )
    points = base.mark_circle().encode(
        y="mean_score:Q",
        size=alt.Size("events:Q", legend=None),
        color=alt.Color("mean_score:Q", scale=SCORE_SCALE, legend=None),
        tooltip=[alt.Tooltip("published_date:T", title="day", format="%Y-%m-%d"), "role:N", alt.Tooltip("mean_score:Q", format=".1f"), "events:Q"],
    )
    return (zero + lines + points).properties(height=260)


def event_timeline(frame: pd.DataFrame) -> alt.Chart:
    """Events per day stacked by PLOVER type."""
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=_day(),
            y=alt.Y("events:Q", title="events", stack=True, axis=COUNT_AXIS),
            color=alt.Color("event_type:N", title="type", scale=alt.Scale(scheme="tableau20")),
            tooltip=[alt.Tooltip("day:T", format="%Y-%m-%d"), "event_type:N", "events:Q", alt.Tooltip("mean_score:Q", format=".1f")],
        )
        .properties(height=280)
    )


def dyad_bars(frame: pd.DataFrame) -> alt.Chart:
    """Source → target pairs by event count, coloured from conflict (red) to cooperation (blue)."""
    frame = frame.assign(dyad=frame["source_name"].astype(str) + " → " + frame["target_name"].astype(str))
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("dyad:N", sort="-x", title=None, axis=alt.Axis(labelLimit=320)),
            x=alt.X("events:Q", title="events", axis=COUNT_AXIS),
            color=alt.Color("score_mean:Q", title="mean score", scale=SCORE_SCALE),
            tooltip=["dyad:N", "events:Q", alt.Tooltip("score_mean:Q", format=".1f"), "event_types:N"],
        )
        .properties(height=alt.Step(22))
    )


def count_bars(frame: pd.DataFrame, category: str, value: str, title: str | None = None) -> alt.Chart:
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y(f"{category}:N", sort="-x", title=None),
            x=alt.X(f"{value}:Q", title=title or value, axis=COUNT_AXIS),
            tooltip=[f"{category}:N", f"{value}:Q"],
        )
        .properties(height=alt.Step(24))
    )


def speaker_mix(frame: pd.DataFrame) -> alt.Chart:
    """Each outlet's quotes split by speaker sector, as shares of 100 %."""
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("outlet:N", title=None),
            x=alt.X("quotes:Q", stack="normalize", title="share of quotes", axis=alt.Axis(format="%")),
            color=alt.Color("speaker_sector:N", title="speaker sector", scale=alt.Scale(scheme="tableau20")),
            tooltip=["outlet:N", "speaker_sector:N", "quotes:Q"],
        )
        .properties(height=alt.Step(24))
    )


def _score_rgb(score: float | None) -> list[int]:
    if score is None or (isinstance(score, float) and math.isnan(score)):
        return [120, 120, 120, 190]
    share = max(-1.0, min(1.0, score / 10.0))
    if share < 0:  # towards conflict red
        return [int(217 + (192 - 217) * -share), int(217 + (57 - 217) * -share), int(217 + (43 - 217) * -share), 200]
    return [int(217 + (33 - 217) * share), int(217 + (102 - 217) * share), int(217 + (172 - 217) * share), 200]


def event_map(places: pd.DataFrame) -> pdk.Deck:
    """One circle per place, sized by event count and coloured by mean score."""
    frame = places.copy()
    frame["colour"] = [_score_rgb(score) for score in frame["score_mean"]]
    frame["radius"] = [20_000 + 25_000 * math.sqrt(events) for events in frame["events"]]
    frame["score_label"] = [("n/a" if pd.isna(score) else f"{score:+.1f}") for score in frame["score_mean"]]
    layer = pdk.Layer(
        "ScatterplotLayer",
        data=frame[["location_name", "location_country", "latitude", "longitude", "events", "event_types", "colour", "radius", "score_label"]],
        get_position="[longitude, latitude]",
        get_fill_color="colour",
        get_radius="radius",
        radius_min_pixels=4,
        radius_max_pixels=40,
        pickable=True,
    )
    view = pdk.ViewState(
        latitude=float(frame["latitude"].mean()), longitude=float(frame["longitude"].mean()), zoom=1.3
    )
    tooltip = {"text": "{location_name} ({location_country})\n{events} events: {event_types}\nmean score {score_label}"}
    return pdk.Deck(layers=[layer], initial_view_state=view, tooltip=tooltip, map_style=None)


def cooccurrence_network(nodes: pd.DataFrame, edges: pd.DataFrame, centre_id: str) -> go.Figure:
    """The actor and its co-occurring actors; edge width by shared articles. customdata = actor_id."""
    graph = nx.Graph()
    for row in nodes.itertuples(index=False):
        graph.add_node(row.actor_id, name=row.name, kind=row.kind, country=row.country, mentions=row.mention_count)
    # Every edge to the centre, but only the strongest among the others, or the picture is a hairball.
    ranked = edges.assign(to_centre=(edges["actor_a_id"] == centre_id) | (edges["actor_b_id"] == centre_id))
    ranked = ranked.sort_values(["to_centre", "articles", "sentences"], ascending=False)
    kept = pd.concat([ranked[ranked["to_centre"]], ranked[~ranked["to_centre"]].head(PERIPHERAL_EDGES)])
    for row in kept.itertuples(index=False):
        if row.actor_a_id in graph and row.actor_b_id in graph:
            graph.add_edge(row.actor_a_id, row.actor_b_id, weight=float(row.articles), sentences=int(row.sentences))
    positions = nx.spring_layout(graph, weight="weight", seed=7, k=1.2 / math.sqrt(max(graph.number_of_nodes(), 1)))

    figure = go.Figure()
    top_weight = max((data["weight"] for *_, data in graph.edges(data=True)), default=1.0)
    for a, b, data in graph.edges(data=True):
        (xa, ya), (xb, yb) = positions[a], positions[b]
        touches_centre = centre_id in (a, b)
        figure.add_trace(
            go.Scatter(
                x=[xa, xb], y=[ya, yb], mode="lines", hoverinfo="skip", showlegend=False,
                line={"width": 0.8 + 5 * data["weight"] / top_weight, "color": "#7f8fa6" if touches_centre else "#d0d6e0"},
            )
        )
    ids = list(graph.nodes)
    attrs = [graph.nodes[node] for node in ids]
    degree = dict(graph.degree(weight="weight"))
    figure.add_trace(
        go.Scatter(
            x=[positions[node][0] for node in ids],
            y=[positions[node][1] for node in ids],
            mode="markers+text",
            # Plotly reads a subset of HTML in labels, so names from articles are escaped.
            text=[html.escape(str(attr.get("name") or node)) for node, attr in zip(ids, attrs)],
            textposition="top center",
            customdata=ids,
            hovertext=[
                html.escape(f"{attr.get('name')} · {attr.get('kind') or '?'} · {attr.get('country') or '?'}") + "<br>"
                f"{int(degree.get(node, 0))} shared articles in view"
                for node, attr in zip(ids, attrs)
            ],
            hoverinfo="text",
            marker={
                "size": [30 if node == centre_id else 12 + 3 * math.sqrt(degree.get(node, 0)) for node in ids],
                "color": ["#e67e22" if node == centre_id else "#2e86de" for node in ids],
                "line": {"width": 1, "color": "#ffffff"},
            },
            showlegend=False,
        )
    )
    figure.update_layout(
        height=520, margin={"l": 10, "r": 10, "t": 10, "b": 10}, clickmode="event+select",
        xaxis={"visible": False}, yaxis={"visible": False}, plot_bgcolor="rgba(0,0,0,0)",
    )
    return figure
