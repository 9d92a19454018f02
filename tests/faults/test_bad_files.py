"""Corrupt files in the middle of a batch of good ones: the good ones load, each bad one
(or bad line) becomes a raw.rejected_inputs row with its reason, and the run succeeds."""

from __future__ import annotations

import gzip
import json
import random
import shutil

from tests.faults.corpus import stories
from tests.faults.harness import broken_invariants, env_for, query, settings_for


def test_corrupt_files_among_good_ones_are_rejected_and_the_run_succeeds(reference, tmp_path):
    from pipelines.steps import run_extract, run_ingest

    landing = tmp_path / "landing"
    landing.mkdir()
    good = sorted(reference.landing.iterdir())[:4]  # 2 + 1 + 1 + 1 stories, in four shapes
    for path in good:
        shutil.copy(path, landing / path.name)
    pool = stories()[60:]  # stories the good files don't hold
    utf8_story = pool[0]["title"] + "\n\n" + pool[0]["text"].replace("'", "’") + " “It’s over,” she said."
    encoded = utf8_story.encode("utf-8")
    middle = len(encoded) // 2
    quoted = dict(pool[3], text=pool[3]["text"] + " “Señor Peña’s café is closed,” he said.")
    corrupt_line = json.dumps(quoted, ensure_ascii=False).encode("utf-8").replace("ñ".encode(), b"\xc3", 1)
    bad = {
        "01a_garbage.json": random.Random(7).randbytes(5000),                      # binary
        "01b_cut.json.gz": gzip.compress(json.dumps(pool[1]).encode())[:-25],      # truncated gzip
        "01c_corrupt_utf8.txt": encoded[:middle] + b"\xff\xfe" + encoded[middle:],  # invalid UTF-8
        "01d_empty.txt": b"",
        "02a_mixed.jsonl": b"\n".join([
            json.dumps(pool[2]).encode(),                                     # good
            b'{"title": "cut off", "text": "no closing quote',                # malformed JSON
            corrupt_line,                                                     # invalid UTF-8
            json.dumps(pool[4]).encode(),                                     # good
        ]) + b"\n",
    }
    for name, data in bad.items():
        (landing / name).write_bytes(data)

    env = env_for(tmp_path, landing)
    settings = settings_for(env)
    result = run_ingest(settings, files_per_write=3)  # bad files share transactions with good ones
    warehouse = settings.warehouse_path
    assert broken_invariants(warehouse) == {}
    rejected = {(path.rsplit("/", 1)[-1], line): (reason, detail) for path, line, reason, detail in query(
        warehouse, "SELECT source_path, source_line, reason, detail FROM raw.rejected_inputs")}
    reasons = {key: reason for key, (reason, _) in rejected.items()}
    assert reasons == {
        ("01a_garbage.json", None): "binary",
        ("01b_cut.json.gz", None): "bad_gzip",
        ("01c_corrupt_utf8.txt", None): "undecodable",
        ("01d_empty.txt", None): "empty",
        ("02a_mixed.jsonl", 2): "bad_json",
        ("02a_mixed.jsonl", 3): "undecodable",
    }, rejected
    assert all(detail for _, detail in rejected.values())
    assert "invalid UTF-8" in rejected[("01c_corrupt_utf8.txt", None)][1]

    # every good file loaded whole, and the good lines around the bad ones
    titles = {r[0] for r in query(warehouse, "SELECT title FROM raw.articles")}
    assert {pool[2]["title"], pool[4]["title"]} <= titles
    names = [path.name for path in good]
    good_articles = sum(r[0] for r in query(warehouse, "SELECT articles FROM raw.ingested_files "
                                            "WHERE regexp_extract(source_path, '[^/]+$') IN (SELECT unnest(?))", [names]))
    assert good_articles == 5
    assert query(warehouse, "SELECT count(*) FROM raw.articles")[0][0] == 7
    assert result["rejected"] == 6 and result["files"] == 9
    assert not any("\ufffd" in r[0] or "â€" in r[0] for r in query(warehouse, "SELECT text FROM raw.articles"))

    extracted = run_extract(settings)
    assert extracted["articles"] + extracted["skipped"] == 7
    again = run_ingest(settings)  # bad files are ledgered: not read again, not rejected twice
    assert again["files_unchanged"] == 9 and again.get("rejected", 0) == 0
    assert query(warehouse, "SELECT count(*) FROM raw.rejected_inputs")[0][0] == 6
    assert broken_invariants(warehouse, finished=True) == {}
