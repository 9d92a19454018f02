import pytest

from pipelines.evaluation.quotes import overlap_ratio, score_quotes

ARTICLE = (
    'The minister said “we will not give up the fight,” to reporters. '
    'Critics said the plan would fail. Officials, speaking anonymously, said talks had stalled. '
    'Smith added that “dialogue” was welcome.'
)
GOLD = {
    "actors": [{"name": "John Smith", "kind": "person", "aliases": ["Mr. Smith", "the minister"]}],
    "quotes": [
        {"text": "we will not give up the fight,", "speaker": "John Smith", "kind": "direct"},
        {"text": "talks had stalled", "speaker": "officials", "speaker_kind": "anonymous", "kind": "indirect"},
    ],
    "optional_quotes": [{"text": "the plan would fail", "speaker": "critics"}],
}


def span_of(text, article=ARTICLE):
    start = article.index(text)
    return {"start": start, "end": start + len(text), "text": text}


def quote(text, speaker=None, speaker_kind="named", **extra):
    return {**span_of(text), "speaker": speaker, "speaker_kind": speaker_kind, **extra}


def test_overlap_is_a_share_of_the_longer_span():
    assert overlap_ratio((0, 10), (0, 10)) == 1.0
    assert overlap_ratio((0, 10), (5, 25)) == 0.25
    assert overlap_ratio((0, 10), (10, 20)) == 0.0


def test_exact_predictions_with_quote_marks_match_and_speakers_are_judged():
    predicted = [
        quote("“we will not give up the fight,”", "Smith"),      # includes the quote marks
        quote("talks had stalled", "Officials", "anonymous"),
    ]
    score = score_quotes(predicted, GOLD, ARTICLE, tau=0.8)
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (2, 0, 0)
    assert score.speakers.hits == 2 and score.speakers.total == 2


def test_tau_decides_partial_overlaps():
    partial = [quote("we will not give")]          # 16 of 30 characters
    assert score_quotes(partial, GOLD, ARTICLE, tau=0.3).counts.tp == 1
    strict = score_quotes(partial, GOLD, ARTICLE, tau=0.8)
    assert (strict.counts.tp, strict.counts.fp, strict.counts.fn) == (0, 1, 2)


def test_each_gold_matches_at_most_once_largest_overlap_first():
    predicted = [quote("we will not give"), quote("we will not give up the fight")]
    score = score_quotes(predicted, GOLD, ARTICLE, tau=0.3)
    assert (score.counts.tp, score.counts.fp) == (1, 1)
    assert score.pairs == [(1, 0)]


def test_optional_quotes_are_neither_credited_nor_penalised_and_scare_quotes_cost():
    predicted = [quote("the plan would fail"), quote("dialogue")]
    score = score_quotes(predicted, GOLD, ARTICLE, tau=0.3)
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (0, 1, 2)


def test_wrong_speakers():
    predicted = [quote("we will not give up the fight,", "Jones"),
                 quote("talks had stalled", "Officials", "named")]
    score = score_quotes(predicted, GOLD, ARTICLE, tau=0.3)
    assert score.speakers.hits == 0 and score.speakers.total == 2


@pytest.mark.parametrize("speaker, right", [
    ("John Smith", True), ("john smith", True), ("Smith", True), ("Mr. Smith", True),
    ("the minister", True), ("John", False), ("Jane Smith", False), (None, False),
])
def test_speaker_forms(speaker, right):
    score = score_quotes([quote("we will not give up the fight,", speaker)], GOLD, ARTICLE, tau=0.3)
    assert score.speakers.hits == int(right)


def test_named_prediction_for_anonymous_gold_is_wrong_and_vice_versa():
    anon_gold = {**GOLD, "quotes": GOLD["quotes"][1:]}
    assert score_quotes([quote("talks had stalled", "officials", "named")], anon_gold, ARTICLE, 0.3).speakers.hits == 0
    named_gold = {**GOLD, "quotes": GOLD["quotes"][:1]}
    assert score_quotes([quote("we will not give up the fight,", "Smith", "anonymous")], named_gold, ARTICLE, 0.3).speakers.hits == 0


def test_predictions_without_offsets_are_located_by_text_and_unlocatable_gold_is_reported():
    gold = {**GOLD, "quotes": GOLD["quotes"] + [{"text": "never said anywhere", "speaker": "x"}]}
    score = score_quotes([{"text": "talks had stalled", "speaker_kind": "anonymous"}], gold, ARTICLE, 0.8)
    assert (score.counts.tp, score.counts.fn) == (1, 2)
    assert score.unlocated_gold == ["never said anywhere"]


def test_repeated_gold_text_can_match_either_occurrence_but_only_once():
    article = 'He said “yes,” and she said “yes,” too.'
    gold = {"actors": [], "quotes": [{"text": "yes,", "speaker": "a"}]}
    second = article.rindex("yes,")
    predicted = [{"start": second, "end": second + 4}, {"start": article.index("yes,"), "end": article.index("yes,") + 4}]
    score = score_quotes(predicted, gold, article, 0.8)
    assert (score.counts.tp, score.counts.fp) == (1, 1)


def test_offsets_survive_white_space_folding():
    article = "Intro.\n\n\nShe  said\u00a0“stop   the war now,” loudly."
    gold = {"actors": [], "quotes": [{"text": "stop the war now,", "speaker": "a"}]}
    start = article.index("stop")
    score = score_quotes([{"start": start, "end": article.index("”")}], gold, article, 0.95)
    assert score.counts.tp == 1


def test_an_optional_quote_excuses_one_prediction_only():
    predicted = [quote("the plan would fail"), quote("the plan would fail")]
    score = score_quotes(predicted, GOLD, ARTICLE, tau=0.3)
    assert (score.counts.tp, score.counts.fp) == (0, 1)
    assert score.optional == {0}


def test_overlap_exactly_at_tau_matches():
    # 15 of the 30 gold characters: exactly half of the longer span.
    start = ARTICLE.index("we will not give up the fight,")
    predicted = [{"start": start, "end": start + 15}]
    assert score_quotes(predicted, GOLD, ARTICLE, tau=0.5).counts.tp == 1
    assert score_quotes(predicted, GOLD, ARTICLE, tau=0.51).counts.tp == 0
