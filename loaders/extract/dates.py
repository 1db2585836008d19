"""Dates of meetings: datelines, relative days, years written in the text, part of day."""
from __future__ import annotations

import re
from datetime import date, timedelta

from .doc import Doc, component
from .findings import Span
from .grouping import sentence_start
from .lexicon import PART_OF_DAY
from .numerals import cn_to_int

# a bare 晚 (5日晚，) is the evening; 晚会, 晚报 and 晚宴 are other words
_PART = "上午|下午|晚上|晚间|当晚|早上|中午|凌晨|全天|晚(?![会报宴饭餐霞])"
DATE_EXPR = re.compile(
    rf"(?:(?P<y>(?:19|20)\d{{2}}|[〇零一二三四五六七八九]{{4}})年)?(?P<m>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})月"
    rf"(?P<d>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})(?:[、至](?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}}))?日(?P<p>{_PART})?"
    rf"|(?P<rel>今天|今日|昨天|昨日|前天|当天|当日|同日|同一天|日前|近日|近期|前不久)(?P<p2>{_PART})?"
    rf"|(?P<p3>当晚)"
    rf"|(?<![\d月])(?P<d2>\d{{1,2}})日(?P<p4>{_PART})?(?!电)"
)


def resolve(y: int | None, m: int, d: int, published: date | None) -> date | None:
    """A month and day to a date; without a year, the latest such day not after publication."""
    if y is None:
        if published is None:
            return None
        y = published.year
        try:
            if date(y, m, d) > published + timedelta(days=1):
                y -= 1
        except ValueError:
            return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def date_at(match: re.Match, *, published: date | None, event: date | None) -> tuple[date | None, str | None, bool]:
    """(date, part of day, settled?) for one DATE_EXPR match.

    今天 and 昨天 count from publication; 当天 and 同日 from the day already being reported.
    """
    part = PART_OF_DAY.get(match.group("p") or match.group("p2") or match.group("p3") or match.group("p4") or "")
    if match.group("d2"):  # 27日上午: the month of publication, or the one before
        if published is None:
            return None, part, True
        d = int(match.group("d2"))
        y, m = published.year, published.month
        if d > published.day + 1:
            y, m = (y, m - 1) if m > 1 else (y - 1, 12)
        return resolve(y, m, d, published), part, True
    if match.group("m"):
        year = cn_to_int(match.group("y")) if match.group("y") else None
        month, day = cn_to_int(match.group("m")), cn_to_int(match.group("d"))
        if month is None or day is None:
            return None, part, True
        return resolve(year, month, day, published), part, True
    rel = match.group("rel")
    if match.group("p3"):
        return event or published, part, True
    if rel in ("今天", "今日"):
        return published, part, True
    if rel in ("昨天", "昨日"):
        return (published - timedelta(days=1)) if published else None, part, True
    if rel == "前天":
        return (published - timedelta(days=2)) if published else None, part, True
    if rel in ("当天", "当日", "同日", "同一天"):
        return event or published, part, True
    return None, part, True  # 日前, 近日: the day is not told


def first_date(text: str, lo: int, hi: int, *, published, event, last: bool = False):
    """The first (or last) date expression in ``text[lo:hi]`` that is not inside a 《title》."""
    found = None
    for m in DATE_EXPR.finditer(text, lo, hi):
        if text.rfind("《", lo, m.start()) > text.rfind("》", lo, m.start()):
            continue
        found = m
        if not last:
            break
    if found is None:
        return None, None, None
    d, part, _ = date_at(found, published=published, event=event)
    return d, part, Span(found.start(), found.end(), found.group(0))


_VAGUE = re.compile(r"日前|近日|近期|前不久")
# years an early-year meeting speaks of: the year just ended (2024-2025年度优秀委员) and the year planned
# (2019年…改革工作的安排)
_YEAR_ENDED = re.compile(r"(?:19|20)\d{2}\s*[-—–至]\s*((?:19|20)\d{2})年度|((?:19|20)\d{2})年度")
_YEAR_PLANNED = re.compile(r"((?:19|20)\d{2})年[^，。；！？\n《》]{0,16}?(?:工作)?(?:的)?"
                           r"(?:安排|计划|要点|思路|重点任务)")


def infer_year(text: str, month: int) -> int | None:
    """The year of a meeting on ``month`` of an undated text, settled by the years it speaks of, else None.

    A meeting in January to March that reviews a year (N年度) is held in N+1; one in January to April that plans
    a year (N年…工作安排) is held in N. The text must name one such year only.
    """
    years = set()
    if month <= 3:
        years |= {int(m.group(1) or m.group(2)) + 1 for m in _YEAR_ENDED.finditer(text)}
    if month <= 4:
        years |= {int(m.group(1)) for m in _YEAR_PLANNED.finditer(text)}
    return years.pop() if len(years) == 1 else None


_BACKGROUND_DAYS = 400
_DATE_LEAD = re.compile(r"[，,]?于")
_YEAR_WRITTEN = re.compile(r"(?:19|20)\d{2}年|[〇零一二三四五六七八九]{4}年")


@component(requires=("meetings", "published", "body_start"), assigns=("event_date", "event_part", "meetings"))
def date_meetings(doc: Doc) -> None:
    """The day and part of day of each meeting.

    The first date of the body is the day being reported (当天 and 同日 later count from it); a meeting takes the
    last date written in its sentence before its name, or one written right after its name (第三十八次会议30日上午
    在北京闭幕), else the day being reported. A year in the meeting's name wins over the one the date resolved to.
    """
    text, head = doc.norm, doc.body_start
    doc.event_date, doc.event_part, _ = first_date(text, head, min(len(text), head + 400), published=doc.published,
                                                   event=None)
    background = []
    for meeting in doc.meetings:
        a = meeting.anchor
        s_lo = sentence_start(text, a) if a >= head else head
        d, part, span = first_date(text, s_lo, a + 1, published=doc.published, event=doc.event_date, last=True)
        name_end = min((g.span.end for g in meeting.mentions if g.span.start == a), default=a)
        after = first_date(text, name_end, min(len(text), name_end + 12), published=doc.published,
                           event=doc.event_date)
        inside = first_date(text, a, name_end, published=doc.published, event=doc.event_date)
        if inside[2] is not None:  # 中共中央政治局常务委员会1月7日全天召开会议: the day stands inside the name
            d, part, span = inside
        lead = _DATE_LEAD.match(text, name_end)  # …全体会议，于2023年1月9日至10日在北京举行
        if after[2] is not None and after[2].start == (lead.end() if lead else name_end):
            d, part, span = after
        if span is None:
            d, part = doc.event_date, doc.event_part
        elif d is None and part is not None and doc.event_date is not None and not _VAGUE.search(span.text):
            d = doc.event_date
        if d is None and span is not None and doc.published is None:
            d = _with_inferred_year(text, span.text)
        if d and meeting.year and d.year != meeting.year:
            try:
                d = d.replace(year=meeting.year)
            except ValueError:
                pass
        meeting.date, meeting.part_of_day = d, part
        if d is not None and doc.published is not None and span is not None and _YEAR_WRITTEN.match(span.text) \
                and (doc.published - d).days > _BACKGROUND_DAYS:
            background.append(meeting)
    # a meeting its own sentence dates years before the report (2005年7月28、29日，浙江省委十一届八次全会召开) is
    # the report's background, not its news
    doc.meetings = [m for m in doc.meetings if m not in background]


def _with_inferred_year(text: str, expression: str) -> date | None:
    """``3月12日`` in an undated text, with the year the text settles (see ``infer_year``)."""
    m = DATE_EXPR.match(expression)
    if m is None or not m.group("m") or m.group("y"):
        return None
    month, day = cn_to_int(m.group("m")), cn_to_int(m.group("d"))
    year = infer_year(text, month) if month else None
    try:
        return date(year, month, day) if year and month and day else None
    except ValueError:
        return None
