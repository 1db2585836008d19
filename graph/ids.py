"""Stable, readable node ids: the same entity gets the same id on every run and in every store."""
from __future__ import annotations

import re
import unicodedata

_UNSAFE = re.compile(r"[\s<>\"{}|\\^`#?%/]+")


def slug(text: str) -> str:
    """A path segment safe in an IRI that keeps Chinese readable: NFKC, no spaces or IRI delimiters."""
    s = unicodedata.normalize("NFKC", text).strip()
    s = s.replace("《", "").replace("》", "")
    return _UNSAFE.sub("-", s).strip("-") or "_"


def person_id(name: str, jurisdiction: str | None) -> str:
    return f"person/{jurisdiction or 'unknown'}/{slug(name)}"


def body_id(name: str, jurisdiction: str | None) -> str:
    return f"body/{jurisdiction or 'unknown'}/{slug(name)}"


def post_id(body_name: str | None, role: str, jurisdiction: str | None) -> str:
    return f"post/{jurisdiction or 'unknown'}/{slug(body_name or '-')}/{slug(role)}"


def meeting_id(body_name: str, jurisdiction: str | None, day: str | None, kind_key: str, *, fallback: str,
               series: str | None = None) -> str:
    """A numbered meeting is one per body, kind and number (its sittings on several days are parts of it); any
    other is one per body, day and kind; an undated one stays with the article that tells of it."""
    where = f"meeting/{jurisdiction or 'unknown'}/{slug(body_name)}"
    if series:
        return f"{where}/{slug(kind_key)}/{slug(series)}"
    return f"{where}/{day or 'undated-' + fallback}/{slug(kind_key)}"


def document_id(title: str) -> str:
    return f"document/{slug(normalise_title(title))}"


def article_id(article_key: str) -> str:
    return f"article/{slug(article_key)}"


def normalise_title(title: str) -> str:
    """Titles compare without spaces and with one form of brackets and dashes."""
    s = unicodedata.normalize("NFKC", title)
    s = re.sub(r"\s+", "", s).replace("〈", "<").replace("〉", ">").replace("—", "-").replace("–", "-")
    return s
