"""Body extraction quality on eval/html_dev: token F1 against the human-checked articleBody."""

import json
import re
import unicodedata
from collections import Counter

import pytest

from pipelines.ingest.files import parse_file
from pipelines.ingest.html import extract_html

from .conftest import HTML_DEV, shared_file


def token_prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Token precision/recall/F1 after NFKC and lower-casing, as gold/README.md specifies."""
    def tokens(text):
        return Counter(re.findall(r"\w+", unicodedata.normalize("NFKC", text).lower()))

    p, g = tokens(predicted), tokens(gold)
    overlap = sum((p & g).values())
    if not p or not g or not overlap:
        return 0.0, 0.0, 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def test_token_prf():
    assert token_prf("a b c", "a b c") == (1.0, 1.0, 1.0)
    assert token_prf("a b", "c d") == (0.0, 0.0, 0.0)
    assert token_prf("a b c d", "a b")[0] == 0.5


@pytest.mark.slow
def test_html_dev_body_f1():
    truth = json.loads(shared_file(HTML_DEV / "ground-truth.json").read_text(encoding="utf-8"))
    scores = []
    for key, expected in truth.items():
        parsed = parse_file(HTML_DEV / "html" / f"{key}.html.gz")
        text = parsed.articles[0].text if parsed.articles else ""
        scores.append(token_prf(text, expected["articleBody"]))
    mean_f1 = sum(s[2] for s in scores) / len(scores)
    print(f"html_dev: {len(scores)} pages, mean token P {sum(s[0] for s in scores) / len(scores):.4f} "
          f"R {sum(s[1] for s in scores) / len(scores):.4f} F1 {mean_f1:.4f}")
    assert mean_f1 > 0.95
    assert sum(1 for s in scores if s[2] < 0.5) <= 2


def test_extract_html_contract():
    page = extract_html("<html><head><title>T</title><script>var x=1;</script></head>"
                        "<body><article><p>" + "The minister spoke in Geneva on Tuesday. " * 20 + "</p></article></body></html>")
    assert set(page) >= {"text", "title", "author", "published", "site_name"}
    assert "var x" not in page["text"] and "Geneva" in page["text"]
    assert extract_html("")["text"] is None
    garbage = extract_html("<<<>>> not html at all \x00")["text"]
    assert garbage is None or garbage.strip() == "<<<>>> not html at all"
