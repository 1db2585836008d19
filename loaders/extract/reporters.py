"""Journalists and correspondents from bylines and credit lines, in their many forms.

Labelled: ``■本报记者 陈润``, ``（记者 张三 通讯员 李四）``, ``■通 讯 员 王成虎``, ``作者:徐侃``, ``记者黄柱报道``.
Unlabelled, at the very end of an article: a line or a parenthesis made only of names (``(朱亚旭 李得胜)``,
``张慧君 顾 辉``), or ``■瞿伟`` after the last sentence. Editors (编辑, 责编) are not reporters.
"""
from __future__ import annotations

import re

from .doc import Doc, component
from .findings import NameMention, Span
from .lexicon import has_surname

_SP = r"[ \u3000]?"
_ROLE = (rf"(?:本报|本台|本刊|融媒体?|全媒体|新媒体)?(?:首席|见习|特约|驻[\u4e00-\u9fff]{{1,4}})?"
         rf"(?:记{_SP}者|通{_SP}讯{_SP}员|实{_SP}习{_SP}生)|作{_SP}者(?=[：:])")
_LIST = re.compile(rf"({_ROLE})[\s:：]*((?:[\u4e00-\u9fff·]{{2,8}}(?:[\s、，,]+|$))+)", re.M)
_ROLE_RE = re.compile(_ROLE)
# a byline inside a long line: a label after a space or a ■, up to the dateline, the next ■ or a bracket
_BYLINE_IN_LINE = re.compile(rf"(?:^|(?<=\s)|(?<=[■●◆▲□★]))((?:{_ROLE})[^■●◆▲□★（(]{{1,30}}?)"
                             r"(?=\s+\S{0,8}讯[\s（(]|\s*[■●◆▲□★（(]|$)")
_TAIL_WORDS = re.compile(r"(?:报道|摄影|采写|整理|供稿)$")
_STOP_WORDS = ("获悉", "从", "了解", "采访", "日前", "近日", "在", "发现", "走访", "看到", "来到", "跟随", "观察")
# the end of an article: names alone in a parenthesis or on the last line, or after a ■ closing the text
_END_CREDIT = re.compile(r"(?:[（(]([\u4e00-\u9fff·][\u4e00-\u9fff· \u3000]{1,30})[）)]|■([\u4e00-\u9fff·]{2,8}))\s*$")


_EDITORS_AT_END = re.compile(r"(?:\n\s*(?:(?:责任)?编辑|责编|审核|校对|终审|监制|来源)\s*[：:][^\n]*)+\s*$")


def reporters(text: str) -> list[NameMention]:
    """Every reporter the text credits, each once, first credited first."""
    out = _labelled(text) + _unlabelled(text)
    seen: set[str] = set()
    uniq = []
    for r in out:
        if r.name.replace(" ", "") not in seen:
            seen.add(r.name.replace(" ", ""))
            uniq.append(r)
    return uniq


def _labelled(text: str) -> list[NameMention]:
    out: list[NameMention] = []
    for line_m in re.finditer(r"[^\n]+", text):
        line, base = line_m.group(0), line_m.start()
        if not ("记" in line or "通" in line or "作" in line or "实" in line) or not _ROLE_RE.search(line):
            continue
        is_byline = bool(re.match(rf"^[■●◆▲□★]?\s*(?:{_ROLE})", line)) or len(line) <= 40
        spans = [(base, line)] if is_byline else []
        # credit lines inside a dateline: 本报讯（记者 张三 通讯员 李四）, 本报讯 记者黄柱报道：
        for paren in re.finditer(r"[（(]([^）)]{2,60})[）)]", line):
            if _ROLE_RE.search(paren.group(1)):
                spans.append((base + paren.start(1), paren.group(1)))
        inline = re.match(rf"^\S{{0,10}}讯\s*((?:{_ROLE})\s*[\u4e00-\u9fff·]{{2,4}}"
                          rf"(?:[\s、]+(?:{_ROLE})?\s*[\u4e00-\u9fff·]{{2,4}})*?\s*(?:报道)?)[：:，]", line)
        if inline:
            spans.append((base + inline.start(1), inline.group(1)))
        if not is_byline:  # a copy that lost its line breaks runs bylines on: …召开 ■通讯员 王成虎 本报讯 …
            spans += [(base + m.start(1), m.group(1)) for m in _BYLINE_IN_LINE.finditer(line)]
        for off, seg in spans:
            for m in _LIST.finditer(seg):
                for nm in re.finditer(r"[\u4e00-\u9fff·]{2,8}", m.group(2)):
                    for part in _ROLE_RE.split(nm.group(0)):
                        name = _TAIL_WORDS.sub("", part)
                        if _ok(name):
                            s = off + m.start(2) + nm.start() + nm.group(0).find(name)
                            out.append(NameMention(name, Span(s, s + len(name), name)))
    return out


def _unlabelled(text: str) -> list[NameMention]:
    """Names with no label at the very end of the text: ``(朱亚旭 李得胜)``, ``张慧君 顾 辉``, ``…。■瞿伟``."""
    body = _EDITORS_AT_END.sub("", text.rstrip())  # the page's editor lines may follow the credit
    m = _END_CREDIT.search(body)
    if m:
        group, start = (m.group(1), m.start(1)) if m.group(1) else (m.group(2), m.start(2))
    else:
        # the last line, or, in a text whose line breaks were lost, what follows its last sentence
        last = body.rsplit("\n", 1)[-1]
        last = re.split(r"[。！？]”?\s+", last)[-1].strip()
        if not last or len(last) > 24 or not re.fullmatch(r"[\u4e00-\u9fff· \u3000]+", last):
            return []
        group, start = last, body.rfind(last)
    names = _names_in_credit(group)
    if not names or not all(has_surname(n.replace(" ", "")) for n, _ in names):
        return []
    return [NameMention(n, Span(start + off, start + off + len(n), n)) for n, off in names]


def credit_names(line: str) -> list[str]:
    """The names of a line that is an unlabelled credit and nothing else (``(葛虹虹)``, ``■瞿伟``, ``张慧君 顾 辉``),
    or [] for any other line."""
    line = line.strip()
    m = _END_CREDIT.fullmatch(line)
    group = (m.group(1) or m.group(2)) if m else line
    if len(group) > 24 or not re.fullmatch(r"[\u4e00-\u9fff· \u3000]+", group):
        return []
    names = _names_in_credit(group)
    return [n for n, _ in names] if names and all(has_surname(n.replace(" ", "")) for n, _ in names) else []


def _names_in_credit(group: str) -> list[tuple[str, int]]:
    """Names in a credit split by spaces; a lone character joins the next (``顾 辉`` is one name)."""
    tokens = [(t.group(0), t.start()) for t in re.finditer(r"[\u4e00-\u9fff·]+", group)]
    out: list[tuple[str, int]] = []
    k = 0
    while k < len(tokens):
        tok, off = tokens[k]
        if len(tok) == 1 and k + 1 < len(tokens) and len(tokens[k + 1][0]) <= 2:
            end = tokens[k + 1][1] + len(tokens[k + 1][0])
            out.append((group[off:end], off))
            k += 2
            continue
        if not 2 <= len(tok) <= 4:
            return []
        out.append((tok, off))
        k += 1
    return out


def _ok(name: str) -> bool:
    if not (2 <= len(name) <= 4 or "·" in name):
        return False
    if any(w in name for w in _STOP_WORDS):
        return False
    # a byline is a strong context: a name without a known surname (其其格, 萨仁高娃) is still a name
    return has_surname(name) or not set(name) & set("的了在和从向对")


@component(requires=("norm",), assigns=("reporters",))
def find_reporters(doc: Doc) -> None:
    """The journalists and correspondents the article credits, names as the article writes them."""
    found = reporters(doc.norm)
    for r in found:
        r.name = doc.text[r.span.start:r.span.end]
    doc.reporters = found
