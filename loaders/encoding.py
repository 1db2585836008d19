"""Bytes of unknown encoding to clean text: UTF-8 (with or without BOM), GB18030/GBK, UTF-16, Big5.

Scraped files carry every kind of damage: a bad byte after a BOM, UTF-16 cut at an odd byte, control characters,
lone surrogates from JSON escapes, file names in GBK bytes. Nothing here raises on damage it can repair: it
repairs, and says what it repaired, so that one bad byte never costs a whole file.
"""
from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field

from .article import LoadError

# C0 controls except tab, newline and carriage return; DEL; C1 controls; lone surrogates; the two
# noncharacters U+FFFE/U+FFFF. None of them is text: a report never needs them, and stores and XML refuse some.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# what a terminal must not receive raw: every control character (newlines too: a name is one line), bidi
# overrides that reorder what follows, lone surrogates (they cannot even be encoded)
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@dataclass
class Decoded:
    """Text decoded from bytes, and what had to be repaired on the way (empty when nothing)."""

    text: str
    encoding: str
    repairs: list[str] = field(default_factory=list)


def decode_bytes(data: bytes, *, name: str = "<bytes>") -> str:
    """Decode ``data``; strict UTF-8 first because it never decodes GBK by accident. Damage is repaired."""
    return decode_report(data, name=name).text


def decode_report(data: bytes, *, name: str = "<bytes>") -> Decoded:
    """Decode ``data`` and say what was repaired (bytes that are not text in the encoding found, control
    characters dropped). Raises LoadError only when no encoding fits at all."""
    decoded = _decode(data, name)
    text, dropped = clean_text(decoded.text)
    if dropped:
        decoded.repairs.append(f"{dropped} control character(s) removed")
    decoded.text = text
    return decoded


def _decode(data: bytes, name: str) -> Decoded:
    if data.startswith(codecs.BOM_UTF8):
        return _lenient(data[len(codecs.BOM_UTF8):], "utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _lenient(data, "utf-16")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    # UTF-8 that is nearly right (one bad byte in a long file) is UTF-8 with a repair, not another encoding
    if _mostly_utf8(data):
        return _lenient(data, "utf-8")
    # GB18030 is a superset of GBK and GB2312; most mainland files that are not UTF-8 are one of them.
    try:
        text = data.decode("gb18030")
        if _looks_like_chinese(text):
            return Decoded(text, "gb18030")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise LoadError(f"{name}: cannot detect the text encoding (not UTF-8, GB18030 or another known one)")
    return Decoded(str(best), best.encoding)


def _lenient(data: bytes, encoding: str) -> Decoded:
    """Decode, replacing what is not text in ``encoding`` with U+FFFD, and say where the first bad byte was."""
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError as exc:
        text = data.decode(encoding, errors="replace")
        bad = text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")
        return Decoded(text, encoding, [f"{max(bad, 1)} byte sequence(s) not valid {encoding.upper()} "
                                        f"(first at byte {exc.start}) replaced with U+FFFD"])


def _mostly_utf8(data: bytes) -> bool:
    """Many characters that only UTF-8 decodes as Chinese, and a handful of bad bytes: damaged UTF-8.
    (GBK read as UTF-8 gives almost no Chinese and a bad byte at nearly every character.)"""
    text = data.decode("utf-8", errors="replace")
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return han >= 20 * max(1, text.count("\ufffd"))


def _looks_like_chinese(text: str) -> bool:
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return han >= max(1, len(text.strip()) // 10)


def clean_text(text: str) -> tuple[str, int]:
    """``text`` without characters that are not text (controls, lone surrogates, U+FFFE/U+FFFF), and how many
    were removed. Form feeds and vertical tabs become line breaks: they separate pages or lines."""
    if not _NOT_TEXT.search(text):
        return text, 0
    text = text.replace("\x0c", "\n").replace("\x0b", "\n")
    cleaned, n = _NOT_TEXT.subn("", text)
    return cleaned, n


def replace_surrogates(text: str) -> tuple[str, int]:
    """Lone surrogates (from a JSON ``\\ud800`` escape) replaced with U+FFFD, and how many there were."""
    return _SURROGATE.subn("\ufffd", text)


def visible(text: str) -> str:
    """``text`` safe to show on a terminal or in a one-line message: control characters, bidi overrides and
    lone surrogates written as escapes (``\\x1b``, ``\\n``, ``\\u202e``), everything else as it is."""
    if not _UNSHOWABLE.search(text):
        return text
    return _UNSHOWABLE.sub(_escape, text)


def _escape(m: re.Match) -> str:
    ch = m.group()
    special = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if ch in special:
        return special[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def display_name(path: os.PathLike | str) -> str:
    """A file name as a person reads it: bytes that are not UTF-8 (a GBK name on a UTF-8 file system) decoded
    as GB18030 where they fit, and control characters shown as escapes."""
    raw = os.fsencode(os.fspath(path))
    for encoding in ("utf-8", "gb18030"):
        try:
            return visible(raw.decode(encoding))
        except UnicodeDecodeError:
            continue
    return visible(raw.decode("utf-8", errors="replace"))


_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_FULL_WIDTH_DIGIT = re.compile("[０-９]")


def ascii_digits(text: str) -> str:
    """``text`` with full-width digits (print's １２月６日) written ASCII; the same length. Most texts have none,
    and translate is slow on Chinese text, so it runs only when one is there."""
    return text.translate(_DIGITS) if _FULL_WIDTH_DIGIT.search(text) else text
