"""Exports: Turtle (default), N-Triples and JSON-LD from the store; GraphML for Gephi and networkx."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from govgraph.ontology import OA, PREFIXES, XSD, base_iri

from .model import Graph

RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
               "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD, "json-ld": ox.RdfFormat.JSON_LD}
FORMATS = tuple(RDF_FORMATS) + ("graphml",)
# Oxigraph keeps numbers of derived integer types as xsd:integer; the export gives back the type the
# vocabulary says (Web Annotation offsets are xsd:nonNegativeInteger)
_DATATYPES = {OA + "start": XSD + "nonNegativeInteger", OA + "end": XSD + "nonNegativeInteger"}


def export_triples(store):
    """The default graph's triples (from an Oxigraph store or an OxigraphStore), with the declared datatypes."""
    store = getattr(store, "store", store)
    for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        o, dt = q.object, _DATATYPES.get(q.predicate.value)
        if dt and isinstance(o, ox.Literal) and o.datatype.value != dt:
            o = ox.Literal(o.value, datatype=ox.NamedNode(dt))
        yield ox.Triple(q.subject, q.predicate, o)


def jsonld_context() -> dict:
    """The JSON-LD @context: the project's prefixes, and node IRIs written relative to the base."""
    return dict(PREFIXES, **{"@base": base_iri()})


def write_rdf(store, path, fmt: str = "turtle") -> Path:
    """Write the store as Turtle, N-Triples or JSON-LD (compacted with ``jsonld_context``)."""
    path = Path(path)
    rdf_format = RDF_FORMATS[fmt]
    if rdf_format == ox.RdfFormat.JSON_LD:
        import rdflib

        nt = ox.serialize(export_triples(store), format=ox.RdfFormat.N_TRIPLES)
        g = rdflib.Graph().parse(data=nt.decode("utf-8"), format="nt")
        path.write_text(g.serialize(format="json-ld", context=jsonld_context(), auto_compact=True),
                        encoding="utf-8")
    else:
        ox.serialize(export_triples(store), str(path), rdf_format, prefixes=dict(PREFIXES, id=base_iri()))
    return path


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
