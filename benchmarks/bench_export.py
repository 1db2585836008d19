"""Turtle and N-Triples export against pyoxigraph's own dump of the same store, in one run.

usage: python benchmarks/bench_export.py [--articles 10000] [--runs 7]

The store is the synthetic one big_store.py builds (out/bench/). Each run times ``write_export`` (what
``govgraph export`` does after opening the store) and then ``Store.dump`` of pyoxigraph on the same graph,
alternately, so both see the same machine; the figure is the ratio of the medians (export / dump).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pyoxigraph as ox
from big_store import build_store

from govgraph.graph.export import write_export
from govgraph.graph.stores import open_store

FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=7)
    a = ap.parse_args()
    path = build_store(a.articles)
    with open_store("oxigraph", path=path, read_only=True) as store, tempfile.TemporaryDirectory() as tmp:
        native = store.native  # type: ignore[attr-defined]
        print(f"{a.articles:,} articles; median of {a.runs} runs each")
        print(f"{'format':8} {'export s':>9} {'dump s':>9} {'export/dump':>12} {'MB':>7}")
        for name, fmt in FORMATS.items():
            ours, theirs = [], []
            out = Path(tmp) / f"out.{name}"
            for _ in range(a.runs):
                t = time.perf_counter()
                write_export(store, out, name)
                ours.append(time.perf_counter() - t)
                size = out.stat().st_size
                t = time.perf_counter()
                native.dump(str(out), fmt, from_graph=ox.DefaultGraph())
                theirs.append(time.perf_counter() - t)
            o, d = statistics.median(ours), statistics.median(theirs)
            print(f"{name:8} {o:9.2f} {d:9.2f} {o / d:12.2f} {size / 1e6:7.0f}")


if __name__ == "__main__":
    main()
