"""Pick a loader by file type; read files into Articles, reporting bad files without stopping."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .article import Article, LoadError
from .encoding import decode_bytes
from .htmlpage import html_to_text
from .jsonlines import read_jsonl
from .pubdate import date_from_name, date_from_text_head
from .textpage import split_page


def _load_text(path: Path, raw: str, published, place, errors):
    # a date line at the top (a TV transcript's broadcast day, a masthead) speaks for the text; a file name
    # may carry the day it was filed instead
    published = published or date_from_text_head(raw) or date_from_name(path.name)
    return split_page(raw, source=path.name, published=published, place=place)


def _load_html(path: Path, raw: str, published, place, errors):
    text, meta = html_to_text(raw)
    published = published or meta.get("date") or date_from_name(path.name) or date_from_text_head(text)
    arts = split_page(text, source=path.name, published=published, place=place)
    for a in arts:
        a.title = a.title or meta.get("title")
    return arts


def _load_jsonl(path: Path, raw: str, published, place, errors):
    arts = read_jsonl(raw, source=path.name, place=place, errors=errors)
    for a in arts:
        a.published = published or a.published
    return arts


LOADERS = {".txt": _load_text, ".text": _load_text, ".html": _load_html, ".htm": _load_html,
           ".jsonl": _load_jsonl, ".ndjson": _load_jsonl}


@dataclass
class LoadResult:
    """What one file gave: its articles, and problems with parts of it."""

    path: Path
    articles: list[Article] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)


def load_path(path, *, published: date | None = None, place: str | None = None) -> LoadResult:
    """Load one file; raises LoadError with a reason when the whole file is unusable."""
    path = Path(path)
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        raise LoadError(f"{path}: unsupported file type {path.suffix or '(none)'}; "
                        f"expected one of {', '.join(sorted(LOADERS))}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"{path}: {exc.strerror or exc}") from exc
    if not data.strip():
        raise LoadError(f"{path}: empty file")
    raw = decode_bytes(data, name=str(path))
    result = LoadResult(path)
    result.articles = loader(path, raw, published, place, result.errors)
    if not result.articles and not result.errors:
        raise LoadError(f"{path}: no article text found")
    return result


def load_paths(paths, *, published=None, place=None):
    """Yield a LoadResult or a LoadError per path, so one bad file never stops a batch."""
    for p in paths:
        try:
            yield load_path(p, published=published, place=place)
        except LoadError as exc:
            yield exc
