"""The extractor on real national news at scale (../shared/corpus/news, 31,827 items of 新闻联播, 2020-2026).

usage: python benchmarks/bench_news.py [--corpus PATH]

Prints, in one run on one core:
- speed: CPU seconds to read and extract every item, against the 60 s budget for the 17.2 M characters;
- chairs: of the items whose headline reads "X主持召开……会议", how many give that meeting with X as its chair
  (X a person: headlines whose X is a side, 中方, are counted apart);
- fragments: meetings whose name holds words that never stand in a meeting's name (本台, 直播, 祝贺 …);
- one body, one name: items that give one meeting twice (one canonical body, kind and number);
- quiet items: of 200 items drawn at random (seed 7) among those without meeting words, how many yield a meeting.
"""
from __future__ import annotations

import argparse
import difflib
import gzip
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

from govgraph.loaders.extract.organs import canonical
from govgraph.loaders.extract.pipeline import extract
from govgraph.loaders.jsonlines import read_jsonl

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news" / "xwlb-2020-2026.jsonl.gz"
HEADLINE = re.compile(r"^(.+?)主持召开(.+?会议)")
MEETING_WORDS = re.compile(r"主持召开|常务会议|常委会会议|主任会议|主席会议|深化改革委员会.*会议")
FRAGMENT_WORDS = re.compile(r"本台|直播|祝贺|热烈|建议|提交|支持|发言人|同全国|谈全国|向全国|对国务院|本次|本届")
SIDES = ("中方", "我方")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    a = ap.parse_args()
    if not a.corpus.is_file():
        print(f"no news corpus at {a.corpus}", file=sys.stderr)
        return 1
    with gzip.open(a.corpus, "rt", encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    items = [json.loads(ln) for ln in lines]
    chars = sum(len(it["text"]) for it in items)
    t = time.process_time()
    found = {it["id"]: [m for art in read_jsonl(ln, source=it["id"]) for m in extract(art).meetings]
             for it, ln in zip(items, lines, strict=True)}
    cpu = time.process_time() - t
    print(f"{len(items)} items, {chars / 1e6:.1f} M characters: read and extracted in {cpu:.1f} s of CPU "
          f"({chars / cpu / 1e6:.2f} M characters/s); ratio to the 60 s budget {cpu / 60:.2f}")

    ok = total = sides = 0
    misses = []
    for it in items:
        m = HEADLINE.match(it["title"])
        if not m:
            continue
        who, name = m.group(1), m.group(2)
        if who.startswith(SIDES):
            sides += 1
            continue
        total += 1
        hit = any(w.name and who.startswith(w.name)
                  and (difflib.SequenceMatcher(None, name, mt.name).ratio() >= 0.5
                       or (mt.body and canonical(mt.body) in canonical(name)))
                  for mt in found[it["id"]] for r, w in mt.roles if r == "chair")
        ok += hit
        if not hit:
            misses.append(it["title"][:60])
    print(f"chairs: {ok} of {total} 'X主持召开……会议' headlines give that meeting with X as chair "
          f"({ok / total:.1%}; target 98%); {sides} more name a side, not a person")
    for title in misses:
        print(f"    missed: {title}")

    names = Counter(mt.name for ms in found.values() for mt in ms)
    fragments = {n: c for n, c in names.items() if FRAGMENT_WORDS.search(n)}
    print(f"meetings: {sum(names.values())} in {sum(1 for ms in found.values() if ms)} items; "
          f"made of headline fragments: {sum(fragments.values())}")
    for n, c in sorted(fragments.items(), key=lambda kv: -kv[1])[:10]:
        print(f"    fragment: {n} ({c})")

    twice = [i for i, ms in found.items()
             if max(Counter((canonical(m.body), m.kind, m.ordinal) for m in ms).values(), default=0) > 1]
    print(f"one body, one name: items giving one meeting twice: {len(twice)}")

    quiet = [it for it in items if not MEETING_WORDS.search(it["text"])]
    sample = random.Random(7).sample(quiet, 200)
    loud = [it["id"] for it in sample if found[it["id"]]]
    print(f"quiet items: {len(loud)} of 200 sampled items without meeting words yield a meeting "
          f"({len(loud) / 200:.1%}; at most 1%): {', '.join(loud)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
