"""Meetings referred to (传达学习……会议精神) and tasks given to bodies (由市教育局牵头)."""
from __future__ import annotations

import re

from .doc import Doc, component
from .findings import MeetingRef, Span, Task
from .lexicon import AND_RE

_KINDS = r"(?:会议|大会|全会|座谈会|推进会|现场会|视频会|电视电话会)"
_SPIRIT = re.compile(rf"([^，。；、：\n]{{2,40}}?{_KINDS})(?:等)?(?:精神|上的讲话|部署)")
# where one meeting of a list ends and the next begins: 传达学习A会议、B大会和C会议精神
_ITEM_END = re.compile(rf"{_KINDS}(?=(?:精神)?(?:、|和|及|以及|与))")
_SEPARATOR = re.compile(rf"、|以及|{AND_RE}|及|与")
_CUT = re.compile(rf"^.*(?:传达学习|传达贯彻|学习贯彻|贯彻落实|认真学习|深入学习|传达|学习|贯彻|落实|统一到"
                  rf"|了|的|精神|{AND_RE}|及|与|以及)")
_TOO_VAGUE = ("近期会议", "有关会议", "重要会议", "系列会议")
_TASK = re.compile(r"由([\u4e00-\u9fff（）()]{2,30}?)(?:牵头|负责|主抓|统筹)")
_LIST_REACH = 200  # how far back a list of meetings before 精神 is read


def referenced_meetings(text: str, lo: int = 0, hi: int | None = None) -> list[MeetingRef]:
    """Meetings whose 精神 a meeting studied: ``传达了当天上午召开的全省市州委书记视频会议精神``, and each meeting of
    a list before it (学习贯彻中央深改委第五次会议、省委深改委第一次会议精神)."""
    hi = len(text) if hi is None else hi
    out: dict[tuple[int, int], MeetingRef] = {}  # A会议精神和B会议精神: B's list reads A again
    for m in _spirit_matches(text, lo, hi):
        for s, e in _listed_before(text, m, lo):
            ref = _ref(text, s, e)
            if ref is not None:
                out.setdefault((ref.span.start, ref.span.end), ref)
    return list(out.values())


def _listed_before(text: str, m: re.Match, lo: int) -> list[tuple[int, int]]:
    """The spans of the meetings listed up to the one ``m`` found before 精神, first to last."""
    end = m.end(1)
    floor = max([lo, end - _LIST_REACH, *(text.rfind(c, lo, end) + 1 for c in "，。；：\n")])
    items: list[tuple[int, int]] = []
    while True:
        # a meeting's name begins after the last 、 before it, or after a 和/及/与 that closes another meeting's
        # name (not the 和 of 发展和改革 or of 专题研讨班和)
        seps = [x for x in _SEPARATOR.finditer(text, floor, end - 2)
                if x.group(0) == "、" or _item_end_before(text, x) is not None]
        items.insert(0, (seps[-1].end() if seps else floor, end))
        before = _item_end_before(text, seps[-1]) if seps else None
        if before is None:
            return items
        end = before


def _item_end_before(text: str, sep: re.Match) -> int | None:
    """Where the meeting's name ends that the separator closes (A会议、 or A会议精神和), or None."""
    for k in _ITEM_END.finditer(text, max(0, sep.start() - 8), sep.end()):
        if k.end() == sep.start() or (k.end() + 2 == sep.start() and text.startswith("精神", k.end())):
            return k.end()
    return None


def _ref(text: str, s: int, e: int) -> MeetingRef | None:
    raw = text[s:e]
    name = _CUT.sub("", raw)
    name = re.sub(r"^(?:当天|今天|昨天|近日|近期|日前|此前|[上下]午|召开|举行)+", "", name)
    if len(name) < 4 or name in _TOO_VAGUE or (name.endswith("次会议") and len(name) < 6):
        return None
    return MeetingRef(name, Span(e - len(name), e, name))


def _spirit_matches(text: str, lo: int, hi: int):
    """_SPIRIT matches, looked for only just before 精神 / 上的讲话 / 部署 (a full scan is slow)."""
    found = []
    for word in ("精神", "上的讲话", "部署"):
        i = text.find(word, lo, hi)
        while i != -1:
            w_lo = max(lo, i - 46)
            m = None
            for cand in _SPIRIT.finditer(text, w_lo, min(hi, i + len(word))):
                if cand.end() == i + len(word):
                    m = cand
                    break
            if m:
                found.append(m)
            i = text.find(word, i + len(word), hi)
    return sorted(found, key=lambda m: m.start())


def tasks(text: str, lo: int = 0, hi: int | None = None) -> list[Task]:
    """Bodies given the lead of a task: ``由市教育局牵头``."""
    hi = len(text) if hi is None else hi
    return [Task(m.group(1), Span(m.start(), m.end(), m.group(0))) for m in _TASK.finditer(text, lo, hi)]


@component(requires=("meetings",), assigns=("meetings",))
def attach_references(doc: Doc) -> None:
    """The meetings each meeting referred to, and the tasks it gave to bodies."""
    for meeting in doc.meetings:
        meeting.refers_to = [r for lo, hi in meeting.segments for r in referenced_meetings(doc.norm, lo, hi)]
        meeting.tasks = [t for lo, hi in meeting.segments for t in tasks(doc.norm, lo, hi)]
