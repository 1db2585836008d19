"""Exports at scale: each format of ``govgraph export`` from a 10,000-article store, against the store's own dump.

usage: python benchmarks/bench_export.py [--articles 10000] [--runs 1]

The floor is pyoxigraph's own Turtle dump of the same store (``Store.dump`` on the native store, default graph),
timed in the same run; each format is written through ``write_export`` as the command does (best of --runs) and
given as seconds, a ratio to the floor and its file size; reading the model graph out of the store, which GraphML
and Popolo start with, is timed on its own. The store is built once by big_store.py and kept under
out/bench/.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pyoxigraph as ox
from big_store import build_store

from govgraph.graph.export import write_export
from govgraph.graph.stores import open_store

FORMATS = ("turtle", "nt", "jsonld", "graphml", "popolo")


def best(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--formats", nargs="*", default=list(FORMATS))
    a = ap.parse_args()
    path = build_store(a.articles)
    with tempfile.TemporaryDirectory() as tmp, open_store("oxigraph", path=path, read_only=True) as store:
        out = Path(tmp)
        native = store.native  # type: ignore[attr-defined]
        floor = best(lambda: native.dump(str(out / "floor.ttl"), ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph()),
                     a.runs)
        print(f"{a.articles:,} articles, {store.size():,} triples; floor (pyoxigraph Turtle dump) {floor:.2f} s")
        print("| format | s | / floor | MB |\n|---|---|---|---|")
        secs = best(store.read_graph, a.runs)
        print(f"| (read_graph, which GraphML and Popolo start with) | {secs:.2f} | {secs / floor:.1f} | |")
        for fmt in a.formats:
            target = out / f"g.{fmt}"
            secs = best(lambda fmt=fmt, target=target: write_export(store, target, fmt), a.runs)
            print(f"| {fmt} | {secs:.2f} | {secs / floor:.1f} | {target.stat().st_size / 1e6:.0f} |", flush=True)
            target.unlink()


if __name__ == "__main__":
    main()
