"""presswatch dashboard: `streamlit run dashboard/app.py`.

Reads only the snapshot the pipeline publishes (PRESSWATCH_PUBLISHED); see dashboard/db.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Pages live in views/, not pages/: with a pages/ folder Streamlit falls back to its v1
# multipage mode on a process's first run and serves page files without this entrypoint.
# `streamlit run` puts dashboard/ on sys.path, not the project root the imports below need.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

import duckdb  # noqa: E402
import streamlit as st  # noqa: E402

from dashboard import db, ui  # noqa: E402

st.set_page_config(page_title="presswatch", page_icon=":material/newspaper:", layout="wide")

pages = {
    "News": [
        st.Page("views/overview.py", title="Overview", icon=":material/dashboard:", default=True),
        st.Page("views/actor_profile.py", title="Actor profile", icon=":material/person_search:", url_path="actor"),
        st.Page("views/quotes.py", title="Quotes", icon=":material/format_quote:", url_path="quotes"),
        st.Page("views/events.py", title="Events", icon=":material/public:", url_path="events"),
        st.Page("views/article_reader.py", title="Article reader", icon=":material/article:", url_path="article"),
    ],
    "Warehouse": [
        st.Page("views/quality.py", title="Quality", icon=":material/fact_check:", url_path="quality"),
        st.Page("views/sql_console.py", title="SQL console", icon=":material/terminal:", url_path="sql"),
    ],
}
page = st.navigation(pages)

if db.snapshot_version() is None:
    ui.no_data(page.title)
else:
    try:
        ui.sidebar_filters()
        page.run()
    except db.SnapshotMissing:
        ui.no_data(page.title)
    except db.SnapshotBusy:
        st.warning("The warehouse snapshot is busy right now (it is being replaced). Reload in a moment.")
    except (duckdb.CatalogException, duckdb.BinderException) as exc:
        st.error(
            "The snapshot lacks a table or column this page needs — it may predate the current marts. "
            "Run `make pipeline` to publish a fresh one."
        )
        st.code(str(exc), language=None)
