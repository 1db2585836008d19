"""Publication dates from file names, date lines at the top of a text, and metadata strings."""
from __future__ import annotations

import re
from datetime import date

from .encoding import ascii_digits
from .hardwrap import unwrap

_ISO = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.年/]?(0[1-9]|1[0-2])[-_.月/]?(0[1-9]|[12]\d|3[01])(?!\d)")
_CN = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")
# a full date in a line: 2025-06-27, 2019/2/28, 2015-01-22编印, 2021年4月22日 星期四
_ANY = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:日|(?!\d))")
# what else a date line may hold: a time, labels and their values, a masthead's page and issue, a weekday
_LINE_NOISE = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?"
    r"|(?:来源|作者|编辑|责编|责任编辑|浏览量?|点击|阅读|发布日期|发布时间|日期|时间|字号|打印|分享)\s*[:：]?\s*[^\s:：]*"
    r"|星期[一二三四五六日天]|周[一二三四五六日]|第?[\d一二三四五六七八九十A-Z]+\s*版|总?第\d+期|[要新闻编印版]+"
    r"|[\W\d_a-zA-Z]+")
_SENTENCE = re.compile(r"召开|举行|将|决定|于|经")


_HEAD_LINES = 40


def date_from_name(name: str) -> date | None:
    """``seed-page-hengyang-2021-04-22.txt`` -> 2021-04-22."""
    m = _ISO.search(name)
    return _make(m.group(1), m.group(2), m.group(3)) if m else None


def date_from_text_head(text: str, *, lines: int = 8) -> date | None:
    """The date of a date line among the first lines: a masthead, a TV transcript's day, a page's 发布日期.

    A date line holds a full date and little else (a time, labels with their values, a page number, a program's
    name); a date inside a sentence, such as a headline's 2026年3月5日在北京召开, is not one.
    """
    # a page wrapped at a column's width may cut its date line (新闻联播 2025-06-2 / 7): read it unwrapped
    head = unwrap([ln.strip() for ln in text.strip().splitlines()[:_HEAD_LINES]])
    for line in [ln for ln in head if ln][:lines]:
        line = ascii_digits(line)  # noqa: PLW2901 (a date line set in full-width digits: ２０２５年１月９日)
        m = _ANY.search(line)
        if m is None or _SENTENCE.search(line):
            continue
        rest = _LINE_NOISE.sub("", line[:m.start()] + " " + line[m.end():])
        if len(rest) <= 8:
            day = _make(*m.groups())
            if day:
                return day
    return _standing_date(ascii_digits(text[:_HEAD_CHARS]))


# A scraper that drops line breaks runs the date line into the headline and the first paragraph (新闻联播 2025-06-27
# 李强主持召开…, 日期: 2019-12-26    浏览量: 166 25日，…): the date still stands apart, spaces or a label's colon
# before it and a space or 编印 after it, where a date inside a sentence runs on into its words.
_HEAD_CHARS = 300
_APART_BEFORE = set(" \t\n\u3000:：>】]")
_APART_AFTER = re.compile(r"\s|编印|$")


def _standing_date(head: str) -> date | None:
    for m in _ANY.finditer(head):
        if (m.start() == 0 or head[m.start() - 1] in _APART_BEFORE) and _APART_AFTER.match(head, m.end()):
            day = _make(*m.groups())
            if day:
                return day
    return None


def parse_date(value) -> date | None:
    """Metadata values: ``2021-04-22``, ``2021-04-22T08:00:00+08:00``, ``2021年4月22日``."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    s = ascii_digits(str(value))
    m = _CN.search(s) or re.search(r"((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})", s)
    return _make(*m.groups()) if m else None


def _make(y, m, d) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None
