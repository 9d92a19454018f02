"""Where an event happened (a place entity in a locative phrase under its trigger) and which
side of a meeting travelled (CONSULT visit/host)."""

from __future__ import annotations

from spacy.tokens import Token

from pipelines.nlp.doc_cache import span_ents
from pipelines.nlp.events.record import EventRecord, strip_the
from pipelines.nlp.events.roles import PLACE_ENTS
from pipelines.nlp.places import Place, resolve_place

LOCATION_PREPS = {"in", "at", "to", "near", "outside", "inside", "into", "from", "across", "around", "throughout"}


def place_event(record: EventRecord) -> None:
    """Set record.location / location_name from the sentence."""
    token = record.trigger.token
    scope = set(t.i for t in token.subtree)
    if record.trigger.kind == "noun" and token.head.pos_ == "VERB":
        scope |= {t.i for t in token.head.subtree}
    used = {t.i for t in (record.source_token, record.target_token) if t is not None}
    prefer = {a.get("country") for a in (record.source, record.target) if a and a.get("country")}
    best = None
    for ent in span_ents(record.sentence):
        if ent.label_ not in PLACE_ENTS or ent.root.i not in scope or ent.root.i in used:
            continue
        if not in_locative_phrase(ent.root):
            continue
        # the place nearest the trigger names the location ("at the Fort de Bregancon on
        # the French Riviera"); a wider place inside its phrase can still locate it
        distance = tree_distance(ent.root, token)
        if best is None or distance < best[0]:
            best = (distance, ent)
    if best is None:
        # a place name the tagger missed ("at Versailles"): a proper noun in a locative phrase
        for tok in record.sentence:
            if tok.i in scope and tok.i not in used and tok.pos_ == "PROPN" and not tok.ent_type_ \
                    and tok.dep_ == "pobj" and tok.head.lower_ in LOCATION_PREPS:
                place = resolve_place(tok.text, prefer)
                if place is not None:
                    record.location, record.location_name = place, place.name
                    return
        return
    ent = best[1]
    place = resolve_place(ent.text, prefer)
    if place is None:
        inner = [e for e in span_ents(record.sentence) if e.label_ in PLACE_ENTS and e.start >= ent.end
                 and e.root.i in {t.i for t in ent.root.subtree}]
        for other in inner:
            wider = resolve_place(other.text, prefer)
            if wider is not None:
                place = Place(strip_the(ent.text), wider.country, wider.latitude, wider.longitude, "site")
                break
    record.location = place
    record.location_name = strip_the(ent.text) if place is None or place.kind == "site" else place.name


def consult_mode(record: EventRecord, cues: dict[str, str]) -> str | None:
    """visit / host / phone from words in the trigger's own phrase, else from where the
    meeting took place relative to the two sides' countries."""
    token = record.trigger.token
    words = [token.lemma_.lower()]
    for child in token.children:
        words.append(child.lemma_.lower())
        words.extend(g.lemma_.lower() for g in child.children)
    for word in words:
        mode = cues.get(word)
        if mode:
            return mode
    place = record.location
    if place is not None and getattr(place, "country", None):
        source_country = (record.source or {}).get("country")
        target_country = (record.target or {}).get("country")
        if source_country and place.country != source_country and place.country == target_country:
            return "visit"
        if target_country and place.country == source_country and place.country != target_country:
            return "host"
    return None


def in_locative_phrase(token: Token) -> bool:
    """Inside the object of "in/at/to/near..." ("in the Kremlin in Moscow", "at the Palace of
    Versailles")."""
    steps = 0
    while steps < 4 and token.head.i != token.i:
        if token.dep_ == "pobj" and token.head.lower_ in LOCATION_PREPS:
            return True
        if token.dep_ not in ("pobj", "prep", "compound", "appos", "conj"):
            return False
        token = token.head
        steps += 1
    return False


def tree_distance(a: Token, b: Token) -> int:
    up_a = [a] + list(a.ancestors)
    up_b = [b] + list(b.ancestors)
    ids_b = {t.i: n for n, t in enumerate(up_b)}
    for n, token in enumerate(up_a):
        if token.i in ids_b:
            return n + ids_b[token.i]
    return 99
