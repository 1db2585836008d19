"""Meetings named in the text, told apart into the ones reported and the ones only referred to."""
from __future__ import annotations

import re

from .doc import Doc, component
from .findings import MeetingMention, Span
from .lexicon import BODY_END_RE as _BODY_END
from .lexicon import MEETING_KIND_FORMS, TERM
from .numerals import cn_to_int

_KIND_RE = re.compile("|".join(map(re.escape, MEETING_KIND_FORMS)))
_ORD = re.compile(r"(?:第|(?<=届))([〇零一二三四五六七八九十百\d]+)次$")  # 第五次, 十届二十一次
_YEAR = re.compile(r"((?:19|20)\d{2})年(?:度)?$")
_TERM = re.compile(rf"(?:{TERM})+$")
_TERM_PREFIX = re.compile(rf"^(?:{TERM})+")
_LEFT_STOP = re.compile(
    r"(?:暨|决定|同意|提请|召开|举行|主持|出席|参加|列席|传达|学习|贯彻|落实|精神|听取|研究|审议|部署|按照|根据|在|于|了|的|和|及|与|"
    r"并|是|为|由|第[^次]{1,6}次|[^\u4e00-\u9fff\d〇])"
)
_REFERENCE_BEFORE = re.compile(r"(?:传达|学习|贯彻|落实|按照|根据|围绕|对照|结合|精神|召开的|举行的|上的"
                               r"|视频|电视电话)")
_REFERENCE_AFTER = re.compile(r"^(?:精神|上的|部署|要求|决策|议定|确定|通过的|审议通过的|的)")
_NOT_A_MEETING_AFTER = re.compile(r"中心|室|厅|楼|纪要|材料|议程|文件|桌|期间")
_EARLIER = re.compile(r"(?:此前|之前|去年|上年|上月|上周|年初|前不久|曾)[，,]?$")  # background, not this report
_DECIDED = re.compile(r"(?:决定|建议|同意)[，：:]$")  # 会议决定，……全会于今年秋季召开
_PLANNED_AFTER = re.compile(r"(?:将|拟|定)?于(?:今年|明年|近期|下半年|年底|年内|\d{1,2}月(?:上|中|下)旬"
                            r"|[^，。]{0,6}[季旬])")
_DAY_AND_PLACE = re.compile(r"(?:(?:\d{1,2}月)?\d{1,2}日|今天|昨天|当天|同日)?(?:上午|下午|晚上)?"
                            r"(?:在[\u4e00-\u9fff]{1,6})?$")
_HELD_AFTER = re.compile(r"^(?:在|于)?[\u4e00-\u9fff\d]{0,10}(?:召开|举行|开幕|闭幕)")
_HELD_BEFORE = re.compile(r"(?:召开|举行)了?$")
_LOCAL_BODY = re.compile(r"^(?:中共)?[\u4e00-\u9fff]{2,8}?"
                         r"(?=[省市县区州旗盟]委|[省市县区州旗盟]政府|[省市县区州旗盟]人大|[省市县区州旗盟]政协)")
_PLANNED = re.compile(r"(?:决定|拟于|拟|将于|计划|建议|提请|定于)[^，。；]*$")
_WIDE = re.compile(r"^(?:全国(?!政协|人大)|全省|全市|全区|全县|全州|全旗|全盟|全自治区|各)")


# A meeting named with the verb that holds it, in either order: what a report of a meeting always has.
_MEETING_WORDS = re.compile(r"(?:主持召开|召开|举行)[^。！？\n]{0,40}?(?:会议|常委会|会)(?![中室厅楼])"
                            r"|(?:会议|常委会)(?![中室厅楼纪])[^。！？\n]{0,20}?(?:召开|举行|开幕|闭幕)")


def mentions_meetings(text: str) -> bool:
    """True when ``text`` names a meeting being held; an article that does and yields none is worth a word."""
    return _MEETING_WORDS.search(text) is not None


def _body_left(text: str, end: int, floor: int) -> int:
    """Where a body name that ends at ``end`` begins: the last stop word or punctuation before it."""
    lo = max(floor, end - 30)
    seg = text[lo:end]
    stops = list(_LEFT_STOP.finditer(seg))
    return lo + (stops[-1].end() if stops else 0)


def _subject_before(text: str, verb_start: int, floor: int) -> str:
    """The subject of ``…召开`` / ``…举行``: the words since the clause began, minus a date."""
    lo = max(text.rfind(c, floor, verb_start) for c in "，。；：\n ") + 1
    lo = max(lo, floor)
    subj = text[lo:verb_start]
    subj = _DAY_AND_PLACE.sub("", subj)
    subj = re.sub(r"^.*?(?:日|上午|下午|晚上|当天|同日|随后|会前|会后|此前|紧接着|接着)", "", subj)
    return subj if _BODY_END.search(subj) and 2 <= len(subj) <= 30 else ""


def meeting_mentions(text: str, lo: int = 0, hi: int | None = None) -> list[MeetingMention]:
    """Every meeting named in ``text[lo:hi]`` with its body, kind, ordinal and year."""
    hi = len(text) if hi is None else hi
    out: list[MeetingMention] = []
    for m in _KIND_RE.finditer(text, lo, hi):
        kind = m.group(0).replace("（扩大）", "扩大")
        if _NOT_A_MEETING_AFTER.match(text, m.end()):
            continue  # 会议中心, 会议室, 会议纪要: a place or a paper, not a meeting
        if kind == "会议" and (m.start() == lo or text[m.start() - 1] in "，。；：\n 、"):
            continue  # 会议指出, 会议强调: the meeting as subject, not a name of one
        left = m.start()
        ordinal = year = None
        om = _ORD.search(text, max(lo, left - 8), left)
        if om:
            ordinal, left = cn_to_int(om.group(1)), om.start()
        ym = _YEAR.search(text, max(lo, left - 6), left)
        if ym:
            year, left = int(ym.group(1)), ym.start()
        tm = _TERM.search(text, max(lo, left - 8), left)
        term_start = tm.start() if tm else left
        # 党组会议 and 常委会会议 carry part of the body in the kind
        body_tail = ""
        if kind.startswith("党组"):
            body_tail, kind = "党组", kind[2:]
        elif kind.startswith("常委会") and kind != "常委会议":
            body_tail, kind = "常委会", kind[3:]
        start = _body_left(text, term_start, lo)
        body = text[start:term_start] + body_tail
        if tm and not text[start:term_start]:  # 十四届全国人大常委会: the term stands before the body
            start = _body_left(text, tm.start(), lo)
            body = text[start:tm.start()] + body_tail
        held_verb = None
        name_override = None
        subject_held = False
        if not body or body == body_tail:
            # 市委常委会召开扩大会议: the body is the subject of 召开
            before = text[max(lo, start - 6):start]
            vm = re.search(r"(?:召开|举行)了?$", before)
            if vm:
                held_verb = vm
                subj = _subject_before(text, max(lo, start - 6) + vm.start(), lo)
                if subj:
                    body = subj + body_tail
        elif _TERM_PREFIX.sub("", body) in ("常委会", "常务委员会", "党组"):
            # 自治区政协召开十二届常委会第十五次会议: a bare 常委会 belongs to the subject of 召开
            before = text[max(lo, start - 16):start]
            vm = re.search(rf"(?:召开|举行)了?(?:{TERM})?$", before)
            if vm:
                subj = _subject_before(text, max(lo, start - 16) + vm.start(), lo)
                if subj:
                    name_override = subj + text[start:m.end()]
                    subject_held = True
                    body = subj + body
                    start = max(lo, start - 16) + vm.start() - len(subj)
        if not body or not _BODY_END.search(body):
            continue
        if held_verb is not None:
            span_lo = max(lo, start - 6) + held_verb.start() - len(body) + len(body_tail)
        else:
            span_lo = start
        name = text[start:m.end()] if held_verb is None or body == body_tail else body + text[term_start:m.end()]
        if held_verb is not None and body_tail and not name.startswith(body):
            name = body + kind
        name = name_override or name
        before = text[max(lo, span_lo - 12):span_lo]
        clause_before = re.split(r"[，。；\n]", before)[-1]
        after = text[m.end():m.end() + 6]
        referenced = bool(_REFERENCE_BEFORE.search(clause_before) or _REFERENCE_AFTER.match(after)
                          or _WIDE.match(body) or _PLANNED.search(clause_before)
                          or _DECIDED.search(text, max(lo, span_lo - 6), span_lo)
                          or _EARLIER.search(text, max(lo, span_lo - 6), span_lo)
                          or _PLANNED_AFTER.match(text, m.end()))
        held = not referenced and (held_verb is not None or subject_held
                                   or _HELD_BEFORE.search(clause_before) is not None
                                   or _HELD_AFTER.match(text[m.end():m.end() + 14]) is not None)
        out.append(MeetingMention(name=name, body=body, kind=kind, ordinal=ordinal, year=year,
                                  span=Span(span_lo, m.end(), text[span_lo:m.end()]), held=held,
                                  referenced=referenced))
    return out


def same_meeting(a: MeetingMention, b: MeetingMention) -> bool:
    """Two mentions of one meeting: one body, kinds that agree (会议 agrees with any), no clash of ordinals."""
    ab, bb = _strip_place(a.body), _strip_place(b.body)
    # 主持召开党组会议 after a headline 省人大常委会党组召开会议: the bare body is the full one, shortened
    short, long = sorted((ab, bb), key=len)
    if ab != bb and not (short in ("党组", "常委会") and long.endswith(short)):
        return False
    if a.kind != b.kind and "会议" not in (a.kind, b.kind):
        return False
    return a.ordinal is None or b.ordinal is None or a.ordinal == b.ordinal


def _strip_place(body: str) -> str:
    body = body.replace("人民政府", "政府").replace("中共", "")
    body = re.sub(TERM, "", body)  # 市十七届人大常委会 is 市人大常委会
    return _LOCAL_BODY.sub("", body)


@component(requires=("norm",), assigns=("meeting_mentions",))
def find_meetings(doc: Doc) -> None:
    """Every place the text names a meeting, told held, referred to or planned."""
    doc.meeting_mentions = meeting_mentions(doc.norm)
