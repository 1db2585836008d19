"""Bodies and posts: qualify a body with its jurisdiction, classify it, and split a title into body and role."""
from __future__ import annotations

import re

from .findings import Place
from .lexicon import CORE_TITLE_RE

_LEVEL_PREFIX = re.compile(r"^(自治区|自治州|省|市|县|区|州|旗|盟)")
_GOV_ROLE = {"市长": "市政府", "副市长": "市政府", "常务副市长": "市政府", "省长": "省政府", "副省长": "省政府",
             "常务副省长": "省政府", "县长": "县政府", "副县长": "县政府", "常务副县长": "县政府", "区长": "区政府",
             "副区长": "区政府", "常务副区长": "区政府", "旗长": "旗政府", "副旗长": "旗政府", "州长": "州政府",
             "副州长": "州政府", "盟长": "盟行政公署", "总理": "国务院", "副总理": "国务院", "国务委员": "国务院"}
_ROLE_AT_END = re.compile(f"(?:{CORE_TITLE_RE})$")
_BODY_TAIL = re.compile(r"(?:委|政府|国务院|人大|政协|委员会|局|厅|办|部|院|组)$")
KINDS = ("人大", "政协", "党委", "政府", "部门", "其他")


def clean_body(body: str) -> str:
    """One spelling per body: 人民政府 -> 政府, 中共X委 -> X委, 深改委 -> 全面深化改革委员会."""
    b = body.replace("人民政府", "政府").replace("深改委", "全面深化改革委员会").replace("财经委", "财经委员会")
    b = re.sub(r"^中共", "", b)
    b = re.sub(r"^(?:第?[一二三四五六七八九十\d]+届)+", "", b)
    return b


def qualify(body: str, place: Place | None) -> str:
    """``市委`` on a 衡阳 page is ``衡阳市委``; a body that already names its place is kept."""
    b = clean_body(body)
    if place is None or b.startswith(("国务院", "中央", "全国", "国家")):
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
    if b.startswith(("国务院", "中央", "全国", "国家", "中共中央")):
        return "000000"
    if place is None or not place.code:
        return None
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
    if "党组" in body or re.search(r"(?:[省市县区州旗盟]委|党委|中共|政治局|常委会|全面深化改革委员会|财经委员会|工委)", body):
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
        return _GOV_ROLE.get(role), role
    if prefix in ("自治区", "省", "市", "县", "区", "州", "旗") and role in _GOV_ROLE:
        return _GOV_ROLE[role], role
    if role in _GOV_ROLE and not _BODY_TAIL.search(prefix):  # 宜宾市长: a place, then the head of its government
        gov = _GOV_ROLE[role]
        return (prefix if prefix.endswith(gov[0]) else prefix + gov[0]) + gov[1:], role
    return prefix, role
