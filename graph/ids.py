"""Stable, readable node ids: the same entity gets the same id on every run and in every store.

An id is the tail of an IRI, so every character in it must be one an IRI allows in a path segment. Chinese and
other letters stay as they are (readable); everything else (spaces, brackets, slashes, controls, private-use
characters) is percent-encoded from its UTF-8 bytes. Encoding is one-to-one, so two names that differ after
normalisation never share an id (``a-b`` and ``a\\b`` stay two documents).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# RFC 3987 iunreserved: ASCII letters, digits and -._~, and the "ucschar" ranges (most of Unicode beyond
# ASCII, without controls, private use, surrogates and noncharacters)
_KEEP = re.compile(
    "[A-Za-z0-9\\-._~\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef"
    "\U00010000-\U0001fffd\U00020000-\U0002fffd\U00030000-\U0003fffd\U00040000-\U0004fffd"
    "\U00050000-\U0005fffd\U00060000-\U0006fffd\U00070000-\U0007fffd\U00080000-\U0008fffd"
    "\U00090000-\U0009fffd\U000a0000-\U000afffd\U000b0000-\U000bfffd\U000c0000-\U000cfffd"
    "\U000d0000-\U000dfffd\U000e1000-\U000efffd]+"
)


def _encode(text: str) -> str:
    if _KEEP.fullmatch(text):
        return text
    out = []
    pos = 0
    for m in _KEEP.finditer(text):
        out.append(_percent(text[pos:m.start()]))
        out.append(m.group())
        pos = m.end()
    out.append(_percent(text[pos:]))
    return "".join(out)


def _percent(text: str) -> str:
    return "".join(f"%{b:02X}" for b in text.encode("utf-8", "surrogatepass"))


@lru_cache(maxsize=1 << 16)  # names, bodies and posts recur in every report
def slug(text: str) -> str:
    """A path segment safe in an IRI that keeps Chinese readable: NFKC, 《》 and outer spaces dropped, every
    character an IRI path does not allow percent-encoded. One-to-one on the normalised text."""
    s = unicodedata.normalize("NFKC", text).strip()
    s = s.replace("《", "").replace("》", "")
    if not s:
        return "_"
    if s == "_":  # "_" stands for the empty name above
        return "%5F"
    out = _encode(s)
    # a final "." is legal in an IRI, but Turtle writers escape it as "\." and some readers (rdflib) reject that
    return out[:-1] + "%2E" if out.endswith(".") else out


def person_id(name: str, jurisdiction: str | None) -> str:
    """The id of a person of a jurisdiction (a division code, or ``press`` for reporters)."""
    return f"person/{jurisdiction or 'unknown'}/{slug(name)}"


def body_id(name: str, jurisdiction: str | None) -> str:
    """The id of a body by its qualified name."""
    return f"body/{jurisdiction or 'unknown'}/{slug(name)}"


def post_id(body_name: str | None, role: str, jurisdiction: str | None) -> str:
    """The id of a post: a role in a body."""
    return f"post/{jurisdiction or 'unknown'}/{slug(body_name or '-')}/{slug(role)}"


def meeting_id(body_name: str, jurisdiction: str | None, day: str | None, kind_key: str, *, fallback: str,
               series: str | None = None) -> str:
    """A numbered meeting is one per body, kind and number (its sittings on several days are parts of it); any
    other is one per body, day and kind; an undated one stays with the article that tells of it."""
    where = f"meeting/{jurisdiction or 'unknown'}/{slug(body_name)}"
    if series:
        return f"{where}/{slug(kind_key)}/{slug(series)}"
    return f"{where}/{slug(day or 'undated-' + fallback)}/{slug(kind_key)}"


def document_id(title: str) -> str:
    """The id of a document by its normalised title."""
    return f"document/{slug(normalise_title(title))}"


def article_id(article_key: str) -> str:
    """The id of an article by its key (day and text digest)."""
    return f"article/{slug(article_key)}"


def normalise_title(title: str) -> str:
    """Titles compare without spaces and with one form of brackets and dashes."""
    s = unicodedata.normalize("NFKC", title)
    s = re.sub(r"\s+", "", s).replace("〈", "<").replace("〉", ">").replace("—", "-").replace("–", "-")
    return s
