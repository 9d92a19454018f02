"""A rule change re-extracts every article, a batch per transaction, even across a crash:
ids stay the same and unique, no article ever holds rows of two versions, and readers of the
published snapshot see all-old or all-new, never a mix."""

from __future__ import annotations

import json
import os
import sys
import textwrap
import time

import pytest

from tests.faults.conftest import copy_warehouse
from tests.faults.harness import (
    Proc, broken_invariants, diff, env_for, fingerprint, nlp_tables, query, seeded_rng, settings_for, start_step,
)

SUFFIX = "+rule-change"
POLLER = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from pipelines.warehouse.publish import open_snapshot
    path, stop = Path(sys.argv[1]), Path(sys.argv[2])
    print("ready", flush=True)
    while not stop.exists():
        con = open_snapshot(path)
        try:
            versions = con.execute(
                "SELECT DISTINCT extractor_version FROM (SELECT extractor_version FROM nlp.article_extractions"
                " UNION ALL SELECT extractor_version FROM nlp.actor_mentions"
                " UNION ALL SELECT extractor_version FROM nlp.quotes"
                " UNION ALL SELECT extractor_version FROM nlp.events)").fetchall()
            mentions = con.execute("SELECT count(*) FROM nlp.actor_mentions").fetchone()[0]
        finally:
            con.close()
        print(json.dumps({"versions": sorted(v[0] for v in versions), "mentions": mentions}), flush=True)
        time.sleep(0.05)
""")


@pytest.mark.slow
def test_a_rule_change_reextracts_everything_and_readers_never_see_a_mix(reference, tmp_path, monkeypatch):
    import pipelines.nlp.extract as extract
    from pipelines import steps

    rng, seed = seeded_rng()
    env = env_for(tmp_path, reference.landing, PRESSWATCH_ARTICLES_PER_WRITE="3")
    settings = settings_for(env)
    warehouse, published = settings.warehouse_path, settings.published_path
    copy_warehouse(reference.extracted, warehouse)
    old = query(warehouse, "SELECT DISTINCT extractor_version FROM nlp.article_extractions")[0][0]
    new = old + SUFFIX
    steps.run_publish(settings)

    stop = tmp_path / "stop"
    poller = Proc([sys.executable, "-c", POLLER, str(published), str(stop)], dict(os.environ),
                  tmp_path / "poller.log")
    assert poller.wait_for(lambda s: s == "ready", timeout=60)
    try:
        # The rules change; the run re-extracting everything is killed part-way.
        proc = start_step("extract", env, tmp_path / "extract.log", "--version-suffix", SUFFIX)
        at = rng.randrange(3, 36)
        proc.wait_for_progress(at)
        time.sleep(rng.uniform(0, 0.3))
        proc.kill9()
        steps_seen = [int(line.split()[1]) for line in proc.seen if line.startswith("progress ")]
        assert all(b - a <= 3 for a, b in zip([0, *steps_seen], steps_seen)), "not written in batches"

        assert broken_invariants(warehouse) == {}, f"seed {seed}"  # incl. one version per article
        by_version = dict(query(warehouse, "SELECT extractor_version, count(*) FROM nlp.article_extractions GROUP BY 1"))
        assert set(by_version) == {old, new} and by_version[new] >= at, f"seed {seed}: {by_version}"

        # The next run finishes the job: only the articles still on the old version.
        monkeypatch.setattr(extract, "extractor_version", lambda model, _v=extract.extractor_version: _v(model) + SUFFIX)
        monkeypatch.setattr(steps, "TEXTS_PER_READ", 5, raising=False)  # several pages, writes in between
        result = steps.run_extract(settings)
        assert result["extractor_version"] == new
        assert result["articles"] + result["skipped"] == by_version[old]
        assert query(warehouse, "SELECT DISTINCT extractor_version FROM nlp.article_extractions") == [(new,)]
        assert broken_invariants(warehouse, finished=True) == {}, f"seed {seed}"
        same_rules = nlp_tables(without_version=True)
        assert diff(fingerprint(warehouse, reference.landing, same_rules),
                    fingerprint(reference.extracted, reference.landing, same_rules)) == {}, f"seed {seed}"
        for table in ("nlp.actor_mentions", "nlp.quotes", "nlp.events", "nlp.actors"):
            assert query(warehouse, f"SELECT DISTINCT extractor_version FROM {table}") == [(new,)], table

        steps.run_publish(settings)
        assert poller.wait_for(lambda s: new in s, timeout=60), "the reader never saw the new snapshot"
    finally:
        stop.touch()
        poller.wait()

    polls = [json.loads(line) for line in poller.seen if line.startswith("{")]
    total = len(reference.nlp["nlp.actor_mentions"])
    assert {tuple(p["versions"]) for p in polls} == {(old,), (new,)}, "a reader saw two versions at once"
    assert {p["mentions"] for p in polls} == {total}, "a reader saw part of a run"
    first_new = next(i for i, p in enumerate(polls) if p["versions"] == [new])
    assert all(p["versions"] == [new] for p in polls[first_new:]), "the snapshot went back to the old version"
