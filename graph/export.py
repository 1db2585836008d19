"""Exports: Turtle (default), N-Triples and JSON-LD straight from the store; GraphML for Gephi and networkx."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from .model import Graph

RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
               "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD, "json-ld": ox.RdfFormat.JSON_LD}
FORMATS = tuple(RDF_FORMATS) + ("graphml",)


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """The model as a networkx multigraph; attributes are strings so GraphML keeps them."""
    g = nx.MultiDiGraph()
    for n in graph.nodes.values():
        attrs = {k: str(v) for k, v in n.props.items() if v not in (None, "")}
        g.add_node(n.id, type=n.type, label=n.label, **attrs)
    for e in graph.edges.values():
        g.add_edge(e.source, e.target, key=e.type, type=e.type, sources=len(e.evidence),
                   first_seen=e.first_seen or "", last_seen=e.last_seen or "",
                   quote=e.evidence[0].quote if e.evidence else "")
    return g


def write_graphml(graph: Graph, path: Path) -> Path:
    """GraphML that Gephi and ``networkx.read_graphml`` open."""
    nx.write_graphml(to_networkx(graph), path)
    return path
