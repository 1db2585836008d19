"""Exports: Turtle (default), N-Triples and JSON-LD from any store or graph; GraphML for Gephi and networkx."""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from govgraph.ontology import PREFIXES, base_iri

from .model import Graph
from .rdf import graph_triples
from .stores import Store

RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
               "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD, "json-ld": ox.RdfFormat.JSON_LD}
FORMATS = tuple(RDF_FORMATS) + ("graphml",)


def triples_of(source: Store | Graph) -> Iterable[ox.Triple]:
    """The RDF triples of a store (read directly when it holds RDF) or of a model graph."""
    return source.triples() if isinstance(source, Store) else graph_triples(source)


def to_ntriples(source: Store | Graph) -> str:
    """The triples of a store or graph as N-Triples text."""
    return ox.serialize(triples_of(source), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")  # type: ignore[union-attr]


def jsonld_context() -> dict:
    """The JSON-LD @context: the project's prefixes, and node IRIs written relative to the base."""
    return dict(PREFIXES, **{"@base": base_iri()})


def write_rdf(source: Store | Graph, path, fmt: str = "turtle") -> Path:
    """Write a store or a graph as Turtle, N-Triples or JSON-LD (compacted with ``jsonld_context``)."""
    path = Path(path)
    rdf_format = RDF_FORMATS[fmt]
    if rdf_format == ox.RdfFormat.JSON_LD:
        import rdflib

        g = rdflib.Graph().parse(data=to_ntriples(source), format="nt")
        path.write_text(g.serialize(format="json-ld", context=jsonld_context(), auto_compact=True),
                        encoding="utf-8")
    elif not (isinstance(source, Store) and source.dump(path, rdf_format, dict(PREFIXES, id=base_iri()))):
        ox.serialize(triples_of(source), str(path), rdf_format, prefixes=dict(PREFIXES, id=base_iri()))
    return path


# what XML 1.0 cannot hold at all, even escaped: most C0 controls, lone surrogates, U+FFFE/U+FFFF
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` with each character XML cannot hold written as an escape (``\\x08``), so GraphML stays XML."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", text)


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """The model as a networkx multigraph; attributes are strings (XML-safe) so GraphML keeps them."""
    g = nx.MultiDiGraph()
    for n in graph.nodes.values():
        attrs = {k: xml_safe(str(v)) for k, v in n.props.items() if v not in (None, "")}
        g.add_node(xml_safe(n.id), type=n.type, label=xml_safe(n.label), **attrs)
    for e in graph.edges.values():
        g.add_edge(xml_safe(e.source), xml_safe(e.target), key=e.type, type=e.type, sources=len(e.evidence),
                   first_seen=e.first_seen or "", last_seen=e.last_seen or "",
                   quote=xml_safe(e.evidence[0].quote) if e.evidence else "")
    return g


def write_graphml(source: Store | Graph, path) -> Path:
    """GraphML that Gephi and ``networkx.read_graphml`` open."""
    graph = source.read_graph() if isinstance(source, Store) else source
    nx.write_graphml(to_networkx(graph), path)
    return Path(path)


def write_export(source: Store | Graph, path, fmt: str = "turtle") -> Path:
    """Write ``source`` in any export format."""
    if fmt == "graphml":
        return write_graphml(source, path)
    if fmt not in RDF_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return write_rdf(source, path, fmt)
