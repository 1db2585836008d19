"""The graph model as RDF: direct triples for querying, plus a statement node per edge for its evidence."""
from __future__ import annotations

import hashlib

from pyoxigraph import Literal, NamedNode, Quad

from govgraph.ontology import FOAF, GG, OA, ORG, PROV, RDF, RDFS, SCHEMA, XSD, base_iri

from .model import Edge, Graph, Node

_TYPE = NamedNode(RDF + "type")
_LABEL = NamedNode(RDFS + "label")
_CLASSES = {
    "Person": [GG + "Person", FOAF + "Person"],
    "Body": [GG + "Body", ORG + "Organization"],
    "Post": [GG + "Post", ORG + "Post"],
    "Meeting": [GG + "Meeting", SCHEMA + "Event"],
    "Document": [GG + "Document", SCHEMA + "CreativeWork"],
    "Article": [GG + "Article", SCHEMA + "NewsArticle"],
}
# property name in the model -> (predicate, datatype or None for a plain string)
_PROPS = {
    "name": (GG + "name", None), "jurisdiction": (GG + "jurisdiction", None), "kind": (GG + "kind", None),
    "ordinal": (GG + "ordinal", XSD + "integer"), "date": (SCHEMA + "startDate", XSD + "date"),
    "part_of_day": (GG + "partOfDay", None), "referenced": (GG + "referenced", XSD + "boolean"),
    "title": (SCHEMA + "name", None), "published": (SCHEMA + "datePublished", XSD + "date"),
    "source": (GG + "sourceFile", None), "newspaper": (SCHEMA + "publisher", None), "url": (SCHEMA + "url", None),
    "role": (GG + "role", None), "as_written": (GG + "asWritten", None), "journalist": (GG + "journalist", XSD + "boolean"),
}
_EDGE_PRED = {"post_in": ORG + "postIn"}


def iri(node_id: str, base: str | None = None) -> NamedNode:
    """The IRI of a node id under the base."""
    return NamedNode((base or base_iri()) + node_id)


def edge_predicate(edge_type: str) -> NamedNode:
    """The predicate of a direct triple for an edge type."""
    return NamedNode(_EDGE_PRED.get(edge_type, GG + _camel(edge_type)))


def _camel(s: str) -> str:
    head, *rest = s.split("_")
    return head + "".join(w.title() for w in rest)


def _literal(value, datatype: str | None) -> Literal:
    if datatype == XSD + "boolean":
        return Literal("true" if value else "false", datatype=NamedNode(datatype))
    if datatype:
        return Literal(str(value), datatype=NamedNode(datatype))
    return Literal(str(value))


def node_quads(node: Node, base: str) -> list[Quad]:
    s = iri(node.id, base)
    out = [Quad(s, _TYPE, NamedNode(c)) for c in _CLASSES[node.type]]
    out.append(Quad(s, _LABEL, Literal(node.label)))
    for k, v in node.props.items():
        if v is None or v == "" or k not in _PROPS:
            continue
        pred, dt = _PROPS[k]
        out.append(Quad(s, NamedNode(pred), _literal(v, dt)))
    return out


def edge_quads(edge: Edge, base: str) -> list[Quad]:
    s, o = iri(edge.source, base), iri(edge.target, base)
    p = edge_predicate(edge.type)
    out = [Quad(s, p, o)]
    digest = hashlib.sha1(f"{edge.source}|{edge.type}|{edge.target}".encode()).hexdigest()[:16]
    st = iri(f"statement/{digest}", base)
    out += [Quad(st, _TYPE, NamedNode(GG + "Statement")), Quad(st, NamedNode(RDF + "subject"), s),
            Quad(st, NamedNode(RDF + "predicate"), p), Quad(st, NamedNode(RDF + "object"), o),
            Quad(st, NamedNode(GG + "relation"), Literal(edge.type))]
    for ev in edge.evidence:
        e = iri(f"evidence/{ev.article.split('/', 1)[-1]}/{ev.start}-{ev.end}", base)
        out += [Quad(st, NamedNode(PROV + "wasDerivedFrom"), e),
                Quad(e, _TYPE, NamedNode(GG + "Evidence")),
                Quad(e, NamedNode(GG + "inArticle"), iri(ev.article, base)),
                Quad(e, NamedNode(OA + "start"), Literal(str(ev.start), datatype=NamedNode(XSD + "nonNegativeInteger"))),
                Quad(e, NamedNode(OA + "end"), Literal(str(ev.end), datatype=NamedNode(XSD + "nonNegativeInteger"))),
                Quad(e, NamedNode(OA + "exact"), Literal(ev.quote))]
        if ev.observed:
            out.append(Quad(e, NamedNode(GG + "observedOn"), Literal(ev.observed, datatype=NamedNode(XSD + "date"))))
    return out


def graph_quads(graph: Graph, base: str | None = None) -> list[Quad]:
    """Every quad of a graph (default graph), deterministic for the same input."""
    base = base or base_iri()
    out: list[Quad] = []
    for n in graph.nodes.values():
        out += node_quads(n, base)
    for e in graph.edges.values():
        out += edge_quads(e, base)
    return out
