"""Who did what at a meeting: chair (主持), attendee (出席/参加), non-voting (列席), speaker, reporter."""
from __future__ import annotations

import re

from .doc import Doc, component
from .findings import NameMention, Span
from .lexicon import TRAILING_TITLE_RE, has_surname, is_cjk
from .meetings import same_meeting
from .names import names_in_list

_CHAIR = re.compile(r"主持")
_ATTEND = re.compile(r"(?:应邀出席|应邀参加|应邀到会|出席|参加|(?<!未)到会(?=听取|指导|讲话|并)"
                     r"|(?:在)?主席台(?:上)?(?:[\u4e00-\u9fff]{1,6}?席)?就座)")
_NONVOTING = re.compile(r"列席")
_SPEAK = re.compile(r"(?:在会上|在会议上)?(?:讲话|发言|作[^，。；]{0,20}?(?:报告|说明|讲话|发言|总结)"
                    r"|强调|指出|提出要求|作出部署)")
_OF_SPIRIT = re.compile(r"召开的|[^，。；]{0,20}的[^，。；]{0,10}精神")
_REPORTED = re.compile(r"(?:汇报|报告|说明|情况介绍)")
_HEARD = re.compile(r"听取(?:了)?")
# what a speaker's name is followed by: 讲话, 作……说明, 就《……》作了说明, 汇报了, 强调
_SPEAKS = re.compile(r"(?:同志)?(?:在会上|在会议上|，)?(?:就[^，。；]{0,80}?)?"
                     r"(?:作(?:了)?[^，。；]{0,60}?(?:报告|说明|讲话|发言|汇报|总结)|讲话|发言|汇报|介绍|通报|"
                     r"强调|指出|要求|提出)")
_REF_CLAUSE = re.compile(r"(?:传达|学习|贯彻|落实|精神)")
_SPEAK_LIST = re.compile(r"(?:作|进行)了?(?:大会|交流|专题|书面)?发言")
# a list after the verb: 出席会议的有：…, 应邀出席大会的市领导还有：…, 参加会议人员包括…
_LIST_AFTER = re.compile(r"(?:会议|大会|会)?的[^，。；：]{0,10}?(?:还|同志)?(?:有|是|包括)[：]?"
                         r"|(?:会议)?人员(?:有|包括)[：]?|(?:会议|大会|会)?[：]")
_CLAUSE_END = "。；！？\n"
_ROLE_CLAUSE = re.compile(r"(?:出席|参加|列席|主持|就座)[^，。；！？\n、]{0,8}，")
# a date may stand between a name and its verb: 韩立衡6月16日主持召开
_TRAILING = re.compile(f"{TRAILING_TITLE_RE}$")
_DATE_GAP = re.compile(r"(?:(?:\d{1,2}月)?\d{1,2}日|当天|今天|昨天)?(?:[（(]\d{1,2}日[）)])?(?:上午|下午|晚上)?"
                       r"(?:在[^，。；！？\n]{1,24}?|以[^，。；！？\n]{1,8}?方式)?(?:先后|分别|一同|共同)?$")
# 主持 with no name before it: the sentence's subject chairs (韩正28日到雄安调研，主持召开…; …会谈并共同主持召开)
_ZERO_SUBJECT = re.compile(r"(?:[，]|并|[，]并)(?:共同)?$")
_CO_CHAIR = re.compile(r"(?:与|同)[^，。；！？\n]{1,30}?(?:共同)?$")


class NameIndex:
    """Person mentions by where they end, so a verb can find the name written right before it."""

    def __init__(self, text: str, mentions: list[NameMention]):
        self.text = text
        self.by_end: dict[int, NameMention] = {}
        for m in mentions:
            self.by_end.setdefault(m.span.end, m)

    def ending_at(self, pos: int) -> NameMention | None:
        """The person whose name ends at ``pos`` (``同志`` and ``在会上`` may stand between)."""
        dm = _DATE_GAP.search(self.text, max(0, pos - 36), pos)
        tm = _TRAILING.search(self.text, max(0, pos - 5), pos)
        gaps = ("", " ", "同志", "在会上", "在会议上", "在",
                *((dm.group(0),) if dm else ()), *((tm.group(0),) if tm else ()))
        for gap in gaps:
            p = pos - len(gap)
            if gap and self.text[p:pos] != gap:
                continue
            if p in self.by_end:
                return self.by_end[p]
            if self.text[p - 1:p] == " " and p - 1 in self.by_end:
                return self.by_end[p - 1]  # 王金山 省长主持: a space before the title
        # a bare name not seen before: accept only with a known surname right after a clause break or 由
        for gap in gaps:
            p = pos - len(gap)
            if gap and self.text[p:pos] != gap:
                continue
            for n in (3, 2):
                s = p - n
                cand = self.text[s:p]
                if s >= 0 and has_surname(cand) and (s == 0 or self.text[s - 1] in "，。；\n、 由■") \
                        and re.fullmatch(r"[\u4e00-\u9fff]+", cand):
                    return NameMention(cand, Span(s, p, cand))
        return None


    def subject_of(self, pos: int) -> NameMention | None:
        """The person the sentence or one of its clauses opens with (after a date and titles), for a verb written
        without its subject: 韩正28日到河北雄安新区调研，主持召开…; 欢迎仪式后，李强同…举行会谈并共同主持召开…"""
        start = max(self.text.rfind(c, 0, pos) for c in "。！？\n") + 1
        clause_starts = [start] + [i + 1 for i in range(start, pos) if self.text[i] in "，：；"]
        for cs in clause_starts:
            first = min((m for m in self.by_end.values() if cs <= m.span.start < min(pos, cs + 30)),
                        key=lambda m: m.span.start, default=None)
            if first is not None:
                return first
            for n in (3, 2):  # a bare name opens the clause: 韩正28日到…, 李强同…
                cand = self.text[cs:cs + n]
                after = self.text[cs + n:cs + n + 1]
                if has_surname(cand) and is_cjk(cand) and (after.isdigit() or after in "在到赴同与，"):
                    return NameMention(cand, Span(cs, cs + n, cand))
        return None


def _clause_lo(text: str, pos: int, lo: int) -> int:
    return max(lo, max(text.rfind(c, lo, pos) for c in _CLAUSE_END) + 1)


def _clause_hi(text: str, pos: int, hi: int) -> int:
    ends = [i for i in (text.find(c, pos, hi) for c in _CLAUSE_END) if i != -1]
    return min(ends) if ends else hi


def chairs(text: str, lo: int, hi: int, index: NameIndex) -> list[NameMention]:
    """Names right before 主持 (``市委书记邓群策主持``, ``会议由李四主持``, ``受……委托，李四主持``)."""
    out = []
    for m in _CHAIR.finditer(text, lo, hi):
        if text.startswith(("召开的", "的"), m.end()) or _OF_SPIRIT.match(text[m.end():m.end() + 30]):
            continue
        who = index.ending_at(m.start())
        if who:
            out.append(who)
        if (who is None and _ZERO_SUBJECT.search(text, max(lo, m.start() - 3), m.start())) or \
                _CO_CHAIR.search(text, max(lo, m.start() - 36), m.start()):
            subject = index.subject_of(m.start())
            if subject and subject is not who:
                out.append(subject)
    return out


def _list_role(text: str, lo: int, hi: int, verb: re.Pattern, *, keep=None, upto_deng: bool = False
               ) -> list[NameMention]:
    """Names listed before the verb (or after 出席会议的有：); ``keep(verb_end)`` may refuse a verb's list;
    ``upto_deng`` ends the list at its 等 (潘建明、祝晓丽等5位常委围绕品种改良、冷链保鲜…作了发言)."""
    out = []
    for m in verb.finditer(text, lo, hi):
        if keep is not None and not keep(m.end()):
            continue
        after = _LIST_AFTER.match(text, m.end())
        if after:
            out.extend(names_in_list(text, after.end(), _clause_hi(text, after.end(), hi)))
            continue
        c_lo = _clause_lo(text, m.start(), lo)
        # …出席会议，A、B列席会议: a list starts after the clause in which an earlier one ended with its verb
        c_lo = max([c_lo, *(r.end() for r in _ROLE_CLAUSE.finditer(text, c_lo, m.start()))])
        while c_lo - 1 > lo and text[c_lo - 1] in "；;":
            # 市委副书记、市长严明；市委副书记陈立平；市委常委李欣出席: a list may run across semicolons
            prev = _clause_lo(text, c_lo - 1, lo)
            if not _names_only(text, prev, c_lo - 1):
                break
            c_lo = prev
        end = m.start()
        if upto_deng and "等" in text[c_lo:end]:
            end = text.index("等", c_lo, end) + 1
        out.extend(names_in_list(text, c_lo, end))
    return out


_NOT_A_LIST = re.compile(r"会|主持|出席|参加|列席|讲话|强调|指出|要求|审议|研究|听取|通过|部署|传达|学习")


def _names_only(text: str, lo: int, hi: int) -> bool:
    """True when ``text[lo:hi]`` is a list of titled names and nothing else: it ends with a name and says no act."""
    found = names_in_list(text, lo, hi)
    return bool(found) and found[-1].span.end == hi and hi - lo <= 60 and not _NOT_A_LIST.search(text, lo, hi)


# what someone attends that is not a meeting a report of meetings tells: 出席庆祝大会, 出席主题教育工作会议,
# 参加植树活动 (not 出席大会, the plenary of a congress; not 出席会议并作…大会…的报告; not 参加有关活动, the events
# the report tells)
_OTHER_EVENT = re.compile(r"了?(?!会议|有关|相关|上述|以上|本次|此次)[^，。；！？\n并和及]{2,16}?"
                          r"(?:大会|典礼|仪式|活动|论坛|座谈会|开幕式|晚会|招待会|纪念会|报告会|工作会议|峰会)")


def attendees(text: str, lo: int, hi: int, *, keep=None) -> list[NameMention]:
    """Names in the list before 出席 / 参加 / 应邀出席, or after ``出席会议的有``; not those who attend another
    event."""
    def ours(verb_end: int) -> bool:
        return (keep is None or keep(verb_end)) and not _OTHER_EVENT.match(text, verb_end)
    return _list_role(text, lo, hi, _ATTEND, keep=ours)


def nonvoting(text: str, lo: int, hi: int, *, keep=None) -> list[NameMention]:
    """Names that 列席: they sit in but are not members."""
    return _list_role(text, lo, hi, _NONVOTING, keep=keep)


def _named_after_verbs(doc: Doc) -> dict[int, int]:
    """Where an attendance verb names the meeting it is about (…出席党组（扩大）会议): verb end -> meeting index."""
    out = {}
    for verb in (_ATTEND, _NONVOTING):
        for m in verb.finditer(doc.norm):
            named = [mm for mm in doc.meeting_mentions if m.end() <= mm.span.start <= m.end() + 3]
            owners = {k for k, meeting in enumerate(doc.meetings)
                      for mm in named if any(same_meeting(mm, g) for g in meeting.mentions)}
            if len(owners) == 1:
                out[m.end()] = owners.pop()
    return out


def speakers(text: str, lo: int, hi: int, mentions: list[NameMention]) -> list[NameMention]:
    """People who speak or report at the meeting: ``X讲话``, ``X作说明``, ``听取了X关于……的汇报``."""
    out = []
    for men in mentions:
        if not (lo <= men.span.start < hi):
            continue
        e = men.span.end
        c_lo = _clause_lo(text, men.span.start, lo)
        clause_before = text[c_lo:men.span.start]
        if _REF_CLAUSE.search(clause_before) and not _HEARD.search(clause_before):
            continue
        tail = text[e:_clause_hi(text, e, hi)]
        heard = _HEARD.search(clause_before) and _REPORTED.search(tail[:60])
        if heard or (_SPEAKS.match(tail) and "精神" not in tail[:8]):
            out.append(men)
    # a list of speakers: 潘建明、祝晓丽等5位常委围绕…作了发言
    seen = {(m.span.start, m.span.end) for m in out}
    out += [m for m in _list_role(text, lo, hi, _SPEAK_LIST, upto_deng=True) if (m.span.start, m.span.end) not in seen]
    return out


@component(requires=("meetings", "names", "chair_lines", "body_start"), assigns=("meetings",))
def assign_roles(doc: Doc) -> None:
    """Who chaired, attended, sat in on and spoke at each meeting, read in the stretches that report it."""
    text = doc.norm
    index = NameIndex(text, doc.names)
    named = _named_after_verbs(doc)
    for k, meeting in enumerate(doc.meetings):
        def mine(verb_end: int, k: int = k) -> bool:  # a list whose verb names another meeting is that one's
            return named.get(verb_end, k) == k

        def only_mine(verb_end: int, k: int = k) -> bool:
            return named.get(verb_end) == k

        elsewhere = [(_clause_lo(text, verb_end - 1, 0), verb_end) for verb_end, owner in named.items()
                     if owner == k and not any(lo <= verb_end <= hi for lo, hi in meeting.segments)]
        if meeting.segments and meeting.segments[0][0] == 0:
            # the headline block names the first meeting's chair: 邓群策主持, X主持召开…
            meeting.roles += [("chair", who) for who in doc.chair_lines]
            meeting.roles += [("chair", who) for who in chairs(text, 0, doc.body_start, index)]
        for start, hi in meeting.segments:
            lo = max(start, doc.body_start)
            meeting.roles += [("chair", who) for who in chairs(text, lo, hi, index)]
            meeting.roles += [("attendee", who) for who in attendees(text, lo, hi, keep=mine)]
            meeting.roles += [("nonvoting", who) for who in nonvoting(text, lo, hi, keep=mine)]
            meeting.roles += [("speaker", who) for who in speakers(text, lo, hi, doc.names)]
        for lo, hi in elsewhere:  # …出席常务会议 in a stretch that reports another meeting
            meeting.roles += [("attendee", who) for who in attendees(text, lo, hi, keep=only_mine)]
            meeting.roles += [("nonvoting", who) for who in nonvoting(text, lo, hi, keep=only_mine)]
