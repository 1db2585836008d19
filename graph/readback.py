"""Read a stored RDF graph back into the model (for views and GraphML)."""
from __future__ import annotations

import pyoxigraph as ox

from govgraph.ontology import GG, OA, PROV, RDF, RDFS, base_iri

from .model import EDGE_TYPES, NODE_TYPES, Evidence, Graph, Node
from .rdf import _PROPS

_PROP_BY_PRED = {pred: name for name, (pred, _) in _PROPS.items()}


def graph_from_store(store: ox.Store) -> Graph:
    """The model graph held in an Oxigraph store."""
    base = base_iri()
    local = lambda t: t.value[len(base):] if t.value.startswith(base) else t.value
    g = Graph()
    q = f"""SELECT ?s ?c ?l WHERE {{ ?s a ?c ; <{RDFS}label> ?l
              FILTER(?c IN ({', '.join(f'<{GG}{t}>' for t in NODE_TYPES)})) }}"""
    for sol in store.query(q):
        nid = local(sol["s"])
        g.nodes.setdefault(nid, Node(nid, sol["c"].value[len(GG):], sol["l"].value))
    for nid, node in g.nodes.items():
        for quad in store.quads_for_pattern(ox.NamedNode(base + nid), None, None, ox.DefaultGraph()):
            name = _PROP_BY_PRED.get(quad.predicate.value)
            if name and isinstance(quad.object, ox.Literal) and name not in node.props:
                node.props[name] = quad.object.value
    q = f"""SELECT ?s ?r ?o ?a ?start ?end ?quote ?day WHERE {{
        ?st <{RDF}subject> ?s ; <{GG}relation> ?r ; <{RDF}object> ?o .
        OPTIONAL {{ ?st <{PROV}wasDerivedFrom> ?e . ?e <{GG}inArticle> ?a ; <{OA}start> ?start ; <{OA}end> ?end ;
                   <{OA}exact> ?quote . OPTIONAL {{ ?e <{GG}observedOn> ?day }} }} }}"""
    for sol in store.query(q):
        r = sol["r"].value
        if r not in EDGE_TYPES:
            continue
        ev = None
        if sol["a"] is not None:
            ev = Evidence(local(sol["a"]), int(sol["start"].value), int(sol["end"].value), sol["quote"].value,
                          sol["day"].value if sol["day"] is not None else None)
        g.add_edge(local(sol["s"]), r, local(sol["o"]), ev)
    return g
