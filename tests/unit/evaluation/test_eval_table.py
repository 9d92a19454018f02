import json

from pipelines.evaluation.table import Row, format_table, payload, row, write_results


def test_goals_come_from_the_goals_file_and_decide_pass():
    assert row("seed", "quotes_f1@0.3", 0.95).passed is True
    assert row("seed", "quotes_f1@0.3", 0.5).passed is False
    assert row("seed", "boilerplate_exact", 1.0).passed is True
    assert row("seed", "quotes_f1@0.8", 0.1).goal is None and row("seed", "quotes_f1@0.8", 0.1).passed is None
    assert row("seed", "speakers_accuracy", None).passed is None


def test_table_and_payload(tmp_path):
    rows = [row("seed", "quotes_f1@0.3", 0.912345, 20), Row("html", "token_f1", None)]
    text = format_table(rows)
    assert "0.912" in text and "pass" in text and "-" in text
    data = payload(rows, "v1")
    assert data["rows"][0] == {"set": "seed", "metric": "quotes_f1@0.3", "value": 0.9123, "goal": 0.9,
                               "n": 20, "passed": True}
    target = tmp_path / "deep" / "latest.json"
    write_results(target, data)
    assert json.loads(target.read_text(encoding="utf-8"))["extractor_version"] == "v1"
    assert [p.name for p in target.parent.iterdir()] == ["latest.json"]
