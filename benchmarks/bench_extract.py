"""Extraction speed on one core: articles per second through the whole rule pipeline, in one run.

usage: python benchmarks/bench_extract.py [--articles 5000]
Reports the seed-like synthetic articles' rate, and the split between reading a page and extracting from it.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_articles

from govgraph.loaders.extract.pipeline import extract
from govgraph.loaders.textpage import split_page


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=5000)
    a = ap.parse_args()
    arts = synthetic_articles(a.articles)
    extract(arts[0])  # warm the gazetteer once, as a long ingest would
    t = time.perf_counter()
    pages = [split_page(x.text, source=x.source, published=x.published)[0] for x in arts]
    split_s = time.perf_counter() - t
    t = time.perf_counter()
    found = sum(len(extract(x).meetings) for x in pages)
    ext_s = time.perf_counter() - t
    chars = sum(len(x.text) for x in pages) / len(pages)
    print(f"{len(pages)} articles of {chars:.0f} characters, {found} meetings found")
    print(f"page split  : {len(pages) / split_s:8.0f} articles/s")
    print(f"extraction  : {len(pages) / ext_s:8.0f} articles/s  (target 2,000)")
    print(f"ratio extraction/target: {len(pages) / ext_s / 2000:.2f}")


if __name__ == "__main__":
    main()
