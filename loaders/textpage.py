"""Plain-text pages: split a page into articles and rejoin sentences broken across columns.

A page of a paper holds several articles, each a block of headline lines (引题, 主题, 副题, a 主持 line, a
byline) and a body. The body starts at a dateline (本报讯, 本报北京1月31日电, 新华社北京1月31日电 …), at a photo's
caption (图为…), after a commentary's byline (本报评论员), at a continuation mark (（上接第一版）), or, for a brief
with none of these, at a paragraph that opens as news does (近日，…; 今年以来，…). A headline block starts only
after a paragraph that ends a sentence, so a line a column break cut off is never taken for a headline, and a
subhead inside a long article (坚持高质量发展) is not followed by a news opening.

Before that, a page's text is made plain: character references a web copy kept are unescaped, every run of
spaces is one space, a name print padded is closed up (padded_names), and a page wrapped at a column's width is
unwrapped (hardwrap). After it, whole paragraphs before the first headline block are a headless report of their
own, an unlabelled end credit stays with the report it signs, and an item's own date line dates it.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date

from .article import Article
from .encoding import clean_text
from .extract.lexicon import has_surname, is_cjk, splits_a_word
from .extract.reporters import credit_names
from .hardwrap import unwrap
from .padded_names import close_padded_names
from .pubdate import date_from_text_head

_PAPER = (r"(?:本报|本刊|本台|新华社|中新社|人民网|新华网|央视网|光明网|经济日报"
          r"|[\u4e00-\u9fff]{1,6}(?:日报|晚报|新闻网|融媒))")
# Where the body of a report begins.
DATELINE = re.compile(
    r"^(?:本报讯|本网讯|本台讯|[\u4e00-\u9fff]{1,8}?讯(?=[ （(【：:]|记者|通讯员)(?<!通讯)|"
    rf"{_PAPER}?[\u4e00-\u9fff]{{0,8}}\d{{1,2}}月\d{{1,2}}日(?:电|讯)|"
    r"[（(](?:本报|融媒体|全媒体)?(?:记者|通讯员)[^）)]{1,30}[）)]\s*\S|"
    r"央视网消息|[\u4e00-\u9fff]{2,8}网消息(?=[（(])|人民网[\u4e00-\u9fff]{0,6}电|据[\u4e00-\u9fff]{2,12}报道)"
)
CONTINUED = re.compile(r"^[（(]?(?:上接|紧接|接)第?\s*[\d一二三四五六七八九十A-Z]+\s*版[）)]?")
BYLINE = re.compile(
    r"^[■●◆▲□★]?\s*(?:本报|本台|本刊|新华社|人民网)?(?:融媒体|全媒体|首席|见习|特约)?(?:记\s*者|通\s*讯\s*员|评论员)"
    r"|^[■●◆▲□★]\s*\S"
)
PHOTO_CREDIT = re.compile(r"^(?:[\u4e00-\u9fff]{0,6}记者)?\s*[\u4e00-\u9fff· ]{2,12}\s*摄(?:影)?$")
CAPTION = re.compile(r"^(?:图为|图：|图:|上图|下图|左图|右图)")
CHAIR_LINE = re.compile(r"^[\u4e00-\u9fff·]{2,12}主持$")
CONTINUES = re.compile(r"[（(]?下转第\s*[\d一二三四五六七八九十A-Z]+\s*版[）)]?$")
# a page's masthead or header line, or a transcript's date line: a full date, a weekday, a page number, an editor
MASTHEAD = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日|星期[一二三四五六日天]|第\s*[\dA-Z一二三四五六七八九十]+\s*版"
                      r"|^\d{4}-\d{2}-\d{2}|^(?:责任编辑|责编|编辑|版式|美编|校对)[：:]")
# how a news story without a dateline opens: a time, a source, a place of the reporting
NEWS_OPENING = re.compile(
    r"^(?:近日|日前|近期|昨天|昨日|今天|今日|当天|今年|去年|近年来|年初以来|入[春夏秋冬]以来|截至|截止|"
    r"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?|\d{1,2}日|记者(?:从|日前|近日|获悉|了解)|据了解|据悉"
    # or a subject and then the time: 国家统计局日前发布…, 全国妇联近日印发…
    r"|[\u4e00-\u9fff]{2,14}?(?:日前|近日|近期|\d{1,2}日)(?:发布|印发|召开|举行|公布|启动|宣布|出台|部署|联合))"
)
# a web page's furniture when its markup did not say so: copyright and licence lines, the site's owner, a
# breadcrumb (当前位置：首页 > 新闻 > 正文), a menu (首页 | 新闻中心 | 政务公开), the page's tools
# (【打印本页】【关闭窗口】, 【字体：大 中 小】, 分享到, 扫一扫在手机打开当前页)
SITE_CHROME = re.compile(
    r"版权所有|ICP[备证]|公网安备|网站标识码|(?:技术支持|主办单位|承办单位|网站主办)\s*[：:]|Copyright|©"
    r"|打印本页|关闭窗口|返回顶部")
# words of a page's tools that news may also use (分享到祖国内地的体会): furniture only in a short line
SITE_TOOLS = re.compile(r"分享到|扫一扫|在手机(?:上)?打开|字体[：:]\s*[【\[]?大|点击(?:上方)?蓝字|关注我们")
# a social-media copy's buttons, each a line of its own at the foot (分享 收藏 点赞 在看)
_BUTTONS = {"分享", "收藏", "点赞", "在看", "转发", "推荐", "阅读原文", "留言", "写留言"}
# the same furniture where a line is nothing else: a breadcrumb, a menu, a row of page tools (read from the line's
# start only, which is several times faster than searching every line for them)
SITE_CHROME_LINE = re.compile(
    r"(?:当前位置|您的位置|您现在的位置|主办|承办)\s*[：:]|(?:[^\s|>»]{1,8}\s*[|>»]\s*){2,}[^\s|>»]{1,8}$"
    r"|(?:[【\[][^】\]]{1,10}[】\]]\s*){2,}$")
_FINAL = "。！？；…"
# any run of spaces but a line break: ASCII, ideographic, and the no-break and thin spaces web copies carry
_SPACES = re.compile(r"[ \t\f\v\u3000\u00a0\u1680\u2000-\u200a\u202f\u205f]+")
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,7}|#[xX][0-9a-fA-F]{2,6});")
_SUBHEAD = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]"
                      r"|第[一二三四五六七八九十]+[，、])")


@dataclass
class _Para:
    text: str
    kind: str  # dateline | continued | byline | credit | caption | chair | head | author | mark | body


def _chrome(p: str) -> bool:
    return len(p) <= 160 and (SITE_CHROME_LINE.match(p) is not None or SITE_CHROME.search(p) is not None
                              or (len(p) <= 30 and SITE_TOOLS.search(p) is not None) or p in _BUTTONS)


def _kind(p: str) -> str:
    if CONTINUED.match(p):
        return "continued"
    if DATELINE.match(p):
        return "dateline"
    if CAPTION.match(p):
        return "caption"
    if PHOTO_CREDIT.match(p):
        return "credit"
    if len(p) <= 40 and (BYLINE.match(p) or CHAIR_LINE.match(p)) and not p.endswith(tuple(_FINAL)):
        return "byline" if BYLINE.match(p) else "chair"
    if _opens_a_cut_sentence(p):
        return "body"
    if CONTINUES.fullmatch(p) or (len(p) <= 40 and MASTHEAD.search(p) and not p.endswith(tuple(_FINAL))):
        return "mark"
    if _headline_like(p):
        return "head"
    return "body"


def _opens_a_cut_sentence(p: str) -> bool:
    """A line that opens as news does, runs past a comma and stops mid-sentence (7月20日下午，省长许达哲 /
    主持召开…; 2023年12月26日，区 / 长李伟光…): a first sentence a break cut, not a headline or a date line."""
    return not _ends_sentence(p) and ("，" in p or "," in p) and NEWS_OPENING.match(p) is not None


def _mark_authors(paras: list[_Para]) -> None:
    """A name alone on a line after a commentary's last sentence signs it (a commentary has no dateline)."""
    for i, p in enumerate(paras):
        if p.kind == "head" and 2 <= len(p.text) <= 4 and has_surname(p.text) and i > 0 \
                and paras[i - 1].kind == "body" and _ends_sentence(paras[i - 1].text) \
                and (i + 1 == len(paras) or paras[i + 1].kind in ("head", "mark", "dateline", "byline")):
            j = i - 1
            while j > 0 and paras[j].kind == "body":
                j -= 1
            if paras[j].kind not in ("dateline", "continued", "caption"):
                p.kind = "author"


def _headline_like(p: str) -> bool:
    if p.endswith("主持"):
        return len(p) <= 120
    return len(p) <= 48 and p[-1] not in _FINAL + "，、：:" and p.count("，") <= 1 \
        and not (p.endswith(("”", "’", "）")) and (len(p) > 30 or re.search(r"[。！？]", p)))


def _ends_sentence(p: str) -> bool:
    return p[-1] in _FINAL + "：:" or p[-2:] in ("。”", "！”", "？”", "。’", "。）", "。)") \
        or CONTINUES.search(p) is not None


def split_page(raw: str, *, source: str, published: date | None = None, place: str | None = None) -> list[Article]:
    """Split one page of text into articles; each article's text has its broken sentences rejoined."""
    if _ENTITY.search(raw):  # a web page's text copied with its character references (&nbsp; &ldquo; &#8220;)
        raw = clean_text(html.unescape(raw))[0]  # a reference may spell what is not text (&#27; is ESC)
    lines = [close_padded_names(_SPACES.sub(" ", ln).replace("\u200b", "").strip())
             for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = unwrap(lines, lambda ln: DATELINE.match(ln) or BYLINE.match(ln) or CONTINUED.match(ln))
    paras = [_Para(p, _kind(p)) for p in lines if p and not _chrome(p)]
    if not paras:
        return []
    _mark_authors(paras)
    _mend_cut_heads(paras)
    starts = _body_starts(paras)
    if not starts:
        n = _leading_header(paras)
        return [_article(paras, n, 0, source, published, place)]
    articles = []
    bounds = [_header_start(paras, s, prev) for s, prev in zip(starts, [0, *[x + 1 for x in starts]], strict=False)]
    if any(_whole_paragraph(p) for p in paras[:bounds[0]]):
        # a paragraph before the first headline block: a report with no headline of its own opens the page
        starts, bounds = [_leading_header(paras[:bounds[0]]), *starts], [0, *bounds]
    for k, (head, body) in enumerate(zip(bounds, starts, strict=True)):
        begin = 0 if k == 0 else head
        end = bounds[k + 1] if k + 1 < len(bounds) else len(paras)
        articles.append(_article(paras[begin:end], body - begin, k, source, published, place))
    return articles


def _mend_cut_heads(paras: list[_Para]) -> None:
    """A line taken for a headline whose last word runs on into the next line (…27日下午在北 / 京人民大会堂举行) is the
    first part of a sentence a column cut: it is body, and is joined to what follows."""
    for i in range(len(paras) - 1):
        p, nxt = paras[i], paras[i + 1]
        # only where a report's first sentence stands: after a headline block, not after a paragraph (where a
        # subhead does: …已超160家 / 中国贸促会… reads 家中 as a word)
        if i > 0 and paras[i - 1].kind == "body":
            continue
        if p.kind == "head" and nxt.kind == "body" and not _ends_sentence(p.text) \
                and is_cjk(p.text[-1]) and is_cjk(nxt.text[0]) and splits_a_word(p.text, nxt.text):
            p.kind = "body"


def _whole_paragraph(p: _Para) -> bool:
    """A paragraph of a report's body: clauses, and a statement's end (a headline asks or exclaims:
    这家民企的信心从何而来？ 新疆反恐又出铁证，美国政客还想装聋作哑到几时？)."""
    return p.kind == "body" and len(p.text) >= 20 and re.search("[，,]", p.text) is not None \
        and p.text.endswith(("。", "。”", "；"))


def _starts_body(paras: list[_Para], i: int, p: _Para) -> bool:
    if p.kind in ("dateline", "continued"):
        return True
    if p.kind == "caption":  # a photo: its caption opens it, after a headline or on its own
        return i == 0 or paras[i - 1].kind in ("head", "byline", "mark", "credit") or _ends_sentence(paras[i - 1].text)
    return p.kind == "body" and i > 0 and _after_header_block(paras, i)


def _body_starts(paras: list[_Para]) -> list[int]:
    """Indexes of the paragraphs where an article's body begins."""
    out = [i for i, p in enumerate(paras) if _starts_body(paras, i, p)]
    # a dateline right after a caption, a commentary byline or a brief's opening belongs to the same article
    return [s for k, s in enumerate(out) if k == 0 or not _same_article(paras, out[k - 1], s)]


def _after_header_block(paras: list[_Para], i: int) -> bool:
    """True when the body paragraph ``i`` opens an article: a headline block before it, after a finished one."""
    j = i
    while j > 0 and paras[j - 1].kind in ("head", "byline", "chair", "mark"):
        j -= 1
    block = paras[j:i]
    if not block or not any(p.kind == "head" for p in block):
        return False
    if j > 0 and not _ends_sentence(paras[j - 1].text) and paras[j - 1].kind not in ("credit", "mark"):
        return False  # a column break: the words before it do not end a sentence
    if j > 0 and paras[j - 1].kind == "dateline" and len(paras[j - 1].text) <= 20 \
            and paras[j - 1].text.endswith(("：", ":")):
        return False  # 央视网消息（新闻联播）： and then the headline again: one article
    if any(p.kind == "byline" for p in block):
        return True  # headline and byline: a commentary (本报评论员) or a report without a dateline
    heads = [p.text for p in block if p.kind == "head"]
    if any(_SUBHEAD.match(h) for h in heads) or not re.search(r"[。！？]", paras[i].text):
        return False  # a subhead, or words that are not yet a sentence (a TV headline's list of documents)
    # a column's name or a kicker over a headline (今日谈 / 让“小站”也有大温度): a commentary or a feature;
    # a subhead inside an article stands alone
    return len(heads) >= 2 or NEWS_OPENING.match(paras[i].text) is not None


def _same_article(paras: list[_Para], a: int, b: int) -> bool:
    """True when the start ``b`` follows ``a`` with no headline between them (a caption's credit, one block)."""
    between = paras[a + 1:b]
    return all(p.kind in ("byline", "credit", "chair") for p in between) and paras[a].kind != "dateline" \
        and paras[b].kind != "continued"


def _header_start(paras: list[_Para], body: int, floor: int) -> int:
    """Where the headline block of the article whose body starts at ``body`` begins."""
    j = body
    while j > floor and paras[j - 1].kind in ("head", "byline", "chair", "mark") and body - j < 6:
        j -= 1
    # the first lines of a block may close the article before it, when that article's sentence runs on
    while j < body and j > 0 and not _ends_sentence(paras[j - 1].text) \
            and paras[j - 1].kind in ("body", "dateline", "continued"):
        j += 1
    # an unlabelled credit after the last sentence, (葛虹虹) or ■瞿伟 or 张慧君 顾辉, signs the article before
    while j < body and j > 0 and paras[j - 1].kind == "body" and _ends_sentence(paras[j - 1].text) \
            and credit_names(paras[j].text):
        j += 1
    return j


def _leading_header(paras: list[_Para]) -> int:
    n = 0
    while n < len(paras) - 1 and paras[n].kind in ("head", "byline", "chair", "mark") and n < 5:
        n += 1
    return n


def join_broken(paras: list[str]) -> list[str]:
    """Rejoin paragraphs that a column break cut in the middle of a sentence; a subhead stays a line of its own."""
    out: list[str] = []
    for i, p in enumerate(paras):
        if out and not _ends_sentence(out[-1]) and not _inner_subhead(paras, i - 1) \
                and not (_CREDIT_LINE.match(p) or _CREDIT_LINE.match(out[-1])):
            out[-1] += p
        else:
            out.append(p)
    return out


# a line of its own at an article's foot: who wrote, edited or checked it (作者：徐侃, 责任编辑：王小明)
_CREDIT_LINE = re.compile(r"(?:(?:责任)?编辑|责编|审核|校对|终审|监制|作者|来源)\s*[：:]")
_SAYS = re.compile(r"(?:指出|强调|认为|表示|要求|提出|说)$")


def _inner_subhead(paras: list[str], i: int) -> bool:
    """True for a short line inside a body that heads what follows it (美方称将…, 一季度经济运行总体平稳), not the
    first part of a broken sentence: it comes after a whole sentence, has no comma, and what follows is a whole
    paragraph of its own, longer than a column's line (会议指出 before its paragraph introduces it, and joins)."""
    if not 0 < i < len(paras) - 1:
        return False
    p, nxt = paras[i], paras[i + 1]
    if not (_ends_sentence(paras[i - 1]) and len(p) <= 30 and not re.search("[，,、：:]", p)
            and not _SAYS.search(p) and len(nxt) >= 40 and _ends_sentence(nxt)):
        return False
    # what a cut leaves: the meeting's own sentence (会议审议通 / 过了…), a title or bracket still open, a next line
    # that starts with punctuation, or a word cut in two where the lines meet (常委会关 / 于提请…)
    return not (p.startswith("会议") or p.count("《") > p.count("》") or p.count("（") > p.count("）")
                or nxt[0] in "，,、。；;：:）)》" or splits_a_word(p, nxt))


def _article(chunk: list[_Para], header_len: int, index: int, source, published, place) -> Article:
    header = [p.text for p in chunk[:header_len]]
    body = join_broken([p.text for p in chunk[header_len:]])
    heads = [p.text for p in chunk[:header_len] if p.kind == "head" and not p.text.startswith("——")]
    title = heads[0] if heads else None
    if title is None and body and len(body[0]) <= 40 and not _ends_sentence(body[0]):
        title = body[0]
    if index > 0:  # an item's own date line in a file of many (新闻联播 2026-02-25 over each): its day, not the first's
        published = date_from_text_head("\n".join(header), lines=header_len) or published
    return Article(text="\n".join(header + body), source=source, title=title, published=published,
                   place=place, index=index, body_start=len("\n".join(header)) + 1 if header else 0)
