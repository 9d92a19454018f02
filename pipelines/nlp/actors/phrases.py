"""Reading the words around a name: countries, demonyms, roles and honorifics matched on
tokens ("Israeli Prime Minister", "Mr.", "Russia's foreign minister")."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from pipelines.nlp.actors.lexicon import Lexicon
from pipelines.nlp.doc_cache import tokens_text

DETERMINERS = {"the", "a", "an"}
POSSESSIVE_MARKS = {"'s", "\u2019s", "'", "\u2019"}
NAME_PARTICLES = {"bin", "ibn", "al", "el", "de", "da", "di", "du", "le", "la", "van", "von", "der", "den", "abu",
                  "abdel", "abd", "ben", "bint", "dos", "del", "-"}
TITLE_MODIFIERS = {"former", "then", "acting", "deputy", "outgoing", "incoming", "interim", "senior", "top",
                   "then-", "late", "veteran", "chief", "first", "vice", "new", "current", "embattled"}


def longest_match(doc: Doc, i: int, table: dict, limit: int, *, fold_case: bool = False, end: int | None = None):
    """The longest span doc[i:j] whose text is a key of `table`: (j, value) or (i, None)."""
    stop = min(len(doc), end if end is not None else len(doc), i + limit)
    for j in range(stop, i, -1):
        text = tokens_text(doc, i, j)
        key = text.lower() if fold_case else text
        if key in table:
            return j, table[key]
    return i, None


def longest_match_ending(doc: Doc, j: int, table: dict, limit: int, *, fold_case: bool = False, start: int = 0):
    """The longest span doc[i:j] ending at j whose text is in `table`: (i, value) or (j, None)."""
    for i in range(max(start, j - limit), j):
        text = tokens_text(doc, i, j)
        key = text.lower() if fold_case else text
        if key in table:
            return i, table[key]
    return j, None


def country_at(lex: Lexicon, doc: Doc, i: int, end: int | None = None) -> tuple[int, str | None, str]:
    """A country name or demonym starting at token i: (end, iso3, 'name'|'demonym')."""
    j, iso3 = longest_match(doc, i, lex.country_by_name, 5, end=end)
    if iso3:
        return j, iso3, "name"
    j, iso3 = longest_match(doc, i, lex.country_by_demonym, 3, end=end)
    if iso3:
        return j, iso3, "demonym"
    return i, None, ""


def role_at(lex: Lexicon, doc: Doc, i: int, end: int | None = None) -> tuple[int, str | None]:
    j, info = longest_match(doc, i, lex.roles, lex.role_max_words, fold_case=True, end=end)
    if info is not None:
        return j, doc[i:j].text.lower()
    # plural single-word roles ("officials", "ministers")
    tok = doc[i]
    if tok.tag_ in ("NNS", "NNPS") and tok.lemma_.lower() in lex.roles:
        return i + 1, tok.lemma_.lower()
    return i, None


# -- the title in front of a name ---------------------------------------------------------

@dataclass
class Title:
    start_tok: int
    role: str | None
    iso3: str | None
    iso3_start: int | None
    iso3_end: int | None
    gender: str | None
    body: tuple[int, int] | None = None  # the institution the role belongs to ("White House" press secretary)


def title_before(lex: Lexicon, doc: Doc, start: int, sent_start: int) -> Title:
    """Honorific, role and country written directly before a name ("Israeli Prime Minister",
    "Mr.", "U.S. Secretary of State", "Russia's foreign minister")."""
    i, role, iso3, c_start, c_end, gender, body = start, None, None, None, None, None, None
    if i > sent_start and doc[i - 1].text in lex.honorifics:
        gender = lex.honorifics[doc[i - 1].text]
        i -= 1
    elif i - 1 > sent_start and doc[i - 1].text == "." and doc[i - 2].text + "." in lex.honorifics:
        gender = lex.honorifics[doc[i - 2].text + "."]  # "Col" + "." split by the tokenizer
        i -= 2
    posting, posted = longest_match_ending(doc, i, lex.country_by_name, 5, start=sent_start)
    if posted and posting - 1 > sent_start and doc[posting - 1].lower_ == "to" \
            and longest_match_ending(doc, posting - 1, lex.roles, lex.role_max_words, fold_case=True, start=sent_start)[1]:
        i = posting - 1  # "U.S. Ambassador to Ukraine Geoffrey Pyatt": the posting is not the person's country
    k, found = longest_match_ending(doc, i, lex.roles, lex.role_max_words, fold_case=True, start=sent_start)
    if found is None:
        # a common noun from the wider agents dictionary ("lecturer Soli Ozel", "passenger X")
        k, found = longest_match_ending(doc, i, lex.agents, 3, fold_case=True, start=sent_start)
        if found is not None and not all(t.pos_ == "NOUN" and t.is_lower for t in doc[k:i]):
            found = None
    if found is not None:
        role = doc[k:i].text.lower()
        i = k
        while i > sent_start and doc[i - 1].lower_.rstrip("-") in TITLE_MODIFIERS:
            i -= 1
        i = topic_words_after_country(lex, doc, i, sent_start)
        # a country or demonym, possibly possessive ("Russia's"), or a city ("Abu Dhabi"),
        # possibly in front of the institution the role belongs to ("Chinese Foreign Ministry")
        j = i
        skipped = 0
        while j > sent_start and skipped < 3 and doc[j - 1].text[:1].isupper() and doc[j - 1].pos_ == "PROPN" \
                and doc[j - 1].text not in lex.country_by_demonym and doc[j - 1].text not in lex.country_by_name:
            j -= 1
            skipped += 1
        if skipped:
            body = (j, i)  # "State Department spokeswoman", "Chinese Foreign Ministry spokesman"
        if skipped and not (j > sent_start and (doc[j - 1].text in lex.country_by_demonym or doc[j - 1].text in POSSESSIVE_MARKS)):
            j = i
        if j > sent_start and doc[j - 1].text in POSSESSIVE_MARKS:
            j -= 1
        state = us_state_ending(lex, doc, j, sent_start)
        for table in (lex.country_by_name, lex.country_by_demonym):
            k2, value = longest_match_ending(doc, j, table, 5, start=sent_start)
            if value and not (state is not None and state < k2):  # "New Jersey" is not Jersey
                iso3, c_start, c_end, i = value, k2, j, k2
                break
        else:
            k2, value = longest_match_ending(doc, j, lex.city_country, 4, start=sent_start)
            if value and doc[k2].text[:1].isupper() and not (state is not None and state < k2):
                iso3, i = value[0], k2
            elif state is not None:
                iso3, i = "USA", state  # "New Jersey Gov. Chris Christie"
        while iso3 and i > sent_start and doc[i - 1].lower_.rstrip("-") in TITLE_MODIFIERS:
            i -= 1  # "former Turkish Ambassador": the title starts at "former"
    return Title(i, role, iso3, c_start, c_end, gender, body)


def topic_words_after_country(lex: Lexicon, doc: Doc, i: int, sent_start: int, limit: int = 3) -> int:
    """'U.S. [nuclear] negotiator', 'Ukrainian [security council spokesman] Col.': up to `limit`
    lower-case words between a country and a role say what the post is about. The start of
    those words when a country name, a demonym or a possessive comes right before them, else i."""
    j = i
    while j > sent_start and i - j < limit and doc[j - 1].is_lower and doc[j - 1].is_alpha \
            and doc[j - 1].pos_ in ("ADJ", "NOUN", "PROPN") and doc[j - 1].lower_ not in DETERMINERS:
        if doc[j - 1].lower_ in lex.relation_nouns or doc[j - 1].lower_ in lex.kinship:
            return i  # "Iranian ally President X", "the Saudi hostage X"
        j -= 1
    if j == i or j <= sent_start:
        return i
    before = doc[j - 1].text
    if before in POSSESSIVE_MARKS or before in lex.country_by_name or before in lex.country_by_demonym:
        return j
    return i


def us_state_ending(lex: Lexicon, doc: Doc, j: int, start: int = 0) -> int | None:
    """Start of a US state's name ending at token j ("New Hampshire"), or None."""
    for i in range(max(start, j - 3), j):
        if tokens_text(doc, i, j) in lex.us_states:
            return i
    return None


# -- analysing an entity span -------------------------------------------------------------

def strip_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading determiners and punctuation and a trailing possessive."""
    while start < end and (doc[start].lower_ in DETERMINERS or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVE_MARKS or doc[end - 1].is_punct):
        end -= 1
    return start, end


def split_prefix(lex: Lexicon, doc: Doc, start: int, end: int):
    """Inside an entity, peel off countries, cities, honorifics and roles in front of a name
    ("Abu Dhabi Crown Prince Mohammed bin Zayed"). Returns (name_start, role, iso3, countries, gender)."""
    role, iso3, gender, countries = None, None, None, []
    i = start
    while i < end - 1:
        if doc[i].text in lex.honorifics:
            gender = lex.honorifics[doc[i].text]
            i += 1
            continue
        j, found, how = country_at(lex, doc, i, end=end - 1)
        if found:
            iso3 = found
            countries.append((i, j, found, how))
            i = j
            if i < end and doc[i].text in POSSESSIVE_MARKS:
                i += 1
            continue
        j, city = longest_match(doc, i, lex.city_country, 3, end=end - 1)
        if city and j < end and role_at(lex, doc, j, end=end - 1)[1]:
            iso3 = city[0]
            i = j
            continue
        j, found_role = role_at(lex, doc, i, end=end - 1)
        if found_role and doc[i].text[:1].isupper() and not (j < end and doc[j].lower_ in lex.org_heads):
            # not "Justice" of "the U.S. Justice Department": a role word before an
            # organisation's head noun names the body
            role = found_role
            i = j
            continue
        if doc[i].lower_.rstrip("-") in TITLE_MODIFIERS and role_at(lex, doc, i + 1, end=end - 1)[1]:
            i += 1
            continue
        break
    return i, role, iso3, countries, gender


def looks_like_name(span: Span) -> bool:
    words = [t for t in span if not t.is_punct]
    if not words or len(words) > 8:
        return False
    if not any(t.text[:1].isupper() for t in words):
        return False
    return all(t.text[:1].isupper() or t.lower_ in NAME_PARTICLES or t.like_num or attached_to_hyphen(t) for t in words
               if t.text not in ("'s", "\u2019s"))


def attached_to_hyphen(token) -> bool:
    """'in' of 'Jae-in', 'wha' of 'Kyung-wha': the lower-case half of a hyphenated given name."""
    return token.i > 0 and token.doc[token.i - 1].text == "-" and not token.doc[token.i - 1].whitespace_
