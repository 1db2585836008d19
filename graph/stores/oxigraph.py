"""The embedded default: an Oxigraph RDF store on disk. No server; it survives between commands."""
from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from govgraph.loaders.encoding import visible
from govgraph.ontology import GG, OA, PREFIXES, RDF, RDFS, XSD, base_iri
from govgraph.queries import NodeId

from .. import schema
from ..derived import Touched
from ..model import Evidence, Graph, Node
from ..rdf import graph_ntriples, write_ntriples
from ..rdf_index import index_nquads
from ..written import Written
from .base import ManifestEntry, Rows, Store, StoreError, Support, WriteStats
from .folder import chunk_file, close_reader, open_reader, sweep_chunks, writer_active
from .oxigraph_index import IndexKeeper

# The sentences behind the edges of one node (?node is substituted, so it is projected: Oxigraph binds only
# projected variables).
_EVIDENCE = """
SELECT DISTINCT ?node ?node_label ?direction ?relation ?other_label ?article_title ?published ?start ?end ?quote
WHERE {
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
# Nodes named ``?who`` by their name or label (?who is a parameter, so it is projected too).
_NAMED = "SELECT DISTINCT ?node ?who WHERE { { ?node gg:name ?who } UNION { ?node rdfs:label ?who } }"
_NODE_CLASSES = {t.classes[0]: name for name, t in schema.NODE_TYPES.items()}
_MANIFEST_GRAPH = ox.NamedNode("https://govgraph.org/ingest#manifest")
_M_SOURCE = ox.NamedNode("https://govgraph.org/ingest#source")
_M_STATE = ox.NamedNode("https://govgraph.org/ingest#state")
_M_ARTICLES = ox.NamedNode("https://govgraph.org/ingest#articles")
_M_FILE = "https://govgraph.org/ingest/file/"


@dataclass
class PreparedChunk:
    """A chunk as an N-Triples file for Oxigraph's bulk loader (a temporary file: a chunk waiting to be written
    costs disk, not memory)."""

    path: Path
    stats: WriteStats
    touched: Touched

    def discard(self) -> None:
        """Remove the file (idempotent)."""
        self.path.unlink(missing_ok=True)


class OxigraphStore(Store):
    """An Oxigraph store in a folder. ``write`` is one transaction; an ingest's chunks go through the bulk
    loader, with the manifest written after each chunk, so a killed ingest re-run redoes at most one chunk."""

    name = "oxigraph"
    languages = frozenset({"sparql"})
    rdf_native = True
    # Oxigraph compares long strings by reading them back from disk (40 ms for 1,500 rows); Python sorts the
    # same rows in a millisecond, in the same order
    sorts_answers = True

    def __init__(self, path: str | Path = ".govgraph/store", *, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self._store: ox.Store | None = None
        self._snapshot: Path | None = None  # what a reader beside a writer reads (see folder.py)
        self._keeper: IndexKeeper | None = None
        self._written = Written()  # what this store's chunks carried already
        try:
            if read_only:
                self._store, self._snapshot = open_reader(self._existing())
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
                sweep_chunks()
        except (OSError, RuntimeError) as exc:
            raise StoreError(_open_error(exc, self.path, read_only)) from exc

    def _existing(self) -> Path:
        """The store's folder, or a StoreError saying why there is no store there (a reader never creates one)."""
        where = visible(str(self.path))
        if not self.path.exists():
            raise StoreError(f"no store at {where}: nothing has been ingested there (check --store)")
        if not self.path.is_dir():
            raise StoreError(f"{where} is a file, not a store folder (check --store)")
        if not (self.path / "CURRENT").exists():
            raise StoreError(f"no store at {where}: the folder holds no govgraph store (check --store)")
        return self.path

    @property
    def native(self) -> ox.Store:
        """The pyoxigraph Store underneath, for what only Oxigraph does (loading a Turtle file, say)."""
        if self._store is None:
            raise StoreError(f"the RDF store at {visible(str(self.path))} is closed")
        return self._store

    def prepare(self, graph: Graph) -> PreparedChunk:
        """The chunk's triples as an N-Quads file (evidence cited by several edges written once), with the name
        parts and years of the index graph; and what the chunk says about the counts."""
        fd, path = chunk_file()
        try:
            with os.fdopen(fd, "wb") as out:
                n = write_ntriples(graph, out, written=self._written)
                out.write("".join(index_nquads(graph, written=self._written)).encode("utf-8", "replace"))
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return PreparedChunk(path, WriteStats(nodes=len(graph.nodes), edges=len(graph.edges), triples=n),
                             Touched.of(graph))

    def discard(self, prepared: PreparedChunk) -> None:
        """Drop a prepared chunk that will not be committed."""
        prepared.discard()
        self._forget()

    def _forget(self) -> None:
        """After a chunk that was not stored: what the store was thought to hold may not be there."""
        self._keeper = None
        self._written.forget()

    def write(self, graph: Graph) -> WriteStats:
        """Add a graph (its triples in one transaction); the same triples twice are stored once."""
        self._writable()
        data, n = graph_ntriples(graph)
        data += "".join(index_nquads(graph)).encode("utf-8", "replace")
        with self._writing():
            self._with_counts(Touched.of(graph),
                              lambda: self.native.load(data, format=ox.RdfFormat.N_QUADS))
        return WriteStats(nodes=len(graph.nodes), edges=len(graph.edges), triples=n)

    def commit(self, prepared: PreparedChunk, entries: Sequence[ManifestEntry]) -> WriteStats:
        """Bulk-load a chunk and move the counts, then record its files in the manifest (one transaction)."""
        try:
            self._writable()
            with self._writing():
                if prepared.stats.triples:
                    # the ids are minted IRI-safe (graph/ids.py), so the loader's own IRI checks can be skipped
                    self._with_counts(prepared.touched, lambda: self.native.bulk_load(
                        path=str(prepared.path), format=ox.RdfFormat.N_QUADS, lenient=True))
                if entries:
                    self.native.extend([q for e in entries for q in _manifest_quads(e)])
        finally:
            prepared.discard()
        return prepared.stats

    def reindex(self) -> None:
        """Index every name and year, and count everything, again from the graph held."""
        self._writable()
        with self._writing():
            keeper = self._keeper or IndexKeeper(self.native)
            self._keeper = keeper
            keeper.begin()
            keeper.rebuild(names=True)
            keeper.end()

    def _with_counts(self, touched: Touched, load) -> None:
        """Load a chunk and move the counts of the index graph by what it added."""
        keeper = self._keeper or IndexKeeper(self.native)
        self._keeper = keeper
        try:
            keeper.counted(touched, load)
        except BaseException:
            self._forget()
            raise
        keeper.end()

    def manifest(self) -> dict[str, ManifestEntry]:
        """The files stored so far, from the manifest graph (entries only grow: the largest count wins)."""
        found: dict[str, dict] = {}
        with self._reading():
            for q in self.native.quads_for_pattern(None, None, None, _MANIFEST_GRAPH):
                if not isinstance(q.subject, ox.NamedNode) or not isinstance(q.object, ox.Literal):
                    continue
                digest = q.subject.value[len(_M_FILE):]
                rec = found.setdefault(digest, {"source": "", "state": "partial", "articles": 0})
                if q.predicate == _M_SOURCE:
                    rec["source"] = q.object.value
                elif q.predicate == _M_STATE and q.object.value == "done":
                    rec["state"] = "done"
                elif q.predicate == _M_ARTICLES:
                    rec["articles"] = max(rec["articles"], int(q.object.value))
        return {d: ManifestEntry(d, r["source"], r["state"], r["articles"]) for d, r in found.items()}

    def query(self, text: str, params: dict[str, Any] | None = None) -> Rows:
        """Run SPARQL with parameters bound by substitution, never by string building.

        Oxigraph substitutes only variables the query projects, so a query selects its parameters too; they
        are left out of the answer here.
        """
        params = params or {}
        base = base_iri()
        convert = _converter(base)
        with self._reading():
            res = self.native_query(text, params)
            if isinstance(res, ox.QueryBoolean):  # ASK: one row, one column
                return ["ask"], [(bool(res),)]
            if isinstance(res, ox.QueryTriples):  # CONSTRUCT, DESCRIBE: a row per triple
                return ["subject", "predicate", "object"], [
                    (convert(t.subject), convert(t.predicate), convert(t.object)) for t in res]
            keep = [i for i, v in enumerate(res.variables) if v.value not in params]
            cols = [res.variables[i].value for i in keep]
            rows = [tuple([convert(sol[i]) for i in keep]) for sol in res]
        return cols, rows

    def native_query(self, text: str, params: dict[str, Any] | None = None):
        """Oxigraph's own answer to a SPARQL query (solutions, a boolean or triples), parameters bound by
        substitution; what a SPARQL endpoint serializes as it is. Updates are not queries: they are refused."""
        subs = {ox.Variable(k): _term(v) for k, v in (params or {}).items()}
        try:
            return self.native.query(text, prefixes=PREFIXES, substitutions=subs, base_iri=None)
        except SyntaxError as exc:
            if re.search(r"\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)\b", text, re.IGNORECASE):
                raise StoreError(f"not a SPARQL query (updates are not run here: the store is written by "
                                 f"ingest): {_reason(exc)}") from exc
            raise StoreError(f"not valid SPARQL: {_reason(exc)}") from exc
        except RuntimeError as exc:
            unbound = re.search(r"variable \?(\w+) in its SELECT", str(exc))
            if unbound:
                raise StoreError(f"parameter {unbound.group(1)} is bound only when the query selects it: add "
                                 f"?{unbound.group(1)} to the SELECT") from exc
            raise


    def counts(self) -> dict[str, int]:
        """Nodes per type and edges per type, each counted on its own index range (no scan of the store)."""
        out: dict[str, int] = {}
        classes = " ".join(f"<{c}>" for c in _NODE_CLASSES)
        with self._reading():
            for sol in self._select(f"SELECT ?c (COUNT(?s) AS ?n) WHERE {{ VALUES ?c {{ {classes} }} "
                                    f"?s a ?c }} GROUP BY ?c"):
                out[_NODE_CLASSES[sol["c"].value]] = int(sol["n"].value)
            for sol in self._select(f"SELECT ?r (COUNT(?s) AS ?n) WHERE {{ ?s <{GG}relation> ?r }} GROUP BY ?r"):
                out[sol["r"].value] = int(sol["n"].value)
        return out

    def size(self) -> int:
        """The triples of the graph (the manifest left out): a scan of the whole store."""
        with self._reading():
            for sol in self._select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"):
                return int(sol["n"].value)
        return 0

    def _read_graph(self) -> Graph:
        """The model graph held in the store: nodes with their typed properties, edges with their evidence."""
        with self._reading():
            return self._model_graph()

    def _model_graph(self) -> Graph:
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
        out = []
        with self._reading():
            for node in self._named(who, base):
                res = self.native.query(_EVIDENCE, prefixes=PREFIXES, substitutions={ox.Variable("node"): node})
                assert isinstance(res, ox.QuerySolutions)
                for s in res:
                    rel = s["relation"].value
                    if relation and rel != relation:
                        continue
                    out.append(Support(_local(s["node"], base), s["node_label"].value, s["direction"].value, rel,
                                       s["other_label"].value,
                                       s["article_title"].value if s["article_title"] else None,
                                       s["published"].value if s["published"] else None,
                                       int(s["start"].value), int(s["end"].value), s["quote"].value))
        return out

    def _named(self, who: str, base: str) -> list[ox.NamedNode]:
        """The nodes ``who`` names: the node with that id (when it makes an IRI at all), and those with that
        name or label."""
        found: dict[str, ox.NamedNode] = {}
        try:
            node = ox.NamedNode(base + who)
        except ValueError:  # not IRI-safe ('张 三'): it can only be a name or a label
            node = None
        if node is not None and next(self.native.quads_for_pattern(node, ox.NamedNode(RDFS + "label"), None,
                                                                    ox.DefaultGraph()), None):
            found[node.value] = node
        res = self.native.query(_NAMED, prefixes=PREFIXES, substitutions={ox.Variable("who"): ox.Literal(who)})
        assert isinstance(res, ox.QuerySolutions)
        for sol in res:
            if isinstance(sol["node"], ox.NamedNode):
                found.setdefault(sol["node"].value, sol["node"])
        return list(found.values())

    def triples(self) -> Iterator[ox.Triple]:
        """The default graph's triples (the graph; the manifest and the index graph left out)."""
        with self._reading():
            for q in self.native.quads_for_pattern(None, None, None, ox.DefaultGraph()):
                yield ox.Triple(q.subject, q.predicate, q.object)

    def dump(self, path: Path, rdf_format: Any, prefixes: dict[str, str]) -> bool:
        """The graph written by Oxigraph itself (Turtle, N-Triples): an export at the speed of the store."""
        # an OSError here is the output's (a path that cannot be written), and says so as it is
        self.native.dump(str(path), rdf_format, from_graph=ox.DefaultGraph(), prefixes=prefixes)
        return True

    def close(self) -> None:
        """Flush what was written and release the folder (idempotent)."""
        if self._store is not None:
            store, self._store = self._store, None
            self._keeper = None  # it holds the store too: the folder's lock goes with the last reference
            if not self.read_only:
                with self._writing():
                    store.flush()
            del store
            close_reader(self._snapshot)

    def _select(self, text: str) -> ox.QuerySolutions:
        res = self.native.query(text)
        assert isinstance(res, ox.QuerySolutions)
        return res

    @contextmanager
    def _reading(self):
        try:
            yield
        except (OSError, RuntimeError) as exc:
            # a reader beside a writer can find a file the writer has just compacted away
            busy = self.read_only and writer_active(self.path)
            raise StoreError(f"cannot read the store at {visible(str(self.path))}: {_reason(exc)}"
                             + (" (an ingest is writing it: run the command again)" if busy else "")) from exc

    @contextmanager
    def _writing(self):
        try:
            yield
        except (OSError, RuntimeError, SyntaxError, ValueError) as exc:
            raise StoreError(f"cannot write to the store at {visible(str(self.path))}: {_reason(exc)}") from exc


def _manifest_quads(e: ManifestEntry) -> list[ox.Quad]:
    s = ox.NamedNode(_M_FILE + e.digest)
    out = [ox.Quad(s, _M_SOURCE, ox.Literal(e.source), _MANIFEST_GRAPH),
           ox.Quad(s, _M_ARTICLES, ox.Literal(str(e.articles), datatype=ox.NamedNode(XSD + "integer")),
                   _MANIFEST_GRAPH)]
    if e.state == "done":
        out.append(ox.Quad(s, _M_STATE, ox.Literal("done"), _MANIFEST_GRAPH))
    return out


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    for prefix in ("IO error: ", "Corruption: "):
        text = text.replace(prefix, "")
    return visible(text)


def _open_error(exc: BaseException, path: Path, read_only: bool) -> str:
    """One line saying why a store folder could not be opened, and what to do."""
    where = visible(str(path))
    text = str(exc)
    if "LOCK" in text and ("temporarily unavailable" in text or "lock hold" in text):
        return (f"the store at {where} is being written by another command (an ingest?); wait for it to finish "
                f"(query, export, view, explain and stats can read it meanwhile)")
    if "Corruption" in text or "corrupt" in text.lower():
        return f"the store at {where} is damaged: {_reason(exc)}"
    if isinstance(exc, PermissionError) or "Permission denied" in text or "Read-only file system" in text:
        return f"cannot {'read' if read_only else 'write to'} the store at {where}: {_reason(exc)}"
    if isinstance(exc, FileNotFoundError) or "No such file" in text or "Not a directory" in text:
        return f"no usable store at {where}: {_reason(exc)}"
    return f"cannot open the store at {where}: {_reason(exc)}"


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
    if isinstance(v, NodeId):
        try:
            return ox.NamedNode(base_iri() + v)
        except ValueError:
            raise StoreError(f"{visible(str(v))!r} is not a node id (ids look like meeting/430400/…)") from None
    if isinstance(v, bool):
        return ox.Literal("true" if v else "false", datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(v, date):
        return ox.Literal(v.isoformat(), datatype=ox.NamedNode(XSD + "date"))
    if isinstance(v, int):
        return ox.Literal(str(v), datatype=ox.NamedNode(XSD + "integer"))
    if isinstance(v, float):
        return ox.Literal(repr(v), datatype=ox.NamedNode(XSD + "double"))
    return ox.Literal(str(v))


_INTEGERS = frozenset(XSD + t for t in ("integer", "int", "long", "nonNegativeInteger"))
_DECIMALS = frozenset(XSD + t for t in ("decimal", "double", "float"))


def _converter(base: str):
    """A function from an RDF term to Python (an IRI under ``base`` as its node id, numbers as numbers, other
    literals as text), written for speed: a view converts hundreds of thousands of terms."""
    cut = len(base)
    literal, named = ox.Literal, ox.NamedNode

    def convert(term):
        kind = type(term)
        if kind is named:
            value = term.value
            return value[cut:] if value.startswith(base) else value
        if kind is literal:
            datatype = term.datatype
            if datatype is not None:
                dt = datatype.value
                if dt in _INTEGERS:
                    return int(term.value)
                if dt in _DECIMALS:
                    return float(term.value)
            return term.value
        return None if term is None else str(term)

    return convert
