"""JSON Lines: one article a line, with ``text`` and optional ``title``, ``date``, ``source``, ``url`` (or the
names scrapers give them: ``content``, ``headline``, ``publish_time``, ``正文`` …).

Read one line at a time, so a feed of a million items never sits in memory. A line that is not a usable record
is reported with its line number and reason and skipped; a record with one bad field keeps the rest of it.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from .article import Article, LoadError
from .encoding import clean_text, decode_report, replace_surrogates
from .htmlpage import html_to_text
from .pubdate import date_from_text_head, parse_date
from .textpage import split_page


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
    yield from read_record(rec, where, place=place)


# Scrapers name their fields in many ways; the first of each list that a record has is taken.
TEXT_KEYS = ("text", "content", "body", "article", "contents", "正文", "内容")
TITLE_KEYS = ("title", "headline", "标题")
DATE_KEYS = ("date", "published", "pubdate", "pub_date", "publish_date", "publish_time", "pubtime", "time",
             "datetime", "日期", "发布时间")
PAPER_KEYS = ("source", "newspaper", "paper", "media", "来源")
URL_KEYS = ("url", "link", "href", "链接")
_MARKUP = re.compile(r"<(?:p|br|div|span|section|article|font|strong|img|table|td)\b[^<>]*>", re.I)


def read_record(rec, where: str, *, place: str | None = None) -> Iterator[Article | LoadError]:
    """The articles of one JSON record (an object with the article's text under ``text`` or a like name), with a
    LoadError for each problem found in it. Text given as a web page's markup is read as one."""
    if not isinstance(rec, dict):
        yield LoadError(f"{where}: not a JSON object with a 'text' field")
        return
    text_key = next((k for k in TEXT_KEYS if k in rec), "text")
    text = rec.get(text_key)
    if not isinstance(text, str) or not text.strip():
        yield LoadError(f"{where}: no 'text' field" if text is None else f"{where}: no usable '{text_key}' field")
        return
    fields: dict[str, str | None] = {}
    for name, keys in (("title", TITLE_KEYS), ("source", PAPER_KEYS), ("url", URL_KEYS)):
        key = next((k for k in keys if k in rec), keys[0])
        value = rec.get(key)
        if value is None or isinstance(value, str):
            fields[name] = value
        else:
            fields[name] = None
            yield LoadError(f"{where}: '{key}' is {_kind(value)}, not text; left out")
    if _MARKUP.search(text):
        text = html_to_text(text)[0]
    text, problems = _clean(text, text_key)
    yield from (LoadError(f"{where}: {p}") for p in problems)
    for key, value in fields.items():
        if value:
            fields[key], problems = _clean(value, key)
            yield from (LoadError(f"{where}: {p}") for p in problems)
    day = next((rec[k] for k in DATE_KEYS if rec.get(k)), None)
    published = (parse_date(day) if isinstance(day, str) else None) or date_from_text_head(text)
    title = fields["title"]
    # the title goes on top unless the text already gives it in its first lines (新闻联播 date, then title)
    if title and title not in text.lstrip().split("\n", 3)[:3]:
        text = f"{title}\n{text}"
    for art in split_page(text, source=where, published=published, place=place):
        art.title = art.title or title
        art.newspaper = fields["source"]
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
