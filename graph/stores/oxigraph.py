"""The embedded default: an Oxigraph RDF store on disk. No server; it survives between commands."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pyoxigraph as ox

from govgraph.ontology import GG, PREFIXES, base_iri

from ..model import Graph
from ..rdf import graph_quads
from .base import StoreError, WriteStats


class OxigraphStore:
    """An Oxigraph store in a folder; writes are one transaction each, so a failure leaves nothing half done."""

    backend = "oxigraph"

    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            self.store = ox.Store(str(self.path))
        except OSError as exc:
            raise StoreError(f"cannot open the RDF store at {self.path}: {exc}") from exc

    def write(self, graph: Graph) -> WriteStats:
        """Add a graph; the same quads twice are stored once, so re-ingesting never duplicates."""
        quads = graph_quads(graph)
        self.store.extend(quads)
        return WriteStats(nodes=len(graph.nodes), edges=len(graph.edges), triples=len(quads))

    def bulk_write(self, graph: Graph) -> WriteStats:
        """Faster load for large batches (not transactional)."""
        quads = graph_quads(graph)
        self.store.bulk_extend(quads)
        return WriteStats(nodes=len(graph.nodes), edges=len(graph.edges), triples=len(quads))

    def run(self, query, params: dict) -> tuple[list[str], list[tuple]]:
        """Run a saved SPARQL query with its parameters bound by substitution, never by string building."""
        subs = {ox.Variable(k): _term(v) for k, v in params.items()}
        try:
            res = self.store.query(query.sparql, prefixes=PREFIXES, substitutions=subs,
                                   base_iri=None)
        except SyntaxError as exc:
            raise StoreError(f"saved query {query.name}.rq is not valid SPARQL: {exc}") from exc
        cols = [v.value for v in res.variables if v.value not in params]
        rows = [tuple(_py(sol[c]) for c in cols) for sol in res]
        return cols, rows

    def counts(self) -> dict[str, int]:
        """Nodes per type, edges per type, and triples."""
        out: dict[str, int] = {}
        q = f"SELECT ?c (COUNT(?s) AS ?n) WHERE {{ ?s a ?c FILTER(STRSTARTS(STR(?c), \"{GG}\")) }} GROUP BY ?c"
        for sol in self.store.query(q):
            out[sol["c"].value[len(GG):]] = int(sol["n"].value)
        q = f"SELECT ?r (COUNT(?s) AS ?n) WHERE {{ ?s <{GG}relation> ?r }} GROUP BY ?r"
        for sol in self.store.query(q):
            out[sol["r"].value] = int(sol["n"].value)
        out["triples"] = len(self.store)
        return out

    def dump(self, output, fmt: ox.RdfFormat) -> None:
        """Write the default graph in an RDF format."""
        self.store.dump(output, fmt, from_graph=ox.DefaultGraph(), prefixes=dict(PREFIXES, id=base_iri()))

    def close(self) -> None:
        self.store.flush()
        del self.store


def _term(v):
    if isinstance(v, (ox.NamedNode, ox.Literal)):
        return v
    if isinstance(v, bool):
        return ox.Literal("true" if v else "false", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    if isinstance(v, date):
        return ox.Literal(v.isoformat(), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
    if isinstance(v, int):
        return ox.Literal(str(v), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return ox.Literal(str(v))


def _py(term):
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        if dt.endswith(("#integer", "#int", "#long", "#nonNegativeInteger", "#decimal")):
            return int(term.value)
        return term.value
    if isinstance(term, ox.NamedNode):
        base = base_iri()
        return term.value[len(base):] if term.value.startswith(base) else term.value
    return str(term)
