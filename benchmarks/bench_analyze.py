"""govgraph analyze at scale: co-attendance centrality and communities, turnover, activity on a 100,000-article store.

usage: python benchmarks/bench_analyze.py [--articles 100000] [--runs 3]

Each analysis is timed from the open store to its rows (medians of --runs), beside a floor measured in the same
run: one scan of every participation edge (chaired, attended, sat_in, spoke_at), the least any co-attendance
measure must read. The target is under 10 s each. The store is built once by big_store.py (out/bench/).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_view import timed
from big_store import build_store

from govgraph.graph.analysis import activity_svg, centrality, meetings_per_month, turnover
from govgraph.graph.stores import open_store
from govgraph.graph.subgraph import Filters, co_attendance, reader_for


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    store = open_store("oxigraph", path=build_store(a.articles))
    floor, rows = timed(lambda: reader_for(store).participation(), a.runs)
    print(f"{a.articles:,}-article store; floor: one scan of {len(rows):,} participation edges {floor:.2f} s")
    svg = Path(tempfile.mkdtemp()) / "activity.svg"
    steps = {
        "centrality (co-attendance, degree, betweenness, eigenvector, Louvain)":
            lambda: len(centrality(co_attendance(store, Filters())).rows),
        "centrality of one city's meetings (--body 常德)":
            lambda: len(centrality(co_attendance(store, Filters(body="常德"))).rows),
        "turnover (chairs per body, changes)": lambda: len(turnover(store, Filters()).chairs),
        "activity (meetings per body per month + SVG plot)":
            lambda: len(activity_svg(meetings_per_month(store, Filters())[1], svg).read_text()),
    }
    print(f"{'analysis':72} {'seconds':>8} {'/ floor':>8}  result")
    for name, fn in steps.items():
        secs, out = timed(fn, a.runs)
        print(f"{name:72} {secs:8.2f} {secs / floor:8.1f}  {out:,}  {'ok' if secs < 10 else 'OVER 10 s'}")
    store.close()


if __name__ == "__main__":
    main()
