"""The evaluation sets: each runs the real pipeline step on annotated input and returns rows
(plus details for whoever wants to see what went wrong)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipelines.evaluation.actors import score_actors
from pipelines.evaluation.boilerplate import score_boilerplate
from pipelines.evaluation.counts import PRF, Share
from pipelines.evaluation.details import event_details, quote_details
from pipelines.evaluation.events import score_events
from pipelines.evaluation.extractor import Extractor, progress
from pipelines.evaluation.gold import count_html_pages, iter_html_pages, load_gold_articles, load_plover, parse_iso_date
from pipelines.evaluation.html_body import aggregate, page_counts
from pipelines.evaluation.plover import score_plover
from pipelines.evaluation.quotes import score_quotes
from pipelines.evaluation.table import Row, row
from pipelines.nlp.api import ArticleInput

TAUS = (0.3, 0.8)
SetResult = tuple[list[Row], dict[str, Any]]


def ingest_body(text: str, title: str | None = None, url: str | None = None, kind: str = "txt") -> str:
    """The body ingestion would store: the readers' shared cleaning path (normalise, title
    off the top, boilerplate cut); "" when ingestion would reject the text."""
    from pipelines.ingest.build import RawArticle, SourceInfo, build_article

    raw = RawArticle(text=text, title=title, url=url, title_from_first_line=(kind == "txt"))
    parsed = build_article(raw, SourceInfo(f"eval:{kind}", kind, "", max_chars=10**9))
    return getattr(parsed, "text", "") or ""


def _prf_rows(set_name: str, prefix: str, counts: PRF, suffix: str = "") -> list[Row]:
    n = counts.tp + counts.fn
    return [row(set_name, f"{prefix}_{name}{suffix}", value, n) for name, value in
            (("precision", counts.precision), ("recall", counts.recall), ("f1", counts.f1))]


def _share_row(set_name: str, metric: str, share: Share) -> Row:
    return row(set_name, metric, share.value, share.total)


def evaluate_seed(eval_dir: Path, extractor: Extractor, set_name: str = "seed") -> SetResult:
    """Every gold/*.gold.json article: boilerplate cut, then actors, quotes and events."""
    articles = load_gold_articles(eval_dir)
    bodies = {a.name: ingest_body(a.raw_text, a.title) for a in articles}
    inputs = [ArticleInput(a.name, bodies[a.name], a.published, a.title) for a in articles]
    records = extractor.records(inputs, f"{set_name} articles")

    quotes = {tau: PRF() for tau in TAUS}
    speakers = Share()
    actors, events = PRF(), PRF()
    coding = country = sector = dates = exact = Share()
    after = lost = 0
    details: dict[str, Any] = {}
    for article in articles:
        gold, body, record = article.gold, bodies[article.name], records[article.name]
        for tau in TAUS:
            q = score_quotes(record.get("quotes") or [], gold, body, tau)
            quotes[tau] += q.counts
            if tau == TAUS[0]:
                speakers += q.speakers
                quote_problems = quote_details(record.get("quotes") or [], gold, body, q)
        a = score_actors(record.get("actors") or [], gold)
        actors += a.counts
        coding, country, sector = coding + a.coding, country + a.country, sector + a.sector
        e = score_events(record, gold, body)
        events += e.counts
        dates += e.dates
        b = score_boilerplate(article.raw_text, body, gold.get("body_ends_before") or "")
        exact += Share(int(b.exact), 1)
        after, lost = after + b.chars_after_marker, lost + b.chars_lost
        details[article.name] = {
            "actors_false_positives": a.false_positives, "actors_missed": a.missed, "actors_miscoded": a.miscoded,
            **quote_problems, **event_details(record.get("events") or [], gold, e),
            "boilerplate": {"exact": b.exact, "chars_after_marker": b.chars_after_marker, "chars_lost": b.chars_lost},
        }

    s = set_name
    rows = []
    for tau in TAUS:
        rows += _prf_rows(s, "quotes", quotes[tau], f"@{tau}")
    rows.append(_share_row(s, "speakers_accuracy", speakers))
    rows += _prf_rows(s, "actors", actors)
    rows += [_share_row(s, "actors_coding", coding), _share_row(s, "actors_country", country),
             _share_row(s, "actors_sector", sector)]
    rows += _prf_rows(s, "events", events)
    rows.append(_share_row(s, "events_date_agreement", dates))
    rows += [_share_row(s, "boilerplate_exact", exact),
             row(s, "boilerplate_chars_after_marker", after, len(articles)),
             row(s, "boilerplate_chars_lost", lost, len(articles))]
    return rows, details


def evaluate_plover(eval_dir: Path, extractor: Extractor) -> SetResult:
    """Each plover_dev sentence extracted on its own; its first event against the gold."""
    sentences = load_plover(eval_dir)
    inputs = [ArticleInput(str(g["id"]), g["text"], parse_iso_date(g.get("date"))) for g in sentences]
    records = extractor.records(inputs, "plover_dev")
    score = score_plover((g, records[str(g["id"])]) for g in sentences)
    s = "plover"
    rows = [
        _share_row(s, "type_accuracy", score.types),
        _share_row(s, "country_agreement", score.country),
        _share_row(s, "source_country_agreement", score.source_country),
        _share_row(s, "target_country_agreement", score.target_country),
    ]
    no_event = sum(1 for r in records.values() if not r.get("events"))
    misses = [{"gold": g, "predicted": p, "count": c} for (g, p), c in score.confusion.most_common(15)]
    return rows, {"sentences": len(sentences), "sentences_without_event": no_event, "type_misses": misses}


def evaluate_html(eval_dir: Path) -> SetResult:
    """Each html_dev page through the HTML reader and the boilerplate cutter, against
    articleBody."""
    from pipelines.ingest.html import extract_html

    shingle_pages, token_pages = [], []
    worst: list[tuple[float, str]] = []
    total = count_html_pages(eval_dir)
    for page in progress(iter_html_pages(eval_dir), total, "html_dev"):
        extracted = extract_html(page.html, url=page.url) or {}
        body = ingest_body(extracted.get("text") or "", extracted.get("title"), page.url, kind="html")
        counts = page_counts(page.article_body, body)
        shingle_pages.append(counts)
        token_pages.append(page_counts(page.article_body, body, n=1))
        worst.append((aggregate([counts]).f1, page.page_id))
    body_score, token_score = aggregate(shingle_pages), aggregate(token_pages)
    s = "html"
    rows = [
        row(s, "body_precision", body_score.precision, body_score.pages),
        row(s, "body_recall", body_score.recall, body_score.pages),
        row(s, "body_f1", body_score.f1, body_score.pages),
        row(s, "token_f1", token_score.f1, token_score.pages),
    ]
    return rows, {"worst_pages": [{"id": i, "f1": round(f, 3)} for f, i in sorted(worst)[:10]]}
