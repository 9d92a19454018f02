"""Quotes and who said them.

Span conventions (as in the project's gold annotation):
- direct: the words inside the quote marks, marks excluded ("We will win," keeps its comma);
- mixed: the reported clause that contains quoted words, marks included; when the quoted
  words end right before an inverted attribution (`There is “no illusion,” X said`) the
  quoted words alone;
- indirect: the complement clause of the speech verb, without "that" and final punctuation.
Units are found in this order: complement clauses of speech verbs ("X said (that) ..."),
inverted attributions ("..., X said" / "..., said X"), "according to X", quoted sentences
next to a speech verb ("X said: “...”"), and quotes without a cue that continue the
previous speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from pipelines.nlp.actors.describe import DEFINITE
from pipelines.nlp.actors.lexicon import load_lexicon
from pipelines.nlp.doc_cache import doc_text, sentences
from pipelines.nlp.quotes.marks import DOUBLE_CLOSE, DOUBLE_OPEN, SINGLE_CLOSE, SINGLE_OPEN, Segment, find_segments
from pipelines.nlp.quotes.records import dedupe, quote_record

WH_WORDS = {"how", "why", "what", "whether", "if", "when", "where", "who", "whom", "which"}
CLOSE_MARKS = DOUBLE_CLOSE | SINGLE_CLOSE | {'"', "'"}
OPEN_MARKS = DOUBLE_OPEN | SINGLE_OPEN | {'"', "'"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")
DATELINE_DASHES = {"\u2014", "\u2013", "-", "--"}
TRAILING = " \t\n,;:.\u2014\u2013-"
DANGLING = re.compile(r"\s(?:and|but|or|while)$")
# What speaks for whoever owns it: a quote from "the G7 statement" or "Kenya's government" is
# the G7's or Kenya's. (A spokesman is a person: "the Kremlin's spokesman" stays unnamed.)
VOICES_OF_THEIR_OWNER = {
    "statement", "report", "editorial", "account", "tweet", "post", "letter", "communique", "communiqué",
    "release", "declaration", "government", "administration", "website", "ministry", "readout", "transcript",
    "data", "datum", "figure", "statistic", "study", "survey", "poll", "analysis", "lawsuit", "suit", "complaint",
    "petition", "ruling", "verdict", "decree", "filing", "document", "record",
}


@dataclass
class Unit:
    start: int
    end: int
    kind: str
    cue: Token | None
    speaker_span: tuple[int, int] | None
    origin: str                       # complement | inverted | according | adjacent | continuation
    speaker: dict | None = None
    reported: dict | None = None
    extras: dict = field(default_factory=dict)


class QuoteFinder:
    def __init__(self, doc: Doc, resolver, body_end: int):
        self.doc = doc
        self.text = doc_text(doc)
        self.resolver = resolver
        self.body_end = body_end
        cues = load_lexicon().cues
        self.verbs = set(cues["verbs"])
        self.need_clause = set(cues["need_clause"])
        self.addressing = set(cues["addressing"])
        self.phrasal = cues.get("phrasal", {})
        self.segments = find_segments(self.text, 0, body_end)
        self.units: list[Unit] = []
        self.sentences = sentences(doc)
        self.cues = [tok for tok in doc if self.is_cue(tok)]  # one pass; the finders share it

    # ---- small helpers ------------------------------------------------------------------
    def segment_at(self, char: int) -> Segment | None:
        for seg in self.segments:
            if seg.open < char < seg.close:
                return seg
        return None

    def is_cue(self, tok: Token) -> bool:
        lemma = tok.lemma_.lower()
        if lemma not in self.verbs or tok.pos_ not in ("VERB", "AUX") or tok.idx >= self.body_end:
            return False
        if tok.dep_ in ("amod", "compound") or self.segment_at(tok.idx):
            return False
        if tok.dep_ == "acl" and not (tok.tag_ == "VBG" and tok.head.lemma_.lower() in VOICES_OF_THEIR_OWNER):
            return False  # but "a statement saying ..." reports speech
        particle = self.phrasal.get(lemma)
        if particle and not any(c.dep_ == "prt" and c.lower_ == particle for c in tok.children):
            return False
        return True

    def subject(self, verb: Token, inherit: bool = True) -> Token | None:
        # the subject nearest the verb: a dateline ("MOSCOW (AP) —") parsed as a second
        # subject comes first
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            child = min(subjects, key=lambda c: (c.i > verb.i, abs(verb.i - c.i)))
            if child.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                return verb.head
            return self.past_dateline(child)
        if inherit and verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
            return self.subject(self.report_parsed_inside(verb) or verb.head, inherit)
        if inherit and verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ in ("VERB", "AUX"):
            return self.subject(verb.head, inherit)  # "X said, adding that ..."
        if inherit and verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.pos_ == "VERB":
            return self.subject(verb.head.head, inherit)  # "X was quoted as saying"
        if verb.dep_ == "acl":
            # "a statement saying ...": its owner, or whoever issued it
            noun = verb.head
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            if owner is None and noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
                owner = self.subject(noun.head, inherit)
            return owner if owner is not None and owner.i < verb.i else None
        return None

    def report_parsed_inside(self, verb: Token) -> Token | None:
        """'he pointed out that A, and added that B': the parser may hang 'added' on A as its
        conjunct; then the speech verb before it ('pointed') is the one it goes with."""
        head = verb.head
        if verb.dep_ == "conj" and head.dep_ == "ccomp" and self.is_cue(verb) and self.is_cue(head.head):
            return head.head
        return None

    @staticmethod
    def past_dateline(subj: Token) -> Token:
        """'OSLO (AP) — Minister Ingrid Solberg said': the parse may make the dateline the
        subject and the speaker its apposition after the dash."""
        if not (subj.is_upper and len(subj.text) > 1):
            return subj
        dash = next((t.i for t in subj.doc[subj.i + 1:min(len(subj.doc), subj.i + 8)] if t.text in DATELINE_DASHES), None)
        if dash is None:
            return subj
        return next((c for c in subj.rights if c.dep_ == "appos" and c.i > dash), subj)

    def speaker_phrase(self, subj: Token) -> tuple[int, int]:
        """The subject noun phrase without relative clauses and appositions; a role noun
        with a named apposition gives the name ("the deputy minister, Zia Haqmal, said")."""
        if subj.pos_ == "NOUN":
            named = next((c for c in subj.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            if named is not None:
                subj = named
        start, end = subj.left_edge.i, subj.i + 1
        for child in subj.rights:
            if child.dep_ in ("prep",) and child.right_edge.i - subj.i <= 8:
                end = child.right_edge.i + 1
            else:
                break
        span = self.doc[start:end]
        return span.start_char, span.end_char

    def complement(self, verb: Token) -> Token | None:
        for child in verb.children:
            if child.dep_ == "ccomp" and child.left_edge.i > verb.i:
                first = child.left_edge
                if first.lower_ == "that" and first.i + 1 < len(self.doc):
                    first = self.doc[first.i + 1]
                if first.lower_ in WH_WORDS:
                    return None  # an embedded question, not a statement
                return child
        return None

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """Drop a leading 'that', surrounding blanks and trailing punctuation, but keep a
        closing quote mark whose quote started inside the span."""
        text = self.text
        while start < end and (text[start].isspace() or text[start] in ",;:\u2014\u2013"):
            start += 1
        if text[start:start + 5].lower() == "that ":
            start += 5
        while end > start:
            if text[end - 1] in TRAILING:
                end -= 1
            elif (dangling := DANGLING.search(text, start, end)) is not None:
                end = dangling.start()  # "must continue, and" before a second report
            else:
                break
        for seg in self.segments:
            if start <= seg.open < end <= seg.close + 1:
                end = seg.close + 1
        if start < end and text[start] in CLOSE_MARKS and not self.segment_at(start + 1):
            start += 1
        return start, end

    def clause_start(self, sent: Span, before: int) -> int:
        """Where the reported clause before an inverted attribution begins: the sentence
        start, after a colon or semicolon, or the opening of a quote running into it."""
        start = sent.start_char
        for tok in sent:
            if tok.idx >= before:
                break
            if tok.text in (":", ";") and not self.segment_at(tok.idx):
                start = tok.idx + 1
        seg = self.segment_at(start + 1) or self.segment_at(start)
        if seg and seg.open < start:
            start = seg.open
        return start

    def kind_for(self, start: int, end: int) -> str:
        inside = [s for s in self.segments if s.open >= start - 1 and s.close <= end]
        if not inside:
            return "indirect"
        if len(inside) == 1 and inside[0].open <= start and inside[0].close >= end - 1:
            return "direct"
        seg = self.segment_at(start)
        if seg is not None and seg.close >= end:
            return "direct"
        if all(len(s.inner(self.text).split()) <= 1 and not s.inner(self.text).rstrip().endswith(",") for s in inside):
            return "indirect"  # single scare-quoted words inside reported speech
        return "mixed"

    # ---- finders ------------------------------------------------------------------------
    def complements(self) -> None:
        """X said (that) <clause>."""
        for tok in self.cues:
            comp = self.complement(tok)
            if comp is None:
                continue
            subj = self.subject(tok)
            if subj is None or subj.i > tok.i and tok.dep_ != "relcl":
                continue
            if tok.dep_ == "relcl" and subj.i != tok.head.i:
                continue  # "a letter the minister said the journalist had written"
            if any(u.start <= tok.idx < u.end for u in self.units if u.origin == "complement"):
                continue  # a speech verb inside reported speech: keep the outer report
            sent = self.sentences.of_token(tok.i)
            end = self.complement_end(tok, comp, sent)
            start, end = self.trim(comp.left_edge.idx, end)
            if end - start < 3:
                continue
            seg = self.segment_at(start + 1) if self.text[start] in OPEN_MARKS else self.segment_at(start)
            if seg is not None and (seg.open == start or not self.text[seg.open + 1:start].strip()):
                introduced = self.text[tok.idx + len(tok.text):seg.open]
                if seg.close >= end - 1 or "," in introduced or ":" in introduced:
                    # `X said, “...”` or `X said that “...”` with the whole report quoted
                    start, end = seg.start, seg.end
            self.units.append(Unit(start, end, self.kind_for(start, end), tok, self.speaker_phrase(subj), "complement"))

    def complement_end(self, verb: Token, comp: Token, sent: Span) -> int:
        """The reported clause runs to the end of the sentence, but stops before another
        attribution (", the official said", ", according to ...") and before a second
        action of the speaker ("..., and left")."""
        end = sent.end_char
        seg = self.segment_at(sent.end_char - 1)
        if seg and seg.close >= sent.end_char:
            end = seg.close + 1
        for tok in sent:
            if tok.i <= comp.i or tok.idx >= end:
                continue
            if self.attribution_source(tok) is not None:
                end = tok.idx
                break
            if tok.i != verb.i and self.is_cue(tok) and tok.i > comp.right_edge.i and self.subject(tok, inherit=False) is not None:
                subj = self.subject(tok, inherit=False)
                end = min(tok.idx, subj.left_edge.idx)
                break
            if tok.head.i == comp.i and self.report_parsed_inside(tok) is not None and self.complement(tok) is not None \
                    and self.subject(tok, inherit=False) is None:
                cc = [c for c in comp.children if c.dep_ == "cc" and c.i < tok.i]
                end = cc[-1].idx if cc else tok.idx
                break
            if tok.dep_ == "conj" and tok.head.i == verb.i and self.subject(tok, inherit=False) is None:
                cc = [c for c in verb.children if c.dep_ == "cc" and comp.i < c.i < tok.i]
                end = cc[0].idx if cc else tok.idx
                break
        return end

    def inverted(self) -> None:
        """<clause>, X said. / “<quote>,” said X."""
        for tok in self.cues:
            if tok.dep_ == "relcl" or self.complement(tok) is not None:
                continue
            objects = [c for c in tok.children if c.dep_ == "dobj" and c.ent_type_ not in ("DATE", "TIME")]
            if objects and (tok.lemma_.lower() not in self.addressing or any(
                    c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                    for c in tok.children)):
                # the verb says something of its own: `“...” The UN urged leaders to agree`,
                # `“...” Mhlanga, who faces two charges, denies the charges`
                continue
            subj = self.subject(tok, inherit=False)
            if subj is None:
                continue
            s_start, s_end = self.speaker_phrase(subj)
            chunk_start = min(tok.idx, s_start)
            chunk_end = max(tok.idx + len(tok.text), s_end)
            if not (s_end <= tok.idx + 1 or s_start >= tok.idx):
                continue
            if s_end <= tok.idx and len(self.text[self.past_apposition(subj, tok):tok.idx].split()) > 3:
                continue  # subject and verb must sit together in an attribution
            # what comes right before the attribution: a comma or a closing quote mark
            j = chunk_start
            while j > 0 and self.text[j - 1].isspace():
                j -= 1
            if j == 0 or not (self.text[j - 1] == "," or self.text[j - 1] in CLOSE_MARKS):
                continue
            sent = self.sentences.of_token(tok.i)
            boundary = j - 1
            while boundary > 0 and self.text[boundary - 1] in CLOSE_MARKS | {","}:
                boundary -= 1
            clause_start = self.clause_start(sent, chunk_start)
            seg = next((s for s in self.segments if s.close < chunk_start and not self.text[s.close + 1:chunk_start].strip(" ,\u00a0")), None)
            reports_inside = any(u.origin == "complement" and clause_start <= u.start and u.end <= chunk_start
                                 for u in self.units)
            # `“... countries?” Bugajski asked.`: the parser ends the sentence at the question
            # mark, so the attribution stands alone right after the quote
            alone = clause_start >= chunk_start
            if seg is not None and not reports_inside and (seg.open >= clause_start - 1 or self.segment_at(clause_start + 1) is seg or alone):
                lead = self.text[min(clause_start, seg.open):seg.open].strip(" \t\n,.;:\u2014\u2013")
                start, end = seg.start, seg.end
                kind = "direct" if not lead else "mixed"
            else:
                if boundary <= clause_start or tok.lemma_.lower() in self.need_clause:
                    continue  # unquoted, "..., they urged" reports no words; quoted, it does
                start, end = self.trim(clause_start, boundary + 1 if self.text[boundary] in CLOSE_MARKS else boundary)
                rest = self.parenthetical_rest(sent, start, end, chunk_end)
                if rest is not None:
                    end = rest  # "Such matters, he told VOA, should be decided by referendum."
                elif not self.has_verb(start, end):
                    continue    # "On Friday, X told VOA ...": an adverbial, not a report
                kind = self.kind_for(start, end)
            if end - start < 2:
                continue
            self.units.append(Unit(start, end, kind, tok, (s_start, s_end), "inverted",
                                   extras={"chunk": (chunk_start, chunk_end)}))

    def past_apposition(self, subj: Token, verb: Token) -> int:
        """Where the subject's words end, past what the subject phrase holds between commas
        before the verb: an apposition ("“...,” Imran Hayat, the railway superintendent in
        Quetta, told VOA") or a relative clause ("X from the Council, which led the dig,")."""
        end = self.speaker_phrase(subj)[1]
        last = subj.right_edge
        if last.i < verb.i and self.text[end:].lstrip().startswith(","):
            end = max(end, last.idx + len(last.text))
        return end

    def attribution_source(self, tok: Token) -> Token | None:
        """The source in "according to <source>" when it names someone ("a French
        official", "the ministry"), not "according to plan"."""
        if tok.lower_ != "according" or tok.i + 1 >= len(self.doc) or self.segment_at(tok.idx):
            return None
        nxt = self.doc[tok.i + 1]
        if nxt.lower_ != "to":
            return None
        pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        s_start, s_end = self.speaker_phrase(pobj)
        return pobj if self.resolver.actor_for_span(s_start, s_end) is not None else None

    def has_verb(self, start: int, end: int) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)

    def parenthetical_rest(self, sent: Span, start: int, end: int, chunk_end: int) -> int | None:
        """When the words before ", X said," have no verb of their own, the report goes on
        after the attribution: return the end of that continuation."""
        before = self.doc.char_span(start, end, alignment_mode="expand")
        if before is None or any(t.pos_ in ("VERB", "AUX") for t in before):
            return None
        after = self.text[chunk_end:sent.end_char]
        stripped = after.lstrip()
        if not stripped.startswith(","):
            # the attribution chunk may end earlier than its adverbials: "he told VOA,"
            comma = after.find(",")
            if comma < 0 or len(after[:comma].split()) > 4:
                return None
        rest_end = sent.end_char
        while rest_end > chunk_end and self.text[rest_end - 1] in TRAILING:
            rest_end -= 1
        if rest_end <= chunk_end + 3 or not self.has_verb(chunk_end, rest_end):
            return None
        return rest_end

    def according_to(self) -> None:
        for tok in self.doc:
            if tok.idx >= self.body_end:
                break
            pobj = self.attribution_source(tok)
            if pobj is None:
                continue
            sent = self.sentences.of_token(tok.i)
            if any(sent.start_char <= u.start < sent.end_char for u in self.units):
                continue
            s_start, s_end = self.speaker_phrase(pobj)
            if tok.i == sent.start or self.text[sent.start_char:tok.idx].strip() == "":
                after = pobj.right_edge.idx + len(pobj.right_edge.text)
                start, end = self.trim(after, sent.end_char)
            else:
                start, end = self.trim(self.clause_start(sent, tok.idx), tok.idx)
            if end - start >= 3:
                self.units.append(Unit(start, end, self.kind_for(start, end), tok, (s_start, s_end), "according"))

    def adjacent(self, seg: Segment) -> Unit | None:
        """A quote right after "X said:" or "X said," (or between two parts of a quote)."""
        doc = self.doc
        before = self.text[:seg.open].rstrip(" \t\n\u00a0")
        if not before or before[-1] not in ",:":
            return None
        # the speech verb: the last cue ending just before that comma or colon
        window_start = max(0, len(before) - 200)
        cues = [t for t in doc.char_span(window_start, len(before), alignment_mode="expand") or [] if self.is_cue(t)]
        if not cues:
            return None
        verb = cues[-1]
        subj = self.subject(verb)
        if subj is None:
            return None
        s_start, s_end = self.speaker_phrase(subj)
        tail_start = max(verb.idx + len(verb.text), s_end)
        gap = self.text[tail_start:len(before) - 1]
        if len(gap.split()) > 6:
            return None
        return Unit(seg.start, seg.end, "direct", verb, (s_start, s_end), "adjacent")

    def sentence_like(self, seg: Segment) -> bool:
        span = self.doc.char_span(seg.start, seg.end, alignment_mode="expand")
        if span is None or len(seg.inner(self.text).split()) < 3:
            return False
        sent = self.sentences.of_token(span.start)
        lead = self.text[sent.start_char:seg.open].strip(" \t\n\u00a0:")
        return not lead or lead.endswith(":")

    def standalone_segments(self) -> None:
        for seg in self.segments:
            if any(u.start <= seg.start < u.end or seg.start <= u.start < seg.end for u in self.units):
                continue
            unit = self.adjacent(seg)
            if unit is not None:
                unit.speaker = self.who(unit.speaker_span)
            else:
                unit = self.continuation(seg)
            if unit is not None:
                self.units.append(unit)
                self.units.sort(key=lambda u: u.start)

    def previous_unit(self, char: int) -> Unit | None:
        before = [u for u in self.units if u.end <= char]
        return max(before, key=lambda u: u.end) if before else None

    def continuation(self, seg: Segment) -> Unit | None:
        """A quote with no speech verb continues the previous speaker when it follows
        closely (same or next paragraph, at most two sentences on), unless words after it
        attribute it to someone the parse missed (“...,” said legislator Claudia Mo)."""
        prev = self.previous_unit(seg.open)
        if prev is None:
            return None
        between = self.text[prev.end:seg.open]
        sentences_between = len(re.findall(r"[.!?][\"'\u201d\u2019]?\s", between))
        paragraph_breaks = len(re.findall(r"\n\s*", between))  # "\n" or "\n\n" alike
        if paragraph_breaks > 1 or sentences_between > 2:
            return None
        if self.sentence_like(seg):
            cue = self.cue_after(seg)
            subj = self.subject(cue) if cue is not None else None
            phrase = self.speaker_phrase(subj) if subj is not None else None
            speaker = self.who(phrase) if phrase is not None else None
            if speaker is not None and speaker.get("name"):
                # attributed by words after it that the inverted reading did not take
                # ("...," an official was quoted as saying): their speaker, not the previous one
                return Unit(seg.start, seg.end, "direct", cue, phrase, "inverted", speaker=speaker)
            return Unit(seg.start, seg.end, "direct", None, None, "continuation", speaker=prev.speaker,
                        extras={"from": prev})
        if paragraph_breaks:
            return None  # a quoted phrase continues its speaker's paragraph only
        # a quoted phrase inside a sentence whose subject is the previous speaker:
        # "He will achieve the “neutralization of Ukraine” with his army."
        span = self.doc.char_span(seg.start, seg.end, alignment_mode="expand")
        if span is None:
            return None
        sent = self.sentences.of_token(span.start)
        if any(sent.start_char <= u.start < sent.end_char for u in self.units):
            return None
        subj = self.subject(sent.root) if sent.root.pos_ in ("VERB", "AUX") else None
        if subj is None or prev.speaker is None:
            return None
        who = self.resolver.actor_for_span(*self.speaker_phrase(subj))
        if who is None or not same_speaker(who, prev.speaker):
            return None
        start, end = sent.start_char, sent.end_char
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return Unit(start, end, "mixed", None, None, "continuation", speaker=prev.speaker, extras={"from": prev})

    def cue_after(self, seg: Segment) -> Token | None:
        """A speech verb among the first words after the quote's close, in its paragraph and
        sentence ("...," said X). A quote closed by a full stop ends its sentence."""
        if self.text[:seg.close].rstrip().endswith("."):
            return None
        span = self.doc.char_span(seg.close + 1, min(len(self.text), seg.close + 80), alignment_mode="expand")
        for tok in list(span or [])[:8]:
            if "\n" in self.text[seg.close:tok.idx + 1] or tok.text in (".", "!", "?") or self.segment_at(tok.idx):
                return None
            if self.is_cue(tok):
                return tok
        return None

    # ---- putting it together ------------------------------------------------------------
    def merge_nested(self) -> None:
        """A report inside an inverted attribution is relayed by that attribution's source:
        in `X told Y (that) Z, the official said` the official is the speaker of Z."""
        keep = []
        for unit in self.units:
            outer = next((o for o in self.units if o is not unit and o.origin == "inverted"
                          and o.start <= unit.start and unit.end <= o.end + 1
                          and unit.origin == "complement"), None)
            if outer is not None:
                unit.extras["relayed_by"] = outer
            keep.append(unit)
        relays = {id(u.extras["relayed_by"]) for u in keep if "relayed_by" in u.extras}
        self.units = [u for u in keep if id(u) not in relays]

    def resolve_speakers(self) -> None:
        for unit in sorted(self.units, key=lambda u: u.start):
            if unit.origin == "continuation":
                prev = unit.extras["from"]
                unit.speaker, unit.speaker_span, unit.reported = prev.speaker, prev.speaker_span, prev.reported
                continue
            relay = unit.extras.get("relayed_by")
            if relay is not None:
                unit.reported = self.resolver.actor_for_span(*unit.speaker_span) if unit.speaker_span else None
                unit.speaker_span, unit.cue = relay.speaker_span, relay.cue
            unit.speaker = self.who(unit.speaker_span)

    def who(self, span: tuple[int, int] | None) -> dict | None:
        """The speaker of a subject phrase: an actor, or else an unnamed source described by
        a common noun phrase ("a receptionist", "the school")."""
        if span is None:
            return None
        found = self.resolver.actor_for_span(*span)
        phrase = self.doc.char_span(span[0], span[1], alignment_mode="expand")
        if phrase is None:
            return found
        head = phrase.root
        covers_head = found is not None and found.get("start", -1) <= head.idx < found.get("end", -1)
        if head.pos_ == "NOUN" and head.lemma_.lower() in VOICES_OF_THEIR_OWNER:
            # "the G7 joint statement", "Kenya's government": the named owner speaks
            if not covers_head and found is not None and found.get("actor_id"):
                return found
            owner = self.owner_of(head)
            if owner is not None:
                return owner
            issuer = self.earlier_issuer(head)
            if issuer is not None:
                return issuer
        if head.pos_ == "NOUN" and not covers_head:
            # "U.S. military leaders", "the Kremlin's spokesman": unnamed, with a country
            description = self.text[span[0]:span[1]]
            lex = load_lexicon()
            lemma = head.lemma_.lower()
            return {"actor_id": None, "name": description, "kind": "group" if head.tag_ == "NNS" else "person",
                    "country": found.get("country") if found else None,
                    "sector": lex.anonymous.get(lemma) or lex.role_sector(lemma),
                    "mention_kind": "anonymous", "description": description}
        return found

    def owner_of(self, head: Token) -> dict | None:
        """The named actor that owns a noun: "Kenya's government", "the government of Kenya",
        "data from the Immigration Services Agency", "a study by Oxfam"."""
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "by"):
                child = next((c for c in child.children if c.dep_ == "pobj"), None)
            elif child.dep_ != "poss":
                continue
            if child is not None and child.pos_ in ("PROPN", "NOUN"):
                found = self.resolver.actor_for_span(child.idx, child.idx + len(child.text))
                if found is not None and found.get("actor_id"):
                    return found
        return None

    def earlier_issuer(self, head: Token) -> dict | None:
        """"The statement said ...": whoever issued the statement mentioned last before it
        ("X said in a statement", "X issued a statement"). Only for a definite noun with no
        owner of its own; "a statement" is a new one."""
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children):
            return None
        lemma = head.lemma_.lower()
        for tok in reversed(self.doc[:head.i]):
            if tok.lemma_.lower() != lemma or tok.pos_ != "NOUN":
                continue
            if any(c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" for c in tok.children):
                return self.who((tok.left_edge.idx, tok.idx + len(tok.text)))
            owner = self.owner_of(tok)
            if owner is not None:
                return owner
            verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
            if tok.dep_ in ("dobj", "pobj") and verb.pos_ in ("VERB", "AUX"):
                subj = self.subject(verb)
                if subj is not None and subj.lemma_.lower() != lemma:
                    return self.who(self.speaker_phrase(subj))
            return None  # the last such noun has no issuer we can see: do not guess further back
        return None

    def labels(self) -> None:
        """X called <something> “<quoted words>”: a mixed quote of the object and the words
        ("called the EU move “deeply disappointing”")."""
        lex = load_lexicon()
        for tok in self.doc:
            if tok.idx >= self.body_end:
                break
            if tok.lemma_.lower() not in lex.cues.get("labelling", ()) or tok.pos_ != "VERB":
                continue
            obj = next((c for c in tok.children if c.dep_ in ("dobj", "oprd") and c.i > tok.i), None)
            subj = self.subject(tok)
            if obj is None or subj is None or subj.i > tok.i:
                continue
            sent_end = self.sentences.of_token(tok.i).end_char
            seg = next((g for g in self.segments if g.open > obj.idx), None)
            # the quoted words close the object's phrase: same sentence, nothing but words between
            if seg is None or seg.close > sent_end or seg.open - obj.idx > 120 \
                    or any(ch in self.text[obj.idx:seg.open] for ch in ";:\u201c\u201d\""):
                continue
            if any(seg.close < cue.idx < sent_end for cue in self.cues):
                continue  # `He called them “Nazis,” the official said`: the quoted words alone, later
            if self.subject_between(obj.i, seg.open):
                continue  # another clause takes the quote ("..., and the opposition promised “...”")
            if any(u.start <= seg.start < u.end for u in self.units):
                continue
            start, end = obj.left_edge.idx, seg.close + 1
            self.units.append(Unit(start, end, "mixed", tok, self.speaker_phrase(subj), "complement"))

    def subject_between(self, first: int, before_char: int) -> bool:
        for tok in self.doc[first:]:
            if tok.idx >= before_char:
                return False
            if tok.dep_ in SUBJECT_DEPS:
                return True
        return False

    def run(self) -> list[Unit]:
        self.complements()
        self.labels()
        self.inverted()
        self.merge_nested()
        self.according_to()
        self.units.sort(key=lambda u: u.start)
        self.resolve_speakers()
        self.standalone_segments()
        self.units = [u for u in self.units if u.start < self.body_end]
        self.units = dedupe(sorted(self.units, key=lambda u: (u.start, -(u.end - u.start))))
        return self.units


def same_speaker(a: dict, b: dict) -> bool:
    if a.get("actor_id") and b.get("actor_id"):
        return a["actor_id"] == b["actor_id"]
    return a.get("name") == b.get("name")


def extract_quotes(doc: Doc, resolver, body_end: int) -> list[dict]:
    """All quotes of the article body as plain dicts (see quote_record)."""
    if not doc.has_annotation("DEP"):
        return []
    finder = QuoteFinder(doc, resolver, body_end)
    return [quote_record(finder.text, u) for u in finder.run()]
