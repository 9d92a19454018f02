"""The runner end to end on a tiny eval dir, with a stand-in extractor (the real one is
measured by `make eval`, not by unit tests)."""

import gzip
import json

import pytest

from pipelines.evaluation import runner
from pipelines.evaluation.extractor import Extractor
from pipelines.evaluation.table import format_table

ARTICLE = (
    "Leaders meet in Paris\n\n"
    "French President Emmanuel Macron spoke to Vladimir Putin on Sunday, the Élysée said. "
    "“We must prevent the worst from happening,” Mr. Macron said after the call. "
    "Putin said the operation was going to plan.\n\n"
    "Editor’s note: Check out our coverage.\n\nYou've read  of  free articles. Subscribe to continue.\n"
)
GOLD = {
    "article": "seed/a.txt",
    "published": "2022-03-07",
    "body_ends_before": "Editor’s note:",
    "actors": [
        {"name": "Emmanuel Macron", "kind": "person", "country": "FRA", "sector": "GOV", "aliases": ["Mr. Macron"]},
        {"name": "Vladimir Putin", "kind": "person", "country": "RUS", "sector": "GOV", "aliases": []},
    ],
    "quotes": [
        {"text": "We must prevent the worst from happening,", "speaker": "Emmanuel Macron", "kind": "direct"},
        {"text": "the operation was going to plan", "speaker": "Vladimir Putin", "kind": "indirect"},
    ],
    "events": [{"source": "Emmanuel Macron", "type": "CONSULT", "target": "Vladimir Putin", "date": "2022-03-06",
                "evidence": "French President Emmanuel Macron spoke to Vladimir Putin on Sunday"}],
}


class StandInExtractor(Extractor):
    """Returns the gold answer for the gold article and one AGREE event per sentence."""

    def __init__(self):
        super().__init__(model="none")
        self.seen = []

    @property
    def version(self):
        return "test-1"

    def records(self, inputs, desc):
        self.seen += [i.article_id for i in inputs]
        out = {}
        for item in inputs:
            quotes = [{"start": item.text.index(q["text"]), "end": item.text.index(q["text"]) + len(q["text"]),
                       "speaker": q["speaker"], "speaker_kind": "named"}
                      for q in GOLD["quotes"] if q["text"] in item.text]
            out[item.article_id] = {
                "id": item.article_id,
                "actors": [{"name": a["name"], "kind": a["kind"], "country": a["country"], "sector": a["sector"]}
                           for a in GOLD["actors"]] if quotes else [{"name": "Jordan", "kind": "country", "country": "JOR"}],
                "quotes": quotes,
                "events": ([{"source": "Emmanuel Macron", "type": "CONSULT", "target": "Vladimir Putin", "date": "2022-03-06"}]
                           if quotes else [{"type": "AGREE", "source": "Jordan", "target": None, "start": 0}]),
            }
        return out


@pytest.fixture
def eval_dir(tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "seed").mkdir()
    (tmp_path / "seed" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "gold" / "a.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    html_dir = tmp_path / "eval" / "html_dev" / "html"
    html_dir.mkdir(parents=True)
    plover = [{"id": "s1", "date": "2000-01-01", "event": "AGREE", "text": "Jordan agreed.",
               "source": [{"actorText": "Jordan", "code": "JOR"}], "target": ""},
              {"id": "s2", "date": "2000-01-01", "event": "FIGHT", "text": "Jordan fought.",
               "source": [{"actorText": "Jordan", "code": "JOR"}]}]
    (tmp_path / "eval" / "plover_dev.jsonl").write_text("\n".join(json.dumps(p) for p in plover), encoding="utf-8")
    (html_dir / "p1.html.gz").write_bytes(gzip.compress(b"<html><body><p>alpha beta gamma delta</p></body></html>"))
    truth = {"p1": {"articleBody": "alpha beta gamma delta", "url": "https://example.org/a"}}
    (tmp_path / "eval" / "html_dev" / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return tmp_path


def values(rows):
    return {(r.set, r.metric): r.value for r in rows}


def test_all_sets_give_one_table(eval_dir, monkeypatch):
    import pipelines.ingest.html as html

    monkeypatch.setattr(html, "extract_html", lambda page, url=None: {"text": "alpha beta gamma delta", "title": None})
    rows, details = runner.run(["seed", "plover", "html"], eval_dir, StandInExtractor())
    got = values(rows)
    assert got[("seed", "quotes_f1@0.3")] == 1.0
    assert got[("seed", "speakers_accuracy")] == 1.0
    assert got[("seed", "actors_precision")] == 1.0 and got[("seed", "actors_coding")] == 1.0
    assert got[("seed", "events_f1")] == 1.0 and got[("seed", "events_date_agreement")] == 1.0
    assert got[("plover", "type_accuracy")] == 0.5
    assert got[("plover", "country_agreement")] == 1.0
    assert got[("html", "body_f1")] == 1.0
    assert {r.set for r in rows} == {"seed", "plover", "html"}
    assert all(r.passed is not False for r in rows if r.metric in ("quotes_f1@0.3", "body_f1"))
    assert details["plover"]["sentences"] == 2
    table = format_table(rows)
    assert "quotes_f1@0.3" in table and ">= 0.900" in table


def test_gold_article_is_cleaned_like_ingestion_before_extraction(eval_dir):
    extractor = StandInExtractor()
    rows, details = runner.run(["seed"], eval_dir, extractor)
    assert extractor.seen == ["a"]
    assert "boilerplate" in details["seed"]["a"]
    assert ("seed", "boilerplate_exact") in values(rows)


def test_main_writes_the_results_file(eval_dir, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PRESSWATCH_EVAL_DIR", str(eval_dir))
    monkeypatch.setenv("PRESSWATCH_EVAL_RESULTS", str(tmp_path / "out" / "latest.json"))
    monkeypatch.setattr(runner, "Extractor", lambda *a, **k: StandInExtractor())
    assert runner.main(["--sets", "gold,plover", "--json"]) == 0
    saved = json.loads((tmp_path / "out" / "latest.json").read_text(encoding="utf-8"))
    printed = json.loads(capsys.readouterr().out)
    assert saved["rows"] == printed["rows"]
    assert saved["extractor_version"] == "test-1" and saved["generated_at"]
    assert {"set", "metric", "value", "goal"} <= set(saved["rows"][0])
    assert runner.main(["--sets", "plover", "--strict"]) == 1       # type accuracy 0.5 < 0.8


def test_missing_eval_dir_is_a_clear_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PRESSWATCH_EVAL_DIR", str(tmp_path / "nowhere"))
    assert runner.main(["--sets", "seed"]) == 2
    assert "set PRESSWATCH_EVAL_DIR to the folder holding gold/ and eval/" in capsys.readouterr().err


def test_missing_part_of_the_eval_dir_names_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PRESSWATCH_EVAL_DIR", str(tmp_path))
    assert runner.main(["--sets", "plover"]) == 2
    assert "plover_dev.jsonl not found" in capsys.readouterr().err


def test_unknown_set_is_refused():
    with pytest.raises(SystemExit):
        runner.main(["--sets", "seed,nope"])


class BrokenExtractor(StandInExtractor):
    def records(self, inputs, desc):
        from pipelines.evaluation.extractor import ExtractorUnavailable

        raise ExtractorUnavailable("no module named pipelines.nlp.extract")


def test_a_set_that_cannot_run_is_reported_and_the_others_still_run(eval_dir, tmp_path, monkeypatch, capsys):
    import pipelines.ingest.html as html

    monkeypatch.setattr(html, "extract_html", lambda page, url=None: {"text": "alpha beta gamma delta"})
    monkeypatch.setenv("PRESSWATCH_EVAL_DIR", str(eval_dir))
    monkeypatch.setattr(runner, "Extractor", lambda *a, **k: BrokenExtractor())
    assert runner.main(["--", "--sets", "seed,html", "--output", str(tmp_path / "r.json")]) == 2
    captured = capsys.readouterr()
    assert "set seed not measured" in captured.err and "body_f1" in captured.out
    saved = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert "error" in saved["details"]["seed"] and {r["set"] for r in saved["rows"]} == {"html"}
