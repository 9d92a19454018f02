"""The global filters (period, outlets, near-duplicates) and the SQL they turn into."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Filters:
    """What the sidebar selected; None dates mean no bound. Hashable, so it can key caches."""

    start: date | None = None
    end: date | None = None
    outlets: tuple[str, ...] = ()
    include_duplicates: bool = False

    def describe(self) -> str:
        period = "all dates" if self.start is None and self.end is None else f"{self.start or '…'} – {self.end or '…'}"
        outlets = ", ".join(self.outlets) if self.outlets else "all outlets"
        copies = "near-duplicates counted" if self.include_duplicates else "near-duplicates skipped"
        return f"{period} · {outlets} · {copies}"


def article_conditions(f: Filters, alias: str = "a") -> tuple[str, dict[str, Any]]:
    """A WHERE condition over marts.dim_articles (as `alias`) and its named parameters.

    `alias` is always a literal chosen in data.py, never user input.
    """
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if f.start is not None:
        clauses.append(f"{alias}.published_date >= $f_start")
        params["f_start"] = f.start
    if f.end is not None:
        clauses.append(f"{alias}.published_date <= $f_end")
        params["f_end"] = f.end
    if f.outlets:
        clauses.append(f"list_contains($f_outlets, {alias}.outlet)")
        params["f_outlets"] = list(f.outlets)
    if not f.include_duplicates:
        clauses.append(f"{alias}.is_canonical")
    return (" AND ".join(clauses) or "TRUE"), params


def filtered_articles_cte(f: Filters) -> tuple[str, dict[str, Any]]:
    """`arts AS (...)`: the articles the filters keep, for joins and semi-joins."""
    condition, params = article_conditions(f, "a")
    return f"arts AS (SELECT a.* FROM marts.dim_articles a WHERE {condition})", params
