"""Meetings named in the text, told apart into the ones reported as held and the ones referred to or planned.

A mention is found from its kind (常务会议, 常委会会议, 主任会议 … and a plain 会议) and read leftwards: ordinal
(第五次, 十届二十一次, 108次), year (2021年), term of office (十七届), then the body that convenes it. Where the
body is not written before the kind, it is the subject of 召开 (市委常委会召开扩大会议), a body named earlier in a
clause (主持召开…领导小组更名为…委员会后的第一次会议), or, for a meeting named by its topic (主持召开脱贫攻坚约谈会议),
there is none. A body written as the object of 主持召开 with no kind after it (主持召开市委常委会，) is a meeting too.
"""
from __future__ import annotations

import re
from itertools import pairwise

from .doc import Doc, component
from .findings import MeetingMention, Span
from .lexicon import BODY_END_RE, BODY_ENDS, MEETING_KIND_FORMS, TERM
from .numerals import cn_to_int
from .organs import canonical

_KIND_RE = re.compile("|".join(map(re.escape, MEETING_KIND_FORMS)))
# 第五次, 十届二十一次, 全国人大四次会议, 108次
_ORD = re.compile(r"(?:第|(?<=届)|(?<=人大)|(?<=政协))([〇零一二三四五六七八九十百\d]+)次$|(\d+)次$")
_YEAR = re.compile(r"((?:19|20)\d{2})年(?:度)?$")
_TERM = re.compile(rf"(?:{TERM})+$")
_TERM_PREFIX = re.compile(rf"^(?:{TERM})+")
_TERM_IN = re.compile(TERM)


def cn_term(written: str) -> str:
    """A term of office in one form: 第十四届, 十四届 and 14届 are 14届."""
    n = cn_to_int(written.strip("第届"))
    return f"{n}届" if n is not None else written
_LEVEL_BEFORE = re.compile(rf"(自治区|自治州|[省市县区州旗盟])(?:{TERM})?(?:第([〇零一二三四五六七八九十百\d]+)次)?$")
# A conjunction or preposition ends a body written after it only when a body starts there: 同全国人大常委会,
# 和县十六届…政府; not in 协同发展领导小组 or 发展和改革委员会.
# 同盟 is a word (中国民主同盟); 同盟委… is 同 and a league's 盟委.
_ORGAN_START = (r"(?=全国|中央|中共|国务院|国家|自治区|[省市县区州旗盟]|政协|人大"
                r"|[\u4e00-\u9fff]{2,4}?[省市县区州旗盟](?:委|政|人|党))")
_LEFT_STOP = re.compile(
    r"(?:暨|决定|同意|建议|提请|提交|多次|历次|每次|几次|数次|召开|举行|主持|出席|参加|列席|传达|学习|贯彻|落实|精神|听取|研究|审议|部署|按照|根据|"
    rf"祝贺|直播|报告|支持|在|于|了|(?<!党)的|并|是|为|由|(?:和|及|与|向|对|同(?!盟(?!委))){_ORGAN_START}|第[^次]{{1,6}}次(?!会议主席团|全国)"
    # 党的 stands inside a body's name: 省委党的建设工作领导小组
    # an ordinal before 全国 belongs to the body's name: 第七次全国人口普查领导小组
    # quotes, titles, dashes and dots may stand inside a body's name: 推进“一带一路”建设工作领导小组,
    # 国务院…“5·4”特别重大爆炸事故调查组
    r"|[^\u4e00-\u9fff\d〇“”《》—·•])"
)
_REFERENCE_BEFORE = re.compile(r"(?:传达|学习|贯彻|落实|按照|根据|围绕|对照|结合|精神|召开的|举行的|上的"
                               r"|视频|电视电话)")
_REFERENCE_AFTER = re.compile(r"(?:精神|上的|部署|要求|决策|议定|确定|通过的|审议通过的|的|以来|期间|之际|前夕|"
                              r"召开的|举行的|召开前|召开之际|结束后|闭幕后|有关事项|相关事项|筹备|事宜|"
                              r"(?:作|做)(?:好)?(?:各项)?准备)")
_NOT_A_MEETING_AFTER = re.compile(r"中心|室|厅|楼|纪要|材料|议程|文件|桌|期间|主席团|代表|精神实质")
# a day or a recent time, and a part of day, as reports write them before or after a meeting's name
_DATE = r"(?:(?:\d{1,2}月)?\d{1,2}日|今天|昨天|昨日|今日|当天|当日|同日|日前|近日|近期|前不久)"
_PART = r"(?:上午|下午|晚上|晚间|全天|晚(?![会报宴饭餐霞]))"
_RECENT_SUBJECT = re.compile(r"(?:(?:\d{1,2}月)?\d{1,2}日|日前|近日|昨天|昨日|今天|今日|当天)(?:上午|下午|晚上)?"
                             r"(?:在[^，。；]{1,12})?(?:召开|举行)的$")
# a recent day, alone before the meeting's name (not 1990年4月4日, not 7月，): the report's own news
_RECENT_LEAD = re.compile(rf"(?:^|[：:。\n]\s*)(?<![年\d]){_DATE}{_PART}?，?$")
_ADOPTED = re.compile(r"(?:审议通过|审议并通过|讨论通过|通过|审议|听取)(?!的)")
_ACTS = re.compile(r"[，]?(?:审议|研究|听取|讨论|传达|学习|通过|决定|指出|强调|要求|认为|部署)")
# background, not this report: 此前…, 去年…; and meetings counted (先后两次主持召开…政治局会议)
_EARLIER = re.compile(r"(?:此前|之前|去年|上年|上月|上周|年初|前不久|曾)[，]?$"
                      r"|(?:两|三|几|多|数)次(?:主持)?(?:召开|举行)了?$")
# 会议决定，……全会于今年秋季召开; 会议同意2022年10月7日召开…全会; 会议还决定，3月1日至2日召开…会议
_DECIDED = re.compile(r"(?:决定|建议|同意)(?:[，：]|[，：]?[^。；！？\n，]{0,24}?(?:召开|举行))$")
_PLANNED_AFTER = re.compile(r"(?:将|拟|定)?于(?:今年|明年|近期|下半年|年底|年内|\d{1,2}月(?:上|中|下)旬"
                            r"|[^，。]{0,6}[季旬])")
# 研究召开…会议有关事项, 为召开…会议作准备: the holding is what this meeting discussed, not what it did
_PLANNED = re.compile(r"(?:决定|拟于|拟|将于|将|计划|建议|提请|提交|定于|筹备|待"
                      r"|(?:研究|讨论|部署|安排|关于|为)了?(?:召开|举行))[^，。；]*$")
_WIDE = re.compile(r"^(?:全国(?!政协|人大)|全省|全市|全区|全县|全州|全旗|全盟|全自治区|各)")
# …but a standing body may be named for the whole country: 全国人口普查领导小组, 全国绿化委员会
_STANDING = re.compile(r"(?:领导小组|委员会|指挥部)$")
_THIS = re.compile(r"(?:本次|本届|这次|此次|该次)$")  # the meeting being reported, named again
_THIS_START = re.compile(r"本次|本届|这次|此次|该次")
# after the name: 27日下午在北京人民大会堂举行, 在海口闭会, 隆重开幕 (but not 召开的时间, 召开前);
# …全体会议，于2023年1月9日至10日在北京举行 (a communiqué's opening): a comma may stand before 于
_HELD_AFTER = re.compile(rf"(?:[，,](?=于))?(?:{_DATE})?{_PART}?"
                         r"(?:在[^，。；！？\n]{1,20}?|于[^，。；！？\n]{1,20}?)?"
                         r"(?:隆重|顺利|胜利)?(?:召开|举行|开幕|闭幕|闭会|落幕)(?!的|前|之际|以来|期间|会|式|在即)"
                         # …会议举行新闻发布会, …会议召开主席团会议: what it holds is another event; it is the setting
                         r"(?!(?:了)?(?:新闻发布会|记者会|发布会|招待会|座谈会|主席团|[^，。；]{0,10}?主席团))")
_HELD_BEFORE = re.compile(r"(?:召开|举行)了?$")
_VERB_BEFORE = re.compile(rf"(?:召开|举行)了?(?:{TERM})?$")
_SUBJECT_TAIL = re.compile(rf"{_DATE}?{_PART}?(?:在[^，。；！？\n]{{1,15}}|以[^，。；！？\n]{{1,8}}方式)?$")
_SUBJECT_HEAD = re.compile(rf"(?:(?:\d{{4}}年)?{_DATE})?{_PART}?(?:随后|会前|会后|此前|紧接着|接着|同时)?")
_BODY_WORD = re.compile("|".join(sorted(BODY_ENDS, key=len, reverse=True)))
_BARE_ORGAN = re.compile(r"(?:主持召开|召开|举行)了?([^，。；、：\n]{2,24}?(?:常委会|党组))(?=[，。；、\n并和及])")
_TOPIC = re.compile(r"主持召开了?(?![的一二两三几多这此本该第为])([\u4e00-\u9fff\d—]{2,30})$")
_SITTING = re.compile(r"会议(?:[^，。；！？\n]{0,12})?(?:召开|举行)了?$")
_GLUE = ("和", "及", "暨", "以及", "、")
_PARTY_COMMITTEE = re.compile(r"(?:^|[省市县区州旗盟])委$")
_DEMOCRATIC_PARTY = re.compile(r"中国国民党革命委员会|中国民主同盟|中国民主建国会|中国民主促进会|中国农工民主党"
                               r"|中国致公党|九三学社|台湾民主自治同盟|民革|民盟|民建|民进|农工党|致公党|台盟")
_LOCAL_CPPCC = re.compile(r"^政协[\u4e00-\u9fff]{1,8}?(自治区|自治州|[省市县区州旗盟])$")
_GENERIC = {"常委会", "常务委员会", "党组", "委员会", "人民政府", "政府"}
_SHORT_FORMS = ("党组", "常委会", "主席团", "委员会", "政府")  # a body named again without its place or owner

# A body's meeting named with the verb that holds it, in either order: what a report of a meeting always has
# (座谈会, 发布会, 会谈 and the like are not what govgraph reads).
_ORGAN_WORD = "|".join(sorted(BODY_ENDS, key=len, reverse=True))
_MEETING_WORDS = re.compile(
    rf"(?:主持召开|召开|举行)了?[^，。；！？\n]{{0,30}}?(?:{_ORGAN_WORD})[^，。；！？\n]{{0,12}}?会议(?![中室厅楼纪])"
    rf"|(?:{_ORGAN_WORD})[^，。；！？\n]{{0,12}}?会议(?![中室厅楼纪])[^，。；！？\n]{{0,20}}?(?:召开|举行|开幕|闭幕)")


def mentions_meetings(text: str) -> bool:
    """True when ``text`` names a meeting being held; an article that does and yields none is worth a word."""
    return _MEETING_WORDS.search(text) is not None


def _body_left(text: str, end: int, floor: int) -> int:
    """Where a body name that ends at ``end`` begins: the last stop word or punctuation before it."""
    lo = max(floor, end - 30)
    stops = list(_LEFT_STOP.finditer(text, lo, end))
    return stops[-1].end() if stops else lo


_COMMUNIQUE_WHEN = re.compile(rf"于(?:\d{{4}}年)?{_DATE}(?:至\d{{1,2}}日)?{_PART}?(?:在[^，。；！？\n]{{1,15}})?")
_OF = re.compile(r"(?<!党)的")


def subject_before(text: str, verb_start: int, floor: int = 0) -> tuple[str, int]:
    """The subject of ``…召开`` / ``…举行`` when it is a body, and where it starts; ("", -1) when it is not.

    The clause's words, less a date and part of day before them and a date, place or manner after them
    (区委常委会近日举行, 市政协在机关三楼会议室召开了, 中共中央政治局常务委员会1月7日全天召开).
    """
    lo = max(floor, max(text.rfind(c, floor, verb_start) for c in "，。；：\n 【】（）、") + 1)
    if lo > floor and text[lo - 1] == "，" and _COMMUNIQUE_WHEN.fullmatch(text, lo, verb_start):
        # a communiqué's …选举产生的中央纪律检查委员会，于2022年10月23日在北京举行: the clause before the comma
        lo = max(floor, max(text.rfind(c, floor, lo - 1) for c in "，。；：\n 【】（）、") + 1)
        lo = max(lo, *(m.end() for m in _OF.finditer(text, lo, verb_start)))
        verb_start = text.rfind("，", lo, verb_start)
    subj = _SUBJECT_TAIL.sub("", text[lo:verb_start])
    head = _SUBJECT_HEAD.match(subj)
    cut = head.end() if head else 0
    subj = subj[cut:]
    # a body named for an event in quotes runs longer: 国务院…有限公司“5·4”特别重大爆炸事故调查组
    longest = 40 if "“" in subj else 30
    return (subj, lo + cut) if BODY_END_RE.search(subj) and 2 <= len(subj) <= longest else ("", -1)


def _organ_in(text: str, lo: int, hi: int) -> str:
    """The last body named in ``text[lo:hi]``: ``…领导小组更名为区委全面深化改革委员会后`` gives that 委员会."""
    seg = text[lo:hi]
    for word in ("更名为", "改为", "为", "是"):
        if word in seg:
            seg = seg[seg.rfind(word) + len(word):]
            break
    ends = [m.end() for m in _BODY_WORD.finditer(seg)]
    return seg[:ends[-1]] if ends else ""


def _mention(text: str, km: re.Match, lo: int) -> MeetingMention | None:
    """The meeting whose kind the text writes at ``km``, or None when it names no meeting."""
    kind = km.group(0).replace("（扩大）", "扩大")
    if _NOT_A_MEETING_AFTER.match(text, km.end()):
        return None  # 会议中心, 会议纪要, 五次会议主席团: a place, a paper, or part of a body's name
    if kind == "会议" and (km.start() == lo or text[km.start() - 1] in "，。；：\n 、"):
        return None  # 会议指出, 会议强调: the meeting as subject, not a name of one
    left = km.start()
    ordinal = year = None
    om = _ORD.search(text, max(lo, left - 8), left)
    if om:
        ordinal, left = cn_to_int(om.group(1) or om.group(2)), om.start()
    ym = _YEAR.search(text, max(lo, left - 6), left)
    if ym:
        year, left = int(ym.group(1)), ym.start()
    if kind == "全会" and ordinal is None:
        return None  # 三中全会, 全会精神: only a numbered 全会 (市委十三届五次全会) is named by what stands before it
    tm = _TERM.search(text, max(lo, left - 8), left)
    term_start = tm.start() if tm else left
    tail = ""  # 党组会议 and 常委会会议 carry part of the body in the kind
    if kind.startswith("党组"):
        tail, kind = "党组", kind[2:]
    elif kind.startswith("常委会") and kind != "常委会议":
        tail, kind = "常委会", kind[3:]
    start = _body_left(text, term_start, lo)
    if _THIS.search(text, max(lo, start - 2), start) or _THIS_START.match(text, start):
        return None  # 本次常委会会议: the meeting already named
    written = text[start:term_start]
    if tm and not written:  # 十四届全国人大常委会: the term stands before the body
        start = _body_left(text, tm.start(), lo)
        written = text[start:tm.start()]
    local = _LOCAL_CPPCC.match(written)
    if local:  # 政协淮安市九届二次常委会议: the 市政协
        written = local.group(1) + "政协"
    body = written + tail
    name_start, subject = start, ""
    level = _LEVEL_BEFORE.search(text, max(lo, start - 12), start)
    if written and level and not re.match(r"[省市县区州旗盟]|自治", written):
        # 县十六届第9次政府常务会议: level, term and ordinal before the body
        body, name_start = level.group(1) + written + tail, level.start()
        if ordinal is None and level.group(2):
            ordinal = cn_to_int(level.group(2))
    if not written or _TERM_PREFIX.sub("", body) in _GENERIC:
        verb = _VERB_BEFORE.search(text, max(lo, start - 16), start)
        subj, subj_start = subject_before(text, verb.start(), lo) if verb else ("", -1)
        if subj:  # 市委常委会召开扩大会议, 自治区政协召开十二届常委会…, 市政协…召开了七届委员会第九次主席会议
            keep = _TERM_PREFIX.sub("", body)
            body = subj + (body if keep in ("常委会", "常务委员会", "党组") else tail)
            name_start, subject = subj_start, subj
        elif not written:
            clause = _organ_before_of(text, left, lo)
            if clause:  # 主持召开…更名为区委全面深化改革委员会后的第一次会议
                body, name_start, subject = clause, left, clause
    if kind == "常委会议" and _PARTY_COMMITTEE.search(body):
        body, kind = body + "常委会", "会议"  # 县委十五届第45次常委会议, 县委召开常委会议: the 县委常委会 meets
    if body.endswith("主席团常务主席") and kind == "会议":
        body, kind = body[:-4], "常务主席会议"  # 主席团常务主席第三次会议: as 主席团常务主席会议, the presidium's
    if tail == "常委会" and body.endswith("政协常委会") and (ordinal is not None or tm):
        body = body[:-3]  # 市政协十三届十八次常委会会议: a standing committee meeting of the 市政协
    if not body or not BODY_END_RE.search(body):
        # 主持召开脱贫攻坚约谈会议, 主持召开市长碰头会, 主持召开专题会议: a meeting named by its topic, with no body
        topic = _TOPIC.search(text, max(lo, left - 32), left)
        if _SITTING.search(text, max(lo, left - 40), left):
            return None  # …第三十七次会议召开第二次全体会议: a sitting, part of the meeting that holds it
        if topic is not None and not BODY_END_RE.search(topic.group(1)) and \
                (kind != "会议" or len(topic.group(1)) >= 4):
            name_start = topic.start(1)  # 紧急会议, 视频会议: too little to name a meeting by
        elif kind != "会议" and ordinal is None and text.endswith("主持召开", max(lo, left - 4), left):
            name_start = left
        elif kind != "会议" and not written and (left == lo or text[left - 1] in "\n。；！？"):
            # 常务会议指出，…: the meeting the article reports, named again at a paragraph's start
            return MeetingMention(name=text[left:km.end()], body="", kind=kind, ordinal=ordinal, year=year,
                                  span=Span(left, km.end(), text[left:km.end()]), held=False)
        else:
            return None
        body = ""
    if _DEMOCRATIC_PARTY.match(body):
        return None  # 中国农工民主党第十七届中央委员会第三次全体会议: a party of the 政协, not a body of government
    name = subject + text[start:km.end()] if subject else text[name_start:km.end()]
    span = Span(name_start, km.end(), text[name_start:km.end()])
    referenced, held = _status(text, lo, name_start, km.end(), body)
    term = _TERM_IN.search(name)
    return MeetingMention(name=name, body=body, kind=kind, ordinal=ordinal, year=year, span=span,
                          held=(held or bool(subject)) and not referenced, referenced=referenced,
                          term=cn_term(term.group(0)) if term else None)


def _organ_before_of(text: str, left: int, lo: int) -> str:
    """For ``召开X后的第一次会议``: the last body named between the verb and 的."""
    if text[left - 1:left] != "的":
        return ""
    verb = text.rfind("召开", max(lo, left - 48), left)
    return _organ_in(text, verb + 2, left - 1) if verb != -1 else ""


def _decided(text: str, lo: int, start: int) -> bool:
    window = text[lo:start]
    return ("决定" in window or "建议" in window or "同意" in window) and _DECIDED.search(window) is not None


def _status(text: str, lo: int, start: int, end: int, body: str) -> tuple[bool, bool]:
    """(referenced, held) for the meeting named at ``text[start:end]``."""
    before = text[max(lo, start - 16):start]
    clause = re.split(r"[，。；！？\n]", before)[-1]
    after = text[end:end + 40]
    # 日前召开的…主席会议，审议通过了…: the report's own meeting, named as the one that acted
    acted = _RECENT_SUBJECT.search(clause) is not None and _ACTS.match(after) is not None
    # 日前，国务院常务会议审议通过了…: a meeting that opens its clause and adopts is reported as held
    acted = acted or (_RECENT_LEAD.search(text, max(lo, start - 12), start) is not None
                      and _ADOPTED.match(after) is not None)
    referenced = bool((_REFERENCE_BEFORE.search(clause) and not acted) or _REFERENCE_AFTER.match(after)
                      or (_WIDE.match(body) and not _STANDING.search(body))
                      or _PLANNED.search(clause) or _decided(text, max(lo, start - 36), start)
                      or _EARLIER.search(text, max(lo, start - 8), start) or _PLANNED_AFTER.match(after))
    held = bool(_HELD_BEFORE.search(clause) or _HELD_AFTER.match(after) or acted)
    return referenced, held


def _bare_organs(text: str, lo: int, hi: int, taken: list[tuple[int, int]]) -> list[MeetingMention]:
    """``主持召开市委常委会，…``: a body as the object of 召开, with no kind after it, is the meeting."""
    out = []
    for m in _BARE_ORGAN.finditer(text, lo, hi):
        body = m.group(1)
        s, e = m.start(1), m.end(1)
        if any(a < e and s < b for a, b in taken) or not BODY_END_RE.search(body):
            continue
        referenced, _ = _status(text, lo, s, e, body)
        out.append(MeetingMention(name=body, body=body, kind="会议", ordinal=None, year=None,
                                  span=Span(s, e, body), held=not referenced, referenced=referenced))
    return out


def meeting_mentions(text: str, lo: int = 0, hi: int | None = None) -> list[MeetingMention]:
    """Every meeting named in ``text[lo:hi]`` with its body, kind, ordinal and year, and whether it was held."""
    hi = len(text) if hi is None else hi
    out = [m for km in _KIND_RE.finditer(text, lo, hi) if (m := _mention(text, km, lo)) is not None]
    out += _bare_organs(text, lo, hi, [(m.span.start, m.span.end) for m in out])
    out.sort(key=lambda m: m.span.start)
    for prev, cur in pairwise(out):  # 主持召开A和B: B is held as A is
        if prev.held and not cur.held and not cur.referenced and text[prev.span.end:cur.span.start] in _GLUE:
            cur.held = True
    return out


def same_meeting(a: MeetingMention, b: MeetingMention) -> bool:
    """Two mentions of one meeting: one body, kinds that agree (会议 agrees with any), no clash of ordinals."""
    ab, bb = _local(a.body), _local(b.body)
    # 主持召开党组会议 after a headline 省人大常委会党组召开会议: the bare body is the full one, shortened; a
    # meeting named with no body (第二十六次委员长会议) is one of the same kind and number named with it
    short, long = sorted((ab, bb), key=len)
    shortened = short in _SHORT_FORMS or short.endswith("领导小组")
    if ab != bb and not (shortened and long.endswith(short)) and not (
            not short and a.kind == b.kind and (a.kind != "会议" or a.ordinal is not None)) \
            and not _committee_shortened(a, b) and not _committee_shortened(b, a):
        return False
    if a.kind != b.kind and "会议" not in (a.kind, b.kind):
        return False
    return a.ordinal is None or b.ordinal is None or a.ordinal == b.ordinal


def _committee_shortened(a: MeetingMention, b: MeetingMention) -> bool:
    """``a`` names ``b``'s committee the short way, with no body read from it: 国家能源委会议 for a
    国家能源委员会会议 named in the same article (X委 is how X委员会 is shortened)."""
    if a.body or not b.body or not a.name.endswith(a.kind):
        return False
    stem = a.name[:len(a.name) - len(a.kind)]
    return len(stem) >= 4 and stem.endswith("委") and canonical(b.body) == stem + "员会"


_LOCAL_BODY = re.compile(r"^[\u4e00-\u9fff]{2,8}?(?=[省市县区州旗盟]委|[省市县区州旗盟]政府|[省市县区州旗盟]人大"
                         r"|[省市县区州旗盟]政协)")


def _local(body: str) -> str:
    """A body's canonical name without its place (衡阳市委 and 市委 compare equal within one article)."""
    return _LOCAL_BODY.sub("", canonical(body))


@component(requires=("norm",), assigns=("meeting_mentions",))
def find_meetings(doc: Doc) -> None:
    """Every place the text names a meeting, told held, referred to or planned."""
    doc.meeting_mentions = meeting_mentions(doc.norm)
