import json

from pipelines.ingest.preview import RECORD_KEYS, parse_paths

from .conftest import NEWS


def test_parse_paths_records_have_exactly_the_cli_keys(write, tmp_path):
    txt = write("story.txt", "Ceasefire talks resume in Geneva\n\n" + NEWS)
    write("story.meta.json", json.dumps({"url": "https://www.example.com/2022/03/07/ceasefire"}))
    jsonl = write("batch.jsonl", json.dumps({"text": NEWS, "date": "2022-03-08"}) + "\nnot json\n")
    records = list(parse_paths([txt, str(jsonl)]))
    assert all(tuple(r) == RECORD_KEYS for r in records)
    assert set(RECORD_KEYS) == {"source", "source_line", "text", "title", "outlet", "url", "author", "published",
                                "published_source", "language", "skip_reason", "rejection_reason"}
    story, first, bad = records
    assert story["title"] == "Ceasefire talks resume in Geneva" and story["outlet"] == "example.com"
    assert (story["published"], story["published_source"]) == ("2022-03-07", "url")
    assert (first["source_line"], first["published"], first["rejection_reason"]) == (1, "2022-03-08", None)
    assert (bad["source_line"], bad["rejection_reason"], bad["text"]) == (2, "bad_json", None)
    json.dumps(records)  # every value is JSON-ready


def test_parse_paths_on_a_missing_file():
    [record] = list(parse_paths(["/nonexistent/file.txt"]))
    assert record["rejection_reason"] == "not_a_file"
