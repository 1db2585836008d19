"""A free CJK font cut down to the characters one page uses, so Chinese reads on a machine without Chinese fonts.

The font is Noto Sans SC (SIL Open Font License 1.1) as the PyPI package ``pylopdf-fonts-zh-cn`` ships it (the
upstream noto-cjk file, its source revision and checksum recorded in the package); ``GOVGRAPH_CJK_FONT`` may name
another OpenType/TrueType file. fontTools' subsetter keeps only the glyphs of the page's characters and writes
WOFF2 (WOFF for a page of thousands of characters), which the page carries as a data: URL (its CSP allows fonts
from data: only). A subset is kept in a cache folder under its characters' digest, so drawing the same page again
costs nothing.
"""
from __future__ import annotations

import base64
import hashlib
import io
import os
from functools import lru_cache
from pathlib import Path

FAMILY = "govgraph-cjk"
# Always in the subset, whatever the page's data holds: the page's own words and printable ASCII.
_ALWAYS = "".join(chr(c) for c in range(0x20, 0x7F)) + "…·→–—×“”‘’（）《》、，。：；！？"


def font_source() -> Path | None:
    """The font file to cut subsets from: GOVGRAPH_CJK_FONT, else Noto Sans SC from its PyPI package."""
    given = os.environ.get("GOVGRAPH_CJK_FONT")
    if given:
        return Path(given) if Path(given).is_file() else None
    try:
        import pylopdf_fonts_zh_cn
    except ImportError:
        return None
    path = Path(pylopdf_fonts_zh_cn.sans_path())
    return path if path.is_file() else None


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "govgraph" / "fonts"


def page_chars(*texts: str) -> str:
    """The characters a font must cover for these texts (plus the page's own), sorted, each once."""
    chars = set(_ALWAYS)
    for t in texts:
        chars.update(t)
    return "".join(sorted(c for c in chars if c.isprintable() and c != "\ufffd"))


WOFF2_MAX = 1000  # above this many characters, zlib WOFF: Brotli at its best takes seconds on a big subset


def flavor_for(chars: str) -> str:
    """WOFF2 for the usual page; WOFF (zlib, 10-15% larger, written 2-3x faster) for one using thousands of
    characters, so the first page of a big store is not kept waiting on compression."""
    return "woff2" if len(chars) <= WOFF2_MAX else "woff"


def subset_font(chars: str, source: Path | None = None) -> bytes | None:
    """The font cut down to the glyphs for ``chars`` (as ``flavor_for`` says); None when there is no font."""
    source = source or font_source()
    if source is None:
        return None
    stat = source.stat()
    key = hashlib.sha256(f"{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{chars}".encode()).hexdigest()
    return _cached(key, chars, str(source))


@lru_cache(maxsize=8)
def _cached(key: str, chars: str, source: str) -> bytes:
    path = _cache_dir() / f"{key[:32]}.{flavor_for(chars)}"
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = _subset(chars, source)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError:  # a read-only home only costs the next page the same work
        pass
    return data


def _subset(chars: str, source: str) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    opts = subset.Options()
    opts.flavor = flavor_for(chars)
    opts.layout_features = ["kern", "liga", "locl", "vert", "palt"]
    opts.hinting = False  # browsers on screens do fine without; it saves a fifth of the bytes
    opts.desubroutinize = True  # faster to write and smaller once compressed
    opts.notdef_outline = True
    opts.name_IDs = ["*"]  # keeps the copyright and the OFL notice (name IDs 0, 13, 14) with the glyphs
    opts.name_languages = ["*"]
    font = TTFont(source, lazy=True)
    sub = subset.Subsetter(opts)
    sub.populate(text=chars)
    sub.subset(font)
    buf = io.BytesIO()
    font.flavor = opts.flavor
    font.save(buf)
    return buf.getvalue()


def font_face_css(chars: str) -> str:
    """An @font-face rule carrying the subset as a data: URL, or "" when no font is available."""
    data = subset_font(chars)
    if data is None:
        return ""
    b64 = base64.b64encode(data).decode("ascii")
    kind = flavor_for(chars)
    return (f'@font-face {{ font-family: "{FAMILY}"; font-style: normal; font-weight: 400; font-display: block; '
            f'src: url(data:font/{kind};base64,{b64}) format("{kind}"); }}')
