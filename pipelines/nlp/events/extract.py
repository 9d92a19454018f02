"""Event extraction over one parsed Doc: triggers -> roles -> modality -> date -> place -> rows."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Doc, Span, Token

from pipelines.nlp.dates import DateResolution, mentioned_year, resolve_date
from pipelines.nlp.events.lexicon import Lexicon, load_lexicon
from pipelines.nlp.events.modality import event_count, governors, is_condition, is_simple_past, modality
from pipelines.nlp.events.roles import PLACE_ENTS, RoleFinder
from pipelines.nlp.events.triggers import TIME_ENTS, Trigger, find_triggers, match_verb, verb_lemma
from pipelines.nlp.places import Place, resolve_place

# How far a date carries forward to later past-tense events without a date of their own
# (news narrates one episode over several sentences: "Mr. Putin called on Thursday. ...
# Mr. Putin claimed that ..."). Only day/month dates carry; years are usually background.
NARRATIVE_SENTENCES = 12
MODAL_REFUSAL = {"will", "would", "wo", "can", "ca", "could", "intend", "want", "plan", "need", "agree",
                 "accept", "wish", "willing", "ready", "prepared", "fail"}
REPORTING_VERBS = {"say", "tell", "announce", "report", "state", "add", "claim", "confirm", "declare", "write",
                   "tweet", "insist", "warn", "reiterate", "stress", "note", "argue", "believe", "think"}
PLURAL_POSSESSIVES = {"their", "our"}
LOCATION_PREPS = {"in", "at", "to", "near", "outside", "inside", "into", "from", "across", "around", "throughout"}


@dataclass
class EventRecord:
    """One extracted event with the parse details the rows leave out."""

    trigger: Trigger
    sentence: Span
    sentence_index: int
    event_type: str
    mode: str | None
    modality: str
    source: dict | None
    target: dict | None
    source_token: Token | None
    target_token: Token | None
    count: int | None = None
    date: DateResolution | None = None
    date_flag: str = "unresolved"
    date_text: str | None = None
    own_date: bool = False
    location: Any = None  # places.Place or a bare name
    location_name: str | None = None
    depth: int = 0
    compound_source: bool = False
    extra_tokens: list[Token] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.trigger.kind

    def key(self) -> tuple:
        return (_actor_key(self.source), self.event_type, _actor_key(self.target))


def _actor_key(actor: dict | None) -> str:
    if not actor:
        return ""
    return str(actor.get("actor_id") or (actor.get("name") or "").lower())


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def article_id_of(doc: Doc) -> str:
    if Doc.has_extension("article_id") and doc._.article_id:
        return str(doc._.article_id)
    return str(doc.user_data.get("article_id") or "")


def body_limit(doc: Doc) -> int:
    if Doc.has_extension("pw_body_end") and doc._.pw_body_end is not None:
        return int(doc._.pw_body_end)
    return len(doc.text)


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


class _Speakers:
    """First-person pronouns inside a quote stand for the quote's speaker."""

    def __init__(self, doc: Doc, resolver):
        self.quotes = []
        rows = doc._.pw_quotes if Doc.has_extension("pw_quotes") else None
        for row in rows or []:
            start, end = row.get("start_char", row.get("start")), row.get("end_char", row.get("end"))
            if start is None or end is None:
                continue
            self.quotes.append((int(start), int(end), row))
        self.resolver = resolver

    def __call__(self, offset: int) -> dict | None:
        for start, end, row in self.quotes:
            if start <= offset < end:
                if row.get("speaker_start") is not None and row.get("speaker_end") is not None:
                    found = self.resolver.actor_for_span(int(row["speaker_start"]), int(row["speaker_end"]))
                    if found:
                        return found
                if row.get("speaker_name"):
                    return {"actor_id": row.get("speaker_actor_id"), "name": row["speaker_name"],
                            "kind": None, "country": row.get("speaker_country"),
                            "sector": row.get("speaker_sector"), "mention_kind": "quote_speaker"}
        return None


class EventExtractor:
    def __init__(self, doc: Doc, resolver, published: date | None, lexicon: Lexicon | None = None):
        self.doc = doc
        self.resolver = resolver
        self.published = published
        self.lex = lexicon or load_lexicon()
        self.roles = RoleFinder(doc, resolver, _Speakers(doc, resolver), self.lex)

    # -- main loop ---------------------------------------------------------------------------

    def records(self) -> list[EventRecord]:
        limit = body_limit(self.doc)
        records: list[EventRecord] = []
        anchor_year: int | None = None
        narrative: Narrative | None = None
        for index, sent in enumerate(self.doc.sents):
            if sent.start_char >= limit:
                break
            found = self._sentence_events(sent, index, anchor_year, narrative, records)
            records.extend(self._dedupe_sentence(found))
            for ent in sent.ents:
                if ent.label_ not in TIME_ENTS:
                    continue
                resolved = resolve_date(_date_phrase(ent), self.published, False, anchor_year)
                if resolved and resolved.granularity in ("day", "month") and (
                        self.published is None or resolved.date <= self.published):
                    actors = self.resolver.actors_in_span(sent.start_char, sent.end_char)
                    keys = {_actor_key(a) for a in actors} | {k for r in found for k in (_actor_key(r.source), _actor_key(r.target)) if k}
                    narrative = Narrative(resolved, index, keys)
            year = mentioned_year(" ".join(e.text for e in sent.ents if e.label_ in TIME_ENTS))
            if year:
                anchor_year = year
        self._link_refusals(records)
        return self._dedupe_article(records)

    def _sentence_events(self, sent: Span, index: int, anchor_year, narrative, previous) -> list[EventRecord]:
        triggers = find_triggers(sent, self.lex)
        if not triggers:
            return []
        out: list[EventRecord] = []
        for trigger in triggers:
            out.extend(self._events_for(trigger, sent, index, previous))
        # Dates go to the nearest trigger above them that made an event: "meeting Putin on a
        # visit to Moscow on Saturday" dates the meeting even though "visit" made none.
        owned, loose = self._date_owners(sent, {r.trigger.i for r in out})
        for record in out:
            actors = [a for a in (record.source, record.target) if a]
            (record.date, record.date_flag, record.date_text, record.own_date) = self._date_for(
                record.trigger.token, record.modality, owned, loose, anchor_year, narrative, index, actors)
        return out

    # -- one trigger -------------------------------------------------------------------------

    def _events_for(self, trigger: Trigger, sent: Span, index: int, previous) -> list[EventRecord]:
        token = trigger.token
        event_type, mode = trigger.sense.type, trigger.sense.mode
        mood = modality(token)
        event_type, mode, mood = self._adjust_type(token, event_type, mode, mood)
        split_targets = True
        reciprocal = False
        verbal_noun = False
        if trigger.kind == "verb":
            subject, passive_agent = self.roles.verb_subject(token)
            if _is_to_blame(token):
                return []  # "X is to blame": X is blamed by an unnamed accuser
            elif subject is not None and subject.lower_ in PLURAL_SUBJECTS and event_type in RECIPROCAL \
                    and _last_pair(previous, index) is not None:
                # "They discussed ...": the two parties of the two-sided event just told
                pair = _last_pair(previous, index)
                return self._build(trigger, sent, index, event_type, mode, mood, [(pair[0], subject)],
                                   [(pair[1], None)])
            else:
                sources = self._subject_actors(subject)
                if subject is not None and not sources and not self.roles.event_noun(subject):
                    return []  # the doer is named but is not an actor ("most of the world")
                source_tokens = {t.i for _, t in sources}
                if subject is not None:
                    source_tokens |= {t.i for t in subject.subtree}
                target_token, split_targets = self.roles.verb_target(token, source_tokens, event_type)
        else:
            subject, governor = self.roles.noun_source(token)
            if subject is not None and subject.lower_ in PLURAL_POSSESSIVES and event_type in RECIPROCAL:
                pair = self._reciprocal_pair(sent, token)
                if not pair:
                    return []
                sources, target_token = [pair[0]], pair[1]
                reciprocal = True
            else:
                sources = self._subject_actors(subject) if governor is not None else \
                    self.roles.actors(subject, agent=True)
                source_tokens = {t.i for _, t in sources}
                target_token = self.roles.noun_target(token, governor, source_tokens)
                # "staged demonstrations", "continued their hunger strike": the noun carries
                # the event of its verb, which needs no stated recipient
                verbal_noun = governor is not None and token.dep_ == "dobj" and bool(sources) \
                    and verb_lemma(governor, self.lex) in self.lex.support_verbs
        targets = self.roles.actors(target_token, split=split_targets)
        source_keys = {_actor_key(a) for a, _ in sources}
        targets = [(a, t) for a, t in targets if _actor_key(a) not in source_keys]
        if trigger.kind == "noun" and not targets and not verbal_noun:
            return []  # "Putin's promises", "the war": a reference, not a reported action
        if not sources and not targets:
            return []
        if not targets:
            if (event_type in NEEDS_RECIPIENT or event_type == "CONSULT") and len(sources) < 2:
                return []
            if event_type in SAID_TO_SOMEONE and len(sources) < 2:
                return []  # "X argued", "X denounced": opinion without an addressee
            if clause_depth(token) > 0 or mood == "hypothetical":
                return []  # a recipient-less action in a subordinate clause or a maybe: background
        return self._build(trigger, sent, index, event_type, mode, mood, sources, targets, reciprocal)

    def _build(self, trigger, sent, index, event_type, mode, mood, sources, targets,
               reciprocal: bool = False) -> list[EventRecord]:
        token = trigger.token
        date_res, flag, date_text, own = None, "unresolved", None, False
        count = event_count(token) if trigger.kind == "verb" else None
        records = []
        for source, source_token in sources or [(None, None)]:
            for target, tgt_token in targets or [(None, None)]:
                if source and target and _actor_key(source) == _actor_key(target):
                    continue
                record = EventRecord(trigger, sent, index, event_type, mode, mood, source, target,
                                     source_token, tgt_token, count, date_res, flag, date_text, own,
                                     depth=_depth(token), compound_source=len(sources) > 1)
                self._place(record)
                if record.event_type == "CONSULT":
                    record.mode = self._consult_mode(record) or record.mode
                    if reciprocal and record.mode == "host":
                        # no syntactic direction: PLOVER codes the visitor as the actor
                        record.source, record.target = record.target, record.source
                        record.source_token, record.target_token = record.target_token, record.source_token
                        record.mode = "visit"
                records.append(record)
        return records

    def _subject_actors(self, subject: Token | None) -> list[tuple[dict, Token]]:
        """Actors of a subject; an unresolved pronoun in reported speech is the reporter
        ("Syria says it will not accept"); an unresolved noun naming people keeps its surface."""
        if subject is None:
            return []
        found = self.roles.actors(subject, agent=True)
        if found:
            return found
        if subject.pos_ == "PRON":
            clause = subject.head
            if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in REPORTING_VERBS:
                reporter = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
                if reporter is not None and reporter.pos_ != "PRON":
                    return self._subject_actors(reporter)
            return []
        lemma = subject.lemma_.lower()
        if lemma in COLLECTIVE_HEADS:
            # "Tens of thousands of students", "a group of refugees": the people are in the "of" phrase
            for prep in subject.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    inner = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if inner is not None:
                        return self._subject_actors(inner)
        named = subject.pos_ == "PROPN" and subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        if named or lemma in self.lex.agent_nouns or (
                subject.tag_ == "NNS" and lemma.endswith(("er", "ist", "ian", "ant", "ent"))):
            start, end = self.roles.head_span(subject)
            surface = _strip_the(self.doc.text[start:end])
            if subject.ent_type_ in TIME_ENTS or subject.ent_type_ in ("CARDINAL", "PERCENT", "MONEY", "QUANTITY"):
                return []
            return [({"actor_id": None, "name": surface, "kind": "group", "country": None, "sector": None,
                      "mention_kind": "description"}, subject)]
        return []

    def _adjust_type(self, token: Token, event_type: str, mode: str | None, mood: str):
        lemma = token.lemma_.lower()
        if lemma in self.lex.intent_verbs and token.pos_ == "VERB":
            for child in token.children:
                if child.dep_ == "xcomp" and child.pos_ == "VERB":
                    inner, _, _ = match_verb(child, self.lex)
                    if inner is None:
                        continue
                    if inner.type in self.lex.conflict_types and lemma in ("vow", "pledge", "promise", "warn", "threaten"):
                        return "THREATEN", _threat_mode(inner.type), mood
                    if inner.type in self.lex.cooperative_types and lemma not in ("threaten", "warn"):
                        return "AGREE", None, mood
        if mood in ("future", "hypothetical") and not is_condition(token):
            # PLOVER: promised cooperation is AGREE; threatened force or restriction is
            # THREATEN. Planned meetings stay CONSULT (with modality future).
            if event_type in self.lex.cooperative_types and event_type not in ("CONSULT", "AGREE"):
                return "AGREE", None, mood
            if event_type in self.lex.conflict_types and event_type not in ("THREATEN", "PROTEST"):
                return "THREATEN", _threat_mode(event_type), mood
        if mood == "negated" and event_type in self.lex.cooperative_types and event_type != "RETREAT":
            chain = list(governors(token))
            words = {c.lower_ for t in chain for c in t.children if c.dep_ in ("aux", "neg", "det")}
            lemmas = {t.lemma_.lower() for t in chain}
            if words & MODAL_REFUSAL or lemmas & MODAL_REFUSAL or "no" in words:
                return "REJECT", None, "asserted"  # "will not accept", "no need to negotiate"
        return event_type, mode, mood

    def _reciprocal_pair(self, sent: Span, noun: Token):
        """ "their call": the two coordinated actors of the sentence ("X and Y talked"), or
        the subject and the other party of the clause ("X listens to Y during their meeting")."""
        for token in sent:
            if token.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "conj" for c in token.children):
                actors = self.roles.actors(token)
                if len(actors) >= 2:
                    return actors[0], actors[1][1]
        verb = next((t for t in noun.ancestors if t.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            return None
        subject, _ = self.roles.verb_subject(verb)
        sources = self.roles.actors(subject, agent=True)
        if not sources:
            return None
        skip = {t.i for t in subject.subtree} | {t.i for t in noun.subtree}
        for child in verb.children:
            if child.dep_ in ("dobj", "prep") and child.i not in skip:
                target = child if child.dep_ == "dobj" else next((c for c in child.children if c.dep_ == "pobj"), None)
                if target is not None and self.roles.actors(target) and not self.roles.is_city(target):
                    return sources[0], target
        return None

    # -- dates -----------------------------------------------------------------------------

    def _date_owners(self, sent: Span, producing: set[int]):
        owned: dict[int, list[Span]] = {}
        loose: list[tuple[Span, Token | None]] = []
        for ent in sent.ents:
            if ent.label_ not in TIME_ENTS:
                continue
            token = ent.root
            owner = None
            anchor = None
            for _ in range(10):
                if token.i in producing:
                    owner = token.i
                    break
                if anchor is None and token.pos_ in ("VERB", "AUX") and token.i != ent.root.i:
                    anchor = token
                if token.head.i == token.i:
                    break
                token = token.head
            if owner is None:
                loose.append((ent, anchor))
            else:
                owned.setdefault(owner, []).append(ent)
        return owned, loose

    def _date_for(self, token: Token, mood: str, owned, loose, anchor_year, narrative, index, actors):
        future = mood == "future"
        texts = []
        own_ents = owned.get(token.i, [])
        # a date hanging from a verb that is not a trigger covers the triggers below that verb
        near = [ent for ent, anchor in loose if anchor is None or anchor == token or anchor in token.ancestors]
        for ent in own_ents + near:
            text = _date_phrase(ent)
            texts.append(text)
            resolved = resolve_date(text, self.published, future, anchor_year)
            if resolved is not None:
                return resolved, "from_text", text, ent in own_ents
        if texts:
            return None, "unresolved", texts[0], True
        if narrative and mood in ("asserted", "negated") and is_simple_past(token) \
                and index - narrative.index <= NARRATIVE_SENTENCES \
                and any(_actor_key(a) in narrative.actors for a in actors):
            return narrative.date, "inherited", narrative.date.text, False
        return None, "unresolved", None, False

    # -- places ------------------------------------------------------------------------------

    def _place(self, record: EventRecord) -> None:
        token = record.trigger.token
        scope = set(t.i for t in token.subtree)
        if record.trigger.kind == "noun" and token.head.pos_ == "VERB":
            scope |= {t.i for t in token.head.subtree}
        used = {t.i for t in (record.source_token, record.target_token) if t is not None}
        prefer = {a.get("country") for a in (record.source, record.target) if a and a.get("country")}
        best = None
        for ent in record.sentence.ents:
            if ent.label_ not in PLACE_ENTS or ent.root.i not in scope or ent.root.i in used:
                continue
            if not _in_locative_phrase(ent.root):
                continue
            # the place nearest the trigger names the location ("at the Fort de Bregancon on
            # the French Riviera"); a wider place inside its phrase can still locate it
            distance = _tree_distance(ent.root, token)
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
            inner = [e for e in record.sentence.ents if e.label_ in PLACE_ENTS and e.start >= ent.end
                     and e.root.i in {t.i for t in ent.root.subtree}]
            for other in inner:
                wider = resolve_place(other.text, prefer)
                if wider is not None:
                    place = Place(_strip_the(ent.text), wider.country, wider.latitude, wider.longitude, "site")
                    break
        record.location = place
        record.location_name = _strip_the(ent.text) if place is None or place.kind == "site" else place.name

    def _consult_mode(self, record: EventRecord) -> str | None:
        token = record.trigger.token
        words = [token.lemma_.lower()]
        for child in token.children:
            words.append(child.lemma_.lower())
            words.extend(g.lemma_.lower() for g in child.children)
        for word in words:
            mode = self.lex.consult_mode_cues.get(word)
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

    # -- deduplication -------------------------------------------------------------------------

    def _dedupe_sentence(self, records: list[EventRecord]) -> list[EventRecord]:
        """One event per action: an event noun restating a verb's event ("met Putin on a
        visit") and a trip plus the meeting it was for ("traveled to X to meet Y") collapse
        into one; coordinated actions ("met X ... and spoke with him on Sunday") stay apart."""
        records = sorted(records, key=lambda r: (r.kind != "verb", r.depth, r.trigger.i))
        kept: list[EventRecord] = []
        for record in records:
            partner = next((k for k in kept if _same_action(k, record)), None)
            if partner is not None:
                _merge_into(partner, record)
                continue
            kept.append(record)
        return sorted(kept, key=lambda r: r.trigger.i)

    def _dedupe_article(self, records: list[EventRecord]) -> list[EventRecord]:
        """A nominal mention without a date of its own that repeats an action already
        extracted ("Russia's invasion of Ukraine" after "Russian forces attacked Ukraine")
        refers back to it: not a new event."""
        anchors = [r.key() for r in records if r.kind == "verb" or r.own_date]
        out: list[EventRecord] = []
        for record in records:
            if record.kind == "noun" and not record.own_date:
                source, event_type, target = record.key()
                known = anchors + [k.key() for k in out]
                if any(k[0] == source and k[2] == target and _close_types(k[1], event_type) for k in known):
                    continue
            out.append(record)
        return out

    def _link_refusals(self, records: list[EventRecord]) -> None:
        """A refusal with no stated recipient answers the request just made of its source."""
        for i, record in enumerate(records):
            if record.event_type != "REJECT" or record.target is not None or record.source is None:
                continue
            for earlier in reversed(records[max(0, i - 6):i]):
                if record.sentence_index - earlier.sentence_index > 3:
                    break
                if earlier.event_type == "REQUEST" and _actor_key(earlier.target) == _actor_key(record.source):
                    record.target = earlier.source
                    break


@dataclass
class Narrative:
    """The date of the episode being told, and who took part in it."""

    date: DateResolution
    index: int
    actors: set[str]


PLURAL_SUBJECTS = {"they", "we", "both"}
COLLECTIVE_HEADS = {"ten", "tens", "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "group",
                    "number", "crowd", "some", "many", "most", "members", "member", "million", "millions"}
RECIPROCAL = {"CONSULT", "COOPERATE", "AGREE"}
NEEDS_RECIPIENT = {"COOPERATE", "AID", "SANCTION"}  # PLOVER: "Requires recipient: Yes"
SAID_TO_SOMEONE = {"ACCUSE", "SUPPORT"}  # verbal acts that are only events with an addressee
SUBORDINATE = {"advcl", "relcl", "acl", "csubj", "pcomp"}


def clause_depth(token: Token) -> int:
    """Subordinate clauses between the trigger and the root (reported speech and
    infinitive complements do not count)."""
    depth = 0
    steps = 0
    while token.head.i != token.i and steps < 30:
        if token.dep_ in SUBORDINATE:
            depth += 1
        token = token.head
        steps += 1
    return depth


def _is_to_blame(token: Token) -> bool:
    return token.lemma_.lower() == "blame" and token.dep_ == "xcomp" and token.head.lemma_ == "be" \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _last_pair(previous: list[EventRecord], index: int):
    """ "They discussed...": the two parties of the latest two-sided event just before."""
    for record in reversed(previous):
        if index - record.sentence_index > 2:
            return None
        if record.source and record.target:
            return record.source, record.target
    return None


def _in_locative_phrase(token: Token) -> bool:
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


def _tree_distance(a: Token, b: Token) -> int:
    up_a = [a] + list(a.ancestors)
    up_b = [b] + list(b.ancestors)
    ids_b = {t.i: n for n, t in enumerate(up_b)}
    for n, token in enumerate(up_a):
        if token.i in ids_b:
            return n + ids_b[token.i]
    return 99


def _same_action(kept: EventRecord, other: EventRecord) -> bool:
    if kept.event_type != other.event_type and not (
            other.kind == "noun" and _close_types(kept.event_type, other.event_type)):
        return False
    if _actor_key(kept.source) != _actor_key(other.source) and other.source is not None:
        return False
    if kept.target is not None and other.target is not None and _actor_key(kept.target) != _actor_key(other.target):
        # "traveled to Saudi Arabia to meet the crown prince": one visit, the person is the host
        trip = "visit" in (kept.mode, other.mode) and "country" in (kept.target.get("kind"), other.target.get("kind"))
        if not (trip and kept.event_type == "CONSULT"):
            return False
    if kept.date and other.date and kept.date.date != other.date.date and kept.own_date and other.own_date:
        return False
    if other.kind == "noun":
        return True
    return _governs_without_conj(kept.trigger.token, other.trigger.token)


def _governs_without_conj(a: Token, b: Token) -> bool:
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


def _close_types(a: str, b: str) -> bool:
    violent = {"ASSAULT", "COERCE"}
    return a == b or (a in violent and b in violent)


def _merge_into(kept: EventRecord, other: EventRecord) -> None:
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


def _threat_mode(inner_type: str) -> str | None:
    return {"ASSAULT": "violence", "SANCTION": "relations", "COERCE": "restrict", "MOBILIZE": "violence"}.get(inner_type)


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _date_phrase(ent: Span) -> str:
    """The date entity with the preposition before it ("on Saturday", "in December")."""
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].lower_ in ("on", "in", "since", "by", "until", "last", "next", "this", "over"):
        return doc[ent.start - 1: ent.end].text
    return ent.text


# -- rows ----------------------------------------------------------------------------------------


def evidence_span(record: EventRecord) -> tuple[int, int]:
    sent = record.sentence
    tokens = [record.trigger.token] + record.extra_tokens
    starts = [t.idx for t in tokens]
    ends = [t.idx + len(t.text) for t in tokens]
    for arg in (record.source_token, record.target_token):
        if arg is not None:
            start, end = RoleFinder.head_span(arg) if arg.dep_ not in ("amod", "compound") else \
                (arg.idx, arg.idx + len(arg.text))
            starts.append(start)
            ends.append(end)
    start = max(sent.start_char, min(starts))
    end = min(sent.end_char, max(ends))
    return start, end


def fingerprint(source: dict | None, event_type: str, target: dict | None, date_text: str | None) -> str:
    return _sha("|".join((_actor_key(source), event_type, _actor_key(target), date_text or "")))


def to_row(record: EventRecord, article_id: str, lexicon: Lexicon) -> dict[str, Any]:
    start, end = evidence_span(record)
    text = record.sentence.doc.text
    place = record.location
    date_value = record.date.at_granularity() if record.date else None
    return {
        "event_id": _sha(f"{article_id}:{start}:{end}:{record.event_type}:event"),
        "article_id": article_id,
        "start_char": start,
        "end_char": end,
        "evidence": text[start:end],
        "sentence_start": record.sentence.start_char,
        "sentence_end": record.sentence.end_char,
        "event_type": record.event_type,
        "mode": record.mode,
        "score": lexicon.score(record.event_type, record.mode),
        "source_actor_id": (record.source or {}).get("actor_id"),
        "source_name": (record.source or {}).get("name"),
        "target_actor_id": (record.target or {}).get("actor_id"),
        "target_name": (record.target or {}).get("name"),
        "modality": record.modality,
        "event_count": record.count,
        "event_date": record.date.iso() if record.date else None,
        "date_granularity": record.date.granularity if record.date else None,
        "date_text": record.date_text,
        "date_flag": record.date_flag,
        "location_name": record.location_name,
        "location_country": getattr(place, "country", None),
        "latitude": getattr(place, "latitude", None),
        "longitude": getattr(place, "longitude", None),
        "fingerprint": fingerprint(record.source, record.event_type, record.target, date_value),
    }
