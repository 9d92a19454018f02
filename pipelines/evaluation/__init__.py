"""Scoring of the extractor's CLI records against the gold and dev sets (pure Python).

Scorers are pure functions over CLI-record dicts; `runner.main` runs the real extractor on
the sets and prints one table. Metric definitions: ../shared/gold/README.md.
"""

from pipelines.evaluation.actors import score_actors
from pipelines.evaluation.boilerplate import score_boilerplate
from pipelines.evaluation.events import date_agrees, score_events
from pipelines.evaluation.html_body import aggregate as aggregate_body_scores
from pipelines.evaluation.html_body import page_counts as body_page_counts
from pipelines.evaluation.plover import score_plover
from pipelines.evaluation.quotes import score_quotes

__all__ = [
    "aggregate_body_scores",
    "body_page_counts",
    "date_agrees",
    "score_actors",
    "score_boilerplate",
    "score_events",
    "score_plover",
    "score_quotes",
]
