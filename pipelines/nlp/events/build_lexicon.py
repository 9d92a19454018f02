"""Derive the event lexicon (rules/verbs.jsonl, rules/verb_patterns.jsonl, rules/nouns.jsonl)
from the CAMEO verb dictionary and the CAMEO->PLOVER table.

Run from the project root after changing the derivation (the outputs are committed):

    .venv/bin/python -m pipelines.nlp.events.build_lexicon [--dictionaries ../shared/dictionaries]

Only CAMEO-derived facts go into the generated files; hand-made corrections live in
rules/overrides.yaml and are applied when the lexicon is loaded, so they survive a rebuild.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from pipelines.nlp.events.cameo import CameoMapper

RULES = Path(__file__).parent / "rules"
DEFAULT_DICTIONARIES = Path(__file__).resolve().parents[3] / ".." / "shared" / "dictionaries"

HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
CODE = re.compile(r"\[([0-9:\-]*)\]")
FORMS = re.compile(r"\{([^}]*)\}")
PARTICLES = {"up", "down", "off", "out", "away", "back", "over", "in", "on", "apart", "forward", "aside"}
IRREGULAR_PAST = {"spoke", "spoken", "met", "went", "gone", "shot", "sent", "took", "taken", "held", "fought",
                  "struck", "gave", "given", "led", "made", "sold", "sought", "threw", "thrown", "slain"}


def parse_synonym_sets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    current = None
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if text.startswith("&"):
            current = text.split()[0]
            sets[current] = []
        elif text.startswith("+") and current:
            word = text[1:].split()[0].strip("_").replace("_", " ").lower()
            if word:
                sets[current].append(word)
        elif not text:
            current = None
    return sets


def _expand(word: str, synsets: dict[str, list[str]]) -> list[str]:
    if word.startswith("&"):
        return synsets.get(word, [])
    return [word.strip("_").replace("_", " ").lower()]


def _words(chunk: str, synsets: dict[str, list[str]]) -> list[list[str]]:
    """A pattern chunk ("{TRADE &TREATY}", "DEAL") as [head alternatives, modifier alternatives]."""
    chunk = chunk.strip("{} ")
    parts = [p for p in chunk.split() if p not in {"$", "+", "^", "%"}]
    if not parts:
        return []
    mods = [w for p in parts[:-1] for w in _expand(p, synsets)]
    return [_expand(parts[-1], synsets), mods]


def parse_pattern(body: str, synsets: dict[str, list[str]]) -> dict | None:
    """`* OBJ (PREP POBJ)` -> {"particle","obj","prep","pobj"}; None for subject-side patterns."""
    if "*" not in body:
        return None
    pre, post = body.split("*", 1)
    if pre.strip(" $+^%"):
        return None  # subject-side patterns (e.g. "EXPLOSION *") need a noun subject: skipped
    tokens = re.findall(r"\([^)]*\)|\{[^}]*\}|\S+", post)
    pattern: dict = {"particle": None, "obj": None, "obj_mods": None, "prep": None, "pobj": None}
    for token in tokens:
        if token in {"$", "+", "^", "%"}:
            continue
        if token.startswith("("):
            if pattern["prep"]:
                continue  # only the first prepositional phrase is kept
            inner = re.findall(r"\{[^}]*\}|\S+", token.strip("()"))
            inner = [t for t in inner if t not in {"$", "+", "^", "%"}]
            if not inner:
                continue
            pattern["prep"] = inner[0].lower().split("/")[0]
            if len(inner) > 1:
                alts = _words(" ".join(inner[1:]), synsets)
                pattern["pobj"] = sorted(set(alts[0])) if alts else None
        elif pattern["obj"] is None and pattern["prep"] is None:
            word = token.strip("{}").lower()
            if " " not in word and word in PARTICLES and pattern["particle"] is None:
                pattern["particle"] = word
                continue
            alts = _words(token, synsets)
            if alts and alts[0]:
                pattern["obj"] = sorted(set(alts[0]))
                pattern["obj_mods"] = sorted(set(alts[1])) or None  # "{TRADE &TREATY}": a trade pact
    if not any(pattern.values()):
        return None
    return pattern


def _verb_lemma(word: str) -> tuple[str, str | None]:
    """"+MEET_WITH" -> ("meet", "with"); "+SHOOT_DOWN" -> ("shoot", "down")."""
    parts = word.lstrip("+").strip("_").lower().split("_")
    lemma = parts[0]
    rest = " ".join(parts[1:]) or None
    return lemma, rest


def parse_verb_blocks(lines: list[str], synsets: dict[str, list[str]]):
    blocks = []
    block = None
    for line in lines:
        if line.startswith("---"):
            match = HEADER.match(line)
            if match:
                block = {"name": match.group(1), "default": match.group(2), "verbs": [], "patterns": []}
                blocks.append(block)
            continue
        if block is None or not line.strip() or line.lstrip().startswith("#"):
            continue
        text = line.split("#", 1)[0]
        if line.startswith("-"):
            code = CODE.search(text)
            if not code:
                continue
            body = CODE.sub("", text)[1:]
            pattern = parse_pattern(body, synsets)
            if pattern:
                pattern["code"] = code.group(1)
                block["patterns"].append(pattern)
            continue
        code = CODE.search(text)
        forms = FORMS.search(text)
        word = FORMS.sub("", CODE.sub("", text)).split()
        if not word:
            continue
        lemma, rest = _verb_lemma(word[0])
        if lemma in IRREGULAR_PAST or lemma.endswith("ed") and rest:
            continue  # inflected multi-word forms ("+ANGERED_BY") duplicate their base verb
        block["verbs"].append({
            "lemma": lemma,
            "rest": rest,
            "code": code.group(1) if code else None,
            "forms": [f.lower() for f in forms.group(1).split()] if forms else [],
        })
    return blocks


def _plover(mapper: CameoMapper, code: str | None):
    if not code:
        return None
    return mapper.lookup(code.split(":")[0])


def derive(dictionaries: Path) -> tuple[list[dict], list[dict], list[dict]]:
    mapper = CameoMapper.from_table(dictionaries / "plover" / "CAMEO2PLOVER-2021.txt")
    text = (dictionaries / "phoenix" / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace")
    lines = text.splitlines()
    start = next(i for i, l in enumerate(lines) if "VERB PATTERNS" in l)
    end = next(i for i, l in enumerate(lines) if "TRANSFORMATIONS" in l)
    synsets = parse_synonym_sets(lines[:start])
    blocks = parse_verb_blocks(lines[start:end], synsets)

    verbs: list[dict] = []
    patterns: list[dict] = []
    for block in blocks:
        block_code = block["default"] if block["default"][:1].isdigit() else None
        pattern_types = Counter()
        for pattern in block["patterns"]:
            source_code = pattern["code"].split(":")[0]
            if not source_code and pattern["code"]:
                continue  # ":020": a code for the other side only (passive readings)
            mapped = _plover(mapper, source_code) if source_code[:1].isdigit() else None
            if mapped is not None:
                pattern_types[mapped[0]] += 1
            # A pattern coded "---" or with a non-event code (statements) is kept as a
            # no-event pattern: "killed in an accident" must not fall back to the verb's ASSAULT.
            patterns.append({"block": block["name"], **{k: pattern[k] for k in ("particle", "obj", "obj_mods", "prep", "pobj")},
                             "cameo": source_code if source_code[:1].isdigit() else None,
                             "type": mapped[0] if mapped else None, "mode": mapped[1] if mapped else None})
        # A block without a default code still has a dominant meaning when most of its
        # patterns agree (REFUSE/REJECT/DECLINE): use it, marked as such.
        majority = None
        if not block_code and pattern_types:
            top, count = pattern_types.most_common(1)[0]
            if count >= 3 and count / sum(pattern_types.values()) >= 0.6:
                majority = top
        for verb in block["verbs"]:
            code = verb["code"] if verb["code"] and verb["code"][:1].isdigit() else block_code
            mapped = _plover(mapper, code)
            entry = {"lemma": verb["lemma"], "rest": verb["rest"], "block": block["name"], "cameo": None,
                     "type": None, "mode": None, "how": None}
            if mapped:
                entry.update(cameo=code.split(":")[0], type=mapped[0], mode=mapped[1], how="cameo_code")
            elif code is None and majority:
                entry.update(type=majority, how="block_pattern_majority")
            verbs.append(entry)
    nouns = derive_nouns(verbs, pattern_word_types(lines[start:end], mapper))
    return verbs, patterns, nouns


def nominalizations(lemma: str) -> list[str]:
    """Candidate event nouns for a verb: attack -> attack; invade -> invasion; kill -> killing."""
    out = [lemma, lemma + "ing", lemma + "ment", lemma + "al"]
    if lemma.endswith("e"):
        stem = lemma[:-1]
        out += [stem + "ion", stem + "ation", stem + "ing", stem + "al"]
        if lemma.endswith("de"):
            out.append(lemma[:-2] + "sion")  # invade -> invasion
    else:
        out += [lemma + "ion", lemma + "ation"]
    if lemma.endswith("y"):
        out.append(lemma[:-1] + "ial")  # deny -> denial
    if lemma.endswith("en"):
        out.append(lemma[:-2])  # threaten -> threat
    if re.search(r"[^aeiou][aeiou][bdgmnpt]$", lemma):
        out.append(lemma + lemma[-1] + "ing")  # kidnap -> kidnapping
    return out


def pattern_word_types(lines: list[str], mapper: CameoMapper) -> dict[str, set[str]]:
    """Every word used in a verb pattern -> the PLOVER types of the patterns it appears in."""
    types: dict[str, set[str]] = defaultdict(set)
    for line in lines:
        if not line.startswith("-"):
            continue
        text = line.split("#", 1)[0]
        code = CODE.search(text)
        mapped = _plover(mapper, code.group(1)) if code else None
        if not mapped:
            continue
        for word in re.findall(r"[A-Z][A-Z\-]+", CODE.sub("", text)):
            types[word.lower()].add(mapped[0])
    return types


def derive_nouns(verbs: list[dict], word_types: dict[str, set[str]]) -> list[dict]:
    """Event nouns: nominalizations of single-word lexicon verbs, kept only when CAMEO itself
    uses the noun inside a verb pattern coded with the same PLOVER type ("launch ATTACK" is
    an assault) -- which filters out invented forms and nouns whose sense drifts."""
    by_lemma: dict[str, Counter] = defaultdict(Counter)
    info: dict[tuple[str, str], dict] = {}
    for verb in verbs:
        if verb["rest"] or not verb["type"]:
            continue
        by_lemma[verb["lemma"]][verb["type"]] += 1
        info.setdefault((verb["lemma"], verb["type"]), verb)
    nouns: dict[str, dict] = {}
    for lemma, types in sorted(by_lemma.items()):
        plover, _ = types.most_common(1)[0]
        verb = info[(lemma, plover)]
        for noun in nominalizations(lemma):
            seen = word_types.get(noun, set()) | word_types.get(noun + "s", set())
            if noun in nouns or plover not in seen:
                continue
            nouns[noun] = {"lemma": noun, "verb": lemma, "cameo": verb["cameo"], "type": plover,
                           "mode": verb["mode"], "how": "nominalization"}
    return sorted(nouns.values(), key=lambda n: n["lemma"])


def write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dictionaries", type=Path, default=DEFAULT_DICTIONARIES)
    args = parser.parse_args(argv)
    verbs, patterns, nouns = derive(args.dictionaries.resolve())
    write_jsonl(RULES / "verbs.jsonl", verbs)
    write_jsonl(RULES / "verb_patterns.jsonl", patterns)
    write_jsonl(RULES / "nouns.jsonl", nouns)
    typed = sum(1 for v in verbs if v["type"])
    print(f"verbs: {len(verbs)} ({typed} typed), patterns: {len(patterns)}, nouns: {len(nouns)}")


if __name__ == "__main__":
    main()
