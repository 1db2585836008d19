"""Plain-text pages: split a page into articles and rejoin sentences broken across columns."""
from __future__ import annotations

import re
from datetime import date

from .article import Article

# Where the body of a report begins. A dateline is the one marker every article of the genre carries.
DATELINE = re.compile(
    r"^(?:本报讯|本报[\u4e00-\u9fff]{1,6}?讯(?!员)|新华社[\u4e00-\u9fff]{0,8}\d{1,2}月\d{1,2}日电|"
    r"[（(](?:本报|融媒体|全媒体)?记者[^）)]{1,30}[）)]\s*\S|央视网消息|人民网[\u4e00-\u9fff]{0,6}电|据[\u4e00-\u9fff]{2,12}报道)"
)
BYLINE = re.compile(
    r"^[■●◆▲□★]?\s*(?:本报|本台|本刊)?(?:融媒体|全媒体|首席|见习|特约)?(?:记者|通讯员|评论员)"
    r"|^[■●◆▲□★]\s*\S"
)
CHAIR_LINE = re.compile(r"^[\u4e00-\u9fff·]{2,12}主持$")
_FINAL = "。！？；…"
# a page's masthead or a transcript's date line: a full date, a weekday, a page number
MASTHEAD = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日|星期[一二三四五六日天]|第\s*[\d一二三四五六七八九十]+\s*版"
                      r"|^\d{4}-\d{2}-\d{2}")


def split_page(raw: str, *, source: str, published: date | None = None, place: str | None = None) -> list[Article]:
    """Split one page of text into articles; each article's text has its broken sentences rejoined."""
    paras = [ln.strip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    paras = [p for p in (re.sub(r"[ \t\u3000]+", " ", p) for p in paras) if p]
    if not paras:
        return []
    starts = [i for i, p in enumerate(paras) if DATELINE.match(p)]
    if not starts:
        return [_article(paras, 0, source, published, place, header_len=_header_len(paras))]
    bounds = []
    prev = 0
    for i in starts:
        j = i
        while j - 1 >= prev and _header_like(paras[j - 1]):
            j -= 1
        bounds.append((j, i))
        prev = i + 1
    articles = []
    for k, (head_start, body_start) in enumerate(bounds):
        begin = 0 if k == 0 else head_start
        end = bounds[k + 1][0] if k + 1 < len(bounds) else len(paras)
        chunk = paras[begin:end]
        articles.append(_article(chunk, k, source, published, place, header_len=body_start - begin))
    return articles


def _header_len(paras: list[str]) -> int:
    n = 0
    while n < len(paras) - 1 and _header_like(paras[n]) and n < 5:
        n += 1
    return n


def _header_like(p: str) -> bool:
    if BYLINE.match(p) or CHAIR_LINE.match(p):
        return True
    if p.endswith("主持"):
        return len(p) <= 120
    return len(p) <= 60 and p[-1] not in _FINAL and not p.endswith(("”", "’"))


def _ends_sentence(p: str) -> bool:
    return p[-1] in _FINAL + "：:" or p[-2:] in ("。”", "！”", "？”", "。’", "。）", "。)")


def join_broken(paras: list[str]) -> list[str]:
    """Rejoin paragraphs that a column break cut in the middle of a sentence."""
    out: list[str] = []
    for p in paras:
        if out and not _ends_sentence(out[-1]):
            out[-1] += p
        else:
            out.append(p)
    return out


def _article(chunk, index, source, published, place, *, header_len) -> Article:
    header, body = chunk[:header_len], join_broken(chunk[header_len:])
    title = next((h for h in header if not BYLINE.match(h) and not CHAIR_LINE.match(h) and not MASTHEAD.search(h)),
                 None)
    if title is None and body and len(body[0]) <= 40 and not _ends_sentence(body[0]):
        title = body[0]
    return Article(text="\n".join(header + body), source=source, title=title, published=published,
                   place=place, index=index, body_start=len("\n".join(header)) + 1 if header else 0)
