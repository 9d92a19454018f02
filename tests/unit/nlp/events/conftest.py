"""A bare parser (no presswatch components) plus the fake resolver: event tests stay
independent of the actors and quotes components."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from pipelines.nlp.events import extract_events
from pipelines.settings import get_settings
from tests.unit.nlp.events.fake_resolver import FakeResolver


@pytest.fixture(scope="session")
def parser():
    return spacy.load(get_settings().spacy_model)


@pytest.fixture(scope="session")
def events_of(parser):
    """events_of(text, published=date(2022, 3, 7)) -> nlp.events rows from the fake resolver."""

    def _events(text: str, published: date | None = date(2022, 3, 7)) -> list[dict]:
        doc = parser(text)
        doc.user_data["article_id"] = "art1"
        return extract_events(doc, FakeResolver(doc), published)

    return _events


def only(rows: list[dict], event_type: str) -> dict:
    found = [r for r in rows if r["event_type"] == event_type]
    assert len(found) == 1, [(r["event_type"], r["source_name"], r["target_name"]) for r in rows]
    return found[0]
