"""Helpers for the dashboard's AppTest tests (imported by name: tests/unit/dashboard is on sys.path)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]
APP = REPO / "dashboard" / "app.py"

# page file (relative to app.py) -> its title
PAGES = {
    "views/overview.py": "Overview",
    "views/actor_profile.py": "Actor profile",
    "views/quotes.py": "Quotes",
    "views/events.py": "Events",
    "views/article_reader.py": "Article reader",
    "views/quality.py": "Quality",
    "views/sql_console.py": "SQL console",
}


def elements(at: Any, kind: str) -> list[Any]:
    """Every element of one proto type (e.g. 'plotly_chart') anywhere in the main area."""
    found: list[Any] = []

    def walk(node: Any) -> None:
        if getattr(node, "type", None) == kind:
            found.append(node)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at.main)
    return found


def metric(at: Any, label: str) -> str:
    values = [m.value for m in at.metric if m.label == label]
    assert values, f"no metric {label!r}; have {[m.label for m in at.metric]}"
    return values[0]


def html_bodies(at: Any) -> list[str]:
    return [element.proto.body for element in elements(at, "html")]


def assert_clean(at: Any) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
