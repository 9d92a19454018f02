"""Bytes to text: UTF-8 first, then a detected legacy encoding; binary files are refused."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of control characters (other than tab, newline, carriage return, form feed) above
# which decoded "text" is really binary data that happened to decode.
_MAX_CONTROL_SHARE = 0.05
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_LATIN_BLOCKS = frozenset({"Basic Latin", "Latin-1 Supplement", "General Punctuation", "Latin Extended-A",
                           "Latin Extended-B", "Latin Extended Additional", "Control character",
                           "Currency Symbols", "Letterlike Symbols"})
_REPLACED_RUN = re.compile("\ufffd+")
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class Decoded:
    text: str | None
    encoding: str | None
    reason: str | None = None     # empty | binary | undecodable, when text is None
    detail: str | None = None


def decode_bytes(data: bytes, *, html: bool = False) -> Decoded:
    """Decode a whole file. Never raises; a failure comes back as a reason."""
    if not data.strip():
        return Decoded(None, None, "empty", "the file has no content")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data, encoding)
    if b"\x00" in data[:65536]:
        return Decoded(None, None, "binary", "NUL bytes: not a text file")
    try:
        return _checked_text(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_html_charset(data) if html else None
    if declared:
        decoded = _checked(data, declared)
        if decoded.text is not None:
            return decoded
    broken = _corrupt_utf8(data)
    if broken:
        return Decoded(None, "utf-8", "undecodable", broken)
    return _detected(data)


def _corrupt_utf8(data: bytes) -> str | None:
    """Why data is UTF-8 with a few corrupt bytes, else None. Read as any legacy code page,
    such a file would turn every one of its valid accents and curly quotes into mojibake,
    so it is refused with the place of the first bad byte rather than stored garbled."""
    text = data.decode("utf-8", errors="replace")
    breaks = len(_REPLACED_RUN.findall(text))  # places where decoding broke
    valid = sum(1 for char in text if ord(char) > 127 and char != "\ufffd")
    if valid < 2 or valid < 2 * breaks:
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"invalid UTF-8 at byte {exc.start} ({breaks} bad spots, {valid} valid non-ASCII characters)"
    return None


def _declared_html_charset(data: bytes) -> str | None:
    match = _HTML_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _detected(data: bytes) -> Decoded:
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return Decoded(None, None, "undecodable", "no text encoding fits the bytes: probably binary")
    encoding = best.encoding
    # charset-normalizer cannot tell the Latin code pages apart on short texts and often says
    # cp1250 for cp1252: when the text is Latin-script and cp1252 decodes it, take cp1252,
    # by far the most common legacy encoding of English-language news.
    if encoding != "cp1252" and set(best.alphabets) <= _LATIN_BLOCKS:
        try:
            return _checked_text(data.decode("cp1252"), "cp1252")
        except UnicodeDecodeError:
            pass
    return _checked(data, encoding)


def _checked(data: bytes, encoding: str) -> Decoded:
    try:
        return _checked_text(data.decode(encoding), encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        return Decoded(None, None, "undecodable", f"{encoding}: {exc}"[:300])


def _checked_text(text: str, encoding: str) -> Decoded:
    if not text.strip():
        return Decoded(None, encoding, "empty", "only white space")
    controls = len(_CONTROL.findall(text))
    if controls / max(1, len(text)) > _MAX_CONTROL_SHARE:
        return Decoded(None, encoding, "binary", f"{controls} control characters in {len(text)}: not text")
    return Decoded(text, encoding)
