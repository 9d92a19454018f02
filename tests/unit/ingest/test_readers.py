import json
from datetime import date

from pipelines.ingest.files import discover_files, parse_file

from .conftest import NEWS

TITLE = "Ceasefire talks resume in Geneva"


def test_txt_with_sidecar(write):
    path = write("story.txt", f"{TITLE}\n\n{NEWS}\n\nAdvertisement")
    write("story.meta.json", json.dumps({
        "title": TITLE, "outlet": "Example News", "url": "https://www.example.com/world/ceasefire",
        "author": ["Jane Doe", "John Roe"], "published": "Mon, 07 Mar 2022 10:00:00 GMT", "language": "en"}))
    parsed = parse_file(path, root=path.parent, max_bytes=10**6, max_chars=10**5)
    assert parsed.rejections == [] and parsed.encoding == "utf-8"
    article = parsed.articles[0]
    assert article.title == TITLE and article.text.startswith("Leaders of the two countries")
    assert article.outlet == "Example News" and article.author == "Jane Doe, John Roe"
    assert (article.published, article.published_source) == (date(2022, 3, 7), "metadata")
    assert article.source_kind == "txt" and article.source_line is None
    assert article.boilerplate_chars > 0 and "Advertisement" not in article.text
    assert len(article.file_sha256) == 64 and article.word_count == len(article.text.split())


def test_txt_title_from_a_headline_like_first_line(write):
    article = parse_file(write("a.txt", f"{TITLE}\n\nBy Jane Doe\n\n{NEWS}"), max_bytes=10**6, max_chars=10**5).articles[0]
    assert article.title == TITLE and article.author == "Jane Doe"
    assert article.text.startswith("Leaders of the two countries")


def test_txt_first_line_that_is_a_sentence_stays_in_the_body(write):
    article = parse_file(write("a.txt", NEWS), max_bytes=10**6, max_chars=10**5).articles[0]
    assert article.title is None and article.text == NEWS


def test_broken_sidecar_is_recorded_and_the_article_still_loads(write):
    path = write("a.txt", NEWS)
    write("a.meta.json", "{not json")
    parsed = parse_file(path, max_bytes=10**6, max_chars=10**5)
    assert len(parsed.articles) == 1
    assert [r.reason for r in parsed.rejections] == ["bad_metadata"]
    assert parsed.rejections[0].source_path.endswith("a.meta.json")


def test_json_object_list_and_wrapper(write):
    record = {"headline": TITLE, "articleBody": NEWS, "datePublished": "2022-03-07",
              "link": "https://example.com/x", "publisher": {"name": "Example"}, "byline": "Jane Doe"}
    one = parse_file(write("one.json", json.dumps(record)), max_bytes=10**6, max_chars=10**5)
    assert len(one.articles) == 1 and one.articles[0].source_line is None
    a = one.articles[0]
    assert (a.title, a.outlet, a.author, a.published) == (TITLE, "Example", "Jane Doe", date(2022, 3, 7))

    items = [record, {"content": ["First paragraph of another story about the election.", NEWS]}, 42, {"title": "no body"}]
    many = parse_file(write("many.json", json.dumps(items)), max_bytes=10**6, max_chars=10**5)
    assert [a.source_line for a in many.articles] == [1, 2]
    assert many.articles[1].text.startswith("First paragraph")
    assert sorted((r.source_line, r.reason) for r in many.rejections) == [(3, "not_an_object"), (4, "no_text")]

    wrapped = parse_file(write("w.json", json.dumps({"status": "ok", "articles": items[:2]})), max_bytes=10**6, max_chars=10**5)
    assert len(wrapped.articles) == 2


def test_jsonl_malformed_line_keeps_the_rest(write):
    lines = [json.dumps({"text": NEWS, "title": TITLE}), "{broken json", "",
             json.dumps({"body": NEWS + " Second story."}), "[1, 2]", json.dumps({"text": ""})]
    parsed = parse_file(write("x.jsonl", "\n".join(lines) + "\n"), max_bytes=10**6, max_chars=10**5)
    assert [a.source_line for a in parsed.articles] == [1, 4]
    assert sorted((r.source_line, r.reason) for r in parsed.rejections) == [
        (2, "bad_json"), (5, "not_an_object"), (6, "no_text")]
    assert "line 2" in next(r.detail for r in parsed.rejections if r.reason == "bad_json")


def test_jsonl_with_one_legacy_encoded_line(write):
    good = json.dumps({"text": NEWS + " Café au lait."}, ensure_ascii=False).encode("utf-8")
    legacy = json.dumps({"text": NEWS + " Le café de la rue Saint-André."}, ensure_ascii=False).encode("cp1252")
    parsed = parse_file(write("mixed.jsonl", good + b"\n" + legacy + b"\n"), max_bytes=10**6, max_chars=10**5)
    assert len(parsed.articles) == 2
    assert "Café au lait" in parsed.articles[0].text and "Saint-André" in parsed.articles[1].text
    assert parsed.encoding == "cp1252+utf-8"


def test_field_map_override(write):
    record = {"story_body": NEWS, "hed": TITLE, "meta": {"when": "2021-05-01"}, "text": ""}
    parsed = parse_file(write("x.jsonl", json.dumps(record)), max_bytes=10**6, max_chars=10**5,
                        field_map={"text": "story_body", "title": ["hed"], "published": "meta.when"})
    article = parsed.articles[0]
    assert (article.title, article.published, article.text) == (TITLE, date(2021, 5, 1), NEWS)
    # a malformed map is ignored, not a crash
    odd = parse_file(write("y.jsonl", json.dumps({"text": NEWS})), max_bytes=10**6, max_chars=10**5,
                     field_map={"text": 5, "title": [None, 3]})
    assert odd.articles[0].text == NEWS


def test_html_reader_extracts_body_and_metadata(write):
    html = f"""<!doctype html><html lang="en"><head><title>{TITLE} | Example News</title>
    <meta property="og:site_name" content="Example News"><meta name="author" content="Jane Doe">
    <meta property="article:published_time" content="2022-03-07T10:00:00Z">
    <style>body {{ color: red }} .secret-style {{}}</style>
    <script>var secretScript = "do not index me";</script></head>
    <body><nav>Home | World | Subscribe</nav><article><h1>{TITLE}</h1>
    {''.join(f'<p>{p}</p>' for p in NEWS.split(chr(10)*2))}
    <p>The delegations will reconvene in March, the spokesman added, and a joint statement is expected.</p>
    <script>document.write("secretScript2")</script></article>
    <footer>Copyright 2022 Example News. All rights reserved.</footer></body></html>"""
    parsed = parse_file(write("page.html", html), max_bytes=10**6, max_chars=10**5)
    article = parsed.articles[0]
    assert article.text.startswith("Leaders of the two countries") and "reconvene in March" in article.text
    for hidden in ("secretScript", "secret-style", "color: red", "Home | World"):
        assert hidden not in article.text
    assert article.title.startswith(TITLE) and article.author == "Jane Doe"
    assert article.published == date(2022, 3, 7) and article.source_kind == "html"


def test_discover_files_skips_sidecars_hidden_unknown_and_escapes(tmp_path, write):
    landing = tmp_path / "landing"
    keep = [write("landing/a.txt", NEWS), write("landing/sub/b.jsonl", "{}"), write("landing/c.html.gz", b"x")]
    write("landing/a.meta.json", "{}")
    write("landing/.hidden.txt", NEWS)
    write("landing/.git/d.txt", NEWS)
    write("landing/notes.docx", b"PK")
    outside = write("outside.txt", NEWS)
    (landing / "link.txt").symlink_to(outside)
    (landing / "linkdir").symlink_to(tmp_path)
    assert discover_files([landing, tmp_path / "missing"]) == sorted(keep)


def test_parse_file_refuses_paths_outside_the_root(tmp_path, write):
    landing = tmp_path / "landing"
    landing.mkdir()
    outside = write("secret.txt", NEWS)
    link = landing / "innocent.txt"
    link.symlink_to(outside)
    for path in (link, landing / ".." / "secret.txt"):
        parsed = parse_file(path, root=landing, max_bytes=10**6, max_chars=10**5)
        assert parsed.articles == [] and [r.reason for r in parsed.rejections] == ["unsafe_path"]
