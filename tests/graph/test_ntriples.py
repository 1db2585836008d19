"""The N-Triples a chunk is bulk-loaded from say what the RDF model says (graph/rdf.py)."""
from __future__ import annotations

import pyoxigraph as ox

from govgraph.graph.model import Evidence, Graph, Node
from govgraph.graph.rdf import graph_ntriples, graph_triples
from govgraph.graph.written import Written


def _parsed(data: bytes) -> set:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)}


def _awkward() -> Graph:
    """Labels and quotes that need escaping, a name list, a boolean, an integer, evidence with and without a day,
    and one piece of evidence cited by two edges."""
    g = Graph()
    art = "article/2024-01-02-abc"
    g.add_node(Node(art, "Article", 'He said "go"\\ now\nand\r', {"title": "标题", "published": "2024-01-02"}))
    g.add_node(Node("person/430400/王某", "Person", "王某", {"name": "王某", "jurisdiction": "430400"}))
    g.add_node(Node("person/press/李记", "Person", "李记", {"name": "李记", "journalist": True}))
    g.add_node(Node("meeting/m1", "Meeting", "会议", {"names": ["第一次会议", "首次会议"], "ordinal": 3,
                                                     "date": "2024-01-02", "referenced": False}))
    g.add_node(Node("body/430400/市委", "Body", "市委", {"name": "市委", "kind": "party_committee"}))
    shared = Evidence(art, 3, 9, '引"号\\', "2024-01-02")
    g.add_edge("person/430400/王某", "chaired", "meeting/m1", shared)
    g.add_edge("person/430400/王某", "attended", "meeting/m1", shared)
    g.add_edge("body/430400/市委", "convened", "meeting/m1", Evidence(art, 0, 2, "市委", None))
    g.add_edge("person/press/李记", "reported", art, Evidence(art, 10, 12, "李记"))
    return g


def test_the_lines_are_the_triples_of_the_model(seed_graph):
    for g in (seed_graph, _awkward()):
        data, n = graph_ntriples(g)
        assert _parsed(data) == set(graph_triples(g))
        assert n == data.count(b"\n")


def test_evidence_cited_twice_is_written_once():
    data, _ = graph_ntriples(_awkward())
    lines = data.decode().splitlines()
    exact = [line for line in lines if "oa#exact" in line and '引\\"号\\\\' in line]
    assert len(exact) == 1
    assert len(lines) == len(set(lines))


def test_what_an_earlier_chunk_carried_is_left_out_and_the_rest_is_whole():
    g = _awkward()
    mem = Written()
    first, _ = graph_ntriples(g, written=mem)
    again, _ = graph_ntriples(g, written=mem)
    assert _parsed(again) < _parsed(first)
    # the evidence of every edge comes again: it is new with each article
    assert {t for t in _parsed(again) if "evidence/" in str(t.subject)} == \
        {t for t in _parsed(first) if "evidence/" in str(t.subject)}
    assert _parsed(first) == set(graph_triples(g))
