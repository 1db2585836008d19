"""Person names: a name at a position, names after titles, and lists of names."""
from __future__ import annotations

import re

from ..textpage import CHAIR_LINE
from .doc import Doc, component
from .findings import NameMention, Span
from .lexicon import (
    AFTER_NAME,
    AFTER_NAME_PUNCT,
    AND_RE,
    COMPOUND_SURNAMES,
    CORE_TITLE_RE,
    GROUP_LABEL_RE,
    NAME_HEADS,
    SURNAMES,
    TRAILING_TITLE_RE,
    adverbs,
    everyday_words,
    has_name_head,
    has_surname,
    is_cjk,
    words_opening_with,
)

_MINORITY = re.compile(r"[\u4e00-\u9fff]{1,8}(?:[·•・．.][\u4e00-\u9fff]{1,8})+")
_MINORITY_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,6}(?:[·•・．.][\u4e00-\u9fff]{1,6})+$")
_TITLE = re.compile(f"(?:{CORE_TITLE_RE})")
_TITLE_AT_END = re.compile(f"(?:{CORE_TITLE_RE})$")
_TITLE_ONLY = re.compile(f"[\u4e00-\u9fff]{{0,16}}(?:{CORE_TITLE_RE})")
# a label, not the start of a body's name (领导小组成员 is a post in a leading group)
_GROUP = re.compile(f"(?:{GROUP_LABEL_RE})(?!小组|班子)")
# 陈立等市领导, 王五同志, 赵六等人: what trails the last name of a list
# 区监委, 区法院: a body in a list of those who attend, not a person whose surname is 区
_BODYLIKE = re.compile(r"(?:委|院|局|办|部|厅|会|府|组|处|所|站|队|室|团|司|党|署|省|市|县|中心|人大|政协)$")
# what trails the last name of a list: 等市领导, 等5位常委, 及机关全体干部, 同志, 也 (吴志明也应邀出席)
_TRAILING_GROUP = re.compile(r"(?:等[^、，；]*|(?:及|和|以及)(?:机关|全体|各|有关|相关|其他|部分|在家)[^、，；]*"
                             r"|在[^、，；]{1,12}时|同志)$")
# 访问吉尔吉斯斯坦、匈牙利、瑞士并出席…: what follows these in an enumeration is places, not people
# (not a 考察组 or 访问团, whose members are people)
_VISITS = re.compile(r"(?:访问|出访|考察|途经|前往|赴|抵达|到访)(?![组团队])[^、，；]*$")
# the last name before the verb: 吴志明也应邀出席, 吴红陪同并出席
_TRAILING_PARTICLE = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:[也还均亦]|(?:陪同|一同)?并)$")
_TRAILING_FULL = re.compile(f"([\u4e00-\u9fff]{{2,4}}?){TRAILING_TITLE_RE}")
# A title's body prefix never runs across these: they belong to the sentence, not to the post.
# provinces by their short names: 同/对/在 before one opens a clause (记者对河北省委书记…), as before 省 or 市
_PROVINCES = ("北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|"
              "海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|香港|澳门|台湾")
# 同 right after a province (在北京同法国总统…) opens the clause too, but not 同济, 同仁, 同胞, 同乡 (上海同济大学,
# 台湾同胞联谊会)
_AFTER_PROVINCE = "|".join(f"(?<={p})" for p in _PROVINCES.split("|"))
_PREFIX_STOP = re.compile(
    rf"(?:了|由|受|请|向|将|把|被|就|并|关于|免去|撤销|任命|担任|{AND_RE}|与|及|"
    rf"(?:同|对|在)(?=[市省县区州旗国中全党]|{_PROVINCES})|(?<=[还也并])同|(?:{_AFTER_PROVINCE})同(?!济|仁|胞|乡)|会议(?!主席团)|召开|主持|听取|传达|出席|参加|列席|"
    r"邀请|委托|"
    r"陪同|强调|指出|表示|要求|其中|以及|分别|带领|率领|宣读|介绍|通报|汇报|会上|会前|随后|同时|包括|等|兼|通过|"
    r"学习|贯彻|牢记|落实|遵循|领会|感悟|践行|按照|根据|"
    # a time of day, a verb of publishing or meeting, 同 after a hall, 应 opening an invitation: none is part of a
    # body (7日下午在人民大会堂同洪都拉斯国会主席, 应俄罗斯国家杜马主席…邀请, 将发表中共中央总书记…); nor is a
    # clause ending in 的 (来华进行正式访问的巴巴多斯总理), but 党的 and 分管日常工作的 are (党的建设工作领导小组组长,
    # 中宣部分管日常工作的副部长)
    r"上午|下午|晚上|晚间|发表|会见|会谈|欢迎|推举|推选|还有|(?<=[堂厅馆式])同|^应(?!急)|^同(?!济|仁)|^在|(?<!党)(?<!日常工作)(?<!主持工作)的)"
)
_PLACE_OF = set("地身所相到各此深远")  # what makes a word of a 处 after it (地处, 身处, 所处)
_SEP = "、，,和及与;；"
_PARTICLES = set("了着过的地得吗呢吧")  # 总书记来了: no two-character name ends with one
_NOT_NAMES = {"会议", "同志", "领导", "成员", "代表", "委员", "主任", "书记", "常委", "大家", "我们", "全市", "全省",
              "全县", "全区", "有关", "相关", "各级", "负责", "部门", "单位", "主要", "分管", "其他", "在家", "市直",
              "县直", "区直", "省直", "列席", "出席", "参加", "应邀", "以上", "等人", "常务"}


def boundary_at(text: str, i: int) -> bool:
    """True when a name may end right before ``text[i]``."""
    if i >= len(text):
        return True
    if text[i] in AFTER_NAME_PUNCT or text[i].isdigit():
        return True
    if text[i] == "案":  # a case named for its subject (李某案，张某案等), not a word's end (权力议案)
        return (i + 1 >= len(text) or text[i + 1] in AFTER_NAME_PUNCT or text[i + 1] in "等和及") \
            and text[i - 1:i + 1] not in everyday_words()
    return text.startswith(AFTER_NAME, i)


# after a title these make another word: 书记处, 常委会, 委员会, 主席团, 主席令, 大使馆, 主席台
_ORGAN_AFTER_TITLE = ("处", "室", "组", "会", "团", "令", "馆", "台")
# after a title these say what its holder did or what is done about the post, not who (省长视频发言, 总统选举,
# 委员提案, 首相辞职, 副市长职务, 委员资格, 首相官邸前, 人大代表要…, 代表们, 人大代表联络站, 成员单位,
# 毛主席纪念堂); not words that end a name, since 以视频 would then cut 韩正以 out of 韩正以视频方式出席
_NO_NAME_AFTER_TITLE = ("视频", "选举", "人选", "候选人", "提案", "辞职", "职务", "资格", "官邸", "住所",
                        "要", "应当", "应该", "应于", "应到", "必须", "们", "联络站", "工作站", "之家", "单位",
                        "纪念")
# member titles say whose member only with an organ before them (市政协委员, 县委常委), not 要加强委员
_MEMBER_TITLES = ("委员", "常委", "成员", "代表", "党组成员")
_ORGAN_PREFIX = re.compile(r"(?:委|会|协|府|院|局|厅|部|办|组|党|人大|政协|中央)$")
# a title after these words speaks of several people (有关委员, 各部门主任), not one person's post
_VERB_BEFORE_TITLE = re.compile(r"(?:牢记|感谢|感恩|按照|遵照|落实|领会)$")
_GROUP_WORDS = ("有关", "相关", "各", "全体", "部分", "其他", "与会", "参会", "在家", "广大")
_COMPOUND_START = tuple(c for c in COMPOUND_SURNAMES if c[0] in _ORGAN_AFTER_TITLE)
# a member is named before the title when speaking (葛慧君委员发言说, 程红委员代表民盟中央发言说, 杨明生常委建议,
# 刘伟常委就做好…就业建议);
# elsewhere 委员 or 常委 after a name is too loose
_TRAILING_ONLY = re.compile(TRAILING_TITLE_RE.replace("同志|", "")
                            + "|(?:常委|委员)(?=(?:代表[^，。；\n]{1,12}?|就[^，。；\n]{1,40}?)?"
                              "(?:发言|说|表示|建议|认为|提出|谈到))")
_LEVEL_CHARS = set("省市县区州旗盟")  # a name does not end with a level; a place does (岳阳市)
_BODYLIKE_END = re.compile(r"[委会府部局厅办院组处党家协]$")
# what may stand right before a name with a title after it: a verb or particle (学习习近平总书记…)
_WORD_AFTER_TITLE = set("团处会组室令奖部局厅办")
_NAME_LEAD = re.compile(r"(?:(?:学习|贯彻|传达|落实|领会|悟透|领悟|践行|遵循|牢记|研读|宣讲|阐释|对标|聆听)好?"
                        r"|按照|根据|关于|委托|讲话|指出|强调|听取|陪同|赞成|支持|感谢"
                        r"|由|受|请|向|同|与|和|及|把|将|对|在|是|为|以|的|了)$")

_STRONG_AFTER = ("出席", "主持", "参加", "列席", "讲话", "强调", "指出", "要求", "表示", "作", "在", "同志", "等",
                 "和", "及", "代表", "受", "主讲", "汇报", "发言", "说明", "介绍")


def _end_strength(text: str, i: int) -> int:
    """How surely a name ends before ``text[i]``: 2 punctuation or a role verb, 1 another particle, 0 not."""
    if i >= len(text) or text[i] in AFTER_NAME_PUNCT:
        return 2
    if text.startswith(_STRONG_AFTER, i):
        return 2
    return 1 if boundary_at(text, i) else 0


def name_at(text: str, i: int, *, need_surname: bool = True) -> str | None:
    """The person name starting at ``text[i]``, or None; prefers 3 characters, then 2, then 4."""
    m = _MINORITY.match(text, i)
    if m:
        whole = m.group(0)
        cut = max(whole.rfind(c) for c in "·•・．.") + 1
        best, best_score = None, 0
        for n in range(2, len(whole) - cut + 1):
            score = _end_strength(text, i + cut + n)
            if score > best_score:  # on a tie the shorter name wins: 吐尔逊出席。 is 吐尔逊
                best, best_score = text[i:i + cut + n], score
        return best
    two = text[i:i + 2]
    if two in COMPOUND_SURNAMES:
        lengths = (3, 4)
    elif text[i:i + 1] in SURNAMES or not need_surname:
        lengths = (3, 2)
    else:
        return None
    for n in lengths:
        cand = text[i:i + n]
        # 第 opens an ordinal (总书记连续第13年): no name ends with it; nor with 中央 (总书记党中央…)
        if len(cand) == n and is_cjk(cand) and cand not in _NOT_NAMES and boundary_at(text, i + n) \
                and not (n == 2 and _everyday(cand)) and cand[-1] != "第" and not cand.endswith("中央") \
                and not (n == 3 and cand[1:] in adverbs()):  # 总书记还先后主持: 还 and an adverb
            if n == 3 and lengths == (3, 2) and _function_word_ends(text, i):
                continue
            if n == 3 and _ends_with_he(text, i):
                return text[i:i + 4]
            return cand
    return None


def _ends_with_he(text: str, i: int) -> bool:
    """True when the 和 after three characters ends a four-character name (巴图孟和就…), not a list (李红和张明)."""
    e = i + 3
    return (text[e:e + 1] in ("和",) and is_cjk(text[e:e + 1]) and name_at(text, e + 1) is None
            and (_end_strength(text, e + 1) == 2 or text.startswith(("就", "委托", "同志"), e + 1))
            and not text.startswith(_GROUP_HEADS, e + 1))


# after 和 these start a group, not the rest of a name (王五和市领导…)
_GROUP_HEADS = ("市", "省", "县", "区", "各", "有关", "全体", "其他")


# 一同, 一道, 一起, 一并 after a name: "together", where a two-character name's 一 would make three
_TOGETHER = ("一同", "一道", "一起", "一并")


def _function_word_ends(text: str, i: int) -> bool:
    """True when the third character is a function word, not the end of a name (李红在会上, 张霞和李明)."""
    c = text[i + 2:i + 3]
    if text.startswith("陪同", i + 2):
        return True  # 省长王宁陪同: the third character opens the verb (not 强调 in 王志强调研)
    if text.startswith(_TOGETHER, i + 2) and not text.startswith("一同志", i + 2):
        return True  # 部长尤权一同调研: 一 opens 一同 (a name's 一 before 同志 stays: 王一同志)
    if not boundary_at(text, i + 2):
        return False
    if c in "在为对向就将被并也等率受作说案":
        return True
    if c in "和及与同":
        if text[i + 3:i + 4] == c:
            return False  # 唐茂和和市委书记…: a conjunction is not written twice, so the first ends the name
        # 张霞和李明, 林武和省长周乃翔: another person follows, by name or by title and name
        title = _TITLE_ONLY.match(text, i + 3)
        return name_at(text, i + 3) is not None or (title is not None and name_at(text, title.end()) is not None)
    return False


def _unlisted_name_at(text: str, i: int) -> str | None:
    """A name right after a title whose surname we do not know (额尔敦, 图门吉日嘎拉): it must end cleanly."""
    if text.startswith(AFTER_NAME, i):
        return None
    for n in range(2, 7 if text.startswith(NAME_HEADS, i) else 4):
        cand = text[i:i + n]
        if len(cand) < n or not is_cjk(cand) or set(cand) & _NOT_IN_UNLISTED or _TITLE.search(cand):
            return None
        e = i + n
        if e >= len(text) or text[e] in AFTER_NAME_PUNCT or text.startswith(_VERB_AFTER, e):
            return None if (n == 2 and _everyday(cand)) or (n == 3 and cand[1:] in adverbs()) else cand
    return None


def _worded(piece: str) -> bool:
    """A list item that reads as words, not a name: a common two-character word (工作), or four characters whose
    last two are one, after a one-character surname (海外华侨, 鞠躬致意; not 欧阳文明)."""
    if len(piece) == 2:
        return _everyday(piece)
    return len(piece) == 4 and piece[:2] not in COMPOUND_SURNAMES and piece[2:] in everyday_words()


def _everyday(two: str) -> bool:
    """A two-character word of speech, not a name: 部长通道, 主席声明, 总书记来了, 总书记殷殷嘱托 (a doubled
    character)."""
    return two in everyday_words() or two[1] in _PARTICLES or two[0] == two[1]


def title_chain_before(text: str, start: int, floor: int = 0) -> list[tuple[str, int]]:
    """Titles written right before position ``start`` (``市委书记、市长`` -> both), nearest last."""
    titles: list[tuple[str, int]] = []
    end = start
    while end > floor:
        m = _TITLE_AT_END.search(text, max(floor, end - 8), end)
        if m is None:
            break
        # the body part of the title: CJK run to the left, cut at the last sentence-level word
        left = m.start()
        lo = left
        while lo > floor and lo > left - 22 and "\u4e00" <= text[lo - 1] <= "\u9fff":
            lo -= 1
        prefix = text[lo:left]
        found = list(_PREFIX_STOP.finditer(prefix))
        stops = [st for k, st in enumerate(found) if not _joins_organ(prefix, st, found[k - 1].end() if k else 0)]
        if stops:
            prefix = prefix[stops[-1].end():]
        begin = left - len(prefix)
        titles.insert(0, (text[begin:end], begin))
        if begin > floor and text[begin - 1] in "、兼":  # 市委书记、市长; 全国政协副主席兼秘书长
            end = begin - 1
            continue
        if begin > floor and text[begin - 1] == "，":
            # 甘肃省委原常委，省政府原党组副书记、副省长宋亮: a sentence that opens with titles alone, up to a
            # comma, names their holder after it (not 陈全国，中央书记处书记…尤权, where a name ends the first part)
            before = title_chain_before(text, begin - 1, floor)
            if before and (before[0][1] == floor or text[before[0][1] - 1] in "。；：:\n") \
                    and not titled_names(text, before[0][1], begin - 1) and max(len(t) for t, _ in before) <= 14:
                titles[:0] = before
        break
    return titles


def _joins_organ(prefix: str, stop: re.Match, lo: int = 0) -> bool:
    """True when a 和 in a title's prefix joins two fields of one body (林业和草原局), not two clauses; what
    comes before it is read from ``lo``, the end of the stop before (听取了宪法和法律委员会: 宪法)."""
    before, after = prefix[lo:stop.start()], prefix[stop.end():]
    return stop.group(0) == "和" and len(before) >= 2 and not _TITLE.search(before) \
        and _ORGAN_END.search(after) is not None and len(after) <= 8 \
        and name_at(prefix, lo) != before  # 韩正和国务院副总理胡春华: a name and a title, no organ's fields


_ORGAN_END = re.compile(r"(?:局|厅|委|部|办|院|委员会|中心|署)$")


# what ends a name that a space set off from its title: another space, punctuation, a date, a line's end, a role verb
_SET_OFF_END = re.compile(r"[ ：:，,。、；\n\d]|$|主持|出席|参加|列席|讲话|发言|等|同志")


def titled_names(text: str, lo: int = 0, hi: int | None = None) -> list[NameMention]:
    """Every ``title + name`` in ``text[lo:hi]``, e.g. 市委书记、市委全面深化改革委员会主任邓群策."""
    hi = len(text) if hi is None else hi
    out: list[NameMention] = []
    for m in _TITLE.finditer(text, lo, hi):
        if text.startswith(_ORGAN_AFTER_TITLE, m.end()) and not text.startswith(_COMPOUND_START, m.end()):
            continue  # 书记处, 常委会, 主席团: a word made with the title, not a person after it
        if text.startswith(("席就座", "席位"), m.end()):
            continue  # 在主席台执行主席席就座: the title's seat, not a person named 席
        if text[m.end() - 1] == "长" and text[m.end():m.end() + 1] not in SURNAMES \
                and text[m.end() - 1:m.end() + 1] in words_opening_with("长"):
            continue  # 新华社长篇通讯, 吉林省长春市: the 长 opens the next word (but 副处长江华 is a name)
        if text[m.start():m.start() + 1] == "处" and text[m.start() - 1:m.start()] in _PLACE_OF:
            continue  # 地处长江…, 身处…: 处 is where something lies, not a division's 处长
        if text.startswith(_VERB_AFTER, m.end()) or text.startswith(_NO_NAME_AFTER_TITLE, m.end()):
            continue  # 总书记关于…, 市长主持…, 省长视频发言: no name follows
        if text.startswith(("和", "与", "及"), m.end()):
            continue  # 政协委员和特邀代表: right after a title, 和 joins, it does not begin a name
        # after a verb, a bare title is a noun (牢记总书记嘱托): only a name with a known surname follows it
        noun = _VERB_BEFORE_TITLE.search(text, max(lo, m.start() - 3), m.start()) is not None
        # a web copy may set the name off by a space (市委书记 钟华 主持会议); a name with a known surname only
        at = m.end() + 1 if text[m.end():m.end() + 1] == " " and m.end() + 1 < hi else m.end()
        name = name_at(text, at) if at > m.end() else \
            name_at(text, at) or (None if noun else _unlisted_name_at(text, at))
        if name and at > m.end() and not _SET_OFF_END.match(text, at + len(name)):
            continue  # …国家主席 李克强致电祝贺: a headline's two halves, not a name set off by spaces
        if not name or text.rfind("《", lo, m.start()) > text.rfind("》", lo, m.start()):
            continue  # no one, or words inside a document title (《……“局长热线”实施方案》)
        chain = title_chain_before(text, m.end(), lo)
        if chain and chain[0][0].startswith(_GROUP_WORDS):
            continue  # 有关委员调整情况: a group of people, not one person's post
        if m.group(0) in _MEMBER_TITLES and not _ORGAN_PREFIX.search(text, max(lo, m.start() - 4), m.start()):
            continue  # 要加强委员队伍建设: 委员 as a word, not a post
        after = at + len(name)
        in_list = after < len(text) and text[after] in "、和及"
        # 市委常委 before one name is a post; before a list it only says who the people are
        titles = [t for t, _ in chain if not (in_list and _GROUP.fullmatch(t))]
        out.append(NameMention(name, Span(at, at + len(name), name), titles))
        if titles:
            out += _listed_after(text, after, hi, titles)
    return out


def _listed_after(text: str, after: int, hi: int, titles: list[str]) -> list[NameMention]:
    """The names listed after a titled one (中央军委委员魏凤和、李作成、苗华): each takes the list's titles, up to an
    item that is no name or has a title of its own."""
    out = []
    while text[after:after + 1] == "、" and after + 1 < hi:
        nxt = name_at(text, after + 1)
        if nxt is None:
            break
        item_end = min([i for i in (text.find(c, after + 1, hi) for c in "、，,；。\n") if i != -1] or [hi])
        head_end = min(item_end, after + 1 + len(nxt) + 6)  # the item's head, not the clause it runs into
        if _worded(nxt) or _BODYLIKE.search(nxt) or _TITLE.search(text, after + 1, head_end) \
                or text[after + 1 + len(nxt):after + 2 + len(nxt)] in ("（", "("):
            break  # 区政协主席叶水山, 安提瓜和巴布达总理布朗, 尼共（毛主义中心）主席: a title of its own
        out.append(NameMention(nxt, Span(after + 1, after + 1 + len(nxt), nxt), list(titles)))
        after += 1 + len(nxt)
    return out


def _strip_titles(piece: str) -> tuple[list[str], str, bool]:
    """Split ``副市长张三`` into (["副市长"], "张三", False); a group label is dropped and reported (True)."""
    titles: list[str] = []
    rest = piece
    grouped = False
    while True:
        g = _GROUP.match(rest)
        if g and len(rest) > g.end():
            rest = rest[g.end():]
            grouped = True
            continue
        best = None
        for m in _TITLE.finditer(rest):
            tail = rest[m.end():]
            minority = _MINORITY.fullmatch(tail) and not _TITLE.search(re.split(r"[·•・．.]", tail)[0])
            if (2 <= len(tail) <= 4 or minority) and \
                    (name_at(rest, m.end()) == tail or name_at(rest + "。", m.end()) == tail
                     or (is_cjk(tail) and not set(tail) & _NOT_IN_UNLISTED and not _TITLE.search(tail))):
                best = m
                break
        if best is None:
            return titles, rest, grouped
        titles.append(rest[:best.end()])
        rest = rest[best.end():]


def _named_then_titled(piece: str) -> bool:
    """True when a list item is a name with its title after it (栗战书委员长, 王五书记), not a bare title whose
    body looks like a surname (区委书记)."""
    m = _TRAILING_FULL.fullmatch(piece)
    return m is not None and not _BODYLIKE.search(m.group(1)) and name_at(piece, 0) == m.group(1)


def names_in_list(text: str, lo: int, hi: int) -> list[NameMention]:
    """Names in a list such as ``市领导赖馨正、段志刚和刘泽友``, titles inside the list kept per name.

    A title before a run of names applies to each of them until the next title; a group label gives none.
    """
    out: list[NameMention] = []
    current: list[str] = []
    pending: list[str] = []  # titles in pieces of their own: 区委副书记、区长、区委深改委副主任宁致远
    visited = False  # inside the places a verb like 访问 enumerates, until a comma ends its list
    for start, piece in _list_pieces(text, lo, hi):
        if text[start - 1:start] in "，,；;　 \t\n":
            visited = False
        if visited:
            continue
        if _VISITS.search(piece):
            visited = True
            continue
        piece = _TRAILING_GROUP.sub("", piece)  # noqa: PLW2901 (the list item without its trailing 等)
        if start + len(piece) == hi:
            piece = _TRAILING_PARTICLE.sub("", piece)  # noqa: PLW2901
        if _TITLE_ONLY.fullmatch(piece) and not _GROUP.fullmatch(piece) and not _named_then_titled(piece):
            pending.append(piece)
            continue
        titles, rest, grouped = _strip_titles(piece)
        if titles:
            current = pending + titles
        elif pending and text[start - 1:start] in " 　":
            current = pending  # 委员会副主任 李强、王沪宁: the titles a space sets off from the names
        elif grouped:
            current = []
        pending = []
        trailing = _TRAILING_FULL.fullmatch(rest)
        if trailing and not titles and has_surname(trailing.group(1)):
            # 王红副市长: the title comes after the name
            rest = trailing.group(1)
        headed = is_cjk(rest) and has_name_head(rest) and len(rest) <= 6  # 才让多杰, 额尔敦毕力格
        name = rest if (_MINORITY.fullmatch(rest) or headed or (is_cjk(rest) and 2 <= len(rest) <= 4
                                                               and not _BODYLIKE.search(rest)
                                                               and not _worded(rest))) else None
        s = start + len(piece) - len(rest)
        in_enumeration = text[s - 1:s] == "、" or text[s + len(rest):s + len(rest) + 1] == "、"
        if name and name not in _NOT_NAMES and (_MINORITY.fullmatch(name) or name[:1] in SURNAMES
                                                or name[:2] in COMPOUND_SURNAMES or headed
                                                or (in_enumeration and _plain_name(name))):
            out.append(NameMention(name, Span(s, s + len(name), name), list(current)))
        elif not name:
            current = []
    return out


# role verbs of two characters or more that may follow a name: a sure end for a name of unknown surname
_VERB_AFTER = tuple(w for w in AFTER_NAME if len(w) >= 2 and w not in ("书记", "市长", "省长", "县长", "区长", "主任",
                                                                        "主席", "总理", "部长", "局长", "委员"))
_NOT_IN_NAMES = set("的了会部局委办区县市省各有关负责人员单位代表同志领导成员们全家在和及与等为是将对就从向长")


# …nor a name in parts before its title (任命阿德南·祖尔菲为新任总理, 乌里·巴表示赞赏…主席)
_NOT_IN_PARTED = _NOT_IN_NAMES | set("任选示括期待新当赞外交基金")


# characters no name of unknown surname holds (they end words of places, bodies, events and prizes)
_NOT_IN_UNLISTED = _NOT_IN_NAMES | set("奖议次团届党厅院处室组府况重国际系期授权质量统行动中央政协人大")


def _plain_name(piece: str) -> bool:
    """A list item with no known surname may still be a name (额尔敦, 望春来) if nothing in it says otherwise."""
    return 2 <= len(piece) <= 3 and not (set(piece) & _NOT_IN_NAMES)


def _list_pieces(text: str, lo: int, hi: int):
    """Split a list at 、 ， ； and at 和/及/与 that join two items (not the 和 inside 王和平 or 伍家和)."""
    for m in re.finditer(r"[^、，,；;\s]+", text[lo:hi]):
        piece, start = m.group(0), lo + m.start()
        lead = re.match(r"以及", piece)
        if lead and len(piece) > lead.end() + 1:  # ，以及中央军委委员李作成: the joint opens the item
            piece, start = piece[lead.end():], start + lead.end()
        cut = 0
        for j in re.finditer(r"和|及|与|以及", piece):
            before, after = piece[cut:j.start()], piece[j.end():]
            if _TITLE_AT_END.search(before[:-1]) or _GROUP.fullmatch(before[:-1]):
                continue  # 市委副书记丁和艺和…, 老领导高和梁: a title or label and one character: a name cut at 和
            if len(before) >= 2 and after and (after[0] in SURNAMES or after[:2] in COMPOUND_SURNAMES
                                               or after[0] in "市省县区州旗国中全各有"
                                               or _TITLE.search(after[:12]) or _GROUP.match(after)):
                yield start + cut, before
                cut = j.end()
        yield start + cut, piece[cut:]


def bare_mentions(text: str, known: set[str], seen: set[tuple[int, int]]) -> list[NameMention]:
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


@component(requires=("norm", "body_start"), assigns=("names", "chair_lines"))
def find_names(doc: Doc) -> None:
    """People named with a title anywhere, chairs named in the headline block, and every later bare mention."""
    text = doc.norm
    titled = titled_names(text)
    doc.chair_lines = []
    for line in re.finditer(r"[^\n]+", text[:doc.body_start]):
        if CHAIR_LINE.match(line.group(0)):
            name = line.group(0)[:-2]
            doc.chair_lines.append(NameMention(name, Span(line.start(), line.start() + len(name), name)))
    seen = {(m.span.start, m.span.end) for m in titled}
    # a name before its title may not overlap one after a title: 区政协主席向康欣和副区长 holds no 康欣和
    covered = {k for m in titled for k in range(m.span.start, m.span.end)}
    trailing = [m for m in trailing_titled(text, {m.span.start for m in titled})
                if (m.span.start, m.span.end) in seen or not covered.intersection(range(m.span.start, m.span.end))]
    # 习近平总书记来陕考察: the title belongs to the name before it, so no one is named after it
    taken = {m.span.end + len(m.titles[0]) for m in trailing}
    titled = [m for m in titled if m.span.start not in taken]
    titled += [m for m in trailing if (m.span.start, m.span.end) not in seen]
    seen |= {(m.span.start, m.span.end) for m in titled}
    titled += [m for m in counted_list(text) if (m.span.start, m.span.end) not in seen]
    titled.sort(key=lambda m: m.span.start)
    known = {m.name for m in titled} | {m.name for m in doc.chair_lines}
    doc.names = titled + bare_mentions(text, known, {(m.span.start, m.span.end) for m in titled})


# 刘家义、方光华、曹卫星等14位政协常委作大会发言: a list, then how many, then what they are
_COUNTED = re.compile(r"等(?:\d+|[一二三四五六七八九十]+)(?:位|名)([\u4e00-\u9fff]{2,12}?)"
                      r"(?=作|在|发言|出席|参加|列席|围绕|就|，|。)")


def counted_list(text: str) -> list[NameMention]:
    """The names of a list that a count and a title close (…张裔炯等14位政协常委作大会发言): each holds the title.
    Only names the list gives one by one, back from the count, while each reads as a name."""
    out: list[NameMention] = []
    for m in _COUNTED.finditer(text):
        title = m.group(1)
        if not _TITLE_ONLY.fullmatch(title) or _GROUP.fullmatch(title) or title.startswith(_GROUP_WORDS):
            continue
        end, found = m.start(), []
        while True:
            start = max(text.rfind(c, 0, end) for c in "、，,：:。\n （(") + 1
            item = text[start:end]
            named = name_at(text, start) == item or (is_cjk(item) and _plain_name(item))  # 户思社: surname unknown
            if not (2 <= len(item) <= 4 and named) or _worded(item):
                break
            found.append(NameMention(item, Span(start, end, item), [title]))
            if text[start - 1:start] != "、":
                break
            end = start - 1
        if len(found) >= 2:
            out += reversed(found)
    return out


def trailing_titled(text: str, named_after: set[int] | frozenset[int] = frozenset()) -> list[NameMention]:
    """Names with a title written after them, as later mentions and speeches do: 习近平总书记, 赵乐际委员长主持.

    ``named_after`` holds where names with a title before them start: a level's title (市长, 县委书记) followed by
    such a name is a place and a title (岳阳市长李明), not a name before its title."""
    out = []
    for m in _TRAILING_ONLY.finditer(text):
        if text[m.end():m.end() + 1] in _WORD_AFTER_TITLE:
            continue  # 主席团, 书记处, 区长质量奖: the title is part of another word
        if m.group(0)[0] in _LEVEL_CHARS and m.end() in named_after:
            continue
        end = m.start() - 1 if text[m.start() - 1:m.start()] == " " else m.start()  # 赵乐际 委员长主持
        whole = _MINORITY_BEFORE.search(text, max(0, end - 20), end)
        if whole and (whole.start() == 0 or not is_cjk(text[whole.start() - 1])) \
                and not set(whole.group(0)) & _NOT_IN_PARTED:
            # 穆铁礼甫·哈斯木委员发言说: a name in parts, opening its clause
            out.append(NameMention(whole.group(0), Span(whole.start(), end, whole.group(0)), [m.group(0)]))
            continue
        for n in (4, 3, 2):
            s = end - n
            cand = text[max(s, 0):end]
            if n == 4 and cand[:2] not in COMPOUND_SURNAMES:
                continue  # 欧阳泽华委员: four characters only after a two-character surname
            if (s < 0 or not is_cjk(cand) or not has_surname(cand) or cand in _NOT_NAMES
                    or _BODYLIKE_END.search(cand) or cand[-1] in _LEVEL_CHARS or (n == 2 and _everyday(cand))):
                continue
            if s > 0 and is_cjk(text[s - 1]) and not _NAME_LEAD.search(text, max(0, s - 4), s):
                continue  # 全国政协主席: the characters before the title are the end of a longer word
            out.append(NameMention(cand, Span(s, end, cand), [m.group(0)]))
            break
    return out
