"""JSON Lines: one article a line, with ``text`` and optional ``title``, ``date``, ``source``, ``url``."""
from __future__ import annotations

import json

from .article import Article, LoadError
from .pubdate import parse_date
from .textpage import split_page


def read_jsonl(raw: str, *, source: str, place: str | None = None, errors: list | None = None) -> list[Article]:
    """Articles from JSON Lines text; a bad line is reported in ``errors`` and skipped, never fatal."""
    out: list[Article] = []
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not rec["text"].strip():
                raise LoadError("no 'text' field")
        except (json.JSONDecodeError, LoadError) as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            if errors is None:
                raise LoadError(f"{source}:{n}: {reason}") from exc
            errors.append(LoadError(f"{source}:{n}: {reason}"))
            continue
        published = parse_date(rec.get("date") or rec.get("published"))
        # the title goes on top unless the text already gives it in its first lines (新闻联播 date, then title)
        head = rec["text"].lstrip().split("\n", 3)[:3]
        text = rec["text"] if not rec.get("title") or rec["title"] in head else f"{rec['title']}\n{rec['text']}"
        for art in split_page(text, source=f"{source}:{n}", published=published, place=place):
            art.title = art.title or rec.get("title")
            art.newspaper = rec.get("source") or rec.get("newspaper")
            art.url = rec.get("url")
            out.append(art)
    return out
