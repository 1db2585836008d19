"""Bodies and posts as graph nodes: one spelling per body, qualified with its jurisdiction and classified,
and a title split into the body and the role of its post.

This is identity resolution, not reading: the extractor gives bodies as written (市委), this gives the node
they are (衡阳市委, code 430400).
"""
from __future__ import annotations

import re

from govgraph.loaders.extract.findings import Place
from govgraph.loaders.extract.lexicon import BODY_OF_BARE_TITLE, CORE_TITLE_RE
from govgraph.loaders.extract.organs import canonical, is_national

_LEVEL_PREFIX = re.compile(r"^(自治区|自治州|省|市|县|区|州|旗|盟)")
_ROLE_AT_END = re.compile(f"(?:{CORE_TITLE_RE})$")
# a title prefix that already names a body (市委, 县政府, 教育局), not only a place (宜宾)
_BODY_TAIL = re.compile(r"(?:委|政府|国务院|人大|政协|委员会|局|厅|办|部|院|组)$")
_PARTY = re.compile(r"(?:[省市县区州旗盟]委|党委|中共|政治局|常委会|全面深化改革委员会|财经委员会|工委)")


def clean_body(body: str) -> str:
    """One spelling per body: 人民政府 -> 政府, 中共X委 -> X委, 深改委 -> 全面深化改革委员会,
    政协第十四届全国委员会常务委员会 -> 全国政协常委会 (the aliases are lexicon data: body_aliases.tsv)."""
    return canonical(body)


def qualify(body: str, place: Place | None) -> str:
    """``市委`` on a 衡阳 page is ``衡阳市委``; a body that already names its place is kept."""
    b = clean_body(body)
    if place is None or is_national(body):
        return b
    m = _LEVEL_PREFIX.match(b)
    if not m:
        return b
    level = m.group(1)
    name = place.name
    # the body's level picks the jurisdiction: 省委 on a city page is the province's
    if level in ("省", "自治区") and place.province:
        name = place.province
    elif level in ("市", "州", "盟") and place.level == "county" and not name.endswith("市") and place.city:
        name = place.city
    if name.endswith(level):
        return name + b[len(level):]
    return b


def jurisdiction_of(body: str, place: Place | None) -> str | None:
    """The division code a body speaks for (``000000`` for the national level)."""
    b = clean_body(body)
    if is_national(body):
        return "000000"
    if place is None or not place.code or place.level == "national":
        return None  # a local body named in a national report: which one, the report does not say
    if b.startswith(("省", "自治区")) or (place.province and b.startswith(place.province)):
        return place.code[:2] + "0000"
    if b.startswith(("市", "州", "盟")) and place.level == "county" and place.city and not place.name.endswith("市"):
        return place.code[:4] + "00"
    return place.code


def classify(body: str) -> str:
    """党委, 政府, 人大, 政协, 部门 or 其他."""
    if "人大" in body:
        return "人大"
    if "政协" in body:
        return "政协"
    if "党组" in body or _PARTY.search(body):
        return "党委"
    if re.search(r"(?:政府|国务院|行政公署)$", body):
        return "政府"
    if re.search(r"(?:局|厅|办|办公室|委员会|委|中心|部|署)$", body):
        return "部门"
    return "其他"


def split_title(title: str) -> tuple[str | None, str]:
    """``市委书记`` -> (``市委``, ``书记``); ``市长`` -> (``市政府``, ``市长``); unknown body -> (None, role)."""
    m = _ROLE_AT_END.search(title)
    if not m:
        return None, title
    role, prefix = m.group(0), title[:m.start()]
    if not prefix:
        return BODY_OF_BARE_TITLE.get(role), role
    gov = BODY_OF_BARE_TITLE.get(role, "")
    if not gov.endswith("政府"):
        return prefix, role
    if prefix in ("自治区", "省", "市", "县", "区", "州", "旗"):
        return gov, role
    # 宜宾市长: a place, then the head of its government
    if not _BODY_TAIL.search(prefix):
        return (prefix if prefix.endswith(gov[0]) else prefix + gov[0]) + gov[1:], role
    return prefix, role


def post_label(body: str | None, role: str) -> str:
    """衡阳市政府 + 市长 reads 衡阳市市长; 衡阳市委 + 书记 reads 衡阳市委书记."""
    if body and body.endswith("政府") and BODY_OF_BARE_TITLE.get(role, "").endswith("政府"):
        return body[:-2] + role
    return f"{body or ''}{role}"
