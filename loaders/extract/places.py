"""Jurisdictions: find the place an article is about, with its GB/T 2260 division code.

The gazetteer is the division table that the ``cpca`` package ships (3,500 provinces, cities and counties).
We read its CSV directly: importing ``cpca`` itself would pull pandas into every command. Names are found by
their first two characters (every name has at least two), which is faster in Python than an Aho-Corasick
automaton whose root fans out to a thousand Chinese characters.

A name found in running text is a place only where the text reads it as a word: none inside a person's name
(刘宏伟 holds 宏伟, 任西山 holds 西山), and jieba's dictionary segments the words around a short name, so that
one cut out of longer words is not counted (走上高质量 holds 上高, 中小金融 holds 小金, 以来安全 holds 来安).
"""
from __future__ import annotations

import csv
import importlib.util
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from .doc import Doc, component
from .findings import Place, Span
from .lexicon import segmenter
from .organs import is_national

_SUFFIX = re.compile(r"^(.{2,}?)(?:(?:[\u4e00-\u9fff]{1,3}族)*(?:自治区|自治州|自治县|自治旗)"
                     r"|特别行政区|省|市|地区|盟|县|区|旗)$")
# Short forms that are everyday words in this genre far more often than they are places.
_COMMON = {"和平", "城区", "新区", "市中", "东方", "光明", "胜利", "红旗", "向阳", "新华", "城关", "白云", "长安",
           "开发", "高新", "江北", "江南", "河东", "河西", "城中", "城东", "城西", "城南", "城北", "中山", "西湖",
           "鼓楼", "铁西", "铁东", "郊区", "矿区", "市辖", "平安", "永安", "太平", "安定", "大同", "新城", "海南",
           "文明", "和田", "通州", "南山", "北海", "青山", "金山", "朝阳", "普陀", "双桥", "东风", "前进", "友谊",
           "和谐", "吉利", "长寿", "宁安", "正安", "兴安", "新市", "宝山", "民主", "团结", "清河", "东区", "西区",
           "振兴", "解放", "合作", "复兴", "延长", "公安", "资源", "宏伟", "中方", "惠民"}


@lru_cache(maxsize=1)
def gazetteer() -> tuple[dict, dict]:
    """code -> (name, level), and first two characters -> [(name, [(code, full?)])], longest name first."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the cpca package (its division table) is not installed")
    table = Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"
    places: dict[str, tuple[str, str]] = {}
    keys: dict[str, list[tuple[str, bool]]] = {}
    with table.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code, name = row["adcode"][:6], row["name"]
            if name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划") or not name:
                continue
            level = "province" if code[2:] == "0000" else "city" if code[4:] == "00" else "county"
            places[code] = (name, level)
            keys.setdefault(name, []).append((code, True))
            m = _SUFFIX.match(name)
            if m and len(m.group(1)) >= 2 and m.group(1) not in _COMMON:
                keys.setdefault(m.group(1), []).append((code, False))
    index: dict[str, list] = {}
    for k, v in keys.items():
        index.setdefault(k[:2], []).append((k, v))
    for entries in index.values():
        entries.sort(key=lambda kv: -len(kv[0]))
    return places, index


def _place(code: str) -> Place:
    places, _ = gazetteer()
    name, level = places[code]
    prov = places.get(code[:2] + "0000", (None,))[0]
    city = places.get(code[:4] + "00", (None,))[0] if level == "county" else None
    return Place(name=name, level=level, code=code, province=prov, city=city)


def place_mentions(text: str, names: Iterable[Span] = ()) -> Counter:
    """How strongly each division is mentioned: a full name counts 2, a short form 1; longest match wins. Nothing
    inside the spans of ``names`` (people's names) counts."""
    _, index = gazetteer()
    inside = {k for span in names for k in range(span.start, span.end)}
    score: Counter = Counter()
    i, n = 0, len(text) - 1
    while i < n:  # leftmost-longest, non-overlapping
        entries = index.get(text[i:i + 2])
        if entries:
            for key, cands in entries:
                if text.startswith(key, i):
                    if inside and any(k in inside for k in range(i, i + len(key))):
                        pass  # 刘宏伟 holds 宏伟, 任西山 holds 西山: a person, not a place
                    elif (len(key) > 2 and all(full for _, full in cands)) or _read_as_word(text, i, key):
                        for code, full in cands:
                            score[code] += 2 if full else 1
                    i += len(key) - 1
                    break
        i += 1
    return score


_WINDOW = 4  # characters read on either side of a name to segment the words it stands among


def _read_as_word(text: str, i: int, key: str) -> bool:
    """True when ``key`` at ``text[i]`` stands as a word, or words, of its own (在/海口/闭会, 推动/岳/阳/高质量):
    no longer word runs across its first or its last character (以来/安全 holds 来安, 中小/金融 holds 小金)."""
    lo = max(0, i - _WINDOW)
    return _starts_word(text[lo:i + len(key) + _WINDOW], i - lo, key)


@lru_cache(maxsize=1 << 16)  # a paper repeats its phrases (推动衡阳高质量发展), and segmenting is the dear part
def _starts_word(window: str, at: int, key: str) -> bool:
    """Words start at ``at`` and at its end (岳/阳/日报: a name the dictionary lacks comes out one character at a
    time), or one word starts at ``at`` and runs on from the name (北京人民大会堂)."""
    pos, end = 0, at + len(key)
    for token in segmenter().cut(window, HMM=False):
        if pos == at and token.startswith(key):
            return True
        if pos > at and pos >= end:
            return pos == end
        if pos < at < pos + len(token):
            return False  # a word runs across its first character: 以来安全, 走上高质量
        pos += len(token)
    return pos == end


NATIONAL = Place(name="全国", level="national", code="000000")

_LEVEL_OF_BODY = {"省": "province", "自治区": "province", "市": "city", "州": "city", "盟": "city",
                  "县": "county", "区": "county", "旗": "county"}


def detect_place(text: str, *, body_level: str | None = None, window: int = 800,
                 names: Sequence[Span] = ()) -> Place | None:
    """The division an article is about: the most mentioned one of the level its bodies speak for, read outside
    the spans of people's ``names``.

    The dateline and first paragraph almost always name the place, so they are read first; the whole text is
    read only when they name none of the right level.
    """
    if len(text) > window:
        head = _best(text[:window], body_level, names)
        if head is not None and head[0] > 0:
            return _place(head[-1])
    best = _best(text, body_level, names)
    return _place(best[-1]) if best else None


def _best(text: str, body_level: str | None, names: Sequence[Span] = ()):
    score = place_mentions(text, names)
    if not score:
        return None
    places, _ = gazetteer()
    # a mention of a province or city also supports its counties, so hierarchy breaks ties
    ranked = []
    for code, s in score.items():
        name, level = places[code]
        support = score.get(code[:2] + "0000", 0) + (score.get(code[:4] + "00", 0) if level == "county" else 0)
        ranked.append((_fits(name, level, body_level), s, support, code))
    return max(ranked)


def _fits(name: str, level: str, body_level: str | None) -> int:
    if body_level is None:
        return 1
    if body_level == "city":
        return 2 if level == "city" else 1 if level == "county" and name.endswith("市") else 0
    return 2 if level == body_level else 0


def resolve_place(name: str) -> Place | None:
    """A place named by the user (``衡阳``, ``衡阳市``, ``430400``)."""
    places, index = gazetteer()
    if name in places:
        return _place(name)
    exact = [(c, full) for key, cands in index.get(name[:2], []) if key == name for c, full in cands]
    if not exact:
        return None
    order = {"province": 0, "city": 1, "county": 2}
    exact.sort(key=lambda cf: (not cf[1], order[places[cf[0]][1]]))
    return _place(exact[0][0])


def body_level(body: str) -> str | None:
    """The level a body speaks for, from its first characters: 市委 -> city, 县政府 -> county."""
    if is_national(body):
        return "national"
    for prefix, level in sorted(_LEVEL_OF_BODY.items(), key=lambda kv: -len(kv[0])):
        if body.startswith(prefix):
            return level
    return None


@component(requires=("meetings", "names", "reporters", "place_hint", "norm"), assigns=("place",))
def locate(doc: Doc) -> None:
    """The jurisdiction the article speaks for: the user's, else detected (only articles with meetings need one)."""
    doc.place = resolve_place(doc.place_hint) if doc.place_hint else None
    if doc.place is None and doc.meetings:
        level = body_level(doc.meetings[0].body)
        if level == "national":
            # a national body's meeting speaks for the country, whatever places its report names (在北京召开)
            doc.place = NATIONAL
            return
        named = [m.span for m in doc.names] + [r.span for r in doc.reporters] + \
                [who.span for meeting in doc.meetings for _, who in meeting.roles]
        doc.place = detect_place(doc.norm, body_level=level, names=named)
