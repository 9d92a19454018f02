"""Quotes: search every quote by text, speaker, kind and anonymity; each one opens its article."""

import math

import streamlit as st

from dashboard import data, ui

PAGE_SIZE = 25

f = ui.page_intro("Quotes", "Who said what, searchable")

search_col, speaker_col = st.columns([3, 2])
text = search_col.text_input(
    "Search quote text", key="quotes_text", placeholder='words or "an exact phrase"',
    help="Every word or quoted phrase must appear; case does not matter.",
)
speaker = speaker_col.text_input("Speaker", key="quotes_speaker", placeholder="part of a name or description")
kind_col, anonymity_col = st.columns([2, 3])
kinds = kind_col.multiselect("Kind", ["direct", "mixed", "indirect"], key="quotes_kinds", placeholder="All kinds")
anonymity = anonymity_col.radio("Speaker resolution", list(data.ANONYMITY_CONDITIONS), key="quotes_anonymity", horizontal=True, label_visibility="collapsed")

search = data.QuoteSearch(text=text, speaker=speaker, kinds=tuple(kinds), anonymity=anonymity)
total = data.count_quotes(f, search)
pages = max(1, math.ceil(total / PAGE_SIZE))
summary_col, page_col = st.columns([3, 1])
page_number = page_col.number_input("Page", min_value=1, max_value=pages, value=1, step=1, key=f"quotes_page_{hash((search, f))}")  # a new search starts at page 1
summary_col.markdown(f"**{total:,} quotes** match · page {page_number} of {pages}")

if total == 0:
    st.info("No quote matches. Loosen the search or the sidebar filters.")
else:
    results = data.search_quotes(f, search, limit=PAGE_SIZE, offset=(page_number - 1) * PAGE_SIZE)
    for row in results.to_dict("records"):
        ui.quote_card(row)
