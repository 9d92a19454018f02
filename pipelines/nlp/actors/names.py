"""Name normalisation and the keys that make an actor the same across articles."""

from __future__ import annotations

import hashlib
import re
import unicodedata

INITIAL = re.compile(r"[a-z]\.?")  # folded: "e." of "leon e. panetta"
INITIALS = re.compile(r"(?:[a-z]\.)+|[a-z]")  # folded: "w.", "h.w."
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u2010": "-", "\u2011": "-",
                              "\u2013": "-", "\u2014": "-"})


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form used for dictionary lookups and keys."""
    text = text.translate(_APOSTROPHES)
    if not text.isascii():  # ASCII has no accents to strip (most lookups: skip the slow part)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.strip()
    if text.endswith("'"):
        text = text[:-1]
    elif text.endswith("'s"):
        text = text[:-2]
    return " ".join(text.split()).lower()  # runs of white space as one space


def canonical_key(kind: str, name: str, initials: bool = False) -> str:
    """person:<folded full name>, organization:<folded name>, country:<ISO3>, group:<name>.
    A person's one middle initial is left out, so "Leon E. Panetta" in one article and "Leon
    Panetta" in another are one actor; "George H.W. Bush" keeps his two. `initials` keeps it
    (two people of one article whose names differ only there)."""
    if kind == "country":
        return f"country:{name.upper()}"
    folded = fold(name)
    if folded.startswith("the "):
        folded = folded[4:]
    if kind == "person" and not initials:
        words = folded.split()
        middle = [k for k in range(1, len(words) - 1) if INITIAL.fullmatch(words[k])]
        if len(words) >= 3 and len(middle) == 1:
            folded = " ".join(w for k, w in enumerate(words) if k != middle[0])
    return f"{kind}:{folded}"


def actor_id(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def smart_title(name: str) -> str:
    """'JEAN-YVES LE DRIAN' -> 'Jean-Yves Le Drian'; short single words stay upper (acronyms)."""
    if " " not in name and len(name) <= 5 and "-" not in name:
        return name.upper()
    small = {"of", "the", "and", "for", "de", "bin", "al", "von", "der", "van", "on", "in"}
    words = []
    for i, word in enumerate(name.split()):
        if i and word.lower() in small:
            words.append(word.lower())
        else:
            words.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(words)
