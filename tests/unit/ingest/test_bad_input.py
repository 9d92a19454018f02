"""Every kind of bad input becomes a clear rejection (or a clean article), never an exception."""

import gzip
import json
import os

import pytest

from pipelines.ingest.decode import decode_bytes
from pipelines.ingest.files import parse_file
from pipelines.ingest.preview import parse_paths

from .conftest import BLNS, NEWS, shared_file

LIMITS = {"max_bytes": 100_000, "max_chars": 20_000}


def reasons(parsed):
    return [r.reason for r in parsed.rejections]


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"   \n\t\n", "empty"),
    ("nul.txt", b"Some text\x00\x00\x01binary", "binary"),
    ("image.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
    ("random.json", bytes((i * 37 + 11) % 256 for i in range(4000)).replace(b"\x00", b"\x01"), "undecodable"),
    ("bad.json", b'{"text": "unterminated', "bad_json"),
    ("scalar.json", b"42", "not_an_object"),
    ("notext.json", json.dumps({"title": "Only a title"}).encode(), "no_text"),
    ("onlyjunk.txt", b"Advertisement\n\nShare this article\n\nSubscribe now", "no_text"),
    ("bad.html.gz", b"this is not gzip", "bad_gzip"),
    ("cut.html.gz", gzip.compress(b"<html><body><p>" + NEWS.encode() + b"</p></body></html>")[:-12], "bad_gzip"),
    ("empty.jsonl", b"\n\n", "empty"),
    ("notes.docx", b"PK\x03\x04", "unsupported_type"),
])
def test_whole_file_rejections(write, name, content, reason):
    parsed = parse_file(write(name, content), **LIMITS)
    assert parsed.articles == []
    assert reasons(parsed) == [reason]
    assert parsed.rejections[0].detail


def test_too_large_file_is_not_read_but_hashed(write):
    parsed = parse_file(write("big.txt", NEWS * 1000), max_bytes=10_000, max_chars=10**6)
    assert reasons(parsed) == ["too_large"] and len(parsed.file_sha256) == 64
    assert parsed.size_bytes > 10_000


def test_gzip_bomb_is_refused(write):
    bomb = gzip.compress(b"<p>" + b"a" * 2_000_000 + b"</p>")
    assert len(bomb) < LIMITS["max_bytes"]
    assert reasons(parse_file(write("bomb.html.gz", bomb), **LIMITS)) == ["too_large"]


def test_too_long_body_is_rejected_not_truncated(write):
    parsed = parse_file(write("long.txt", (NEWS + "\n\n") * 200), max_bytes=10**6, max_chars=5_000)
    assert reasons(parsed) == ["too_long"] and "not truncated" in parsed.rejections[0].detail


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16"])
def test_legacy_encodings_are_decoded_and_recorded(write, encoding):
    text = NEWS.replace("“", '"').replace("”", '"') + " The café owner, José Müller, said the résumé was ready."
    parsed = parse_file(write(f"{encoding}.txt", text.encode(encoding)), **LIMITS)
    assert parsed.rejections == []
    assert "José Müller" in parsed.articles[0].text and "résumé" in parsed.articles[0].text
    assert parsed.encoding in {"cp1252": {"cp1252"}, "latin-1": {"cp1252", "latin_1", "iso8859_1"},
                               "utf-16": {"utf-16"}}[encoding]


def test_cp1252_smart_quotes_are_decoded():
    decoded = decode_bytes("“We will not leave,” the mayor said — firmly.".encode("cp1252"))
    assert decoded.text == "“We will not leave,” the mayor said — firmly." and decoded.encoding == "cp1252"


def test_cyrillic_legacy_encoding_is_not_forced_to_latin():
    decoded = decode_bytes(("Президент сказал, что переговоры продолжатся. " * 6).encode("cp1251"))
    assert decoded.text.startswith("Президент") and decoded.encoding == "cp1251"


def _blns_strings() -> list[str]:
    lines = shared_file(BLNS).read_text(encoding="utf-8", errors="replace").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def test_blns_strings_inside_articles_break_nothing(write):
    strings = _blns_strings()
    assert len(strings) > 400
    paragraphs = [f"{NEWS}\n\n{s}\n\nThe minister added that {s} was discussed." for s in strings]
    records = "\n".join(json.dumps({"title": s, "text": p, "author": s, "published": s, "url": s, "source": s})
                        for s, p in zip(strings, paragraphs))
    parsed = parse_file(write("blns.jsonl", records), max_bytes=10**8, max_chars=10**6)
    assert len(parsed.articles) + len(parsed.rejections) == len(strings)
    assert len(parsed.articles) == len(strings)  # every record has real text around the naughty string
    for article in parsed.articles:
        assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in article.text)
        assert article.text.startswith("Leaders of the two countries")
        json.dumps(article.__dict__, default=str)  # serialisable
    txt = parse_file(write("blns.txt", "\n\n".join(paragraphs[:200])), max_bytes=10**8, max_chars=10**6)
    assert len(txt.articles) == 1
    html_body = "".join(f"<p>{s}</p><p>{NEWS}</p>" for s in strings[:200])
    html = parse_file(write("blns.html", f"<html><body><article>{html_body}</article></body></html>"),
                      max_bytes=10**8, max_chars=10**6)
    assert len(html.articles) + len(html.rejections) == 1 and "reader_error" not in reasons(html)


def test_control_characters_never_reach_the_text(write):
    parsed = parse_file(write("ctl.txt", NEWS + "\x01\x02\x1b[31m red\x7f\u0085 end"), **LIMITS)
    text = parsed.articles[0].text
    assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in text)
    assert "\x7f" not in text


def test_parse_paths_reports_bad_files_as_rejection_records(write, tmp_path):
    write("ok.txt", NEWS)
    write("empty.txt", b"")
    write("bad.jsonl", '{"text": "' + NEWS.replace("\n", " ") + '"}\n{oops\n')
    records = list(parse_paths([tmp_path]))
    got = sorted((os.path.basename(r["source"]), r["source_line"], r["rejection_reason"]) for r in records)
    assert got == [("bad.jsonl", 1, None), ("bad.jsonl", 2, "bad_json"), ("empty.txt", None, "empty"),
                   ("ok.txt", None, None)]
