"""The dashboard in a real browser: `streamlit run dashboard/app.py` in a subprocess, every page
opened in Debian's chromium through Playwright, one screenshot per page in
test-artifacts/screenshots/.

The warehouse is built from the bundled sample by the real pipeline steps, unless
PRESSWATCH_E2E_WAREHOUSE names another published snapshot; expectations are read from
whichever warehouse is served, so the same assertions hold for both.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import duckdb
import pytest
from playwright.sync_api import expect, sync_playwright

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync",
]
ARTIFACTS = REPO / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
PAGE_TIMEOUT_MS = 60_000


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def e2e_warehouse(request: pytest.FixtureRequest) -> Path:
    """PRESSWATCH_E2E_WAREHOUSE if set, else a warehouse built from the bundled sample by the
    real pipeline steps (the `sample_warehouse` fixture of tests/conftest.py)."""
    override = os.environ.get("PRESSWATCH_E2E_WAREHOUSE")
    if override:
        path = Path(override).expanduser().resolve()
        if not path.is_file():
            pytest.fail(f"PRESSWATCH_E2E_WAREHOUSE={override} is not a file")
        return path
    return request.getfixturevalue("sample_warehouse")


@pytest.fixture(scope="module")
def expected(e2e_warehouse: Path) -> dict[str, Any]:
    """What the pages must show, read straight from the warehouse being served."""
    con = duckdb.connect(str(e2e_warehouse), read_only=True)
    try:
        one = lambda sql: con.execute(sql).fetchone()  # noqa: E731
        facts = {
            "articles": one("SELECT count(*) FROM marts.dim_articles WHERE is_canonical")[0],
            "quotes": one(
                "SELECT count(*) FROM marts.fct_quotes q JOIN marts.dim_articles a USING (article_id) WHERE a.is_canonical"
            )[0],
            "events": one(
                "SELECT count(*) FROM marts.fct_events e JOIN marts.dim_articles a USING (article_id) WHERE a.is_canonical"
            )[0],
            "places": one("SELECT count(*) FROM marts.fct_events WHERE latitude IS NOT NULL")[0],
            "top_actor": one("SELECT name FROM marts.dim_actors ORDER BY mention_count DESC NULLS LAST, name LIMIT 1"),
            # The richest article: most highlights of every kind.
            "article": one(
                """SELECT article_id, mention_count, quote_count FROM marts.dim_articles WHERE is_canonical
                   ORDER BY (mention_count > 0) AND (quote_count > 0) DESC, mention_count + quote_count + event_count DESC
                   LIMIT 1"""
            ),
            "markup_article": one("SELECT article_id, text FROM raw.articles WHERE text LIKE '%<script>%' LIMIT 1"),
        }
    finally:
        con.close()
    return facts


@pytest.fixture(scope="module")
def server(e2e_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`streamlit run dashboard/app.py` on a free port; stopped with SIGTERM at the end."""
    port = _free_port()
    env = {**os.environ, "PRESSWATCH_PUBLISHED": str(e2e_warehouse), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    if "PRESSWATCH_E2E_WAREHOUSE" not in os.environ:
        scores = tmp_path_factory.mktemp("eval") / "latest.json"
        scores.write_text(json.dumps({"generated_at": "2024-03-08T07:00:00Z", "rows": [
            {"set": "seed", "metric": "quote_f1_0.3", "value": 0.81, "goal": 0.75},
            {"set": "seed", "metric": "event_f1", "value": 0.42, "goal": 0.5},
        ]}))
        env["PRESSWATCH_EVAL_RESULTS"] = str(scores)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log_path = ARTIFACTS / "streamlit-e2e.log"
    streamlit = Path(sys.executable).with_name("streamlit")
    command = [str(streamlit)] if streamlit.exists() else [sys.executable, "-m", "streamlit"]
    command += ["run", "dashboard/app.py", "--server.headless", "true", "--server.address", "127.0.0.1",
                "--server.port", str(port)]
    with open(log_path, "w") as log:
        proc = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                pytest.fail(f"streamlit exited with {proc.returncode}:\n{log_path.read_text()}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.read().strip() == b"ok":
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"streamlit did not come up in 90 s:\n{log_path.read_text()}")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: apt-get install -y chromium"
        if os.environ.get("CI"):
            pytest.fail(f"{message} (CI must run the browser test)")
        pytest.skip(f"{message}; the browser test only runs where chromium is installed")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class Tab:
    """One browser tab on the dashboard, recording dialogs and page errors."""

    def __init__(self, browser: Any, base_url: str):
        self.base_url = base_url
        self.page = browser.new_page(viewport={"width": 1400, "height": 1800})
        self.page.set_default_timeout(PAGE_TIMEOUT_MS)
        self.dialogs: list[str] = []
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))

    def open(self, path: str, title: str) -> float:
        started = time.monotonic()
        self.page.goto(f"{self.base_url}/{path}")
        self.page.wait_for_selector('[data-testid="stApp"]')
        self.page.locator("h1", has_text=title).wait_for()
        self.wait_idle()
        return time.monotonic() - started

    def wait_idle(self) -> None:
        """Until the script run is over and its elements had a moment to draw."""
        self.page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
        self.page.wait_for_timeout(500)
        assert self.page.locator('[data-testid="stException"]').count() == 0, self.page.locator(
            '[data-testid="stException"]'
        ).first.inner_text()

    def metric(self, label: str) -> str:
        box = self.page.locator('[data-testid="stMetric"]', has=self.page.locator('[data-testid="stMetricLabel"]', has_text=label))
        return box.first.locator('[data-testid="stMetricValue"]').inner_text().strip()

    def shot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def close(self) -> None:
        assert not self.dialogs, f"a dialog opened: {self.dialogs}"
        self.page.close()


@pytest.fixture
def tab(browser: Any, server: str) -> Iterator[Tab]:
    opened = Tab(browser, server)
    yield opened
    opened.close()


def test_overview(tab: Tab, expected: dict[str, Any]):
    seconds = tab.open("", "Overview")
    tab.page.locator('[data-testid="stVegaLiteChart"]').first.wait_for()
    expect(tab.page.locator('[data-testid="stDataFrame"]')).to_have_count(2)
    assert tab.metric("Articles") == f"{expected['articles']:,}"
    assert tab.metric("Quotes") == f"{expected['quotes']:,}"
    assert tab.metric("Events") == f"{expected['events']:,}"
    for label in ("Last successful run", "Newest article", "Rejected inputs", "Actors mentioned"):
        assert tab.metric(label)
    assert tab.page.get_by_text("Most mentioned actors").is_visible()
    assert tab.page.get_by_text("Most quoted speakers").is_visible()
    tab.shot("overview")
    print(f"overview loaded in {seconds:.1f} s")


def test_actor_profile_with_network(tab: Tab, expected: dict[str, Any]):
    tab.open("actor", "Actor profile")
    (name,) = expected["top_actor"]
    tab.page.locator("h2", has_text=name).wait_for()
    tab.page.locator('[data-testid="stVegaLiteChart"]').first.wait_for()
    tab.shot("actor_profile")
    tab.page.get_by_role("tab", name="Network").click()
    # the chart's container appears before plotly has drawn into it: wait for the drawing
    network = tab.page.locator('[data-testid="stPlotlyChart"] .js-plotly-plot').first
    network.wait_for()
    assert network.is_visible()
    tab.shot("actor_network")


def test_quotes_link_to_their_article(tab: Tab, expected: dict[str, Any]):
    tab.open("quotes", "Quotes")
    tab.page.get_by_text(f"{expected['quotes']:,} quotes", exact=False).first.wait_for()
    links = tab.page.locator("a", has_text="Read in article")
    expect(links).to_have_count(min(25, expected["quotes"]))
    tab.shot("quotes")
    links.first.click()
    tab.page.locator("h1", has_text="Article reader").wait_for()
    tab.wait_idle()
    assert "article_id=" in tab.page.url and "quote_id=" in tab.page.url
    tab.page.get_by_text("You came here from this quote").wait_for()
    assert tab.page.locator(".pw-article .pw-quote").count() >= 1


def test_events(tab: Tab, expected: dict[str, Any]):
    tab.open("events", "Events")
    if expected["events"] == 0:
        tab.page.get_by_text("No events").wait_for()
    else:
        tab.page.locator('[data-testid="stVegaLiteChart"]').first.wait_for()
        tab.page.locator('[data-testid="stDataFrame"]').first.wait_for()
        if expected["places"]:
            tab.page.locator('[data-testid="stDeckGlJsonChart"]').wait_for()
    tab.shot("events")


def test_article_reader_highlights(tab: Tab, expected: dict[str, Any]):
    article_id, mentions, quotes = expected["article"]
    tab.open(f"article?article_id={quote(article_id)}", "Article reader")
    body = tab.page.locator(".pw-article")
    body.wait_for()
    assert body.locator(".pw-mention").count() >= min(mentions, 1)
    if quotes:
        hover = body.locator(".pw-quote").first.get_attribute("title")
        assert "speaker:" in hover
    tab.shot("article_reader")


def test_article_reader_shows_markup_as_text(tab: Tab, expected: dict[str, Any]):
    if expected["markup_article"] is None:
        pytest.skip("the served warehouse has no article containing <script>")
    article_id, text = expected["markup_article"]
    tab.open(f"article?article_id={quote(article_id)}", "Article reader")
    body = tab.page.locator(".pw-article")
    body.wait_for()
    assert "<script>" in body.inner_text()
    assert body.locator("script").count() == 0 and body.locator("img").count() == 0
    tab.page.wait_for_timeout(500)  # give an injected handler its chance to fire
    assert not tab.dialogs
    tab.shot("article_reader_markup")


def test_quality(tab: Tab, expected: dict[str, Any]):
    tab.open("quality", "Quality")
    assert tab.metric("Quotes with a resolved speaker").endswith("%") or expected["quotes"] == 0
    tab.page.get_by_text("Rejected inputs by reason").wait_for()
    tab.page.get_by_text("Latest evaluation scores").wait_for()
    tab.shot("quality")


def test_sql_console_reads_but_refuses_writes_and_files(tab: Tab, expected: dict[str, Any]):
    tab.open("sql", "SQL console")
    query = tab.page.locator("textarea")

    query.fill("SELECT count(*) AS canonical_articles FROM marts.dim_articles WHERE is_canonical")
    tab.page.get_by_role("button", name="Run").click()
    tab.page.get_by_role("button", name="Download CSV").wait_for()
    tab.wait_idle()
    cells = tab.page.locator('[data-testid="stDataFrame"]').last.locator('[role="gridcell"]').all_inner_texts()
    assert str(expected["articles"]) in [cell.replace(",", "") for cell in cells]
    tab.shot("sql_console")

    query.fill("DROP TABLE marts.dim_articles")
    tab.page.get_by_role("button", name="Run").click()
    tab.page.get_by_text("The console is read-only").wait_for()

    query.fill("SELECT * FROM read_csv('/etc/passwd')")
    tab.page.get_by_role("button", name="Run").click()
    tab.page.get_by_text("disabled by configuration").first.wait_for()
    tab.wait_idle()
    assert "root:" not in tab.page.locator('[data-testid="stMain"]').inner_text()
    tab.shot("sql_console_refused")
