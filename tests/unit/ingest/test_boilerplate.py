import json
import random
import statistics

from pipelines.ingest.boilerplate import cut_boilerplate, explain_cuts, load_rules
from pipelines.ingest.files import parse_file
from pipelines.ingest.normalise import normalise_text

from .conftest import NEWS, SEED, SEED_GOLD, shared_file

# Rules allowed to drop a line longer than 300 characters: captions and sign-up widgets are
# long; links, share bars and subscription one-liners never are.
LONG_LINE_RULES = {"hide_caption", "wire_photo_credit", "agency_credit_suffix", "reuters_photo_credit",
                   "cnn_video_widget", "newsletter_signup", "signup_legalese", "cookie_notice",
                   "syndication_notice"}


def test_seed_body_ends_exactly_before_the_gold_marker():
    gold = json.loads(shared_file(SEED_GOLD).read_text(encoding="utf-8"))
    raw = normalise_text(shared_file(SEED).read_text(encoding="utf-8"))
    body, cut = cut_boilerplate(raw)
    marker = normalise_text(gold["body_ends_before"])
    expected = raw[: raw.index(marker)].rstrip()
    assert body == expected
    assert body.endswith("contributed to this report from Paris.")
    assert cut == len(raw) - len(body)
    for boilerplate in gold["boilerplate_markers"]:
        assert normalise_text(boilerplate) not in body
    for not_actor in gold["not_actors"]:
        assert not_actor not in body


def test_seed_that_lost_its_line_breaks_is_cut_at_a_sentence_start():
    raw = normalise_text(shared_file(SEED).read_text(encoding="utf-8").replace("\n\n", " "))
    body, _ = cut_boilerplate(raw)
    assert body.endswith("contributed to this report from Paris.")
    assert "Dear Reader" not in body and "free articles" not in body


def test_inline_markers_early_in_a_paragraph_do_not_cut():
    text = normalise_text("Dear Reader, this letter was read aloud in parliament. " + NEWS.replace("\n\n", " ") * 3)
    body, cut = cut_boilerplate(text)
    assert body == text and cut == 0


def test_seed_through_the_txt_reader(tmp_path):
    article = parse_file(shared_file(SEED)).articles[0]
    assert article.title == "Allô? Macron's telephone diplomacy offers insight into Putin"
    assert article.text.startswith("French President Emmanuel Macron has spoken")
    assert article.text.endswith("AP writers Sylvie Corbet and Elaine Ganley contributed to this report from Paris.")
    assert article.boilerplate_chars > 2000


def test_trailing_block_is_cut_from_the_marker():
    text = NEWS + "\n\nYou've read 3 of 5 free articles. Subscribe to continue.\n\nDear Reader,\n\nWe need you."
    body, cut = cut_boilerplate(normalise_text(text))
    assert body == normalise_text(NEWS) and cut > 0


def test_marker_at_the_top_drops_only_its_line():
    text = "Editor's note: This story has been updated with new figures.\n\n" + NEWS
    body, _ = cut_boilerplate(normalise_text(text))
    assert body == normalise_text(NEWS)


def test_weak_marker_mid_article_does_not_cut_the_news_after_it():
    later = "\n\n".join(f"Paragraph {i} reports what the minister said about the ceasefire talks." for i in range(40))
    text = NEWS + "\n\n" + later + "\n\nEditor's Note: ObamaCare Is About to Strike, Are You Prepared?\n\n" + later
    body, _ = cut_boilerplate(normalise_text(text))
    assert "Are You Prepared" not in body
    assert body.count("Paragraph 39 reports") == 2


def test_line_drops_anywhere():
    junk = [
        "Advertisement", "ADVERTISEMENT", "Story Continued Below", "Hide caption The minister arrives. Previous Next AP",
        "The minister arrives in Geneva on Tuesday. (AP Photo/Jane Doe)", "Photo: Getty Images",
        "Related: Ceasefire talks stall again", "Read more: What the deal means", "Share this article",
        "SHARE THIS ARTICLE Share Tweet Post Email", "Read this article in", "QR Code to Ceasefire talks",
        "Sign up for our daily newsletter", "We use cookies to improve your experience. Accept all cookies",
        "Copyright © 2019 The Washington Times, LLC. Click here for reprint permission.",
        "Subscribe now", "Enlarge this image toggle caption Evan Vucci/AP Evan Vucci/AP",
    ]
    paragraphs = normalise_text(NEWS).split("\n\n")
    mixed = "\n\n".join(p for pair in zip(paragraphs, junk) for p in pair) + "\n\n" + "\n\n".join(junk[3:])
    body, _ = cut_boilerplate(normalise_text(mixed))
    assert body == normalise_text(NEWS)


def test_news_paragraphs_that_mention_subscriptions_or_photos_stay():
    keep = [
        "Few in the government subscribe to the view that sanctions alone will end the war, officials said.",
        "More than 200 people were detained, according to the interior ministry.",
        "Photographs published by state media showed the damaged bridge, the agency said.",
        "Readers who subscribe to the newspaper's print edition will notice the change, its editor said on Monday.",
        "Share prices fell sharply in Tokyo after the announcement.",
        "Related talks in Vienna are expected to resume next week, diplomats said.",
        "The minister said cookies and other sweets were handed out to children at the border.",
    ]
    text = normalise_text("\n\n".join([NEWS, *keep]))
    body, cut = cut_boilerplate(text)
    assert body == text and cut == 0


def test_rules_are_data_and_compile():
    rules = load_rules()
    assert len(rules.markers) >= 5 and len(rules.drop_lines) >= 20


def test_rules_on_allsides_are_general(allsides):
    """On 300 real articles the cut is small for almost all, never most of an article, and long
    paragraphs are only cut by caption / widget rules."""
    rng = random.Random(11)
    sample = rng.sample(allsides, 300)
    fractions = []
    for article in sample:
        text = normalise_text(article["text"])
        body, cut = cut_boilerplate(text)
        fractions.append(cut / len(text))
        assert len(body.split()) >= 0.5 * len(text.split()), article["id"]
        for rule_id, line in explain_cuts(text):
            if len(line) > 300:
                assert rule_id in LONG_LINE_RULES | {"editors_note", "donor_appeal", "paywall_counter",
                                                     "dear_reader_letter"}, (rule_id, line[:200])
    assert max(fractions) <= 0.5
    assert statistics.median(fractions) < 0.02
    assert sorted(fractions)[int(0.95 * len(fractions))] < 0.2
    # and something is cut: the corpus carries known furniture
    assert sum(f > 0 for f in fractions) > 100


def test_allsides_paragraphs_with_subscribe_in_the_news_sense_survive(allsides):
    checked = 0
    for article in allsides:
        for paragraph in normalise_text(article["text"]).split("\n"):
            lowered = paragraph.lower()
            if " subscribe to the " in lowered and "newsletter" not in lowered and len(paragraph) > 200:
                body, _ = cut_boilerplate(normalise_text(NEWS) + "\n\n" + paragraph)
                assert paragraph in body
                checked += 1
    assert checked >= 3
