"""JSON Lines: one article a line, with ``text`` and optional ``title``, ``date``, ``source``, ``url``.

Read one line at a time, so a feed of a million items never sits in memory. A line that is not a usable record
is reported with its line number and reason and skipped; a record with one bad field keeps the rest of it.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from .article import Article, LoadError
from .encoding import clean_text, decode_report, replace_surrogates
from .pubdate import parse_date
from .textpage import split_page

_TEXT_FIELDS = ("title", "source", "newspaper", "url")


def read_jsonl(raw: str, *, source: str, place: str | None = None, errors: list | None = None) -> list[Article]:
    """Articles from JSON Lines text; a bad line is reported in ``errors`` and skipped, never fatal."""
    out: list[Article] = []
    for item in iter_jsonl(enumerate(raw.splitlines(), 1), source=source, place=place):
        if isinstance(item, Article):
            out.append(item)
        elif errors is None:
            raise item
        else:
            errors.append(item)
    return out


def iter_jsonl(lines: Iterable[tuple[int, str | bytes]], *, source: str,
               place: str | None = None) -> Iterator[Article | LoadError]:
    """Articles, and a LoadError for each line or field that could not be read, from numbered lines."""
    for n, line in lines:
        yield from read_line(line, n, source=source, place=place)


def read_line(line: str | bytes, n: int, *, source: str, place: str | None = None) -> Iterator[Article | LoadError]:
    """The articles of line ``n`` (usually one), with a LoadError for each problem found in it."""
    where = f"{source}:{n}"
    if isinstance(line, bytes):
        data = line
        try:
            line = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                decoded = decode_report(data, name=where)
            except LoadError as exc:
                yield exc
                return
            line = decoded.text
            yield from (LoadError(f"{where}: {r}") for r in decoded.repairs)
    line = line.lstrip("\ufeff")
    if not line.strip():
        return
    try:
        rec = json.loads(line)
    except RecursionError:
        yield LoadError(f"{where}: JSON nested too deeply to read")
        return
    except ValueError as exc:  # JSONDecodeError, and numbers of thousands of digits
        yield LoadError(f"{where}: {exc.msg if isinstance(exc, json.JSONDecodeError) else 'a number too long to read'}")
        return
    if not isinstance(rec, dict):
        yield LoadError(f"{where}: not a JSON object with a 'text' field")
        return
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        yield LoadError(f"{where}: no 'text' field" if text is None else f"{where}: no usable 'text' field")
        return
    fields: dict[str, str | None] = {}
    for key in _TEXT_FIELDS:
        value = rec.get(key)
        if value is None or isinstance(value, str):
            fields[key] = value
        else:
            fields[key] = None
            yield LoadError(f"{where}: '{key}' is {_kind(value)}, not text; left out")
    text, problems = _clean(text, "text")
    yield from (LoadError(f"{where}: {p}") for p in problems)
    for key, value in fields.items():
        if value:
            fields[key], problems = _clean(value, key)
            yield from (LoadError(f"{where}: {p}") for p in problems)
    day = rec.get("date") or rec.get("published")
    published = parse_date(day) if isinstance(day, str) else None
    title = fields["title"]
    # the title goes on top unless the text already gives it in its first lines (新闻联播 date, then title)
    if title and title not in text.lstrip().split("\n", 3)[:3]:
        text = f"{title}\n{text}"
    for art in split_page(text, source=where, published=published, place=place):
        art.title = art.title or title
        art.newspaper = fields["source"] or fields["newspaper"]
        art.url = fields["url"]
        yield art


def _clean(value: str, key: str) -> tuple[str, list[str]]:
    problems = []
    value, lone = replace_surrogates(value)
    if lone:
        problems.append(f"'{key}' has {lone} lone surrogate(s) (not characters); replaced with U+FFFD")
    value, dropped = clean_text(value)
    if dropped:
        problems.append(f"'{key}' has {dropped} control character(s); removed")
    return value, problems


def _kind(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    return "a list" if isinstance(value, list) else "an object"
