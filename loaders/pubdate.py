"""Publication dates from file names, date lines and metadata strings."""
from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.年/]?(0[1-9]|1[0-2])[-_.月/]?(0[1-9]|[12]\d|3[01])(?!\d)")
_CN = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")


def date_from_name(name: str) -> date | None:
    """``seed-page-hengyang-2021-04-22.txt`` -> 2021-04-22."""
    m = _ISO.search(name)
    return _make(m.group(1), m.group(2), m.group(3)) if m else None


def date_from_text_head(text: str, *, lines: int = 3) -> date | None:
    """A full date in the first lines (a masthead or a TV date line), e.g. ``2023年6月12日 新闻联播``."""
    head = "\n".join(text.strip().splitlines()[:lines])
    m = _CN.search(head)
    return _make(*m.groups()) if m else None


def parse_date(value) -> date | None:
    """Metadata values: ``2021-04-22``, ``2021-04-22T08:00:00+08:00``, ``2021年4月22日``."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    s = str(value)
    m = _CN.search(s) or re.search(r"((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})", s)
    return _make(*m.groups()) if m else None


def _make(y, m, d) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None
