"""Text normalisation and the article id: the same words give the same article."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Spaces that are not U+0020 after NFKC (NFKC already maps most of them; these survive it).
_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u180e]")
# Zero-width characters and BOMs: invisible, and they split words for every later step.
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
# Control characters (C0, DEL, C1) except tab and newline, plus lone surrogates and
# the Unicode line/paragraph separators that would otherwise survive as odd line breaks.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_UNICODE_LINE_BREAKS = re.compile(r"[\u2028\u2029\x85]")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
_INNER_SPACES = re.compile(r"(?<=\S) {2,}")


def normalise_text(text: str) -> str:
    """NFKC, plain spaces, LF line ends, no control characters, at most one blank line in a row."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _UNICODE_LINE_BREAKS.sub("\n", text)
    text = unicodedata.normalize("NFKC", text)
    text = _ZERO_WIDTH.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    text = _CONTROL.sub("", text)
    text = _INNER_SPACES.sub(" ", text)
    text = _TRAILING_SPACE.sub("", text)
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip("\n ")


def fold_for_identity(text: str) -> str:
    """Whitespace folded and casefolded: trivial reformatting must not make a new article."""
    return " ".join(text.split()).casefold()


def article_id_for(normalised_body: str) -> str:
    """First 16 hex characters of the sha256 of the folded body."""
    return hashlib.sha256(fold_for_identity(normalised_body).encode("utf-8")).hexdigest()[:16]


def word_count(text: str) -> int:
    return len(text.split())
