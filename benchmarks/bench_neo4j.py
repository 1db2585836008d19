"""Neo4j load speed: batched UNWIND … MERGE against one statement (and transaction) per row, in one run.

usage: NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=… python benchmarks/bench_neo4j.py [--articles 1000]
The database is cleared before each load, and one untimed batched load warms the server's JIT first, so that
neither way pays for a cold JVM. Reports seconds, relationships per second, and the ratio.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_articles

from govgraph.graph.build import build_article
from govgraph.graph.model import Graph
from govgraph.graph.stores import open_store
from govgraph.loaders.extract.pipeline import extract


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--batch", type=int, default=1000)
    a = ap.parse_args()
    g = Graph()
    for art in synthetic_articles(a.articles):
        g.merge(build_article(art, extract(art)))
    rels = len(g.edges)
    store = open_store("neo4j")
    print(f"{a.articles} articles -> {len(g.nodes)} nodes, {rels} relationships")
    results = {}
    store.clear()
    store.ensure_schema()
    store.write(g, batch=a.batch)  # warm-up, not timed
    ways = (("batched", lambda: store.write(g, batch=a.batch)), ("row by row", lambda: store.write(g, batch=1)))
    for name, fn in ways:
        store.clear()
        store.ensure_schema()
        t = time.perf_counter()
        fn()
        results[name] = time.perf_counter() - t
        assert store.counts().get("chaired"), "nothing was written"
        print(f"{name:11} {results[name]:8.2f} s  {rels / results[name]:10.0f} relationships/s")
    print(f"ratio row-by-row / batched: {results['row by row'] / results['batched']:.1f}x")
    store.clear()
    store.close()


if __name__ == "__main__":
    main()
