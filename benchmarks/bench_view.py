"""Views at scale: a 5,000-node view built from a 100,000-article store, and its first draw in headless Chromium.

usage: python benchmarks/bench_view.py [--articles 100000] [--nodes 5000] [--runs 3]

Times, in one run (medians of --runs): choosing the view's part of the store (``graph/subgraph``, queries only),
rendering the page (layout, page data, CJK font subset), and the first draw in Debian's Chromium (the page's own
``data-first-draw-ms`` and the wall time until it is drawn). Each figure is also given as a ratio to a floor
measured in the same run: for the store, one scan of every meeting's day; for the browser, the first draw of a
ten-node page. The store is built once by big_store.py and kept under out/bench/.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from big_store import build_store

from govgraph.graph.model import Graph, Node
from govgraph.graph.stores import open_store
from govgraph.graph.subgraph import Filters, reader_for
from govgraph.graph.views import View, render_view
from govgraph.graph.views.build import co_attendance_view, ego_view, filtered_view, timeline_view

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def timed(fn, runs):
    times, out = [], None
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def first_draw(browser, path: Path, runs: int) -> tuple[float, float]:
    """Median (page's own first-draw ms, wall seconds from navigation until drawn)."""
    own, wall = [], []
    for _ in range(runs):
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        t = time.perf_counter()
        page.goto(path.resolve().as_uri())
        page.wait_for_selector('body[data-rendered="1"]', state="attached", timeout=120_000)
        wall.append(time.perf_counter() - t)
        own.append(float(page.evaluate("document.body.dataset.firstDrawMs")))
        page.close()
    return statistics.median(own), statistics.median(wall)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    path = build_store(a.articles)
    store = open_store("oxigraph", path=path)
    r = reader_for(store)
    floor, days = timed(r.meeting_days, a.runs)
    print(f"{a.articles:,}-article store; floor: one scan of {len(days):,} meeting days {floor:.3f} s")

    rows = []
    t_sel, v = timed(lambda: filtered_view(store, Filters(), a.nodes), a.runs)
    rows.append(("filtered view: select", t_sel, len(v.graph.nodes)))
    out = Path(tempfile.mkdtemp()) / "view.html"
    t_render, _ = timed(lambda: render_view(v, out), a.runs)
    rows.append(("filtered view: render (layout, page, font)", t_render, len(v.graph.nodes)))
    rows.append(("filtered view: built (select + render)", t_sel + t_render, len(v.graph.nodes)))
    person = next(n.label for n in v.graph.nodes.values() if n.type == "Person")
    body = max((n for n in v.graph.nodes.values() if n.type == "Body"), key=lambda n: n.label).label
    t, ego = timed(lambda: ego_view(store, person, 2, Filters(), a.nodes), a.runs)
    rows.append((f"ego view ({person}, 2 hops): select", t, len(ego.graph.nodes)))
    t, co = timed(lambda: co_attendance_view(store, Filters(), a.nodes, min_count=2), a.runs)
    rows.append(("co-attendance view: select", t, len(co.graph.nodes)))
    t, tl = timed(lambda: timeline_view(store, body, Filters(), a.nodes), a.runs)
    rows.append((f"timeline view ({body}): select", t, len(tl.graph.nodes)))
    store.close()

    from playwright.sync_api import sync_playwright

    tiny = Graph()
    for i in range(10):
        tiny.add_node(Node(f"person/{i}", "Person", f"人物{i}", {}))
    tiny_path = render_view(View(tiny), out.with_name("tiny.html"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        floor_draw, _ = first_draw(browser, tiny_path, a.runs)
        own, wall = first_draw(browser, out, a.runs)
        browser.close()

    print(f"{'step':58} {'seconds':>8} {'nodes':>6} {'/ floor':>8}")
    for name, secs, n in rows:
        print(f"{name:58} {secs:8.2f} {n:6d} {secs / floor:8.1f}")
    size = out.stat().st_size / 1e6
    print(f"page: {size:.1f} MB; first draw in Chromium {own / 1000:.2f} s (page's own clock), {wall:.2f} s wall; "
          f"ten-node floor {floor_draw / 1000:.2f} s (ratio {own / max(floor_draw, 1):.1f})")
    print(f"targets: built < 5 s -> {t_sel + t_render:.2f} s; first draw < 3 s -> {own / 1000:.2f} s")


if __name__ == "__main__":
    main()
