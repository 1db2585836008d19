"""Word lists the rules lean on, read once from the data files beside this module (one entry a line).

surnames.txt, compound_surnames.txt   who may start a name
titles.tsv                            the head words of posts, the government a bare one heads, where it may stand
group_labels.txt                      words that head a list of names (市领导, 市委常委)
after_name.txt                        words that may follow a name (role verbs, particles)
body_ends.txt                         how the name of a convening body ends
kind_body_tails.txt                   body endings fused with a kind of meeting (党组会议, 常委会扩大会议)

The kinds of meeting and their written forms are part of the graph's schema (``govgraph.graph.schema``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from govgraph.graph.schema import MEETING_KINDS


def entries(name: str) -> list[str]:
    """The entries of one data file: one a line, ``#`` comments and blank lines left out."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return [ln for ln in (raw.split("#", 1)[0].rstrip() for raw in text.splitlines()) if ln.strip()]


def _alternation(words) -> str:
    """A regex alternation that tries the longest word first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


SURNAMES = frozenset(entries("surnames.txt"))
COMPOUND_SURNAMES = frozenset(entries("compound_surnames.txt"))

_TITLE_ROWS = [(row.split("\t") + ["", ""])[:3] for row in entries("titles.tsv")]
CORE_TITLES = [t for t, _, _ in _TITLE_ROWS]
CORE_TITLE_RE = _alternation(CORE_TITLES)
# 市长 -> 市政府, 总书记 -> 中共中央: the body a title belongs to when it is written with no body before it
BODY_OF_BARE_TITLE = {t: body for t, body, _ in _TITLE_ROWS if body}
_AFTER_TITLES = [t for t, _, flags in _TITLE_ROWS if "after" in flags.split()]
_TRAILING_TITLES = [t for t, _, flags in _TITLE_ROWS if "trailing" in flags.split()]
# A title written after a name, as later mentions do: 李志刚市长, 邓群策书记, 王红副市长.
TRAILING_TITLE_RE = rf"(?:同志|(?:常务)?副?(?:{_alternation(_TRAILING_TITLES)}))"

GROUP_LABELS = entries("group_labels.txt")
GROUP_LABEL_RE = _alternation(GROUP_LABELS)

# What may stand right after a person's name in this genre: a role verb, a particle, some titles.
AFTER_NAME = tuple(entries("after_name.txt") + _AFTER_TITLES)
AFTER_NAME_PUNCT = set("，。、；：！？,.;:!?（）()“”\"'‘’ \n《》—…")

BODY_ENDS = entries("body_ends.txt")
BODY_END_RE = re.compile(f"(?:{_alternation(BODY_ENDS)})$")

# Kinds of meeting as written, longest first so that 党组扩大会议 is not read as 扩大会议.
_KIND_TAILS = entries("kind_body_tails.txt")
MEETING_KIND_FORMS = sorted({w for k in MEETING_KINDS.values() for w in k.written}
                            | {tail + form for tail in _KIND_TAILS for form in ("（扩大）会议", "扩大会议", "会议")},
                            key=len, reverse=True)

# A term of office before or inside a body's name: 十四届, 第十七届, 十届
TERM = r"第?[一二三四五六七八九十\d]+届"
# Bodies whose name says they are national: they need no place to be qualified with
NATIONAL_PREFIXES = ("国务院", "中共中央", "中央", "全国", "国家")
# 和 joining two things, not the 和 inside a body's name (发展和改革委员会, 住房和城乡建设局)
AND_RE = r"(?<!发展)(?<!住房)(?<!工业)(?<!资源)(?<!文化)(?<!自然资源)(?<!农业)(?<!共)和"

PART_OF_DAY = {"上午": "上午", "下午": "下午", "晚上": "晚上", "晚间": "晚上", "晚": "晚上", "当晚": "晚上",
               "早上": "上午", "全天": "全天", "中午": None, "凌晨": None}

_CJK = re.compile(r"^[\u4e00-\u9fff]+$")


def is_cjk(s: str) -> bool:
    """True when ``s`` is made only of CJK ideographs."""
    return bool(_CJK.match(s))


def has_surname(name: str) -> bool:
    """True when ``name`` starts with a known single or compound surname."""
    return name[:2] in COMPOUND_SURNAMES or name[:1] in SURNAMES


NAME_HEADS = tuple(sorted(entries("name_heads.txt"), key=len, reverse=True))


def has_name_head(name: str) -> bool:
    """True when ``name`` starts as Tibetan and Mongolian names often do (they carry no surname)."""
    return name.startswith(NAME_HEADS)


# parts of speech in jieba's dictionary that no person is named with: verbs, nouns, adverbs, adjectives and the
# like (not nr, a person's name, nor ns/nz/m, where 黄河 or 万里 may be one)
_EVERYDAY_TAGS = frozenset(("v", "vn", "vd", "n", "d", "a", "ad", "an", "c", "p", "u", "f", "r"))
_EVERYDAY_FREQ = 1000  # common enough that a name written so would be a pun (通道, 声明, 制度, 指挥)


@lru_cache(maxsize=1)
def everyday_words() -> frozenset[str]:
    """Two-character words that jieba's dictionary counts as common words of speech, never as names: after a
    bare title (部长通道, 主席声明, 专员制度, 听从主席指挥) they are not the holder's name."""
    import importlib.resources

    out = set()
    with importlib.resources.files("jieba").joinpath("dict.txt").open(encoding="utf-8") as fh:
        for line in fh:
            word, freq, tag = line.split()
            if len(word) == 2 and tag in _EVERYDAY_TAGS and int(freq) >= _EVERYDAY_FREQ:
                out.add(word)
    return frozenset(out)


@lru_cache(maxsize=1)
def adverbs() -> frozenset[str]:
    """Common two-character adverbs and words of time of jieba's dictionary (分别, 随即, 先后, 目前): no given name
    is one, so a surname before one is a word, not a name (总书记还先后主持)."""
    import importlib.resources

    out = set()
    with importlib.resources.files("jieba").joinpath("dict.txt").open(encoding="utf-8") as fh:
        for line in fh:
            word, freq, tag = line.split()
            # a doubled one is a given name as often (李微微, 王常常): kept out
            # words of time only the commonest (先后, 目前; not 春秋, a given name as often)
            if len(word) == 2 and word[0] != word[1] and ((tag == "d" and int(freq) >= _EVERYDAY_FREQ)
                                                          or (tag == "t" and int(freq) >= 5000)):
                out.add(word)
    return frozenset(out)


@lru_cache(maxsize=8)
def words_opening_with(char: str) -> frozenset[str]:
    """Two-character words of jieba's dictionary, names aside, that ``char`` opens: after a title ending in 长,
    长篇 and 长春 say the 长 is the next word's (新华社长篇通讯, 吉林省长春市), not a post's."""
    import importlib.resources

    out = set()
    with importlib.resources.files("jieba").joinpath("dict.txt").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(char):
                word, freq, tag = line.split()
                if len(word) == 2 and not tag.startswith("nr") and int(freq) >= 300:
                    out.add(word)
    return frozenset(out)


@lru_cache(maxsize=1)
def segmenter():
    """jieba's tokenizer on its own dictionary, for the few words around a place's name or a line break (no
    statistical model is used: callers cut with ``HMM=False``)."""
    import logging

    import jieba  # its dictionary loads in about half a second, and only some articles need it

    logging.getLogger("jieba").setLevel(logging.WARNING)  # it logs its loading at DEBUG to standard error
    return jieba.Tokenizer()


def splits_a_word(before: str, after: str) -> bool:
    """True when the words ``before`` ends with and ``after`` starts with are one word cut in two (关 | 于,
    机 | 关): the dictionary's segmentation has no boundary where the two meet."""
    left, right = before[-4:], after[:4]
    pos = 0
    for token in segmenter().cut(left + right, HMM=False):
        if pos == len(left):
            return False
        if pos > len(left):
            return True
        pos += len(token)
    return pos != len(left)
