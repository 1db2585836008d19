"""Every export says the same thing whichever store it is written from: the embedded store and a real Neo4j."""
from __future__ import annotations

import json

import networkx as nx
import pyoxigraph as ox
import pytest

from govgraph.graph.export import write_export

pytestmark = pytest.mark.neo4j


def _triples(path) -> set:
    return {(q.subject, q.predicate, q.object) for q in ox.parse(path=str(path), format=ox.RdfFormat.JSON_LD)}


def test_jsonld_graphml_and_popolo_agree_across_stores(store, neo, corpus_graph, tmp_path):
    store.write(corpus_graph)
    neo.write(corpus_graph)
    out = {name: tmp_path / name for name in ("ox", "neo")}
    for name, s in (("ox", store), ("neo", neo)):
        out[name].mkdir()
        for fmt in ("jsonld", "graphml", "popolo"):
            write_export(s, out[name] / fmt, fmt)
    assert _triples(out["ox"] / "jsonld") == _triples(out["neo"] / "jsonld")
    docs = [json.loads((out[n] / "popolo").read_text(encoding="utf-8")) for n in ("ox", "neo")]
    assert docs[0] == docs[1] and docs[0]["memberships"]
    graphs = [nx.read_graphml(out[n] / "graphml", force_multigraph=True) for n in ("ox", "neo")]
    assert dict(graphs[0].nodes(data=True)) == dict(graphs[1].nodes(data=True))
    assert sorted(graphs[0].edges(keys=True, data="weight")) == sorted(graphs[1].edges(keys=True, data="weight"))
