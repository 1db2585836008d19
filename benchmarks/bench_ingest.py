"""Ingest at scale: time and peak memory of ``govgraph ingest`` against the floor, measured in the same run.

usage: python benchmarks/bench_ingest.py [--sizes 10000,30000,100000] [--news PATH] [--page-mb 50] [--chunk N]
                                        [--keep DIR] [--neo4j [--neo4j-articles 2000]]

For each size, N synthetic reports (benchmarks/synthetic.py, ~400 characters each) are written as JSON Lines
files of 1,000 reports, then three things run, each in its own process so its peak memory is its own:

- ingest: ``govgraph ingest`` into a fresh embedded store (wall time, CPU time, peak RSS);
- read + extract: the same files through the loaders and the extractor, nothing built or stored;
- bulk load: every quad the ingest stored (the graph, the index graph of name parts, years and counts that the
  saved queries read, and the manifest), dumped to N-Quads (not timed), loaded into a fresh store with
  pyoxigraph's bulk loader; and, for comparison with earlier figures, the default graph alone.

The floor is read + extract + bulk load of everything stored; the figure that matters is ingest / floor
(machines are noisy, a ratio within one run is not). The last two columns are the graph-only bulk load and the
ratio against a floor built on it. ``--news`` does the same for a real corpus file (the shared 新闻联播 .jsonl.gz).
``--neo4j`` (with NEO4J_URI, NEO4J_PASSWORD) also loads one merged graph of ``--neo4j-articles`` reports into
Neo4j the way ingest now commits a chunk (a transaction per batch of UNWIND rows, then the manifest) and the way
writes went before (``execute_write`` per batch, no manifest), four times each after a warm-up, alternating.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

_READ_EXTRACT = """
import sys
from govgraph.graph.ingest import expand
from govgraph.loaders import Article, open_source
from govgraph.loaders.extract.pipeline import extract
n = 0
for path in expand(sys.argv[1:]):
    for item in open_source(path).articles():
        if isinstance(item, Article):
            extract(item)
            n += 1
print(n)
"""
_BULK_LOAD = """
import sys, pyoxigraph as ox
store = ox.Store(sys.argv[2])
store.bulk_load(path=sys.argv[1], format=ox.RdfFormat.N_QUADS, lenient=True)
store.flush()
"""
# every quad the ingest stored (the graph, its index graph, the manifest), and the graph alone
_DUMP = """
import sys, pyoxigraph as ox
store = ox.Store.read_only(sys.argv[1])
store.dump(sys.argv[2], ox.RdfFormat.N_QUADS)
store.dump(sys.argv[3], ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
"""


def measured(cmd: list[str], env: dict | None = None) -> dict:
    """Run ``cmd``; its wall time, CPU time, peak RSS (its own, from wait4) and output."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out = proc.stdout.read() if proc.stdout else b""
    err = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd[:3]} failed ({proc.returncode}): {err.decode()[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024,
            "out": out.decode(), "err": err.decode()}


def run_one(label: str, inputs: list[Path], work: Path, chunk: int | None) -> dict:
    """Ingest ``inputs`` and measure the floor on the same input, in this run."""
    py = sys.executable
    store = work / f"store-{label}"
    cmd = [py, "-m", "govgraph.graph.cli", "ingest", *map(str, inputs), "--store", str(store), "--json"]
    if chunk:
        cmd += ["--chunk", str(chunk)]
    ing = measured(cmd)
    summary = json.loads(ing["out"])
    rx = measured([py, "-c", _READ_EXTRACT, *map(str, inputs)])
    nq, nt = work / f"{label}.nq", work / f"{label}.nt"
    subprocess.run([py, "-c", _DUMP, str(store), str(nq), str(nt)], check=True)
    quads = sum(1 for _ in nq.open("rb"))
    bl = measured([py, "-c", _BULK_LOAD, str(nq), str(work / f"floor-{label}")])
    graph_only = measured([py, "-c", _BULK_LOAD, str(nt), str(work / f"floor-graph-{label}")])
    floor = rx["wall"] + bl["wall"]
    row = {"label": label, "articles": summary["articles"], "meetings": summary["meetings"],
           "triples": summary["written"]["triples"], "quads_stored": quads, "problems": len(summary["problems"]),
           "ingest_s": ing["wall"], "ingest_cpu_s": ing["cpu"], "ingest_rss_mb": ing["rss_mb"],
           "read_extract_s": rx["wall"], "bulk_load_s": bl["wall"], "floor_s": floor,
           "ratio": ing["wall"] / floor, "bulk_load_graph_only_s": graph_only["wall"],
           "ratio_graph_only_floor": ing["wall"] / (rx["wall"] + graph_only["wall"])}
    print(f"{label:>12} {row['articles']:>8} {row['meetings']:>8} {quads:>10} "
          f"{row['ingest_s']:8.1f} {row['ingest_cpu_s']:8.1f} {row['ingest_rss_mb']:8.0f} "
          f"{row['read_extract_s']:8.1f} {row['bulk_load_s']:8.1f} {floor:8.1f} {row['ratio']:6.2f} "
          f"{graph_only['wall']:8.1f} {row['ratio_graph_only_floor']:6.2f}", flush=True)
    for p in (nq, nt):
        p.unlink(missing_ok=True)
    subprocess.run(["rm", "-rf", str(store), str(work / f"floor-{label}"), str(work / f"floor-graph-{label}")],
                   check=True)
    return row


def one_page(path: Path, mb: int) -> Path:
    """Synthetic reports one after another in a single text file of ``mb`` megabytes (a scraper's dump)."""
    from synthetic import iter_synthetic

    with path.open("w", encoding="utf-8") as out:
        for art in iter_synthetic(10_000_000):
            out.write(art.text + "\n\n")
            if out.tell() > mb << 20:
                break
    return path


def neo4j_speed(articles: int) -> None:
    """One merged graph into Neo4j as ingest commits a chunk, and as writes went before; medians of four."""
    import statistics

    from synthetic import iter_synthetic

    from govgraph.graph.build import build_article
    from govgraph.graph.model import Graph
    from govgraph.graph.stores import ManifestEntry, open_store
    from govgraph.loaders.extract.pipeline import extract

    g = Graph()
    for art in iter_synthetic(articles):
        g.absorb(build_article(art, extract(art)))
    store = open_store("neo4j")
    prepared = store.prepare(g)

    def before():
        for _, query, rows in prepared.steps:
            with store._session() as s:
                s.execute_write(lambda tx, q=query, r=rows: tx.run(q, rows=r).consume())

    ways = {"ingest's chunk commit": lambda: store.commit(prepared, [ManifestEntry("d", "f", "done", articles)]),
            "execute_write per batch": before}
    runs: dict[str, list[float]] = {k: [] for k in ways}
    for fn in ways.values():  # the server's JIT warms up on the first loads: leave them out
        store.clear()
        fn()
    for order in (list(ways), list(ways)[::-1], list(ways), list(ways)[::-1]):
        for name in order:
            store.clear()
            store.ensure_schema()
            t = time.perf_counter()
            ways[name]()
            runs[name].append(time.perf_counter() - t)
            assert store.counts().get("chaired"), "nothing was written"
    med = {k: statistics.median(v) for k, v in runs.items()}
    for name, t in med.items():
        shown = ", ".join(f"{x:.2f}" for x in runs[name])
        print(f"neo4j {name:24} {t:7.2f} s  {len(g.edges) / t:8.0f} relationships/s  (runs {shown})")
    ratio = med["execute_write per batch"] / med["ingest's chunk commit"]
    print(f"neo4j ratio before / now: {ratio:.2f} (1 or more: ingest is as fast as before)")
    store.clear()
    store.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,30000,100000")
    ap.add_argument("--news", type=Path, default=None, help="a real corpus file to ingest as well")
    ap.add_argument("--chunk", type=int, default=None, help="articles per chunk (default: ingest's own)")
    ap.add_argument("--keep", type=Path, default=None, help="write the inputs and stores here (default: a temp dir)")
    ap.add_argument("--page-mb", type=int, default=0, help="also one text page of this many MB of reports")
    ap.add_argument("--neo4j", action="store_true")
    ap.add_argument("--neo4j-articles", type=int, default=2000)
    a = ap.parse_args()
    from synthetic import write_jsonl

    with tempfile.TemporaryDirectory(dir=a.keep) as tmp:
        work = Path(tmp)
        print(f"{'input':>12} {'articles':>8} {'meetings':>8} {'quads':>10} {'ingest s':>8} {'cpu s':>8} "
              f"{'peak MB':>8} {'read+ex':>8} {'bulk s':>8} {'floor s':>8} {'ratio':>6} {'graph s':>8} {'ratio':>6}")
        rows = []
        for n in (int(x) for x in a.sizes.split(",") if x):
            inputs = write_jsonl(work / f"in-{n}", n)
            rows.append(run_one(f"{n:,}", inputs, work, a.chunk))
            subprocess.run(["rm", "-rf", str(work / f"in-{n}")], check=True)
        if a.news:
            rows.append(run_one("news", [a.news], work, a.chunk))
        if a.page_mb:
            rows.append(run_one(f"{a.page_mb} MB page", [one_page(work / "page.txt", a.page_mb)], work, a.chunk))
        if a.neo4j:
            neo4j_speed(a.neo4j_articles)
        print(json.dumps(rows))


if __name__ == "__main__":
    main()
