"""Any SPARQL 1.1 server as the store (Fuseki, the oxigraph server, GraphDB, Virtuoso, QLever): a graph too big
for one machine lives on a server that is not ours.

Writes go through SPARQL 1.1 Update (``INSERT DATA``), not the Graph Store Protocol: every SPARQL 1.1 server
speaks Update at one URL, while the Graph Store Protocol's URL and its support for named graphs differ from
server to server, and a chunk holds triples for two graphs (the data and the index graph). A chunk goes in as
several requests of bounded size (a server bounds a request's body: the oxigraph server at 1 MiB), so it is not
one transaction; the index graph's pending mark (index_keeper.py) and the manifest, written after the data, make
an ingest killed midway whole again when it is run again, as on the embedded store.

Queries go through the SPARQL 1.1 Protocol (POST, JSON results), with parameters bound as serialised RDF terms
(sparql_text.py), never pasted in as text. The data sit in the server's default graph, the counts and name parts
in ``gg:index``, the manifest in its own named graph, as in the embedded store, so the saved queries run as they
are.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from govgraph.ontology import GG, OA, RDF, RDFS, base_iri

from .. import schema
from ..derived import Touched
from ..model import Evidence, Graph, Node
from ..rdf import graph_ntriples
from ..written import Written
from .base import ManifestEntry, Rows, Store, StoreError, Support, WriteStats
from .oxigraph import (
    _EVIDENCE,
    _M_ARTICLES,
    _M_FILE,
    _M_SOURCE,
    _M_STATE,
    _MANIFEST_GRAPH,
    _NAMED,
    _NODE_CLASSES,
    _manifest_quads,
    _term,
    _value,
)
from .sparql_http import SparqlClient
from .sparql_index import SparqlIndexKeeper, index_lines
from .sparql_text import bind, data_updates, quad_line, to_python, to_term, with_prologue

UPDATE_BYTES = 900_000  # of N-Triples per update request: under the oxigraph server's 1 MiB bound on a body
# what the default graph of a server that unites every graph (GraphDB, Virtuoso) would show beside the data
_PRIVATE = sorted(schema.INDEX_DATATYPE_PROPERTIES | schema.INDEX_OBJECT_PROPERTIES)


@dataclass
class PreparedUpdate:
    """A chunk as N-Triples lines: the data for the default graph, the name parts and years for the index."""

    data: list[str]
    index: list[str]
    stats: WriteStats
    touched: Touched


def update_url_for(query_url: str) -> str:
    """The update URL a query URL implies: ``…/query`` -> ``…/update`` (Fuseki, oxigraph); else the same URL
    (servers that take both at one address: Fuseki's ``/DATASET``, Virtuoso's ``/sparql``)."""
    return query_url[:-len("query")] + "update" if query_url.rstrip().endswith("/query") else query_url


class SparqlEndpointStore(Store):
    """A store on a SPARQL 1.1 server, reached by its query URL (``endpoint``) and update URL."""

    name = "sparql"
    languages = frozenset({"sparql"})
    rdf_native = True
    sorts_answers = True  # every server gives the rows in one order, whatever its collation

    def __init__(self, endpoint: str | None = None, *, update_endpoint: str | None = None, user: str | None = None,
                 password: str | None = None, timeout: float = 60.0, read_only: bool = False,
                 update_bytes: int = UPDATE_BYTES):
        if not str(endpoint or "").strip():
            raise StoreError("no SPARQL endpoint given: use --sparql-endpoint http://HOST:PORT/PATH")
        assert endpoint is not None
        self.endpoint = endpoint.strip()
        self.read_only = read_only
        self.update_bytes = update_bytes
        self._client: SparqlClient | None = SparqlClient(
            self.endpoint, (update_endpoint or update_url_for(self.endpoint)).strip(), user, password, timeout)
        self._keeper: SparqlIndexKeeper | None = None
        self._written = Written()  # what this store's chunks carried already
        self._client.ask("ASK { }")  # a server that is not there is said now, in one line

    @property
    def client(self) -> SparqlClient:
        """The HTTP client of the server (a StoreError once the store is closed)."""
        if self._client is None:
            raise StoreError(f"the SPARQL store at {self.endpoint} is closed")
        return self._client

    @property
    def keeper(self) -> SparqlIndexKeeper:
        """What keeps the index graph's counts (made on first use)."""
        if self._keeper is None:
            self._keeper = SparqlIndexKeeper(self.client, self.update_bytes)
        return self._keeper

    def prepare(self, graph: Graph) -> PreparedUpdate:
        """The chunk's triples and index lines as N-Triples text, and what it says about the counts."""
        data, n = graph_ntriples(graph, written=self._written)
        return PreparedUpdate(data.decode("utf-8").splitlines(keepends=True),
                              index_lines(graph, written=self._written),
                              WriteStats(nodes=len(graph.nodes), edges=len(graph.edges), triples=n),
                              Touched.of(graph))

    def discard(self, prepared: PreparedUpdate) -> None:
        """A chunk that will not be sent: what the server was thought to hold may not be there."""
        self._forget()

    def _forget(self) -> None:
        self._keeper = None
        self._written.forget()

    def commit(self, prepared: PreparedUpdate, entries: Sequence[ManifestEntry]) -> WriteStats:
        """Send a chunk and move the counts, then record its files in the manifest."""
        self._writable()
        keeper = self.keeper
        def send() -> None:
            for text in data_updates("INSERT", {None: prepared.data, schema.INDEX_GRAPH: prepared.index},
                                     self.update_bytes):
                self.client.update(text)

        try:
            keeper.counted(prepared.touched, send)
        except BaseException:
            self._forget()
            raise
        if entries:
            lines = [quad_line(q) for e in entries for q in _manifest_quads(e)]
            for text in data_updates("INSERT", {_MANIFEST_GRAPH.value: lines}, self.update_bytes):
                self.client.update(text)
        keeper.end()
        return prepared.stats

    def reindex(self) -> None:
        """Index every name and year, and count everything, again from the graph held."""
        self._writable()
        self.keeper.begin()
        self.keeper.rebuild(names=True)
        self.keeper.end()

    def clear(self) -> None:
        """Delete every graph on the server (tests and benchmarks only)."""
        self._writable()
        self.client.update("DROP ALL")
        self._forget()

    def manifest(self) -> dict[str, ManifestEntry]:
        """The files stored so far, from the manifest graph (entries only grow: the largest count wins)."""
        found: dict[str, dict] = {}
        _, rows = self.client.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{_MANIFEST_GRAPH.value}> {{ ?s ?p ?o }} }}")
        for r in rows:
            if r["s"]["type"] != "uri" or r["o"]["type"] not in ("literal", "typed-literal"):
                continue
            digest, p, o = r["s"]["value"][len(_M_FILE):], r["p"]["value"], r["o"]["value"]
            rec = found.setdefault(digest, {"source": "", "state": "partial", "articles": 0})
            if p == _M_SOURCE.value:
                rec["source"] = o
            elif p == _M_STATE.value and o == "done":
                rec["state"] = "done"
            elif p == _M_ARTICLES.value:
                rec["articles"] = max(rec["articles"], int(o))
        return {d: ManifestEntry(d, r["source"], r["state"], r["articles"]) for d, r in found.items()}

    def query(self, text: str, params: dict[str, Any] | None = None) -> Rows:
        """Run SPARQL on the server, parameters bound as RDF terms in a VALUES row (never pasted in as text);
        the parameters are left out of the answer, as the embedded store leaves them."""
        params = params or {}
        cols, rows = self.client.select(with_prologue(bind(text, params, _term)))
        cols = [c for c in cols if c not in params]
        base = base_iri()
        return cols, [tuple(to_python(r.get(c), base) for c in cols) for r in rows]


    def counts(self) -> dict[str, int]:
        """Nodes per type and edges per type."""
        out: dict[str, int] = {}
        classes = " ".join(f"<{c}>" for c in _NODE_CLASSES)
        _, rows = self.client.select(f"SELECT ?c (COUNT(?s) AS ?n) WHERE {{ VALUES ?c {{ {classes} }} ?s a ?c }} "
                                     f"GROUP BY ?c")
        for r in rows:
            out[_NODE_CLASSES[r["c"]["value"]]] = int(r["n"]["value"])
        _, rows = self.client.select(f"SELECT ?r (COUNT(?s) AS ?n) WHERE {{ ?s <{GG}relation> ?r }} GROUP BY ?r")
        for r in rows:
            out[r["r"]["value"]] = int(r["n"]["value"])
        return out

    def size(self) -> int:
        """The triples of the default graph: a count on the server."""
        _, rows = self.client.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(rows[0]["n"]["value"]) if rows else 0

    def _read_graph(self) -> Graph:
        """The model graph held on the server: nodes with their typed properties, edges with their evidence."""
        base = base_iri()
        g = Graph()
        classes = ", ".join(f"<{t.classes[0]}>" for t in schema.NODE_TYPES.values())
        _, rows = self.client.select(f"SELECT ?s ?c ?l WHERE {{ ?s a ?c ; <{RDFS}label> ?l "
                                     f"FILTER(?c IN ({classes})) }}")
        for r in rows:
            nid = to_python(r["s"], base)
            g.nodes.setdefault(nid, Node(nid, r["c"]["value"][len(GG):], r["l"]["value"]))
        _, rows = self.client.select(f"SELECT ?s ?p ?o WHERE {{ ?s a ?c FILTER(?c IN ({classes})) ?s ?p ?o "
                                     f"FILTER(isLiteral(?o)) }}")
        for r in rows:
            node = g.nodes.get(to_python(r["s"], base))
            prop = _props(node.type).get(r["p"]["value"]) if node else None
            if node is None or prop is None:
                continue
            value = _value(r["o"]["value"], prop.datatype)
            if prop.many:
                node.props[prop.name] = sorted(node.props.get(prop.name, []) + [value])
            else:
                node.props.setdefault(prop.name, value)
        _, rows = self.client.select(f"""SELECT ?s ?r ?o ?a ?start ?end ?quote ?day WHERE {{
            ?st <{RDF}subject> ?s ; <{GG}relation> ?r ; <{RDF}object> ?o .
            OPTIONAL {{ ?st <{schema.DERIVED_FROM}> ?e . ?e <{GG}inArticle> ?a ; <{OA}start> ?start ;
                       <{OA}end> ?end ; <{OA}exact> ?quote . OPTIONAL {{ ?e <{GG}observedOn> ?day }} }} }}""")
        for r in rows:
            rel = r["r"]["value"]
            if rel not in schema.EDGE_TYPES:
                continue
            ev = None
            if "a" in r:
                ev = Evidence(to_python(r["a"], base), int(r["start"]["value"]), int(r["end"]["value"]),
                              r["quote"]["value"], r["day"]["value"] if "day" in r else None)
            g.add_edge(to_python(r["s"], base), rel, to_python(r["o"], base), ev)
        return g

    def evidence(self, who: str, *, relation: str | None = None) -> list[Support]:
        """Every edge of the nodes named ``who`` (an id, a label or a name), each with its supporting sentences."""
        base = base_iri()
        out = []
        for node in self._named(who):
            for r in self._bound(_EVIDENCE, {"node": node}):
                rel = r["relation"]["value"]
                if relation and rel != relation:
                    continue
                text = {k: (v["value"] if v else None) for k, v in
                        ((k, r.get(k)) for k in ("article_title", "published"))}
                out.append(Support(to_python(r["node"], base), r["node_label"]["value"], r["direction"]["value"],
                                   rel, r["other_label"]["value"], text["article_title"], text["published"],
                                   int(r["start"]["value"]), int(r["end"]["value"]), r["quote"]["value"]))
        return out

    def _bound(self, text: str, params: dict[str, Any]) -> list[dict]:
        """The raw bindings of a query run with parameters bound."""
        return self.client.select(with_prologue(bind(text, params, _term)))[1]

    def _named(self, who: str) -> list[ox.NamedNode]:
        found: dict[str, ox.NamedNode] = {}
        try:
            node = ox.NamedNode(base_iri() + who)
        except ValueError:  # not IRI-safe ('张 三'): it can only be a name or a label
            node = None
        if node is not None and self.client.ask(f"ASK {{ {node} <{RDFS}label> ?l }}"):
            found[node.value] = node
        for r in self._bound(_NAMED, {"who": ox.Literal(who)}):
            if r["node"]["type"] == "uri":
                found.setdefault(r["node"]["value"], ox.NamedNode(r["node"]["value"]))
        return list(found.values())

    def triples(self) -> Iterator[ox.Triple]:
        """The default graph's triples (the graph; what a server uniting its graphs adds of the index and the
        manifest left out)."""
        private = ", ".join(f"<{p}>" for p in _PRIVATE)
        _, rows = self.client.select(
            f"SELECT ?s ?p ?o WHERE {{ ?s ?p ?o FILTER(?p NOT IN ({private}) "
            f"&& !STRSTARTS(STR(?p), \"https://govgraph.org/ingest#\")) }}")
        for r in rows:
            yield ox.Triple(to_term(r["s"]), to_term(r["p"]), to_term(r["o"]))

    def close(self) -> None:
        """Forget the server (idempotent): there is no connection to keep."""
        self._client = None
        self._keeper = None


def _props(node_type: str) -> dict:
    return {p.predicate: p for p in schema.NODE_TYPES[node_type].props}
