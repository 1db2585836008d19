"""Names of bodies (organs): one canonical spelling for the several a body is written with.

政协第十四届全国委员会常务委员会 and 全国政协十四届常委会 are one body; so are 市人民政府 and 市政府. The aliases
are data (lexicon/body_aliases.tsv); terms of office (十四届) are not part of a body's identity.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import NATIONAL_PREFIXES, TERM, entries

_TERMS = re.compile(f"(?:{TERM})+")
_LEADING_TERM = re.compile(f"^((?:自治区|自治州|[省市县区州旗盟])?)(?:{TERM})+")
# a name that says whose body it is: a place or level first (衡阳市委, 县人大常委会), or a national body
_NAMED = re.compile(r"^(?:[\u4e00-\u9fff]{0,6}?(?:自治区|省|市|县|区|州|旗|盟)|全国|中央|国务院|中共|国家|政协)")
# …or a body with a name of its own (二十届首都规划建设委员会 -> 首都规划建设委员会), not an organ that only its level
# or its owner tells apart (第十六届人民政府, 十届常委会), nor the body of an event the number counts (第24届冬奥会
# 工作领导小组)
_OWN_NAME = re.compile(r"(?!人民|政府|人大|政协|常委|常务|委员会|党组|党委|纪委|监委|主席团)"
                       r"(?![\u4e00-\u9fff]*?会(?:工作|组织|筹备|执行))[\u4e00-\u9fff]{2,}(?:委员会|领导小组)")


@lru_cache(maxsize=1)
def _aliases() -> list[tuple[re.Pattern, str]]:
    rows = [(row.split("\t") + [""])[:2] for row in entries("body_aliases.tsv")]
    return [(re.compile(pattern), repl) for pattern, repl in rows]


@lru_cache(maxsize=4096)
def canonical(body: str) -> str:
    """The canonical name of a body: no term of office, the short standard forms (全国政协, 常委会, 政府)."""
    out = body if body.endswith("主席团") else _TERMS.sub("", body)  # a presidium is its session's
    for pattern, repl in _aliases():
        out = pattern.sub(repl, out)
    return out


def strip_term(body: str) -> str:
    """A body as written, less its term of office where a level or national prefix still names it.

    十四届全国人大常委会 -> 全国人大常委会, 县十七届人大常委会 -> 县人大常委会, 二十届首都规划建设委员会 ->
    首都规划建设委员会, 全国政协十四届常委会 stays;
    第十六届人民政府 stays too, because
    人民政府 alone would not say which government, and so does a presidium, named by its session.
    """
    if body.endswith("主席团"):
        return body
    # a term leading the name or right after its level (十四届全国人大常委会, 县十七届人大常委会) goes; one after a
    # whole body's name (全国政协十四届常委会: that 政协's standing committee of its 14th term) stays
    stripped = _LEADING_TERM.sub(r"\1", body)
    return stripped if _NAMED.match(stripped) or _OWN_NAME.fullmatch(stripped) else body


def is_national(body: str) -> bool:
    """True for a body of the country: 国务院, 中央…, 全国…, and so written with a term or a party's full name first
    (十四届全国人大二次会议主席团, 中国共产党第二十届中央纪律检查委员会, 九三学社第十五届中央委员会)."""
    b = canonical(_TERMS.sub("", body, count=1) if _TERMS.match(body) else body)
    return b.startswith((*NATIONAL_PREFIXES, "政治局")) or "中央委员会" in b
