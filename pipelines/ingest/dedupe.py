"""Near-duplicates: the same story with small edits (wire copy across outlets, re-posts).

Similarity is the Jaccard index of word 5-shingles. MinHash signatures cut into LSH bands find
candidate pairs fast; every candidate is then checked on its exact shingle sets (or on the
MinHash estimate when only a signature is known), so banding costs no precision.
Canonical article of a group: the earliest published (unknown dates count as latest),
ties broken by the smaller article id.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import numpy as np
from datasketch import MinHash

from pipelines.ingest.api import ParsedArticle

SHINGLE_WORDS = 5
NUM_PERM = 128
BANDS = 32
ROWS_PER_BAND = NUM_PERM // BANDS   # 4 rows: pairs at Jaccard 0.5 become candidates ~87% of the time
MINHASH_SEED = 20220307             # fixed: signatures stored in one run must match the next run's
MIN_SHINGLES = 8                    # shorter texts are too short to call near-duplicates
DEFAULT_THRESHOLD = 0.8

_WORD = re.compile(r"\w+")

# DDL the warehouse may adopt to find candidates across runs without loading every text.
SIGNATURES_DDL = """
CREATE TABLE IF NOT EXISTS raw.article_signatures (
    article_id VARCHAR NOT NULL,
    band       INTEGER NOT NULL,
    band_hash  UBIGINT NOT NULL,
    PRIMARY KEY (article_id, band)
);
"""

# Stored articles sharing at least one band with a batch: `new_signatures` is a relation the
# caller registers (e.g. con.register("new_signatures", arrow_table_of_signature_rows)).
CANDIDATES_SQL = """
SELECT DISTINCT s.article_id
FROM raw.article_signatures AS s
JOIN new_signatures AS n ON s.band = n.band AND s.band_hash = n.band_hash
WHERE s.article_id <> n.article_id
"""


def shingles(text: str, size: int = SHINGLE_WORDS) -> frozenset[str]:
    """Word n-grams of the casefolded text (a text shorter than n words is one shingle)."""
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i:i + size]) for i in range(len(words) - size + 1))


def _crc32(data: bytes) -> int:
    return zlib.crc32(data)


def minhash(shingle_set: Iterable[str]) -> MinHash:
    # crc32 instead of datasketch's default sha1: deterministic across processes and ~10x
    # faster; MinHash's own random permutations spread the values.
    signature = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, hashfunc=_crc32)
    signature.update_batch([s.encode("utf-8") for s in shingle_set])
    return signature


def band_hashes(signature: MinHash) -> list[int]:
    """One unsigned 64-bit hash per band of the signature."""
    values = np.asarray(signature.hashvalues, dtype=np.uint64)
    out = []
    for band in range(BANDS):
        chunk = values[band * ROWS_PER_BAND:(band + 1) * ROWS_PER_BAND].tobytes()
        out.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little"))
    return out


def signature_rows(article: ParsedArticle | tuple[str, str]) -> list[tuple[str, int, int]]:
    """(article_id, band, band_hash) rows for raw.article_signatures; none for very short texts."""
    article_id, text = (article.article_id, article.text) if isinstance(article, ParsedArticle) else article
    prepared = prepare(text)
    if prepared is None:
        return []
    return [(article_id, band, value) for band, value in enumerate(band_hashes(prepared[1]))]


def prepare(text: str) -> tuple[frozenset[str], MinHash] | None:
    """Shingles and MinHash of a text, or None when it is too short to compare: computed once
    and handed to both signature_rows' callers and link_near_duplicates (they are the costly part)."""
    shingle_set = shingles(text)
    if len(shingle_set) < MIN_SHINGLES:
        return None
    return shingle_set, minhash(shingle_set)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass
class _Entry:
    article_id: str
    published: date | None
    duplicate_of: str | None
    shingles: frozenset[str] | None
    signature: MinHash


class DuplicateIndex:
    """Articles already seen, searchable by LSH band. Keep one across batches, or rebuild it
    from stored (article_id, text, published, duplicate_of) rows."""

    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}
        self._bands: list[dict[int, set[str]]] = [{} for _ in range(BANDS)]

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, article_id: str, text: str, published: date | None = None,
            duplicate_of: str | None = None, *, prepared: tuple[frozenset[str], MinHash] | None = None) -> None:
        if article_id in self._entries:
            return
        shingle_set, signature = prepared or (shingles(text), None)
        if len(shingle_set) < MIN_SHINGLES:
            return
        signature = signature or minhash(shingle_set)
        self._entries[article_id] = _Entry(article_id, published, duplicate_of, shingle_set, signature)
        for band, value in enumerate(band_hashes(signature)):
            self._bands[band].setdefault(value, set()).add(article_id)

    def candidates(self, signature: MinHash) -> set[str]:
        found: set[str] = set()
        for band, value in enumerate(band_hashes(signature)):
            found |= self._bands[band].get(value, set())
        return found

    def similarity(self, article_id: str, shingle_set: frozenset[str], signature: MinHash) -> float:
        entry = self._entries[article_id]
        if entry.shingles is not None:
            return jaccard(entry.shingles, shingle_set)
        return float(entry.signature.jaccard(signature))

    def entry(self, article_id: str) -> _Entry | None:
        return self._entries.get(article_id)


def _as_index(existing) -> DuplicateIndex:
    if isinstance(existing, DuplicateIndex):
        return existing
    index = DuplicateIndex()
    for row in existing or ():
        article_id, text, *rest = row
        published = rest[0] if len(rest) > 0 else None
        duplicate_of = rest[1] if len(rest) > 1 else None
        index.add(article_id, text, published, duplicate_of)
    return index


def link_near_duplicates(new: list[ParsedArticle], existing: Iterable[tuple] | DuplicateIndex = (),
                         threshold: float = DEFAULT_THRESHOLD,
                         prepared: dict[str, tuple[frozenset[str], MinHash]] | None = None) -> list[tuple[str, str, float]]:
    """Set duplicate_of / similarity on the new articles (against stored ones and each other).

    `existing`: a DuplicateIndex, or rows (article_id, text[, published[, duplicate_of]]).
    Groups are joined transitively; each points at the group's canonical article.
    `prepared`: article_id -> prepare(text) already computed for the new articles (optional).
    Returns re-pointings for stored articles, (article_id, new duplicate_of, similarity): needed
    only when a new article is older than a stored group's canonical one. Stored rows are not
    touched here; the caller decides whether to update them. New articles are added to the index.
    """
    index = _as_index(existing)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    by_id: dict[str, ParsedArticle] = {}
    for article in sorted(new, key=lambda a: a.article_id):
        if article.article_id in by_id or article.article_id in index:
            continue  # the very same body: one article with several sources, not a near-duplicate
        by_id[article.article_id] = article
        if prepared is not None and article.article_id in prepared:
            shingle_set, signature = prepared[article.article_id]
        else:
            shingle_set = shingles(article.text)
            if len(shingle_set) < MIN_SHINGLES:
                continue
            signature = minhash(shingle_set)
        for other in index.candidates(signature):
            if index.similarity(other, shingle_set, signature) >= threshold:
                union(article.article_id, other)
                stored = index.entry(other)
                if stored and stored.duplicate_of and stored.duplicate_of in index:
                    union(other, stored.duplicate_of)
        index.add(article.article_id, article.text, article.published, prepared=(shingle_set, signature))

    groups: dict[str, list[str]] = {}
    for member in list(parent):
        groups.setdefault(find(member), []).append(member)

    def published_of(article_id: str) -> date | None:
        if article_id in by_id:
            return by_id[article_id].published
        entry = index.entry(article_id)
        return entry.published if entry else None

    repointed: list[tuple[str, str, float]] = []
    for members in groups.values():
        canonical = min(members, key=lambda m: (published_of(m) or date.max, m))
        canonical_entry = index.entry(canonical)
        for member in members:
            if member == canonical:
                continue
            entry = index.entry(member)
            similarity = round(index.similarity(canonical, entry.shingles, entry.signature), 4) if canonical_entry else None
            if member in by_id:
                by_id[member].duplicate_of = canonical
                by_id[member].similarity = similarity
            elif entry.duplicate_of != canonical:
                repointed.append((member, canonical, similarity))
        if canonical in by_id:
            by_id[canonical].duplicate_of = None
            by_id[canonical].similarity = None
    return repointed
