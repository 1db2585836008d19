"""The extractor: small rule components run in order over one article, each adding to its Findings."""
from __future__ import annotations

import re

from ..article import Article
from ..textpage import CHAIR_LINE
from . import documents as docs_rule
from . import references, roles
from .dates import first_date
from .findings import Findings, Meeting, NameMention, Span
from .lexicon import TERM
from .meetings import MeetingMention, meeting_mentions, same_meeting
from .names import name_at, titled_names
from .places import body_level, detect_place, resolve_place
from .reporters import reporters

_TERM_PREFIX = re.compile(rf"(?:{TERM})+")
_VAGUE = re.compile(r"日前|近日|近期|前不久")


def _meetings(text: str, head_end: int) -> list[tuple[Meeting, list[MeetingMention]]]:
    found: list[list[MeetingMention]] = []
    for mm in meeting_mentions(text):
        in_header = mm.span.start < head_end
        if not mm.held and not (in_header and not mm.referenced):
            continue
        for group in found:
            if any(same_meeting(mm, other) for other in group):
                group.append(mm)
                break
        else:
            found.append([mm])
    out = []
    for group in found:
        best = max(group, key=lambda g: (g.ordinal is not None, g.year is not None, len(g.name)))
        ordinal = next((g.ordinal for g in group if g.ordinal is not None), None)
        year = next((g.year for g in group if g.year is not None), None)
        body = _TERM_PREFIX.sub("", best.body)
        kinds = [g.kind for g in group if g.kind != "会议"]
        out.append((Meeting(name=best.name, body=body, kind=kinds[0] if kinds else best.kind, span=best.span,
                            ordinal=ordinal, year=year), group))
    return out


def _anchor(group: list[MeetingMention], head_end: int) -> int:
    body = [g.span.start for g in group if g.span.start >= head_end]
    return min(body) if body else head_end


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(c, 0, pos) for c in "。；！？\n") + 1


def extract(article: Article) -> Findings:
    """Read one article into Findings: meetings with roles, documents, dates; people; reporters; place."""
    text = article.text
    head_end = article.body_start
    f = Findings()
    pairs = _meetings(text, head_end)
    pairs.sort(key=lambda p: _anchor(p[1], head_end))
    anchors = [_sentence_start(text, _anchor(g, head_end)) if _anchor(g, head_end) > head_end else 0
               for _, g in pairs]
    anchors = [0] + anchors[1:] if anchors else []
    # the first date of the body is the day being reported; 当天 and 同日 later count from it
    ev_date, ev_part, _ = first_date(text, head_end, min(len(text), head_end + 400),
                                     published=article.published, event=None)
    f.event_date = ev_date
    titled = titled_names(text)
    known = {m.name for m in titled}
    mentions = list(titled)
    for line_m in re.finditer(r"[^\n]+", text[:head_end]):
        if CHAIR_LINE.match(line_m.group(0)):
            name = line_m.group(0)[:-2]
            known.add(name)
    mentions.extend(_bare_mentions(text, known, {(m.span.start, m.span.end) for m in mentions}))
    index = roles.NameIndex(text, mentions)

    for k, (meeting, group) in enumerate(pairs):
        lo = anchors[k]
        hi = anchors[k + 1] if k + 1 < len(pairs) else len(text)
        meeting.scope = (lo, hi)
        a = _anchor(group, head_end)
        s_lo = _sentence_start(text, a) if a >= head_end else head_end
        d, part, span = first_date(text, s_lo, a + 1, published=article.published, event=ev_date, last=True)
        mention_end = min((g.span.end for g in group if g.span.start == a), default=a)
        after = first_date(text, mention_end, min(len(text), mention_end + 12), published=article.published,
                           event=ev_date)  # 第三十八次会议30日上午在北京闭幕: the day follows the name
        if after[2] is not None and after[2].start == mention_end:
            d, part, span = after
        if span is None:
            d, part = ev_date, ev_part
        elif d is None and part is not None and ev_date is not None and not _VAGUE.search(span.text):
            d = ev_date
        if d and meeting.year and d.year != meeting.year:
            try:
                d = d.replace(year=meeting.year)
            except ValueError:
                pass
        meeting.date, meeting.part_of_day = d, part
        if k == 0:
            for line_m in re.finditer(r"[^\n]+", text[:head_end]):
                if CHAIR_LINE.match(line_m.group(0)):
                    name = line_m.group(0)[:-2]
                    span = Span(line_m.start(), line_m.start() + len(name), name)
                    meeting.roles.append(("chair", NameMention(name, span)))
        for who in roles.chairs(text, max(lo, head_end), hi, index):
            meeting.roles.append(("chair", who))
        chair_names = set(meeting.names("chair"))
        for who in roles.attendees(text, max(lo, head_end), hi):
            if who.name not in chair_names:
                meeting.roles.append(("attendee", who))
        for who in roles.nonvoting(text, max(lo, head_end), hi):
            meeting.roles.append(("nonvoting", who))
        for who in roles.speakers(text, max(lo, head_end), hi, mentions):
            meeting.roles.append(("speaker", who))
        meeting.documents = docs_rule.documents(text, max(lo, head_end), hi)
        meeting.refers_to = references.referenced_meetings(text, lo, hi)
        meeting.tasks = references.tasks(text, lo, hi)
        f.meetings.append(meeting)

    f.reporters = reporters(text)
    reporter_names = {r.name for r in f.reporters}
    for meeting in f.meetings:
        for _, who in meeting.roles:
            if who.name in reporter_names:
                continue
            f.people.setdefault(who.name, [])
    for m in mentions:
        if m.name in f.people and m.titles:
            f.people[m.name].append(m)
    for meeting in f.meetings:  # titles given inside lists (副市长A、B出席)
        for _, who in meeting.roles:
            if who.titles and who.name in f.people:
                f.people[who.name].append(who)
    f.place = resolve_place(article.place) if article.place else None
    if f.place is None and f.meetings:  # only meetings need a jurisdiction; most other articles are skipped
        lvl = body_level(f.meetings[0].body) if f.meetings else None
        f.place = detect_place(text, body_level=lvl if lvl != "national" else None)
    return f


def _bare_mentions(text: str, known: set[str], seen: set[tuple[int, int]]) -> list[NameMention]:
    """Later mentions of a name first given with a title (``邓群策主持``), checked for a clean end."""
    out = []
    for name in sorted(known):
        i = text.find(name)
        while i != -1:
            e = i + len(name)
            if (i, e) not in seen and name_at(text, i, need_surname=False) in (name, None):
                out.append(NameMention(name, Span(i, e, name)))
            i = text.find(name, e)
    return out


def positions_of(mentions: list[NameMention]) -> list[str]:
    """A person's titles as written, first seen first, each once."""
    return list(dict.fromkeys(t for m in mentions for t in m.titles))
