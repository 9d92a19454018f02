"""One event per action: restatements inside a sentence merge, nominal back-references to
an action already extracted drop, and a recipient-less refusal answers the request before it."""

from __future__ import annotations

from spacy.tokens import Token

from pipelines.nlp.events.record import EventRecord, actor_key
from pipelines.nlp.places import resolve_place

VIOLENT = {"ASSAULT", "COERCE"}


def dedupe_sentence(records: list[EventRecord]) -> list[EventRecord]:
    """An event noun restating a verb's event ("met Putin on a visit") and a trip plus the
    meeting it was for ("traveled to X to meet Y") collapse into one; coordinated actions
    ("met X ... and spoke with him on Sunday") stay apart."""
    records = sorted(records, key=lambda r: (r.kind != "verb", r.depth, r.trigger.i))
    kept: list[EventRecord] = []
    for record in records:
        partner = next((k for k in kept if same_action(k, record)), None)
        if partner is not None:
            merge_into(partner, record)
            continue
        kept.append(record)
    return sorted(kept, key=lambda r: r.trigger.i)


def dedupe_article(records: list[EventRecord]) -> list[EventRecord]:
    """A nominal mention without a date of its own that repeats an action already
    extracted ("Russia's invasion of Ukraine" after "Russian forces attacked Ukraine")
    refers back to it: not a new event. Without a named doer ("sanctions against Russia",
    "his war on Ukraine") the same action on the same recipient is enough."""
    anchors = [r.key() for r in records if r.kind == "verb" or r.own_date]
    out: list[EventRecord] = []
    for record in records:
        if record.kind == "noun" and not record.own_date:
            source, event_type, target = record.key()
            known = anchors + [k.key() for k in out]
            loose = record.source is None or (record.source_token is not None and record.source_token.pos_ == "PRON")
            if any((k[0] == source or loose) and k[2] == target and target and close_types(k[1], event_type)
                   for k in known) or any(k[0] == source and k[2] == target and close_types(k[1], event_type)
                                          for k in known):
                continue
        out.append(record)
    return out


def link_partners(records: list[EventRecord], before: int = 2, after: int = 3) -> None:
    """A call without a stated recipient ("Mr. Putin called on Thursday.") is with the other
    party of a consultation of its caller told just before or after it."""
    for record in records:
        if not record.open_recipient or record.target is not None:
            continue
        caller = actor_key(record.source)
        near = [r for r in records if r is not record and r.event_type == "CONSULT" and r.source and r.target
                and -before <= r.sentence_index - record.sentence_index <= after]
        near.sort(key=lambda r: abs(r.sentence_index - record.sentence_index))
        for other in near:
            if actor_key(other.source) == caller:
                record.target = other.target
                break
            if actor_key(other.target) == caller:
                record.target = other.source
                break


def dedupe_consultations(records: list[EventRecord]) -> list[EventRecord]:
    """Later mentions of a consultation between the same two sides on the same day, whose
    date only comes from the episode being narrated ("Putin called on Thursday. ... Macron
    spoke the truth to Putin"), are that consultation, unless told as a new one ("again")."""
    seen: set[tuple] = set()
    out: list[EventRecord] = []
    for record in records:
        if record.event_type == "CONSULT" and record.source and record.target and record.date is not None:
            pair = (frozenset((actor_key(record.source), actor_key(record.target))), record.date.iso())
            again = any(t.lower_ in ("again", "later") for t in record.trigger.token.children)
            if pair in seen and record.date_flag == "inherited" and not again:
                continue
            seen.add(pair)
        out.append(record)
    return out


def link_refusals(records: list[EventRecord]) -> None:
    """A refusal with no stated recipient answers the request just made of its source."""
    for i, record in enumerate(records):
        if record.event_type != "REJECT" or record.target is not None or record.source is None:
            continue
        for earlier in reversed(records[max(0, i - 6):i]):
            if record.sentence_index - earlier.sentence_index > 3:
                break
            if earlier.event_type == "REQUEST" and actor_key(earlier.target) == actor_key(record.source):
                record.target = earlier.source
                break


def same_action(kept: EventRecord, other: EventRecord) -> bool:
    if kept.event_type != other.event_type and not (
            other.kind == "noun" and close_types(kept.event_type, other.event_type)):
        return False
    if actor_key(kept.source) != actor_key(other.source) and other.source is not None:
        return False
    if kept.target is not None and other.target is not None and actor_key(kept.target) != actor_key(other.target):
        # "traveled to Saudi Arabia to meet the crown prince": one visit, the person is the host
        trip = "visit" in (kept.mode, other.mode) and "country" in (kept.target.get("kind"), other.target.get("kind"))
        if not (trip and kept.event_type == "CONSULT"):
            return False
    if kept.date and other.date and kept.date.date != other.date.date and kept.own_date and other.own_date:
        return False
    if other.kind == "noun":
        return True
    return governs_without_conj(kept.trigger.token, other.trigger.token)


def governs_without_conj(a: Token, b: Token) -> bool:
    for low, high in ((b, a), (a, b)):
        token, steps = low, 0
        while token.head.i != token.i and steps < 12:
            if token.dep_ == "conj":
                break
            token = token.head
            steps += 1
            if token.i == high.i:
                return True
    return False


def close_types(a: str, b: str) -> bool:
    return a == b or (a in VIOLENT and b in VIOLENT)


def merge_into(kept: EventRecord, other: EventRecord) -> None:
    if other.target is not None and (kept.target is None or (
            kept.target.get("kind") == "country" and other.target.get("kind") != "country")):
        if kept.target is not None and kept.location_name is None and kept.target_token is not None:
            kept.location = resolve_place(kept.target.get("name") or "")
            kept.location_name = getattr(kept.location, "name", None)
        kept.target, kept.target_token = other.target, other.target_token
    if kept.date is None and other.date is not None:
        kept.date, kept.date_flag, kept.date_text, kept.own_date = other.date, other.date_flag, other.date_text, other.own_date
    if kept.location_name is None and other.location_name is not None:
        kept.location, kept.location_name = other.location, other.location_name
    if kept.mode is None and other.mode is not None:
        kept.mode = other.mode
    if kept.count is None:
        kept.count = other.count
    kept.extra_tokens.append(other.trigger.token)
