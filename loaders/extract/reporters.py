"""Journalists and correspondents from bylines and credit lines, in their many forms."""
from __future__ import annotations

import re

from .doc import Doc, component
from .findings import NameMention, Span
from .lexicon import COMPOUND_SURNAMES, SURNAMES

_ROLE = r"(?:本报|本台|本刊|融媒体|全媒体|新媒体)?(?:首席|见习|特约|驻[\u4e00-\u9fff]{1,4})?(?:记者|通讯员|实习生)"
_LIST = re.compile(rf"({_ROLE})[\s:：]*((?:[\u4e00-\u9fff·]{{2,8}}(?:[\s、，,]+|$))+)", re.M)
_STOP_WORDS = ("获悉", "从", "了解", "报道", "采访", "日前", "近日", "在", "发现", "走访", "看到", "来到",
               "跟随", "观察")


def reporters(text: str) -> list[NameMention]:
    """Names after 记者 / 通讯员 in bylines (``■本报记者 陈润``, ``（记者 张三 通讯员 李四）``)."""
    out: list[NameMention] = []
    for line_m in re.finditer(r"[^\n]+", text):
        line, base = line_m.group(0), line_m.start()
        if "记者" not in line and "通讯员" not in line and "实习生" not in line:
            continue
        is_byline = bool(re.match(rf"^[■●◆▲□★]?\s*{_ROLE}", line)) or len(line) <= 40
        spans = [(base, line)]
        # credit lines inside a dateline: 本报讯（记者 张三 通讯员 李四）
        for paren in re.finditer(r"[（(]([^）)]{2,60})[）)]", line):
            if re.search(_ROLE, paren.group(1)):
                spans.append((base + paren.start(1), paren.group(1)))
        for off, seg in spans:
            if seg is line and not is_byline:
                continue
            for m in _LIST.finditer(seg):
                for nm in re.finditer(r"[\u4e00-\u9fff·]{2,8}", m.group(2)):
                    name = nm.group(0)
                    name = re.sub(rf"{_ROLE}$", "", name)
                    for part in re.split(_ROLE, name):
                        if _ok(part):
                            s = off + m.start(2) + nm.start() + nm.group(0).find(part)
                            out.append(NameMention(part, Span(s, s + len(part), part)))
    seen, uniq = set(), []
    for r in out:
        if r.name not in seen:
            seen.add(r.name)
            uniq.append(r)
    return uniq


def _ok(name: str) -> bool:
    if not (2 <= len(name) <= 4 or "·" in name):
        return False
    if any(w in name for w in _STOP_WORDS):
        return False
    # a byline is a strong context: a name without a known surname (其其格, 萨仁高娃) is still a name
    return name[:2] in COMPOUND_SURNAMES or name[0] in SURNAMES or not set(name) & set("的了在和从向对")


@component(requires=("norm",), assigns=("reporters",))
def find_reporters(doc: Doc) -> None:
    """The journalists and correspondents the article credits."""
    doc.reporters = reporters(doc.norm)
