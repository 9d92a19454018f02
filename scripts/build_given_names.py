"""Write pipelines/nlp/rules/given_names.tsv from the US Census Bureau's 1990 given-name
frequency files (public domain; `dist.male.first`, `dist.female.first`, shipped e.g. in the
`names` package on PyPI).

A name gets a gender only when at least 95% of its bearers in the census have it: "Jimmy" is
male, "Maria" female, "Jordan" and "Jean" get none. Pronoun resolution uses it to keep "she"
away from Jimmy Lai; it decides nothing else.

    python scripts/build_given_names.py path/to/dist.male.first path/to/dist.female.first
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "pipelines" / "nlp" / "rules" / "given_names.tsv"
SHARE = 0.95


def read(path: str) -> dict[str, float]:
    shares = {}
    for line in open(path, encoding="ascii"):
        parts = line.split()
        if len(parts) >= 2:
            shares[parts[0].lower()] = float(parts[1])
    return shares


def main(male_path: str, female_path: str) -> int:
    male, female = read(male_path), read(female_path)
    rows = []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m / (m + f) >= SHARE:
            rows.append((name, "male"))
        elif f / (m + f) >= SHARE:
            rows.append((name, "female"))
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# given name (lower case) <TAB> gender; US Census Bureau 1990 name files, public domain;\n")
        out.write(f"# a gender only where >= {SHARE:.0%} of bearers have it. Built by scripts/build_given_names.py\n")
        for name, gender in rows:
            out.write(f"{name}\t{gender}\n")
    print(f"{len(rows)} names -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
