"""Helpers of the fault tests: runs in a subprocess that can be killed at a chosen point of
its own progress, exact fingerprints of the warehouse tables, and consistency checks."""

from __future__ import annotations

import dataclasses
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb

from pipelines.settings import Settings
from tests.conftest import PROJECT_ROOT

PYTHON = sys.executable
DBT = str(Path(sys.executable).with_name("dbt"))
DBT_DIR = PROJECT_ROOT / "dbt_project"


# --- settings and environment -------------------------------------------------------------

def env_for(work: Path, landing: Path, **extra: str) -> dict[str, str]:
    """The environment of a run whose warehouse, snapshot and landing folder are under `work`."""
    env = dict(os.environ)
    env.update({
        "PRESSWATCH_WAREHOUSE": str(work / "warehouse.duckdb"),
        "PRESSWATCH_PUBLISHED": str(work / "published" / "warehouse.duckdb"),
        "PRESSWATCH_LANDING": str(landing),
        "PRESSWATCH_INCLUDE_SAMPLE": "0",
        "PRESSWATCH_N_PROCESS": "1",
        "PYTHONPATH": str(PROJECT_ROOT),
    })
    env.update(extra)
    return env


def settings_for(env: dict[str, str], **overrides) -> Settings:
    """The Settings a subprocess with `env` would build, for running a step in-process."""
    base = Settings()
    return dataclasses.replace(
        base,
        warehouse_path=Path(env["PRESSWATCH_WAREHOUSE"]),
        published_path=Path(env["PRESSWATCH_PUBLISHED"]),
        landing_dir=Path(env["PRESSWATCH_LANDING"]),
        include_sample=False,
        n_process=1,
        articles_per_write=int(env.get("PRESSWATCH_ARTICLES_PER_WRITE", base.articles_per_write)),
        **overrides,
    )


def seeded_rng() -> tuple[random.Random, int]:
    """A random generator and its seed; PRESSWATCH_FAULT_SEED=N replays a failed run."""
    seed = int(os.environ.get("PRESSWATCH_FAULT_SEED") or random.SystemRandom().randrange(10**6))
    print(f"fault seed {seed} (replay with PRESSWATCH_FAULT_SEED={seed})")  # shown when the test fails
    return random.Random(seed), seed


# --- subprocesses that can be killed ------------------------------------------------------

class Proc:
    """A child process whose stdout lines are read in the background."""

    started: list[Proc] = []  # killed at the end of each test if still running (conftest)

    def __init__(self, args: list[str], env: dict[str, str], log: Path, cwd: Path = PROJECT_ROOT):
        Proc.started.append(self)
        self.log = log
        self._stderr = open(log, "w")
        self.popen = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.PIPE,
                                      stderr=self._stderr, text=True, start_new_session=True)
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        for line in self.popen.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def wait_for(self, predicate, timeout: float = 120.0) -> str | None:
        """The first stdout line satisfying predicate, or None if the process ended first."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise TimeoutError(f"no matching line in {timeout}s; stderr: {self.stderr()[-2000:]}") from None
            if line is None:
                return None
            self.seen.append(line)
            if predicate(line):
                return line

    def wait_for_progress(self, at: int, timeout: float = 120.0) -> int:
        line = self.wait_for(lambda s: s.startswith("progress ") and int(s.split()[1]) >= at, timeout)
        if line is None:
            raise AssertionError(f"the run ended before progress {at}: {self.seen[-3:]} {self.stderr()[-2000:]}")
        return int(line.split()[1])

    def kill9(self) -> int:
        """SIGKILL the whole process group (the step and anything it started)."""
        try:
            os.killpg(self.popen.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        return self.wait()

    def wait(self, timeout: float = 300.0) -> int:
        code = self.popen.wait(timeout=timeout)
        self._stderr.close()
        return code

    def running(self) -> bool:
        return self.popen.poll() is None

    def stderr(self) -> str:
        # Only the child writes to the log (the parent's handle holds no buffered data).
        return self.log.read_text(errors="replace")


def start_step(step: str, env: dict[str, str], log: Path, *args: str) -> Proc:
    return Proc([PYTHON, "-m", "tests.faults.worker", step, *args], env, log)


def dbt_args(command: str, target: Path, *extra: str) -> list[str]:
    """dbt with its own target and log folders, so tests never touch the project's."""
    return [DBT, command, "--project-dir", str(DBT_DIR), "--profiles-dir", str(DBT_DIR),
            "--target-path", str(target / "target"), "--log-path", str(target / "logs"), *extra]


def run_dbt(command: str, env: dict[str, str], target: Path, *extra: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(dbt_args(command, target, *extra), cwd=DBT_DIR, env=env, capture_output=True,
                          text=True, timeout=timeout)


# --- reading the warehouse ----------------------------------------------------------------

def query(path: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


# Every column that a rerun must reproduce exactly. Paths are made relative to the landing
# folder so runs in different folders compare; path-derived hashes and write times are left out.
RAW_TABLES = {
    "raw.articles": "SELECT * EXCLUDE (ingested_at) REPLACE (round(similarity, 6) AS similarity) FROM raw.articles",
    "raw.article_sources": "SELECT * EXCLUDE (source_key, ingested_at) REPLACE (replace(source_path, $landing, '') AS source_path) FROM raw.article_sources",
    "raw.rejected_inputs": "SELECT * EXCLUDE (rejection_id, rejected_at) REPLACE (replace(source_path, $landing, '') AS source_path, replace(detail, $landing, '') AS detail) FROM raw.rejected_inputs",
    "raw.ingested_files": "SELECT * EXCLUDE (ingested_at) REPLACE (replace(source_path, $landing, '') AS source_path) FROM raw.ingested_files",
    "raw.article_signatures": "SELECT * FROM raw.article_signatures",
}


def nlp_tables(without_version: bool = False) -> dict[str, str]:
    """The extracted tables; without_version compares runs of different extractor versions."""
    v = ", extractor_version" if without_version else ""
    plain = "EXCLUDE (extractor_version)" if without_version else ""
    return {
        "nlp.article_extractions": f"SELECT * EXCLUDE (run_id, extracted_at{v}) FROM nlp.article_extractions",
        # Actors are coded from all their articles, whatever the order or batching of the runs.
        "nlp.actors": f"SELECT * EXCLUDE (updated_at{v}) FROM nlp.actors",
        "nlp.article_actors": f"SELECT * {plain} FROM nlp.article_actors",
        "nlp.actor_aliases": "SELECT * FROM nlp.actor_aliases",
        "nlp.actor_mentions": f"SELECT * {plain} FROM nlp.actor_mentions",
        "nlp.quotes": f"SELECT * {plain} FROM nlp.quotes",
        "nlp.events": f"SELECT * {plain} FROM nlp.events",
    }


NLP_TABLES = nlp_tables()
def fingerprint(path: Path, landing: Path, tables: dict[str, str]) -> dict[str, list]:
    """Every row of the tables, sorted: two warehouses match when these are equal."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        out = {}
        for table, sql in tables.items():
            params = {"landing": str(landing) + "/"} if "$landing" in sql else {}
            rows = con.execute(sql, params).fetchall()
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


def diff(actual: dict[str, list], expected: dict[str, list]) -> dict[str, str]:
    """Per table, what differs (empty when the fingerprints match)."""
    problems = {}
    for table in expected:
        got, want = actual.get(table, []), expected[table]
        if got != want:
            missing = [r for r in want if r not in set(got)][:3]
            extra = [r for r in got if r not in set(want)][:3]
            problems[table] = f"{len(got)} rows, expected {len(want)}; missing e.g. {missing}; extra e.g. {extra}"
    return problems


def counts(path: Path, tables) -> dict[str, int]:
    return {t: query(path, f"SELECT count(*) FROM {t}")[0][0] for t in tables}


# Each query lists rows that break an invariant of a consistent warehouse: it must return none.
INVARIANTS = {
    "ids are unique": """
        SELECT 'articles', article_id FROM raw.articles GROUP BY ALL HAVING count(*) > 1
        UNION ALL SELECT 'sources', source_key FROM raw.article_sources GROUP BY ALL HAVING count(*) > 1
        UNION ALL SELECT 'mentions', mention_id FROM nlp.actor_mentions GROUP BY ALL HAVING count(*) > 1
        UNION ALL SELECT 'quotes', quote_id FROM nlp.quotes GROUP BY ALL HAVING count(*) > 1
        UNION ALL SELECT 'events', event_id FROM nlp.events GROUP BY ALL HAVING count(*) > 1""",
    "sources belong to a whole, ledgered file": """
        SELECT s.source_path FROM raw.article_sources s
        WHERE NOT EXISTS (SELECT 1 FROM raw.ingested_files f
                          WHERE f.source_path = s.source_path AND f.file_sha256 = s.file_sha256)""",
    "each ledgered file has all its articles": """
        SELECT f.source_path, f.articles, count(s.source_key) FROM raw.ingested_files f
        LEFT JOIN raw.article_sources s ON s.source_path = f.source_path AND s.file_sha256 = f.file_sha256
        GROUP BY ALL HAVING count(s.source_key) <> f.articles""",
    "each ledgered file has all its rejections": """
        SELECT f.source_path, f.rejected, count(r.rejection_id) FROM raw.ingested_files f
        LEFT JOIN raw.rejected_inputs r
               ON r.source_path = f.source_path AND coalesce(r.file_sha256, '') = f.file_sha256
        GROUP BY ALL HAVING count(r.rejection_id) <> f.rejected""",
    "rejections belong to a ledgered file": """
        SELECT r.source_path FROM raw.rejected_inputs r
        WHERE NOT EXISTS (SELECT 1 FROM raw.ingested_files f WHERE f.source_path = r.source_path
                          AND f.file_sha256 = coalesce(r.file_sha256, ''))""",
    "articles have a source and sources an article": """
        SELECT a.article_id FROM raw.articles a ANTI JOIN raw.article_sources s USING (article_id)
        UNION ALL SELECT s.article_id FROM raw.article_sources s ANTI JOIN raw.articles a USING (article_id)""",
    "duplicates point at stored articles": """
        SELECT a.article_id FROM raw.articles a
        WHERE a.duplicate_of IS NOT NULL AND a.duplicate_of NOT IN (SELECT article_id FROM raw.articles)""",
    "extracted rows carry their article's extraction version": """
        SELECT 'mention', m.article_id FROM nlp.actor_mentions m LEFT JOIN nlp.article_extractions e USING (article_id)
            WHERE e.extractor_version IS DISTINCT FROM m.extractor_version
        UNION ALL SELECT 'quote', q.article_id FROM nlp.quotes q LEFT JOIN nlp.article_extractions e USING (article_id)
            WHERE e.extractor_version IS DISTINCT FROM q.extractor_version
        UNION ALL SELECT 'event', v.article_id FROM nlp.events v LEFT JOIN nlp.article_extractions e USING (article_id)
            WHERE e.extractor_version IS DISTINCT FROM v.extractor_version""",
    "extractions are of stored articles": """
        SELECT article_id FROM nlp.article_extractions ANTI JOIN raw.articles USING (article_id)""",
    "mentions name stored actors": """
        SELECT m.mention_id FROM nlp.actor_mentions m ANTI JOIN nlp.actors a USING (actor_id)""",
}
# Only once a run has finished: derived tables are refreshed and no run is left "running".
FINISHED_INVARIANTS = {
    "aliases match the mentions": """
        (SELECT actor_id, surface, count(*)::INTEGER FROM nlp.actor_mentions
         WHERE mention_kind <> 'pronoun' GROUP BY ALL)
        EXCEPT ALL (SELECT actor_id, alias, mentions FROM nlp.actor_aliases)
        UNION ALL
        ((SELECT actor_id, alias, mentions FROM nlp.actor_aliases)
         EXCEPT ALL (SELECT actor_id, surface, count(*)::INTEGER FROM nlp.actor_mentions
                     WHERE mention_kind <> 'pronoun' GROUP BY ALL))""",
    "no extraction run is left running": "SELECT run_id FROM nlp.extraction_runs WHERE status = 'running'",
}


def broken_invariants(path: Path, finished: bool = False) -> dict[str, list]:
    checks = INVARIANTS | (FINISHED_INVARIANTS if finished else {})
    con = duckdb.connect(str(path), read_only=True)
    try:
        found = {name: con.execute(sql).fetchall()[:5] for name, sql in checks.items()}
    finally:
        con.close()
    return {name: rows for name, rows in found.items() if rows}
