"""SQL console: one read-only query at a time over the snapshot, with a CSV download.
The guard is dashboard/console.py."""

import streamlit as st

from dashboard import console, data, ui

EXAMPLE = """SELECT outlet, count(*) AS articles, sum(quote_count) AS quotes
FROM marts.dim_articles
GROUP BY outlet
ORDER BY articles DESC"""

st.title("SQL console")
st.caption(
    f"Read-only SQL over the published snapshot (DuckDB dialect). One statement at a time; "
    f"at most {console.CONSOLE_MAX_ROWS:,} rows are shown; queries stop after {console.CONSOLE_TIMEOUT_SECONDS:.0f} s. "
    "Sidebar filters do not apply here."
)

with st.expander("Tables and columns"):
    ui.table(data.warehouse_tables())

with st.form("sql_form"):
    sql = st.text_area("Query", value=EXAMPLE, height=180, key="sql_text")
    submitted = st.form_submit_button("Run", type="primary", icon=":material/play_arrow:")

if submitted:
    st.session_state["sql_last"] = sql
    st.session_state.pop("sql_outcome", None)
    try:
        st.session_state["sql_outcome"] = console.run_console_query(sql)
    except console.ConsoleRefused as exc:
        st.session_state["sql_outcome"] = ("refused", str(exc))
    except console.ConsoleError as exc:
        st.session_state["sql_outcome"] = ("error", str(exc))

outcome = st.session_state.get("sql_outcome")
if isinstance(outcome, tuple):
    kind, message = outcome
    if kind == "refused":
        st.warning(f"Not run: {message}", icon=":material/block:")
    else:
        st.error("DuckDB could not run the query:", icon=":material/error:")
        st.code(message, language=None)
elif isinstance(outcome, console.ConsoleResult):
    note = f"{len(outcome.frame):,} rows in {outcome.seconds:.2f} s"
    if outcome.truncated:
        note += f" — more rows exist; only the first {console.CONSOLE_MAX_ROWS:,} are shown and downloadable"
    st.caption(note)
    ui.table(outcome.frame)
    st.download_button(
        "Download CSV", outcome.frame.to_csv(index=False).encode("utf-8"), file_name="presswatch_query.csv",
        mime="text/csv", icon=":material/download:", on_click="ignore",
    )
elif outcome is None and "sql_last" not in st.session_state:
    st.caption(ui.md_escape("Press Run to try the example, or write your own query."))
