"""A stand-in for pipelines.nlp.resolver.ActorResolver built only from doc.ents and a small
demonym table, so event tests do not depend on the actors component."""

from __future__ import annotations

import hashlib

DEMONYMS = {
    "russian": ("Russia", "RUS"), "russians": ("Russia", "RUS"), "russia": ("Russia", "RUS"),
    "ukrainian": ("Ukraine", "UKR"), "ukrainians": ("Ukraine", "UKR"), "ukraine": ("Ukraine", "UKR"),
    "french": ("France", "FRA"), "france": ("France", "FRA"),
    "american": ("United States", "USA"), "u.s.": ("United States", "USA"), "us": ("United States", "USA"),
    "united states": ("United States", "USA"), "the united states": ("United States", "USA"),
    "israeli": ("Israel", "ISR"), "israel": ("Israel", "ISR"),
    "hungarian": ("Hungary", "HUN"), "hungary": ("Hungary", "HUN"),
    "romanian": ("Romania", "ROU"), "romania": ("Romania", "ROU"),
    "german": ("Germany", "DEU"), "germany": ("Germany", "DEU"),
    "chinese": ("China", "CHN"), "china": ("China", "CHN"),
    "iranian": ("Iran", "IRN"), "iran": ("Iran", "IRN"),
    "iraqi": ("Iraq", "IRQ"), "iraq": ("Iraq", "IRQ"),
    "syrian": ("Syria", "SYR"), "syria": ("Syria", "SYR"),
    "british": ("United Kingdom", "GBR"), "britain": ("United Kingdom", "GBR"),
    "palestinian": ("Palestine", "PSE"), "palestinians": ("Palestine", "PSE"),
    "serbian": ("Serbia", "SRB"), "serbia": ("Serbia", "SRB"),
    "saudi arabia": ("Saudi Arabia", "SAU"), "saudi": ("Saudi Arabia", "SAU"),
    "jordan": ("Jordan", "JOR"), "lebanon": ("Lebanon", "LBN"), "japan": ("Japan", "JPN"),
    "japanese": ("Japan", "JPN"), "turkish": ("Turkey", "TUR"), "turkey": ("Turkey", "TUR"),
    "western": ("the West", "WST"), "the west": ("the West", "WST"), "west": ("the West", "WST"),
    "european union": ("European Union", "IGO"), "eu": ("European Union", "IGO"),
    "nato": ("NATO", "IGO"), "un": ("United Nations", "IGO"), "u.n.": ("United Nations", "IGO"),
    "united nations": ("United Nations", "IGO"),
}
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "himself", "herself"}
PLURAL_PRONOUNS = {"they", "them", "their"}
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
TITLES = ("mr.", "mrs.", "ms.", "dr.", "president", "prime minister", "secretary")


def _id(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:16]


class FakeResolver:
    def __init__(self, doc, extra: dict[str, tuple[str, str]] | None = None):
        self.doc = doc
        self.table = dict(DEMONYMS)
        self.table.update({k.lower(): v for k, v in (extra or {}).items()})
        self.mentions: list[tuple[int, int, dict]] = []
        persons: dict[str, dict] = {}
        for ent in doc.ents:
            if ent.label_ not in ACTOR_LABELS:
                continue
            actor = self._actor(ent.text, ent.label_, persons)
            if actor and actor["kind"] == "person" and actor["country"] is None:
                # "Russian President Vladimir Putin": the demonym just before the name
                before = doc[max(0, ent.start - 4):ent.start]
                code = next((self.table[t.lower_][1] for t in before if t.lower_ in self.table), None)
                actor["country"] = code
            if actor:
                self.mentions.append((ent.start_char, ent.end_char, actor))
        # demonyms that NER missed ("Russian forces" tagged as NORP usually, but not always)
        covered = {i for s, e, _ in self.mentions for i in range(s, e)}
        for token in doc:
            key = token.lower_
            if key in self.table and token.idx not in covered and token.pos_ in ("ADJ", "PROPN", "NOUN"):
                name, code = self.table[key]
                self.mentions.append((token.idx, token.idx + len(token.text), self._country(name, code)))
        self.mentions.sort(key=lambda m: (m[0], -m[1]))

    def _country(self, name: str, code: str) -> dict:
        kind = "organization" if code == "IGO" else "group" if code == "WST" else "country"
        return {"actor_id": _id(f"{kind}:{name}"), "name": name, "kind": kind, "country": code,
                "sector": "IGO" if code == "IGO" else None, "mention_kind": "name"}

    def _actor(self, text: str, label: str, persons: dict[str, dict]) -> dict | None:
        clean = text.lower().strip()
        for title in TITLES:
            if clean.startswith(title + " "):
                clean = clean[len(title) + 1:]
        if clean.startswith("the "):
            clean = clean[4:]
        if clean in self.table or text.lower() in self.table:
            name, code = self.table.get(clean) or self.table[text.lower()]
            return self._country(name, code)
        if label == "PERSON":
            surname = clean.split()[-1]
            if surname in persons:
                return persons[surname]
            actor = {"actor_id": _id("person:" + clean), "name": " ".join(w.capitalize() for w in clean.split()),
                     "kind": "person", "country": None, "sector": None, "mention_kind": "name"}
            persons[surname] = actor
            return actor
        if label == "ORG":
            return {"actor_id": _id("org:" + clean), "name": text, "kind": "organization", "country": None,
                    "sector": None, "mention_kind": "name"}
        return None

    def _inside(self, start: int, end: int):
        return [m for m in self.mentions if m[0] >= start and m[1] <= end]

    def actor_for_span(self, start_char: int, end_char: int) -> dict | None:
        inside = self._inside(start_char, end_char)
        if inside:
            best = max(inside, key=lambda m: (m[1] - m[0], m[0]))
            return dict(best[2])
        span = self.doc.char_span(start_char, end_char, alignment_mode="expand")
        if span is None:
            return None
        for token in span:
            if token.lower_ in PERSON_PRONOUNS or token.lower_ in PLURAL_PRONOUNS:
                want_person = token.lower_ in PERSON_PRONOUNS
                for s, e, actor in reversed(self.mentions):
                    if e <= token.idx and (actor["kind"] == "person") == want_person:
                        found = dict(actor)
                        found["mention_kind"] = "pronoun"
                        return found
                return None
        return None

    def actors_in_span(self, start_char: int, end_char: int) -> list[dict]:
        out, seen = [], set()
        for _, _, actor in self._inside(start_char, end_char):
            if actor["actor_id"] not in seen:
                seen.add(actor["actor_id"])
                out.append(dict(actor))
        return out
