"""Load and saved-query time of the embedded store candidates, on N synthetic articles, in one run.

usage: python benchmarks/bench_stores.py [--articles 10000] [--rdflib-pairs]

Compares rdflib's in-memory Graph (its own store; rdflib's only persistent store needs Berkeley DB) with
Oxigraph on disk (pyoxigraph). Figures are printed as seconds and as ratios rdflib / Oxigraph, so that a
noisy machine still gives a fair comparison within one run.
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
import rdflib
from synthetic import synthetic_articles

from govgraph.graph.build import build_article
from govgraph.graph.export import write_rdf
from govgraph.graph.model import Graph
from govgraph.graph.rdf import graph_quads
from govgraph.graph.stores.oxigraph import OxigraphStore
from govgraph.loaders.extract.pipeline import extract
from govgraph.ontology import PREFIXES
from govgraph.queries import saved_queries

PARAMS = {"meetings_chaired_by": {"person": None}, "meeting_attendees": {"meeting": "常务会议 2022-03"},
          "documents_approved_by_body": {"body": "常德市政府", "from": "2022-01-01", "to": "2022-06-30"},
          "co_attendance_pairs": {"min_count": "20"}, "person_timeline": {"person": None},
          "meetings_per_body_month": {"body": "常德"}, "body_chairs_over_time": {"body": "常德"},
          "post_holders_on": {"post": "常德市市长", "on": "2022-06-30"}, "same_body_same_year": {"body": "常德市政府"}}


def _to_rdflib(term):
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    dt = term.datatype.value if term.datatype else None
    if dt == "http://www.w3.org/2001/XMLSchema#string":
        dt = None
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(dt) if dt else None)


def timed(fn, repeat=3):
    runs = []
    out = None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs), out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--rdflib-pairs", action="store_true", help="also time co_attendance_pairs on rdflib (minutes)")
    a = ap.parse_args()

    t = time.perf_counter()
    g = Graph()
    for art in synthetic_articles(a.articles):
        g.merge(build_article(art, extract(art)))
    quads = graph_quads(g)
    print(f"{a.articles} articles -> {len(g.nodes)} nodes, {len(g.edges)} edges, {len(quads)} triples "
          f"(built in {time.perf_counter() - t:.1f} s)")
    chair = next(n.label for n in g.nodes.values() if n.type == "Person")
    for params in PARAMS.values():
        for p in params:
            params[p] = params[p] or chair

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        ox_store = OxigraphStore(Path(tmp) / "st")
        ox_store.native.extend(quads)
        ox_store.native.flush()
        ox_load = time.perf_counter() - t

        t = time.perf_counter()
        rg = rdflib.Graph()
        for q in quads:
            rg.add((_to_rdflib(q.subject), _to_rdflib(q.predicate), _to_rdflib(q.object)))
        rd_load = time.perf_counter() - t
        print(f"\n{'step':32} {'oxigraph s':>11} {'rdflib s':>10} {'rdflib/oxigraph':>16}")
        print(f"{'load':32} {ox_load:11.3f} {rd_load:10.3f} {rd_load / ox_load:16.1f}")

        ns = {k: rdflib.Namespace(v) for k, v in PREFIXES.items()}
        for name, q in saved_queries().items():
            bound = q.bind(PARAMS.get(name, {}))
            ox_t, (_, ox_rows) = timed(lambda q=q, bound=bound: ox_store.run(q, bound))
            if name == "co_attendance_pairs" and not a.rdflib_pairs:
                print(f"{name:32} {ox_t:11.3f} {'(skipped)':>10} {'':>16}  rows {len(ox_rows)}")
                continue
            init = {k: rdflib.Literal(v) if not hasattr(v, "isoformat") else
                    rdflib.Literal(v.isoformat(), datatype=rdflib.XSD.date) for k, v in bound.items()}
            rd_t, rd_rows = timed(lambda q=q, init=init: list(rg.query(q.sparql, initNs=ns, initBindings=init)),
                                  repeat=1)
            print(f"{name:32} {ox_t:11.3f} {rd_t:10.3f} {rd_t / ox_t:16.1f}  rows {len(ox_rows)}/{len(rd_rows)}")
        t = time.perf_counter()
        write_rdf(ox_store, Path(tmp) / "o.ttl", "turtle")
        ox_ttl = time.perf_counter() - t
        t = time.perf_counter()
        rg.serialize(Path(tmp) / "r.ttl", format="turtle")
        rd_ttl = time.perf_counter() - t
        print(f"{'turtle export':32} {ox_ttl:11.3f} {rd_ttl:10.3f} {rd_ttl / ox_ttl:16.1f}")
        ox_store.close()


if __name__ == "__main__":
    main()
