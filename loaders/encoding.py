"""Decode bytes of unknown encoding: UTF-8 (with or without BOM), GB18030/GBK, UTF-16, Big5."""
from __future__ import annotations

import codecs

from .article import LoadError


def decode_bytes(data: bytes, *, name: str = "<bytes>") -> str:
    """Decode ``data``; strict UTF-8 first because it never decodes GBK by accident."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # GB18030 is a superset of GBK and GB2312; most mainland files that are not UTF-8 are one of them.
    try:
        text = data.decode("gb18030")
        if _looks_like_chinese(text):
            return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise LoadError(f"{name}: cannot detect the text encoding (not UTF-8, GB18030 or another known one)")
    return str(best)


def _looks_like_chinese(text: str) -> bool:
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return han >= max(1, len(text.strip()) // 10)
