"""The embedded default: an Oxigraph RDF store on disk. No server; it survives between commands."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from govgraph.ontology import GG, OA, PREFIXES, RDF, RDFS, XSD, base_iri

from .. import schema
from ..model import Evidence, Graph, Node
from ..rdf import graph_quads
from .base import Rows, Store, StoreError, Support, WriteStats

# Oxigraph keeps numbers of derived integer types as xsd:integer; triples read out of it get back the type
# the vocabulary says (Web Annotation offsets are xsd:nonNegativeInteger).
_DECLARED_DATATYPES = {OA + "start": XSD + "nonNegativeInteger", OA + "end": XSD + "nonNegativeInteger"}

# The node is found by id, label or name. ?who and ?base are parameters, projected because Oxigraph binds
# only projected variables. A ?who that makes no valid IRI leaves ?node unbound: that branch then finds nothing
# (without the FILTER it would match every node).
_EVIDENCE = """
SELECT DISTINCT ?base ?node ?node_label ?direction ?relation ?other_label ?article_title ?published
                ?start ?end ?quote ?who
WHERE {
  { ?node gg:name ?who } UNION { ?node rdfs:label ?who }
  UNION { BIND(IRI(CONCAT(?base, ?who)) AS ?node) FILTER(BOUND(?node)) }
  ?node rdfs:label ?node_label .
  { ?st rdf:subject ?node ; rdf:object ?other . BIND("out" AS ?direction) }
  UNION
  { ?st rdf:object ?node ; rdf:subject ?other . BIND("in" AS ?direction) }
  ?st gg:relation ?relation ; prov:wasDerivedFrom ?ev .
  ?other rdfs:label ?other_label .
  ?ev gg:inArticle ?art ; oa:start ?start ; oa:end ?end ; oa:exact ?quote .
  OPTIONAL { ?art schema:name ?article_title }
  OPTIONAL { ?art schema:datePublished ?published }
}
"""


class OxigraphStore(Store):
    """An Oxigraph store in a folder; writes are one transaction each, so a failure leaves nothing half done."""

    name = "oxigraph"
    languages = frozenset({"sparql"})
    rdf_native = True

    def __init__(self, path: str | Path = ".govgraph/store"):
        self.path = Path(path)
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            self._store: ox.Store | None = ox.Store(str(self.path))
        except OSError as exc:
            raise StoreError(f"cannot open the RDF store at {self.path}: {exc}") from exc

    @property
    def native(self) -> ox.Store:
        """The pyoxigraph Store underneath, for what only Oxigraph does (loading a Turtle file, say)."""
        if self._store is None:
            raise StoreError(f"the RDF store at {self.path} is closed")
        return self._store

    def write(self, graph: Graph) -> WriteStats:
        """Add a graph; the same quads twice are stored once, so re-ingesting never duplicates."""
        quads = graph_quads(graph)
        self.native.extend(quads)
        return WriteStats(nodes=len(graph.nodes), edges=len(graph.edges), triples=len(quads))

    def query(self, text: str, params: dict[str, Any] | None = None) -> Rows:
        """Run SPARQL with parameters bound by substitution, never by string building.

        Oxigraph substitutes only variables the query projects, so a query selects its parameters too; they
        are left out of the answer here.
        """
        params = params or {}
        subs = {ox.Variable(k): _term(v) for k, v in params.items()}
        try:
            res = self.native.query(text, prefixes=PREFIXES, substitutions=subs, base_iri=None)
        except SyntaxError as exc:
            raise StoreError(f"not valid SPARQL: {exc}") from exc
        if not isinstance(res, ox.QuerySolutions):
            raise StoreError("only SELECT queries give rows")
        cols = [v.value for v in res.variables if v.value not in params]
        rows = [tuple(_py(sol[c]) for c in cols) for sol in res]
        return cols, rows

    def counts(self) -> dict[str, int]:
        """Nodes per type, edges per type, and triples."""
        out: dict[str, int] = {}
        q = f"SELECT ?c (COUNT(?s) AS ?n) WHERE {{ ?s a ?c FILTER(STRSTARTS(STR(?c), \"{GG}\")) }} GROUP BY ?c"
        for sol in self._select(q):
            out[sol["c"].value[len(GG):]] = int(sol["n"].value)
        q = f"SELECT ?r (COUNT(?s) AS ?n) WHERE {{ ?s <{GG}relation> ?r }} GROUP BY ?r"
        for sol in self._select(q):
            out[sol["r"].value] = int(sol["n"].value)
        out["triples"] = len(self.native)
        return out

    def read_graph(self) -> Graph:
        """The model graph held in the store: nodes with their typed properties, edges with their evidence."""
        base = base_iri()
        g = Graph()
        q = f"""SELECT ?s ?c ?l WHERE {{ ?s a ?c ; <{RDFS}label> ?l
                  FILTER(?c IN ({', '.join(f'<{t.classes[0]}>' for t in schema.NODE_TYPES.values())})) }}"""
        for sol in self._select(q):
            nid = _local(sol["s"], base)
            g.nodes.setdefault(nid, Node(nid, sol["c"].value[len(GG):], sol["l"].value))
        for nid, node in g.nodes.items():
            by_pred = {p.predicate: p for p in schema.NODE_TYPES[node.type].props}
            for quad in self.native.quads_for_pattern(ox.NamedNode(base + nid), None, None, ox.DefaultGraph()):
                prop = by_pred.get(quad.predicate.value)
                if prop is None or not isinstance(quad.object, ox.Literal):
                    continue
                value = _value(quad.object.value, prop.datatype)
                if prop.many:
                    node.props[prop.name] = sorted(node.props.get(prop.name, []) + [value])
                else:
                    node.props.setdefault(prop.name, value)
        q = f"""SELECT ?s ?r ?o ?a ?start ?end ?quote ?day WHERE {{
            ?st <{RDF}subject> ?s ; <{GG}relation> ?r ; <{RDF}object> ?o .
            OPTIONAL {{ ?st <{schema.DERIVED_FROM}> ?e . ?e <{GG}inArticle> ?a ; <{OA}start> ?start ;
                       <{OA}end> ?end ; <{OA}exact> ?quote . OPTIONAL {{ ?e <{GG}observedOn> ?day }} }} }}"""
        for sol in self._select(q):
            r = sol["r"].value
            if r not in schema.EDGE_TYPES:
                continue
            ev = None
            if sol["a"] is not None:
                ev = Evidence(_local(sol["a"], base), int(sol["start"].value), int(sol["end"].value),
                              sol["quote"].value, sol["day"].value if sol["day"] is not None else None)
            g.add_edge(_local(sol["s"], base), r, _local(sol["o"], base), ev)
        return g

    def evidence(self, who: str, *, relation: str | None = None) -> list[Support]:
        """Every edge of the nodes named ``who`` (an id, a label or a name), each with its supporting sentences."""
        base = base_iri()
        res = self.native.query(_EVIDENCE, prefixes=PREFIXES,
                                substitutions={ox.Variable("who"): ox.Literal(who),
                                               ox.Variable("base"): ox.Literal(base)})
        assert isinstance(res, ox.QuerySolutions)
        out = []
        for s in res:
            rel = s["relation"].value
            if relation and rel != relation:
                continue
            out.append(Support(_local(s["node"], base), s["node_label"].value, s["direction"].value, rel,
                               s["other_label"].value, s["article_title"].value if s["article_title"] else None,
                               s["published"].value if s["published"] else None,
                               int(s["start"].value), int(s["end"].value), s["quote"].value))
        return out

    def triples(self) -> Iterator[ox.Triple]:
        """The default graph's triples, with the datatypes the vocabulary declares."""
        for q in self.native.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            o, dt = q.object, _DECLARED_DATATYPES.get(q.predicate.value)
            if dt and isinstance(o, ox.Literal) and o.datatype.value != dt:
                o = ox.Literal(o.value, datatype=ox.NamedNode(dt))
            yield ox.Triple(q.subject, q.predicate, o)

    def close(self) -> None:
        if self._store is not None:
            self._store.flush()
            self._store = None

    def _select(self, text: str) -> ox.QuerySolutions:
        res = self.native.query(text)
        assert isinstance(res, ox.QuerySolutions)
        return res


def _local(term, base: str) -> str:
    return term.value[len(base):] if term.value.startswith(base) else term.value


def _value(text: str, datatype: str):
    """A literal's text as the model keeps it: integers as int, booleans as bool, dates as ISO text."""
    if datatype == "integer":
        return int(text)
    if datatype == "boolean":
        return text == "true"
    return text


def _term(v):
    if isinstance(v, (ox.NamedNode, ox.Literal)):
        return v
    if isinstance(v, bool):
        return ox.Literal("true" if v else "false", datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(v, date):
        return ox.Literal(v.isoformat(), datatype=ox.NamedNode(XSD + "date"))
    if isinstance(v, int):
        return ox.Literal(str(v), datatype=ox.NamedNode(XSD + "integer"))
    return ox.Literal(str(v))


def _py(term):
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        if dt.endswith(("#integer", "#int", "#long", "#nonNegativeInteger")):
            return int(term.value)
        if dt.endswith(("#decimal", "#double", "#float")):
            return float(term.value)
        return term.value
    if isinstance(term, ox.NamedNode):
        return _local(term, base_iri())
    return str(term)
