"""Pieces every page shares: the sidebar filters, the no-data message, safe text and links."""

from __future__ import annotations

import html
import re
from datetime import date, datetime, timedelta
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import data, db
from dashboard.filters import Filters

ACTOR_PAGE = "views/actor_profile.py"
ARTICLE_PAGE = "views/article_reader.py"

PERIODS: dict[str, int | None] = {
    "All dates": None,
    "Last 7 days": 7,
    "Last 30 days": 30,
    "Last 90 days": 90,
    "Custom range": -1,
}

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md_escape(text: Any) -> str:
    """Text safe to put inside st.markdown: no links, images, emphasis or LaTeX from the data."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", "" if text is None else str(text))


def fmt_int(value: Any) -> str:
    return "–" if value is None or pd.isna(value) else f"{int(value):,}"


def fmt_share(part: Any, whole: Any) -> str:
    if not whole:
        return "–"
    return f"{100 * (part or 0) / whole:.1f} %"


def fmt_age(moment: datetime | None) -> str:
    if moment is None or pd.isna(moment):
        return "never"
    seconds = (datetime.now() - moment).total_seconds()
    if seconds < 90:
        return "just now"
    for unit, size in (("day", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            count = int(seconds // size)
            return f"{count} {unit}{'s' if unit == 'day' and count > 1 else ''} ago"
    return "just now"


def fmt_date(value: Any, with_time: bool = False) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "–"
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d %H:%M" if with_time and hasattr(value, "hour") else "%Y-%m-%d")
    return str(value)


def snapshot_published_at() -> datetime | None:
    version = db.snapshot_version()
    return None if version is None else datetime.fromtimestamp(version.mtime_ns / 1e9)


def no_data(title: str) -> None:
    st.title(title)
    st.info(
        "**No data yet — run `make pipeline`.**\n\n"
        f"The dashboard reads the snapshot the pipeline publishes after each successful run, "
        f"and there is none at `{db.snapshot_path()}` yet."
    )


def sidebar_filters() -> Filters:
    """Render the global filters in the sidebar and remember them for every page."""
    options = data.filter_options()
    low: date | None = options["min_date"]
    high: date | None = options["max_date"]
    # A newer snapshot may lack an outlet picked earlier; a multiselect refuses unknown values.
    if "flt_outlets" in st.session_state:
        st.session_state["flt_outlets"] = [o for o in st.session_state["flt_outlets"] if o in options["outlets"]]
    with st.sidebar:
        st.subheader("Filters")
        period = st.selectbox(
            "Period", list(PERIODS), key="flt_period",
            help="Relative periods end on the newest article's publication date.",
        )
        start = end = None
        days = PERIODS[period]
        if days == -1:
            default = (low or date.today(), high or date.today())
            picked = st.date_input("Published between", value=default, key="flt_range")
            picked = tuple(picked) if isinstance(picked, (tuple, list)) else (picked,)
            start = picked[0] if len(picked) > 0 else None
            end = picked[1] if len(picked) > 1 else None
        elif days is not None and high is not None:
            start, end = high - timedelta(days=days - 1), high
        outlets = st.multiselect("Outlets", options["outlets"], key="flt_outlets", placeholder="All outlets")
        include_duplicates = st.toggle(
            "Count near-duplicate copies", key="flt_duplicates",
            help="Off: a story syndicated to several outlets counts once, under its first copy.",
        )
        published = snapshot_published_at()
        if published is not None:
            st.caption(f"Snapshot published {fmt_age(published)} ({published:%Y-%m-%d %H:%M}).")
    filters = Filters(start=start, end=end, outlets=tuple(outlets), include_duplicates=include_duplicates)
    st.session_state["filters"] = filters
    return filters


def current_filters() -> Filters:
    return st.session_state.get("filters") or Filters()


def page_intro(title: str, what: str) -> Filters:
    f = current_filters()
    st.title(title)
    st.caption(f"{what} · {md_escape(f.describe())}")
    return f


def clean(value: Any) -> Any:
    """None for SQL NULL however pandas spelled it (None, NaN, NA, NaT)."""
    try:
        return None if pd.isna(value) else value
    except (TypeError, ValueError):  # lists and arrays are values, not missing
        return value


def quote_card(row: dict[str, Any], *, show_speaker: bool = True) -> None:
    """One quote: its text, who said it, where, and a link to read it in its article."""
    get = lambda key: clean(row.get(key))  # noqa: E731
    attribution = []
    if show_speaker:
        speaker = get("speaker_name") or get("anonymous_description") or "unresolved speaker"
        kind = get("speaker_kind")
        attribution.append(f"<b>{html.escape(str(speaker))}</b>" + (f" ({html.escape(str(kind))})" if kind else ""))
    if get("cue"):
        attribution.append(f"cue “{html.escape(str(get('cue')))}”")
    attribution.append(html.escape(f"{get('kind') or 'unknown'} quote"))
    if (get("articles_carrying") or 1) > 1:
        attribution.append(f"carried by {int(get('articles_carrying'))} articles")
    day = fmt_date(get("published_date"))
    source = " · ".join(html.escape(str(part)) for part in (get("outlet"), day if day != "–" else None, get("title")) if part)
    with st.container(border=True):
        st.html(
            '<div class="pw-quote">'
            f'<div style="font-size:1.05rem;margin-bottom:.3rem;">“{html.escape(str(get("text") or ""))}”</div>'
            f'<div style="font-size:.9rem;color:#555;">— {" · ".join(attribution)}</div>'
            f'<div style="font-size:.8rem;color:#777;">{source}</div>'
            "</div>"
        )
        st.page_link(
            ARTICLE_PAGE, label="Read in article", icon=":material/article:",
            query_params={"article_id": get("article_id"), "quote_id": get("quote_id")},
        )


def table(frame: pd.DataFrame, **kwargs: Any) -> Any:
    """st.dataframe with dates shown as dates (DuckDB DATEs arrive as midnight timestamps)."""
    config = dict(kwargs.pop("column_config", None) or {})
    for column in frame.columns:
        if column in config or not pd.api.types.is_datetime64_any_dtype(frame[column]):
            continue
        values = frame[column].dropna()
        if (values.dt.normalize() == values).all():
            config[column] = st.column_config.DateColumn(column, format="YYYY-MM-DD")
        else:
            config[column] = st.column_config.DatetimeColumn(column, format="YYYY-MM-DD HH:mm")
    kwargs.setdefault("hide_index", True)
    return st.dataframe(frame, column_config=config, **kwargs)


def picked_row(event: Any, frame: pd.DataFrame) -> pd.Series | None:
    """The row a user selected in an st.dataframe(on_select='rerun'), if any."""
    rows = getattr(getattr(event, "selection", None), "rows", None) or []
    if not rows or rows[0] >= len(frame):
        return None
    return frame.iloc[rows[0]]


def open_actor(actor_id: str) -> None:
    st.switch_page(ACTOR_PAGE, query_params={"actor_id": actor_id})


def open_article(article_id: str) -> None:
    st.switch_page(ARTICLE_PAGE, query_params={"article_id": article_id})
