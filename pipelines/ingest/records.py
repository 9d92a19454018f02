"""JSON article records -> RawArticle, with common field names and a caller's field map."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from pipelines.ingest.build import RawArticle

FIELDS_PATH = Path(__file__).parent / "rules" / "json_fields.yaml"
ARTICLE_FIELDS = ("text", "title", "published", "url", "outlet", "author", "language")


@lru_cache(maxsize=1)
def default_fields() -> dict[str, tuple[str, ...]]:
    data = yaml.safe_load(FIELDS_PATH.read_text(encoding="utf-8"))
    return {key: tuple(names) for key, names in data.items()}


def _names(field: str, field_map: dict | None) -> list[str]:
    """The caller's names for a field first (a name or a list of names), then the defaults."""
    override = field_map.get(field) if isinstance(field_map, dict) else None
    if isinstance(override, str):
        names = [override]
    elif isinstance(override, (list, tuple)):
        names = [n for n in override if isinstance(n, str)]
    else:
        names = []
    return names + [n for n in default_fields().get(field, ()) if n not in names]


def lookup(record: dict, dotted: str) -> object:
    value: object = record
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _first(record: dict, field: str, field_map: dict | None) -> object:
    for name in _names(field, field_map):
        value = lookup(record, name)
        if value not in (None, "", [], {}):
            return value
    return None


def _text(value: object) -> object:
    """Bodies sometimes come as a list of paragraphs."""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "\n\n".join(value)
    return value


def raw_article(record: dict, field_map: dict | None, source_line: int | None) -> RawArticle:
    found = {field: _first(record, field, field_map) for field in ARTICLE_FIELDS}
    return RawArticle(
        text=_text(found["text"]),
        title=found["title"],
        outlet=found["outlet"],
        url=found["url"],
        author=found["author"],
        published=found["published"],
        language=found["language"],
        source_line=source_line,
    )


def has_text(record: dict, field_map: dict | None) -> bool:
    return _first(record, "text", field_map) is not None


def contained_records(record: dict, field_map: dict | None) -> list | None:
    """The list of articles inside a wrapper object ({"articles": [...]}), if it is one."""
    if has_text(record, field_map):
        return None
    for name in default_fields().get("containers", ()):
        value = lookup(record, name)
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            return value
    return None
