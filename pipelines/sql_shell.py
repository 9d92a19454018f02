"""`make sql`: a small SQL shell on the warehouse, read-only by default.

Read-only mode opens the published snapshot with external access off, so it can neither
change the warehouse nor read or write other files, and never blocks a pipeline run.
"""

from __future__ import annotations

import sys

import duckdb

from pipelines.settings import get_settings
from pipelines.warehouse.connection import connect_with_retry
from pipelines.warehouse.publish import open_snapshot

HELP = "Type SQL ending with ';'. Tables: marts.*, staging.*, raw.*, nlp.*. .tables lists them, .quit leaves."


def _print(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    try:
        rel = con.sql(sql)
        if rel is None:
            print("ok")
            return
        rel.show(max_rows=50, max_width=200)
    except duckdb.Error as exc:
        print(f"error: {exc}")


def run_shell(write: bool = False, command: str | None = None) -> int:
    settings = get_settings()
    if write:
        con = connect_with_retry(settings.warehouse_path)
        where = f"{settings.warehouse_path} (read-write)"
    else:
        if not settings.published_path.exists():
            print(f"No published warehouse at {settings.published_path}: run `make pipeline` first.", file=sys.stderr)
            return 1
        con = open_snapshot(settings.published_path)
        where = f"{settings.published_path} (read-only snapshot)"
    try:
        if command:
            _print(con, command)
            return 0
        print(f"presswatch SQL on {where}\n{HELP}")
        buffer: list[str] = []
        while True:
            try:
                line = input("sql> " if not buffer else "...> ")
            except EOFError:
                break
            stripped = line.strip()
            if not buffer and stripped in (".quit", ".exit", "\\q"):
                break
            if not buffer and stripped == ".tables":
                _print(con, "SELECT table_schema, table_name, table_type FROM information_schema.tables ORDER BY 1, 2")
                continue
            buffer.append(line)
            if stripped.endswith(";"):
                _print(con, "\n".join(buffer))
                buffer.clear()
    finally:
        con.close()
    return 0
