"""Bulk writes through Arrow: rows become one Arrow table, inserted by column name."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import duckdb
import pyarrow as pa

_schema_cache: dict[str, pa.Schema] = {}


def table_schema(con: duckdb.DuckDBPyConnection, qualified: str) -> pa.Schema:
    """The Arrow schema of a warehouse table, so rows convert to exactly its column types."""
    if qualified not in _schema_cache:
        schema, table = qualified.split(".")
        exists = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
            [schema, table],
        ).fetchall()[0][0]
        if not exists:
            raise KeyError(f"table {qualified} does not exist")
        # the name was just checked against information_schema
        _schema_cache[qualified] = con.sql(f"SELECT * FROM {qualified} LIMIT 0").to_arrow_table().schema
    return _schema_cache[qualified]


def _coerce(value: Any, arrow_type: pa.DataType) -> Any:
    """ISO strings for DATE/TIMESTAMP columns (as extractors emit them) become Python dates."""
    if isinstance(value, str) and value:
        if pa.types.is_date(arrow_type):
            return date.fromisoformat(value[:10])
        if pa.types.is_timestamp(arrow_type):
            return datetime.fromisoformat(value)
    return value


def arrow_table(rows: Sequence[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    """Rows (dicts keyed by column; missing keys are NULL) as an Arrow table of exactly `schema`."""
    columns = {}
    for f in schema:
        values = [row.get(f.name) for row in rows]
        if pa.types.is_date(f.type) or pa.types.is_timestamp(f.type):  # the only columns to coerce
            values = [_coerce(value, f.type) for value in values]
        columns[f.name] = pa.array(values, type=f.type)
    return pa.table(columns, schema=schema)


def insert_rows(
    con: duckdb.DuckDBPyConnection,
    qualified: str,
    rows: Sequence[dict[str, Any]],
    *,
    on_conflict: str = "error",
) -> int:
    """Insert rows (dicts keyed by column) into schema.table; returns the number given.

    on_conflict: "error" (plain insert), "ignore" (keep existing rows), "replace" (upsert).
    """
    if not rows:
        return 0
    schema = table_schema(con, qualified)
    columns = schema.names
    arrow_rows = arrow_table(rows, schema)
    view = f"_arrow_{qualified.replace('.', '_')}"
    con.register(view, arrow_rows)
    try:
        verb = {"error": "INSERT", "ignore": "INSERT OR IGNORE", "replace": "INSERT OR REPLACE"}[on_conflict]
        column_list = ", ".join(f'"{c}"' for c in columns)
        # Identifiers come from information_schema, never from input; values go through Arrow.
        con.execute(f"{verb} INTO {qualified} ({column_list}) SELECT {column_list} FROM {view}")
    finally:
        con.unregister(view)
    return len(rows)
