"""The SQL console's guard: one read-only statement typed by a user, run on the snapshot.

The connection is read-only with external access off and its configuration locked, so writes
and file reads fail in DuckDB itself; on top of that only a single SELECT/EXPLAIN is accepted,
results are capped and a runaway query is interrupted.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
import pandas as pd

from dashboard import db

CONSOLE_MAX_ROWS = 5_000
CONSOLE_TIMEOUT_SECONDS = 20.0
CONSOLE_STATEMENT_TYPES = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


class ConsoleRefused(ValueError):
    """The console does not run this text (several statements, or not a read)."""


class ConsoleError(RuntimeError):
    """DuckDB could not run the query; the message is DuckDB's."""


@dataclass(frozen=True)
class ConsoleResult:
    frame: pd.DataFrame
    truncated: bool
    seconds: float


def _unique_columns(columns: Sequence[str]) -> list[str]:
    seen: dict[str, int] = {}
    unique = []
    for column in columns:
        count = seen.get(column, 0)
        seen[column] = count + 1
        unique.append(column if count == 0 else f"{column}_{count + 1}")
    return unique


def run_console_query(
    sql: str, max_rows: int = CONSOLE_MAX_ROWS, timeout_s: float = CONSOLE_TIMEOUT_SECONDS
) -> ConsoleResult:
    """Run one read-only statement typed by a user; raise ConsoleRefused or ConsoleError."""
    if not sql.strip():
        raise ConsoleRefused("Type a query first.")
    started = time.perf_counter()
    with db.connect() as con:
        try:
            statements = con.extract_statements(sql)
        except duckdb.Error as exc:
            raise ConsoleError(str(exc)) from exc
        if len(statements) != 1:
            raise ConsoleRefused(f"One statement at a time, please: this text holds {len(statements)}.")
        statement = statements[0]
        if statement.type not in CONSOLE_STATEMENT_TYPES:
            raise ConsoleRefused(
                f"The console is read-only: it runs SELECT (with WITH, FROM, DESCRIBE, SHOW, SUMMARIZE) "
                f"and EXPLAIN, not {statement.type.name}."
            )
        try:
            frame, truncated = db.query_with_timeout(con, sql, max_rows, timeout_s)
        except duckdb.InterruptException as exc:
            raise ConsoleError(f"Stopped after {timeout_s:.0f} s; narrow the query or add a LIMIT.") from exc
        except duckdb.Error as exc:
            raise ConsoleError(str(exc)) from exc
    frame.columns = _unique_columns([str(column) for column in frame.columns])
    return ConsoleResult(frame, truncated, time.perf_counter() - started)
