"""The SPARQL-endpoint store against the embedded store: ingest time as a ratio, and the saved queries' medians.

usage: python benchmarks/bench_sparql_endpoint.py [--input DIR ...] [--runs 3] [--queries 15] [--fuseki]

Ingests the same reports (the real reports of ../shared/corpus/real with the samples, unless --input says
otherwise) ``--runs`` times into a fresh embedded store and into an emptied oxigraph server (and Fuseki with
``--fuseki``) started here on a free loopback port, and prints the median ingest times and their ratio to the
embedded store's (the floor, measured in the same run: these machines are noisy). Then every saved query runs
``--queries`` times on each store with parameters drawn from the data (benchmarks/bench_queries.py), after one
warm-up, and the median of each is printed in milliseconds, wall clock (the work happens in the server), with
its ratio to the embedded store's median.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from bench_queries import draw  # noqa: E402 (found through the path set just above)

from govgraph.graph.ingest import expand, ingest, read_graph  # noqa: E402
from govgraph.graph.stores import Store, open_store  # noqa: E402
from govgraph.queries import saved_queries  # noqa: E402
from tests import servers  # noqa: E402


def _ingest_times(make, inputs: list[Path], runs: int) -> tuple[list[float], Store]:
    times = []
    store = None
    for _ in range(runs):
        if store is not None:
            store.close()
        store = make()
        t0 = time.perf_counter()
        ingest(inputs, store)
        times.append(time.perf_counter() - t0)
    assert store is not None
    return times, store


def _write_time(store: Store, graph) -> float:
    t0 = time.perf_counter()
    store.write(graph)
    return time.perf_counter() - t0


def _query_medians(store: Store, params: dict[str, list[dict]]) -> dict[str, float]:
    out = {}
    for name, q in saved_queries().items():
        times = []
        for i, p in enumerate(params[name]):
            bound = q.bind(p)
            t0 = time.perf_counter()
            store.run(q, bound)
            if i:  # the first run is a warm-up
                times.append(time.perf_counter() - t0)
        out[name] = statistics.median(times) * 1000
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--input", type=Path, nargs="*",
                    default=[ROOT.parent / "shared" / "corpus" / "real", ROOT / "graph" / "samples"])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--queries", type=int, default=15)
    ap.add_argument("--fuseki", action="store_true", help="Measure Fuseki too (Java 17).")
    args = ap.parse_args()
    inputs = [p for p in args.input if p.exists()]
    with tempfile.TemporaryDirectory(prefix="bench-sparql-") as tmp:
        started = [servers.start_oxigraph(Path(tmp) / "oxigraph")]
        if args.fuseki:
            started.append(servers.start_fuseki(Path(tmp) / "fuseki"))
        try:
            n = iter(range(10**6))
            emb_times, embedded = _ingest_times(
                lambda: open_store("oxigraph", path=Path(tmp) / f"emb{next(n)}"), inputs, args.runs)
            floor = statistics.median(emb_times)
            print(f"inputs: {', '.join(str(p) for p in inputs)}; {embedded.counts().get('Article', 0)} articles")
            print(f"ingest (extraction included), embedded store: median {floor:.2f} s over {args.runs} runs "
                  f"(the floor)")
            graph = read_graph(expand(inputs)).graph
            emb_write = statistics.median(
                _write_time(open_store("oxigraph", path=Path(tmp) / f"w{i}"), graph) for i in range(args.runs))
            print(f"write of the read graph alone (no extraction), embedded: median {emb_write * 1000:.0f} ms")
            params = draw(embedded, random.Random(13), args.queries)
            emb_q = _query_medians(embedded, params)
            results = {}
            for server in started:
                def make(server=server) -> Store:
                    s = open_store("sparql", endpoint=server.query_url, update_endpoint=server.update_url)
                    s.clear()
                    return s
                times, store = _ingest_times(make, inputs, args.runs)
                med = statistics.median(times)
                print(f"ingest, {server.kind} server: median {med:.2f} s, {med / floor:.1f}x the embedded store")
                write = statistics.median(_write_time(make(), graph) for _ in range(args.runs))
                print(f"write of the read graph alone, {server.kind} server: median {write * 1000:.0f} ms, "
                      f"{write / emb_write:.1f}x the embedded store")
                results[server.kind] = _query_medians(store, params)
                store.close()
            print(f"\nsaved queries, median ms over {args.queries} runs (x the embedded store's median)")
            print(f"{'query':28} {'embedded':>9}" + "".join(f" {k:>20}" for k in results))
            for name in saved_queries():
                cells = "".join(f" {r[name]:9.1f} ({r[name] / max(emb_q[name], 1e-3):5.1f}x)"
                                for r in results.values())
                print(f"{name:28} {emb_q[name]:9.2f}{cells}")
            embedded.close()
        finally:
            for server in started:
                server.stop()


if __name__ == "__main__":
    main()
