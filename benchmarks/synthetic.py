"""Synthetic meeting reports in the genre, for benchmarks: realistic shape, random people and places."""
from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from govgraph.loaders.article import Article

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
_GIVEN = "建国明华志强伟平军红文辉海涛斌丽霞峰刚勇杰磊超鹏飞宇新春秋晓东南光荣正德中玉兰英芳琴云龙"
_CITIES = ["常德", "岳阳", "株洲", "湘潭", "邵阳", "益阳", "郴州", "永州", "怀化", "娄底", "赣州", "九江", "宜春",
           "吉安", "上饶", "洛阳", "开封", "南阳", "信阳", "商丘", "绵阳", "德阳", "宜宾", "泸州", "南充", "遵义"]
_DOCS = ["优化营商环境若干措施", "城市更新行动实施方案", "乡村振兴三年行动计划", "安全生产专项整治方案",
         "生态环境保护督察整改方案", "科技创新引领发展若干政策", "养老服务体系建设规划", "数字政府建设实施意见"]


_POLICY = [
    "会议强调，要坚持以人民为中心的发展思想，统筹发展和安全，扎实推进重点项目建设，切实抓好稳增长、促改革、调结构、惠民生、防风险各项工作，确保全年目标任务圆满完成。",
    "会议要求，各级各部门要压实责任，加强协调配合，强化督查考核，以钉钉子精神抓好各项工作落地落实，坚决守住安全生产底线和生态环境保护红线。",
    "会议指出，要聚焦产业链供应链稳定，加大招商引资力度，持续优化营商环境，积极培育新动能，推动实体经济和数字经济深度融合。",
    "会议还研究了其他事项。",
]


def _name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2, 2))))


def synthetic_articles(n: int, *, seed: int = 7) -> list[Article]:
    """``n`` articles over ``len(_CITIES)`` cities; each city has a stable cast of officials."""
    return list(iter_synthetic(n, seed=seed))


def iter_synthetic(n: int, *, seed: int = 7) -> Iterator[Article]:
    """The articles of ``synthetic_articles``, one at a time (a million never sit in memory)."""
    rng = random.Random(seed)
    casts = {c: [_name(rng) for _ in range(14)] for c in _CITIES}
    start = date(2021, 1, 4)
    for i in range(n):
        city = rng.choice(_CITIES)
        cast = casts[city]
        day = start + timedelta(days=rng.randrange(900))
        part = rng.choice(("上午", "下午"))
        kind = rng.random()
        others = rng.sample(cast[2:], 6)
        docs = rng.sample(_DOCS, 2)
        if kind < 0.5:
            chair, head = cast[1], f"{city}市政府召开常务会议"
            nth = rng.randint(1, 40)
            lead = f"本报讯 {day.month}月{day.day}日{part}，市长{chair}主持召开市政府{day.year}年第{nth}次常务会议"
        else:
            chair, head = cast[0], f"{city}市委常委会召开会议"
            lead = f"本报讯 {day.month}月{day.day}日{part}，市委书记{chair}主持召开市委常委会会议"
        text = (f"{head}\n{chair}主持\n■本报记者 {_name(rng)}\n"
                f"{lead}，传达学习全省经济工作会议精神，研究部署下阶段工作，审议并原则通过《{city}市{docs[0]}》。\n"
                f"会议指出，要坚持稳中求进工作总基调，推动{city}高质量发展。会议审议了《{city}市{docs[1]}》。\n"
                + "\n".join(_POLICY) + "\n"
                f"市领导{'、'.join(others[:-1])}和{others[-1]}出席。")
        yield Article(text=text, source=f"synthetic-{i}.txt", title=head, published=day, index=0)


def write_jsonl(folder: Path, n: int, *, per_file: int = 1000, seed: int = 7) -> list[Path]:
    """``n`` synthetic reports as JSON Lines files of ``per_file`` reports each, as a scraper would leave them."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    out = None
    for i, art in enumerate(iter_synthetic(n, seed=seed)):
        if i % per_file == 0:
            if out:
                out.close()
            paths.append(folder / f"reports-{i // per_file:05d}.jsonl")
            out = paths[-1].open("w", encoding="utf-8")
        assert out is not None and art.published is not None
        out.write(json.dumps({"text": art.text, "title": art.title, "date": art.published.isoformat()},
                             ensure_ascii=False) + "\n")
    if out:
        out.close()
    return paths
