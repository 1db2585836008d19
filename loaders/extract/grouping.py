"""Meetings from their mentions: the mentions of one meeting grouped, and each meeting given its stretch of text."""
from __future__ import annotations

import re

from .doc import Doc, component
from .findings import Meeting, MeetingMention
from .lexicon import TERM
from .meetings import same_meeting
from .organs import canonical, strip_term

_TERMS = re.compile(f"(?:{TERM})+")


def group(mentions: list[MeetingMention], body_start: int) -> list[Meeting]:
    """One Meeting per meeting held: the mentions of it grouped (a headline's with the body's)."""
    found: list[list[MeetingMention]] = []
    for mm in mentions:
        if not mm.held:
            continue
        for g in found:
            if any(same_meeting(mm, other) for other in g):
                g.append(mm)
                break
        else:
            found.append([mm])
    # a headline's 赴利雅得举行…会议 that the body tells as planned (将主持召开…会议) was not held yet
    planned = [mm for mm in mentions if mm.referenced and mm.span.start >= body_start]
    found = [g for g in found if any(m.span.start >= body_start for m in g)
             or not any(same_meeting(p, m) for p in planned for m in g)]
    out = []
    for g in found:
        best = max(g, key=lambda m: (m.ordinal is not None, m.year is not None, len(m.name)))
        kinds = [m.kind for m in g if m.kind != "会议"]
        body_mentions = [m.span.start for m in g if m.span.start >= body_start]
        # the body as the headline writes it, when it names one (全国政协十四届常委会 over the body text's 政协第十四届
        # 全国委员会常务委员会), else as the fullest mention does
        headline = next((m for m in g if m.span.start < body_start and m.body
                         and _TERMS.sub("", strip_term(m.body)) == canonical(m.body) == canonical(best.body)), None)
        body = headline.body if headline else best.body
        out.append(Meeting(name=best.name, body=strip_term(body), kind=kinds[0] if kinds else best.kind,
                           span=best.span, ordinal=next((m.ordinal for m in g if m.ordinal is not None), None),
                           year=next((m.year for m in g if m.year is not None), None),
                           term=next((m.term for m in g if m.term is not None), None),
                           anchor=min(body_mentions) if body_mentions else body_start, mentions=g))
    return sorted(out, key=lambda m: m.anchor)


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` begins."""
    return max(text.rfind(c, 0, pos) for c in "。；！？\n") + 1


@component(requires=("meeting_mentions", "body_start", "norm"), assigns=("meetings",))
def group_meetings(doc: Doc) -> None:
    """Group the mentions into meetings, and give each meeting the stretches of text that report it.

    The text is cut where a sentence opens by naming a meeting (its report, or a later 党组（扩大）会议集体学习了…,
    常务会议审议了…); a stretch belongs to the meetings named there, so meetings named in one sentence (主持召开A和B)
    share it, and each then keeps its own paragraphs. The first stretch starts at the top, so the headline's roles
    (邓群策主持) belong to the first meetings.
    """
    meetings = group(doc.meeting_mentions, doc.body_start)
    marks: dict[int, set[int]] = {}  # sentence start -> the meetings it opens with
    for k, m in enumerate(meetings):
        marks.setdefault(sentence_start(doc.norm, m.anchor) if m.anchor > doc.body_start else 0, set()).add(k)
    for mm in doc.meeting_mentions:
        s = sentence_start(doc.norm, mm.span.start)
        if mm.referenced or mm.span.start < doc.body_start or mm.span.start - s > 2 or s in marks:
            continue
        owners = {k for k, m in enumerate(meetings) if any(same_meeting(mm, g) for g in m.mentions)}
        if len(owners) == 1:  # a later paragraph about one of the meetings
            marks[s] = owners
    if marks and 0 not in marks:
        first = min(marks)
        marks[0] = marks.pop(first)
    bounds = sorted(marks) + [len(doc.norm)]
    for k, m in enumerate(meetings):
        m.segments = [(lo, bounds[i + 1]) for i, lo in enumerate(bounds[:-1]) if k in marks[lo]]
        m.scope = (m.segments[0][0], m.segments[-1][1]) if m.segments else (0, len(doc.norm))
    doc.meetings = meetings


_BARE = ("党组", "常委会", "主席团")


@component(requires=("meetings",), assigns=("meetings",))
def complete_bodies(doc: Doc) -> None:
    """A body named bare (党组扩大会议) takes its owner from the chair's title.

    市人大常委会党组书记 chairing a 党组扩大会议 makes it the 市人大常委会党组's.
    """
    for meeting in doc.meetings:
        if meeting.body not in _BARE:
            continue
        for role, who in meeting.roles:
            owner = next((t[:t.index(meeting.body) + len(meeting.body)] for t in who.titles
                          if meeting.body in t and not t.startswith(meeting.body)), None)
            if role == "chair" and owner:
                meeting.body = owner
                break
