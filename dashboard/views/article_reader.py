"""Article reader: one article's text with its actors, quotes and event evidence highlighted."""

import html

import streamlit as st

from dashboard import data, highlight, ui

f = ui.page_intro("Article reader", "Read an article with what was extracted from it")

wanted = st.query_params.get("article_id")
term = st.text_input("Find an article", key="reader_search", placeholder="words from the title, an outlet, or an article id")
matches = data.search_articles(f, term)
ids = list(matches["article_id"])
labels = {
    row["article_id"]: " · ".join(
        part for part in (ui.fmt_date(row["published_date"]), ui.clean(row["outlet"]), ui.clean(row["title"]) or row["article_id"]) if part
    )
    for row in matches.to_dict("records")
}
if wanted and wanted not in labels and not term.strip():  # a link may point outside the filters
    ids.insert(0, wanted)
    labels[wanted] = wanted
if not ids:
    st.info("No article matches." if term.strip() else "No articles in the selected period and outlets.")
    st.stop()
chosen = st.selectbox("Article", ids, index=ids.index(wanted) if wanted in ids else 0, format_func=lambda a: labels.get(a, a))
if chosen != wanted:
    st.query_params["article_id"] = chosen
    st.query_params.pop("quote_id", None)

story = data.article(chosen)
if story is None:
    st.warning("There is no article with that id in the current snapshot.")
    st.stop()

st.header(ui.md_escape(story["title"] or "(untitled)"))
byline = [ui.clean(story.get("outlet")), ui.fmt_date(story.get("published_date")), ui.clean(story.get("author")),
          f"{ui.fmt_int(story.get('word_count'))} words"]
st.caption(" · ".join(ui.md_escape(part) for part in byline if part and part != "–"))
url = ui.clean(story.get("url"))
if url and str(url).lower().startswith(("http://", "https://")):
    st.link_button("Open the original", str(url), icon=":material/open_in_new:")
if ui.clean(story.get("duplicate_of")):
    similarity = ui.clean(story.get("similarity"))
    st.info(
        "A near-duplicate of another article"
        + (f" (similarity {similarity:.2f})" if similarity is not None else "")
        + "; counts use the first copy."
    )
    st.page_link(ui.ARTICLE_PAGE, label="Open the first copy", query_params={"article_id": story["duplicate_of"]})

notes = data.article_annotations(chosen)
mentions, quotes, events = notes["mentions"], notes["quotes"], notes["events"]

wanted_quote = st.query_params.get("quote_id")
if wanted_quote is not None:
    linked = quotes[quotes["quote_id"] == wanted_quote]
    if not linked.empty:
        quote = linked.iloc[0]
        st.html(
            '<div style="border-left:4px solid #5b8def;padding:.4rem .8rem;background:#f3f6fd;">'
            f"You came here from this quote: “{html.escape(str(quote['text']))}”</div>"
        )

show_cols = st.columns(3)
show_mentions = show_cols[0].toggle(f"Actors ({len(mentions)})", value=True, key="reader_show_mentions")
show_quotes = show_cols[1].toggle(f"Quotes ({len(quotes)})", value=True, key="reader_show_quotes")
show_events = show_cols[2].toggle(f"Events ({len(events)})", value=True, key="reader_show_events")

spans: list[highlight.Span] = []
if show_mentions:
    for row in mentions.to_dict("records"):
        about = " · ".join(str(p) for p in (row["name"], ui.clean(row["kind"]), ui.clean(row["country"]), ui.clean(row["sector"])) if p)
        spans.append(highlight.Span(int(row["start_char"]), int(row["end_char"]), "mention", about))
if show_quotes:
    for row in quotes.to_dict("records"):
        speaker = ui.clean(row["speaker_name"]) or ui.clean(row["anonymous_description"]) or "unresolved"
        hover = f"{row['kind']} quote — speaker: {speaker} ({ui.clean(row['speaker_kind']) or 'unknown'})"
        spans.append(highlight.Span(int(row["start_char"]), int(row["end_char"]), "quote", hover))
if show_events:
    for row in events.to_dict("records"):
        score = ui.clean(row["score"])
        hover = (
            f"{row['event_type']}" + (f" ({score:+.1f})" if score is not None else "")
            + f": {ui.clean(row['source_name']) or '?'} → {ui.clean(row['target_name']) or '?'} [{row['modality']}]"
        )
        spans.append(highlight.Span(int(row["start_char"]), int(row["end_char"]), "event", hover))

st.html(highlight.legend_html())
st.html(highlight.render_article_html(story["text"] or "", spans))

with st.expander(f"Quotes in this article ({len(quotes)})"):
    ui.table(quotes, column_order=["text", "kind", "cue", "speaker_name", "speaker_kind", "anonymous_description"])
with st.expander(f"Events in this article ({len(events)})"):
    ui.table(events, column_order=["event_type", "score", "modality", "source_name", "target_name", "event_date", "location_name", "evidence"])
with st.expander(f"Actors in this article ({mentions['actor_id'].nunique() if len(mentions) else 0})"):
    actors = (
        mentions.groupby(["actor_id", "name"], as_index=False, dropna=False).agg(mentions=("start_char", "count"))
        .sort_values(["mentions", "name"], ascending=[False, True])
        if len(mentions) else mentions
    )
    for row in actors.to_dict("records"):
        st.page_link(ui.ACTOR_PAGE, label=f"{ui.md_escape(row['name'])} ({row['mentions']})", query_params={"actor_id": row["actor_id"]})
