"""The spaCy component that finds, clusters and codes the actors of an article."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipelines.nlp.actors.cluster import ActorBuilder, actor_record, sweep_surnames
from pipelines.nlp.actors.describe import describe
from pipelines.nlp.actors.lexicon import load_lexicon
from pipelines.nlp.actors.mentions import find_candidates
from pipelines.nlp.actors.story import dateline, outside_dateline, place_actors, story_country
from pipelines.nlp.doc_cache import doc_text, sentences as doc_sentences


def analyse_actors(doc: Doc, published, body_end: int) -> tuple[list[dict], list[dict], list[dict]]:
    """(actors, mentions, descriptions) as plain data; mentions point to actors by index."""
    lex = load_lexicon()
    candidates = find_candidates(lex, doc, body_end)
    actors = ActorBuilder(lex, published).build(candidates)
    where = dateline(doc_text(doc), body_end)
    actors = outside_dateline(actors, where[:2] if where else None)
    sweep_surnames(doc, actors, body_end)
    descriptions = describe(lex, doc, actors, body_end)
    sentences = doc_sentences(doc)
    place_actors(actors, story_country(actors, where[2] if where else None), sentences.index_of_token,
                 dateline_country=where[2] if where else None)
    records, mentions, index_of = [], [], {}
    for actor in actors:
        rec = actor_record(actor)
        if rec["actor_id"] in index_of and actor.kind == "person":
            rec = actor_record(actor, initials=True)  # "John A. Smith" and "John B. Smith": two people
        index = index_of.get(rec["actor_id"])
        if index is None:  # else one actor reached twice ("European Union" and "The EU"): merged
            index = index_of[rec["actor_id"]] = len(records)
            rec["gender"] = gender_of(lex, actor)
            records.append(rec)
        for m in actor.mentions:
            sent_i = sentences.index_of_token(m.start_tok)
            sent = sentences.spans[sent_i]
            mentions.append({
                "start": m.start, "end": m.end, "surface": m.surface, "mention_kind": m.mention_kind,
                "actor": index, "kind": actor.kind, "sector": m.sector_hint,
                "sentence_index": sent_i,
                "sentence_start": sent.start_char, "sentence_end": sent.end_char,
                "token": m.start_tok, "token_end": m.end_tok,
            })
    mentions.sort(key=lambda m: (m["start"], -m["end"]))
    return records, mentions, descriptions


def gender_of(lex, actor) -> str | None:
    """A person's gender as the article shows it: an honorific ("Ms."), a gendered role noun
    ("the spokeswoman", "his son"), else a given name that the census gives one gender."""
    if actor.kind != "person":
        return None
    said = next((m.gender for m in actor.mentions if m.gender), None)
    if said:
        return said
    by_role = next((lex.gendered_nouns[noun] for m in actor.mentions
                    for noun in (m.role, m.extras.get("kin_noun")) if noun in lex.gendered_nouns), None)
    if by_role:
        return by_role
    full = max((m.name.split() for m in actor.mentions if m.name), key=len, default=[])
    return lex.given_names.get(full[0].lower()) if len(full) >= 2 else None


class ActorsComponent:
    def __init__(self, nlp: Language):
        load_lexicon()  # fail early, and share the tables with forked workers

    def __call__(self, doc: Doc) -> Doc:
        from pipelines.nlp.pipeline import published_of

        body_end = doc._.pw_body_end if doc._.pw_body_end is not None else len(doc.text)
        actors, mentions, descriptions = analyse_actors(doc, published_of(doc), body_end)
        doc._.pw_actors = actors
        doc._.pw_mentions = mentions
        doc._.pw_descriptions = descriptions
        return doc
