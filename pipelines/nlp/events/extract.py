"""Event extraction over one parsed Doc: triggers -> roles -> modality -> date -> place -> rows.

The steps live in their own modules: triggers.py (what happened), roles.py (who did it to
whom), modality.py, dating.py (when), locate.py (where), dedupe.py (one event per action),
rows.py (the nlp.events row).
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from pipelines.nlp.doc_cache import doc_text, sentences, span_ents
from pipelines.nlp.dates import mentioned_year, resolve_date
from pipelines.nlp.events.countries import CountryFinder
from pipelines.nlp.events.dating import Narrative, date_for, date_owners, date_phrase
from pipelines.nlp.events.dedupe import (dedupe_article, dedupe_consultations, dedupe_sentence, link_partners,
                                         link_refusals)
from pipelines.nlp.events.lexicon import Lexicon, load_lexicon
from pipelines.nlp.events.locate import consult_mode, place_event
from pipelines.nlp.events.modality import event_count, governors, is_condition, modality
from pipelines.nlp.events.record import EventRecord, actor_key
from pipelines.nlp.events.roles import RoleFinder, collective_members
from pipelines.nlp.events.triggers import TIME_ENTS, Trigger, find_triggers, match_verb, verb_lemma

__all__ = ["EventExtractor", "EventRecord"]

MODAL_REFUSAL = {"will", "would", "wo", "can", "ca", "could", "intend", "want", "plan", "need", "agree",
                 "accept", "wish", "willing", "ready", "prepared", "fail"}
REPORTING_VERBS = {"say", "tell", "announce", "report", "state", "add", "claim", "confirm", "declare", "write",
                   "tweet", "insist", "warn", "reiterate", "stress", "note", "argue", "believe", "think"}
PLURAL_POSSESSIVES = {"their", "our"}


def body_limit(doc: Doc) -> int:
    if Doc.has_extension("pw_body_end") and doc._.pw_body_end is not None:
        return int(doc._.pw_body_end)
    return len(doc_text(doc))


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
        for index, sent in enumerate(sentences(self.doc).spans):
            if sent.start_char >= limit:
                break
            found = self._sentence_events(sent, index, anchor_year, narrative, records)
            records.extend(dedupe_sentence(found))
            if narrative is not None and any(r.own_date and r.date is not None and r.date.date != narrative.date.date
                                             for r in found):
                narrative = None  # the story has moved to another time ("first hosted him in 2017")
            for ent in span_ents(sent):
                if ent.label_ not in TIME_ENTS:
                    continue
                resolved = resolve_date(date_phrase(ent), self.published, False, anchor_year)
                if resolved and resolved.granularity in ("day", "month") and (
                        self.published is None or resolved.date <= self.published):
                    actors = self.resolver.actors_in_span(sent.start_char, sent.end_char)
                    keys = {actor_key(a) for a in actors} | {k for r in found for k in (actor_key(r.source), actor_key(r.target)) if k}
                    narrative = Narrative(resolved, index, keys)
            year = mentioned_year(" ".join(e.text for e in span_ents(sent) if e.label_ in TIME_ENTS))
            if year:
                anchor_year = year
        link_refusals(records)
        link_partners(records)
        records = dedupe_consultations(dedupe_article([r for r in records if not (r.open_recipient and r.target is None)]))
        countries = CountryFinder(self.resolver)
        for record in records:
            countries.assign(record)
        return records

    def _sentence_events(self, sent: Span, index: int, anchor_year, narrative, previous) -> list[EventRecord]:
        triggers = find_triggers(sent, self.lex)
        if not triggers:
            return []
        out: list[EventRecord] = []
        for trigger in triggers:
            out.extend(self._events_for(trigger, sent, index, previous))
        # Dates go to the nearest trigger above them that made an event: "meeting Putin on a
        # visit to Moscow on Saturday" dates the meeting even though "visit" made none.
        owned, loose = date_owners(sent, {r.trigger.i for r in out})
        for record in out:
            actors = [a for a in (record.source, record.target) if a]
            (record.date, record.date_flag, record.date_text, record.own_date) = date_for(
                record.trigger.token, record.modality, owned, loose, self.published, anchor_year, narrative,
                index, actors)
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
                    and (_last_pair(previous, index) or self._answered_call(previous, index, subject)):
                # "They discussed ...": the two parties of the two-sided event just told
                pair = _last_pair(previous, index) or self._answered_call(previous, index, subject)
                return self._build(trigger, sent, index, event_type, mode, mood, [(pair[0], subject)],
                                   [(pair[1], None)])
            else:
                sources = self._subject_actors(subject)
                if subject is not None and not sources and not self.roles.event_noun(subject):
                    return []  # the doer is named but is not an actor ("most of the world")
                if trigger.pattern is None and verb_lemma(token, self.lex) in BARE_TALK and len(sources) < 2:
                    return []  # "Trump spoke at length about North Korea": talking, not talks
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
                verbal_noun = token.dep_ == "dobj" and bool(sources) and token.head.pos_ == "VERB" \
                    and verb_lemma(token.head, self.lex) in self.lex.support_verbs
        targets = self.roles.actors(target_token, split=split_targets)
        if not targets and sources and trigger.kind == "verb" and self.roles.group(target_token, strict=True) \
                and not (event_type == "CONSULT" and target_token.lemma_.lower() in PRESS):
            # an unlisted group on the receiving end ("tortured Darfur rebels"); talking to
            # reporters is a statement, not a consultation
            targets = [(self.roles.group(target_token, strict=True), target_token)]
        source_keys = {actor_key(a) for a, _ in sources}
        targets = [(a, t) for a, t in targets if actor_key(a) not in source_keys]
        if trigger.kind == "noun" and not targets and not verbal_noun:
            return []  # "Putin's promises", "the war": a reference, not a reported action
        if not sources and not targets:
            return []
        if not targets:
            if event_type == "CONSULT" and mode == "phone" and len(sources) == 1 and trigger.kind == "verb" \
                    and mood == "asserted" and clause_depth(token) == 0:
                # "Mr. Putin called on Thursday.": the other party may follow ("Macron picked
                # up and they talked"); dedupe.link_partners drops it if none does
                records = self._build(trigger, sent, index, event_type, mode, mood, sources, [])
                for record in records:
                    record.open_recipient = True
                return records
            if event_type in NEEDS_RECIPIENT and len(sources) < 2 and _acts_on_place(token):
                pass  # "suspended aid deliveries in Baghdad": the place's people receive it
            elif (event_type in NEEDS_RECIPIENT or event_type == "CONSULT") and len(sources) < 2:
                return []
            if event_type == "CONCEDE" and trigger.kind == "verb" and not any(
                    c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ in ("to", "on"))
                    for c in token.children):
                return []  # "he is not giving up": no concession without what is conceded
            if event_type in SAID_TO_SOMEONE and mode != "investigate" and len(sources) < 2:
                return []  # "X argued", "X denounced": opinion without an addressee (an inquiry is an act)
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
                if source and target and actor_key(source) == actor_key(target):
                    continue
                record = EventRecord(trigger, sent, index, event_type, mode, mood, source, target,
                                     source_token, tgt_token, count, date_res, flag, date_text, own,
                                     depth=_depth(token), compound_source=len(sources) > 1)
                place_event(record)
                if record.mode == "obstruct" and _is_state(source, source_token):
                    # a government or its forces closing a road restricts movement (CAMEO 191),
                    # it does not protest
                    record.event_type, record.mode = "COERCE", "restrict"
                if record.event_type == "CONSULT":
                    record.mode = consult_mode(record, self.lex.consult_mode_cues) or record.mode
                    if reciprocal and record.mode == "host":
                        # no syntactic direction: PLOVER codes the visitor as the actor
                        record.source, record.target = record.target, record.source
                        record.source_token, record.target_token = record.target_token, record.source_token
                        record.mode = "visit"
                records.append(record)
        return records

    def _answered_call(self, previous: list[EventRecord], index: int, subject: Token):
        """ "X called. Y picked up and they talked": the caller of a call still without a
        recipient, and the other person named before "they" in this sentence."""
        call = next((r for r in reversed(previous) if r.open_recipient and r.target is None
                     and index - r.sentence_index <= 2), None)
        if call is None:
            return None
        sent = subject.sent
        others = [a for a in self.resolver.actors_in_span(sent.start_char, subject.idx)
                  if a.get("kind") == "person" and actor_key(a) != actor_key(call.source)]
        if not others:
            return None
        call.target = others[-1]
        return call.source, others[-1]

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
        # "Tens of thousands of students", "a group of refugees": the people are in the "of" phrase
        inner = collective_members(subject)
        if inner is not None:
            return self._subject_actors(inner)
        group = self.roles.group(subject)
        return [(group, subject)] if group is not None else []

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

PLURAL_SUBJECTS = {"they", "we", "both"}
RECIPROCAL = {"CONSULT", "COOPERATE", "AGREE"}
NEEDS_RECIPIENT = {"COOPERATE", "AID", "SANCTION"}  # PLOVER: "Requires recipient: Yes"
SAID_TO_SOMEONE = {"ACCUSE", "SUPPORT"}  # verbal acts that are only events with an addressee
SUBORDINATE = {"advcl", "relcl", "acl", "csubj", "pcomp"}


BARE_TALK = {"talk", "speak"}  # consultations only with two sides in the subject ("they talked")
PRESS = {"reporter", "journalist", "press", "media", "correspondent", "newsman", "audience"}
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "SPY"}
STATE_NOUNS = {"police", "army", "troop", "soldier", "force", "authority", "government", "military", "regime",
               "administration", "ministry", "navy", "guard"}


def _is_state(actor: dict | None, token: Token | None) -> bool:
    """A country, a government body or its security forces."""
    if actor is None:
        return False
    if actor.get("sector") in STATE_SECTORS or (token is not None and token.lemma_.lower() in STATE_NOUNS):
        return True
    # "Algeria" or "Paris", not "young Algerians" or "rebels in the Ivory Coast"
    return actor.get("kind") == "country" and (token is None or (token.pos_ == "PROPN" and token.ent_type_ != "NORP"))


def _acts_on_place(token: Token) -> bool:
    """A named place in a locative phrase under the trigger ("deliveries in Baghdad")."""
    for t in token.subtree:
        if t.ent_type_ in ("GPE", "LOC") and t.dep_ == "pobj" and t.head.lower_ in ("in", "into", "to", "across"):
            return True
    return False


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


def _threat_mode(inner_type: str) -> str | None:
    return {"ASSAULT": "violence", "SANCTION": "relations", "COERCE": "restrict", "MOBILIZE": "violence"}.get(inner_type)

