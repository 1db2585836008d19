"""Validate RDF exports against the project's SHACL shapes (ontology/shapes.ttl) with the ontology mixed in."""
from __future__ import annotations

from pathlib import Path

import rdflib
from rdflib.namespace import RDF, SH

from govgraph.ontology import PREFIXES, base_iri, ontology_path

SHAPES_NS = "https://govgraph.org/shapes#"
# file suffix -> rdflib parser name
_SUFFIX_FORMAT = {".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".ntriples": "nt", ".jsonld": "json-ld",
                  ".json": "json-ld", ".rdf": "xml", ".owl": "xml", ".xml": "xml", ".n3": "n3", ".trig": "trig",
                  ".nq": "nquads"}


def load_graph(path, fmt: str | None = None) -> rdflib.Graph:
    """An RDF file as an rdflib graph; the format comes from the suffix unless given."""
    path = Path(path)
    fmt = fmt or _SUFFIX_FORMAT.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"cannot tell the RDF format of {path.name}; use .ttl, .nt or .jsonld")
    return rdflib.Graph().parse(path, format=fmt)


def shapes_graph() -> rdflib.Graph:
    return rdflib.Graph().parse(str(ontology_path("shapes.ttl")), format="turtle")


def ontology_graph() -> rdflib.Graph:
    return rdflib.Graph().parse(str(ontology_path("govgraph.ttl")), format="turtle")


def as_rdflib(data) -> rdflib.Graph:
    """An rdflib graph from an rdflib graph, a file path, a store or a model graph (what an export would hold)."""
    if isinstance(data, rdflib.Graph):
        return data
    if isinstance(data, (str, Path)):
        return load_graph(data)
    from .export import to_ntriples
    from .model import Graph
    from .stores import Store

    if isinstance(data, (Store, Graph)):
        return rdflib.Graph().parse(data=to_ntriples(data), format="nt")
    raise TypeError(f"cannot validate a {type(data).__name__}; give an rdflib Graph, a file, a store or a graph")


def validate(data_graph_or_path) -> tuple[bool, str]:
    """(ok, report): the data against shapes.ttl with govgraph.ttl as the ontology graph.

    The report names, for every problem, the node shape (and the property path) that is broken, the focus
    node and the offending value, one line each; pyshacl's full report follows.
    """
    from pyshacl import validate as shacl

    data = as_rdflib(data_graph_or_path)
    shapes = shapes_graph()
    # The whole ontology goes in beside the data (a copy; the caller's graph is left alone). pyshacl's own
    # ont_graph copies only the OWL/RDFS axioms: the shapes also need the SKOS concepts and their schemes and
    # the gg:edgeType annotations, and its deep copy of named individuals explodes on SKOS schemes, whose
    # hasTopConcept and topConceptOf point at each other.
    merged = rdflib.Graph()
    merged += data
    merged += ontology_graph()
    conforms, results, text = shacl(merged, shacl_graph=shapes, inference="none", inplace=True,
                                    allow_warnings=False)
    if conforms:
        return True, f"valid: {len(data)} triples conform to the govgraph shapes\n"
    lines = summarise(results, shapes)
    return False, (f"invalid: {len(lines)} problem(s)\n" + "\n".join(lines) + "\n\n" + text)


def summarise(results: rdflib.Graph, shapes: rdflib.Graph) -> list[str]:
    """One line per SHACL result: node shape [path], focus node, value, message (constraint)."""
    nm = rdflib.namespace.NamespaceManager(rdflib.Graph(), bind_namespaces="none")
    for pfx, ns in dict(PREFIXES, ggsh=SHAPES_NS, sh=str(SH), id=base_iri()).items():
        nm.bind(pfx, rdflib.Namespace(ns), override=True, replace=True)
    show = lambda t: _show(t, nm, results)
    out = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        src = results.value(r, SH.sourceShape)
        node_shape = src if isinstance(src, rdflib.URIRef) else shapes.value(None, SH.property, src) or src
        path = results.value(r, SH.resultPath)
        focus = results.value(r, SH.focusNode)
        value = results.value(r, SH.value)
        msg = results.value(r, SH.resultMessage)
        comp = results.value(r, SH.sourceConstraintComponent)
        line = f"- {show(node_shape)}"
        if path is not None:
            line += f" path {show(path)}"
        line += f": focus {show(focus)}"
        if value is not None and value != focus:
            line += f", value {show(value)}"
        if msg:
            line += f": {msg}"
        if comp is not None:
            line += f" ({show(comp)})"
        out.append(line)
    return sorted(out)


def _show(term, nm, graph) -> str:
    if term is None:
        return "?"
    if isinstance(term, rdflib.URIRef):
        try:
            return nm.curie(term, generate=False)
        except (ValueError, KeyError):
            return f"<{term}>"
    if isinstance(term, rdflib.BNode):  # a path such as ( gg:bodyKind skos:inScheme ) or an alternative
        items = list(rdflib.collection.Collection(graph, term)) if graph.value(term, RDF.first) else []
        if items:
            return "/".join(_show(i, nm, graph) for i in items)
        alt = graph.value(term, SH.alternativePath)
        if alt is not None:
            return "|".join(_show(i, nm, graph) for i in rdflib.collection.Collection(graph, alt))
        return "[]"
    return term.n3(nm)
