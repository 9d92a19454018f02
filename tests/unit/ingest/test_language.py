from pipelines.ingest.build import RawArticle, SourceInfo, build_article
from pipelines.ingest.language import choose_language, detect_language

from .conftest import NEWS

SOURCE = SourceInfo("x.jsonl", "jsonl", "0" * 64, 10**6)
FRENCH = ("Les dirigeants des deux pays se sont réunis mardi à Genève pour discuter du cessez-le-feu. "
          "Le ministre des affaires étrangères a déclaré que les discussions avaient été constructives.")


def test_english_is_extracted_and_other_languages_are_kept_but_skipped():
    english = build_article(RawArticle(text=NEWS), SOURCE)
    french = build_article(RawArticle(text=FRENCH, language="en"), SOURCE)
    assert (english.language, english.skip_reason) == ("en", None)
    assert (french.language, french.skip_reason) == ("fr", "language:fr")


def test_short_bodies_trust_declared_language():
    assert choose_language("Bonjour à tous.", "en") == "en"
    assert choose_language("Bonjour à tous.", None) == detect_language("Bonjour à tous.")[0]
    assert detect_language("12345 !!! ...") == (None, 0.0)


def test_the_detector_can_be_released_and_reloads_when_needed():
    from pipelines.ingest.language import _identifier, release_detector

    detect_language(NEWS)
    assert _identifier.cache_info().currsize == 1
    release_detector()
    assert _identifier.cache_info().currsize == 0
    assert detect_language(FRENCH)[0] == "fr"
