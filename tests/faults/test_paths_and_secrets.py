"""Inputs can't reach outside the landing folder, and credentials in feed URLs never reach
the warehouse, the rejections or the logs (yet still authenticate the fetch)."""

from __future__ import annotations

import base64
import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import duckdb
import pytest

from tests.faults.corpus import stories
from tests.faults.harness import broken_invariants, env_for, query, settings_for

SECRET = "s3cr3t-Pa55"
OUTSIDE_TEXT = "TOP-SECRET-OUTSIDE the landing folder, never to be read. " * 20


def _every_string_in(warehouse) -> str:
    """All VARCHAR values of every table, as one text to search."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        columns = con.execute(
            "SELECT table_schema, table_name, column_name FROM information_schema.columns "
            "WHERE data_type = 'VARCHAR' AND table_schema IN ('raw', 'nlp')").fetchall()
        parts = []
        for schema, table, column in columns:
            # identifiers come from information_schema
            parts += [str(r[0]) for r in con.execute(f'SELECT "{column}" FROM {schema}.{table}').fetchall()]
        return "\n".join(parts)
    finally:
        con.close()


def _rss(link: str, title: str, text: str) -> str:
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Private wire</title>'
            f"<item><title>{title}</title><link>{link}</link><pubDate>Tue, 10 Jun 2025 09:00:00 GMT</pubDate>"
            f"<description>{text}</description></item></channel></rss>")


def test_links_out_of_the_landing_folder_are_rejected_not_followed(tmp_path):
    from pipelines.steps import run_ingest

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(OUTSIDE_TEXT)
    (outside / "nested.json").write_text(json.dumps({"text": OUTSIDE_TEXT, "title": "Outside"}))
    landing = tmp_path / "landing"
    landing.mkdir()
    story = stories()[0]
    (landing / "good.json").write_text(json.dumps(story))
    (landing / "innocent.txt").symlink_to(outside / "secret.txt")
    (landing / "folder").symlink_to(outside, target_is_directory=True)
    (landing / "sub").mkdir()
    (landing / "sub" / "loop").symlink_to(landing, target_is_directory=True)

    settings = settings_for(env_for(tmp_path, landing))
    run_ingest(settings)
    warehouse = settings.warehouse_path
    rejected = {path.rsplit("/landing/", 1)[1]: reason
                for path, reason in query(warehouse, "SELECT source_path, reason FROM raw.rejected_inputs")}
    assert rejected == {"innocent.txt": "unsafe_path", "folder": "unsafe_path", "sub/loop": "unsafe_path"}
    assert query(warehouse, "SELECT title FROM raw.articles") == [(story["title"],)]
    assert "TOP-SECRET" not in _every_string_in(warehouse)
    assert broken_invariants(warehouse) == {}
    again = run_ingest(settings)  # recorded once, not on every run
    assert again.get("rejected", 0) == 0 and query(warehouse, "SELECT count(*) FROM raw.rejected_inputs")[0][0] == 3


class _PrivateFeed(BaseHTTPRequestHandler):
    """Serves one RSS feed to requests with the right basic-auth credentials only."""

    expected = "Basic " + base64.b64encode(f"reader:{SECRET}".encode()).decode()
    body = b""

    def do_GET(self):  # noqa: N802 (http.server's name)
        if self.headers.get("Authorization") != self.expected:
            self.send_response(401)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args):
        pass


@pytest.fixture
def private_feed():
    story = stories()[1]
    _PrivateFeed.body = _rss(f"https://reader:{SECRET}@wire.example.com/story/1", story["title"],
                             story["text"]).encode()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PrivateFeed)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://reader:{SECRET}@127.0.0.1:{server.server_address[1]}/feed.xml", story
    finally:
        server.shutdown()


def test_feed_credentials_authenticate_but_are_never_stored_or_logged(private_feed, tmp_path, caplog, capsys):
    from pipelines.ingest import parse_feed
    from pipelines.ingest.preview import parsed_file_records
    from pipelines.steps import run_ingest

    caplog.set_level(logging.DEBUG)
    url, story = private_feed
    parsed = parse_feed(url, fetch=False)
    assert [a.title for a in parsed.articles] == [story["title"]], parsed.rejections  # the password worked
    assert SECRET not in repr(parsed) and SECRET not in json.dumps(parsed_file_records(parsed), default=str)

    wrong = SECRET[::-1]
    for failing, password in ((url.replace(SECRET, wrong), wrong),  # HTTP 401
                              (f"https://reader:{SECRET}@feeds.invalid/rss", SECRET),  # no such host
                              (f"https://reader:{SECRET}@feeds.example.com:port/rss", SECRET)):  # bad URL
        failed = parse_feed(failing, fetch=False)
        assert [r.reason for r in failed.rejections] == ["fetch_failed"], failing
        assert password not in repr(failed), failed

    # the same credentials inside input files: feed entry links and record URLs
    landing = tmp_path / "landing"
    landing.mkdir()
    (landing / "wire.rss").write_text(_rss(f"https://reader:{SECRET}@wire.example.com/story/1", story["title"],
                                           story["text"]))
    record = dict(stories()[2], url=f"https://reader:{SECRET}@www.example.com/news/2025/06/10/x")
    (landing / "record.jsonl").write_text(json.dumps(record) + "\n")
    settings = settings_for(env_for(tmp_path, landing))
    run_ingest(settings)
    assert query(settings.warehouse_path, "SELECT count(*) FROM raw.articles")[0][0] == 2
    assert SECRET not in _every_string_in(settings.warehouse_path)
    out = capsys.readouterr()
    assert SECRET not in caplog.text + out.out + out.err
