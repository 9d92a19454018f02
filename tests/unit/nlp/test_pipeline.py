"""The pipeline factory and the extraction driver: components, Doc data that survives
worker processes, the publication date, ids, order, versions and robustness."""

import gc
import hashlib
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from pipelines.nlp import extract as extract_module
from pipelines.nlp.api import ArticleInput
from pipelines.nlp.extract import extract_articles, extractor_version, to_cli_record
from pipelines.nlp.pipeline import COMPONENTS, EXTENSIONS
from pipelines.settings import get_settings
from tests.conftest import PROJECT_ROOT

SHARED = Path(__file__).resolve().parents[4] / "shared"

ARTICLES = [
    ArticleInput("a1", "“We will rebuild,” said Mayor Ana Ruiz of Valencia. Spain's government agreed on Monday.",
                 date(2024, 3, 4)),
    ArticleInput("a2", "Israeli Prime Minister Dan Amir said talks with Egypt would resume next week.", date(2023, 1, 9)),
    ArticleInput("a3", "", None),
    ArticleInput("a4", "Officials in Kenya said the rains had eased. Critics claimed aid was too slow.", date(2022, 11, 2)),
]


def test_components_are_added_once(nlp):
    for name in COMPONENTS:
        assert nlp.pipe_names.count(name) == 1


def test_results_on_the_doc_are_plain_json(run):
    doc = run(ARTICLES[0].text)
    for name in EXTENSIONS:
        json.dumps(getattr(doc._, name))


def test_publication_date_reaches_the_components(run):
    doc = run("Talks ended.", published="2021-07-15")
    assert doc._.published == "2021-07-15"


def test_rows_are_keyed_like_the_tables(nlp):
    result = next(extract_articles(nlp, ARTICLES[:1], batch_size=4, n_process=1))
    quote = result.quotes[0]
    expected = hashlib.sha256(f"a1:{quote['start_char']}:{quote['end_char']}:quote".encode()).hexdigest()[:16]
    assert quote["quote_id"] == expected
    mention = result.mentions[0]
    assert mention["mention_id"] == hashlib.sha256(
        f"a1:{mention['start_char']}:{mention['end_char']}:mention".encode()).hexdigest()[:16]
    assert {m["actor_id"] for m in result.mentions} <= {a["actor_id"] for a in result.actors}
    assert set(result.actors[0]) == {"actor_id", "canonical_key", "name", "kind", "country", "sector", "title"}
    assert result.words > 10


def test_results_come_in_input_order_and_empty_text_is_fine(nlp):
    ids = [r.article_id for r in extract_articles(nlp, ARTICLES, batch_size=2, n_process=1)]
    assert ids == ["a1", "a2", "a3", "a4"]


def test_two_processes_give_the_same_results(nlp):
    one = [to_cli_record(r) for r in extract_articles(nlp, ARTICLES, batch_size=2, n_process=1)]
    two = [to_cli_record(r) for r in extract_articles(nlp, ARTICLES, batch_size=2, n_process=2)]
    assert one == two
    assert any(record["quotes"] for record in two)
    # objects frozen for the fork are handed back to the collector: a long-lived process
    # (Dagster, the dashboard's tests) would otherwise never collect them again
    assert gc.get_freeze_count() == 0


def test_a_model_name_gives_the_same_results_as_the_pipeline(nlp):
    """What the warehouse steps pass: a name, loaded once per process."""
    one = [to_cli_record(r) for r in extract_articles(nlp, ARTICLES, batch_size=2, n_process=1)]
    named = [to_cli_record(r) for r in extract_articles(get_settings().spacy_model, ARTICLES, batch_size=2, n_process=2)]
    assert named == one


KILLED_PARENT = """
import itertools, sys
from pipelines.nlp.api import ArticleInput
from pipelines.nlp.extract import extract_articles
if __name__ == "__main__":
    # four short articles, then long ones: workers are mid-batch (tens of seconds) at the kill
    articles = (ArticleInput(str(i), "Officials in Kenya said the rains had eased. " * (20 if i < 4 else 4000))
                for i in itertools.count())
    for i, _ in enumerate(extract_articles(sys.argv[1], articles, batch_size=2, n_process=2)):
        if i == 3:
            print("extracting", flush=True)
"""


def test_workers_exit_when_the_parent_is_killed(tmp_path):
    """kill -9 of the process that hands out batches leaves no worker behind, even mid-batch."""
    import psutil

    script = tmp_path / "parent.py"
    script.write_text(KILLED_PARENT)
    parent = subprocess.Popen([sys.executable, str(script), get_settings().spacy_model], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True, cwd=PROJECT_ROOT,
                              env=os.environ | {"PYTHONPATH": str(PROJECT_ROOT)})
    try:
        assert parent.stdout.readline().strip() == "extracting"
        helpers = psutil.Process(parent.pid).children(recursive=True)
        assert len(helpers) >= 2  # the workers
        parent.kill()
        parent.wait()
        gone, alive = psutil.wait_procs(helpers, timeout=6)  # far less than a long batch takes
        assert alive == [], f"left running after the parent died: {[p.cmdline() for p in alive]}"
    finally:
        parent.kill()


def test_cli_record_offsets_point_into_the_input(nlp):
    result = next(extract_articles(nlp, ARTICLES[:1], batch_size=1, n_process=1))
    record = to_cli_record(result, "a1")
    text = ARTICLES[0].text
    assert record["id"] == "a1"
    for actor in record["actors"]:
        assert set(actor) == {"name", "kind", "country", "sector", "mentions"}
    for quote in record["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]
        assert {"cue", "speaker", "speaker_kind", "speaker_start", "speaker_end", "kind"} <= set(quote)
    ruiz = next(a for a in record["actors"] if a["name"] == "Ana Ruiz")
    assert all(text[s:e] in ("Ana Ruiz", "Mayor Ana Ruiz") for s, e in ruiz["mentions"])


def test_extractor_version_tracks_rule_files(tmp_path, monkeypatch):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "cues.yaml").write_text("verbs: [say]\n")
    monkeypatch.setattr(extract_module, "NLP_DIR", tmp_path)
    first = extractor_version.__wrapped__("model_x")
    (rules / "cues.yaml").write_text("verbs: [say, tell]\n")
    second = extractor_version.__wrapped__("model_x")
    assert first != second and first.startswith(extract_module.EXTRACTOR_VERSION) and first.endswith("model_x")


@pytest.mark.skipif(not (SHARED / "badinput" / "blns.txt").exists(), reason="needs ../shared/badinput")
def test_naughty_strings_do_not_break_extraction(nlp):
    lines = (SHARED / "badinput" / "blns.txt").read_text(encoding="utf-8", errors="replace").splitlines()
    texts = [line for line in lines if line and not line.startswith("#")]
    articles = [ArticleInput(f"b{i}", t) for i, t in enumerate(texts)]
    articles.append(ArticleInput("joined", "\n".join(texts)))
    results = list(extract_articles(nlp, articles, batch_size=64, n_process=1))
    assert len(results) == len(articles)
    for article, result in zip(articles, results):
        for quote in result.quotes:
            assert article.text[quote["start_char"]:quote["end_char"]] == quote["text"]


def test_event_rows_follow_the_events_table(nlp):
    text = "Russian forces attacked Ukraine on Monday, Ukrainian officials said."
    result = next(extract_articles(nlp, [ArticleInput("e1", text, date(2024, 2, 7))], batch_size=1, n_process=1))
    assert result.events, "the events component is wired in"
    row = result.events[0]
    expected = hashlib.sha256(f"e1:{row['start_char']}:{row['end_char']}:{row['event_type']}:event".encode()).hexdigest()[:16]
    assert row["event_id"] == expected and row["article_id"] == "e1"
    assert {"source_actor_id", "target_actor_id", "modality", "fingerprint", "sentence_start"} <= set(row)
