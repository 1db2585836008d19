"""Saved-query latency on both stores at 10,000 and 100,000 articles: p50 and p95 per query, and the growth.

usage: python benchmarks/bench_queries.py [--sizes 10000,100000] [--runs 30] [--neo4j] [--http] [--json FILE]

The embedded store of each size is built once by big_store.py (out/bench/); with ``--neo4j`` (NEO4J_URI,
NEO4J_PASSWORD) the same synthetic reports are written into Neo4j chunk by chunk as ingest writes them, and the
load time is printed. Each saved query runs ``--runs`` times in-process, each time with parameters drawn at
random from the data (people who took part in meetings, bodies by their whole name or their place, posts,
meetings, days and date ranges), after one warm-up run; with ``--http`` the same questions go through the
endpoint of ``govgraph serve`` too (GET /queries/NAME?…, one kept-alive connection, JSON rows read whole).
Times are wall-clock milliseconds, since the work of a
Neo4j query happens in the server; beside them, the floor: the same store's p50 for looking up one node's label,
measured in the same run, and each query's p95 as a multiple of it (these machines are noisy).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from big_store import build_store, fill

from govgraph.graph.stores import Store, open_store
from govgraph.queries import saved_queries

_FLOOR = {"sparql": "SELECT ?l ?n WHERE { ?n rdfs:label ?l }", "cypher": "MATCH (n:Meeting {id: $id}) RETURN n.label"}


def draw(store: Store, rng: random.Random, runs: int) -> dict[str, list[dict]]:
    """Parameters for every saved query, drawn from what the embedded store holds."""
    def col(text: str) -> list[str]:
        return sorted({str(r[0]) for r in store.query(text)[1]})

    people = col("SELECT ?n WHERE { ?p gg:chaired|gg:attended ?m ; gg:name ?n }")
    bodies = col("SELECT ?l WHERE { ?b gg:convened ?m ; rdfs:label ?l }")
    posts = col("SELECT ?l WHERE { ?p a gg:Post ; rdfs:label ?l }")
    meetings = col("SELECT ?m WHERE { ?m gg:referenced false }")
    meetings = rng.sample(meetings, min(len(meetings), 5 * runs))

    def body() -> str:  # the whole name, or the place it belongs to (常德市政府 or 常德)
        b = rng.choice(bodies)
        return b if rng.random() < 0.5 else b[:2]

    def day() -> date:
        return date(2021, 1, 1) + timedelta(days=rng.randrange(1000))

    out: dict[str, list[dict]] = {}
    for _ in range(runs + 1):
        start = day()
        one = {"meetings_chaired_by": {"person": rng.choice(people)},
               "meeting_attendees": {"meeting": rng.choice(meetings)},
               "documents_approved_by_body": {"body": body(), "from": start.isoformat(),
                                              "to": (start + timedelta(days=90)).isoformat()},
               "co_attendance_pairs": {"person": rng.choice(people), "min_count": str(rng.choice((1, 2, 5)))},
               "person_timeline": {"person": rng.choice(people)},
               "post_holders_on": {"post": rng.choice(posts), "on": day().isoformat()},
               "meetings_per_body_month": {"body": body() if rng.random() < 0.9 else ""},
               "body_chairs_over_time": {"body": body()},
               "same_body_same_year": {"body": body()}}
        for name, params in one.items():
            out.setdefault(name, []).append(params)
    return out


def _pct(times: list[float], p: float) -> float:
    times = sorted(times)
    return times[min(len(times) - 1, round(p * (len(times) - 1)))] * 1000


def measure(store: Store, params: dict[str, list[dict]]) -> dict[str, dict]:
    """p50/p95 (ms) of each saved query over the drawn parameters (the first run a warm-up), and the floor."""
    out: dict[str, dict] = {}
    lang = "sparql" if "sparql" in store.languages else "cypher"
    some_meeting = params["meeting_attendees"][0]["meeting"]
    floor = []
    for _ in range(50):
        t = time.perf_counter()
        if lang == "sparql":
            store.query(_FLOOR[lang], {"n": _node(some_meeting)})
        else:
            store.query(_FLOOR[lang], {"id": some_meeting})
        floor.append(time.perf_counter() - t)
    out["_floor"] = {"p50": _pct(floor, 0.5)}
    for name, q in saved_queries().items():
        times, rows = [], []
        for i, p in enumerate(params[name]):
            bound = q.bind(p)
            t = time.perf_counter()
            _, got = store.run(q, bound)
            if i:
                times.append(time.perf_counter() - t)
                rows.append(len(got))
        out[name] = {"p50": _pct(times, 0.5), "p95": _pct(times, 0.95), "rows": statistics.median(rows)}
    return out


def measure_http(path: Path, params: dict[str, list[dict]]) -> dict[str, dict]:
    """p50/p95 (ms) of each saved query asked of ``govgraph serve`` over HTTP, and the floor: GET /queries."""
    import http.client
    import threading
    from functools import partial
    from urllib.parse import urlencode

    from govgraph.graph.server import make_server

    server = make_server(partial(open_store, "oxigraph", path=path, read_only=True), port=0, folder=path)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    conn = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=60)

    def get(url: str) -> bytes:
        conn.request("GET", url, headers={"Accept": "application/json"})
        resp = conn.getresponse()
        body = resp.read()
        if resp.status != 200:
            raise RuntimeError(f"{url}: {resp.status} {body[:200]!r}")
        return body

    out: dict[str, dict] = {}
    floor = []
    for _ in range(50):
        t = time.perf_counter()
        get("/queries")
        floor.append(time.perf_counter() - t)
    out["_floor"] = {"p50": _pct(floor, 0.5)}
    try:
        for name in saved_queries():
            times, rows = [], []
            for i, p in enumerate(params[name]):
                url = f"/queries/{name}?" + urlencode(p)
                t = time.perf_counter()
                body = get(url)
                if i:
                    times.append(time.perf_counter() - t)
                    rows.append(len(json.loads(body)["rows"]))
            out[name] = {"p50": _pct(times, 0.5), "p95": _pct(times, 0.95), "rows": statistics.median(rows)}
    finally:
        conn.close()
        server.shutdown()
        server.server_close()
    return out


def _same_size(neo: Store, path: Path) -> bool:
    """True when Neo4j holds as many meetings as the embedded store in ``path`` (the same synthetic reports)."""
    with open_store("oxigraph", path=path, read_only=True) as ox_store:
        return neo.counts().get("Meeting") == ox_store.counts().get("Meeting")


def _node(node_id: str):
    import pyoxigraph as ox

    from govgraph.ontology import base_iri

    return ox.NamedNode(base_iri() + node_id)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--neo4j", action="store_true", help="also load and query Neo4j (NEO4J_URI, NEO4J_PASSWORD)")
    ap.add_argument("--http", action="store_true", help="also ask the saved queries through govgraph serve")
    ap.add_argument("--neo4j-keep", action="store_true",
                    help="keep what Neo4j holds when it has as many meetings as the embedded store of that size")
    ap.add_argument("--json", type=Path, default=None, help="write the figures here as JSON too")
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]  # in the order given: the last loaded into Neo4j stays there
    results: dict[str, dict] = {}
    for n in sizes:
        t = time.perf_counter()
        path = build_store(n)
        print(f"{n:,} articles: embedded store ready in {time.perf_counter() - t:.0f} s", file=sys.stderr)
        with open_store("oxigraph", path=path, read_only=True) as ox_store:
            params = draw(ox_store, random.Random(n), a.runs)
            results[f"oxigraph {n}"] = measure(ox_store, params)
        if a.http:
            results[f"http {n}"] = measure_http(path, params)
        if a.neo4j:
            with open_store("neo4j", uri=os.environ.get("NEO4J_URI")) as neo:
                load = None
                if not (a.neo4j_keep and _same_size(neo, path)):
                    neo.clear()  # type: ignore[attr-defined]
                    t = time.perf_counter()
                    fill(neo, n, quiet=True)
                    load = time.perf_counter() - t
                    print(f"{n:,} articles: written into Neo4j in {load:.0f} s (extraction included)",
                          file=sys.stderr)
                results[f"neo4j {n}"] = measure(neo, params)
                results[f"neo4j {n}"]["_load_s"] = load
    _print(results, sorted(sizes), ["oxigraph"] + (["http"] if a.http else []) + (["neo4j"] if a.neo4j else []))
    if a.json:
        a.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


def _print(results: dict, sizes: list[int], stores: list[str]) -> None:
    lo, hi = sizes[0], sizes[-1]
    for st in stores:
        what = "GET /queries, the list of saved queries" if st == "http" else "one label lookup"
        print(f"\n{st}: floor ({what}) p50 "
              + ", ".join(f"{results[f'{st} {n}']['_floor']['p50']:.2f} ms at {n:,}" for n in sizes))
        print(f"{'saved query':28} " + " ".join(f"{f'p50/p95 ms at {n:,}':>22}" for n in sizes)
              + f" {'p95 growth':>10} {'p95/floor':>9} {'rows':>6}")
        for name in saved_queries():
            cells = " ".join(f"{results[f'{st} {n}'][name]['p50']:10.1f} /{results[f'{st} {n}'][name]['p95']:9.1f}"
                             for n in sizes)
            top = results[f"{st} {hi}"][name]
            growth = top["p95"] / max(results[f"{st} {lo}"][name]["p95"], 1e-9)
            print(f"{name:28} {cells} {growth:10.2f} {top['p95'] / results[f'{st} {hi}']['_floor']['p50']:9.0f}"
                  f" {top['rows']:6.0f}")


if __name__ == "__main__":
    main()
