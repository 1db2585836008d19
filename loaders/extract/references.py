"""Meetings referred to (传达学习……会议精神) and tasks given to bodies (由市教育局牵头)."""
from __future__ import annotations

import re

from .doc import Doc, component
from .findings import MeetingRef, Span, Task

_SPIRIT = re.compile(r"([^，。；、：\n]{2,40}?(?:会议|大会|全会|座谈会|推进会|现场会|视频会|电视电话会))"
                     r"(?:精神|上的讲话|部署)")
_CUT = re.compile(r"^.*(?:传达学习|传达贯彻|学习贯彻|贯彻落实|认真学习|深入学习|传达|学习|贯彻|落实"
                  r"|了|的|和|及|与|以及)")
_TOO_VAGUE = ("近期会议", "有关会议", "重要会议", "系列会议")
_TASK = re.compile(r"由([\u4e00-\u9fff（）()]{2,30}?)(?:牵头|负责|主抓|统筹)")


def referenced_meetings(text: str, lo: int = 0, hi: int | None = None) -> list[MeetingRef]:
    """Meetings whose 精神 a meeting studied: ``传达了当天上午召开的全省市州委书记视频会议精神``."""
    hi = len(text) if hi is None else hi
    out = []
    for m in _spirit_matches(text, lo, hi):
        raw = m.group(1)
        name = _CUT.sub("", raw)
        name = re.sub(r"^(?:当天|今天|昨天|近日|近期|日前|此前|[上下]午|召开|举行)+", "", name)
        if len(name) < 4 or name in _TOO_VAGUE or (name.endswith("次会议") and len(name) < 6):
            continue
        s = m.start(1) + len(raw) - len(name)
        out.append(MeetingRef(name, Span(s, m.end(1), name)))
    return out


def _spirit_matches(text: str, lo: int, hi: int):
    """_SPIRIT matches, looked for only just before 精神 / 上的讲话 / 部署 (a full scan is slow)."""
    found = []
    for word in ("精神", "上的讲话", "部署"):
        i = text.find(word, lo, hi)
        while i != -1:
            w_lo = max(lo, i - 44)
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
