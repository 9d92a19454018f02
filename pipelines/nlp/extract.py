"""Run the presswatch pipeline over articles and turn each Doc into rows for the nlp.* tables.

    nlp = load_nlp(settings.spacy_model)
    for result in extract_articles(nlp, articles, batch_size=16, n_process=1):
        ...  # ArticleResult, in input order, one at a time

Pure Python: used by the Dagster extract asset, the CLI and the evaluator alike.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing as mp
import os
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipelines.nlp.api import ArticleInput, ArticleResult
from pipelines import heap
from pipelines.processes import watch_parent
from pipelines.nlp import doc_cache
from pipelines.nlp.doc_cache import doc_text, sentences as doc_sentences

EXTRACTOR_VERSION = "0.3.0"  # 0.3: story country, agents-dictionary roles, dateline; 0.2: nlp.article_actors
NLP_DIR = Path(__file__).resolve().parent
DATA_SUFFIXES = {".jsonl", ".json", ".yaml", ".yml", ".tsv", ".csv", ".txt"}


@lru_cache(maxsize=8)
def extractor_version(model_name: str) -> str:
    """EXTRACTOR_VERSION + a short hash of every rule and lexicon file under pipelines/nlp
    + the spaCy model, so that changing any rule marks earlier extractions stale."""
    digest = hashlib.sha256()
    for path in sorted(NLP_DIR.rglob("*")):
        if path.is_file() and path.suffix in DATA_SUFFIXES and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(NLP_DIR)).encode("utf-8"))
            digest.update(path.read_bytes())
    return f"{EXTRACTOR_VERSION}+{digest.hexdigest()[:10]}.{model_name}"


def row_id(article_id: str, *parts: Any) -> str:
    return hashlib.sha256(":".join([article_id, *map(str, parts)]).encode("utf-8")).hexdigest()[:16]


def _context(article: ArticleInput) -> dict:
    return {"article_id": article.article_id,
            "published": article.published.isoformat() if article.published else None}


def extract_articles(nlp: Language | str, articles: Iterable[ArticleInput], *, batch_size: int,
                     n_process: int) -> Iterator[ArticleResult]:
    """Stream articles through spaCy and yield one ArticleResult per article, in input order.
    Nothing is held beyond a few batches.

    `nlp` is a model name (loaded once per process) or a loaded pipeline. With n_process > 1
    the whole pipeline *and* the conversion to rows run in forked worker processes: the parent
    only hands out texts and receives rows, never Docs, so every core goes to parsing and our
    rules. (Fork, not a fork server or spawn: those re-import the caller's main module in every
    worker, which hangs a pool started from a script without a __main__ guard or from stdin.)"""
    if n_process == -1:
        n_process = os.cpu_count() or 1
    if isinstance(nlp, str):
        from pipelines.nlp.pipeline import load_nlp

        nlp = load_nlp(nlp)
    if n_process > 1 and "fork" in mp.get_all_start_methods():
        yield from _extract_in_workers(nlp, articles, batch_size=batch_size, n_process=n_process)
        return
    for doc, context in nlp.pipe(_inputs(nlp, articles), as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield doc_to_result(doc, context["article_id"])


def _inputs(nlp: Language, articles: Iterable[ArticleInput]) -> Iterator[tuple[str, dict]]:
    limit = nlp.max_length - 1
    for article in articles:
        text = article.text or ""
        # offsets stay valid for an over-long text: only its beginning is analysed
        text = text if len(text) <= limit else text[:limit]
        # the text rides along in the context too: the Doc's own text would be rebuilt by
        # joining every token
        yield text, _context(article) | {"text": text}


# The pipeline a forked worker runs: set in the parent just before forking, so workers inherit
# the loaded model, lexicons and gazetteers (copy-on-write) instead of loading their own.
_WORKER_NLP: Language | None = None


def _extract_batch(batch: list[ArticleInput], batch_size: int) -> list[ArticleResult]:
    assert _WORKER_NLP is not None, "worker started without a pipeline"
    pairs = _WORKER_NLP.pipe(_inputs(_WORKER_NLP, batch), as_tuples=True, batch_size=batch_size)
    results = [doc_to_result(doc, context["article_id"]) for doc, context in pairs]
    del pairs
    doc_cache.forget()
    heap.trim_if_grown()  # after a long article the worker would otherwise stay at its size
    return results


def _extract_in_workers(nlp: Language, articles: Iterable[ArticleInput], *, batch_size: int,
                        n_process: int) -> Iterator[ArticleResult]:
    """A pool of forked workers, one batch per task, at most two batches per worker in
    flight (memory stays flat whatever the corpus size); results come back in input order.
    A free worker takes the next batch, so one long article does not stall the others."""
    global _WORKER_NLP
    warm_up(nlp)
    _WORKER_NLP = nlp
    # Frozen objects are left out of the workers' garbage collections, which would otherwise
    # write to every object's header and so copy every page of the model and lexicons into
    # each worker (about 100 MB less at the peak on 2,000 articles).
    gc.collect()
    gc.freeze()
    in_flight: deque = deque()
    clean = False
    pool = mp.get_context("fork").Pool(n_process, initializer=watch_parent, initargs=(os.getpid(),))
    try:
        batch: list[ArticleInput] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                in_flight.append(pool.apply_async(_extract_batch, (batch, batch_size)))
                batch = []
                if len(in_flight) >= 2 * n_process:
                    yield from in_flight.popleft().get()
        if batch:
            in_flight.append(pool.apply_async(_extract_batch, (batch, batch_size)))
        while in_flight:
            yield from in_flight.popleft().get()
        # Done: let the workers take their sentinels and exit. terminate() here could kill a
        # worker while it holds the task queue's lock, and a worker left waiting on that lock
        # hung the test run once.
        pool.close()
        pool.join()
        clean = True
    finally:
        if not clean:  # an error, or the caller stopped reading
            pool.terminate()
            pool.join()
        gc.unfreeze()
        _WORKER_NLP = None


WARM_UP_TEXT = (
    "French President Emmanuel Macron met Russian Foreign Minister Sergei Lavrov in Paris on Monday, "
    "the ministry said. \u201cWe will not accept this,\u201d Macron told reporters after Russian forces "
    "attacked Kyiv, Ukraine. He said the United Nations would send aid to Gaza next week."
)


def warm_up(nlp: Language) -> None:
    """Runs one small article through the pipeline so that every lazily loaded table (actor
    lexicon, event rules, place gazetteer) is in memory before workers fork and share it."""
    for _ in nlp.pipe([(WARM_UP_TEXT, {"article_id": "warm-up", "published": "2024-03-04"})], as_tuples=True):
        pass


def _sentence(doc: Doc, start: int) -> tuple[int, int, int]:
    found = doc_sentences(doc)
    index = found.index_of_char(start)
    if found.spans and found.spans[index].start_char <= start < found.spans[index].end_char:
        return index, found.spans[index].start_char, found.spans[index].end_char
    return 0, 0, len(doc_text(doc))


def doc_to_result(doc: Doc, article_id: str) -> ArticleResult:
    actors = doc._.pw_actors or []
    text = doc_text(doc)
    result = ArticleResult(article_id=article_id)
    result.words = sum(1 for t in doc if not (t.is_punct or t.is_space))
    for actor in actors:
        result.actors.append({k: actor.get(k) for k in ("actor_id", "canonical_key", "name", "kind", "country", "sector", "title")})
    aliases: Counter = Counter()
    seen: set[str] = set()
    for m in doc._.pw_mentions or []:
        actor = actors[m["actor"]]
        mention_id = row_id(article_id, m["start"], m["end"], "mention")
        if mention_id in seen:
            continue
        seen.add(mention_id)
        aliases[(actor["actor_id"], m["surface"])] += 1
        result.mentions.append({
            "mention_id": mention_id, "article_id": article_id, "actor_id": actor["actor_id"],
            "start_char": m["start"], "end_char": m["end"], "surface": m["surface"],
            "mention_kind": m["mention_kind"], "sentence_index": m["sentence_index"],
            "sentence_start": m["sentence_start"], "sentence_end": m["sentence_end"],
        })
    for q in doc._.pw_quotes or []:
        result.quotes.append({
            "quote_id": row_id(article_id, q["start"], q["end"], "quote"), "article_id": article_id,
            "start_char": q["start"], "end_char": q["end"], "text": q["text"], "kind": q["kind"], "cue": q["cue"],
            "speaker_actor_id": q["speaker_actor_id"], "speaker_name": q["speaker_name"],
            "speaker_kind": q["speaker_kind"], "speaker_start": q["speaker_start"], "speaker_end": q["speaker_end"],
            "anonymous_description": q["anonymous_description"], "speaker_country": q["speaker_country"],
            "speaker_sector": q["speaker_sector"], "fingerprint": q["fingerprint"],
        })
        if q["speaker_kind"] == "pronoun" and q["speaker_actor_id"] and q["speaker_start"] is not None:
            mention_id = row_id(article_id, q["speaker_start"], q["speaker_end"], "mention")
            if mention_id not in seen:
                seen.add(mention_id)
                index, s_start, s_end = _sentence(doc, q["speaker_start"])
                result.mentions.append({
                    "mention_id": mention_id, "article_id": article_id, "actor_id": q["speaker_actor_id"],
                    "start_char": q["speaker_start"], "end_char": q["speaker_end"],
                    "surface": text[q["speaker_start"]:q["speaker_end"]], "mention_kind": "pronoun",
                    "sentence_index": index, "sentence_start": s_start, "sentence_end": s_end,
                })
    result.aliases = [{"actor_id": a, "alias": alias, "mentions": n} for (a, alias), n in aliases.items()]
    countries = _countries_by_reference(doc)
    for e in doc._.pw_events or []:
        result.events.append(event_row(doc, text, article_id, e, countries))
    return result


def _countries_by_reference(doc: Doc) -> dict[str, str | None]:
    """Country of each actor id and of each unnamed source's description, so an event whose
    source is "Hungarian officials" still carries HUN (extra key; the writer keeps only
    table columns)."""
    found: dict[str, str | None] = {}
    for d in doc._.pw_descriptions or []:
        found.setdefault(d["surface"], d.get("country"))
    for a in doc._.pw_actors or []:
        found[a["actor_id"]] = a.get("country")
    return found


EVENT_COLUMNS = ("evidence", "sentence_start", "sentence_end", "event_type", "mode", "score", "source_actor_id",
                 "source_name", "target_actor_id", "target_name", "modality", "event_count", "event_date",
                 "date_granularity", "date_text", "date_flag", "location_name", "location_country",
                 "latitude", "longitude", "fingerprint")


def event_row(doc: Doc, text: str, article_id: str, event: dict, countries: dict | None = None) -> dict:
    """An nlp.events row from the events module's dict (its keys follow the table)."""
    start = int(event.get("start_char", event.get("start", 0)))
    end = int(event.get("end_char", event.get("end", start)))
    row = {"event_id": row_id(article_id, start, end, event.get("event_type") or event.get("type"), "event"),
           "article_id": article_id, "start_char": start, "end_char": end}
    for column in EVENT_COLUMNS:
        row[column] = event.get(column)
    row["event_type"] = row["event_type"] or event.get("type")
    row["evidence"] = row["evidence"] or text[start:end]
    row["modality"] = row["modality"] or "asserted"
    if row["sentence_start"] is None:
        _, row["sentence_start"], row["sentence_end"] = _sentence(doc, start)
    if row["event_date"] is not None and not isinstance(row["event_date"], str):
        row["event_date"] = row["event_date"].isoformat()
    for role in ("source", "target"):
        known = event.get(f"{role}_country")
        if known is None and countries:
            known = countries.get(row[f"{role}_actor_id"] or "") or countries.get(row[f"{role}_name"] or "")
        row[f"{role}_country"] = known
    if not row["fingerprint"]:
        key = "|".join(str(x) for x in (row["source_actor_id"] or row["source_name"], row["event_type"],
                                         row["target_actor_id"] or row["target_name"], row["event_date"]))
        row["fingerprint"] = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    return row


def _date_at_granularity(row: dict) -> str | None:
    day, granularity = row.get("event_date"), row.get("date_granularity")
    if not day:
        return None
    return {"year": day[:4], "month": day[:7]}.get(granularity or "day", day[:10])


def to_cli_record(result: ArticleResult, article_id: str | None = None) -> dict:
    """The CLI's JSON line for one article; offsets refer to the input text as given."""
    mentions_by_actor: dict[str, list[list[int]]] = {}
    for m in result.mentions:
        mentions_by_actor.setdefault(m["actor_id"], []).append([m["start_char"], m["end_char"]])
    return {
        "id": article_id if article_id is not None else result.article_id,
        "actors": [{"name": a["name"], "kind": a["kind"], "country": a["country"], "sector": a["sector"],
                    "mentions": sorted(mentions_by_actor.get(a["actor_id"], []))} for a in result.actors],
        "quotes": [{"start": q["start_char"], "end": q["end_char"], "text": q["text"], "kind": q["kind"],
                    "cue": q["cue"], "speaker": q["speaker_name"], "speaker_kind": q["speaker_kind"],
                    "speaker_start": q["speaker_start"], "speaker_end": q["speaker_end"]} for q in result.quotes],
        "events": [{"source": e["source_name"], "type": e["event_type"], "mode": e["mode"], "target": e["target_name"],
                    "source_country": e.get("source_country"), "target_country": e.get("target_country"),
                    "date": _date_at_granularity(e), "location": e["location_name"], "modality": e["modality"],
                    "start": e["start_char"], "end": e["end_char"]} for e in result.events],
    }
